package model

import (
	"fmt"
	"strings"
)

// Problem is one thing wrong with a map, with the element it concerns.
//
// Message is the English sentence (for the command line and logs); Key and
// Args let the GUI say it in the user's language with names instead of ids:
// Key is the English format (the translation key), Args its arguments, in
// which a FieldArg is a field's name, a KindArg a kind of element and a
// RefArg an element (English shows its id, the GUI its name).
type Problem struct {
	Ref     Ref
	Field   string
	Message string // complete English sentence fragment: `step "s3": name is empty`
	Key     string // "%s is empty"
	Args    []any  // FieldArg("name")
	// Whole is set when Message names the element itself (`step "s9" does
	// not exist`) rather than starting with it.
	Whole bool
}

func (p Problem) Error() string { return p.Message }

// FieldArg is the name of a field in a Problem's Args ("name", "start day").
type FieldArg string

// KindArg is a kind of element in a Problem's Args.
type KindArg EntityKind

func (k KindArg) String() string { return EntityKind(k).String() }

// RefArg is an element in a Problem's Args; it prints as its id.
type RefArg Ref

func (r RefArg) String() string { return string(r.ID) }

// Problems is every problem Validate found; it is an error.
type Problems []Problem

func (ps Problems) Error() string {
	if len(ps) == 1 {
		return ps[0].Message
	}
	msgs := make([]string, 0, len(ps))
	for i, p := range ps {
		if i == 5 {
			msgs = append(msgs, fmt.Sprintf("and %d more", len(ps)-5))
			break
		}
		msgs = append(msgs, p.Message)
	}
	return fmt.Sprintf("%d problems: %s", len(ps), strings.Join(msgs, "; "))
}

// For returns the problems about one field.
func (ps Problems) For(field string) Problems {
	var out Problems
	for _, p := range ps {
		if p.Field == field {
			out = append(out, p)
		}
	}
	return out
}

// problems collects problems while checking.
type problems struct{ list Problems }

func (ps *problems) add(ref Ref, field, format string, args ...any) {
	label := fmt.Sprintf("%s %q", ref.Kind, ref.ID)
	if ref.Kind == EntityMap {
		label = "map"
	}
	ps.list = append(ps.list, Problem{Ref: ref, Field: field, Message: label + ": " + fmt.Sprintf(format, args...), Key: format, Args: args})
}

// problemf is a problem whose sentence names its element itself.
func problemf(ref Ref, field, format string, args ...any) Problem {
	return Problem{Ref: ref, Field: field, Message: fmt.Sprintf(format, args...), Key: format, Args: args, Whole: true}
}

// notFound says that an element does not exist.
func notFound(ref Ref) Problem {
	return problemf(ref, "id", "%s %q does not exist", KindArg(ref.Kind), RefArg(ref))
}

func (ps *problems) err() error {
	if len(ps.list) == 0 {
		return nil
	}
	return ps.list
}

func (ps *problems) nonEmpty(ref Ref, field, v string) {
	if strings.TrimSpace(v) == "" {
		ps.add(ref, field, "%s is empty", FieldArg(field))
	}
}

func (ps *problems) inRange(ref Ref, field string, v, lo, hi int) {
	if v < lo || v > hi {
		ps.add(ref, field, "%s %d is out of range %d..%d", FieldArg(field), v, lo, hi)
	}
}

// assessment is 0 (not assessed) or 1..5.
func (ps *problems) assessment(ref Ref, field string, v int) {
	if v != 0 && (v < 1 || v > 5) {
		ps.add(ref, field, "%s %d is out of range 1..5", FieldArg(field), v)
	}
}

func oneOf[T ~string](ps *problems, ref Ref, field string, v T, allowEmpty bool, valid []T) {
	if v == "" && allowEmpty {
		return
	}
	for _, x := range valid {
		if v == x {
			return
		}
	}
	names := make([]string, len(valid))
	for i, x := range valid {
		names[i] = string(x)
	}
	if v == "" {
		ps.add(ref, field, "%s is empty (valid: %s)", FieldArg(field), strings.Join(names, ", "))
		return
	}
	ps.add(ref, field, "%s %q is not valid (valid: %s)", FieldArg(field), string(v), strings.Join(names, ", "))
}

func isColour(s string) bool {
	if s == "" {
		return true
	}
	if len(s) != 7 || s[0] != '#' {
		return false
	}
	for _, c := range s[1:] {
		if !strings.ContainsRune("0123456789abcdefABCDEF", c) {
			return false
		}
	}
	return true
}

// Validate checks the whole map: names, ranges, references and ids. It
// returns nil or Problems listing everything found.
func (m *Map) Validate() error {
	var ps problems
	mapRef := Ref{Kind: EntityMap}
	if m.Stage != StageNone {
		oneOf(&ps, mapRef, "stage", m.Stage, true, Stages)
	}
	stakeholders := map[ID]bool{}
	for _, s := range m.Stakeholders {
		ref := Ref{Kind: EntityStakeholder, ID: s.ID}
		if stakeholders[s.ID] {
			ps.add(ref, "id", "the id is used twice")
		}
		stakeholders[s.ID] = true
		checkStakeholder(&ps, s)
	}
	relationships := map[ID]bool{}
	for _, r := range m.Relationships {
		ref := Ref{Kind: EntityRelationship, ID: r.ID}
		if relationships[r.ID] {
			ps.add(ref, "id", "the id is used twice")
		}
		relationships[r.ID] = true
		checkRelationship(&ps, r, stakeholders)
	}
	coalitions := map[ID]bool{}
	for _, c := range m.Coalitions {
		ref := Ref{Kind: EntityCoalition, ID: c.ID}
		if coalitions[c.ID] {
			ps.add(ref, "id", "the id is used twice")
		}
		coalitions[c.ID] = true
		checkCoalition(&ps, c, stakeholders)
	}
	if len(m.Scenarios) == 0 {
		ps.add(mapRef, "scenarios", "the map has no scenario")
	}
	scenarios := map[ID]bool{}
	for _, sc := range m.Scenarios {
		ref := Ref{Kind: EntityScenario, ID: sc.ID}
		if scenarios[sc.ID] {
			ps.add(ref, "id", "the id is used twice")
		}
		scenarios[sc.ID] = true
		checkScenario(&ps, sc)
		steps := map[ID]bool{}
		for _, st := range sc.Steps {
			r := Ref{Kind: EntityStep, Scenario: sc.ID, ID: st.ID}
			if steps[st.ID] {
				ps.add(r, "id", "the id is used twice")
			}
			steps[st.ID] = true
			checkStep(&ps, sc.ID, st)
		}
		cards := map[ID]bool{}
		for _, c := range sc.Contributions {
			r := Ref{Kind: EntityContribution, Scenario: sc.ID, ID: c.ID}
			if cards[c.ID] {
				ps.add(r, "id", "the id is used twice")
			}
			cards[c.ID] = true
			checkContribution(&ps, sc.ID, c, steps, stakeholders)
		}
		flows := map[ID]bool{}
		for _, f := range sc.Flows {
			r := Ref{Kind: EntityFlow, Scenario: sc.ID, ID: f.ID}
			if flows[f.ID] {
				ps.add(r, "id", "the id is used twice")
			}
			flows[f.ID] = true
			checkFlow(&ps, sc.ID, f, cards)
		}
	}
	return ps.err()
}

func checkID(ps *problems, ref Ref) {
	if strings.TrimSpace(string(ref.ID)) == "" {
		ps.add(ref, "id", "the id is empty")
	}
}

func checkStakeholder(ps *problems, s *Stakeholder) {
	ref := Ref{Kind: EntityStakeholder, ID: s.ID}
	checkID(ps, ref)
	ps.nonEmpty(ref, "name", s.Name)
	ps.inRange(ref, "attitude", s.Attitude, -2, 2)
	ps.assessment(ref, "influence", s.Influence)
	ps.assessment(ref, "interest", s.Interest)
	if !isColour(s.Colour) {
		ps.add(ref, "colour", "colour %q is not of the form #rrggbb", s.Colour)
	}
}

func checkRelationship(ps *problems, r *Relationship, stakeholders map[ID]bool) {
	ref := Ref{Kind: EntityRelationship, ID: r.ID}
	checkID(ps, ref)
	for _, end := range []struct {
		field string
		id    ID
	}{{"a", r.A}, {"b", r.B}} {
		if !stakeholders[end.id] {
			ps.add(ref, end.field, "stakeholder %q does not exist", RefArg{Kind: EntityStakeholder, ID: end.id})
		}
	}
	if r.A == r.B && r.A != "" {
		ps.add(ref, "b", "a stakeholder cannot have a relationship with itself")
	}
	ps.inRange(ref, "quality", r.Quality, -2, 2)
}

func checkCoalition(ps *problems, c *Coalition, stakeholders map[ID]bool) {
	ref := Ref{Kind: EntityCoalition, ID: c.ID}
	checkID(ps, ref)
	ps.nonEmpty(ref, "name", c.Name)
	seen := map[ID]bool{}
	for _, id := range c.Members {
		if !stakeholders[id] {
			ps.add(ref, "members", "member %q does not exist", RefArg{Kind: EntityStakeholder, ID: id})
		}
		if seen[id] {
			ps.add(ref, "members", "member %q is listed twice", RefArg{Kind: EntityStakeholder, ID: id})
		}
		seen[id] = true
	}
}

func checkScenario(ps *problems, sc *Scenario) {
	ref := Ref{Kind: EntityScenario, ID: sc.ID}
	checkID(ps, ref)
	ps.nonEmpty(ref, "name", sc.Name)
}

func checkStep(ps *problems, scenario ID, s *Step) {
	ref := Ref{Kind: EntityStep, Scenario: scenario, ID: s.ID}
	checkID(ps, ref)
	ps.nonEmpty(ref, "name", s.Name)
	for _, d := range []struct {
		field string
		v     int
	}{{"start day", s.StartDay}, {"duration", s.DurationDays}, {"waiting time", s.WaitDays}} {
		if d.v < 0 {
			ps.add(ref, d.field, "%s %d is negative", FieldArg(d.field), d.v)
		}
	}
	if s.Experience != nil {
		ps.inRange(ref, "experience", *s.Experience, -2, 2)
	}
	if s.CarerExperience != nil {
		ps.inRange(ref, "carer experience", *s.CarerExperience, -2, 2)
	}
}

func checkContribution(ps *problems, scenario ID, c *Contribution, steps, stakeholders map[ID]bool) {
	ref := Ref{Kind: EntityContribution, Scenario: scenario, ID: c.ID}
	checkID(ps, ref)
	ps.nonEmpty(ref, "value", c.Value)
	if !steps[c.Step] {
		ps.add(ref, "step", "step %q does not exist", RefArg{Kind: EntityStep, Scenario: scenario, ID: c.Step})
	}
	if !stakeholders[c.Stakeholder] {
		ps.add(ref, "stakeholder", "stakeholder %q does not exist", RefArg{Kind: EntityStakeholder, ID: c.Stakeholder})
	}
	oneOf(ps, ref, "role", c.Role, false, Roles)
	oneOf(ps, ref, "capital", c.Capital, true, Capitals)
	oneOf(ps, ref, "evidence", c.Evidence, true, Evidences)
}

func checkFlow(ps *problems, scenario ID, f *Flow, cards map[ID]bool) {
	ref := Ref{Kind: EntityFlow, Scenario: scenario, ID: f.ID}
	checkID(ps, ref)
	if !cards[f.From] {
		ps.add(ref, "from", "card %q does not exist", RefArg{Kind: EntityContribution, Scenario: scenario, ID: f.From})
	}
	if !cards[f.To] {
		ps.add(ref, "to", "card %q does not exist", RefArg{Kind: EntityContribution, Scenario: scenario, ID: f.To})
	}
	if f.From == f.To && f.From != "" {
		ps.add(ref, "to", "from and to are the same card")
	}
	oneOf(ps, ref, "kind", f.Kind, false, FlowKinds)
	oneOf(ps, ref, "criticality", f.Criticality, false, Criticalities)
}

// CheckStakeholder returns the problems of a stakeholder's own fields, for
// a form that shows them beside each field as they are typed.
func CheckStakeholder(s Stakeholder) Problems {
	var ps problems
	checkStakeholder(&ps, &s)
	return ps.list
}

// CheckStep returns the problems of a step's own fields.
func CheckStep(scenario ID, s Step) Problems {
	var ps problems
	checkStep(&ps, scenario, &s)
	return ps.list
}

// CheckContribution returns the problems of a card's own fields (its step
// and stakeholder are not looked up: filter with For).
func CheckContribution(scenario ID, c Contribution) Problems {
	var ps problems
	checkContribution(&ps, scenario, &c, nil, nil)
	return ps.list
}

// CheckCoalition returns the problems of a coalition's own fields (its
// members are not looked up: filter with For).
func CheckCoalition(c Coalition) Problems {
	var ps problems
	checkCoalition(&ps, &c, nil)
	return ps.list
}

// Fields are the names of fields that problems speak of (Problem.Field and
// FieldArg); the GUI translates each one.
var Fields = []string{
	"id", "name", "attitude", "influence", "interest", "colour", "a", "b", "quality", "members",
	"start day", "duration", "waiting time", "experience", "carer experience", "value", "step",
	"stakeholder", "role", "capital", "evidence", "from", "to", "kind", "criticality", "stage",
	"scenarios", "position",
}
