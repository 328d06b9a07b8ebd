package sheet

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"valueflow/model"
	"valueflow/model/sample"
)

const utf16File = "\xff\xfeN\x00a\x00"

// A dry run is the user's checklist: every problem of every sheet in one
// run, not a sheet's header first, then its references, then its values.
func TestADryRunListsEveryProblemOfEveryKindAtOnce(t *testing.T) {
	_, rep, err := ReadCSVDir(writeCSVs(t, map[string]string{
		"stakeholders.csv":  "id,name,influence\nh1,Huisarts,7\nh2,Apotheker,veel\n",
		"steps.csv":         okSteps,
		"contributions.csv": "step,stakeholder,value\nIntake,Huisarst,Advies\nIntake,Huisarts,Zorg\n",
		"relationships.csv": "a,a\nh1,h2\n",
		"flows.csv":         utf16File,
	}))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		`stakeholders row 2, column Influence: stakeholder "h1": influence 7 is out of range 1..5`,
		"stakeholders row 3, column Influence: 'veel' is not a whole number",
		"contributions, column Role: required column is missing",
		"contributions row 2, column Stakeholder: 'Huisarst' not found — did you mean 'Huisarts'?",
		`flows: the file is UTF-16 text (Excel's "Unicode text"); save it as "CSV UTF-8" or "CSV" instead`,
		"relationships, column B: required column is missing",
		"relationships row 1, column a: the column appears twice (also as 'a')",
	}
	if got := issues(rep.Errors); !reflect.DeepEqual(got, want) {
		t.Errorf("errors:\n%s\nwant exactly:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// What follows from a problem already reported is not reported again: a
// reference into a table that could not be read whole, a row left out for
// its unknown scenario, the same unknown name twice in one cell.
func TestAProblemIsReportedOnceWithoutFollowUps(t *testing.T) {
	cases := []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{"an unknown stakeholder named twice in a relationship is not a relationship with itself", map[string]string{
			"stakeholders.csv": okStakeholders, "relationships.csv": "id,a,b\nr1,Huisarst,Huisarst\n"},
			[]string{"relationships row 2, column A: 'Huisarst' not found — did you mean 'Huisarts'?",
				"relationships row 2, column B: 'Huisarst' not found — did you mean 'Huisarts'?"}},
		{"an unknown member listed twice is one problem", map[string]string{
			"stakeholders.csv": okStakeholders, "coalitions.csv": "id,name,members\nco1,Thuis,\"Huisarst, Huisarst\"\n"},
			[]string{"coalitions row 2, column Members: 'Huisarst' not found — did you mean 'Huisarts'?"}},
		{"a flow between two unknown cards is not a flow from a card to itself", map[string]string{
			"stakeholders.csv": okStakeholders, "steps.csv": okSteps,
			"contributions.csv": "id,step,stakeholder,value,role\nc1,Intake,Huisarts,Advies,lead\n",
			"flows.csv":         "id,from,to\nf1,Zorg,Zorg\n"},
			[]string{"flows row 2, column From: 'Zorg' not found", "flows row 2, column To: 'Zorg' not found"}},
		{"a step of an unknown scenario is not looked for again by its cards", map[string]string{
			"scenarios.csv": "name\nAs-is\n", "stakeholders.csv": okStakeholders,
			"steps.csv":         "scenario,id,name\n,s1,Intake\nTo-be,s2,Nazorg\n",
			"contributions.csv": "step,stakeholder,value,role\nNazorg,Huisarts,Advies,lead\ns2,Huisarts,Controle,lead\n"},
			[]string{"steps row 3, column Scenario: 'To-be' not found"}},
		{"a step of an unknown scenario still has its values checked", map[string]string{
			"scenarios.csv": "name\nAs-is\n", "steps.csv": "scenario,id,name,experience\nTo-be,s2,Nazorg,-3\n"},
			[]string{"steps row 2, column Scenario: 'To-be' not found",
				`steps row 2, column Experience: step "s2": experience -3 is out of range -2..2`}},
		{"a UTF-16 stakeholders file does not make every stakeholder unknown", map[string]string{
			"stakeholders.csv": utf16File, "steps.csv": okSteps,
			"contributions.csv": "step,stakeholder,value,role\nIntake,Huisarts,Advies,lead\nBehandeling,h2,Zorg,baas\n"},
			[]string{`stakeholders: the file is UTF-16 text (Excel's "Unicode text"); save it as "CSV UTF-8" or "CSV" instead`,
				"contributions row 3, column Role: 'baas' is not a known role (valid: lead, contributes, consulted, informed)"}},
		{"stakeholders without a name column are not each reported empty or unknown", map[string]string{
			"stakeholders.csv": "id,kind\nh1,professional\nh2,patient\n", "steps.csv": okSteps,
			"contributions.csv": "step,stakeholder,value,role\nIntake,Huisarts,Advies,lead\nIntake,Huisartz,Zorg,lead\n"},
			[]string{"stakeholders, column Name: required column is missing"}},
		{"a left-out step column is not a missing step on every row", map[string]string{
			"stakeholders.csv": okStakeholders, "steps.csv": okSteps,
			"contributions.csv": "stakeholder,value,role\nHuisarts,Advies,lead\nApotheker,Zorg,lead\n"},
			[]string{"contributions, column Step: required column is missing",
				"contributions row 3, column Stakeholder: 'Apotheker' not found"}},
		{"a problem of the first of two rows with one id points at that row", map[string]string{
			"stakeholders.csv": "id,name,colour\nh1,Huisarts,rood\nh1,Apotheker,\n"},
			[]string{`stakeholders row 2, column Colour: stakeholder "h1": colour "rood" is not of the form #rrggbb`,
				"stakeholders row 3, column Id: id 'h1' is used twice"}},
		{"a number too large to read is not also out of range", map[string]string{
			"stakeholders.csv": "id,name,influence\nh1,Huisarts,99999999999999999999\n"},
			[]string{"stakeholders row 2, column Influence: '99999999999999999999' is not a whole number"}},
		{"a card of an unknown scenario is not looked for again by its flows", map[string]string{
			"scenarios.csv": "name\nAs-is\n", "stakeholders.csv": okStakeholders, "steps.csv": okSteps,
			"contributions.csv": "scenario,id,step,stakeholder,value,role\n,c1,Intake,Huisarts,Advies,lead\nTo-be,c2,Intake,Huisarts,Zorg,lead\n",
			"flows.csv":         "from,to\nAdvies,Zorg\nc1,c2\n"},
			[]string{"contributions row 3, column Scenario: 'To-be' not found"}},
		{"a scenario id differing only in case from two is refused with both", map[string]string{
			"scenarios.csv": "id,name\nsc,As-is\nSC,To-be\n", "steps.csv": "scenario,name\nSc,Intake\n"},
			[]string{"steps row 2, column Scenario: 'Sc' matches the ids sc, SC (rows 2, 3) only up to case; write the one meant exactly"}},
		{"one sheet's header problem does not hide another sheet's values", map[string]string{
			"Stappen.csv": "naam\nIntake\n", "steps.csv": "name\nIntake\n",
			"stakeholders.csv": "id,name,attitude\nh1,Huisarts,5\n"},
			[]string{"steps: the sheet appears twice (also as 'Stappen')",
				`stakeholders row 2, column Attitude: stakeholder "h1": attitude 5 is out of range -2..2`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			assertRefused(t, c.files, c.want)
		})
	}
}

// docs/spreadsheet-format.md: a step or stakeholder "can be named by its
// id or by its name, in any case". A generated id never differs only in
// case from one given, so a reference cannot land on the wrong row.
func TestIdsAreFoundInAnyCaseAndGeneratedIdsNeverClashInCase(t *testing.T) {
	m, rep, err := ReadCSVDir(writeCSVs(t, map[string]string{
		"stakeholders.csv":  "id,name\nH2,Huisarts\n,Apotheker\n,Wijkteam\n",
		"steps.csv":         "id,name\nS1,Intake\n,Behandeling\n",
		"contributions.csv": "step,stakeholder,value,role\ns1,h2,Advies,lead\nS1,H2,Zorg,lead\n",
	}))
	if err != nil || m == nil {
		t.Fatalf("m=%v err=%v report:\n%s", m, err, rep)
	}
	var ids []string
	for _, h := range m.Stakeholders {
		ids = append(ids, string(h.ID))
	}
	sc := m.Scenarios[0]
	for _, s := range sc.Steps {
		ids = append(ids, string(s.ID))
	}
	if want := "H2 h1 h3 S1 s2"; strings.Join(ids, " ") != want {
		t.Errorf("ids %v, want %s", ids, want)
	}
	for _, c := range sc.Contributions {
		if c.Step != "S1" || c.Stakeholder != "H2" {
			t.Errorf("card %q is on step %q of stakeholder %q, want S1 of H2 (Intake, Huisarts)", c.Value, c.Step, c.Stakeholder)
		}
	}
}

func TestAScenarioIdIsFoundInAnyCase(t *testing.T) {
	m, rep, err := ReadCSVDir(writeCSVs(t, map[string]string{
		"scenarios.csv": "id,name\nasis,Huidige situatie\ntobe,Gewenst\n",
		"steps.csv":     "scenario,name\nTOBE,Intake\nAsIs,Nazorg\n",
	}))
	if err != nil || m == nil {
		t.Fatalf("m=%v err=%v report:\n%s", m, err, rep)
	}
	if a, b := m.Scenarios[0].Steps, m.Scenarios[1].Steps; len(a) != 1 || a[0].Name != "Nazorg" || len(b) != 1 || b[0].Name != "Intake" {
		t.Errorf("steps %+v and %+v", a, b)
	}
}

// A file that is not a table is ignored whatever it holds: that it could
// not be read does not stop the import.
func TestAnUnreadableFileThatIsNoTableIsOnlyIgnored(t *testing.T) {
	m, rep, err := ReadCSVDir(writeCSVs(t, map[string]string{"stakeholders.csv": okStakeholders, "telefoonlijst.csv": utf16File}))
	if err != nil || m == nil {
		t.Fatalf("m=%v err=%v report:\n%s", m, err, rep)
	}
	if got, want := issues(rep.Warnings), []string{"telefoonlijst: unknown sheet, ignored"}; !reflect.DeepEqual(got, want) {
		t.Errorf("warnings %q, want %q", got, want)
	}
}

func TestAnIdReferenceThatIsOnlyCloseIsRefusedWithTheIdsMeant(t *testing.T) {
	cases := []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{"ids that differ only in case are told apart by exact case only", map[string]string{
			"stakeholders.csv": okStakeholders, "steps.csv": "id,name\nab,Intake\nAB,Behandeling\n",
			"contributions.csv": "step,stakeholder,value,role\nab,h1,Advies,lead\nAB,h1,Zorg,lead\nAb,h1,Nazorg,lead\n"},
			[]string{"contributions row 4, column Step: 'Ab' matches the ids ab, AB (rows 2, 3) only up to case; write the one meant exactly"}},
		{"a near miss of an id gets a suggestion", map[string]string{
			"stakeholders.csv": okStakeholders, "steps.csv": okSteps,
			"contributions.csv": "step,stakeholder,value,role\nIntake,hh1,Advies,lead\n"},
			[]string{"contributions row 2, column Stakeholder: 'hh1' not found — did you mean 'h1'?"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, rep, err := ReadCSVDir(writeCSVs(t, c.files))
			if err != nil {
				t.Fatal(err)
			}
			if got := issues(rep.Errors); !reflect.DeepEqual(got, c.want) {
				t.Errorf("errors:\n%s\nwant exactly:\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
		})
	}
}

// A map may hold ids that differ only in case (the model tells them
// apart); its export still comes back as it was.
func TestIdsThatDifferOnlyInCaseRoundTrip(t *testing.T) {
	m := sample.Map()
	sc := m.Scenarios[0]
	twin := *sc.Steps[0]
	twin.ID = model.ID(strings.ToUpper(string(twin.ID)))
	twin.Name = "Tweeling"
	sc.Steps = append(sc.Steps, &twin)
	card := *sc.Contributions[0]
	card.ID, card.Step, card.Value = "C-twin", twin.ID, "Tweelingwaarde"
	sc.Contributions = append(sc.Contributions, &card)
	if err := m.Validate(); err != nil {
		t.Fatal(err)
	}
	roundTrip(t, "twin ids", m)
}

// Anonymising recognises persons by their kind, so every known kind is
// read as the app's kind whatever its case or language; other text stays.
func TestKnownStakeholderKindsAreReadInAnyCaseAndLanguage(t *testing.T) {
	m, rep, err := ReadCSVDir(writeCSVs(t, map[string]string{
		"stakeholders.csv": "name,kind\nA,Patient\nB,CARER\nC,Professional\nD,PATIËNT\nE,Mantelzorger\nF,Gemeente\nG, organisation \nH,mantel zorger\nI,Informal carer\n",
	}))
	if err != nil || m == nil {
		t.Fatalf("m=%v err=%v report:\n%s", m, err, rep)
	}
	var got []string
	for _, h := range m.Stakeholders {
		got = append(got, string(h.Kind))
	}
	want := []string{"patient", "carer", "professional", "patient", "carer", "Gemeente", "organisation", "mantel zorger", "carer"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("kinds %q, want %q", got, want)
	}
}

func TestMisspeltSheetsAndColumnsGetASuggestion(t *testing.T) {
	_, rep, err := ReadCSVDir(writeCSVs(t, map[string]string{
		"Stakeholders.csv":  "Naam;Soort;Telefoon\nHuisarts;professional;06\n",
		"Stappen.csv":       "Naam;Wachtijd (dagen)\nIntake;2\n",
		"Bijdragn.csv":      "Stap;Stakeholder;Waarde;Rol\nIntake;Huisarts;Advies;leidend\n",
		"contributions.csv": "step,Stakeholdr,value,Rool\nIntake,Huisarts,Advies,lead\n",
		"notities.csv":      "a\nb\n",
	}))
	if err != nil {
		t.Fatal(err)
	}
	wantErrors := []string{"contributions, column Stakeholder: required column is missing", "contributions, column Role: required column is missing"}
	if got := issues(rep.Errors); !reflect.DeepEqual(got, wantErrors) {
		t.Errorf("errors:\n%s\nwant exactly:\n%s", strings.Join(got, "\n"), strings.Join(wantErrors, "\n"))
	}
	wantWarnings := []string{
		"Bijdragn: unknown sheet, ignored — did you mean 'Bijdragen'?",
		"notities: unknown sheet, ignored",
		"Stappen row 1, column Wachtijd (dagen): unknown column, ignored — did you mean 'Wachttijd (dagen)'?",
		"Stakeholders row 1, column Telefoon: unknown column, ignored",
		"contributions row 1, column Stakeholdr: unknown column, ignored — did you mean 'Stakeholder'?",
		"contributions row 1, column Rool: unknown column, ignored — did you mean 'Role'?",
	}
	if got := issues(rep.Warnings); !reflect.DeepEqual(got, wantWarnings) {
		t.Errorf("warnings:\n%s\nwant exactly:\n%s", strings.Join(got, "\n"), strings.Join(wantWarnings, "\n"))
	}
}

// A Dutch sheet suggests its Dutch column name.
func TestADutchSheetSuggestsItsDutchColumn(t *testing.T) {
	_, rep, err := ReadCSVDir(writeCSVs(t, map[string]string{
		"Stakeholders.csv": okStakeholders, "Stappen.csv": "Naam\nIntake\n",
		"Bijdragen.csv": "Stap;Stakeholder;Waarde;Rool\nIntake;Huisarts;Advies;leidend\n",
	}))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"Bijdragen row 1, column Rool: unknown column, ignored — did you mean 'Rol'?"}
	if got := issues(rep.Warnings); !reflect.DeepEqual(got, want) {
		t.Errorf("warnings:\n%s\nwant exactly:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// Excel flags a number stored as text; the workbook writes numbers as
// numbers, and import reads both.
func TestAWorkbookHoldsNumbersAsNumbers(t *testing.T) {
	m := sample.Map()
	m.Relationships = append(m.Relationships, &model.Relationship{ID: "rq", A: m.Stakeholders[0].ID, B: m.Stakeholders[1].ID, Quality: -2})
	m.Scenarios[0].Steps[0].Experience = model.Int(-1)
	m.Scenarios[0].Steps[0].WaitDays = 3
	var buf bytes.Buffer
	if err := WriteXLSX(&buf, m, "en"); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	checked := 0
	for _, tb := range tables {
		for c, col := range tb.cols {
			letter, _ := excelize.ColumnNumberToName(c + 1)
			rows, _ := f.GetRows(tb.key)
			for r := 2; r <= len(rows); r++ {
				cell := letter + itoa(r)
				v, _ := f.GetCellValue(tb.key, cell)
				typ, _ := f.GetCellType(tb.key, cell)
				// A cell without a type attribute is a number in OOXML.
				isNumber := typ == excelize.CellTypeUnset || typ == excelize.CellTypeNumber
				switch {
				case numericColumns[col.en] && v != "" && !isNumber:
					t.Errorf("%s!%s (%s) = %q is stored as text", tb.key, cell, col.en, v)
				case !numericColumns[col.en] && v != "" && isNumber:
					t.Errorf("%s!%s (%s) = %q is stored as a number", tb.key, cell, col.en, v)
				case numericColumns[col.en] && v != "":
					checked++
				}
			}
		}
	}
	for _, col := range []string{"start_day", "duration_days", "wait_days", "experience", "attitude", "influence", "interest", "quality"} {
		if !numericColumns[col] {
			t.Errorf("%s is not written as a number", col)
		}
	}
	if checked < 10 {
		t.Errorf("only %d numbers checked", checked)
	}
	got, rep, err := ReadXLSX(bytes.NewReader(buf.Bytes()))
	if err != nil || !reflect.DeepEqual(got, m) {
		t.Fatalf("round trip: %v\n%s\n%s", err, rep, diff(m, got))
	}
}

// Workbooks written before numbers were numbers, and hand-made ones,
// hold them as text; they read the same.
func TestNumbersStoredAsTextStillImport(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", "Stakeholders"); err != nil {
		t.Fatal(err)
	}
	for i, row := range [][]any{{"name", "influence", "attitude"}, {"Huisarts", "4", "-1"}, {"Apotheker", 3, -2}} {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Stakeholders", cell, &row); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	m, rep, err := ReadXLSX(&buf)
	if err != nil || m == nil {
		t.Fatalf("%v\n%s", err, rep)
	}
	if h := m.Stakeholders; h[0].Influence != 4 || h[0].Attitude != -1 || h[1].Influence != 3 || h[1].Attitude != -2 {
		t.Errorf("%+v %+v", h[0], h[1])
	}
}
