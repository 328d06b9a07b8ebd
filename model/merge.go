package model

import "fmt"

// ImportScenario is ImportScenarioFrom with the imported map's first scenario.
func ImportScenario(m, from *Map, name string) (Command, error) {
	if len(from.Scenarios) == 0 {
		return nil, fmt.Errorf("the imported map has no scenario")
	}
	return ImportScenarioFrom(m, from, from.Scenarios[0].ID, name)
}

// ImportScenarioFrom is the command that adds scenario src of another map
// (an import) to m as a new scenario named name. Stakeholders are matched by
// id with the same name, then by name; the ones m lacks are added as new
// lanes. Its steps, cards and flows keep their ids: they live in their own
// scenario. One command, so one Undo takes the whole import back. What it
// does not take is told by LeftOut.
func ImportScenarioFrom(m, from *Map, src ID, name string) (Command, error) {
	sc := from.Scenario(src)
	if sc == nil {
		return nil, fmt.Errorf("the imported map has no scenario %q", src)
	}
	return importScenario(m, from, sc, name), nil
}

// LeftOut is what adding one scenario of an imported map leaves behind:
// its other scenarios, and the relationships and coalitions, which belong
// to a whole map rather than to a scenario.
type LeftOut struct {
	Scenarios     []string // names
	Relationships int
	Coalitions    int
}

// Empty says whether nothing is left out.
func (l LeftOut) Empty() bool {
	return len(l.Scenarios) == 0 && l.Relationships == 0 && l.Coalitions == 0
}

// LeftOutOf says what ImportScenarioFrom(m, from, src, …) does not take.
func LeftOutOf(from *Map, src ID) LeftOut {
	l := LeftOut{Relationships: len(from.Relationships), Coalitions: len(from.Coalitions)}
	for _, sc := range from.Scenarios {
		if sc.ID != src {
			l.Scenarios = append(l.Scenarios, sc.Name)
		}
	}
	return l
}

func importScenario(m, from *Map, src *Scenario, name string) Command {
	var parts []Command
	lane := map[ID]ID{}
	used := m.ids()
	for _, s := range from.Stakeholders {
		if own := m.Stakeholder(s.ID); own != nil && own.Name == s.Name {
			lane[s.ID] = s.ID
			continue
		}
		found := false
		for _, own := range m.Stakeholders {
			if own.Name == s.Name {
				lane[s.ID], found = own.ID, true
				break
			}
		}
		if found {
			continue
		}
		n := *s
		if used[n.ID] {
			n.ID = freshID(used, "sh")
		}
		used[n.ID] = true
		lane[s.ID] = n.ID
		parts = append(parts, AddStakeholder(n, -1))
	}
	scID := freshID(used, "sc")
	parts = append(parts, AddScenario("", Scenario{ID: scID, Name: name, BasedOn: src.Name, Notes: src.Notes}))
	for _, st := range src.Steps {
		parts = append(parts, AddStep(scID, *st, -1))
	}
	for _, c := range src.Contributions {
		n := *c
		n.Stakeholder = lane[c.Stakeholder]
		parts = append(parts, AddContribution(scID, n))
	}
	for _, f := range src.Flows {
		parts = append(parts, AddFlow(scID, *f))
	}
	return Batch("Import scenario", parts...)
}

func freshID(used map[ID]bool, prefix string) ID {
	for n := len(used) + 1; ; n++ {
		id := ID(fmt.Sprintf("%s%d", prefix, n))
		if !used[id] {
			used[id] = true
			return id
		}
	}
}
