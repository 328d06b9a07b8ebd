package scene

import (
	"testing"

	"valueflow/model"
	"valueflow/model/sample"
	"valueflow/model/templates"
)

func TestEachKindOfFlowHasItsOwnLine(t *testing.T) {
	seen := map[LineStyle]model.FlowKind{}
	for _, k := range model.FlowKinds {
		st := FlowStyle(k, model.CriticalityNormal)
		if other, ok := seen[st]; ok {
			t.Errorf("%s and %s are drawn alike", k, other)
		}
		seen[st] = k
		if st.Stroke == flowBroken {
			t.Errorf("%s is drawn in the red of a broken flow", k)
		}
	}
	for _, k := range model.FlowKinds {
		low, normal, high := FlowStyle(k, model.CriticalityLow), FlowStyle(k, model.CriticalityNormal), FlowStyle(k, model.CriticalityHigh)
		if !(low.Width < normal.Width && normal.Width*1.8 < high.Width) {
			t.Errorf("%s: widths low %.1f, normal %.1f, high %.1f; a high criticality must stand out", k, low.Width, normal.Width, high.Width)
		}
		if low.Stroke != high.Stroke || low.Dashed != high.Dashed {
			t.Errorf("%s changes its look with its criticality", k)
		}
	}
}

// TestFlowLinesStandOutOnEveryLane checks the flow colours against every
// lane of the sample, the templates and a generated map, and against the
// darkest tint a lane can have (a black lane colour): at least 3:1, the
// WCAG minimum for lines that carry meaning.
func TestFlowLinesStandOutOnEveryLane(t *testing.T) {
	lanes := map[string]Color{"black": {0, 0, 0, 255}}
	maps := []*model.Map{sample.Map(), sample.Generate(sample.M)}
	for _, tpl := range templates.All() {
		maps = append(maps, tpl.Map())
	}
	for _, m := range maps {
		for _, sh := range m.Stakeholders {
			lanes[m.Title+": "+sh.Name] = Hex(sh.Colour, Color{200, 205, 210, 255})
		}
	}
	white := Color{255, 255, 255, 255}
	styles := map[string]LineStyle{"broken": BrokenFlowStyle(model.CriticalityNormal)}
	for _, k := range model.FlowKinds {
		styles[string(k)] = FlowStyle(k, model.CriticalityNormal)
	}
	for name, lane := range lanes {
		tinted := lane
		tinted.A = 36
		bg := over(tinted, white)
		for kind, st := range styles {
			if c := contrast(st.Stroke, bg); c < 3 {
				t.Errorf("a %s flow has contrast %.2f:1 on lane %s", kind, c, name)
			}
		}
	}
}

func TestTheBoardDrawsEachFlowInTheStyleOfItsKind(t *testing.T) {
	m := sample.Map()
	sc := m.Scenarios[0]
	kinds := map[model.FlowKind]bool{}
	for _, it := range Board(m, sc.ID, BoardOptions{}).Items {
		if it.Path == nil || it.Target.Kind != model.EntityFlow {
			continue
		}
		f := sc.Flow(it.Target.ID)
		kinds[f.Kind] = true
		want := FlowStyle(f.Kind, f.Criticality)
		if got := (LineStyle{it.Path.Stroke, it.Path.Width, it.Path.Dashed}); got != want {
			t.Errorf("flow %s (%s, %s) is drawn %v, want %v", f.ID, f.Kind, f.Criticality, got, want)
		}
	}
	if len(kinds) < 3 {
		t.Fatalf("the sample shows only %d kinds of flow", len(kinds))
	}
}
