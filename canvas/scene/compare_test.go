package scene

import (
	"slices"
	"strings"
	"testing"

	"valueflow/model"
	"valueflow/model/compare"
	"valueflow/model/sample"
)

func TestCompareBoardColoursWhatChanged(t *testing.T) {
	m := sample.Map()
	a := m.Scenarios[0]
	must := func(c model.Command) {
		t.Helper()
		if err := c.Do(m); err != nil {
			t.Fatal(err)
		}
	}
	must(model.AddScenario(a.ID, model.Scenario{ID: "tobe", Name: "Gewenst"}))
	b := m.Scenario("tobe")
	must(model.AddStep("tobe", model.Step{ID: "nieuw", Name: "Nazorg"}, 1))
	gone := b.Contributions[2].ID
	must(model.DeleteContribution("tobe", gone))
	c := *b.Contributions[0]
	c.Value = "Ander werk"
	must(model.UpdateContribution("tobe", c))

	d := compare.Compare(a, b, m, m)
	s, status := CompareBoard(a, b, m, m, d, CompareOptions{FromName: "Huidig", ToName: "Gewenst"})
	want := map[Target]struct {
		st     CompareStatus
		colour Color
		dashed bool
	}{
		{model.EntityStep, "nieuw"}:      {Added, CompareAdded, false},
		{model.EntityContribution, gone}: {Removed, CompareRemoved, true},
		{model.EntityContribution, c.ID}: {Changed, CompareChanged, false},
	}
	for target, w := range want {
		if status[target] != w.st {
			t.Errorf("%v: status %d, want %d", target, status[target], w.st)
		}
		// The element's frame (its first stroked box) shows the status.
		var frame *Box
		for _, it := range s.Items {
			if it.Target == target && it.Box != nil && it.Box.Stroke.A != 0 {
				frame = it.Box
				break
			}
		}
		if frame == nil {
			t.Errorf("%v is not framed on the compare board", target)
		} else if frame.Stroke != w.colour || frame.Dashed != w.dashed {
			t.Errorf("%v: frame stroke %v dashed %v, want %v %v", target, frame.Stroke, frame.Dashed, w.colour, w.dashed)
		}
	}
	var summary string
	for _, it := range s.Items {
		if it.Group == "compare-summary" && it.Text != nil {
			summary += strings.Join(it.Text.Lines, " ") + "\n"
		}
	}
	for _, w := range []string{"Huidig → Gewenst", "steps: +1 −0 ~0", "contributions: +0 −1 ~1"} {
		if !strings.Contains(summary, w) {
			t.Errorf("the summary bar %q lacks %q", summary, w)
		}
	}
	// Nothing else is coloured: an unchanged card keeps its own stroke.
	other := Target{model.EntityContribution, b.Contributions[1].ID}
	if status[other] != Unchanged {
		t.Errorf("an unchanged card has status %d", status[other])
	}
}

// TestACardKeepsItsRoleColourOnTheCompareBoard: a changed or removed card
// is framed in its status colour, and its role bar and badge still show
// its role; a changed lane keeps its own colour.
func TestACardKeepsItsRoleColourOnTheCompareBoard(t *testing.T) {
	ma := sample.Map()
	mb := ma.Clone()
	a, b := ma.Scenarios[0], mb.Scenarios[0]
	gone := b.Contributions[2]
	if err := model.DeleteContribution(b.ID, gone.ID).Do(mb); err != nil {
		t.Fatal(err)
	}
	changed := b.Contributions[0]
	changed.Value = "Ander werk"
	lane := mb.Stakeholders[0]
	lane.Notes = "nieuw"
	d := compare.Compare(a, b, ma, mb)
	s, status := CompareBoard(a, b, ma, mb, d, CompareOptions{})
	if status[Target{model.EntityStakeholder, lane.ID}] != Changed {
		t.Fatalf("the lane has status %d", status[Target{model.EntityStakeholder, lane.ID}])
	}
	plain := Board(mb, b.ID, BoardOptions{})
	laneBand := func(s *Scene) Color {
		for _, it := range s.Items {
			if it.Target == (Target{model.EntityStakeholder, lane.ID}) && it.Box != nil {
				return it.Box.Fill // the band comes first
			}
		}
		t.Fatal("no lane band")
		return Color{}
	}
	if got, want := laneBand(s), laneBand(plain); got != want {
		t.Errorf("the changed lane's band is %v, want its own colour %v", got, want)
	}
	for _, tc := range []struct {
		name   string
		card   *model.Contribution
		colour Color
	}{
		{"a changed card", changed, CompareChanged},
		{"a removed card", gone, CompareRemoved},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var boxes []*Box
			for _, it := range s.Items {
				if it.Target == (Target{model.EntityContribution, tc.card.ID}) && it.Box != nil {
					boxes = append(boxes, it.Box)
				}
			}
			if len(boxes) < 3 {
				t.Fatalf("%d boxes for the card", len(boxes))
			}
			if boxes[0].Stroke != tc.colour {
				t.Errorf("outline %v, want %v", boxes[0].Stroke, tc.colour)
			}
			if bar := boxes[1]; bar.Fill != roleColours[tc.card.Role] || bar.Stroke.A != 0 {
				t.Errorf("role bar fill %v stroke %v, want the role's colour %v and no stroke", bar.Fill, bar.Stroke, roleColours[tc.card.Role])
			}
			if badge := boxes[2]; badge.Fill != tint(roleColours[tc.card.Role], 0.22) || badge.Stroke.A != 0 {
				t.Errorf("role badge fill %v stroke %v, want the role's tint", badge.Fill, badge.Stroke)
			}
		})
	}
}

// TestTheSummaryCountsWhatBelongsToTheMap: between two maps the summary bar
// counts relationships, coalitions and the map's information too, in
// English without a translator.
func TestTheSummaryCountsWhatBelongsToTheMap(t *testing.T) {
	ma := sample.Map()
	mb := ma.Clone()
	mb.Title = "Anders"
	mb.Relationships = mb.Relationships[1:]
	mb.Coalitions[0].Issue = "ander vraagstuk"
	d := compare.Compare(ma.Scenarios[0], mb.Scenarios[0], ma, mb)
	s, _ := CompareBoard(ma.Scenarios[0], mb.Scenarios[0], ma, mb, d, CompareOptions{})
	var summary string
	for _, it := range s.Items {
		if it.Group == "compare-summary" && it.Text != nil {
			summary += strings.Join(it.Text.Lines, " ") + "\n"
		}
	}
	for _, w := range []string{"map: +0 −0 ~1", "relationships: +0 −1 ~0", "coalitions: +0 −0 ~1"} {
		if !strings.Contains(summary, w) {
			t.Errorf("the summary bar %q lacks %q", summary, w)
		}
	}
}

// TestTheChangesOfACompareBoardAreListedInReadingOrder: every added,
// removed or changed element is listed once, where its frame is drawn,
// column by column from the left and from the top down in a column, so the
// screen can open on the first and walk to the next.
func TestTheChangesOfACompareBoardAreListedInReadingOrder(t *testing.T) {
	m := sample.Map()
	a := m.Scenarios[0]
	must := func(c model.Command) {
		t.Helper()
		if err := c.Do(m); err != nil {
			t.Fatal(err)
		}
	}
	must(model.AddScenario(a.ID, model.Scenario{ID: "tobe", Name: "Gewenst"}))
	b := m.Scenario("tobe")
	last := b.Steps[len(b.Steps)-1]
	var late, early *model.Contribution // a card in the last step, one in the first
	for _, c := range b.Contributions {
		if c.Step == last.ID && late == nil {
			late = c
		}
		if c.Step == b.Steps[0].ID && early == nil {
			early = c
		}
	}
	if late == nil || early == nil {
		t.Fatal("the sample has no card in its first or last step")
	}
	lc, ec := *late, *early
	lc.Value, ec.Value = "Later werk", "Eerder werk"
	must(model.UpdateContribution("tobe", lc)) // changed first, drawn last
	must(model.UpdateContribution("tobe", ec))
	must(model.AddStep("tobe", model.Step{ID: "nieuw", Name: "Nazorg"}, 1))

	d := compare.Compare(a, b, m, m)
	s, status := CompareBoard(a, b, m, m, d, CompareOptions{})
	places := CompareChanges(s, status)
	var got []Target
	for _, p := range places {
		got = append(got, p.Target)
		if p.Status != status[p.Target] {
			t.Errorf("%v listed as %d, its status is %d", p.Target, p.Status, status[p.Target])
		}
	}
	want := []Target{{model.EntityContribution, ec.ID}, {model.EntityStep, "nieuw"}, {model.EntityContribution, lc.ID}}
	if !slices.Equal(got, want) {
		t.Fatalf("changes %v, want %v", got, want)
	}
	for _, p := range places {
		for _, it := range s.Items {
			if it.Target == p.Target && it.Box != nil && it.Box.Stroke == statusColour[p.Status] && it.Box.Rect != p.Rect {
				t.Errorf("%v listed at %v, its frame is at %v", p.Target, p.Rect, it.Box.Rect)
			}
		}
	}

	// On screen the summary bar is left out; the board is otherwise the same.
	plain, _ := CompareBoard(a, b, m, m, d, CompareOptions{NoSummary: true})
	for _, it := range plain.Items {
		if it.Group == "compare-summary" {
			t.Fatal("the board without a summary has a summary bar")
		}
	}
	if plain.Height >= s.Height || len(CompareChanges(plain, status)) != len(places) {
		t.Errorf("without the summary: height %.0f (with %.0f), %d changes", plain.Height, s.Height, len(CompareChanges(plain, status)))
	}
}

// TestEverySheetUnderTheBoardHasTheWholeSummary: tiled on paper, each
// sheet of the last row shows the summary whole (both names, the counts,
// the three legend entries), not the part of a bar that fell on it.
func TestEverySheetUnderTheBoardHasTheWholeSummary(t *testing.T) {
	m := sample.Map()
	a := m.Scenarios[0]
	if err := model.AddScenario(a.ID, model.Scenario{ID: "tobe", Name: "Gewenste situatie voor 2026"}).Do(m); err != nil {
		t.Fatal(err)
	}
	b := m.Scenario("tobe")
	if err := model.DeleteContribution("tobe", b.Contributions[3].ID).Do(m); err != nil {
		t.Fatal(err)
	}
	d := compare.Compare(a, b, m, m)
	s, _ := CompareBoard(a, b, m, m, d, CompareOptions{FromName: "Huidige situatie", ToName: "Gewenste situatie voor 2026"})
	var summary []Item
	var text string
	for _, it := range s.Items {
		if it.Group == "compare-summary" {
			summary = append(summary, it)
			if it.Text != nil {
				text += strings.Join(it.Text.Lines, " ") + " "
			}
		}
	}
	for _, want := range []string{"Huidige situatie → Gewenste situatie voor 2026", "contributions: +0 −1 ~0", "added", "removed", "changed"} {
		if !strings.Contains(text, want) {
			t.Errorf("the summary %q lacks %q", text, want)
		}
	}
	pages, err := Paginate(s, PageSetup{Paper: A4, Landscape: true}, PageInfo{})
	if err != nil {
		t.Fatal(err)
	}
	last, sheets := pages[len(pages)-1].Row, 0
	for _, p := range pages {
		if p.Row != last {
			continue
		}
		sheets++
		for _, it := range summary {
			r, whole := it.Bounds(), false
			for _, v := range p.Views {
				whole = whole || (r.X >= v.Src.X && r.X+r.W <= v.Src.X+v.Src.W && r.Y >= v.Src.Y && r.Y+r.H <= v.Src.Y+v.Src.H)
			}
			if !whole {
				t.Errorf("sheet %d (column %d) cuts the summary's item at %v", p.Number, p.Col+1, r)
			}
		}
	}
	if sheets < 2 {
		t.Fatalf("%d sheets in the last row: the test wants several", sheets)
	}
}
