package sheet

import (
	"errors"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	unorm "golang.org/x/text/unicode/norm"

	"valueflow/model"
)

// rawSheet is one table as read from a file: its name as the user wrote it and
// its rows (the first row is the header).
type rawSheet struct {
	name   string
	rows   [][]string
	cp1252 bool // a CSV file that was not UTF-8 and was read as Windows-1252
}

// norm is the form in which names, headers and words are compared: NFC (a
// Mac or a web form may send "ï" as "i" plus a combining mark), lower case,
// separators as single spaces, without brackets, apostrophes and dots.
func norm(s string) string {
	s = strings.TrimPrefix(strings.TrimSpace(s), "\ufeff")
	if !isASCII(s) {
		s = unorm.NFC.String(s)
	}
	s = strings.ToLower(s)
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

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

var sheetAliases = func() map[string]string {
	a := map[string]string{}
	for _, t := range tables {
		a[norm(t.key)] = t.key
		a[norm(t.nl)] = t.key
		a[norm(strings.TrimSuffix(t.file, ".csv"))] = t.key
	}
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

// extraColumnAliases are other headers people use for a column (normalised).
var extraColumnAliases = map[string]map[string]string{
	"Map": {"field": "key", "veld": "key", "eigenschap": "key", "property": "key"},
}

// parser holds the state of one import.
type parser struct {
	rep   *Report
	sheet map[string]*rawSheet         // by canonical key
	lang  map[string]string            // "nl" or "en": the language each sheet is written in
	cols  map[string]map[string]int    // canonical column → index, per sheet
	used  map[string]bool              // every id written anywhere, so generated ids never clash
	next  map[string]int               // last number given per prefix, as jsonmap does, so generation stays linear
	at    map[model.Ref]int            // spreadsheet row of each entity, so the model's problems point at a row
	votes map[string][2]int            // Dutch-only and English-only headers per sheet
	heads map[string]map[string]string // canonical column → header as written, per sheet
	asIs  string                       // the name of the one scenario a file without scenarios gets
}

func (p *parser) warn(i Issue) { p.rep.Warnings = append(p.rep.Warnings, i) }
func (p *parser) fail(i Issue) { p.rep.Errors = append(p.rep.Errors, i) }
func (p *parser) name(key string) string {
	if s := p.sheet[key]; s != nil {
		return s.name
	}
	return key
}

// colName is a column's name as the sheet's language writes it.
func (p *parser) colName(key, col string) string {
	for _, c := range tableByKey(key).cols {
		if c.en == col {
			if p.lang[key] == "nl" {
				return capitalise(c.nl)
			}
			return capitalise(strings.ReplaceAll(c.en, "_", " "))
		}
	}
	return col
}

func capitalise(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
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

func (r row) issue(col, key string, args ...string) Issue {
	return Issue{Sheet: r.p.name(r.sheet), Row: r.n, Column: r.p.colName(r.sheet, col), Key: key, Args: args}
}

func (r row) errorf(col, key string, args ...string) { r.p.fail(r.issue(col, key, args...)) }

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
		r.errorf(col, "not-a-number", s)
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
		r.errorf(col, "not-yes-no", r.get(col))
	}
	return v
}

// word reads an enumerated cell in either language; "" stays "".
func (r row) word(col string, w *words) string {
	raw := r.get(col)
	if raw == "" {
		return ""
	}
	if v, ok := w.accept[norm(raw)]; ok {
		return v
	}
	// The sheet's own language first, so a tie suggests its word.
	lang := r.p.lang[r.sheet]
	other := "nl"
	if lang == "nl" {
		other = "en"
	}
	iss := r.issue(col, w.key, raw)
	iss.Suggestion = suggest(norm(raw), append(append([]string{}, w.list(lang)...), w.list(other)...))
	iss.Valid = w.list(lang)
	r.p.fail(iss)
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

// readHeader maps a sheet's header to canonical columns, reporting unknown
// and doubled columns, and counts which language its headers are in.
func (p *parser) readHeader(key string) {
	s := p.sheet[key]
	idx, heads := map[string]int{}, map[string]string{}
	p.cols[key], p.heads[key] = idx, heads
	if s == nil || len(s.rows) == 0 {
		return
	}
	t := tableByKey(key)
	aliases := map[string]string{}
	nlOnly, enOnly := map[string]bool{}, map[string]bool{}
	for _, c := range t.cols {
		en, nl := norm(c.en), norm(c.nl)
		aliases[en], aliases[nl] = c.en, c.en
		if en != nl {
			enOnly[en], nlOnly[nl] = true, true
		}
	}
	for a, c := range extraColumnAliases[key] {
		aliases[a] = c
	}
	var votes [2]int
	for i, h := range s.rows[0] {
		h = strings.TrimSpace(h)
		if h == "" {
			continue
		}
		n := norm(h)
		c, ok := aliases[n]
		if !ok {
			p.warn(Issue{Sheet: s.name, Row: 1, Column: h, Key: "unknown-column"})
			continue
		}
		if _, dup := idx[c]; dup {
			p.fail(Issue{Sheet: s.name, Row: 1, Column: h, Key: "column-twice", Args: []string{heads[c]}})
			continue
		}
		idx[c], heads[c] = i, h
		if nlOnly[n] {
			votes[0]++
		} else if enOnly[n] {
			votes[1]++
		}
	}
	p.votes[key] = votes
}

// decideLanguages says which language each sheet is written in: the one its
// name is in, else (Stakeholders is both) the one most of its headers are
// in, else the workbook's.
func (p *parser) decideLanguages() {
	nl, en := 0, 0
	var open []string
	for _, t := range tables {
		s := p.sheet[t.key]
		if s == nil {
			continue
		}
		n, dutch, english := norm(s.name), norm(t.nl), norm(t.key)
		v := p.votes[t.key]
		switch {
		case dutch != english && n == dutch:
			p.lang[t.key] = "nl"
		case dutch != english && (n == english || n == norm(strings.TrimSuffix(t.file, ".csv"))):
			p.lang[t.key] = "en"
		case v[0] > v[1]:
			p.lang[t.key] = "nl"
		case v[1] > v[0]:
			p.lang[t.key] = "en"
		default:
			open = append(open, t.key)
			continue
		}
		if p.lang[t.key] == "nl" {
			nl++
		} else {
			en++
		}
	}
	for _, key := range open {
		if nl > en {
			p.lang[key] = "nl"
		} else {
			p.lang[key] = "en"
		}
	}
	p.asIs = "As-is"
	if nl > en {
		p.asIs = "Huidige situatie"
	}
}

// rowsOf returns the data rows of a table, reporting missing required
// columns and values in columns without a heading.
func (p *parser) rowsOf(key string) []row {
	s := p.sheet[key]
	if s == nil || len(s.rows) == 0 {
		return nil
	}
	idx := p.cols[key]
	for _, c := range required[key] {
		if _, ok := idx[c]; !ok {
			p.fail(Issue{Sheet: s.name, Column: p.colName(key, c), Key: "column-missing"})
		}
	}
	header := s.rows[0]
	type stray struct {
		row, count int
		first      string
	}
	strays := map[int]*stray{}
	var out []row
	for i, cells := range s.rows[1:] {
		blank := true
		for j, c := range cells {
			if strings.TrimSpace(c) == "" {
				continue
			}
			blank = false
			if j >= len(header) || strings.TrimSpace(header[j]) == "" {
				if st := strays[j]; st != nil {
					st.count++
				} else {
					strays[j] = &stray{row: i + 2, count: 1, first: strings.TrimSpace(c)}
				}
			}
		}
		if blank {
			continue
		}
		out = append(out, row{p: p, sheet: key, n: i + 2, cells: cells, idx: idx})
	}
	cols := make([]int, 0, len(strays))
	for j := range strays {
		cols = append(cols, j)
	}
	sort.Ints(cols)
	for _, j := range cols {
		st := strays[j]
		letter, _ := excelize.ColumnNumberToName(j + 1)
		iss := Issue{Sheet: s.name, Row: st.row, Column: letter, Key: "no-heading", Args: []string{st.first}}
		if st.count > 1 {
			iss.Key, iss.Args = "no-heading-more", []string{st.first, strconv.Itoa(st.count - 1)}
		}
		p.warn(iss)
	}
	return out
}

// names finds the elements of one list by id or by name, and knows when a
// name is shared: then a reference by that name is refused with the ids.
type names[T any] struct {
	what  string // the issue key for a shared name
	byID  map[string]T
	byKey map[string][]named[T]
	all   []string
}

type named[T any] struct {
	v   T
	id  model.ID
	row int
}

func newNames[T any](what string) *names[T] {
	return &names[T]{what: what, byID: map[string]T{}, byKey: map[string][]named[T]{}}
}

func (ns *names[T]) add(id model.ID, name string, row int, v T) {
	if _, ok := ns.byID[string(id)]; !ok {
		ns.byID[string(id)] = v
	}
	if name == "" {
		return
	}
	k := norm(name)
	ns.byKey[k] = append(ns.byKey[k], named[T]{v: v, id: id, row: row})
	ns.all = append(ns.all, name)
}

func (ns *names[T]) hasID(id model.ID) bool { _, ok := ns.byID[string(id)]; return ok }

// find looks v up as an id, then as a name; it reports what it cannot find
// or cannot tell apart on r's column col.
func (ns *names[T]) find(r row, col, v string) (T, bool) {
	if x, ok := ns.byID[v]; ok {
		return x, true
	}
	var zero T
	list := ns.byKey[norm(v)]
	switch len(list) {
	case 0:
		iss := r.issue(col, "not-found", v)
		iss.Suggestion = suggest(v, ns.all)
		r.p.fail(iss)
		return zero, false
	case 1:
		return list[0].v, true
	}
	var rows, ids []string
	for _, e := range list {
		rows = append(rows, strconv.Itoa(e.row))
		ids = append(ids, string(e.id))
	}
	r.errorf(col, ns.what, v, strconv.Itoa(len(list)), strings.Join(rows, ", "), strings.Join(ids, ", "))
	return zero, false
}

// parse builds a map from the raw sheets.
func parse(sheets []rawSheet) (*model.Map, *Report) {
	p := &parser{rep: &Report{}, sheet: map[string]*rawSheet{}, lang: map[string]string{}, cols: map[string]map[string]int{},
		heads: map[string]map[string]string{}, votes: map[string][2]int{},
		used: map[string]bool{}, next: map[string]int{}, at: map[model.Ref]int{}}
	for i := range sheets {
		s := &sheets[i]
		if s.cp1252 {
			p.warn(Issue{Sheet: s.name, Key: "cp1252"})
		}
		key, ok := sheetAliases[norm(s.name)]
		if !ok {
			p.warn(Issue{Sheet: s.name, Key: "unknown-sheet"})
			continue
		}
		if first := p.sheet[key]; first != nil {
			p.fail(Issue{Sheet: s.name, Key: "sheet-twice", Args: []string{first.name}})
			continue
		}
		p.sheet[key] = s
	}
	if len(p.sheet) == 0 {
		p.fail(Issue{Key: "no-sheets"})
		return nil, p.rep
	}
	for _, t := range tables {
		p.readHeader(t.key)
	}
	p.decideLanguages()
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
		val := r.text("value")
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
			m.Stage = model.Stage(r.word("value", stageWords))
		default:
			p.warn(r.issue("key", "unknown-key", r.get("key")))
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
			r.errorf("id", "id-twice", string(sc.ID))
		}
		addScenario(sc)
		p.at[model.Ref{Kind: model.EntityScenario, ID: sc.ID}] = r.n
	}
	scenarioOf := func(r row) *model.Scenario {
		name := r.get("scenario")
		if name == "" {
			if len(m.Scenarios) == 0 { // in the sheets' language, as the app names a new map's scenario
				addScenario(&model.Scenario{ID: p.newID("sc"), Name: p.asIs})
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
			iss := r.issue("scenario", "not-found", name)
			iss.Suggestion = suggest(name, scNames)
			p.fail(iss)
			return nil
		}
		// Without a Scenarios sheet a new name starts a new scenario.
		sc := &model.Scenario{ID: p.newID("sc"), Name: name}
		addScenario(sc)
		return sc
	}

	// Stakeholders, by id and by name.
	lanes := newNames[*model.Stakeholder]("same-stakeholder-name")
	for _, r := range rowsBy["Stakeholders"] {
		s := &model.Stakeholder{ID: r.id("h"), Name: r.get("name"), Kind: stakeholderKind(r.get("kind")),
			Organisation: r.text("organisation"), Colour: r.get("colour"), Attitude: r.int("attitude"),
			Influence: r.int("influence"), Interest: r.int("interest"), InformalLeader: r.bool("informal_leader"), Notes: r.text("notes")}
		if lanes.hasID(s.ID) {
			r.errorf("id", "id-twice", string(s.ID))
		}
		m.Stakeholders = append(m.Stakeholders, s)
		p.at[model.Ref{Kind: model.EntityStakeholder, ID: s.ID}] = r.n
		lanes.add(s.ID, s.Name, r.n, s)
	}
	stakeholder := func(r row, col string) model.ID {
		v := r.get(col)
		if v == "" {
			r.errorf(col, "no-stakeholder")
			return ""
		}
		if s, ok := lanes.find(r, col, v); ok {
			return s.ID
		}
		return model.ID(v)
	}

	type scIndex struct {
		steps *names[*model.Step]
		cards *names[*model.Contribution]
		flows map[model.ID]bool
	}
	idx := map[*model.Scenario]*scIndex{}
	indexOf := func(sc *model.Scenario) *scIndex {
		if idx[sc] == nil {
			idx[sc] = &scIndex{steps: newNames[*model.Step]("same-step-name"),
				cards: newNames[*model.Contribution]("same-contribution-value"), flows: map[model.ID]bool{}}
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
		if ix.steps.hasID(s.ID) {
			r.errorf("id", "id-twice", string(s.ID))
		}
		sc.Steps = append(sc.Steps, s)
		p.at[model.Ref{Kind: model.EntityStep, Scenario: sc.ID, ID: s.ID}] = r.n
		ix.steps.add(s.ID, s.Name, r.n, s)
	}
	for _, r := range rowsBy["Contributions"] {
		sc := scenarioOf(r)
		c := &model.Contribution{ID: r.id("c"), Value: r.get("value"), Description: r.text("description"),
			Role: model.Role(r.word("role", roleWords)), Capital: model.Capital(r.word("capital", capitalWords)),
			Tangible: r.bool("tangible"), Evidence: model.Evidence(r.word("evidence", evidenceWords))}
		if c.Role == "" && r.get("role") == "" {
			iss := r.issue("role", "no-role")
			iss.Valid = roleWords.list(p.lang[r.sheet])
			p.fail(iss)
		}
		c.Stakeholder = stakeholder(r, "stakeholder")
		if sc == nil {
			continue
		}
		ix := indexOf(sc)
		if v := r.get("step"); v == "" {
			r.errorf("step", "no-step")
		} else if s, ok := ix.steps.find(r, "step", v); ok {
			c.Step = s.ID
		}
		if ix.cards.hasID(c.ID) {
			r.errorf("id", "id-twice", string(c.ID))
		}
		sc.Contributions = append(sc.Contributions, c)
		p.at[model.Ref{Kind: model.EntityContribution, Scenario: sc.ID, ID: c.ID}] = r.n
		ix.cards.add(c.ID, c.Value, r.n, c)
	}
	for _, r := range rowsBy["Flows"] {
		sc := scenarioOf(r)
		// Left out, a flow is the plain case, as in JSON.
		f := &model.Flow{ID: r.id("f"), Kind: model.FlowKind(r.word("kind", flowWords)), Label: r.text("label"),
			Criticality: model.Criticality(r.word("criticality", critWords))}
		if f.Kind == "" {
			f.Kind = model.FlowHandOff
		}
		if f.Criticality == "" {
			f.Criticality = model.CriticalityNormal
		}
		if sc == nil {
			continue
		}
		ix := indexOf(sc)
		card := func(col string) model.ID {
			v := r.get(col)
			if v == "" {
				r.errorf(col, "no-contribution")
				return ""
			}
			if c, ok := ix.cards.find(r, col, v); ok {
				return c.ID
			}
			return model.ID(v)
		}
		f.From, f.To = card("from"), card("to")
		if ix.flows[f.ID] {
			r.errorf("id", "id-twice", string(f.ID))
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
			r.errorf("id", "id-twice", string(rel.ID))
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
			r.errorf("id", "id-twice", string(c.ID))
		}
		coIDs[c.ID] = true
		m.Coalitions = append(m.Coalitions, c)
		p.at[model.Ref{Kind: model.EntityCoalition, ID: c.ID}] = r.n
	}
	if len(m.Scenarios) == 0 {
		m.Scenarios = []*model.Scenario{{ID: p.newID("sc"), Name: p.asIs}}
	}
	if len(p.rep.Errors) > 0 {
		return nil, p.rep
	}
	p.check(m)
	if len(p.rep.Errors) > 0 {
		return nil, p.rep
	}
	// The model's validation is the last word; check above makes the same
	// tests first so that their messages can be translated.
	if err := m.Validate(); err != nil {
		var ps model.Problems
		if errors.As(err, &ps) {
			for _, pr := range ps {
				p.fail(p.issueAt(pr.Ref, pr.Field, "text", pr.Message))
			}
		} else {
			p.fail(Issue{Key: "text", Args: []string{err.Error()}})
		}
		return nil, p.rep
	}
	return m, p.rep
}
