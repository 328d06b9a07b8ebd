// Package sheet reads and writes a value-flow map as spreadsheet tables:
// an XLSX workbook (excelize) or a folder of CSV files. Import is forgiving
// of hand-made sheets (Dutch or English names, any order, names or ids as
// references) and reports every problem with sheet, row and column.
package sheet

import (
	"fmt"
	"strconv"
	"strings"

	"valueflow/model"
)

// column is one column of a table: its canonical (English) name and its Dutch name.
type column struct{ en, nl string }

// table is one sheet / CSV file.
type table struct {
	key  string // canonical English sheet name
	nl   string
	file string
	cols []column
}

var (
	tMap       = table{"Map", "Kaart", "map.csv", []column{{"key", "sleutel"}, {"value", "waarde"}}}
	tScenarios = table{"Scenarios", "Scenario's", "scenarios.csv", []column{
		{"id", "id"}, {"name", "naam"}, {"based_on", "gebaseerd op"}, {"notes", "notities"}}}
	tSteps = table{"Steps", "Stappen", "steps.csv", []column{
		{"scenario", "scenario"}, {"id", "id"}, {"name", "naam"}, {"timing", "timing"}, {"start_day", "startdag"},
		{"duration_days", "duur (dagen)"}, {"wait_days", "wachttijd (dagen)"}, {"description", "beschrijving"},
		{"experience", "ervaring"}, {"carer_experience", "ervaring mantelzorger"}, {"pain_points", "knelpunten"}}}
	tStakeholders = table{"Stakeholders", "Stakeholders", "stakeholders.csv", []column{
		{"id", "id"}, {"name", "naam"}, {"kind", "soort"}, {"organisation", "organisatie"}, {"colour", "kleur"},
		{"attitude", "houding"}, {"influence", "invloed"}, {"interest", "belang"},
		{"informal_leader", "informele leider"}, {"notes", "notities"}}}
	tContributions = table{"Contributions", "Bijdragen", "contributions.csv", []column{
		{"scenario", "scenario"}, {"id", "id"}, {"step", "stap"}, {"stakeholder", "stakeholder"}, {"value", "waarde"},
		{"description", "beschrijving"}, {"role", "rol"}, {"capital", "kapitaal"}, {"tangible", "tastbaar"},
		{"evidence", "onderbouwing"}}}
	tFlows = table{"Flows", "Overdrachten", "flows.csv", []column{
		{"scenario", "scenario"}, {"id", "id"}, {"from", "van"}, {"to", "naar"}, {"kind", "soort"},
		{"label", "label"}, {"criticality", "kritiek"}}}
	tRelationships = table{"Relationships", "Relaties", "relationships.csv", []column{
		{"id", "id"}, {"a", "a"}, {"b", "b"}, {"kind", "soort"}, {"quality", "kwaliteit"}, {"notes", "notities"}}}
	tCoalitions = table{"Coalitions", "Coalities", "coalitions.csv", []column{
		{"id", "id"}, {"name", "naam"}, {"issue", "vraagstuk"}, {"members", "leden"}}}

	tables = []table{tMap, tScenarios, tSteps, tStakeholders, tContributions, tFlows, tRelationships, tCoalitions}
)

// required columns per table; the others may be left out of a hand-made sheet.
var required = map[string][]string{
	"Map": {"key", "value"}, "Scenarios": {"name"}, "Steps": {"name"}, "Stakeholders": {"name"},
	"Contributions": {"step", "stakeholder"}, "Flows": {"from", "to"}, "Relationships": {"a", "b"},
	"Coalitions": {"name"},
}

// Issue is one problem found while importing.
type Issue struct {
	Sheet      string
	Row        int // 1-based as the spreadsheet shows it (the header is row 1); 0 for the sheet itself
	Column     string
	Message    string
	Suggestion string
}

func (i Issue) String() string {
	var b strings.Builder
	b.WriteString(i.Sheet)
	if i.Row > 0 {
		fmt.Fprintf(&b, " row %d", i.Row)
	}
	if i.Column != "" {
		fmt.Fprintf(&b, ", column %s", i.Column)
	}
	b.WriteString(": ")
	b.WriteString(i.Message)
	if i.Suggestion != "" {
		fmt.Fprintf(&b, " — did you mean '%s'?", i.Suggestion)
	}
	return b.String()
}

// Report lists what an import found. Errors stop the import; warnings do not.
type Report struct {
	Errors   []Issue
	Warnings []Issue
}

// OK says whether the import has no errors.
func (r *Report) OK() bool { return len(r.Errors) == 0 }

func (r *Report) String() string {
	var b strings.Builder
	for _, e := range r.Errors {
		b.WriteString("error: " + e.String() + "\n")
	}
	for _, w := range r.Warnings {
		b.WriteString("warning: " + w.String() + "\n")
	}
	return b.String()
}

func itoa(v int) string { return strconv.Itoa(v) }

func optInt(p *int) string {
	if p == nil {
		return ""
	}
	return strconv.Itoa(*p)
}

func boolStr(v bool) string {
	if v {
		return "yes"
	}
	return "no"
}

// rows turns the map into canonical rows (English values) for each table.
func rows(m *model.Map) map[string][][]string {
	out := map[string][][]string{}
	out["Map"] = [][]string{{"title", m.Title}, {"purpose", m.Purpose}, {"region", m.Region},
		{"description", m.Description}, {"stage", string(m.Stage)}}
	scNames := scenarioColumn(m)
	for _, sc := range m.Scenarios {
		out["Scenarios"] = append(out["Scenarios"], []string{string(sc.ID), sc.Name, sc.BasedOn, sc.Notes})
		for _, s := range sc.Steps {
			out["Steps"] = append(out["Steps"], []string{scNames[sc], string(s.ID), s.Name, s.Timing, itoa(s.StartDay),
				itoa(s.DurationDays), itoa(s.WaitDays), s.Description, optInt(s.Experience), optInt(s.CarerExperience), s.PainPoints})
		}
		for _, c := range sc.Contributions {
			out["Contributions"] = append(out["Contributions"], []string{scNames[sc], string(c.ID), string(c.Step), string(c.Stakeholder),
				c.Value, c.Description, string(c.Role), string(c.Capital), boolStr(c.Tangible), string(c.Evidence)})
		}
		for _, f := range sc.Flows {
			out["Flows"] = append(out["Flows"], []string{scNames[sc], string(f.ID), string(f.From), string(f.To), string(f.Kind), f.Label, string(f.Criticality)})
		}
	}
	for _, s := range m.Stakeholders {
		out["Stakeholders"] = append(out["Stakeholders"], []string{string(s.ID), s.Name, string(s.Kind), s.Organisation, s.Colour,
			itoa(s.Attitude), itoa(s.Influence), itoa(s.Interest), boolStr(s.InformalLeader), s.Notes})
	}
	for _, r := range m.Relationships {
		out["Relationships"] = append(out["Relationships"], []string{string(r.ID), string(r.A), string(r.B), r.Kind, itoa(r.Quality), r.Notes})
	}
	for _, c := range m.Coalitions {
		ms := make([]string, len(c.Members))
		for i, id := range c.Members {
			ms[i] = string(id)
		}
		out["Coalitions"] = append(out["Coalitions"], []string{string(c.ID), c.Name, c.Issue, strings.Join(ms, ", ")})
	}
	return out
}

func header(t table, lang string) []string {
	h := make([]string, len(t.cols))
	for i, c := range t.cols {
		if lang == "nl" {
			h[i] = c.nl
		} else {
			h[i] = c.en
		}
	}
	return h
}

func sheetName(t table, lang string) string {
	if lang == "nl" {
		return t.nl
	}
	return t.key
}

// scenarioColumn gives what the scenario column says for each scenario: its
// name, as people read it, unless that name could be taken for another
// scenario on import (a name shared up to case and spaces, or another
// scenario's id); then its id, which import looks up first.
func scenarioColumn(m *model.Map) map[*model.Scenario]string {
	count := map[string]int{}
	ids := map[string]bool{}
	for _, sc := range m.Scenarios {
		count[norm(sc.Name)]++
		ids[string(sc.ID)] = true
	}
	out := map[*model.Scenario]string{}
	for _, sc := range m.Scenarios {
		if count[norm(sc.Name)] == 1 && (!ids[sc.Name] || sc.Name == string(sc.ID)) && strings.TrimSpace(sc.Name) == sc.Name && sc.Name != "" {
			out[sc] = sc.Name
		} else {
			out[sc] = string(sc.ID)
		}
	}
	return out
}
