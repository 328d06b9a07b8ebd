package sheet

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"valueflow/model"
)

// rawSheet is one table as read from a file: its name as the user wrote it and
// its rows (the first row is the header).
type rawSheet struct {
	name string
	rows [][]string
}

func norm(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.TrimPrefix(s, "\ufeff")
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '_' || r == '-' || unicode.IsSpace(r):
			b.WriteByte(' ')
		case r == '(' || r == ')' || r == '\'' || r == '.':
		default:
			b.WriteRune(r)
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

var sheetAliases = func() map[string]string {
	a := map[string]string{}
	for _, t := range tables {
		a[norm(t.key)] = t.key
		a[norm(t.nl)] = t.key
		a[norm(strings.TrimSuffix(t.file, ".csv"))] = t.key
	}
	a["scenarios"] = "Scenarios"
	a["map"] = "Map"
	a["kaart"] = "Map"
	return a
}()

func tableByKey(key string) table {
	for _, t := range tables {
		if t.key == key {
			return t
		}
	}
	return table{}
}

var ErrNoTables = errors.New("no known sheets found")

// words accepted for each enumerated column, Dutch and English.
var (
	roleWords = map[string]string{"lead": "lead", "leidend": "lead", "leider": "lead",
		"contributes": "contributes", "draagt bij": "contributes", "bijdragend": "contributes", "contributing": "contributes",
		"consulted": "consulted", "geraadpleegd": "consulted", "informed": "informed", "geïnformeerd": "informed", "geinformeerd": "informed"}
	capitalWords = map[string]string{"economic": "economic", "economisch": "economic", "social": "social", "sociaal": "social",
		"cultural": "cultural", "cultureel": "cultural"}
	evidenceWords = map[string]string{"interview": "interview", "data": "data", "assumption": "assumption", "aanname": "assumption"}
	flowWords     = map[string]string{"hand off": "hand-off", "handoff": "hand-off", "overdracht": "hand-off", "referral": "referral",
		"verwijzing": "referral", "information": "information", "informatie": "information", "resource": "resource", "middelen": "resource"}
	// A lane's kind is free text; only the Dutch names of the app's own kinds are
	// translated, so that another free-text kind ("gemeente") round-trips as written.
	kindWords = map[string]string{"organisatie": "organisation", "patiënt": "patient", "mantelzorger": "carer",
		"financier": "funder", "overheid": "government"}
	critWords  = map[string]string{"low": "low", "laag": "low", "normal": "normal", "normaal": "normal", "high": "high", "hoog": "high"}
	stageWords = map[string]string{"verbinden": "verbinden", "connect": "verbinden", "connecting": "verbinden",
		"richten": "richten", "align": "richten", "aligning": "richten", "produceren": "produceren", "produce": "produceren", "producing": "produceren"}
	boolWords = map[string]bool{"yes": true, "ja": true, "true": true, "waar": true, "1": true, "x": true,
		"no": false, "nee": false, "false": false, "onwaar": false, "0": false, "": false}
)

// extraColumnAliases are other headers people use for a column (normalised).
var extraColumnAliases = map[string]map[string]string{
	"Map": {"field": "key", "veld": "key", "eigenschap": "key", "property": "key"},
}

// parser holds the state of one import.
type parser struct {
	rep   *Report
	sheet map[string]*rawSheet // by canonical key
	used  map[string]bool      // every id written anywhere, so generated ids never clash
	next  map[string]int       // last number given per prefix, as jsonmap does, so generation stays linear
	at    map[model.Ref]int    // spreadsheet row of each entity, so the model's problems point at a row
}

// row gives access to the cells of one data row by canonical column name.
type row struct {
	p     *parser
	sheet string
	n     int // spreadsheet row number
	cells []string
	idx   map[string]int
}

func (r row) get(col string) string {
	i, ok := r.idx[col]
	if !ok || i >= len(r.cells) {
		return ""
	}
	return strings.TrimSpace(r.cells[i])
}

// text returns a free-text cell as written, so that text with surrounding
// spaces round-trips; names, ids and words are trimmed by get instead.
func (r row) text(col string) string {
	i, ok := r.idx[col]
	if !ok || i >= len(r.cells) {
		return ""
	}
	return r.cells[i]
}

func (r row) has(col string) bool { _, ok := r.idx[col]; return ok }

func (r row) colName(col string) string {
	t := tableByKey(r.sheet)
	for _, c := range t.cols {
		if c.en == col {
			if s := r.p.sheet[r.sheet]; s != nil && s.name != "" && norm(s.name) == norm(t.nl) && t.nl != t.key {
				return capitalise(c.nl)
			}
			return capitalise(c.en)
		}
	}
	return col
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func (r row) errorf(col, suggestion, format string, args ...any) {
	r.p.rep.Errors = append(r.p.rep.Errors, Issue{Sheet: r.p.sheet[r.sheet].name, Row: r.n, Column: r.colName(col),
		Message: fmt.Sprintf(format, args...), Suggestion: suggestion})
}

func (r row) int(col string) int {
	s := r.get(col)
	if s == "" {
		return 0
	}
	v, err := strconv.Atoi(s)
	if err != nil {
		if f, ferr := strconv.ParseFloat(strings.Replace(s, ",", ".", 1), 64); ferr == nil && f == float64(int(f)) {
			return int(f)
		}
		r.errorf(col, "", "'%s' is not a whole number", s)
	}
	return v
}

func (r row) optInt(col string) *int {
	if r.get(col) == "" {
		return nil
	}
	return model.Int(r.int(col))
}

func (r row) bool(col string) bool {
	s := norm(r.get(col))
	v, ok := boolWords[s]
	if !ok {
		r.errorf(col, "", "'%s' is not yes or no", r.get(col))
	}
	return v
}

func (r row) word(col string, words map[string]string, what string) string {
	raw := r.get(col)
	if raw == "" {
		return ""
	}
	if v, ok := words[norm(raw)]; ok {
		return v
	}
	var names []string
	for k := range words {
		names = append(names, k)
	}
	sort.Strings(names)
	r.errorf(col, suggest(norm(raw), names), "'%s' is not a known %s", raw, what)
	return raw
}

// id returns the row's id, or a generated one when the cell is empty.
func (r row) id(prefix string) model.ID {
	if s := r.get("id"); s != "" {
		return model.ID(s)
	}
	return r.p.newID(prefix)
}

func (p *parser) newID(prefix string) model.ID {
	n := p.next[prefix]
	for {
		n++
		id := prefix + strconv.Itoa(n)
		if !p.used[id] {
			p.used[id] = true
			p.next[prefix] = n
			return model.ID(id)
		}
	}
}

// rowsOf returns the data rows of a table, reporting unknown and missing columns.
func (p *parser) rowsOf(key string) []row {
	s := p.sheet[key]
	if s == nil || len(s.rows) == 0 {
		return nil
	}
	t := tableByKey(key)
	aliases := map[string]string{}
	for _, c := range t.cols {
		aliases[norm(c.en)] = c.en
		aliases[norm(c.nl)] = c.en
	}
	for a, c := range extraColumnAliases[key] {
		aliases[a] = c
	}
	idx := map[string]int{}
	for i, h := range s.rows[0] {
		if strings.TrimSpace(h) == "" {
			continue
		}
		c, ok := aliases[norm(h)]
		if !ok {
			p.rep.Warnings = append(p.rep.Warnings, Issue{Sheet: s.name, Row: 1, Column: strings.TrimSpace(h),
				Message: "unknown column, ignored"})
			continue
		}
		if _, dup := idx[c]; dup {
			p.rep.Errors = append(p.rep.Errors, Issue{Sheet: s.name, Row: 1, Column: strings.TrimSpace(h), Message: "the column appears twice"})
			continue
		}
		idx[c] = i
	}
	for _, c := range required[key] {
		if _, ok := idx[c]; !ok {
			r := row{p: p, sheet: key, idx: idx}
			p.rep.Errors = append(p.rep.Errors, Issue{Sheet: s.name, Column: r.colName(c), Message: "required column is missing"})
		}
	}
	var out []row
	for i, cells := range s.rows[1:] {
		blank := true
		for _, c := range cells {
			if strings.TrimSpace(c) != "" {
				blank = false
				break
			}
		}
		if blank {
			continue
		}
		out = append(out, row{p: p, sheet: key, n: i + 2, cells: cells, idx: idx})
	}
	return out
}

// parse builds a map from the raw sheets.
func parse(sheets []rawSheet) (*model.Map, *Report) {
	p := &parser{rep: &Report{}, sheet: map[string]*rawSheet{}, used: map[string]bool{}, next: map[string]int{}, at: map[model.Ref]int{}}
	for i := range sheets {
		s := &sheets[i]
		key, ok := sheetAliases[norm(s.name)]
		if !ok {
			p.rep.Warnings = append(p.rep.Warnings, Issue{Sheet: s.name, Message: "unknown sheet, ignored"})
			continue
		}
		if p.sheet[key] != nil {
			p.rep.Errors = append(p.rep.Errors, Issue{Sheet: s.name, Message: "the sheet appears twice"})
			continue
		}
		p.sheet[key] = s
	}
	if len(p.sheet) == 0 {
		p.rep.Errors = append(p.rep.Errors, Issue{Sheet: "(file)", Message: "no known sheets found (expected Steps, Stakeholders, Contributions, Flows… or Stappen, Bijdragen, Overdrachten…)"})
		return nil, p.rep
	}
	// Collect every id first so generated ones never take a name already used further down.
	rowsBy := map[string][]row{}
	for _, t := range tables {
		rowsBy[t.key] = p.rowsOf(t.key)
		for _, r := range rowsBy[t.key] {
			if id := r.get("id"); id != "" {
				p.used[id] = true
			}
		}
	}
	if len(p.rep.Errors) > 0 {
		return nil, p.rep
	}
	m := &model.Map{}
	for _, r := range rowsBy["Map"] {
		// The value is kept untrimmed so that text round-trips exactly.
		val := ""
		if i, ok := r.idx["value"]; ok && i < len(r.cells) {
			val = r.cells[i]
		}
		switch norm(r.get("key")) {
		case "title", "titel":
			m.Title = val
		case "purpose", "doel", "stip op de horizon":
			m.Purpose = val
		case "region", "regio":
			m.Region = val
		case "description", "beschrijving":
			m.Description = val
		case "stage", "netwerkfase", "fase":
			m.Stage = model.Stage(r.word("value", stageWords, "network stage"))
		default:
			p.rep.Warnings = append(p.rep.Warnings, Issue{Sheet: p.sheet["Map"].name, Row: r.n, Column: r.colName("key"),
				Message: fmt.Sprintf("unknown key '%s', ignored", r.get("key"))})
		}
	}

	// Scenarios, by id and by name.
	scByKey := map[string]*model.Scenario{}
	var scNames []string
	addScenario := func(sc *model.Scenario) {
		m.Scenarios = append(m.Scenarios, sc)
		scByKey[string(sc.ID)] = sc
		scByKey[norm(sc.Name)] = sc
		scNames = append(scNames, sc.Name)
	}
	for _, r := range rowsBy["Scenarios"] {
		sc := &model.Scenario{ID: r.id("sc"), Name: r.get("name"), BasedOn: r.get("based_on"), Notes: r.text("notes")}
		if m.Scenario(sc.ID) != nil {
			r.errorf("id", "", "id '%s' is used twice", sc.ID)
		}
		addScenario(sc)
		p.at[model.Ref{Kind: model.EntityScenario, ID: sc.ID}] = r.n
	}
	scenarioOf := func(r row) *model.Scenario {
		name := r.get("scenario")
		if name == "" {
			if len(m.Scenarios) == 0 {
				addScenario(&model.Scenario{ID: p.newID("sc"), Name: "As-is"})
			}
			return m.Scenarios[0]
		}
		if sc := m.Scenario(model.ID(name)); sc != nil {
			return sc
		}
		for _, sc := range m.Scenarios {
			if sc.Name == name {
				return sc
			}
		}
		if sc := scByKey[norm(name)]; sc != nil {
			return sc
		}
		if p.sheet["Scenarios"] != nil {
			r.errorf("scenario", suggest(name, scNames), "'%s' not found", name)
			return nil
		}
		// Without a Scenarios sheet a new name starts a new scenario.
		sc := &model.Scenario{ID: p.newID("sc"), Name: name}
		addScenario(sc)
		return sc
	}

	// Stakeholders, by id and by name.
	shByKey := map[string]*model.Stakeholder{}
	var shNames []string
	for _, r := range rowsBy["Stakeholders"] {
		s := &model.Stakeholder{ID: r.id("h"), Name: r.get("name"), Kind: stakeholderKind(r.get("kind")),
			Organisation: r.text("organisation"), Colour: r.get("colour"), Attitude: r.int("attitude"),
			Influence: r.int("influence"), Interest: r.int("interest"), InformalLeader: r.bool("informal_leader"), Notes: r.text("notes")}
		if shByKey[string(s.ID)] != nil && shByKey[string(s.ID)].ID == s.ID {
			r.errorf("id", "", "id '%s' is used twice", s.ID)
		}
		m.Stakeholders = append(m.Stakeholders, s)
		p.at[model.Ref{Kind: model.EntityStakeholder, ID: s.ID}] = r.n
		shByKey[string(s.ID)] = s
		if _, taken := shByKey[norm(s.Name)]; !taken {
			shByKey[norm(s.Name)] = s
		}
		shNames = append(shNames, s.Name)
	}
	stakeholder := func(r row, col string) model.ID {
		v := r.get(col)
		if v == "" {
			r.errorf(col, "", "no stakeholder given")
			return ""
		}
		if s := shByKey[v]; s != nil && s.ID == model.ID(v) {
			return s.ID
		}
		if s := shByKey[norm(v)]; s != nil {
			return s.ID
		}
		r.errorf(col, suggest(v, shNames), "'%s' not found", v)
		return model.ID(v)
	}

	type scIndex struct {
		steps     map[string]*model.Step
		stepNames []string
		cards     map[string]*model.Contribution
		cardNames []string
		flows     map[model.ID]bool
	}
	idx := map[*model.Scenario]*scIndex{}
	indexOf := func(sc *model.Scenario) *scIndex {
		if idx[sc] == nil {
			idx[sc] = &scIndex{steps: map[string]*model.Step{}, cards: map[string]*model.Contribution{}, flows: map[model.ID]bool{}}
		}
		return idx[sc]
	}
	for _, r := range rowsBy["Steps"] {
		sc := scenarioOf(r)
		s := &model.Step{ID: r.id("s"), Name: r.get("name"), Timing: r.text("timing"), StartDay: r.int("start_day"),
			DurationDays: r.int("duration_days"), WaitDays: r.int("wait_days"), Description: r.text("description"),
			Experience: r.optInt("experience"), CarerExperience: r.optInt("carer_experience"), PainPoints: r.text("pain_points")}
		if sc == nil {
			continue
		}
		ix := indexOf(sc)
		if old := ix.steps[string(s.ID)]; old != nil && old.ID == s.ID {
			r.errorf("id", "", "id '%s' is used twice", s.ID)
		}
		sc.Steps = append(sc.Steps, s)
		p.at[model.Ref{Kind: model.EntityStep, Scenario: sc.ID, ID: s.ID}] = r.n
		ix.steps[string(s.ID)] = s
		if _, taken := ix.steps[norm(s.Name)]; !taken {
			ix.steps[norm(s.Name)] = s
		}
		ix.stepNames = append(ix.stepNames, s.Name)
	}
	for _, r := range rowsBy["Contributions"] {
		sc := scenarioOf(r)
		c := &model.Contribution{ID: r.id("c"), Value: r.get("value"), Description: r.text("description"),
			Role: model.Role(r.word("role", roleWords, "role")), Capital: model.Capital(r.word("capital", capitalWords, "capital")),
			Tangible: r.bool("tangible"), Evidence: model.Evidence(r.word("evidence", evidenceWords, "kind of evidence"))}
		c.Stakeholder = stakeholder(r, "stakeholder")
		if sc == nil {
			continue
		}
		ix := indexOf(sc)
		if v := r.get("step"); v == "" {
			r.errorf("step", "", "no step given")
		} else if s := ix.steps[v]; s != nil && s.ID == model.ID(v) {
			c.Step = s.ID
		} else if s := ix.steps[norm(v)]; s != nil {
			c.Step = s.ID
		} else {
			r.errorf("step", suggest(v, ix.stepNames), "'%s' not found", v)
		}
		if old := ix.cards[string(c.ID)]; old != nil && old.ID == c.ID {
			r.errorf("id", "", "id '%s' is used twice", c.ID)
		}
		sc.Contributions = append(sc.Contributions, c)
		p.at[model.Ref{Kind: model.EntityContribution, Scenario: sc.ID, ID: c.ID}] = r.n
		ix.cards[string(c.ID)] = c
		if c.Value != "" {
			if _, taken := ix.cards[norm(c.Value)]; !taken {
				ix.cards[norm(c.Value)] = c
			}
			ix.cardNames = append(ix.cardNames, c.Value)
		}
	}
	for _, r := range rowsBy["Flows"] {
		sc := scenarioOf(r)
		f := &model.Flow{ID: r.id("f"), Kind: model.FlowKind(r.word("kind", flowWords, "kind of flow")), Label: r.text("label"),
			Criticality: model.Criticality(r.word("criticality", critWords, "criticality"))}
		if sc == nil {
			continue
		}
		ix := indexOf(sc)
		card := func(col string) model.ID {
			v := r.get(col)
			if v == "" {
				r.errorf(col, "", "no contribution given")
				return ""
			}
			if c := ix.cards[v]; c != nil && c.ID == model.ID(v) {
				return c.ID
			}
			if c := ix.cards[norm(v)]; c != nil {
				return c.ID
			}
			r.errorf(col, suggest(v, ix.cardNames), "'%s' not found", v)
			return model.ID(v)
		}
		f.From, f.To = card("from"), card("to")
		if ix.flows[f.ID] {
			r.errorf("id", "", "id '%s' is used twice", f.ID)
		}
		ix.flows[f.ID] = true
		sc.Flows = append(sc.Flows, f)
		p.at[model.Ref{Kind: model.EntityFlow, Scenario: sc.ID, ID: f.ID}] = r.n
	}
	relIDs := map[model.ID]bool{}
	for _, r := range rowsBy["Relationships"] {
		rel := &model.Relationship{ID: r.id("r"), A: stakeholder(r, "a"), B: stakeholder(r, "b"), Kind: r.text("kind"),
			Quality: r.int("quality"), Notes: r.text("notes")}
		if relIDs[rel.ID] {
			r.errorf("id", "", "id '%s' is used twice", rel.ID)
		}
		relIDs[rel.ID] = true
		m.Relationships = append(m.Relationships, rel)
		p.at[model.Ref{Kind: model.EntityRelationship, ID: rel.ID}] = r.n
	}
	coIDs := map[model.ID]bool{}
	for _, r := range rowsBy["Coalitions"] {
		c := &model.Coalition{ID: r.id("co"), Name: r.get("name"), Issue: r.text("issue")}
		for _, part := range strings.FieldsFunc(r.get("members"), func(c rune) bool { return c == ',' || c == ';' || c == '\n' }) {
			if part = strings.TrimSpace(part); part == "" {
				continue
			}
			c.Members = append(c.Members, stakeholder(row{p: r.p, sheet: r.sheet, n: r.n, cells: []string{part}, idx: map[string]int{"members": 0}}, "members"))
		}
		if coIDs[c.ID] {
			r.errorf("id", "", "id '%s' is used twice", c.ID)
		}
		coIDs[c.ID] = true
		m.Coalitions = append(m.Coalitions, c)
		p.at[model.Ref{Kind: model.EntityCoalition, ID: c.ID}] = r.n
	}
	if len(m.Scenarios) == 0 {
		m.Scenarios = []*model.Scenario{{ID: p.newID("sc"), Name: "As-is"}}
	}
	if len(p.rep.Errors) > 0 {
		return nil, p.rep
	}
	if err := m.Validate(); err != nil {
		var ps model.Problems
		if errors.As(err, &ps) {
			for _, pr := range ps {
				p.rep.Errors = append(p.rep.Errors, p.problemIssue(pr))
			}
		} else {
			p.rep.Errors = append(p.rep.Errors, Issue{Sheet: "(map)", Message: err.Error()})
		}
		return nil, p.rep
	}
	return m, p.rep
}

// modelFields maps the model's field names in its problems to the sheet's columns where they differ.
var modelFields = map[string]string{"start day": "start_day", "duration": "duration_days", "waiting time": "wait_days",
	"carer experience": "carer_experience"}

// problemIssue places one of the model's problems on the row and column it came from.
func (p *parser) problemIssue(pr model.Problem) Issue {
	key := kindSheet[pr.Ref.Kind]
	iss := Issue{Sheet: sheetOfKind(pr.Ref.Kind, p), Column: pr.Field, Message: pr.Message, Row: p.at[pr.Ref]}
	if p.sheet[key] != nil && pr.Field != "" {
		col := pr.Field
		if c, ok := modelFields[col]; ok {
			col = c
		}
		iss.Column = row{p: p, sheet: key}.colName(col)
	}
	return iss
}

var kindSheet = map[model.EntityKind]string{model.EntityMap: "Map", model.EntityScenario: "Scenarios", model.EntityStakeholder: "Stakeholders",
	model.EntityStep: "Steps", model.EntityContribution: "Contributions", model.EntityFlow: "Flows",
	model.EntityRelationship: "Relationships", model.EntityCoalition: "Coalitions"}

func sheetOfKind(k model.EntityKind, p *parser) string {
	key := kindSheet[k]
	if s := p.sheet[key]; s != nil {
		return s.name
	}
	return key
}

// suggest returns the candidate closest to s (Damerau–Levenshtein, case-insensitive)
// when it is close enough to be a likely typo, or "".
func suggest(s string, candidates []string) string {
	best, bestD := "", -1
	ls := []rune(strings.ToLower(s))
	if len(ls) > 200 {
		return ""
	}
	for _, c := range candidates {
		lc := []rune(strings.ToLower(c))
		if len(lc) > 200 {
			continue
		}
		d := distance(ls, lc)
		if bestD < 0 || d < bestD {
			best, bestD = c, d
		}
	}
	limit := len(ls) / 3
	if limit < 1 {
		limit = 1
	}
	if bestD < 0 || bestD > limit || bestD == 0 && best == s {
		return ""
	}
	return best
}

// distance is the optimal-string-alignment Damerau–Levenshtein distance.
func distance(a, b []rune) int {
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range b {
		d[0][j+1] = j + 1
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(a)][len(b)]
}

func stakeholderKind(s string) model.StakeholderKind {
	if k, ok := kindWords[norm(s)]; ok {
		return model.StakeholderKind(k)
	}
	return model.StakeholderKind(s)
}
