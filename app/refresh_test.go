package app

import (
	"reflect"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"valueflow/canvas/scene"
	"valueflow/model"
)

// cardLines returns the lines the board draws for a card's value.
func cardLines(mw *mainWindow, card model.ID) []string {
	for _, it := range mw.board.Scene().Items {
		if it.Target == (scene.Target{Kind: model.EntityContribution, ID: card}) && it.Text != nil {
			return it.Text.Lines
		}
	}
	return nil
}

// TestACardEditRedrawsTheCardInPlace edits, undoes and redoes a card's
// text: the board shows each state without a new layout, and a card that
// grows a line gets one.
func TestACardEditRedrawsTheCardInPlace(t *testing.T) {
	mw, _ := openSample(t)
	sc := mw.doc.current()
	card := sc.Contributions[3]
	mw.selectTarget(scene.Target{Kind: model.EntityContribution, ID: card.ID})
	laidOut := mw.board.Scene()

	c := *card
	c.Value = "Kort"
	if !mw.do(model.UpdateContribution(sc.ID, c)) {
		t.Fatal("the edit was refused")
	}
	want := scene.WrapTextMax("Kort", 9, 134, false, 4)
	if got := cardLines(mw, card.ID); len(got) != len(want) || got[0] != "Kort" {
		t.Fatalf("after the edit the card shows %q", got)
	}
	short := mw.board.Scene()
	c.Value = "Ook kort"
	mw.do(model.UpdateContribution(sc.ID, c))
	if mw.board.Scene() != short {
		t.Fatal("an edit that keeps the card's size laid the board out again")
	}
	if got := cardLines(mw, card.ID); got[0] != "Ook kort" {
		t.Fatalf("after the second edit the card shows %q", got)
	}
	mw.undo()
	if got := cardLines(mw, card.ID); got[0] != "Kort" || mw.board.Scene() != short {
		t.Fatalf("undo shows %q (new layout: %v)", got, mw.board.Scene() != short)
	}
	mw.redo()
	if got := cardLines(mw, card.ID); got[0] != "Ook kort" {
		t.Fatalf("redo shows %q", got)
	}
	_ = laidOut
}

// TestSelectingFocusesWithoutALayout selects a card, a lane and nothing:
// the board keeps its layout and shows each focus as a fresh layout would.
func TestSelectingFocusesWithoutALayout(t *testing.T) {
	mw, _ := openSample(t)
	sc := mw.doc.current()
	laidOut := mw.board.Scene()
	for _, sel := range []scene.Target{
		{Kind: model.EntityContribution, ID: sc.Contributions[0].ID},
		{Kind: model.EntityStakeholder, ID: mw.doc.m().Stakeholders[2].ID},
		{Kind: model.EntityFlow, ID: sc.Flows[1].ID},
		{},
	} {
		mw.board.OnSelect(sel)
		if mw.board.Scene() != laidOut {
			t.Fatalf("selecting %v laid the board out again", sel)
		}
		want, _ := scene.BoardLayout(mw.doc.m(), sc.ID, mw.boardOptions())
		for i, it := range want.Items {
			if got := mw.board.Scene().Items[i]; got.Emphasis != it.Emphasis {
				t.Fatalf("with %v selected item %d (%s) is %v, a layout makes it %v", sel, i, it.Group, got.Emphasis, it.Emphasis)
			}
		}
	}
}

// TestTheBoardKeepsItsWidthWhateverIsSelected selects each kind of element
// at laptop and desktop size: the inspector beside the board keeps its
// width, so the board does not jump with every click.
func TestTheBoardKeepsItsWidthWhateverIsSelected(t *testing.T) {
	for _, size := range []fyne.Size{{Width: 1366, Height: 768}, {Width: 1600, Height: 1000}} {
		mw, _ := openSample(t)
		mw.win.Resize(size)
		m, sc := mw.doc.m(), mw.doc.current()
		width := mw.board.Size().Width
		if width < size.Width/2 {
			t.Fatalf("at %v the board is %.0f wide", size, width)
		}
		for _, sel := range []scene.Target{
			{Kind: model.EntityContribution, ID: sc.Contributions[0].ID},
			{Kind: model.EntityFlow, ID: sc.Flows[0].ID},
			{Kind: model.EntityStep, ID: sc.Steps[0].ID},
			{Kind: model.EntityStakeholder, ID: m.Stakeholders[0].ID},
			{Kind: model.EntityRelationship, ID: m.Relationships[0].ID},
			{},
		} {
			mw.selectTarget(sel)
			// Lay the window out as the desktop driver does when a minimum
			// size changed (the test canvas waits for a resize).
			walk(mw.win.Content(), func(o fyne.CanvasObject) {
				if s, ok := o.(*container.Split); ok {
					s.Refresh()
				}
			})
			if got := mw.board.Size().Width; got != width {
				t.Errorf("at %v selecting %v made the board %.0f wide, it was %.0f", size, sel, got, width)
			}
		}
	}
}

// TestTheBoardLaidOutAheadIsTheMapsBoard checks the layout made while the
// window is built is the one the window would make itself.
func TestTheBoardLaidOutAheadIsTheMapsBoard(t *testing.T) {
	mw, _ := openSample(t)
	want, _ := scene.BoardLayout(mw.doc.m(), mw.doc.current().ID, mw.boardOptions())
	got := mw.board.Scene()
	if len(got.Items) != len(want.Items) {
		t.Fatalf("the board has %d items, a layout %d", len(got.Items), len(want.Items))
	}
	for i := range want.Items {
		if !reflect.DeepEqual(got.Items[i], want.Items[i]) {
			t.Fatalf("item %d (%s) differs from a fresh layout", i, want.Items[i].Group)
		}
	}
	if mw.early != nil {
		t.Fatal("the layout ahead is kept after it was used")
	}
}

// TestTheInspectorFillsInAfterTheFirstFrame holds the inspector back as
// the desktop start does and draws the window: the board is there at once,
// the inspector once the frame is drawn.
func TestTheInspectorFillsInAfterTheFirstFrame(t *testing.T) {
	mw, _ := openSample(t)
	mw.inspectorAfterFirstFrame()
	mw.inspector.RemoveAll()
	mw.selectTarget(scene.Target{})
	if len(mw.inspector.Objects) != 0 {
		t.Fatal("the inspector was filled before the first frame")
	}
	if mw.board.Scene() == nil {
		t.Fatal("no board before the first frame")
	}
	mw.win.Canvas().Capture()
	if len(mw.inspector.Objects) == 0 {
		t.Fatal("the inspector is still empty after the first frame")
	}
}
