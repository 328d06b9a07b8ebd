package app

import (
	"valueflow/canvas/scene"
	"valueflow/model"
	"valueflow/model/analysis"
)

// exportBuilder returns what the network tab shows now as a function that
// lays it out again from a map (a privacy-safe copy when asked): the same
// step range, stakeholder left out, coalition, measure, engine and node
// positions, the nodes the user dragged included, without the selection's
// highlight, which is a pointer on the screen and not part of the picture.
// Before the first layout is on the screen the network is laid out anew.
// Call it on the UI goroutine; the function it returns may run on any.
func (v *NetworkView) exportBuilder() func(m *model.Map) (*scene.Scene, error) {
	opt, nopt, ok := v.exportOptions()
	if !ok {
		opt, nopt = v.options()
		nopt.Selected = ""
	}
	// Node ids stay the same in a privacy-safe copy, so the positions of
	// what is on the screen fit it too.
	return func(m *model.Map) (*scene.Scene, error) {
		res, err := analysis.Analyze(m, opt)
		if err != nil {
			return nil, err
		}
		return scene.Network(m, res, nopt), nil
	}
}
