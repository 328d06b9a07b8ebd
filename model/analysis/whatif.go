package analysis

import (
	"valueflow/model"
)

// WhatIf is the what-if part of Analyze on its own: Result.Without, Broken,
// Leaderless and JourneyCut (and Scenario and Steps), computed by the same
// code but without the network, its measures and the findings. It is cheap
// enough for the journey board to ask on every layout, and gives the board
// the same answer the network view gets from Analyze. opt.Without must name
// a stakeholder; FlowsOnly and Translate do not matter.
func WhatIf(m *model.Map, opt Options) (*Result, error) {
	if opt.Without == "" {
		return nil, errorf("what-if needs a stakeholder to leave out")
	}
	x, err := newIndex(m, opt)
	if err != nil {
		return nil, err
	}
	r := &Result{Scenario: x.sc.ID}
	for _, st := range x.sc.Steps[x.from : x.to+1] {
		r.Steps = append(r.Steps, st.ID)
	}
	x.whatIf(r, opt.Without)
	return r, nil
}

// dropped fills r (its Scenario and Steps set) for Options.Drop: the what-if
// of the whole map, then the network, measures and findings of the map
// without the stakeholder, led by the findings of what breaks.
func (x *index) dropped(r *Result, opt Options) (*Result, error) {
	gone := opt.Without
	x.whatIf(r, gone)
	rest := opt
	rest.Scenario, rest.Without, rest.Drop = x.sc.ID, "", false
	y, err := newIndex(leaveOut(x.m, x.sc.ID, gone), rest)
	if err != nil {
		return nil, err // cannot happen: the same scenario and steps are there
	}
	y.network(r, rest)
	y.findings(r)
	r.Findings = append(x.whatIfFindings(r), r.Findings...)
	x.nameLostLeads(r)
	return r, nil
}

// leaveOut returns m as it would be without stakeholder s: its lane, its
// relationships and its place in coalitions gone, and in scenario sc its
// cards and the flows from or to them. m is not changed; what is unchanged
// is shared.
func leaveOut(m *model.Map, sc model.ID, s model.ID) *model.Map {
	out := *m
	out.Stakeholders = nil
	for _, sh := range m.Stakeholders {
		if sh.ID != s {
			out.Stakeholders = append(out.Stakeholders, sh)
		}
	}
	out.Relationships = nil
	for _, rs := range m.Relationships {
		if rs.A != s && rs.B != s {
			out.Relationships = append(out.Relationships, rs)
		}
	}
	out.Coalitions = make([]*model.Coalition, len(m.Coalitions))
	for i, co := range m.Coalitions {
		c := *co
		c.Members = nil
		for _, id := range co.Members {
			if id != s {
				c.Members = append(c.Members, id)
			}
		}
		out.Coalitions[i] = &c
	}
	out.Scenarios = make([]*model.Scenario, len(m.Scenarios))
	copy(out.Scenarios, m.Scenarios)
	for i, orig := range m.Scenarios {
		if orig.ID != sc {
			continue
		}
		cut := *orig
		cut.Contributions, cut.Flows = nil, nil
		gone := map[model.ID]bool{}
		for _, c := range orig.Contributions {
			if c.Stakeholder == s {
				gone[c.ID] = true
			} else {
				cut.Contributions = append(cut.Contributions, c)
			}
		}
		for _, f := range orig.Flows {
			if !gone[f.From] && !gone[f.To] {
				cut.Flows = append(cut.Flows, f)
			}
		}
		out.Scenarios[i] = &cut
	}
	return &out
}
