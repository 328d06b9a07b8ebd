package scene

import (
	"testing"

	"valueflow/model"
	"valueflow/model/sample"
)

// TestASelectedFlowStandsOutWithItsTwoCards: a selected flow's line is
// drawn in the selection's blue and wider than it is otherwise, its two
// cards stay bright and every other card and flow dims, so a flow reached
// by keyboard can be found on a full board.
func TestASelectedFlowStandsOutWithItsTwoCards(t *testing.T) {
	m := sample.Map()
	sc := m.Scenarios[0]
	f := sc.Flows[0]
	sel := Target{Kind: model.EntityFlow, ID: f.ID}
	plain := Board(m, sc.ID, BoardOptions{})
	s := Board(m, sc.ID, BoardOptions{Selected: sel})
	line := func(s *Scene) *Path {
		for _, it := range s.Items {
			if it.Target == sel && it.Path != nil {
				return it.Path
			}
		}
		t.Fatal("the flow has no line")
		return nil
	}
	if p, q := line(s), line(plain); p.Stroke != boardSelect || p.Width <= q.Width {
		t.Errorf("selected, the line is %v %.1f wide; unselected %v %.1f", p.Stroke, p.Width, q.Stroke, q.Width)
	}
	for _, it := range s.Items {
		switch it.Target.Kind {
		case model.EntityContribution:
			ends := it.Target.ID == f.From || it.Target.ID == f.To
			if ends && it.Emphasis == Dimmed {
				t.Fatalf("card %s, an end of the selected flow, is dimmed", it.Target.ID)
			}
			if !ends && it.Emphasis != Dimmed {
				t.Fatalf("card %s, not an end of the selected flow, is not dimmed", it.Target.ID)
			}
		case model.EntityFlow:
			if (it.Target == sel) == (it.Emphasis == Dimmed) {
				t.Fatalf("flow %s has emphasis %v with flow %s selected", it.Target.ID, it.Emphasis, f.ID)
			}
		}
	}
}
