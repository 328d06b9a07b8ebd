// Package sheet reads and writes a value-flow map as spreadsheet tables:
// an XLSX workbook (excelize) or a folder of CSV files. Import is forgiving
// of hand-made sheets (Dutch or English names, any order, names or ids as
// references) and reports every problem with sheet, row and column.
package sheet

import (
	"fmt"
	"sort"
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

// required columns per table; the others may be left out of a hand-made
// sheet and then take their default (as in JSON: a flow is a normal
// hand-off). A contribution needs its value and role, as in the model.
var required = map[string][]string{
	"Map": {"key", "value"}, "Scenarios": {"name"}, "Steps": {"name"}, "Stakeholders": {"name"},
	"Contributions": {"step", "stakeholder", "value", "role"}, "Flows": {"from", "to"}, "Relationships": {"a", "b"},
	"Coalitions": {"name"},
}

// Issue is one problem found while importing. Key names what went wrong and
// Args fill in its message, so the GUI can say it in the user's language
// (like storage's error codes); String gives the English line the command
// line prints.
type Issue struct {
	Sheet      string // as the user named it; "" for the file as a whole
	Row        int    // 1-based as the spreadsheet shows it (the header is row 1); 0 for the sheet itself
	Column     string // the column as the sheet's language names it, or its letter
	Key        string
	Args       []string
	Suggestion string
	Valid      []string // the accepted words, shown when there is no suggestion

	// Where the issue is listed: the report goes sheet by sheet (the file
	// as a whole, then unknown sheets, then the tables in their order),
	// each from its top row down and from left to right.
	group, col int
}

// messages are the English texts of the issue keys; an issue's Args fill
// them in, in order.
var messages = map[string]string{
	"not-csv":                 "not readable as CSV: %s",
	"utf16":                   "the file is UTF-16 text (Excel's \"Unicode text\"); save it as \"CSV UTF-8\" or \"CSV\" instead",
	"cp1252":                  "the file is not UTF-8; it was read as Windows-1252, as Excel's \"CSV\" saves it: check letters such as ë and é",
	"unknown-sheet":           "unknown sheet, ignored",
	"sheet-twice":             "the sheet appears twice (also as '%s')",
	"no-sheets":               "no known sheets found (expected Steps, Stakeholders, Contributions, Flows… or Stappen, Bijdragen, Overdrachten…)",
	"unknown-column":          "unknown column, ignored",
	"column-twice":            "the column appears twice (also as '%s')",
	"column-missing":          "required column is missing",
	"no-heading":              "'%s' is in a column without a heading and is ignored",
	"no-heading-more":         "'%s' is in a column without a heading and is ignored, as are %s more values in it",
	"unknown-key":             "unknown key '%s', ignored",
	"not-a-number":            "'%s' is not a whole number",
	"not-yes-no":              "'%s' is not yes or no",
	"unknown-role":            "'%s' is not a known role",
	"unknown-capital":         "'%s' is not a known capital",
	"unknown-evidence":        "'%s' is not a known kind of evidence",
	"unknown-flow-kind":       "'%s' is not a known kind of flow",
	"unknown-criticality":     "'%s' is not a known criticality",
	"unknown-stage":           "'%s' is not a known network stage",
	"no-role":                 "no role given",
	"no-stakeholder":          "no stakeholder given",
	"no-step":                 "no step given",
	"no-contribution":         "no contribution given",
	"not-found":               "'%s' not found",
	"id-twice":                "id '%s' is used twice",
	"same-stakeholder-name":   "'%s' is the name of %s stakeholders (rows %s); give the id instead: %s",
	"same-step-name":          "'%s' is the name of %s steps in this scenario (rows %s); give the id instead: %s",
	"same-contribution-value": "'%s' is the value of %s contributions in this scenario (rows %s); give the id instead: %s",
	"same-id-case":            "'%s' matches the ids %s (rows %s) only up to case; write the one meant exactly",
	// The model's own checks, made here first so that they can be
	// translated; the English is the model's, word for word. Their first
	// two arguments are the kind and the quoted id (`step "s3"`).
	"empty":             "%s %s: %s is empty",
	"out-of-range":      "%s %s: %s %s is out of range %s..%s",
	"negative":          "%s %s: %s %s is negative",
	"bad-colour":        "%s %s: colour %s is not of the form #rrggbb",
	"self-relationship": "%s %s: a stakeholder cannot have a relationship with itself",
	"member-twice":      "%s %s: member %s is listed twice",
	"same-card":         "%s %s: from and to are the same card",
	// A message that is already complete (the model's, JSON's).
	"text": "%s",
}

// IssueKeys lists every key an Issue can have, for the translations.
func IssueKeys() []string {
	keys := make([]string, 0, len(messages))
	for k := range messages {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Message is the issue's English message, without its place.
func (i Issue) Message() string {
	format, ok := messages[i.Key]
	if !ok {
		format = i.Key
	}
	args := make([]any, len(i.Args))
	for n, a := range i.Args {
		args[n] = a
	}
	msg := fmt.Sprintf(format, args...)
	if i.Suggestion == "" && len(i.Valid) > 0 {
		msg += " (valid: " + strings.Join(i.Valid, ", ") + ")"
	}
	return msg
}

func (i Issue) String() string {
	var b strings.Builder
	if i.Sheet == "" {
		b.WriteString("(file)")
	} else {
		b.WriteString(i.Sheet)
	}
	if i.Row > 0 {
		fmt.Fprintf(&b, " row %d", i.Row)
	}
	if i.Column != "" {
		fmt.Fprintf(&b, ", column %s", i.Column)
	}
	b.WriteString(": ")
	b.WriteString(i.Message())
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

// words is one enumerated column: the model's values in its order, the
// Dutch word for each (what a Dutch workbook writes and offers), and what
// else import accepts. Import takes either language in any sheet.
type words struct {
	key    string // the issue key for a word it does not know
	en, nl []string
	accept map[string]string // normalised word → model value
}

func newWords(key string, en, nl []string, aliases map[string]string) *words {
	w := &words{key: key, en: en, nl: nl, accept: map[string]string{}}
	for i := range en {
		w.accept[norm(en[i])] = en[i]
		w.accept[norm(nl[i])] = en[i]
	}
	for a, v := range aliases {
		w.accept[norm(a)] = v
	}
	return w
}

func strs[T ~string](xs []T) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = string(x)
	}
	return out
}

// list is what a sheet in lang offers.
func (w *words) list(lang string) []string {
	if lang == "nl" {
		return w.nl
	}
	return w.en
}

// word is the value v as a sheet in lang writes it.
func (w *words) word(v, lang string) string {
	if lang != "nl" {
		return v
	}
	for i, e := range w.en {
		if e == v {
			return w.nl[i]
		}
	}
	return v
}

var (
	roleWords = newWords("unknown-role", strs(model.Roles), []string{"leidend", "draagt bij", "geraadpleegd", "geïnformeerd"},
		map[string]string{"leider": "lead", "bijdragend": "contributes", "contributing": "contributes", "geinformeerd": "informed"})
	capitalWords  = newWords("unknown-capital", strs(model.Capitals), []string{"economisch", "sociaal", "cultureel"}, nil)
	evidenceWords = newWords("unknown-evidence", strs(model.Evidences), []string{"interview", "data", "aanname"}, nil)
	flowWords     = newWords("unknown-flow-kind", strs(model.FlowKinds), []string{"overdracht", "verwijzing", "informatie", "middelen"},
		map[string]string{"handoff": "hand-off"})
	critWords  = newWords("unknown-criticality", strs(model.Criticalities), []string{"laag", "normaal", "hoog"}, nil)
	stageWords = newWords("unknown-stage", strs(model.Stages), strs(model.Stages),
		map[string]string{"connect": "verbinden", "connecting": "verbinden", "align": "richten", "aligning": "richten",
			"produce": "produceren", "producing": "produceren"})
	// A lane's kind is free text: the app's own kinds are offered, and read
	// back in either language and any case as the app's kind ("Patiënt",
	// "CARER" and "informal carer", as the English app calls it), since
	// anonymising knows a person by the kind; any other kind ("Gemeente")
	// round-trips as written.
	kindWords = newWords("", strs(model.StakeholderKinds),
		[]string{"organisatie", "professional", "patiënt", "mantelzorger", "financier", "overheid"},
		map[string]string{"informal carer": "carer"})
	boolWords = map[string]bool{"yes": true, "ja": true, "true": true, "waar": true, "1": true, "x": true,
		"no": false, "nee": false, "false": false, "onwaar": false, "0": false, "": false}
)

func boolStr(v bool, lang string) string {
	switch {
	case v && lang == "nl":
		return "ja"
	case v:
		return "yes"
	case lang == "nl":
		return "nee"
	}
	return "no"
}

// mapKeys are the keys of the Map sheet in each language.
var mapKeys = map[string][2]string{"title": {"title", "titel"}, "purpose": {"purpose", "doel"}, "region": {"region", "regio"},
	"description": {"description", "beschrijving"}, "stage": {"stage", "netwerkfase"}}

func mapKey(k, lang string) string {
	if lang == "nl" {
		return mapKeys[k][1]
	}
	return mapKeys[k][0]
}

// rows turns the map into rows for each table, with the enumerated words in
// lang ("en" or "nl"); references are ids, so names need not be unique.
func rows(m *model.Map, lang string) map[string][][]string {
	out := map[string][][]string{}
	out["Map"] = [][]string{{mapKey("title", lang), m.Title}, {mapKey("purpose", lang), m.Purpose}, {mapKey("region", lang), m.Region},
		{mapKey("description", lang), m.Description}, {mapKey("stage", lang), string(m.Stage)}}
	scNames := scenarioColumn(m)
	for _, sc := range m.Scenarios {
		out["Scenarios"] = append(out["Scenarios"], []string{string(sc.ID), sc.Name, sc.BasedOn, sc.Notes})
		for _, s := range sc.Steps {
			out["Steps"] = append(out["Steps"], []string{scNames[sc], string(s.ID), s.Name, s.Timing, itoa(s.StartDay),
				itoa(s.DurationDays), itoa(s.WaitDays), s.Description, optInt(s.Experience), optInt(s.CarerExperience), s.PainPoints})
		}
		for _, c := range sc.Contributions {
			out["Contributions"] = append(out["Contributions"], []string{scNames[sc], string(c.ID), string(c.Step), string(c.Stakeholder),
				c.Value, c.Description, roleWords.word(string(c.Role), lang), capitalWords.word(string(c.Capital), lang),
				boolStr(c.Tangible, lang), evidenceWords.word(string(c.Evidence), lang)})
		}
		for _, f := range sc.Flows {
			out["Flows"] = append(out["Flows"], []string{scNames[sc], string(f.ID), string(f.From), string(f.To),
				flowWords.word(string(f.Kind), lang), f.Label, critWords.word(string(f.Criticality), lang)})
		}
	}
	for _, s := range m.Stakeholders {
		out["Stakeholders"] = append(out["Stakeholders"], []string{string(s.ID), s.Name, kindWords.word(string(s.Kind), lang), s.Organisation, s.Colour,
			itoa(s.Attitude), itoa(s.Influence), itoa(s.Interest), boolStr(s.InformalLeader, lang), s.Notes})
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
