package canvas

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"valueflow/canvas/scene"
	"valueflow/model"
	"valueflow/model/sample"
)

// tinyMap is two steps, two lanes, two cards and one flow: small enough to
// read its rendering as markup.
func tinyMap() *model.Map {
	plus, minus := 1, -1
	return &model.Map{
		Title: "Klein zorgpad",
		Stakeholders: []*model.Stakeholder{
			{ID: "h1", Name: "Patiënt", Kind: model.KindPatient, Colour: "#e8a0bf"},
			{ID: "h2", Name: "Huisarts", Kind: model.KindProfessional, Colour: "#7fb3d5"},
		},
		Scenarios: []*model.Scenario{{
			ID: "sc1", Name: "Huidige situatie",
			Steps: []*model.Step{
				{ID: "s1", Name: "Klacht", Timing: "dag 1", Experience: &minus, PainPoints: "lang wachten"},
				{ID: "s2", Name: "Consult", Timing: "week 1", Experience: &plus},
			},
			Contributions: []*model.Contribution{
				{ID: "c1", Step: "s1", Stakeholder: "h1", Value: "Meldt zich bij de huisarts", Role: model.RoleLead},
				{ID: "c2", Step: "s2", Stakeholder: "h2", Value: "Onderzoek en uitleg", Role: model.RoleContributes},
			},
			Flows: []*model.Flow{{ID: "f1", From: "c1", To: "c2", Kind: model.FlowReferral, Label: "verwijzing"}},
		}},
	}
}

// tinyBoard shows the tiny map at 100 % with its geometry.
func tinyBoard(t *testing.T) (*Board, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	m := tinyMap()
	b := NewBoard()
	s, g := scene.BoardLayout(m, "sc1", scene.BoardOptions{})
	b.SetBoard(s, g)
	w := test.NewWindow(b)
	w.SetPadded(false)
	w.Resize(fyne.NewSize(600, 360))
	b.SetZoom(1)
	b.offset = scene.Point{}
	b.Refresh()
	t.Cleanup(w.Close)
	return b, w
}

// drag moves the pointer from one widget position to another the way the
// desktop driver reports it: Position is where the pointer is now, Dragged
// the step since the last event.
func drag(b *Board, from, to fyne.Position) {
	mid := fyne.NewPos((from.X+to.X)/2, (from.Y+to.Y)/2)
	b.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: mid}, Dragged: fyne.NewDelta(mid.X-from.X, mid.Y-from.Y)})
	b.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: to}, Dragged: fyne.NewDelta(to.X-mid.X, to.Y-mid.Y)})
	b.DragEnd()
}

func (b *Board) screen(p scene.Point) fyne.Position {
	return fyne.NewPos((p.X-b.offset.X)*b.zoom, (p.Y-b.offset.Y)*b.zoom)
}

func TestDraggingACardToAnotherCellMovesIt(t *testing.T) {
	b, _ := tinyBoard(t)
	var moved [3]model.ID
	b.OnMoveCard = func(card, step, sh model.ID) { moved = [3]model.ID{card, step, sh} }
	g := b.Geometry()
	card, _ := g.CardRect("c1")
	target, _ := g.CellRect("s2", "h1")
	drag(b, b.screen(scene.Point{X: card.X + 20, Y: card.Y + 10}), b.screen(scene.Point{X: target.X + 30, Y: target.Y + 20}))
	if moved != [3]model.ID{"c1", "s2", "h1"} {
		t.Fatalf("the drop reported %v, want c1 into (s2, h1)", moved)
	}

	moved = [3]model.ID{}
	drag(b, b.screen(scene.Point{X: card.X + 20, Y: card.Y + 10}), b.screen(scene.Point{X: card.X + 40, Y: card.Y + 12}))
	if moved != ([3]model.ID{}) {
		t.Fatalf("a drop in the card's own cell reported a move %v", moved)
	}
}

func TestDraggingFromACardsEdgeToAnotherCardConnectsThem(t *testing.T) {
	b, _ := tinyBoard(t)
	var from, to model.ID
	b.OnConnect = func(f, t model.ID) { from, to = f, t }
	b.OnMoveCard = func(card, step, sh model.ID) { t.Errorf("the connecting drag moved card %s", card) }
	g := b.Geometry()
	a, _ := g.CardRect("c1")
	c, _ := g.CardRect("c2")
	drag(b, b.screen(scene.Point{X: a.X + a.W - 4, Y: a.Y + a.H/2}), b.screen(scene.Point{X: c.X + 20, Y: c.Y + 10}))
	if from != "c1" || to != "c2" {
		t.Fatalf("connected %q → %q, want c1 → c2", from, to)
	}
}

func TestDraggingEmptySpacePans(t *testing.T) {
	b, _ := tinyBoard(t)
	b.OnMoveCard = func(card, step, sh model.ID) { t.Errorf("panning moved card %s", card) }
	b.SetZoom(2)
	before := b.offset
	drag(b, fyne.NewPos(300, 340), fyne.NewPos(250, 300))
	if b.offset == before {
		t.Fatal("dragging empty space did not pan")
	}
}

func TestTheTinyBoardRendersAsItsMarkup(t *testing.T) {
	_, w := tinyBoard(t)
	test.AssertRendersToMarkup(t, "board_tiny.xml", w.Canvas())
}

func TestKeysMoveDeleteAndClearTheSelection(t *testing.T) {
	m := sample.Map()
	sc := m.Scenarios[0]
	test.NewTempApp(t)
	b := NewBoard()
	b.SetBoard(scene.BoardLayout(m, sc.ID, scene.BoardOptions{}))
	w := test.NewWindow(b)
	w.SetPadded(false)
	w.Resize(fyne.NewSize(1200, 800))
	t.Cleanup(w.Close)

	var selected, deleted scene.Target
	b.OnSelect = func(tg scene.Target) { selected = tg }
	b.OnDelete = func(tg scene.Target) { deleted = tg }
	start := sc.Contributions[0]
	want, ok := b.Geometry().Neighbour(start.ID, 1, 0)
	if !ok {
		t.Fatalf("card %s has no card to its right in the sample", start.ID)
	}
	test.TapAt(b, cardAt(b, start.ID))
	b.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	if selected != (scene.Target{Kind: model.EntityContribution, ID: want}) {
		t.Fatalf("Right from %s selected %+v, want card %s", start.ID, selected, want)
	}
	b.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDelete})
	if deleted != selected {
		t.Fatalf("Delete asked to remove %+v, want %+v", deleted, selected)
	}
	b.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if selected != (scene.Target{}) {
		t.Fatalf("Escape left %+v selected", selected)
	}
}

func TestAFlowIsHitOnItsLineOnly(t *testing.T) {
	b, _ := tinyBoard(t)
	var flow *scene.Path
	for _, it := range b.Scene().Items {
		if it.Target.Kind == model.EntityFlow && it.Path != nil {
			flow = it.Path
		}
	}
	mid := flow.Points[len(flow.Points)/2]
	if got := b.hit(b.screen(mid)); got != (scene.Target{Kind: model.EntityFlow, ID: "f1"}) {
		t.Fatalf("a click on the flow's line hit %+v", got)
	}
	// Inside the flow's bounding box but far from its line: the cell's lane.
	bounds := scene.Item{Path: flow}.Bounds()
	off := scene.Point{X: bounds.X + 4, Y: bounds.Y + bounds.H - 4}
	if got := b.hit(b.screen(off)); got.Kind == model.EntityFlow {
		t.Fatalf("a click %v away from the line hit the flow", off)
	}
}
