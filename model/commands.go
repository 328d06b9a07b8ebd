package model

import (
	"slices"
)

// MapInfo is the map's own properties, edited together.
type MapInfo struct {
	Title, Purpose, Region, Description string
	Stage                               Stage
}

// Info returns the map's properties.
func (m *Map) Info() MapInfo {
	return MapInfo{Title: m.Title, Purpose: m.Purpose, Region: m.Region, Description: m.Description, Stage: m.Stage}
}

func (m *Map) setInfo(i MapInfo) {
	m.Title, m.Purpose, m.Region, m.Description, m.Stage = i.Title, i.Purpose, i.Region, i.Description, i.Stage
}

type setMapInfo struct{ info, old MapInfo }

// SetMapInfo changes the map's title, purpose, region, description and stage.
func SetMapInfo(info MapInfo) Command { return &setMapInfo{info: info} }

func (c *setMapInfo) Do(m *Map) error {
	var ps problems
	oneOf(&ps, Ref{Kind: EntityMap}, "stage", c.info.Stage, true, Stages)
	if err := ps.err(); err != nil {
		return err
	}
	c.old = m.Info()
	m.setInfo(c.info)
	return nil
}
func (c *setMapInfo) Undo(m *Map)    { m.setInfo(c.old) }
func (c *setMapInfo) Label() string  { return "Edit map properties" }
func (c *setMapInfo) Touches() []Ref { return []Ref{{Kind: EntityMap}} }

// list says where the elements of one kind live in a map.
type list[T keyed] struct {
	kind     EntityKind
	scenario ID
	get      func(m *Map) (*[]T, error)
}

func (l list[T]) ref(id ID) Ref { return Ref{Kind: l.kind, Scenario: l.scenario, ID: id} }

// refsFrom returns the refs of the elements from index i on: their stored
// positions change when an element is inserted or removed before them.
func (l list[T]) refsFrom(s []T, i int) []Ref {
	if i >= len(s) {
		return nil
	}
	refs := make([]Ref, 0, len(s)-i)
	for ; i < len(s); i++ {
		refs = append(refs, l.ref(s[i].key()))
	}
	return refs
}

func mapList[T keyed](kind EntityKind, field func(m *Map) *[]T) list[T] {
	return list[T]{kind: kind, get: func(m *Map) (*[]T, error) { return field(m), nil }}
}

func scenarioList[T keyed](kind EntityKind, scenario ID, field func(sc *Scenario) *[]T) list[T] {
	return list[T]{kind: kind, scenario: scenario, get: func(m *Map) (*[]T, error) {
		sc := m.Scenario(scenario)
		if sc == nil {
			return nil, notFound(Ref{Kind: EntityScenario, ID: scenario})
		}
		return field(sc), nil
	}}
}

func stakeholders() list[*Stakeholder] {
	return mapList(EntityStakeholder, func(m *Map) *[]*Stakeholder { return &m.Stakeholders })
}
func relationships() list[*Relationship] {
	return mapList(EntityRelationship, func(m *Map) *[]*Relationship { return &m.Relationships })
}
func coalitions() list[*Coalition] {
	return mapList(EntityCoalition, func(m *Map) *[]*Coalition { return &m.Coalitions })
}
func steps(sc ID) list[*Step] {
	return scenarioList(EntityStep, sc, func(s *Scenario) *[]*Step { return &s.Steps })
}
func contributions(sc ID) list[*Contribution] {
	return scenarioList(EntityContribution, sc, func(s *Scenario) *[]*Contribution { return &s.Contributions })
}
func flows(sc ID) list[*Flow] {
	return scenarioList(EntityFlow, sc, func(s *Scenario) *[]*Flow { return &s.Flows })
}

// insert adds an element at a position.
type insert[T keyed] struct {
	label   string
	l       list[T]
	item    T
	at      int // <0: append
	check   func(m *Map, v T) error
	pos     int
	wasNil  bool // Undo gives back a nil list, not an empty one, so the map compares equal
	touched []Ref
}

func (c *insert[T]) Do(m *Map) error {
	s, err := c.l.get(m)
	if err != nil {
		return err
	}
	id := c.item.key()
	if id == "" {
		return problemf(c.l.ref(id), "id", "%s: the id is empty", KindArg(c.l.kind))
	}
	// Ids are unique per kind (steps, cards and flows per scenario), as
	// Validate and the file's tables have them; NewID avoids clashes anyway.
	if index(*s, id) >= 0 {
		return problemf(c.l.ref(id), "id", "%s %q: the id is already used", KindArg(c.l.kind), RefArg(c.l.ref(id)))
	}
	if c.check != nil {
		if err := c.check(m, c.item); err != nil {
			return err
		}
	}
	c.pos = c.at
	if c.pos < 0 || c.pos > len(*s) {
		c.pos = len(*s)
	}
	c.wasNil = *s == nil
	*s = slices.Insert(*s, c.pos, c.item)
	c.touched = c.l.refsFrom(*s, c.pos)
	return nil
}

func (c *insert[T]) Undo(m *Map) {
	s, _ := c.l.get(m)
	*s = slices.Delete(*s, c.pos, c.pos+1)
	if c.wasNil && len(*s) == 0 {
		*s = nil
	}
}
func (c *insert[T]) Label() string  { return c.label }
func (c *insert[T]) Touches() []Ref { return c.touched }

// replace swaps an element for a new version with the same id, in place.
type replace[T keyed] struct {
	label string
	l     list[T]
	item  T
	check func(m *Map, v T) error
	old   T
}

func (c *replace[T]) Do(m *Map) error {
	s, err := c.l.get(m)
	if err != nil {
		return err
	}
	i := index(*s, c.item.key())
	if i < 0 {
		return notFound(c.l.ref(c.item.key()))
	}
	if c.check != nil {
		if err := c.check(m, c.item); err != nil {
			return err
		}
	}
	c.old = (*s)[i]
	(*s)[i] = c.item
	return nil
}

func (c *replace[T]) Undo(m *Map) {
	s, _ := c.l.get(m)
	(*s)[index(*s, c.item.key())] = c.old
}
func (c *replace[T]) Label() string  { return c.label }
func (c *replace[T]) Touches() []Ref { return []Ref{c.l.ref(c.item.key())} }

// remove takes an element out of its list.
type remove[T keyed] struct {
	label   string
	l       list[T]
	id      ID
	old     T
	pos     int
	touched []Ref
}

func (c *remove[T]) Do(m *Map) error {
	s, err := c.l.get(m)
	if err != nil {
		return err
	}
	c.pos = index(*s, c.id)
	if c.pos < 0 {
		return notFound(c.l.ref(c.id))
	}
	c.old = (*s)[c.pos]
	c.touched = c.l.refsFrom(*s, c.pos)
	*s = slices.Delete(*s, c.pos, c.pos+1)
	return nil
}

func (c *remove[T]) Undo(m *Map) {
	s, _ := c.l.get(m)
	*s = slices.Insert(*s, c.pos, c.old)
}
func (c *remove[T]) Label() string  { return c.label }
func (c *remove[T]) Touches() []Ref { return c.touched }

// move changes an element's position in its list.
type move[T keyed] struct {
	label    string
	l        list[T]
	id       ID
	to, from int
	touched  []Ref
}

func (c *move[T]) Do(m *Map) error {
	s, err := c.l.get(m)
	if err != nil {
		return err
	}
	c.from = index(*s, c.id)
	if c.from < 0 {
		return notFound(c.l.ref(c.id))
	}
	if c.to < 0 || c.to >= len(*s) {
		return problemf(c.l.ref(c.id), "position", "%s %q: position %d is outside 0..%d", KindArg(c.l.kind), RefArg(c.l.ref(c.id)), c.to, len(*s)-1)
	}
	moveWithin(*s, c.from, c.to)
	// Only the elements between the old and the new place change position.
	lo, hi := min(c.from, c.to), max(c.from, c.to)
	c.touched = c.l.refsFrom((*s)[:hi+1], lo)
	return nil
}

func (c *move[T]) Undo(m *Map) {
	s, _ := c.l.get(m)
	moveWithin(*s, c.to, c.from)
}
func (c *move[T]) Label() string  { return c.label }
func (c *move[T]) Touches() []Ref { return c.touched }

func moveWithin[T any](s []T, from, to int) {
	v := s[from]
	if from < to {
		copy(s[from:to], s[from+1:to+1])
	} else {
		copy(s[to+1:from+1], s[to:from])
	}
	s[to] = v
}

// batch is one command made of several, done in order and undone in reverse.
// When build is set, the parts are worked out at Do time from the map (a
// cascading delete depends on what refers to the element then).
type batch struct {
	label string
	parts []Command
	build func(m *Map) ([]Command, error)
	done  []Command
}

// Batch makes one undoable command of several.
func Batch(label string, cmds ...Command) Command { return &batch{label: label, parts: cmds} }

func (c *batch) Do(m *Map) error {
	parts := c.parts
	if c.build != nil {
		var err error
		if parts, err = c.build(m); err != nil {
			return err
		}
	}
	c.done = c.done[:0]
	for _, p := range parts {
		if err := p.Do(m); err != nil {
			for i := len(c.done) - 1; i >= 0; i-- {
				c.done[i].Undo(m)
			}
			c.done = nil
			return err
		}
		c.done = append(c.done, p)
	}
	return nil
}

func (c *batch) Undo(m *Map) {
	for i := len(c.done) - 1; i >= 0; i-- {
		c.done[i].Undo(m)
	}
}
func (c *batch) Label() string { return c.label }

func (c *batch) Touches() []Ref {
	seen := map[Ref]bool{}
	var refs []Ref
	for _, p := range c.done {
		for _, r := range p.Touches() {
			if !seen[r] {
				seen[r] = true
				refs = append(refs, r)
			}
		}
	}
	return refs
}

func cascade(label string, build func(m *Map) ([]Command, error)) Command {
	return &batch{label: label, build: build}
}

// firstError returns the first problem found by check, as an error.
func firstError(check func(ps *problems)) error {
	var ps problems
	check(&ps)
	if len(ps.list) == 0 {
		return nil
	}
	return ps.list[0]
}

// --- steps ---

// AddStep inserts a step into the journey at position at (<0 or past the
// end: at the end).
func AddStep(scenario ID, s Step, at int) Command {
	s = cloneStep(s) // the caller keeps its own experience pointers
	return &insert[*Step]{label: "Add step", l: steps(scenario), item: &s, at: at, check: checkStepCmd(scenario)}
}

// UpdateStep replaces the fields of the step with s.ID.
func UpdateStep(scenario ID, s Step) Command {
	s = cloneStep(s)
	return &replace[*Step]{label: "Edit step", l: steps(scenario), item: &s, check: checkStepCmd(scenario)}
}

func checkStepCmd(scenario ID) func(*Map, *Step) error {
	return func(_ *Map, s *Step) error { return firstError(func(ps *problems) { checkStep(ps, scenario, s) }) }
}

// MoveStep moves a step to another position in the journey; to is its index
// after the move (0..len-1).
func MoveStep(scenario, id ID, to int) Command {
	return &move[*Step]{label: "Move step", l: steps(scenario), id: id, to: to}
}

// DeleteStep removes a step with its cards and their flows.
func DeleteStep(scenario, id ID) Command {
	return cascade("Delete step", func(m *Map) ([]Command, error) {
		sc := m.Scenario(scenario)
		if sc == nil {
			return nil, notFound(Ref{Kind: EntityScenario, ID: scenario})
		}
		var parts []Command
		for _, c := range sc.CardsForStep(id) {
			parts = append(parts, DeleteContribution(scenario, c.ID))
		}
		return append(parts, &remove[*Step]{l: steps(scenario), id: id}), nil
	})
}

// --- stakeholders ---

// AddStakeholder inserts a lane at position at (<0: at the bottom).
func AddStakeholder(s Stakeholder, at int) Command {
	return &insert[*Stakeholder]{label: "Add stakeholder", l: stakeholders(), item: &s, at: at, check: checkStakeholderCmd}
}

// UpdateStakeholder replaces the fields of the stakeholder with s.ID.
func UpdateStakeholder(s Stakeholder) Command {
	return &replace[*Stakeholder]{label: "Edit stakeholder", l: stakeholders(), item: &s, check: checkStakeholderCmd}
}

func checkStakeholderCmd(_ *Map, s *Stakeholder) error {
	return firstError(func(ps *problems) { checkStakeholder(ps, s) })
}

// MoveStakeholder moves a lane to another position; to is its index after the
// move (0..len-1).
func MoveStakeholder(id ID, to int) Command {
	return &move[*Stakeholder]{label: "Move lane", l: stakeholders(), id: id, to: to}
}

// DeleteStakeholder removes a lane with its cards in every scenario, their
// flows, its relationships and its coalition memberships.
func DeleteStakeholder(id ID) Command {
	return cascade("Delete stakeholder", func(m *Map) ([]Command, error) {
		if m.Stakeholder(id) == nil {
			return nil, notFound(Ref{Kind: EntityStakeholder, ID: id})
		}
		var parts []Command
		for _, sc := range m.Scenarios {
			for _, c := range sc.CardsForStakeholder(id) {
				parts = append(parts, DeleteContribution(sc.ID, c.ID))
			}
		}
		for _, r := range m.Relationships {
			if r.A == id || r.B == id {
				parts = append(parts, DeleteRelationship(r.ID))
			}
		}
		for _, co := range m.Coalitions {
			if slices.Contains(co.Members, id) {
				changed := *co
				changed.Members = slices.DeleteFunc(slices.Clone(co.Members), func(x ID) bool { return x == id })
				if len(changed.Members) == 0 {
					changed.Members = nil // as a stored coalition without members loads
				}
				parts = append(parts, UpdateCoalition(changed))
			}
		}
		return append(parts, &remove[*Stakeholder]{l: stakeholders(), id: id}), nil
	})
}

// --- contributions ---

// AddContribution adds a card to the board.
func AddContribution(scenario ID, c Contribution) Command {
	return &insert[*Contribution]{label: "Add card", l: contributions(scenario), item: &c, at: -1, check: checkCardCmd(scenario)}
}

// UpdateContribution replaces the fields of the card with c.ID; a new step or
// stakeholder moves it to another cell.
func UpdateContribution(scenario ID, c Contribution) Command {
	return &replace[*Contribution]{label: "Edit card", l: contributions(scenario), item: &c, check: checkCardCmd(scenario)}
}

func checkCardCmd(scenario ID) func(*Map, *Contribution) error {
	return func(m *Map, c *Contribution) error {
		sc := m.Scenario(scenario)
		return firstError(func(ps *problems) {
			checkContribution(ps, scenario, c, map[ID]bool{c.Step: sc.Step(c.Step) != nil}, map[ID]bool{c.Stakeholder: m.Stakeholder(c.Stakeholder) != nil})
		})
	}
}

// DeleteContribution removes a card with its flows.
func DeleteContribution(scenario, id ID) Command {
	return cascade("Delete card", func(m *Map) ([]Command, error) {
		sc := m.Scenario(scenario)
		if sc == nil {
			return nil, notFound(Ref{Kind: EntityScenario, ID: scenario})
		}
		in, out := sc.FlowsOf(id)
		var parts []Command
		for _, f := range append(in, out...) {
			if f.From == f.To && slices.ContainsFunc(parts, func(c Command) bool { return c.(*remove[*Flow]).id == f.ID }) {
				continue
			}
			parts = append(parts, &remove[*Flow]{l: flows(scenario), id: f.ID})
		}
		return append(parts, &remove[*Contribution]{l: contributions(scenario), id: id}), nil
	})
}

// --- flows ---

// AddFlow connects two cards.
func AddFlow(scenario ID, f Flow) Command {
	return &insert[*Flow]{label: "Add flow", l: flows(scenario), item: &f, at: -1, check: checkFlowCmd(scenario)}
}

// UpdateFlow replaces the fields of the flow with f.ID.
func UpdateFlow(scenario ID, f Flow) Command {
	return &replace[*Flow]{label: "Edit flow", l: flows(scenario), item: &f, check: checkFlowCmd(scenario)}
}

func checkFlowCmd(scenario ID) func(*Map, *Flow) error {
	return func(m *Map, f *Flow) error {
		sc := m.Scenario(scenario)
		return firstError(func(ps *problems) {
			checkFlow(ps, scenario, f, map[ID]bool{f.From: sc.Contribution(f.From) != nil, f.To: sc.Contribution(f.To) != nil})
		})
	}
}

// DeleteFlow removes a flow.
func DeleteFlow(scenario, id ID) Command {
	return &remove[*Flow]{label: "Delete flow", l: flows(scenario), id: id}
}

// --- relationships and coalitions ---

// AddRelationship adds a direct relation between two stakeholders.
func AddRelationship(r Relationship) Command {
	return &insert[*Relationship]{label: "Add relationship", l: relationships(), item: &r, at: -1, check: checkRelationshipCmd}
}

// UpdateRelationship replaces the fields of the relationship with r.ID.
func UpdateRelationship(r Relationship) Command {
	return &replace[*Relationship]{label: "Edit relationship", l: relationships(), item: &r, check: checkRelationshipCmd}
}

func checkRelationshipCmd(m *Map, r *Relationship) error {
	return firstError(func(ps *problems) {
		checkRelationship(ps, r, map[ID]bool{r.A: m.Stakeholder(r.A) != nil, r.B: m.Stakeholder(r.B) != nil})
	})
}

// DeleteRelationship removes a relationship.
func DeleteRelationship(id ID) Command {
	return &remove[*Relationship]{label: "Delete relationship", l: relationships(), id: id}
}

// AddCoalition adds a coalition.
func AddCoalition(c Coalition) Command {
	c.Members = slices.Clone(c.Members)
	return &insert[*Coalition]{label: "Add coalition", l: coalitions(), item: &c, at: -1, check: checkCoalitionCmd}
}

// UpdateCoalition replaces the name, issue and members of the coalition with c.ID.
func UpdateCoalition(c Coalition) Command {
	c.Members = slices.Clone(c.Members)
	return &replace[*Coalition]{label: "Edit coalition", l: coalitions(), item: &c, check: checkCoalitionCmd}
}

func checkCoalitionCmd(m *Map, c *Coalition) error {
	known := map[ID]bool{}
	for _, id := range c.Members {
		known[id] = m.Stakeholder(id) != nil
	}
	return firstError(func(ps *problems) { checkCoalition(ps, c, known) })
}

// DeleteCoalition removes a coalition.
func DeleteCoalition(id ID) Command {
	return &remove[*Coalition]{label: "Delete coalition", l: coalitions(), id: id}
}

// --- scenarios ---

type addScenario struct {
	copyOf  ID
	sc      Scenario
	touched []Ref
}

// AddScenario adds a scenario at the end; when copyOf is set its steps, cards
// and flows are copied with the same ids, so compare can match them.
func AddScenario(copyOf ID, sc Scenario) Command { return &addScenario{copyOf: copyOf, sc: sc} }

func (c *addScenario) Do(m *Map) error {
	if err := firstError(func(ps *problems) { checkScenario(ps, &c.sc) }); err != nil {
		return err
	}
	if m.Scenario(c.sc.ID) != nil {
		ref := Ref{Kind: EntityScenario, ID: c.sc.ID}
		return problemf(ref, "id", "%s %q: the id is already used", KindArg(EntityScenario), RefArg(ref))
	}
	sc := &Scenario{ID: c.sc.ID, Name: c.sc.Name, BasedOn: c.sc.BasedOn, Notes: c.sc.Notes}
	if c.copyOf != "" {
		from := m.Scenario(c.copyOf)
		if from == nil {
			return notFound(Ref{Kind: EntityScenario, ID: c.copyOf})
		}
		cp := from.Clone()
		sc.Steps, sc.Contributions, sc.Flows = cp.Steps, cp.Contributions, cp.Flows
		if sc.BasedOn == "" {
			sc.BasedOn = from.Name
		}
	}
	m.Scenarios = append(m.Scenarios, sc)
	c.touched = scenarioRefs(sc)
	return nil
}

func (c *addScenario) Undo(m *Map)    { m.Scenarios = m.Scenarios[:len(m.Scenarios)-1] }
func (c *addScenario) Label() string  { return "Add scenario" }
func (c *addScenario) Touches() []Ref { return c.touched }

// scenarioRefs lists a scenario and everything in it.
func scenarioRefs(sc *Scenario) []Ref {
	refs := []Ref{{Kind: EntityScenario, ID: sc.ID}}
	refs = append(refs, steps(sc.ID).refsFrom(sc.Steps, 0)...)
	refs = append(refs, contributions(sc.ID).refsFrom(sc.Contributions, 0)...)
	return append(refs, flows(sc.ID).refsFrom(sc.Flows, 0)...)
}

type updateScenario struct {
	id                ID
	name, notes       string
	oldName, oldNotes string
}

// UpdateScenario renames a scenario and changes its notes.
func UpdateScenario(id ID, name, notes string) Command {
	return &updateScenario{id: id, name: name, notes: notes}
}

func (c *updateScenario) Do(m *Map) error {
	sc := m.Scenario(c.id)
	if sc == nil {
		return notFound(Ref{Kind: EntityScenario, ID: c.id})
	}
	probe := Scenario{ID: c.id, Name: c.name}
	if err := firstError(func(ps *problems) { checkScenario(ps, &probe) }); err != nil {
		return err
	}
	c.oldName, c.oldNotes = sc.Name, sc.Notes
	sc.Name, sc.Notes = c.name, c.notes
	return nil
}

func (c *updateScenario) Undo(m *Map) {
	sc := m.Scenario(c.id)
	sc.Name, sc.Notes = c.oldName, c.oldNotes
}
func (c *updateScenario) Label() string  { return "Edit scenario" }
func (c *updateScenario) Touches() []Ref { return []Ref{{Kind: EntityScenario, ID: c.id}} }

type deleteScenario struct {
	id      ID
	old     *Scenario
	pos     int
	touched []Ref
}

// ErrLastScenario refuses to delete the only scenario of a map.
var ErrLastScenario error = &Problem{Ref: Ref{Kind: EntityScenario}, Message: "the last scenario of a map cannot be deleted", Key: "the last scenario of a map cannot be deleted", Whole: true}

// DeleteScenario removes a scenario with its steps, cards and flows; the last
// one cannot be deleted.
func DeleteScenario(id ID) Command { return &deleteScenario{id: id} }

func (c *deleteScenario) Do(m *Map) error {
	c.pos = index(m.Scenarios, c.id)
	if c.pos < 0 {
		return notFound(Ref{Kind: EntityScenario, ID: c.id})
	}
	if len(m.Scenarios) == 1 {
		return ErrLastScenario
	}
	c.old = m.Scenarios[c.pos]
	c.touched = scenarioRefs(c.old)
	for _, later := range m.Scenarios[c.pos+1:] {
		c.touched = append(c.touched, Ref{Kind: EntityScenario, ID: later.ID})
	}
	m.Scenarios = slices.Delete(m.Scenarios, c.pos, c.pos+1)
	return nil
}

func (c *deleteScenario) Undo(m *Map)    { m.Scenarios = slices.Insert(m.Scenarios, c.pos, c.old) }
func (c *deleteScenario) Label() string  { return "Delete scenario" }
func (c *deleteScenario) Touches() []Ref { return c.touched }
