package model

import (
	"fmt"
	"slices"
)

// Scenario returns the scenario with id, or nil.
func (m *Map) Scenario(id ID) *Scenario { return find(m.Scenarios, id) }

// Stakeholder returns the stakeholder with id, or nil.
func (m *Map) Stakeholder(id ID) *Stakeholder { return find(m.Stakeholders, id) }

// Relationship returns the relationship with id, or nil.
func (m *Map) Relationship(id ID) *Relationship { return find(m.Relationships, id) }

// Coalition returns the coalition with id, or nil.
func (m *Map) Coalition(id ID) *Coalition { return find(m.Coalitions, id) }

// StakeholderIndex returns the lane position of the stakeholder, or -1.
func (m *Map) StakeholderIndex(id ID) int { return index(m.Stakeholders, id) }

// Step returns the step with id, or nil.
func (sc *Scenario) Step(id ID) *Step { return find(sc.Steps, id) }

// Contribution returns the card with id, or nil.
func (sc *Scenario) Contribution(id ID) *Contribution { return find(sc.Contributions, id) }

// Flow returns the flow with id, or nil.
func (sc *Scenario) Flow(id ID) *Flow { return find(sc.Flows, id) }

// StepIndex returns the journey position of the step, or -1.
func (sc *Scenario) StepIndex(id ID) int { return index(sc.Steps, id) }

// CardsAt returns the cards in one cell of the board, in their order.
func (sc *Scenario) CardsAt(step, stakeholder ID) []*Contribution {
	var out []*Contribution
	for _, c := range sc.Contributions {
		if c.Step == step && c.Stakeholder == stakeholder {
			out = append(out, c)
		}
	}
	return out
}

// CardsForStep returns the cards of a step column.
func (sc *Scenario) CardsForStep(step ID) []*Contribution {
	var out []*Contribution
	for _, c := range sc.Contributions {
		if c.Step == step {
			out = append(out, c)
		}
	}
	return out
}

// CardsForStakeholder returns the cards in a stakeholder's lane.
func (sc *Scenario) CardsForStakeholder(stakeholder ID) []*Contribution {
	var out []*Contribution
	for _, c := range sc.Contributions {
		if c.Stakeholder == stakeholder {
			out = append(out, c)
		}
	}
	return out
}

// FlowsOf returns the flows into and out of a card.
func (sc *Scenario) FlowsOf(card ID) (in, out []*Flow) {
	for _, f := range sc.Flows {
		if f.To == card {
			in = append(in, f)
		}
		if f.From == card {
			out = append(out, f)
		}
	}
	return in, out
}

// Upstream returns every card the given card depends on through flows,
// nearest first, without the card itself.
func (sc *Scenario) Upstream(card ID) []ID { return sc.reach(card, false) }

// Downstream returns every card that depends on the given card through flows,
// nearest first, without the card itself.
func (sc *Scenario) Downstream(card ID) []ID { return sc.reach(card, true) }

func (sc *Scenario) reach(start ID, forward bool) []ID {
	next := make(map[ID][]ID, len(sc.Flows))
	for _, f := range sc.Flows {
		if forward {
			next[f.From] = append(next[f.From], f.To)
		} else {
			next[f.To] = append(next[f.To], f.From)
		}
	}
	seen := map[ID]bool{start: true}
	var out []ID
	queue := []ID{start}
	for len(queue) > 0 {
		id := queue[0]
		queue = queue[1:]
		for _, n := range next[id] {
			if !seen[n] {
				seen[n] = true
				out = append(out, n)
				queue = append(queue, n)
			}
		}
	}
	return out
}

// NewID returns an id with the prefix that no element of the map uses yet.
func (m *Map) NewID(prefix string) ID { return m.NewIDs()(prefix) }

// NewIDs hands out ids that no element of the map uses, several before the
// map changes (NewID would give the same one each time): for an edit that
// adds many elements at once.
func (m *Map) NewIDs() func(prefix string) ID {
	used := m.ids()
	return func(prefix string) ID {
		for n := len(used) + 1; ; n++ {
			id := ID(fmt.Sprintf("%s%d", prefix, n))
			if !used[id] {
				used[id] = true
				return id
			}
		}
	}
}

func (m *Map) ids() map[ID]bool {
	used := map[ID]bool{}
	for _, s := range m.Stakeholders {
		used[s.ID] = true
	}
	for _, r := range m.Relationships {
		used[r.ID] = true
	}
	for _, c := range m.Coalitions {
		used[c.ID] = true
	}
	for _, sc := range m.Scenarios {
		used[sc.ID] = true
		for _, s := range sc.Steps {
			used[s.ID] = true
		}
		for _, c := range sc.Contributions {
			used[c.ID] = true
		}
		for _, f := range sc.Flows {
			used[f.ID] = true
		}
	}
	return used
}

// keyed is every element type: it has an id.
type keyed interface {
	*Stakeholder | *Relationship | *Coalition | *Scenario | *Step | *Contribution | *Flow
	key() ID
}

func (s *Stakeholder) key() ID  { return s.ID }
func (r *Relationship) key() ID { return r.ID }
func (c *Coalition) key() ID    { return c.ID }
func (sc *Scenario) key() ID    { return sc.ID }
func (s *Step) key() ID         { return s.ID }
func (c *Contribution) key() ID { return c.ID }
func (f *Flow) key() ID         { return f.ID }

func find[T keyed](list []T, id ID) T {
	for _, v := range list {
		if v.key() == id {
			return v
		}
	}
	var zero T
	return zero
}

func index[T keyed](list []T, id ID) int {
	for i, v := range list {
		if v.key() == id {
			return i
		}
	}
	return -1
}

// Clone returns a deep copy of the map.
func (m *Map) Clone() *Map {
	c := *m
	c.Stakeholders = cloneAll(m.Stakeholders, func(s Stakeholder) Stakeholder { return s })
	c.Relationships = cloneAll(m.Relationships, func(r Relationship) Relationship { return r })
	c.Coalitions = cloneAll(m.Coalitions, func(co Coalition) Coalition {
		co.Members = slices.Clone(co.Members)
		return co
	})
	c.Scenarios = cloneAll(m.Scenarios, func(sc Scenario) Scenario { return *sc.Clone() })
	return &c
}

// Clone returns a deep copy of the scenario.
func (sc *Scenario) Clone() *Scenario {
	c := *sc
	c.Steps = cloneAll(sc.Steps, cloneStep)
	c.Contributions = cloneAll(sc.Contributions, func(x Contribution) Contribution { return x })
	c.Flows = cloneAll(sc.Flows, func(f Flow) Flow { return f })
	return &c
}

func cloneStep(s Step) Step {
	if s.Experience != nil {
		s.Experience = Int(*s.Experience)
	}
	if s.CarerExperience != nil {
		s.CarerExperience = Int(*s.CarerExperience)
	}
	return s
}

func cloneAll[T any](list []*T, copyOne func(T) T) []*T {
	if list == nil {
		return nil
	}
	out := make([]*T, len(list))
	for i, v := range list {
		c := copyOne(*v)
		out[i] = &c
	}
	return out
}
