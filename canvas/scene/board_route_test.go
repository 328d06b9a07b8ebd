package scene

import (
	"testing"

	"valueflow/model"
	"valueflow/model/sample"
)

// segmentMeetsRect reports whether the segment a–b passes through r
// (Liang–Barsky clipping).
func segmentMeetsRect(a, b Point, r Rect) bool {
	t0, t1 := float32(0), float32(1)
	dx, dy := b.X-a.X, b.Y-a.Y
	for _, e := range [4][2]float32{{-dx, a.X - r.X}, {dx, r.X + r.W - a.X}, {-dy, a.Y - r.Y}, {dy, r.Y + r.H - a.Y}} {
		p, q := e[0], e[1]
		if p == 0 {
			if q < 0 {
				return false
			}
			continue
		}
		t := q / p
		if p < 0 {
			t0 = max(t0, t)
		} else {
			t1 = min(t1, t)
		}
		if t0 > t1 {
			return false
		}
	}
	return true
}

// flowsThroughCards counts the flows of a laid-out board whose line passes
// through a card other than the two it connects.
func flowsThroughCards(t *testing.T, m *model.Map, opt BoardOptions) (crossing, drawn int) {
	t.Helper()
	sc := m.Scenarios[0]
	s, g := BoardLayout(m, sc.ID, opt)
	for _, it := range s.Items {
		if it.Path == nil || it.Target.Kind != model.EntityFlow {
			continue
		}
		f := sc.Flow(it.Target.ID)
		drawn++
		pts := it.Path.Points
	flow:
		for _, c := range sc.Contributions {
			if c.ID == f.From || c.ID == f.To {
				continue
			}
			r, ok := g.CardRect(c.ID)
			if !ok {
				continue
			}
			inner := Rect{r.X + 1, r.Y + 1, r.W - 2, r.H - 2}
			for k := 1; k < len(pts); k++ {
				if segmentMeetsRect(pts[k-1], pts[k], inner) {
					crossing++
					break flow
				}
			}
		}
	}
	return crossing, drawn
}

func TestFlowsGoAroundCards(t *testing.T) {
	tests := []struct {
		name string
		m    *model.Map
		most int
	}{
		{"the sample", sample.Map(), 0},
		{"a generated M map", sample.Generate(sample.M), 0},
		{"a generated L map", sample.Generate(sample.L), 0},
	}
	for _, tt := range tests {
		for _, opt := range []BoardOptions{{}, {RealTime: true}} {
			name := "on " + tt.name
			if opt.RealTime {
				name += " on the time axis"
			}
			t.Run(name, func(t *testing.T) {
				crossing, drawn := flowsThroughCards(t, tt.m, opt)
				if drawn != len(tt.m.Scenarios[0].Flows) {
					t.Fatalf("%d of %d flows are drawn", drawn, len(tt.m.Scenarios[0].Flows))
				}
				if crossing > tt.most {
					t.Errorf("%d of %d flows pass through another card, want at most %d", crossing, drawn, tt.most)
				}
			})
		}
	}
}

// TestFlowLabelsCoverNoCard checks that a label shown on a flow hides no
// card, and that most labels find a place (the rest are in the inspector).
func TestFlowLabelsCoverNoCard(t *testing.T) {
	for _, size := range []sample.Size{sample.M, sample.L} {
		t.Run("on a generated "+string(size)+" map", func(t *testing.T) {
			m := sample.Generate(size)
			sc := m.Scenarios[0]
			s, g := BoardLayout(m, sc.ID, BoardOptions{})
			shown, labelled := 0, 0
			for _, f := range sc.Flows {
				if f.Label != "" {
					labelled++
				}
			}
			for _, it := range s.Items {
				if it.Target.Kind != model.EntityFlow || it.Box == nil {
					continue
				}
				shown++
				if it.Box.X < boardLaneHeader || it.Box.X+it.Box.W > s.Width {
					t.Errorf("the label of flow %s sticks out of the board", it.Target.ID)
				}
				for _, c := range sc.Contributions {
					if r, _ := g.CardRect(c.ID); r.Intersects(it.Box.Rect) {
						t.Fatalf("the label of flow %s covers card %s", it.Target.ID, c.ID)
					}
				}
			}
			if shown < labelled*9/10 {
				t.Errorf("%d of %d flow labels are shown, want at least 90 %%", shown, labelled)
			}
		})
	}
}
