package scene

import (
	"valueflow/model"
	"valueflow/model/analysis"
)

// boardWhatIf is what the board shows of "without stakeholder X": the
// answer of model/analysis, so the board and the network agree.
type boardWhatIf struct {
	out        model.ID
	broken     map[model.ID]bool // flows
	leaderless map[model.ID]bool // steps
}

// whatIfOf asks model/analysis what breaks without stakeholder out; nil
// when out is empty or not a stakeholder of the map (the board is then
// drawn as it is).
func whatIfOf(m *model.Map, sc *model.Scenario, out model.ID) *boardWhatIf {
	if out == "" || m.Stakeholder(out) == nil {
		return nil
	}
	r, err := analysis.WhatIf(m, analysis.Options{Scenario: sc.ID, Without: out})
	if err != nil {
		return nil
	}
	w := &boardWhatIf{out: out, broken: make(map[model.ID]bool, len(r.Broken)), leaderless: make(map[model.ID]bool, len(r.Leaderless))}
	for _, id := range r.Broken {
		w.broken[id] = true
	}
	for _, id := range r.Leaderless {
		w.leaderless[id] = true
	}
	return w
}

// coalitionFocus brightens the lanes of a coalition's members, their cards
// and the flows into or out of them; nil focus when there is no such
// coalition.
func coalitionFocus(m *model.Map, sc *model.Scenario, id model.ID) focus {
	co := m.Coalition(id)
	if id == "" || co == nil {
		return focus{}
	}
	on := map[Target]bool{}
	member := map[model.ID]bool{}
	for _, s := range co.Members {
		member[s] = true
		on[Target{Kind: model.EntityStakeholder, ID: s}] = true
	}
	mine := map[model.ID]bool{}
	for _, c := range sc.Contributions {
		if member[c.Stakeholder] {
			mine[c.ID] = true
			on[Target{Kind: model.EntityContribution, ID: c.ID}] = true
		}
	}
	for _, f := range sc.Flows {
		if mine[f.From] || mine[f.To] {
			on[Target{Kind: model.EntityFlow, ID: f.ID}] = true
		}
	}
	for _, st := range sc.Steps {
		on[Target{Kind: model.EntityStep, ID: st.ID}] = true
	}
	return focus{active: true, on: on}
}

// narrow keeps bright only what both focuses keep bright, and the
// selection itself: a coalition filter narrows the focus of a selection.
func (f focus) narrow(g focus, sel Target) focus {
	switch {
	case !g.active:
		return f
	case !f.active:
		return g
	}
	on := make(map[Target]bool, len(g.on))
	for t := range g.on {
		if f.on[t] {
			on[t] = true
		}
	}
	on[sel] = true
	return focus{active: true, on: on}
}
