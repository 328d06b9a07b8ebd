package scene

import (
	"reflect"
	"testing"

	"valueflow/model"
	"valueflow/model/sample"
)

func TestTheGeometryFindsEveryCardInItsCell(t *testing.T) {
	m := sample.Map()
	sc := m.Scenarios[0]
	_, g := BoardLayout(m, sc.ID, BoardOptions{})
	for _, c := range sc.Contributions {
		r, ok := g.CardRect(c.ID)
		if !ok {
			t.Fatalf("card %s has no rectangle", c.ID)
		}
		mid := Point{r.X + r.W/2, r.Y + r.H/2}
		step, sh, ok := g.CellAt(mid)
		if !ok || step != c.Step || sh != c.Stakeholder {
			t.Errorf("the middle of card %s is in cell (%s, %s), want (%s, %s)", c.ID, step, sh, c.Step, c.Stakeholder)
		}
		if id, ok := g.CardAt(mid); !ok || id != c.ID {
			t.Errorf("CardAt the middle of %s gives %s", c.ID, id)
		}
		cell, _ := g.CellRect(c.Step, c.Stakeholder)
		if !cell.Contains(Point{r.X, r.Y}) || !cell.Contains(Point{r.X + r.W, r.Y + r.H}) {
			t.Errorf("card %s sticks out of its cell", c.ID)
		}
	}
	if _, _, ok := g.CellAt(Point{5, 5}); ok {
		t.Error("the top-left corner (title) is a cell")
	}
}

func TestArrowKeysMoveToTheNeighbouringCard(t *testing.T) {
	m := sample.Map()
	sc := m.Scenarios[0]
	_, g := BoardLayout(m, sc.ID, BoardOptions{})
	for _, c := range sc.Contributions {
		from, _ := g.CardRect(c.ID)
		for _, d := range [][2]int{{1, 0}, {-1, 0}, {0, 1}, {0, -1}} {
			id, ok := g.Neighbour(c.ID, d[0], d[1])
			if !ok {
				continue
			}
			to, _ := g.CardRect(id)
			n := sc.Contribution(id)
			switch {
			case d[0] != 0 && (n.Stakeholder != c.Stakeholder || (to.X-from.X)*float32(d[0]) <= 0):
				t.Errorf("%s → %v gave %s, not a card further along the same lane", c.ID, d, id)
			case d[1] != 0 && (n.Step != c.Step || (to.Y-from.Y)*float32(d[1]) <= 0):
				t.Errorf("%s → %v gave %s, not a card further along the same step", c.ID, d, id)
			}
		}
	}
	first := sc.Contributions[0]
	if _, ok := g.Neighbour(first.ID, 0, 0); ok {
		t.Error("no direction still moved")
	}
	if _, ok := g.Neighbour(model.ID("nope"), 1, 0); ok {
		t.Error("an unknown card has a neighbour")
	}
}

func TestFlowsWithinOneStepCrossNoCard(t *testing.T) {
	m := sample.Generate(sample.M)
	sc := m.Scenarios[0]
	s, g := BoardLayout(m, sc.ID, BoardOptions{})
	checked := 0
	for _, it := range s.Items {
		if it.Path == nil || it.Target.Kind != model.EntityFlow {
			continue
		}
		f := sc.Flow(it.Target.ID)
		if sc.Contribution(f.From).Step != sc.Contribution(f.To).Step {
			continue
		}
		checked++
		for _, p := range it.Path.Points[1 : len(it.Path.Points)-1] {
			for _, c := range sc.Contributions {
				r, _ := g.CardRect(c.ID)
				inner := Rect{r.X + 1, r.Y + 1, r.W - 2, r.H - 2}
				if inner.Contains(p) {
					t.Fatalf("flow %s runs through card %s at %v", f.ID, c.ID, p)
				}
			}
		}
	}
	if checked == 0 {
		t.Skip("the M map has no flow within one step")
	}
}

func TestSelectingAStakeholderHighlightsItsLaneAndFlows(t *testing.T) {
	m := sample.Map()
	sc := m.Scenarios[0]
	sh := sc.Contributions[0].Stakeholder
	s := Board(m, sc.ID, BoardOptions{Selected: Target{model.EntityStakeholder, sh}})
	mine := map[model.ID]bool{}
	for _, c := range sc.CardsForStakeholder(sh) {
		mine[c.ID] = true
	}
	for _, it := range s.Items {
		switch it.Target.Kind {
		case model.EntityFlow:
			f := sc.Flow(it.Target.ID)
			if want := mine[f.From] || mine[f.To]; (it.Emphasis == Highlighted) != want {
				t.Fatalf("flow %s: emphasis %d, touches the lane: %v", f.ID, it.Emphasis, want)
			}
		case model.EntityStakeholder:
			if it.Box != nil && it.Emphasis != Normal && (it.Emphasis == Highlighted) != (it.Target.ID == sh) {
				t.Fatalf("lane %s: emphasis %d", it.Target.ID, it.Emphasis)
			}
		}
	}
	if s := Board(m, sc.ID, BoardOptions{Selected: Target{model.EntityStakeholder, sh}, NoFocus: true}); s.Items[len(s.Items)-1].Emphasis == Dimmed {
		t.Fatal("NoFocus still dims")
	}
}

func TestUpdateCardGivesTheSameBoardAsANewLayout(t *testing.T) {
	tests := []struct {
		name   string
		edit   func(c *model.Contribution)
		inLine bool
	}{
		{"a new value of the same length is redrawn in place", func(c *model.Contribution) { c.Value = "Nieuwe waarde" }, true},
		{"a new role is redrawn in place", func(c *model.Contribution) { c.Role = model.RoleInformed }, true},
		{"a move to another step needs a new layout", func(c *model.Contribution) { c.Step = "elders" }, false},
		{"a value of many lines needs a new layout", func(c *model.Contribution) {
			c.Value = "Een heel lange waarde die over veel regels loopt en de kaart hoger maakt dan hij was"
		}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := sample.Map()
			sc := m.Scenarios[0]
			c := sc.Contributions[3]
			c.Value = "Kort"
			s, g := BoardLayout(m, sc.ID, BoardOptions{})
			tt.edit(c)
			if got := UpdateCard(s, g, m, sc.ID, c.ID, BoardOptions{}); got != tt.inLine {
				t.Fatalf("UpdateCard = %v, want %v", got, tt.inLine)
			}
			if tt.inLine && !reflect.DeepEqual(s, Board(m, sc.ID, BoardOptions{})) {
				t.Fatal("the updated board differs from a new layout of the edited map")
			}
		})
	}
}
