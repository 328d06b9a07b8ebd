package scene

import (
	"reflect"
	"strings"
	"testing"

	"valueflow/model"
	"valueflow/model/analysis"
	"valueflow/model/sample"
)

// laneBand returns the lane's band box (the full-width box with its target).
func laneBand(s *Scene, id model.ID) *Item {
	for i, it := range s.Items {
		if it.Target == (Target{model.EntityStakeholder, id}) && it.Box != nil && it.Box.X == 0 && it.Box.W == s.Width {
			return &s.Items[i]
		}
	}
	return nil
}

func TestWithoutAStakeholderTheBoardShowsWhatBreaks(t *testing.T) {
	m := sample.Map()
	sc := m.Scenarios[0]
	const out = "sh8"
	res, err := analysis.Analyze(m, analysis.Options{Scenario: sc.ID, Without: out})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Broken) == 0 || len(res.Leaderless) == 0 {
		t.Fatalf("the sample without %s breaks %d flows and leaves %d steps without a lead; the test needs both", out, len(res.Broken), len(res.Leaderless))
	}
	broken, leaderless := map[model.ID]bool{}, map[model.ID]bool{}
	for _, id := range res.Broken {
		broken[id] = true
	}
	for _, id := range res.Leaderless {
		leaderless[id] = true
	}
	s := Board(m, sc.ID, BoardOptions{Without: out})

	t.Run("the flows the network shows as broken are red and dashed, the rest keep their kind's line", func(t *testing.T) {
		for _, it := range s.Items {
			if it.Path == nil || it.Target.Kind != model.EntityFlow {
				continue
			}
			f := sc.Flow(it.Target.ID)
			want := FlowStyle(f.Kind, f.Criticality)
			if broken[f.ID] {
				want = BrokenFlowStyle(f.Criticality)
			}
			if got := (LineStyle{it.Path.Stroke, it.Path.Width, it.Path.Dashed}); got != want {
				t.Errorf("flow %s (broken: %v) is drawn %v, want %v", f.ID, broken[f.ID], got, want)
			}
		}
	})
	t.Run("steps left without a lead say so in their header", func(t *testing.T) {
		marked := map[model.ID]bool{}
		for _, it := range s.Items {
			if it.Target.Kind == model.EntityStep && it.Text != nil && strings.Join(it.Text.Lines, " ") == "no lead" {
				marked[it.Target.ID] = true
			}
		}
		if !reflect.DeepEqual(marked, leaderless) {
			t.Errorf("steps marked %v, want %v", marked, leaderless)
		}
	})
	t.Run("the stakeholder's lane is grey and its cards dimmed", func(t *testing.T) {
		band := laneBand(s, out)
		if grey := boardOut; band == nil || band.Box.Fill.R != grey.R || band.Box.Fill.G != grey.G || band.Box.Fill.B != grey.B || band.Box.Fill.A < 60 {
			t.Fatalf("the lane of %s is %+v, not grey", out, band)
		}
		for _, it := range s.Items {
			if it.Target.Kind != model.EntityContribution {
				continue
			}
			mine := sc.Contribution(it.Target.ID).Stakeholder == out
			if want := map[bool]Emphasis{true: Dimmed, false: Normal}[mine]; it.Emphasis != want {
				t.Fatalf("card %s (of %s: %v) has emphasis %d", it.Target.ID, out, mine, it.Emphasis)
			}
		}
	})
	t.Run("its words stay readable", func(t *testing.T) {
		assertTextContrast(t, s)
	})
	t.Run("an unknown stakeholder changes nothing", func(t *testing.T) {
		if !reflect.DeepEqual(Board(m, sc.ID, BoardOptions{Without: "nobody"}), Board(m, sc.ID, BoardOptions{})) {
			t.Fatal("the board without an unknown stakeholder differs from the board")
		}
	})
}

func TestACoalitionFilterBrightensItsMembers(t *testing.T) {
	m := sample.Map()
	sc := m.Scenarios[0]
	co := m.Coalitions[0]
	member := map[model.ID]bool{}
	for _, id := range co.Members {
		member[id] = true
	}
	s := Board(m, sc.ID, BoardOptions{Coalition: co.ID})
	for _, sh := range m.Stakeholders {
		want := Dimmed
		if member[sh.ID] {
			want = Highlighted
		}
		if band := laneBand(s, sh.ID); band == nil || band.Emphasis != want {
			t.Errorf("lane %s (member: %v) is not %d", sh.ID, member[sh.ID], want)
		}
	}
	mine := map[model.ID]bool{}
	for _, it := range s.Items {
		if it.Target.Kind == model.EntityContribution {
			c := sc.Contribution(it.Target.ID)
			mine[c.ID] = member[c.Stakeholder]
			if (it.Emphasis == Highlighted) != member[c.Stakeholder] {
				t.Fatalf("card %s of %s has emphasis %d", c.ID, c.Stakeholder, it.Emphasis)
			}
		}
	}
	for _, it := range s.Items {
		if it.Target.Kind == model.EntityFlow && it.Path != nil {
			f := sc.Flow(it.Target.ID)
			if want := mine[f.From] || mine[f.To]; (it.Emphasis == Highlighted) != want {
				t.Errorf("flow %s (touches the coalition: %v) has emphasis %d", f.ID, want, it.Emphasis)
			}
		}
	}

	t.Run("with a selected card only its chain within the coalition stays bright", func(t *testing.T) {
		var card model.ID
		for _, c := range sc.Contributions {
			if member[c.Stakeholder] && len(sc.Downstream(c.ID)) > 1 {
				card = c.ID
				break
			}
		}
		if card == "" {
			t.Fatal("no card of the coalition has a chain of flows")
		}
		chain := map[model.ID]bool{card: true}
		for _, id := range append(sc.Upstream(card), sc.Downstream(card)...) {
			chain[id] = true
		}
		both := Board(m, sc.ID, BoardOptions{Coalition: co.ID, Selected: Target{model.EntityContribution, card}})
		for _, it := range both.Items {
			if it.Target.Kind != model.EntityContribution {
				continue
			}
			id := it.Target.ID
			if want := chain[id] && (mine[id] || id == card); (it.Emphasis == Highlighted) != want {
				t.Fatalf("card %s (in chain %v, in coalition %v) has emphasis %d", id, chain[id], mine[id], it.Emphasis)
			}
		}
	})
	t.Run("an unknown coalition changes nothing", func(t *testing.T) {
		if !reflect.DeepEqual(Board(m, sc.ID, BoardOptions{Coalition: "nope"}), Board(m, sc.ID, BoardOptions{})) {
			t.Fatal("an unknown coalition filters the board")
		}
	})
}

// assertTextContrast checks every text that is not dimmed against what lies
// under it: at least 4.5:1.
func assertTextContrast(t *testing.T, s *Scene) {
	t.Helper()
	for i, it := range s.Items {
		if it.Text == nil || it.Emphasis == Dimmed || len(it.Text.Lines) == 0 {
			continue
		}
		bg := s.Background
		mid := Point{it.Text.X + 2, it.Text.Y + it.Text.Size/2}
		for _, under := range s.Items[:i] {
			if under.Box != nil && under.Box.Fill.A > 0 && under.Box.Rect.Contains(mid) {
				bg = over(under.Box.Fill, bg)
			}
		}
		if c := contrast(over(it.Text.Color, bg), bg); c < 4.5 {
			t.Errorf("%q has contrast %.2f:1 on its background", it.Text.Lines[0], c)
		}
	}
}
