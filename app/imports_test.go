package app

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"

	"valueflow/model"
	"valueflow/model/sample"
	"valueflow/storage/sheet"
)

// translator formats a key with one of the translation files, as Tf does in
// that language, and fails the test on a missing key or a bad verb.
func translator(t *testing.T, file string) func(string, ...any) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("translations", file))
	if err != nil {
		t.Fatal(err)
	}
	var words map[string]string
	if err := json.Unmarshal(b, &words); err != nil {
		t.Fatal(err)
	}
	return func(key string, args ...any) string {
		w, ok := words[key]
		if !ok {
			t.Errorf("%s has no %q", file, key)
			return key
		}
		if args == nil {
			return w // only asked whether it is there
		}
		s := fmt.Sprintf(w, args...)
		if strings.Contains(s, "%!") {
			t.Errorf("%s: %q with %q gives %q", file, key, args, s)
		}
		return s
	}
}

func csvFolder(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "tabellen")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// badImports are folders with every kind of problem; their issues are what
// the translations must say.
func badImports(t *testing.T) []sheet.Issue {
	t.Helper()
	h := "Naam;Invloed;Kleur;Houding\nHuisarts;7;rood;3\nHuisarts;2;;\n"
	folders := []map[string]string{
		{"Stakeholders.csv": h, "Stappen.csv": "Naam;Ervaring;Wachttijd (dagen)\nIntake;5;-1\n;;\n",
			"Bijdragen.csv":    "Stap;Stakeholder;Waarde;Rol;Kapitaal;Onderbouwing;Tastbaar\nIntake;Huisarst;V;baas;geld;gevoel;misschien\nIntke;;x;;;;\n",
			"Overdrachten.csv": "Van;Naar;Soort;Kritiek\n;V;x;y\n", "Relaties.csv": "A;B;Kwaliteit\nHuisarts;Huisarts;veel\n",
			"Kaart.csv": "sleutel;waarde\nkleur;blauw\nfase;dromen\n", "notities.csv": "x\n"},
		{"stakeholders.csv": "id,name,colour,attitude\nh1,Huisarts,red,3\nh1,Apotheker,,\n", "steps.csv": "name,name\nIntake,Intake\n"},
		{"stakeholders.csv": "id,name,colour,attitude\nh1,Huisarts,red,3\nh2,Apotheker,,\n",
			"steps.csv": "id,name,experience,wait_days\ns1,,5,-1\n", "relationships.csv": "id,a,b\nr1,h1,h1\n",
			"coalitions.csv":    "id,name,members\nco1,,\"h1, h1\"\n",
			"contributions.csv": "id,step,stakeholder,value,role\nc1,s1,h1,,lead\n", "flows.csv": "id,from,to\nf1,c1,c1\n"},
		{"Stappen.csv": "naam\nA\n", "steps.csv": "name\nB\n", "Bijdragen.csv": "stap\nA\n", "x.csv": "a;b;;\n1;2;3;4\n"},
		{"stakeholders.csv": "id,name,telefoon,\nh1,Huisarts,06,x\nh1,Apotheker,,y,z\n"},
		{"stakeholders.csv": "id,name\nh1,Huisarts\n", "steps.csv": "id,name\ns1,Intake\ns2,Intake\ns3,Nazorg\n",
			"contributions.csv": "id,step,stakeholder,value,role\nc1,Intake,h1,A,lead\nc2,,h1,B,lead\nc3,s3,h1,Z,lead\nc4,s3,h1,Z,lead\n",
			"flows.csv":         "from,to\nZ,c1\n"},
		{"stakeholders.csv": "id,name\nab,Huisarts\nAB,Apotheker\n", "steps.csv": "name\nIntake\n",
			"contributions.csv": "step,stakeholder,value,role\nIntake,Ab,Advies,lead\n"},
		{"Stakeholders.csv": "\xff\xfeN\x00"},
		{"Stakeholders.csv": "Naam;Soort\nCoöperatie;organisatie\n"},
		{},
	}
	var all []sheet.Issue
	for i, files := range folders {
		if i == 8 {
			b, _ := charmap.Windows1252.NewEncoder().String(files["Stakeholders.csv"])
			files["Stakeholders.csv"] = b
		}
		_, rep, err := sheet.ReadCSVDir(csvFolder(t, files))
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, rep.Errors...)
		all = append(all, rep.Warnings...)
	}
	return all
}

// The English GUI says exactly what the command line prints; the Dutch GUI
// says it in Dutch, with every key translated and every verb filled.
func TestImportProblemsReadTheSameInTheEnglishGUIAndInDutch(t *testing.T) {
	en, nl := translator(t, "en.json"), translator(t, "nl.json")
	found := map[string]bool{}
	for _, i := range badImports(t) {
		found[i.Key] = true
		if got := issueText(i, en); got != i.String() {
			t.Errorf("English GUI:\n%s\ncommand line:\n%s", got, i.String())
		}
		if got := issueText(i, nl); strings.Contains(got, " row ") || strings.Contains(got, "column ") {
			t.Errorf("Dutch GUI in English: %s", got)
		}
	}
	for _, k := range sheet.IssueKeys() {
		en("import." + k)
		nl("import." + k)
		if !found[k] && k != "text" && k != "not-csv" && k != "unknown-evidence" {
			t.Errorf("no test import gives %q", k)
		}
	}

	cases := []struct {
		issue sheet.Issue
		want  string
	}{
		{sheet.Issue{Sheet: "Bijdragen", Row: 14, Column: "Stakeholder", Key: "not-found", Args: []string{"Huisarst"}, Suggestion: "Huisarts"},
			"Bijdragen rij 14, kolom Stakeholder: 'Huisarst' niet gevonden — bedoelde u 'Huisarts'?"},
		{sheet.Issue{Sheet: "Bijdragen", Row: 2, Column: "Rol", Key: "unknown-role", Args: []string{"baas"}, Valid: []string{"leidend", "draagt bij"}},
			"Bijdragen rij 2, kolom Rol: 'baas' is geen bekende rol (geldig: leidend, draagt bij)"},
		{sheet.Issue{Sheet: "Stakeholders", Row: 2, Column: "Invloed", Key: "out-of-range", Args: []string{"stakeholder", `"h1"`, "influence", "7", "1", "5"}},
			`Stakeholders rij 2, kolom Invloed: 7 valt buiten het bereik 1..5 (id "h1")`},
		{sheet.Issue{Key: "no-sheets"},
			"(bestand): geen bekende werkbladen gevonden (verwacht: Stappen, Stakeholders, Bijdragen, Overdrachten… of Steps, Contributions, Flows…)"},
	}
	for _, c := range cases {
		if got := issueText(c.issue, nl); got != c.want {
			t.Errorf("got  %s\nwant %s", got, c.want)
		}
	}
}

// Every phrase of the import dialog has both translations, also the ones
// ending in a full stop that the app-wide test leaves out.
func TestEveryPhraseOfTheImportDialogIsTranslated(t *testing.T) {
	en, nl := translator(t, "en.json"), translator(t, "nl.json")
	src, err := os.ReadFile("imports.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range regexp.MustCompile(`\bTf?\("([^"]+)"`).FindAllStringSubmatch(string(src), -1) {
		en(m[1])
		nl(m[1])
	}
	for _, k := range []string{"(file)", "%s row %d", "%s, column %s", "%s — did you mean '%s'?", "%s (valid: %s)"} {
		en(k)
		nl(k)
	}
}

// A workbook with warnings: the report comes first, and nothing is written
// until the user accepts the warnings and chooses where the map goes.
func TestAWorkbookWithWarningsIsImportedOnlyAfterTheyAreAccepted(t *testing.T) {
	mw, mapPath := openSample(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "zorgpad.xlsx")
	var buf bytes.Buffer
	if err := sheet.WriteXLSX(&buf, sample.Map(), "nl"); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	f.SetCellValue("Stakeholders", "K1", "Telefoon")
	f.SetCellValue("Stakeholders", "K2", "0612345678")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	f.Close()
	scenarios := len(mw.doc.m().Scenarios)
	before, _ := os.ReadFile(mapPath)

	d := mw.importFrom(path)
	if d == nil || len(d.rep.Warnings) != 1 || !d.rep.OK() {
		t.Fatalf("dialog %v", d)
	}
	if len(d.lines) != 1 || !strings.HasPrefix(d.lines[0], "⚠ Stakeholders ") || !strings.Contains(d.lines[0], "Telefoon") {
		t.Errorf("report lines %q", d.lines)
	}
	if !strings.Contains(d.summary.Text, T("1 warning")) || !strings.Contains(d.summary.Text, "zorgpad.xlsx") {
		t.Errorf("summary %q", d.summary.Text)
	}
	if d.accept == nil || !d.saveNew.Disabled() || !d.addHere.Disabled() {
		t.Fatal("the map can be saved before the warnings are accepted")
	}
	if d.scenario != nil {
		t.Error("a choice of scenario for a map of one scenario")
	}
	if after, _ := os.ReadFile(mapPath); !bytes.Equal(before, after) || len(mw.doc.m().Scenarios) != scenarios {
		t.Fatal("the report changed the open map")
	}
	if d.leftOut.Hidden || !strings.Contains(d.leftOut.Text, fmt.Sprint(len(sample.Map().Relationships))) {
		t.Errorf("what adding a scenario leaves out: %q (hidden %v)", d.leftOut.Text, d.leftOut.Hidden)
	}

	test.Tap(d.accept)
	if d.saveNew.Disabled() || d.addHere.Disabled() {
		t.Fatal("accepting the warnings did not enable the import")
	}
	test.Tap(d.addHere)
	// The workbook's scenario has the open map's name, so the file's is added.
	if len(mw.doc.m().Scenarios) != scenarios+1 || mw.doc.current().Name != sample.ScenarioName+" (zorgpad)" {
		t.Fatalf("no new scenario (%d, showing %q)", len(mw.doc.m().Scenarios), mw.doc.current().Name)
	}
	if snaps, err := mw.doc.file.Snapshots(); err != nil || len(snaps) == 0 {
		t.Fatalf("no snapshot before the import: %v", err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("the import wrote files next to the workbook: %v", entries)
	}
}

// A CSV folder with errors shows only the report: there is no way to save.
func TestACSVFolderWithErrorsShowsOnlyItsReport(t *testing.T) {
	mw, mapPath := openSample(t)
	dir := csvFolder(t, map[string]string{
		"Stakeholders.csv": "Naam\nHuisarts\n", "Stappen.csv": "Naam\nIntake\n",
		"Bijdragen.csv": "Stap;Stakeholder;Waarde;Rol\nIntake;Huisarst;Verwijzing;leidend\n",
	})
	before, _ := os.ReadFile(mapPath)
	d := mw.importFrom(dir)
	if d == nil || d.rep.OK() {
		t.Fatal("no report of the error")
	}
	want := "✗ " + issueText(sheet.Issue{Sheet: "Bijdragen", Row: 2, Column: "Stakeholder", Key: "not-found",
		Args: []string{"Huisarst"}, Suggestion: "Huisarts"}, Tf)
	if len(d.lines) != 1 || d.lines[0] != want {
		t.Errorf("report %q, want %q", d.lines, want)
	}
	if d.saveNew != nil || d.addHere != nil {
		t.Error("an import with errors can be saved")
	}
	if !strings.Contains(d.summary.Text, T("1 error")) {
		t.Errorf("summary %q", d.summary.Text)
	}
	if after, _ := os.ReadFile(mapPath); !bytes.Equal(before, after) {
		t.Fatal("a refused import changed the open map")
	}
	entries, _ := os.ReadDir(filepath.Dir(dir))
	if len(entries) != 1 {
		t.Errorf("a refused import wrote %v", entries)
	}
}

// Dutch Excel's CSV: semicolons, a BOM or Windows-1252, Windows line ends.
// A clean folder needs no accepting; the new map is written where asked.
func TestADutchExcelCSVFolderImportsIntoANewMap(t *testing.T) {
	mw, _ := openSample(t)
	cp := func(s string) string {
		b, err := charmap.Windows1252.NewEncoder().String(strings.ReplaceAll(s, "\n", "\r\n"))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	bom := func(s string) string { return "\ufeff" + strings.ReplaceAll(s, "\n", "\r\n") }
	clean := csvFolder(t, map[string]string{
		"Stakeholders.csv": bom("Naam;Soort\nHuisarts;professional\nGemeente, Wmo;overheid\n"),
		"Stappen.csv":      bom("Naam\nSignalering\n"),
		"Bijdragen.csv":    bom("Stap;Stakeholder;Waarde;Rol\nSignalering;Gemeente, Wmo;Indicatie;geïnformeerd\n"),
	})
	d := mw.importFrom(clean)
	if d == nil || !d.rep.OK() || len(d.lines) != 0 || d.accept != nil || d.saveNew.Disabled() {
		t.Fatalf("a clean Dutch CSV folder: %+v", d)
	}
	out := filepath.Join(t.TempDir(), "nieuw.vflow")
	mw.saveImportAt(out, d.m)
	if mw.doc.file.Path() != out {
		t.Fatalf("the new map is not open (%s)", mw.doc.file.Path())
	}
	m := mw.doc.m()
	if len(m.Stakeholders) != 2 || m.Stakeholders[1].Name != "Gemeente, Wmo" || m.Scenarios[0].Contributions[0].Role != model.RoleInformed {
		t.Errorf("imported %+v", m.Stakeholders)
	}
	// Saving over an existing file is refused.
	info, _ := os.Stat(out)
	mw.saveImportAt(out, sample.Map())
	if again, _ := os.Stat(out); again.ModTime() != info.ModTime() || again.Size() != info.Size() {
		t.Fatal("an import replaced an existing map")
	}

	ansi := csvFolder(t, map[string]string{
		"Stakeholders.csv": cp("Naam;Soort\nCoöperatie Zorg;organisatie\nMevrouw Öztürk;patiënt\n"),
		"Stappen.csv":      cp("Naam\nSignalering\n"),
		"Bijdragen.csv":    cp("Stap;Stakeholder;Waarde;Rol\nSignalering;Mevrouw Öztürk;Eigen regie;geïnformeerd\n"),
	})
	d = mw.importFrom(ansi)
	if d == nil || !d.rep.OK() || len(d.rep.Warnings) != 2 || d.accept == nil {
		t.Fatalf("a Windows-1252 folder: %+v", d)
	}
	if d.m.Stakeholders[1].Name != "Mevrouw Öztürk" {
		t.Errorf("name read as %q", d.m.Stakeholders[1].Name)
	}
}

// Imported as a scenario, a map of several scenarios lets the user pick
// one, and says what stays behind.
func TestTheScenarioToAddCanBeChosenAndWhatStaysBehindIsNamed(t *testing.T) {
	mw, _ := openSample(t)
	m := sample.Map()
	second := m.Scenarios[0].Clone()
	second.ID, second.Name = "tobe", "Gewenste situatie"
	m.Scenarios = append(m.Scenarios, second)
	path := filepath.Join(t.TempDir(), "twee.xlsx")
	var buf bytes.Buffer
	if err := sheet.WriteXLSX(&buf, m, "en"); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	d := mw.importFrom(path)
	if d == nil || d.scenario == nil || len(d.scenario.Options) != 2 {
		t.Fatalf("no choice of scenario: %+v", d)
	}
	if !strings.Contains(d.leftOut.Text, "Gewenste situatie") {
		t.Errorf("left out: %q", d.leftOut.Text)
	}
	d.scenario.SetSelectedIndex(1)
	if !strings.Contains(d.leftOut.Text, m.Scenarios[0].Name) || strings.Contains(d.leftOut.Text, "Gewenste situatie") {
		t.Errorf("left out after choosing the second: %q", d.leftOut.Text)
	}
	test.Tap(d.addHere)
	if got := mw.doc.current(); got.Name != "Gewenste situatie" || got.BasedOn != "Gewenste situatie" {
		t.Errorf("added %q based on %q", got.Name, got.BasedOn)
	}
}

// Each scenario of a workbook added to the open map keeps the name the
// workbook gives it; only a name the map has already gets the file's name.
func TestScenariosAddedFromAWorkbookKeepTheirNames(t *testing.T) {
	mw, _ := openSample(t)
	m := sample.Map()
	m.Scenarios[0].Name = "Voor de verhuizing"
	second := m.Scenarios[0].Clone()
	second.ID, second.Name = "na", "Na de verhuizing"
	m.Scenarios = append(m.Scenarios, second)
	path := filepath.Join(t.TempDir(), "twee.xlsx")
	var buf bytes.Buffer
	if err := sheet.WriteXLSX(&buf, m, "nl"); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		pick int
		want string
	}{{0, "Voor de verhuizing"}, {1, "Na de verhuizing"}, {0, "Voor de verhuizing (twee)"}, {0, "Voor de verhuizing (twee) 2"}} {
		d := mw.importFrom(path)
		if d == nil || d.scenario == nil {
			t.Fatalf("no choice of scenario: %+v", d)
		}
		d.scenario.SetSelectedIndex(c.pick)
		test.Tap(d.addHere)
		if got := mw.doc.current().Name; got != c.want {
			t.Errorf("added %q, want %q", got, c.want)
		}
	}
	var names []string
	for _, sc := range mw.doc.m().Scenarios {
		names = append(names, sc.Name)
	}
	if want := []string{sample.ScenarioName, "Voor de verhuizing", "Na de verhuizing", "Voor de verhuizing (twee)", "Voor de verhuizing (twee) 2"}; strings.Join(names, "|") != strings.Join(want, "|") {
		t.Errorf("scenarios %q, want %q", names, want)
	}
	if snaps, err := mw.doc.file.Snapshots(); err != nil || len(snaps) != 4 || snaps[0].Name != Tf("Before importing %s", "twee") {
		t.Errorf("snapshots %+v, %v", snaps, err)
	}
}

func TestAnImportedScenarioNamedAsOneOfTheMapsGetsTheFilesName(t *testing.T) {
	open := &model.Map{Scenarios: []*model.Scenario{{ID: "a", Name: "Huidige situatie"}, {ID: "b", Name: "Gewenst (kaart)"}}}
	for _, c := range []struct{ name, want string }{
		{"Gewenst", "Gewenst"},
		{"huidige SITUATIE", "huidige SITUATIE (kaart)"},
		{"Huidige situatie ", "Huidige situatie (kaart)"},
		{"gewenst (KAART)", "gewenst (KAART) (kaart)"},
	} {
		if got := scenarioNameFor(open, c.name, "kaart"); got != c.want {
			t.Errorf("%q: %q, want %q", c.name, got, c.want)
		}
	}
}
