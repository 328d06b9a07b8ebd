package app

import (
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"valueflow/canvas/scene"
	"valueflow/model"
	"valueflow/storage"
)

// These tests drive the real board inside the app window the way the
// desktop driver does: taps, drags and scrolls at positions on the board,
// keys to the focused widget, shortcuts through the canvas; and they check
// the map, that the edit was one command (one undo restores it) and, for a
// few, the file.

// onBoard returns the widget position of the middle of a scene rectangle,
// scrolling it into view first.
func onBoard(t *testing.T, mw *mainWindow, r scene.Rect) fyne.Position {
	t.Helper()
	if !mw.board.InView(r) {
		mw.board.ShowRect(r)
	}
	pos, size := mw.board.CanvasRect(r)
	origin := fyne.CurrentApp().Driver().AbsolutePositionForObject(mw.board)
	return pos.Subtract(origin).Add(fyne.NewPos(size.Width/2, size.Height/2))
}

// onCanvas is onBoard in the window's canvas coordinates.
func onCanvas(t *testing.T, mw *mainWindow, p fyne.Position) fyne.Position {
	return fyne.CurrentApp().Driver().AbsolutePositionForObject(mw.board).Add(p)
}

func cardRect(t *testing.T, mw *mainWindow, id model.ID) scene.Rect {
	t.Helper()
	r, ok := mw.board.Geometry().CardRect(id)
	if !ok {
		t.Fatalf("card %s is not on the board", id)
	}
	return r
}

// dragOnBoard drags the pointer from one board position to another.
// test.Drag reports the position it is given as where the pointer is and
// the distance as how far it came, as the desktop driver's last event of a
// drag does, so the drag is given at its end.
func dragOnBoard(t *testing.T, mw *mainWindow, from, to fyne.Position) {
	t.Helper()
	test.Drag(mw.win.Canvas(), onCanvas(t, mw, to), to.X-from.X, to.Y-from.Y)
}

// press sends a key to the focused widget, which must be the board.
func press(t *testing.T, mw *mainWindow, key fyne.KeyName) {
	t.Helper()
	if f := mw.win.Canvas().Focused(); f != mw.board {
		t.Fatalf("the keys go to %T, not the board", f)
	}
	mw.board.TypedKey(&fyne.KeyEvent{Name: key})
}

func shortcut(mw *mainWindow, s fyne.Shortcut) {
	mw.win.Canvas().(fyne.Shortcutable).TypedShortcut(s)
}

// typeInPlace types text into the open in-place editor and presses Enter.
func typeInPlace(t *testing.T, mw *mainWindow, text string) {
	t.Helper()
	pop, ok := mw.win.Canvas().Overlays().Top().(*widget.PopUp)
	if !ok {
		t.Fatalf("no in-place editor is open (top overlay %T)", mw.win.Canvas().Overlays().Top())
	}
	e := pop.Content.(*widget.Entry)
	if mw.win.Canvas().Focused() != e {
		t.Fatal("the in-place editor does not have the keyboard")
	}
	e.SetText("")
	test.Type(e, text)
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
}

// undoOnce undoes one command, as Ctrl+Z does.
func undoOnce(mw *mainWindow) {
	mw.win.Canvas().Unfocus()
	shortcut(mw, &fyne.ShortcutUndo{})
}

// fileMap reads the map as saved, through a copy (the window holds the lock).
func fileMap(t *testing.T, mw *mainWindow) *model.Map {
	t.Helper()
	path := filepath.Join(t.TempDir(), "copy.vflow")
	if err := mw.doc.file.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	f, err := storage.OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	return f.Map()
}

func stepIDs(sc *model.Scenario) []model.ID {
	var ids []model.ID
	for _, s := range sc.Steps {
		ids = append(ids, s.ID)
	}
	return ids
}

func laneIDs(m *model.Map) []model.ID {
	var ids []model.ID
	for _, s := range m.Stakeholders {
		ids = append(ids, s.ID)
	}
	return ids
}

// emptyCell finds a cell without cards near the top left of the board.
func emptyCell(t *testing.T, mw *mainWindow) (step, lane model.ID) {
	t.Helper()
	sc, m := mw.doc.current(), mw.doc.m()
	for _, sh := range m.Stakeholders {
		for _, st := range sc.Steps {
			if len(sc.CardsAt(st.ID, sh.ID)) == 0 {
				return st.ID, sh.ID
			}
		}
	}
	t.Fatal("no empty cell on the sample board")
	return "", ""
}

func card(id model.ID) scene.Target { return scene.Target{Kind: model.EntityContribution, ID: id} }

func TestClickSelectsAndShiftClickAddsAndRemovesCards(t *testing.T) {
	mw, _ := openSample(t)
	sc := mw.doc.current()
	a, b := sc.Contributions[0].ID, sc.Contributions[1].ID
	test.TapAt(mw.board, onBoard(t, mw, cardRect(t, mw, a)))
	if mw.selected != card(a) || mw.win.Canvas().Focused() != mw.board {
		t.Fatalf("a click selected %+v (focus on %T)", mw.selected, mw.win.Canvas().Focused())
	}
	shiftClick := func(id model.ID) {
		mw.board.MouseDown(&desktop.MouseEvent{Button: desktop.MouseButtonPrimary, Modifier: fyne.KeyModifierShift})
		test.TapAt(mw.board, onBoard(t, mw, cardRect(t, mw, id)))
	}
	shiftClick(b)
	if got := mw.selectedCards(); !slices.Equal(got, []model.ID{a, b}) || !slices.Equal(mw.board.Marked(), got) {
		t.Fatalf("after Shift+click the selection is %v, the board marks %v", got, mw.board.Marked())
	}
	shiftClick(a)
	if got := mw.selectedCards(); !slices.Equal(got, []model.ID{b}) {
		t.Fatalf("Shift+click on a selected card left %v", got)
	}
	// A plain click ends the multi-selection.
	shiftClick(a)
	test.TapAt(mw.board, onBoard(t, mw, cardRect(t, mw, a)))
	if got := mw.selectedCards(); !slices.Equal(got, []model.ID{a}) {
		t.Fatalf("a plain click left %v selected", got)
	}
}

func TestDoubleClickEditsInPlaceAndAddsACardInAnEmptyCell(t *testing.T) {
	mw, _ := openSample(t)
	sc := mw.doc.current()
	c := sc.Contributions[2]
	old := c.Value
	mw.board.DoubleTapped(&fyne.PointEvent{Position: onBoard(t, mw, cardRect(t, mw, c.ID))})
	typeInPlace(t, mw, "Samen beslissen")
	if got := mw.doc.current().Contribution(c.ID).Value; got != "Samen beslissen" {
		t.Fatalf("the card says %q", got)
	}
	if got := fileMap(t, mw).Scenarios[0].Contribution(c.ID).Value; got != "Samen beslissen" {
		t.Fatalf("the file says %q", got)
	}
	if mw.win.Canvas().Focused() != mw.board {
		t.Fatal("after the edit the keys do not go back to the board")
	}
	undoOnce(mw)
	if got := mw.doc.current().Contribution(c.ID).Value; got != old {
		t.Fatalf("undo left %q", got)
	}

	step, lane := emptyCell(t, mw)
	r, _ := mw.board.Geometry().CellRect(step, lane)
	n := len(sc.Contributions)
	mw.board.DoubleTapped(&fyne.PointEvent{Position: onBoard(t, mw, r)})
	typeInPlace(t, mw, "Nieuwe waarde")
	added := mw.doc.current().CardsAt(step, lane)
	if len(added) != 1 || added[0].Value != "Nieuwe waarde" {
		t.Fatalf("the empty cell has %d cards after the double click (a double click on the lane behind the cell would rename the lane)", len(added))
	}
	if mw.doc.m().Stakeholder(lane).Name == "Nieuwe waarde" {
		t.Fatal("the double click renamed the lane")
	}
	undoOnce(mw)
	if len(mw.doc.current().Contributions) != n {
		t.Fatal("undo did not take the new card back")
	}
}

func TestDraggingMovesACardMakesAFlowAndReordersHeaders(t *testing.T) {
	mw, _ := openSample(t)
	sc, m := mw.doc.current(), mw.doc.m()
	g := mw.board.Geometry()

	t.Run("a card dragged to an empty cell moves there", func(t *testing.T) {
		c := sc.Contributions[0]
		step, lane := emptyCell(t, mw)
		cell, _ := g.CellRect(step, lane)
		from := onBoard(t, mw, cardRect(t, mw, c.ID))
		to := onBoard(t, mw, cell)
		from = onBoard(t, mw, cardRect(t, mw, c.ID)) // the view may have moved for the cell
		dragOnBoard(t, mw, from, to)
		if got := mw.doc.current().Contribution(c.ID); got.Step != step || got.Stakeholder != lane {
			t.Fatalf("the card is at (%s, %s), want (%s, %s)", got.Step, got.Stakeholder, step, lane)
		}
		undoOnce(mw)
		if got := mw.doc.current().Contribution(c.ID); got.Step != c.Step || got.Stakeholder != c.Stakeholder {
			t.Fatal("undo did not put the card back")
		}
	})
	t.Run("a drag from a card's right edge to another card makes a flow", func(t *testing.T) {
		a, b := sc.Contributions[0], sc.Contributions[1]
		ra, rb := cardRect(t, mw, a.ID), cardRect(t, mw, b.ID)
		edge := onBoard(t, mw, scene.Rect{X: ra.X + ra.W - 5, Y: ra.Y + ra.H/2 - 2, W: 4, H: 4})
		target := onBoard(t, mw, rb)
		flows := len(sc.Flows)
		dragOnBoard(t, mw, edge, target)
		sc := mw.doc.current()
		if len(sc.Flows) != flows+1 || sc.Flows[flows].From != a.ID || sc.Flows[flows].To != b.ID {
			t.Fatalf("no flow %s → %s after the drag", a.ID, b.ID)
		}
		undoOnce(mw)
		if len(mw.doc.current().Flows) != flows {
			t.Fatal("undo did not take the flow back")
		}
	})
	t.Run("a step header dragged two columns on moves the step", func(t *testing.T) {
		before := stepIDs(sc)
		h, _ := g.StepHeaderRect(before[0])
		from := onBoard(t, mw, h)
		to := onBoard(t, mw, scene.Rect{X: g.StepEdge(3) - 8, Y: h.Y + 10, W: 2, H: 2})
		dragOnBoard(t, mw, from, to)
		want := []model.ID{before[1], before[2], before[0]}
		if got := stepIDs(mw.doc.current()); !slices.Equal(got[:3], want) {
			t.Fatalf("the steps are %v, want %v first", got[:3], want)
		}
		if got := stepIDs(fileMap(t, mw).Scenarios[0]); !slices.Equal(got[:3], want) {
			t.Fatalf("the file has the steps %v", got[:3])
		}
		if mw.selected != (scene.Target{Kind: model.EntityStep, ID: before[0]}) {
			t.Fatalf("after the drop %+v is selected, not the step", mw.selected)
		}
		undoOnce(mw)
		if got := stepIDs(mw.doc.current()); !slices.Equal(got, before) {
			t.Fatalf("undo left the steps %v", got)
		}
	})
	t.Run("a lane header dragged up moves the lane", func(t *testing.T) {
		before := laneIDs(m)
		h, _ := g.LaneHeaderRect(before[3])
		from := onBoard(t, mw, h)
		to := onBoard(t, mw, scene.Rect{X: h.X + 20, Y: g.LaneEdge(1) + 4, W: 2, H: 2})
		dragOnBoard(t, mw, from, to)
		if got := laneIDs(mw.doc.m()); got[1] != before[3] || got[2] != before[1] {
			t.Fatalf("the lanes are %v", got[:5])
		}
		undoOnce(mw)
		if got := laneIDs(mw.doc.m()); !slices.Equal(got, before) {
			t.Fatalf("undo left the lanes %v", got)
		}
	})
}

func TestABandSelectsCardsAndOneDeleteRemovesThemAll(t *testing.T) {
	mw, _ := openSample(t)
	g := mw.board.Geometry()
	sc := mw.doc.current()
	// From just inside the top-left cell to the middle of the third step in
	// the third lane: the cards of the first steps in the first lanes.
	st, lanes := stepIDs(sc), laneIDs(mw.doc.m())
	first, _ := g.CellRect(st[0], lanes[0])
	last, _ := g.CellRect(st[1], lanes[2])
	from := onBoard(t, mw, scene.Rect{X: first.X + 1, Y: first.Y + 1, W: 1, H: 1})
	to := onBoard(t, mw, scene.Rect{X: last.X + last.W/2, Y: last.Y + last.H/2, W: 1, H: 1})
	want := g.CardsIn(scene.Rect{X: first.X + 1.5, Y: first.Y + 1.5, W: last.X + last.W/2 - first.X - 1, H: last.Y + last.H/2 - first.Y - 1})
	if len(want) < 3 {
		t.Fatalf("the band would catch %d cards; the test needs a few", len(want))
	}
	mw.board.MouseDown(&desktop.MouseEvent{Button: desktop.MouseButtonPrimary, Modifier: fyne.KeyModifierShift})
	dragOnBoard(t, mw, from, to)
	got := mw.selectedCards()
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Fatalf("the band selected %v, want %v", got, want)
	}
	cards, flows := len(sc.Contributions), len(sc.Flows)
	mw.win.Canvas().Focus(mw.board)
	press(t, mw, fyne.KeyDelete)
	sc = mw.doc.current()
	if len(sc.Contributions) != cards-len(want) {
		t.Fatalf("Delete left %d of %d cards, want %d", len(sc.Contributions), cards, cards-len(want))
	}
	if label, _ := mw.doc.editor.CanUndo(); label != "Delete cards" {
		t.Fatalf("the undo menu says %q", label)
	}
	undoOnce(mw)
	sc = mw.doc.current()
	if len(sc.Contributions) != cards || len(sc.Flows) != flows {
		t.Fatalf("one undo brought back %d cards and %d flows, want %d and %d", len(sc.Contributions), len(sc.Flows), cards, flows)
	}
}

// connectedPair finds a flow and its two cards on the sample board.
func connectedPair(t *testing.T, mw *mainWindow) (from, to model.ID) {
	t.Helper()
	for _, f := range mw.doc.current().Flows {
		if f.From != f.To {
			return f.From, f.To
		}
	}
	t.Fatal("the sample has no flow")
	return "", ""
}

func TestCopyCutPasteAndDuplicateTakeTheSelectionWithItsFlows(t *testing.T) {
	mw, _ := openSample(t)
	a, b := connectedPair(t, mw)
	mw.selectCards([]model.ID{a, b}, a)
	sc := mw.doc.current()
	cards, flows := len(sc.Contributions), len(sc.Flows)
	counts := func() (int, int) { sc := mw.doc.current(); return len(sc.Contributions), len(sc.Flows) }

	shortcut(mw, shortcutDuplicate)
	if c, f := counts(); c != cards+2 || f != flows+1 {
		t.Fatalf("Ctrl+D on two connected cards: %d cards, %d flows; want %d, %d", c, f, cards+2, flows+1)
	}
	copies := mw.selectedCards()
	for i, id := range copies {
		orig := mw.doc.current().Contribution([]model.ID{a, b}[i])
		if c := mw.doc.current().Contribution(id); c.Value != orig.Value || c.Step != orig.Step || c.Stakeholder != orig.Stakeholder {
			t.Fatalf("the copy %+v is not in its original's cell", c)
		}
	}
	undoOnce(mw)
	if c, f := counts(); c != cards || f != flows {
		t.Fatal("one undo did not take the duplicates back")
	}

	// Copy, then paste on the last step: the pair keeps its shape there.
	mw.selectCards([]model.ID{a, b}, a)
	shortcut(mw, &fyne.ShortcutCopy{})
	if got := mw.app.Clipboard().Content(); got == "" {
		t.Fatal("nothing on the system clipboard")
	}
	last := sc.Steps[len(sc.Steps)-1].ID
	mw.selectTarget(scene.Target{Kind: model.EntityStep, ID: last})
	shortcut(mw, &fyne.ShortcutPaste{})
	if c, f := counts(); c != cards+2 || f != flows+1 {
		t.Fatalf("paste: %d cards, %d flows", c, f)
	}
	pasted := mw.selectedCards()
	if len(pasted) != 2 {
		t.Fatalf("the pasted cards are not the selection: %v", pasted)
	}
	steps := map[model.ID]bool{}
	for _, id := range pasted {
		steps[mw.doc.current().Contribution(id).Step] = true
	}
	if !steps[last] {
		t.Fatalf("none of the pasted cards is at the selected step %s", last)
	}
	undoOnce(mw)

	// Cut removes both in one command; paste brings copies back.
	mw.selectCards([]model.ID{a, b}, a)
	shortcut(mw, &fyne.ShortcutCut{})
	if c, f := counts(); c != cards-2 || mw.doc.current().Contribution(a) != nil {
		t.Fatalf("cut left %d cards, %d flows", c, f)
	}
	if label, _ := mw.doc.editor.CanUndo(); label != "Cut cards" {
		t.Fatalf("the undo menu says %q", label)
	}
	undoOnce(mw)
	if c, f := counts(); c != cards || f != flows {
		t.Fatal("one undo did not bring the cut cards back")
	}
}

// menuItem finds an item of the open pop-up menu by its label.
func menuItem(t *testing.T, mw *mainWindow, label string) fyne.Tappable {
	t.Helper()
	// A pop-up menu lies on the canvas inside an overlay container.
	top := mw.win.Canvas().Overlays().Top()
	var menu *widget.Menu
	if top != nil {
		if v := reflect.ValueOf(top).Elem().FieldByName("Content"); v.IsValid() {
			if pm, ok := v.Interface().(*widget.PopUpMenu); ok {
				menu = pm.Menu
			}
		}
	}
	if menu == nil {
		t.Fatalf("no context menu is open (top overlay %T)", top)
	}
	var labels []string
	for _, o := range menu.Items {
		v := reflect.ValueOf(o).Elem().FieldByName("Item")
		if !v.IsValid() {
			continue // a separator
		}
		item := v.Interface().(*fyne.MenuItem)
		if item.Label == label {
			return o.(fyne.Tappable)
		}
		labels = append(labels, item.Label)
	}
	t.Fatalf("the context menu has no %q, only %q", label, labels)
	return nil
}

func TestTheContextMenuOffersWhatFitsEachElement(t *testing.T) {
	for _, tc := range []struct {
		name  string
		on    func(mw *mainWindow) scene.Rect
		item  string
		check func(t *testing.T, mw *mainWindow, before *model.Map)
	}{
		{"a step moves right", func(mw *mainWindow) scene.Rect {
			r, _ := mw.board.Geometry().StepHeaderRect(mw.doc.current().Steps[0].ID)
			return r
		}, "Move step right", func(t *testing.T, mw *mainWindow, before *model.Map) {
			if got := stepIDs(mw.doc.current()); got[1] != before.Scenarios[0].Steps[0].ID {
				t.Fatalf("the steps are %v", got[:3])
			}
		}},
		{"a lane moves down", func(mw *mainWindow) scene.Rect {
			r, _ := mw.board.Geometry().LaneHeaderRect(mw.doc.m().Stakeholders[0].ID)
			return r
		}, "Move lane down", func(t *testing.T, mw *mainWindow, before *model.Map) {
			if got := laneIDs(mw.doc.m()); got[1] != before.Stakeholders[0].ID {
				t.Fatalf("the lanes are %v", got[:3])
			}
		}},
		{"a card is duplicated", func(mw *mainWindow) scene.Rect {
			r, _ := mw.board.Geometry().CardRect(mw.doc.current().Contributions[0].ID)
			return r
		}, "Duplicate", func(t *testing.T, mw *mainWindow, before *model.Map) {
			if len(mw.doc.current().Contributions) != len(before.Scenarios[0].Contributions)+1 {
				t.Fatal("no duplicate")
			}
		}},
		{"a card is deleted", func(mw *mainWindow) scene.Rect {
			r, _ := mw.board.Geometry().CardRect(mw.doc.current().Contributions[0].ID)
			return r
		}, "Delete", func(t *testing.T, mw *mainWindow, before *model.Map) {
			if mw.doc.current().Contribution(before.Scenarios[0].Contributions[0].ID) != nil {
				t.Fatal("the card is still there")
			}
		}},
		{"a card is edited in place", func(mw *mainWindow) scene.Rect {
			r, _ := mw.board.Geometry().CardRect(mw.doc.current().Contributions[0].ID)
			return r
		}, "Edit in place", func(t *testing.T, mw *mainWindow, before *model.Map) {
			typeInPlace(t, mw, "Anders gezegd")
			if got := mw.doc.current().Contributions[0].Value; got != "Anders gezegd" {
				t.Fatalf("the card says %q", got)
			}
		}},
		{"a flow starts from a card and goes where the arrows say", func(mw *mainWindow) scene.Rect {
			r, _ := mw.board.Geometry().CardRect(mw.doc.current().Contributions[0].ID)
			return r
		}, "Add flow from here", func(t *testing.T, mw *mainWindow, before *model.Map) {
			if _, _, on := mw.board.Picking(); !on {
				t.Fatal("not picking a flow target")
			}
			_, to, _ := mw.board.Picking()
			press(t, mw, fyne.KeyReturn)
			sc := mw.doc.current()
			if len(sc.Flows) != len(before.Scenarios[0].Flows)+1 || sc.Flows[len(sc.Flows)-1].To != to {
				t.Fatal("Enter made no flow to the chosen card")
			}
		}},
		{"an empty cell gets a card", func(mw *mainWindow) scene.Rect {
			step, lane := emptyCell(t, mw)
			r, _ := mw.board.Geometry().CellRect(step, lane)
			return r
		}, "Add card here", func(t *testing.T, mw *mainWindow, before *model.Map) {
			typeInPlace(t, mw, "Hier")
			if len(mw.doc.current().Contributions) != len(before.Scenarios[0].Contributions)+1 {
				t.Fatal("no card added")
			}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			mw, _ := openSample(t)
			before := mw.doc.m().Clone()
			test.TapSecondaryAt(mw.board, onBoard(t, mw, tc.on(mw)))
			test.Tap(menuItem(t, mw, tc.item))
			tc.check(t, mw, before)
			undoOnce(mw)
			if !reflect.DeepEqual(mw.doc.m(), before) {
				t.Fatal("one undo did not restore the map")
			}
		})
	}
}

func TestTheZoomKeysAreInTheViewMenuAndZoom(t *testing.T) {
	mw, _ := openSample(t)
	var view *fyne.Menu
	for _, m := range mw.mainMenu.Items {
		if m.Label == T("View") {
			view = m
		}
	}
	shortcuts := map[string]fyne.Shortcut{}
	for _, it := range view.Items {
		if it.Shortcut != nil {
			shortcuts[it.Label] = it.Shortcut
		}
	}
	for _, label := range []string{"Zoom In", "Zoom Out", "Fit to Window"} {
		if shortcuts[T(label)] == nil {
			t.Errorf("the View menu shows no shortcut for %s", label)
		}
	}
	z := mw.board.Zoom()
	shortcut(mw, shortcutPlus)
	if mw.board.Zoom() <= z {
		t.Fatalf("Ctrl+= left the zoom at %.2f", mw.board.Zoom())
	}
	z = mw.board.Zoom()
	shortcut(mw, shortcutMinus)
	shortcut(mw, shortcutMinus)
	if mw.board.Zoom() >= z {
		t.Fatalf("Ctrl+- left the zoom at %.2f", mw.board.Zoom())
	}
	shortcut(mw, shortcutPlusShifted)
	shortcut(mw, shortcutFit)
	s, size := mw.board.Scene(), mw.board.Size()
	if zf := mw.board.Zoom(); zf*s.Width > size.Width+1 && zf*s.Height > size.Height+1 {
		t.Fatalf("Ctrl+0 leaves the board %.0f×%.0f in %.0f×%.0f", zf*s.Width, zf*s.Height, size.Width, size.Height)
	}
}

func TestScrollingAndMiddleOrSpaceDragsPanWithoutEditing(t *testing.T) {
	mw, _ := openSample(t)
	c := mw.doc.current().Contributions[5]
	where := func() fyne.Position { p, _ := mw.board.CanvasRect(cardRect(t, mw, c.ID)); return p }
	shortcut(mw, shortcutPlus) // zoomed in, the board can move both ways
	p := onBoard(t, mw, cardRect(t, mw, c.ID))
	before := where()
	test.Scroll(mw.win.Canvas(), onCanvas(t, mw, p), 0, -80)
	if where() == before {
		t.Fatal("scrolling did not pan")
	}
	for _, hold := range []func(){
		func() { mw.board.MouseDown(&desktop.MouseEvent{Button: desktop.MouseButtonTertiary}) },
		func() { mw.board.KeyDown(&fyne.KeyEvent{Name: fyne.KeySpace}) },
	} {
		p := onBoard(t, mw, cardRect(t, mw, c.ID))
		before := where()
		hold()
		dragOnBoard(t, mw, p, p.Add(fyne.NewPos(60, 40)))
		mw.board.KeyUp(&fyne.KeyEvent{Name: fyne.KeySpace})
		if where() == before {
			t.Fatal("the drag did not pan")
		}
		if got := mw.doc.current().Contribution(c.ID); got.Step != c.Step || got.Stakeholder != c.Stakeholder {
			t.Fatal("the panning drag moved the card")
		}
	}
	if _, ok := mw.doc.editor.CanUndo(); ok {
		t.Fatal("panning left something to undo")
	}
}

func TestTheKeyboardWalksCellsHeadersAndOutOfTheBoard(t *testing.T) {
	mw, _ := openSample(t)
	m, sc := mw.doc.m(), mw.doc.current()
	top := sc.CardsAt(sc.Steps[0].ID, m.Stakeholders[0].ID)[0]
	test.TapAt(mw.board, onBoard(t, mw, cardRect(t, mw, top.ID)))

	press(t, mw, fyne.KeyUp)
	if mw.selected != (scene.Target{Kind: model.EntityStep, ID: sc.Steps[0].ID}) {
		t.Fatalf("Up from the top lane selected %+v, not the step", mw.selected)
	}
	press(t, mw, fyne.KeyDown)
	if mw.selected != card(top.ID) {
		t.Fatalf("Down from the step selected %+v", mw.selected)
	}
	press(t, mw, fyne.KeyLeft)
	if mw.selected != (scene.Target{Kind: model.EntityStakeholder, ID: m.Stakeholders[0].ID}) {
		t.Fatalf("Left from the first step selected %+v, not the lane", mw.selected)
	}
	press(t, mw, fyne.KeyDown)
	if mw.selected != (scene.Target{Kind: model.EntityStakeholder, ID: m.Stakeholders[1].ID}) {
		t.Fatalf("Down on a lane selected %+v", mw.selected)
	}
	press(t, mw, fyne.KeyRight)
	if c := sc.Contribution(mw.selected.ID); c == nil || c.Step != sc.Steps[0].ID || c.Stakeholder != m.Stakeholders[1].ID {
		t.Fatalf("Right from the lane selected %+v", mw.selected)
	}

	// Down a column from its step into an empty cell: the cursor shows
	// there and Enter adds a card.
	step, lane := emptyCell(t, mw)
	mw.selectAndShowTarget(scene.Target{Kind: model.EntityStep, ID: step})
	for i := 0; i < 60 && mw.sel.cursor.lane != lane; i++ {
		press(t, mw, fyne.KeyDown)
	}
	if s, l := mw.board.CursorCell(); s != step || l != lane || mw.selected.ID != "" {
		t.Fatalf("the cursor is on (%s, %s), selected %+v; want the empty cell (%s, %s)", s, l, mw.selected, step, lane)
	}
	cell, _ := mw.board.Geometry().CellRect(step, lane)
	if !mw.board.InView(cell) {
		t.Fatal("the cursor cell is out of view")
	}
	press(t, mw, fyne.KeyReturn)
	typeInPlace(t, mw, "Met het toetsenbord")
	if got := mw.doc.current().CardsAt(step, lane); len(got) != 1 || got[0].Value != "Met het toetsenbord" {
		t.Fatal("Enter on the empty cell added no card")
	}
	undoOnce(mw)

	// Ctrl+Right jumps over empty cells to the far cards, which scroll into view.
	mw.win.Canvas().Focus(mw.board)
	mw.selectAndShow(top.ID)
	for i := 0; i < len(sc.Steps); i++ {
		shortcut(mw, arrowShortcut(fyne.KeyRight, fyne.KeyModifierShortcutDefault))
	}
	if c := sc.Contribution(mw.selected.ID); c == nil || c.Stakeholder != top.Stakeholder || sc.StepIndex(c.Step) < 3 {
		t.Fatalf("Ctrl+Right went to %+v", mw.selected)
	} else if !mw.board.InView(cardRect(t, mw, c.ID)) {
		t.Fatalf("card %s, reached by keyboard, is out of view", c.ID)
	}

	// Tab past the last card leaves the board for the inspector; Shift+Tab
	// before the first leaves it backwards.
	cards := mw.cardOrder()
	mw.selectAndShow(cards[len(cards)-1].ID)
	press(t, mw, fyne.KeyTab)
	if f := mw.win.Canvas().Focused(); f == mw.board || f == nil {
		t.Fatalf("Tab at the last card left the focus on %T", f)
	}
	mw.win.Canvas().Focus(mw.board)
	mw.selectAndShow(cards[0].ID)
	mw.board.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	press(t, mw, fyne.KeyTab)
	mw.board.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	if f := mw.win.Canvas().Focused(); f == mw.board || f == nil {
		t.Fatalf("Shift+Tab at the first card left the focus on %T", f)
	}
	mw.win.Canvas().Focus(mw.board)
	press(t, mw, fyne.KeyTab)
	if mw.selected != card(cards[1].ID) && mw.selected != card(cards[0].ID) {
		t.Fatalf("Tab within the board selected %+v", mw.selected)
	}
}

func TestShortcutsAddACardAFlowAndMoveByKeyboard(t *testing.T) {
	mw, _ := openSample(t)
	m, sc := mw.doc.m(), mw.doc.current()
	c := sc.CardsAt(sc.Steps[0].ID, m.Stakeholders[0].ID)[0]
	test.TapAt(mw.board, onBoard(t, mw, cardRect(t, mw, c.ID)))
	n, flows := len(sc.Contributions), len(sc.Flows)

	shortcut(mw, shortcutAddCard)
	typeInPlace(t, mw, "Nog een")
	if got := mw.doc.current().CardsAt(c.Step, c.Stakeholder); len(got) != 2 || got[1].Value != "Nog een" {
		t.Fatal("Ctrl+Shift+C added no card in the selected card's cell")
	}
	undoOnce(mw)
	if len(mw.doc.current().Contributions) != n {
		t.Fatal("undo did not take the card back")
	}

	mw.win.Canvas().Focus(mw.board)
	mw.selectAndShow(c.ID)
	shortcut(mw, shortcutAddFlow)
	if from, _, on := mw.board.Picking(); !on || from != c.ID {
		t.Fatal("Ctrl+Shift+F does not pick a flow target from the selected card")
	}
	press(t, mw, fyne.KeyDown)
	_, to, _ := mw.board.Picking()
	press(t, mw, fyne.KeyReturn)
	sc = mw.doc.current()
	if len(sc.Flows) != flows+1 || sc.Flows[flows].From != c.ID || sc.Flows[flows].To != to {
		t.Fatalf("Enter made no flow %s → %s", c.ID, to)
	}
	undoOnce(mw)

	mw.win.Canvas().Focus(mw.board)
	mw.selectAndShow(c.ID)
	shortcut(mw, arrowShortcut(fyne.KeyDown, fyne.KeyModifierAlt))
	if got := mw.doc.current().Contribution(c.ID); got.Stakeholder != m.Stakeholders[1].ID || got.Step != c.Step {
		t.Fatalf("Alt+Down left the card at (%s, %s)", got.Step, got.Stakeholder)
	}
	undoOnce(mw)
	st := sc.Steps[1].ID
	mw.selectAndShowTarget(scene.Target{Kind: model.EntityStep, ID: st})
	shortcut(mw, arrowShortcut(fyne.KeyLeft, fyne.KeyModifierAlt))
	if mw.doc.current().Steps[0].ID != st {
		t.Fatal("Alt+Left did not move the step")
	}
	undoOnce(mw)
	if mw.doc.current().Steps[1].ID != st {
		t.Fatal("undo did not put the step back")
	}
}
