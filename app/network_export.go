package app

import (
	"valueflow/canvas/scene"
	"valueflow/model"
	"valueflow/model/analysis"
	"valueflow/model/anonymise"
)

// exportBuilder returns what the network tab shows now as a function that
// lays it out again from m or pm, a privacy-safe copy of m: the same step
// range, stakeholder left out, coalition, measure, engine and node
// positions, the nodes the user dragged included, without the selection's
// highlight, which is a pointer on the screen and not part of the picture.
// Before the first layout is on the screen the network is laid out anew.
// Call it on the UI goroutine; the function it returns may run on any.
func (v *NetworkView) exportBuilder() func(m, pm *model.Map) (*scene.Scene, error) {
	opt, nopt, ok := v.exportOptions()
	if !ok {
		opt, nopt = v.options()
		nopt.Selected = ""
	}
	return func(m, pm *model.Map) (*scene.Scene, error) {
		// The copy may give stakeholders, steps and the scenario other
		// ids: the options and positions follow them.
		opt, nopt := renamedOptions(opt, nopt, anonymise.IDs(m, pm))
		res, err := analysis.Analyze(pm, opt)
		if err != nil {
			return nil, err
		}
		return scene.Network(pm, res, nopt), nil
	}
}

// renamedOptions are opt and nopt with every id passed through id; the
// originals are left as they are.
func renamedOptions(opt analysis.Options, nopt scene.NetworkOptions, id func(model.ID) model.ID) (analysis.Options, scene.NetworkOptions) {
	opt.Scenario, opt.FromStep, opt.ToStep, opt.Without = id(opt.Scenario), id(opt.FromStep), id(opt.ToStep), id(opt.Without)
	nopt.Selected, nopt.Coalition = id(nopt.Selected), id(nopt.Coalition)
	rename := func(pos map[model.ID]scene.Point) map[model.ID]scene.Point {
		if pos == nil {
			return nil
		}
		out := make(map[model.ID]scene.Point, len(pos))
		for k, p := range pos {
			out[id(k)] = p
		}
		return out
	}
	nopt.Positions, nopt.Pinned, nopt.Start = rename(nopt.Positions), rename(nopt.Pinned), rename(nopt.Start)
	return opt, nopt
}
