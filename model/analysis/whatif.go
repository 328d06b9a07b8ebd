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
