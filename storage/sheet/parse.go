package sheet

import (
	"errors"
	"strconv"
	"strings"

	"valueflow/model"
)

// names finds the elements of one list by id or by name, and knows when a
// name is shared: then a reference by that name is refused with the ids.
type names[T any] struct {
	what  string // the issue key for a shared name
	byID  map[string]T
	byKey map[string][]named[T]
	all   []named[T]
	fold  map[string][]named[T] // by id in lower case, made on the first id not written as given
	hints []string              // what a reference that finds nothing may have meant
}

type named[T any] struct {
	v     T
	id    model.ID
	name  string
	row   int
	given bool // the id was written in the sheet, not generated
}

func newNames[T any](what string) *names[T] {
	return &names[T]{what: what, byID: map[string]T{}, byKey: map[string][]named[T]{}}
}

func (ns *names[T]) add(id model.ID, given bool, name string, row int, v T) {
	if _, ok := ns.byID[string(id)]; !ok {
		ns.byID[string(id)] = v
	}
	e := named[T]{v: v, id: id, name: name, row: row, given: given}
	ns.all = append(ns.all, e)
	ns.fold, ns.hints = nil, nil
	if name != "" {
		k := norm(name)
		ns.byKey[k] = append(ns.byKey[k], e)
	}
}

func (ns *names[T]) hasID(id model.ID) bool { _, ok := ns.byID[string(id)]; return ok }

// folded lists the elements whose id is v up to case, one per id.
func (ns *names[T]) folded(v string) []named[T] {
	if ns.fold == nil {
		ns.fold = map[string][]named[T]{}
		seen := map[model.ID]bool{}
		for _, e := range ns.all {
			if !seen[e.id] {
				seen[e.id] = true
				k := strings.ToLower(string(e.id))
				ns.fold[k] = append(ns.fold[k], e)
			}
		}
	}
	return ns.fold[strings.ToLower(v)]
}

func (ns *names[T]) suggestions() []string {
	if ns.hints == nil {
		ns.hints = []string{}
		for _, e := range ns.all {
			if e.name != "" {
				ns.hints = append(ns.hints, e.name)
			}
		}
		for _, e := range ns.all {
			if e.given {
				ns.hints = append(ns.hints, string(e.id))
			}
		}
	}
	return ns.hints
}

// find looks v up as an id as written, then as a name in any case, then as
// an id in any case; it reports what it cannot find or cannot tell apart on
// r's column col, unless quiet says the miss follows from a problem
// reported already.
func (ns *names[T]) find(r row, col, v string, quiet func(string) bool) (T, bool) {
	if x, ok := ns.byID[v]; ok {
		return x, true
	}
	var zero T
	if list := ns.byKey[norm(v)]; len(list) == 1 {
		return list[0].v, true
	} else if len(list) > 1 {
		r.errorf(col, ns.what, v, strconv.Itoa(len(list)), rowList(list), idList(list))
		return zero, false
	}
	if list := ns.folded(v); len(list) == 1 {
		return list[0].v, true
	} else if len(list) > 1 {
		r.errorf(col, "same-id-case", v, idList(list), rowList(list))
		return zero, false
	}
	if quiet != nil && quiet(v) {
		return zero, false
	}
	iss := r.issue(col, "not-found", v)
	iss.Suggestion = suggest(v, ns.suggestions())
	r.p.fail(iss)
	return zero, false
}

func rowList[T any](list []named[T]) string {
	rows := make([]string, len(list))
	for i, e := range list {
		rows[i] = strconv.Itoa(e.row)
	}
	return strings.Join(rows, ", ")
}

func idList[T any](list []named[T]) string {
	ids := make([]string, len(list))
	for i, e := range list {
		ids[i] = string(e.id)
	}
	return strings.Join(ids, ", ")
}

// lose notes an element of a row whose scenario was not found, so that a
// reference to it elsewhere is not reported as a second problem.
func lose(set map[string]bool, id model.ID, name string) {
	set[string(id)], set[strings.ToLower(string(id))] = true, true
	if name != "" {
		set[norm(name)] = true
	}
}

func isLost(set map[string]bool, v string) bool {
	return set[v] || set[strings.ToLower(v)] || set[norm(v)]
}

// identify finds the table of each sheet, reporting unknown, doubled and
// unreadable ones.
func (p *parser) identify(sheets []rawSheet) {
	for i := range sheets {
		s := &sheets[i]
		key, ok := sheetAliases[norm(s.name)]
		if !ok {
			// Ignored, so neither its encoding nor its being unreadable matters.
			p.group[s.name] = 1
			p.warn(Issue{Sheet: s.name, Key: "unknown-sheet", Suggestion: suggest(s.name, sheetNames)})
			continue
		}
		p.group[s.name] = 2 + tableOrder[key]
		if first := p.sheet[key]; first != nil {
			p.fail(Issue{Sheet: s.name, Key: "sheet-twice", Args: []string{first.name}})
			continue
		}
		p.sheet[key] = s
		switch {
		case s.bad != nil:
			bad := *s.bad
			bad.Sheet = s.name
			p.fail(bad)
			p.broken[key] = true
			s.rows = nil
		case s.cp1252:
			p.warn(Issue{Sheet: s.name, Key: "cp1252"})
		}
	}
}

// parse builds a map from the raw sheets. It reads everything it can, so
// that the report lists every problem at once, and reports each problem
// once: what only follows from a problem already reported (a reference
// into an unreadable table, the cards of a step left out) is not reported
// again. The map is nil when there are errors.
func parse(sheets []rawSheet) (*model.Map, *Report) {
	p := newParser()
	defer p.sortReport()
	p.identify(sheets)
	if len(p.sheet) == 0 {
		p.fail(Issue{Key: "no-sheets"})
		return nil, p.rep
	}
	for _, t := range tables {
		p.readHeader(t.key)
	}
	p.decideLanguages()
	p.reportUnknownColumns()
	// Collect every id first so generated ones never take a name already
	// used further down, in any case.
	rowsBy := map[string][]row{}
	for _, t := range tables {
		rowsBy[t.key] = p.rowsOf(t.key)
		for _, r := range rowsBy[t.key] {
			if id := r.get("id"); id != "" {
				p.used[strings.ToLower(id)] = true
			}
		}
	}
	m := &model.Map{}
	p.readMap(m, rowsBy["Map"])
	p.readElements(m, rowsBy)
	if len(m.Scenarios) == 0 {
		m.Scenarios = []*model.Scenario{{ID: p.newID("sc"), Name: p.asIs}}
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
				p.fail(p.issueAt(pr.Ref, nil, pr.Field, "text", pr.Message))
			}
		} else {
			p.fail(Issue{Key: "text", Args: []string{err.Error()}})
		}
		return nil, p.rep
	}
	return m, p.rep
}

func (p *parser) readMap(m *model.Map, rows []row) {
	if p.missing["Map"]["key"] || p.missing["Map"]["value"] {
		return
	}
	for _, r := range rows {
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
}

// scenarios finds the scenario a row names.
type scenarios struct {
	p      *parser
	m      *model.Map
	byKey  map[string]*model.Scenario // by name, normalised
	names  []string
	listed bool // the file has a Scenarios sheet, so a new name is a mistake
}

func (ss *scenarios) add(sc *model.Scenario) {
	ss.m.Scenarios = append(ss.m.Scenarios, sc)
	if _, ok := ss.byKey[norm(sc.Name)]; !ok {
		ss.byKey[norm(sc.Name)] = sc
	}
	ss.names = append(ss.names, sc.Name)
}

// of is the scenario of row r, or nil when it names none (reported).
func (ss *scenarios) of(r row) *model.Scenario {
	p, m := ss.p, ss.m
	name := r.get("scenario")
	if name == "" {
		if len(m.Scenarios) == 0 { // in the sheets' language, as the app names a new map's scenario
			ss.add(&model.Scenario{ID: p.newID("sc"), Name: p.asIs})
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
	if sc := ss.byKey[norm(name)]; sc != nil {
		return sc
	}
	var folded []named[*model.Scenario]
	for _, sc := range m.Scenarios {
		if strings.EqualFold(string(sc.ID), name) {
			folded = append(folded, named[*model.Scenario]{v: sc, id: sc.ID, row: p.rowOf[sc]})
		}
	}
	switch {
	case len(folded) == 1:
		return folded[0].v
	case len(folded) > 1:
		r.errorf("scenario", "same-id-case", name, idList(folded), rowList(folded))
		return nil
	case ss.listed:
		if !p.unnamed("Scenarios", "name") {
			iss := r.issue("scenario", "not-found", name)
			iss.Suggestion = suggest(name, ss.names)
			p.fail(iss)
		}
		return nil
	}
	// Without a Scenarios sheet a new name starts a new scenario.
	sc := &model.Scenario{ID: p.newID("sc"), Name: name}
	ss.add(sc)
	return sc
}

// readElements reads the tables into m, each reference by id or by name.
func (p *parser) readElements(m *model.Map, rowsBy map[string][]row) {
	ss := &scenarios{p: p, m: m, byKey: map[string]*model.Scenario{}, listed: p.sheet["Scenarios"] != nil}
	for _, r := range rowsBy["Scenarios"] {
		sc := &model.Scenario{ID: r.id("sc"), Name: r.get("name"), BasedOn: r.get("based_on"), Notes: r.text("notes")}
		if m.Scenario(sc.ID) != nil {
			r.errorf("id", "id-twice", string(sc.ID))
		}
		ss.add(sc)
		p.setRow(model.Ref{Kind: model.EntityScenario, ID: sc.ID}, sc, r.n)
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
		p.setRow(model.Ref{Kind: model.EntityStakeholder, ID: s.ID}, s, r.n)
		lanes.add(s.ID, r.get("id") != "", s.Name, r.n, s)
	}
	lanesQuiet := func(string) bool { return p.unnamed("Stakeholders", "name") }
	// stakeholder is the id of the stakeholder v names, or "" (reported).
	stakeholder := func(r row, col, v string) model.ID {
		if s, ok := lanes.find(r, col, v, lanesQuiet); ok {
			return s.ID
		}
		return ""
	}
	stakeholderIn := func(r row, col string) model.ID {
		if r.missing(col) {
			return ""
		}
		v := r.get(col)
		if v == "" {
			r.errorf(col, "no-stakeholder")
			return ""
		}
		return stakeholder(r, col, v)
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
		sc := ss.of(r)
		s := &model.Step{ID: r.id("s"), Name: r.get("name"), Timing: r.text("timing"), StartDay: r.int("start_day"),
			DurationDays: r.int("duration_days"), WaitDays: r.int("wait_days"), Description: r.text("description"),
			Experience: r.optInt("experience"), CarerExperience: r.optInt("carer_experience"), PainPoints: r.text("pain_points")}
		if sc == nil {
			p.lost.Steps = append(p.lost.Steps, s)
			p.rowOf[s] = r.n
			lose(p.lostSteps, s.ID, s.Name)
			continue
		}
		ix := indexOf(sc)
		if ix.steps.hasID(s.ID) {
			r.errorf("id", "id-twice", string(s.ID))
		}
		sc.Steps = append(sc.Steps, s)
		p.setRow(model.Ref{Kind: model.EntityStep, Scenario: sc.ID, ID: s.ID}, s, r.n)
		ix.steps.add(s.ID, r.get("id") != "", s.Name, r.n, s)
	}
	stepsQuiet := func(v string) bool { return p.unnamed("Steps", "name") || isLost(p.lostSteps, v) }
	for _, r := range rowsBy["Contributions"] {
		sc := ss.of(r)
		c := &model.Contribution{ID: r.id("c"), Value: r.get("value"), Description: r.text("description"),
			Role: model.Role(r.word("role", roleWords)), Capital: model.Capital(r.word("capital", capitalWords)),
			Tangible: r.bool("tangible"), Evidence: model.Evidence(r.word("evidence", evidenceWords))}
		if c.Role == "" && r.get("role") == "" && !r.missing("role") {
			iss := r.issue("role", "no-role")
			iss.Valid = roleWords.list(p.lang[r.sheet])
			p.fail(iss)
		}
		c.Stakeholder = stakeholderIn(r, "stakeholder")
		if sc == nil {
			p.lost.Contributions = append(p.lost.Contributions, c)
			p.rowOf[c] = r.n
			lose(p.lostCards, c.ID, c.Value)
			continue
		}
		ix := indexOf(sc)
		if !r.missing("step") {
			if v := r.get("step"); v == "" {
				r.errorf("step", "no-step")
			} else if s, ok := ix.steps.find(r, "step", v, stepsQuiet); ok {
				c.Step = s.ID
			}
		}
		if ix.cards.hasID(c.ID) {
			r.errorf("id", "id-twice", string(c.ID))
		}
		sc.Contributions = append(sc.Contributions, c)
		p.setRow(model.Ref{Kind: model.EntityContribution, Scenario: sc.ID, ID: c.ID}, c, r.n)
		ix.cards.add(c.ID, r.get("id") != "", c.Value, r.n, c)
	}
	cardsQuiet := func(v string) bool { return p.unnamed("Contributions", "value") || isLost(p.lostCards, v) }
	for _, r := range rowsBy["Flows"] {
		sc := ss.of(r)
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
			if r.missing(col) {
				return ""
			}
			v := r.get(col)
			if v == "" {
				r.errorf(col, "no-contribution")
				return ""
			}
			if c, ok := ix.cards.find(r, col, v, cardsQuiet); ok {
				return c.ID
			}
			return ""
		}
		f.From, f.To = card("from"), card("to")
		if ix.flows[f.ID] {
			r.errorf("id", "id-twice", string(f.ID))
		}
		ix.flows[f.ID] = true
		sc.Flows = append(sc.Flows, f)
		p.setRow(model.Ref{Kind: model.EntityFlow, Scenario: sc.ID, ID: f.ID}, f, r.n)
	}
	relIDs := map[model.ID]bool{}
	for _, r := range rowsBy["Relationships"] {
		rel := &model.Relationship{ID: r.id("r"), A: stakeholderIn(r, "a"), B: stakeholderIn(r, "b"), Kind: r.text("kind"),
			Quality: r.int("quality"), Notes: r.text("notes")}
		if relIDs[rel.ID] {
			r.errorf("id", "id-twice", string(rel.ID))
		}
		relIDs[rel.ID] = true
		m.Relationships = append(m.Relationships, rel)
		p.setRow(model.Ref{Kind: model.EntityRelationship, ID: rel.ID}, rel, r.n)
	}
	coIDs := map[model.ID]bool{}
	for _, r := range rowsBy["Coalitions"] {
		c := &model.Coalition{ID: r.id("co"), Name: r.get("name"), Issue: r.text("issue")}
		unknown := map[string]bool{} // a name not found is reported once per cell
		for _, part := range strings.FieldsFunc(r.get("members"), func(c rune) bool { return c == ',' || c == ';' || c == '\n' }) {
			if part = strings.TrimSpace(part); part == "" || unknown[norm(part)] {
				continue
			}
			if id := stakeholder(r, "members", part); id != "" {
				c.Members = append(c.Members, id)
			} else {
				unknown[norm(part)] = true
			}
		}
		if coIDs[c.ID] {
			r.errorf("id", "id-twice", string(c.ID))
		}
		coIDs[c.ID] = true
		m.Coalitions = append(m.Coalitions, c)
		p.setRow(model.Ref{Kind: model.EntityCoalition, ID: c.ID}, c, r.n)
	}
}
