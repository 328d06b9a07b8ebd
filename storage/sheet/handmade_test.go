package sheet

import (
	"bytes"
	"errors"
	"os"
	"reflect"
	"strings"
	"syscall"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"
	unorm "golang.org/x/text/unicode/norm"

	"valueflow/model"
	"valueflow/model/sample"
)

// issues gives the English lines of a list of issues.
func issues(list []Issue) []string {
	var out []string
	for _, i := range list {
		out = append(out, i.String())
	}
	return out
}

// More hand-made mistakes, each with the exact line the command line prints.
func TestMoreHandMadeMistakesAreReportedWithExactMessages(t *testing.T) {
	cases := []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{"a table given twice names the other sheet", map[string]string{
			"Stappen.csv": "naam\nIntake\n", "steps.csv": "name\nIntake\n"},
			[]string{"steps: the sheet appears twice (also as 'Stappen')"}},
		{"a column given twice names the first", map[string]string{
			"stakeholders.csv": "name,Naam\nHuisarts,Apotheker\n"},
			[]string{"stakeholders row 1, column Naam: the column appears twice (also as 'name')"}},
		{"no known sheet at all", map[string]string{"notities.csv": "a\nb\n"},
			[]string{"(file): no known sheets found (expected Steps, Stakeholders, Contributions, Flows… or Stappen, Bijdragen, Overdrachten…)"}},
		{"an empty folder", map[string]string{},
			[]string{"(file): no known sheets found (expected Steps, Stakeholders, Contributions, Flows… or Stappen, Bijdragen, Overdrachten…)"}},
		{"an unknown scenario gets a suggestion", map[string]string{
			"scenarios.csv": "name\nAs-is\nTo-be\n", "steps.csv": "scenario,name\nTo-bee,Intake\n"},
			[]string{"steps row 2, column Scenario: 'To-bee' not found — did you mean 'To-be'?"}},
		{"a flow to a card that is not there", map[string]string{
			"stakeholders.csv": okStakeholders, "steps.csv": okSteps,
			"contributions.csv": "step,stakeholder,value,role\nIntake,Huisarts,Verwijzing,lead\nBehandeling,Huisarts,Controle,lead\n",
			"flows.csv":         "from,to\nVerwijzing,Controel\n"},
			[]string{"flows row 2, column To: 'Controel' not found — did you mean 'Controle'?"}},
		{"a flow without its start", map[string]string{
			"stakeholders.csv": okStakeholders, "steps.csv": okSteps,
			"contributions.csv": "id,step,stakeholder,value,role\nc1,Intake,Huisarts,Verwijzing,lead\n",
			"flows.csv":         "from,to\n,c1\n"},
			[]string{"flows row 2, column From: no contribution given"}},
		{"a yes/no cell with another word", map[string]string{
			"stakeholders.csv": "name,informal_leader\nHuisarts,misschien\n"},
			[]string{"stakeholders row 2, column Informal leader: 'misschien' is not yes or no"}},
		{"an unknown role in a Dutch sheet lists the Dutch words", map[string]string{
			"Stakeholders.csv": okStakeholders, "Stappen.csv": "Naam\nIntake\n",
			"Bijdragen.csv": "Stap;Stakeholder;Waarde;Rol\nIntake;Huisarts;Verwijzing;baas\n"},
			[]string{"Bijdragen row 2, column Rol: 'baas' is not a known role (valid: leidend, draagt bij, geraadpleegd, geïnformeerd)"}},
		{"an empty role in an English sheet lists the English words", map[string]string{
			"stakeholders.csv": okStakeholders, "steps.csv": okSteps,
			"contributions.csv": "step,stakeholder,value,role\nIntake,Huisarts,Verwijzing,\n"},
			[]string{"contributions row 2, column Role: no role given (valid: lead, contributes, consulted, informed)"}},
		{"an unknown flow kind in a Dutch sheet", map[string]string{
			"Stakeholders.csv": okStakeholders, "Stappen.csv": "Naam\nIntake\n",
			"Bijdragen.csv":    "Stap;Stakeholder;Waarde;Rol\nIntake;Huisarts;Verwijzing;leidend\nIntake;Huisarts;Intake;leidend\n",
			"Overdrachten.csv": "Van;Naar;Soort;Kritiek\nVerwijzing;Intake;verwijzen;erg\n"},
			[]string{"Overdrachten row 2, column Soort: 'verwijzen' is not a known kind of flow — did you mean 'verwijzing'?",
				"Overdrachten row 2, column Kritiek: 'erg' is not a known criticality (valid: laag, normaal, hoog)"}},
		{"a left-out role column is one problem for the sheet", map[string]string{
			"stakeholders.csv": okStakeholders, "steps.csv": okSteps,
			"contributions.csv": "step,stakeholder,value\nIntake,Huisarts,a\nIntake,Huisarts,b\nIntake,Huisarts,c\n"},
			[]string{"contributions, column Role: required column is missing"}},
		{"a left-out value column is one problem for the sheet", map[string]string{
			"Stakeholders.csv": okStakeholders, "Stappen.csv": "Naam\nIntake\n",
			"Bijdragen.csv": "Stap;Stakeholder;Rol\nIntake;Huisarts;leidend\nIntake;Huisarts;leidend\n"},
			[]string{"Bijdragen, column Waarde: required column is missing"}},
		{"a name shared by two stakeholders is refused with their ids", map[string]string{
			"stakeholders.csv": "id,name\nh1,Huisarts\nh2,Apotheker\nh3,huisarts\n", "steps.csv": okSteps,
			"contributions.csv": "step,stakeholder,value,role\nIntake,Huisarts,Verwijzing,lead\nIntake,h3,Advies,lead\n"},
			[]string{"contributions row 2, column Stakeholder: 'Huisarts' is the name of 2 stakeholders (rows 2, 4); give the id instead: h1, h3"}},
		{"a name shared by two steps is refused with their ids", map[string]string{
			"stakeholders.csv": okStakeholders, "steps.csv": "id,name\ns1,Intake\ns2,Intake\n",
			"contributions.csv": "step,stakeholder,value,role\nIntake,Huisarts,Verwijzing,lead\n"},
			[]string{"contributions row 2, column Step: 'Intake' is the name of 2 steps in this scenario (rows 2, 3); give the id instead: s1, s2"}},
		{"a value shared by two cards is refused in a flow", map[string]string{
			"stakeholders.csv": okStakeholders, "steps.csv": okSteps,
			"contributions.csv": "id,step,stakeholder,value,role\nc1,Intake,Huisarts,Advies,lead\nc2,Behandeling,Huisarts,Advies,lead\nc3,Behandeling,Wijkverpleegkundige,Zorg,lead\n",
			"flows.csv":         "from,to\nAdvies,Zorg\n"},
			[]string{"flows row 2, column From: 'Advies' is the value of 2 contributions in this scenario (rows 2, 3); give the id instead: c1, c2"}},
		{"an empty value", map[string]string{
			"stakeholders.csv": okStakeholders, "steps.csv": okSteps,
			"contributions.csv": "id,step,stakeholder,value,role\nc1,Intake,Huisarts,,lead\n"},
			[]string{`contributions row 2, column Value: contribution "c1": value is empty`}},
		{"a colour that is not one", map[string]string{
			"stakeholders.csv": "id,name,colour\nh1,Huisarts,rood\n"},
			[]string{`stakeholders row 2, column Colour: stakeholder "h1": colour "rood" is not of the form #rrggbb`}},
		{"a relationship of a stakeholder with itself", map[string]string{
			"stakeholders.csv": okStakeholders, "relationships.csv": "id,a,b\nr1,Huisarts,h1\n"},
			[]string{`relationships row 2, column B: relationship "r1": a stakeholder cannot have a relationship with itself`}},
		{"a coalition member listed twice", map[string]string{
			"stakeholders.csv": okStakeholders, "Coalities.csv": "id;naam;leden\nco1;Thuis;Huisarts, h1\n"},
			[]string{`Coalities row 2, column Leden: coalition "co1": member "h1" is listed twice`}},
		{"a flow from a card to itself", map[string]string{
			"stakeholders.csv": okStakeholders, "steps.csv": okSteps,
			"contributions.csv": "id,step,stakeholder,value,role\nc1,Intake,Huisarts,Advies,lead\n",
			"flows.csv":         "id,from,to\nf1,c1,Advies\n"},
			[]string{`flows row 2, column To: flow "f1": from and to are the same card`}},
		{"an experience out of range in a Dutch sheet", map[string]string{
			"Stappen.csv": "id;naam;ervaring\ns1;Intake;-3\n"},
			[]string{`Stappen row 2, column Ervaring: step "s1": experience -3 is out of range -2..2`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			assertRefused(t, c.files, c.want)
		})
	}
}

// The checks made before the model's give its very words, so the command
// line says what it always said; only now the GUI can translate them.
func TestTheImportsChecksSayWhatTheModelSays(t *testing.T) {
	m := &model.Map{
		Stakeholders:  []*model.Stakeholder{{ID: "h1", Name: " ", Attitude: 3, Influence: 6, Interest: -1, Colour: "#12345"}, {ID: "h2", Name: "B"}},
		Relationships: []*model.Relationship{{ID: "r1", A: "h2", B: "h2", Quality: -3}},
		Coalitions:    []*model.Coalition{{ID: "co1", Members: []model.ID{"h2", "h2"}}},
		Scenarios: []*model.Scenario{{ID: "sc1", Name: "", Steps: []*model.Step{{ID: "s1", Name: "", StartDay: -1, DurationDays: -2, WaitDays: -3,
			Experience: model.Int(5), CarerExperience: model.Int(-5)}},
			Contributions: []*model.Contribution{{ID: "c1", Step: "s1", Stakeholder: "h2", Value: "", Role: model.RoleLead}},
			Flows:         []*model.Flow{{ID: "f1", From: "c1", To: "c1", Kind: model.FlowHandOff, Criticality: model.CriticalityNormal}}}},
	}
	var ps model.Problems
	if !errors.As(m.Validate(), &ps) {
		t.Fatal("the model finds nothing wrong")
	}
	var want []string
	for _, p := range ps {
		want = append(want, p.Message)
	}
	p := &parser{rep: &Report{}, sheet: map[string]*rawSheet{}, lang: map[string]string{}, at: map[model.Ref]int{}}
	p.check(m)
	var got []string
	for _, i := range p.rep.Errors {
		got = append(got, i.Message())
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("the import's checks say:\n%s\nthe model says:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestSeparatorsAreGuessedFromSeveralLines(t *testing.T) {
	cases := []struct {
		name string
		csv  string
		want [][]string
	}{
		{"one semicolon column keeps its commas", "Naam\nHuisarts\nGemeente, Wmo\n",
			[][]string{{"Naam"}, {"Huisarts"}, {"Gemeente, Wmo"}}},
		{"a comma in a Dutch heading is not the separator", "Naam;Duur (dagen, ca.)\nHuisarts;3\nWijkteam;4\n",
			[][]string{{"Naam", "Duur (dagen, ca.)"}, {"Huisarts", "3"}, {"Wijkteam", "4"}}},
		{"rows shorter than the heading are still commas", "id,name,notes\nh1,Huisarts\nh2,Apotheker\n",
			[][]string{{"id", "name", "notes"}, {"h1", "Huisarts"}, {"h2", "Apotheker"}}},
		{"rows longer than the heading are still commas", "id,name\nh1,Huisarts,x\nh2,Apotheker,y\n",
			[][]string{{"id", "name"}, {"h1", "Huisarts", "x"}, {"h2", "Apotheker", "y"}}},
		{"a quoted semicolon in a comma file", "id,name\nh1,\"a;b\"\nh2,\"c;d;e\"\n",
			[][]string{{"id", "name"}, {"h1", "a;b"}, {"h2", "c;d;e"}}},
		{"tabs", "naam\tsoort\nHuisarts\tprofessional\n",
			[][]string{{"naam", "soort"}, {"Huisarts", "professional"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, cp, err := readCSV([]byte(c.csv))
			if err != nil || cp {
				t.Fatalf("err %v, cp1252 %v", err, cp)
			}
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}

func TestValuesInAColumnWithoutAHeadingAreReported(t *testing.T) {
	m, rep, err := ReadCSVDir(writeCSVs(t, map[string]string{
		"Stakeholders.csv": "Naam;Soort;;\nHuisarts;professional;;\nApotheker;;06-123;x\nWijkteam;;06-456;\n",
	}))
	if err != nil || m == nil {
		t.Fatalf("m=%v err=%v report:\n%s", m, err, rep)
	}
	want := []string{"Stakeholders row 3, column C: '06-123' is in a column without a heading and is ignored, as are 1 more values in it",
		"Stakeholders row 3, column D: 'x' is in a column without a heading and is ignored"}
	if got := issues(rep.Warnings); !reflect.DeepEqual(got, want) {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// Dutch Excel's "CSV (gescheiden door lijstscheidingsteken)" saves in
// Windows-1252, with semicolons and Windows line ends.
func TestAWindows1252CSVFromDutchExcelImportsWithAWarning(t *testing.T) {
	enc := func(s string) string {
		b, err := charmap.Windows1252.NewEncoder().String(strings.ReplaceAll(s, "\n", "\r\n"))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	m, rep, err := ReadCSVDir(writeCSVs(t, map[string]string{
		"Stakeholders.csv": enc("Naam;Soort\nMevrouw Öztürk;patiënt\nCoöperatie Zorg;organisatie\n"),
		"Stappen.csv":      "Naam\nIntake\n",
		"Bijdragen.csv":    enc("Stap;Stakeholder;Waarde;Rol\nIntake;Mevrouw Öztürk;Eigen regie — ‘thuis’;geïnformeerd\n"),
	}))
	if err != nil || m == nil {
		t.Fatalf("m=%v err=%v report:\n%s", m, err, rep)
	}
	// In the order of the tables, as every report.
	want := []string{
		`Stakeholders: the file is not UTF-8; it was read as Windows-1252, as Excel's "CSV" saves it: check letters such as ë and é`,
		`Bijdragen: the file is not UTF-8; it was read as Windows-1252, as Excel's "CSV" saves it: check letters such as ë and é`}
	if got := issues(rep.Warnings); !reflect.DeepEqual(got, want) {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	h := m.Stakeholders
	if h[0].Name != "Mevrouw Öztürk" || h[0].Kind != model.KindPatient || h[1].Name != "Coöperatie Zorg" || h[1].Kind != model.KindOrganisation {
		t.Errorf("stakeholders %+v %+v", h[0], h[1])
	}
	c := m.Scenarios[0].Contributions[0]
	if c.Value != "Eigen regie — ‘thuis’" || c.Role != model.RoleInformed || c.Stakeholder != h[0].ID {
		t.Errorf("contribution %+v", c)
	}
}

func TestAUTF16FileIsRefusedWithAClearMessage(t *testing.T) {
	_, rep, err := ReadCSVDir(writeCSVs(t, map[string]string{"Stakeholders.csv": "\xff\xfeN\x00a\x00"}))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{`Stakeholders: the file is UTF-16 text (Excel's "Unicode text"); save it as "CSV UTF-8" or "CSV" instead`}
	if got := issues(rep.Errors); !reflect.DeepEqual(got, want) {
		t.Errorf("errors %q", got)
	}
}

// A Mac, or text copied from a web page, may write "ï" as "i" with a
// combining diaeresis; it is the same word.
func TestDecomposedLettersMatch(t *testing.T) {
	nfd := func(s string) string { return unorm.NFD.String(s) }
	if nfd("geïnformeerd") == "geïnformeerd" {
		t.Fatal("the test text is not decomposed")
	}
	m, rep, err := ReadCSVDir(writeCSVs(t, map[string]string{
		"Stakeholders.csv": "Naam;Soort\nCoöperatie;organisatie\nMevrouw Öztürk;" + nfd("patiënt") + "\n",
		"Stappen.csv":      "Naam\nIntake\n",
		"Bijdragen.csv":    "Stap;Stakeholder;Waarde;Rol\nIntake;" + nfd("Coöperatie") + ";Advies;" + nfd("geïnformeerd") + "\n",
	}))
	if err != nil || m == nil {
		t.Fatalf("m=%v err=%v report:\n%s", m, err, rep)
	}
	c := m.Scenarios[0].Contributions[0]
	if c.Role != model.RoleInformed || c.Stakeholder != m.Stakeholders[0].ID || m.Stakeholders[1].Kind != model.KindPatient {
		t.Errorf("contribution %+v, kind %q", c, m.Stakeholders[1].Kind)
	}
}

// DESIGN.md: optional fields may be left out. A flow without kind and
// criticality is a normal hand-off, as in JSON.
func TestLeftOutOptionalColumnsTakeTheirDefaults(t *testing.T) {
	m, rep, err := ReadCSVDir(writeCSVs(t, map[string]string{
		"stakeholders.csv":  okStakeholders,
		"steps.csv":         okSteps,
		"contributions.csv": "step,stakeholder,value,role\nIntake,Huisarts,Verwijzing,lead\nBehandeling,Wijkverpleegkundige,Zorg,contributes\n",
		"flows.csv":         "from,to\nVerwijzing,Zorg\n",
	}))
	if err != nil || m == nil || len(rep.Warnings) > 0 {
		t.Fatalf("m=%v err=%v report:\n%s", m, err, rep)
	}
	if f := m.Scenarios[0].Flows[0]; f.Kind != model.FlowHandOff || f.Criticality != model.CriticalityNormal {
		t.Errorf("flow %+v", f)
	}
}

// The drop-downs are read back from the file: a Dutch workbook offers the
// Dutch words and writes them, an English one the English words.
func TestWorkbooksOfferDropDownListsInTheirLanguage(t *testing.T) {
	cases := []struct {
		lang  string
		sheet string
		cell  string // a cell with a role in the sample
		lists map[string][]string
	}{
		{"en", "Contributions", "lead", map[string][]string{
			"Contributions!G": {"lead", "contributes", "consulted", "informed"},
			"Contributions!H": {"economic", "social", "cultural"},
			"Contributions!I": {"yes", "no"},
			"Contributions!J": {"interview", "data", "assumption"},
			"Flows!E":         {"hand-off", "referral", "information", "resource"},
			"Flows!G":         {"low", "normal", "high"},
			"Stakeholders!C":  {"organisation", "professional", "patient", "carer", "funder", "government"},
			"Stakeholders!I":  {"yes", "no"},
		}},
		{"nl", "Bijdragen", "leidend", map[string][]string{
			"Bijdragen!G":    {"leidend", "draagt bij", "geraadpleegd", "geïnformeerd"},
			"Bijdragen!H":    {"economisch", "sociaal", "cultureel"},
			"Bijdragen!I":    {"ja", "nee"},
			"Bijdragen!J":    {"interview", "data", "aanname"},
			"Overdrachten!E": {"overdracht", "verwijzing", "informatie", "middelen"},
			"Overdrachten!G": {"laag", "normaal", "hoog"},
			"Stakeholders!C": {"organisatie", "professional", "patiënt", "mantelzorger", "financier", "overheid"},
			"Stakeholders!I": {"ja", "nee"},
		}},
	}
	for _, c := range cases {
		t.Run(c.lang, func(t *testing.T) {
			var buf bytes.Buffer
			if err := WriteXLSX(&buf, sample.Map(), c.lang); err != nil {
				t.Fatal(err)
			}
			f, err := excelize.OpenReader(&buf)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			got := map[string][]string{}
			for _, name := range f.GetSheetList() {
				dvs, err := f.GetDataValidations(name)
				if err != nil {
					t.Fatal(err)
				}
				for _, dv := range dvs {
					col := strings.TrimRight(strings.SplitN(dv.Sqref, ":", 2)[0], "0123456789")
					list := strings.Split(strings.Trim(dv.Formula1, `"`), ",")
					got[name+"!"+col] = list
					if dv.ErrorStyle == nil || *dv.ErrorStyle != "warning" {
						t.Errorf("%s!%s refuses other words; it should warn (import takes both languages)", name, col)
					}
					if !strings.HasSuffix(dv.Sqref, "1000") {
						t.Errorf("%s!%s covers only %s", name, col, dv.Sqref)
					}
				}
			}
			if !reflect.DeepEqual(got, c.lists) {
				t.Errorf("drop-downs:\n%v\nwant:\n%v", got, c.lists)
			}
			if v, _ := f.GetCellValue(c.sheet, "G2"); v != c.cell {
				t.Errorf("%s!G2 = %q, want %q", c.sheet, v, c.cell)
			}
		})
	}
}

// Without scenarios a map gets one, named in the language of its sheets.
func TestTheOneScenarioOfASheetIsNamedInItsLanguage(t *testing.T) {
	for _, c := range []struct {
		files map[string]string
		want  string
	}{
		{map[string]string{"Stakeholders.csv": "Naam;Soort\nHuisarts;professional\n", "Stappen.csv": "Naam\nIntake\n"}, "Huidige situatie"},
		{map[string]string{"stakeholders.csv": okStakeholders, "steps.csv": okSteps}, "As-is"},
		{map[string]string{"Stakeholders.csv": "Naam\nHuisarts\n"}, "Huidige situatie"},
	} {
		m, rep, err := ReadCSVDir(writeCSVs(t, c.files))
		if err != nil || m == nil {
			t.Fatalf("%v\n%s", err, rep)
		}
		if len(m.Scenarios) != 1 || m.Scenarios[0].Name != c.want {
			t.Errorf("%v: scenario %q, want %q", c.files, m.Scenarios[0].Name, c.want)
		}
	}
}

// A CSV folder that does not fit says so in the words of every export:
// the error is ErrDiskFull and, underneath, ENOSPC.
func TestAFullDiskIsSaidPlainly(t *testing.T) {
	err := error(diskFullError{&os.PathError{Op: "write", Path: "steps.csv", Err: syscall.ENOSPC}})
	if !errors.Is(err, ErrDiskFull) || !errors.Is(err, syscall.ENOSPC) || err.Error() != "the disk is full; nothing was written" {
		t.Errorf("%v", err)
	}
}

// assertRefused reads CSV files that must be refused and checks that the
// report holds exactly the errors want, in order.
func assertRefused(t *testing.T, files map[string]string, want []string) {
	t.Helper()
	m, rep, err := ReadCSVDir(writeCSVs(t, files))
	if err != nil {
		t.Fatal(err)
	}
	if m != nil {
		t.Errorf("got a map despite errors")
	}
	if got := issues(rep.Errors); !reflect.DeepEqual(got, want) {
		t.Errorf("errors:\n%s\nwant exactly:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
