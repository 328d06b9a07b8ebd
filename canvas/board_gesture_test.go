package canvas

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"valueflow/canvas/scene"
	"valueflow/model"
)

// chainMap is three steps and two lanes with a chain c1 → c2 → c3 and a
// card c4 outside it: selecting c2 lights the chain and dims c4.
func chainMap() *model.Map {
	m := tinyMap()
	// No title or scenario name in the corner: the goldens below are about
	// the cards.
	m.Title = ""
	sc := m.Scenarios[0]
	sc.Name = ""
	sc.Steps = append(sc.Steps, &model.Step{ID: "s3", Name: "Thuis", Timing: "week 3"})
	sc.Contributions = append(sc.Contributions,
		&model.Contribution{ID: "c3", Step: "s3", Stakeholder: "h1", Value: "Weer thuis", Role: model.RoleLead},
		&model.Contribution{ID: "c4", Step: "s3", Stakeholder: "h2", Value: "Nacontrole", Role: model.RoleInformed})
	sc.Flows = append(sc.Flows, &model.Flow{ID: "f2", From: "c2", To: "c3", Kind: model.FlowHandOff})
	return m
}

// boardOf shows a map at 100 % from its top-left corner, laid out with opt.
func boardOf(t *testing.T, m *model.Map, opt scene.BoardOptions, size fyne.Size) (*Board, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	b := NewBoard()
	s, g := scene.BoardLayout(m, m.Scenarios[0].ID, opt)
	b.SetBoard(s, g)
	w := test.NewWindow(b)
	w.SetPadded(false)
	w.Resize(size)
	b.SetZoom(1)
	b.offset = scene.Point{}
	b.Refresh()
	t.Cleanup(w.Close)
	return b, w
}

// centre is the widget position of the middle of a scene rectangle.
func centre(b *Board, r scene.Rect) fyne.Position {
	return b.screen(scene.Point{X: r.X + r.W/2, Y: r.Y + r.H/2})
}

func TestDraggingAHeaderReordersAndMarksWhereItGoes(t *testing.T) {
	for _, tc := range []struct {
		name   string
		lanes  bool
		header model.ID
		// to is where the drop is, as a scene point from the geometry.
		to   func(g *scene.BoardGeometry) scene.Point
		want int
	}{
		{"a step dragged past the last column goes last", false, "s1", func(g *scene.BoardGeometry) scene.Point {
			return scene.Point{X: g.StepEdge(3) - 10, Y: 20}
		}, 2},
		{"a step dragged before the first goes first", false, "s3", func(g *scene.BoardGeometry) scene.Point {
			return scene.Point{X: g.StepEdge(0) + 10, Y: 20}
		}, 0},
		{"a lane dragged below the other goes last", true, "h1", func(g *scene.BoardGeometry) scene.Point {
			return scene.Point{X: 60, Y: g.LaneEdge(2) - 5}
		}, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, _ := boardOf(t, chainMap(), scene.BoardOptions{}, fyne.NewSize(900, 500))
			got := -1
			var moved model.ID
			b.OnMoveStep = func(id model.ID, to int) { moved, got = id, to }
			b.OnMoveStakeholder = func(id model.ID, to int) { moved, got = id, to }
			g := b.Geometry()
			var start scene.Rect
			if tc.lanes {
				start, _ = g.LaneHeaderRect(tc.header)
			} else {
				start, _ = g.StepHeaderRect(tc.header)
			}
			from, to := centre(b, start), b.screen(tc.to(g))
			mid := fyne.NewPos((from.X+to.X)/2, (from.Y+to.Y)/2)
			b.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: mid}, Dragged: fyne.NewDelta(mid.X-from.X, mid.Y-from.Y)})
			b.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: to}, Dragged: fyne.NewDelta(to.X-mid.X, to.Y-mid.Y)})
			if !b.drag.valid || (b.drag.mode != dragStep && b.drag.mode != dragLane) {
				t.Fatalf("while dragging the header the board is in mode %d, valid %v", b.drag.mode, b.drag.valid)
			}
			// The drop marker: a blue bar across the board, besides the ghost.
			if !hasBar(b) {
				t.Fatal("no drop marker while dragging the header")
			}
			b.DragEnd()
			if moved != tc.header || got != tc.want {
				t.Fatalf("the drop moved %q to %d, want %q to %d", moved, got, tc.header, tc.want)
			}
			if hasBar(b) {
				t.Fatal("the drop marker stays after the drop")
			}
		})
	}
}

// hasBar reports whether the overlay draws a drop marker: a bar 3 pixels
// thin spanning the board.
func hasBar(b *Board) bool {
	r := test.WidgetRenderer(b).(*boardRenderer)
	size := b.Size()
	for _, o := range r.Objects() {
		found := false
		walkObjects(o, func(o fyne.CanvasObject) {
			s := o.Size()
			if o.Visible() && ((s.Width == 3 && s.Height == size.Height) || (s.Height == 3 && s.Width == size.Width)) {
				found = true
			}
		})
		if found {
			return true
		}
	}
	return false
}

func walkObjects(o fyne.CanvasObject, visit func(fyne.CanvasObject)) {
	visit(o)
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			walkObjects(c, visit)
		}
	case interface{ Objects() []fyne.CanvasObject }:
		for _, c := range x.Objects() {
			walkObjects(c, visit)
		}
	}
}

func TestDroppingAHeaderWhereItWasMovesNothing(t *testing.T) {
	b, _ := boardOf(t, chainMap(), scene.BoardOptions{}, fyne.NewSize(900, 500))
	b.OnMoveStep = func(id model.ID, to int) { t.Errorf("a drop in place moved %s to %d", id, to) }
	r, _ := b.Geometry().StepHeaderRect("s2")
	drag(b, centre(b, r), fyne.NewPos(centre(b, r).X+20, centre(b, r).Y))
}

func TestShiftDragOnEmptySpaceSelectsTheCardsInTheBand(t *testing.T) {
	b, _ := boardOf(t, chainMap(), scene.BoardOptions{}, fyne.NewSize(900, 500))
	var got []model.ID
	b.OnSelectArea = func(ids []model.ID) { got = ids }
	b.OnMoveCard = func(card, step, sh model.ID) { t.Errorf("the band moved card %s", card) }
	g := b.Geometry()
	c1, _ := g.CardRect("c1")
	c2, _ := g.CardRect("c2")
	// From the empty place just above and left of c1 to past c2's top-left
	// corner: c3 and c4, further right, stay out.
	from := b.screen(scene.Point{X: c1.X - 4, Y: c1.Y - 3})
	to := b.screen(scene.Point{X: c2.X + 10, Y: c2.Y + 10})
	b.MouseDown(&desktop.MouseEvent{Button: desktop.MouseButtonPrimary, Modifier: fyne.KeyModifierShift})
	before := b.offset
	drag(b, from, to)
	if b.offset != before {
		t.Fatal("the Shift+drag panned")
	}
	if !slices.Equal(got, []model.ID{"c1", "c2"}) {
		t.Fatalf("the band selected %v, want [c1 c2]", got)
	}

	// Without Shift the same drag pans (the board is larger than the view
	// only when zoomed in).
	got = nil
	b.SetZoom(2)
	before = b.offset
	drag(b, from, to)
	if got != nil || b.offset == before {
		t.Fatalf("a plain drag selected %v and left the view at %v", got, b.offset)
	}
}

func TestShiftClickTogglesACardAndAPlainClickSelectsIt(t *testing.T) {
	b, _ := boardOf(t, chainMap(), scene.BoardOptions{}, fyne.NewSize(900, 500))
	var toggled, selected scene.Target
	b.OnToggleSelect = func(tg scene.Target) { toggled = tg }
	b.OnSelect = func(tg scene.Target) { selected = tg }
	r, _ := b.Geometry().CardRect("c3")
	b.MouseDown(&desktop.MouseEvent{Button: desktop.MouseButtonPrimary, Modifier: fyne.KeyModifierShift})
	test.TapAt(b, centre(b, r))
	if toggled != (scene.Target{Kind: model.EntityContribution, ID: "c3"}) || selected.ID != "" {
		t.Fatalf("Shift+click toggled %+v and selected %+v", toggled, selected)
	}
	// The press is used up: the next click without Shift selects.
	toggled = scene.Target{}
	test.TapAt(b, centre(b, r))
	if selected.ID != "c3" || toggled.ID != "" {
		t.Fatalf("a plain click selected %+v and toggled %+v", selected, toggled)
	}
	// Shift held on the keyboard (KeyDown) works the same way.
	b.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	test.TapAt(b, centre(b, r))
	b.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	if toggled.ID != "c3" {
		t.Fatal("Shift held by KeyDown did not toggle")
	}
}

func TestAClickInAnEmptyCellPutsTheCursorThereAndADoubleClickAsksForACard(t *testing.T) {
	b, _ := boardOf(t, chainMap(), scene.BoardOptions{}, fyne.NewSize(900, 500))
	var cell [2]model.ID
	var double scene.Target
	b.OnSelectCell = func(step, lane model.ID) { cell = [2]model.ID{step, lane} }
	b.OnSelect = func(tg scene.Target) { t.Errorf("a click in an empty cell selected %+v", tg) }
	b.OnDoubleTap = func(tg scene.Target, _ scene.Point) { double = tg }
	r, _ := b.Geometry().CellRect("s1", "h2") // no card there
	test.TapAt(b, centre(b, r))
	if cell != [2]model.ID{"s1", "h2"} {
		t.Fatalf("the click put the cursor on %v", cell)
	}
	double = scene.Target{Kind: model.EntityFlow}
	b.DoubleTapped(&fyne.PointEvent{Position: centre(b, r)})
	if double != (scene.Target{}) {
		t.Fatalf("a double click in an empty cell reported %+v, not the empty place (the lane behind it would edit the lane's name)", double)
	}
}

func TestTheMiddleButtonAndSpacePanInsteadOfMovingACard(t *testing.T) {
	for _, tc := range []struct {
		name  string
		press func(b *Board)
	}{
		{"middle button", func(b *Board) { b.MouseDown(&desktop.MouseEvent{Button: desktop.MouseButtonTertiary}) }},
		{"Space held", func(b *Board) { b.KeyDown(&fyne.KeyEvent{Name: fyne.KeySpace}) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, _ := boardOf(t, chainMap(), scene.BoardOptions{}, fyne.NewSize(500, 300))
			b.OnMoveCard = func(card, step, sh model.ID) { t.Errorf("the %s drag moved card %s", tc.name, card) }
			b.SetZoom(2)
			r, _ := b.Geometry().CardRect("c2")
			tc.press(b)
			before := b.offset
			p := centre(b, r)
			drag(b, p, fyne.NewPos(p.X-120, p.Y-60))
			if b.offset == before {
				t.Fatalf("the %s drag did not pan", tc.name)
			}
			b.KeyUp(&fyne.KeyEvent{Name: fyne.KeySpace})
		})
	}
}

func TestAFlowTargetIsPickedWithTheArrowsAndEnter(t *testing.T) {
	b, _ := boardOf(t, chainMap(), scene.BoardOptions{}, fyne.NewSize(900, 500))
	var from, to model.ID
	cancelled := false
	b.OnConnect = func(f, t model.ID) { from, to = f, t }
	b.OnPickCancel = func() { cancelled = true }
	b.OnTypedKey = func(e *fyne.KeyEvent) { t.Errorf("key %s reached the app while picking", e.Name) }
	if !b.PickFlowTarget("c1") {
		t.Fatal("picking from c1 did not start")
	}
	if _, at, _ := b.Picking(); at != "c3" {
		t.Fatalf("the pick starts at %q, want c3 (the next card to the right in its lane)", at)
	}
	b.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	if _, at, _ := b.Picking(); at != "c4" {
		t.Fatalf("Down from c3 chose %q, want c4", at)
	}
	b.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if from != "c1" || to != "c4" {
		t.Fatalf("Enter connected %q → %q, want c1 → c4", from, to)
	}
	if _, _, on := b.Picking(); on {
		t.Fatal("still picking after Enter")
	}

	from, to = "", ""
	b.PickFlowTarget("c1")
	b.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if !cancelled || from != "" {
		t.Fatalf("Escape: cancelled %v, connected %q", cancelled, from)
	}
	// A click on a card finishes the pick too.
	b.PickFlowTarget("c1")
	r, _ := b.Geometry().CardRect("c2")
	test.TapAt(b, centre(b, r))
	if from != "c1" || to != "c2" {
		t.Fatalf("a click connected %q → %q, want c1 → c2", from, to)
	}
}

func TestTabLeavesTheBoardWhenTheAppSaysSo(t *testing.T) {
	test.NewTempApp(t)
	b := NewBoard()
	s, g := scene.BoardLayout(chainMap(), "sc1", scene.BoardOptions{})
	b.SetBoard(s, g)
	after := widget.NewEntry()
	w := test.NewWindow(container.NewVBox(b, after))
	t.Cleanup(w.Close)
	w.Canvas().Focus(b)
	b.LeaveFocus(false)
	if w.Canvas().Focused() != after {
		t.Fatalf("LeaveFocus gave the focus to %v", w.Canvas().Focused())
	}
}

// TestTheFocusedChainAndAMultiSelectionRenderAsTheirMarkup keeps two
// goldens: a selected card with its chain lit and the rest dimmed, and
// three cards selected together (outlined, nothing dimmed).
func TestTheFocusedChainAndAMultiSelectionRenderAsTheirMarkup(t *testing.T) {
	c2 := scene.Target{Kind: model.EntityContribution, ID: "c2"}
	_, w := boardOf(t, chainMap(), scene.BoardOptions{Selected: c2}, fyne.NewSize(760, 360))
	test.AssertRendersToMarkup(t, "board_focus.xml", w.Canvas())

	b, w := boardOf(t, chainMap(), scene.BoardOptions{Selected: c2, NoFocus: true}, fyne.NewSize(760, 360))
	b.SetMarked([]model.ID{"c1", "c2", "c4"})
	test.AssertRendersToMarkup(t, "board_multi.xml", w.Canvas())
}
