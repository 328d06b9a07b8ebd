package app

import (
	"reflect"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"valueflow/canvas/scene"
	"valueflow/model"
)

// typeOnBoard types a character on the board, as the desktop driver
// hands it to the focused widget.
func typeOnBoard(t *testing.T, mw *mainWindow, r rune) {
	t.Helper()
	if f := mw.win.Canvas().Focused(); f != mw.board {
		t.Fatalf("the keys go to %T, not the board", f)
	}
	mw.board.TypedRune(r)
}

// cardWithFlows is a card of the sample with at least n flows.
func cardWithFlows(t *testing.T, mw *mainWindow, n int) *model.Contribution {
	t.Helper()
	sc := mw.doc.current()
	for _, c := range sc.Contributions {
		if in, out := sc.FlowsOf(c.ID); len(in)+len(out) >= n {
			return c
		}
	}
	t.Fatalf("no card of the sample has %d flows", n)
	return nil
}

func flowTarget(id model.ID) scene.Target { return scene.Target{Kind: model.EntityFlow, ID: id} }

func TestFWalksThroughTheSelectedCardsFlows(t *testing.T) {
	mw, _ := openSample(t)
	sc := mw.doc.current()
	c := cardWithFlows(t, mw, 2)
	test.TapAt(mw.board, onBoard(t, mw, cardRect(t, mw, c.ID)))
	in, out := sc.FlowsOf(c.ID)
	n := len(in) + len(out)
	seen := map[model.ID]bool{}
	var walked []model.ID
	for i := 0; i < n; i++ {
		typeOnBoard(t, mw, 'f')
		if mw.selected.Kind != model.EntityFlow {
			t.Fatalf("F %d selected %+v, not a flow", i+1, mw.selected)
		}
		f := sc.Flow(mw.selected.ID)
		if f.From != c.ID && f.To != c.ID {
			t.Fatalf("F %d selected flow %s, which does not touch card %s", i+1, f.ID, c.ID)
		}
		if seen[f.ID] {
			t.Fatalf("F %d came back to flow %s before the others", i+1, f.ID)
		}
		seen[f.ID] = true
		walked = append(walked, f.ID)
		if want := Tf("Flow %d of %d of this card: F goes to the next, Enter edits its label, the arrows go to its cards.", i+1, n); mw.status.Text != want {
			t.Errorf("the status line says %q, want %q", mw.status.Text, want)
		}
	}
	// The flows out of the card come first.
	for i := range out {
		if f := sc.Flow(walked[i]); f.From != c.ID {
			t.Errorf("flow %d of the walk comes into the card before all going out of it were walked", i+1)
		}
	}
	typeOnBoard(t, mw, 'f')
	if mw.selected != flowTarget(walked[0]) {
		t.Errorf("past the last flow F selected %+v, not the first again", mw.selected)
	}
	typeOnBoard(t, mw, 'F')
	if mw.selected != flowTarget(walked[n-1]) {
		t.Errorf("Shift+F selected %+v, not the last flow", mw.selected)
	}
	if _, ok := mw.doc.editor.CanUndo(); ok {
		t.Fatal("walking the flows left something to undo")
	}
}

func TestOnAFlowTheKeysEditDeleteAndGoToItsCards(t *testing.T) {
	mw, _ := openSample(t)
	sc := mw.doc.current()
	c := cardWithFlows(t, mw, 1)
	selectFirstFlow := func() *model.Flow {
		t.Helper()
		test.TapAt(mw.board, onBoard(t, mw, cardRect(t, mw, c.ID)))
		typeOnBoard(t, mw, 'f')
		f := sc.Flow(mw.selected.ID)
		if mw.selected.Kind != model.EntityFlow || f == nil {
			t.Fatalf("F selected %+v", mw.selected)
		}
		return f
	}
	f := selectFirstFlow()
	before := mw.doc.m().Clone()

	// The selected flow is in view and drawn selected.
	if r, ok := mw.flowViewRect(f.ID); !ok || !mw.board.InView(r) {
		t.Error("the flow F selected is not in view")
	}
	if mw.board.Selected() != flowTarget(f.ID) {
		t.Errorf("the board draws %+v selected", mw.board.Selected())
	}

	// Enter edits its label in place.
	press(t, mw, fyne.KeyReturn)
	typeInPlace(t, mw, "Overdrachtsbrief")
	if got := sc.Flow(f.ID).Label; got != "Overdrachtsbrief" {
		t.Fatalf("after Enter the flow's label is %q", got)
	}
	if mw.win.Canvas().Focused() != mw.board || mw.selected != flowTarget(f.ID) {
		t.Fatal("after the edit the keys or the selection left the flow")
	}
	undoOnce(mw)
	if !reflect.DeepEqual(mw.doc.m(), before) {
		t.Fatal("one undo did not restore the label")
	}

	// Left goes to the card it comes from, Right to the card it goes to.
	f = selectFirstFlow()
	press(t, mw, fyne.KeyLeft)
	if mw.selected != card(f.From) {
		t.Errorf("Left from the flow selected %+v, not card %s", mw.selected, f.From)
	}
	f = selectFirstFlow()
	press(t, mw, fyne.KeyRight)
	if mw.selected != card(f.To) {
		t.Errorf("Right from the flow selected %+v, not card %s", mw.selected, f.To)
	}

	// Delete removes the flow, and only the flow.
	f = selectFirstFlow()
	press(t, mw, fyne.KeyDelete)
	if sc.Flow(f.ID) != nil {
		t.Fatal("Delete left the flow")
	}
	if sc.Contribution(f.From) == nil || sc.Contribution(f.To) == nil {
		t.Fatal("Delete on a flow removed a card")
	}
	undoOnce(mw)
	if !reflect.DeepEqual(mw.doc.m(), before) {
		t.Fatal("one undo did not bring the flow back")
	}
}

func TestFOnACardWithoutFlowsSaysSoAndKeepsTheCard(t *testing.T) {
	mw, _ := openSample(t)
	sc := mw.doc.current()
	var lonely *model.Contribution
	for _, c := range sc.Contributions {
		if in, out := sc.FlowsOf(c.ID); len(in)+len(out) == 0 {
			lonely = c
			break
		}
	}
	if lonely == nil {
		// Every card of the sample has a flow: make one without.
		step, lane := emptyCell(t, mw)
		mw.selectCell(step, lane)
		mw.win.Canvas().Focus(mw.board)
		press(t, mw, fyne.KeyReturn)
		typeInPlace(t, mw, "Alleen")
		lonely = sc.CardsAt(step, lane)[0]
	}
	test.TapAt(mw.board, onBoard(t, mw, cardRect(t, mw, lonely.ID)))
	typeOnBoard(t, mw, 'f')
	if mw.selected != card(lonely.ID) {
		t.Errorf("F on a card without flows selected %+v", mw.selected)
	}
	if want := T("This card has no flows: Ctrl+Shift+F draws one from it."); mw.status.Text != want {
		t.Errorf("the status line says %q, want %q", mw.status.Text, want)
	}
}

// TestAFlowTooLongForTheViewShowsTheCardItLeadsTo: on a large map a flow
// may run further than the window shows; F then scrolls to the card at its
// other end, where the line arrives, not to the middle of the line.
func TestAFlowTooLongForTheViewShowsTheCardItLeadsTo(t *testing.T) {
	mw := openL(t)

	g := mw.board.Geometry()
	view := func() (float32, float32) {
		z, size := mw.board.Zoom(), mw.board.Size()
		return size.Width/z - mw.scene.LeftBand - 48, size.Height/z - mw.scene.TopBand - 48
	}
	// The first flow of each card; of those, the one whose cards lie the
	// furthest apart.
	var long *model.Flow
	var from model.ID
	tallest := float32(0)
	for _, c := range mw.cardOrder() {
		flows := mw.cardFlows(c.ID)
		if len(flows) == 0 {
			continue
		}
		a, _ := g.CardRect(flows[0].From)
		b, _ := g.CardRect(flows[0].To)
		if u := union(a, b); u.H > tallest {
			long, from, tallest = flows[0], c.ID, u.H
		}
	}
	if _, vh := view(); long == nil || tallest < 2*vh {
		t.Fatal("no flow of the L map is twice as long as the window is high")
	}
	test.TapAt(mw.board, onBoard(t, mw, cardRect(t, mw, from)))
	typeOnBoard(t, mw, 'f')
	if mw.selected != flowTarget(long.ID) {
		t.Fatalf("F selected %+v, not flow %s", mw.selected, long.ID)
	}
	other := long.To
	if other == from {
		other = long.From
	}
	if !mw.board.InView(cardRect(t, mw, other)) {
		t.Error("the card at the flow's other end is not in view")
	}
}
