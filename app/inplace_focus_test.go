package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"valueflow/canvas/scene"
	"valueflow/model"
)

// cursorShown tells whether an entry shows its text cursor. Fyne shows it
// (and, on the desktop, blinks it with an animation that repaints the whole
// window every frame) for as long as the entry believes it has the keys.
func cursorShown(e fyne.Widget) bool {
	w := theme.Size(theme.SizeNameInputBorder)
	shown := false
	walkRendered(e, func(o fyne.CanvasObject) {
		if r, ok := o.(*canvas.Rectangle); ok && r.Visible() && r.Size().Width == w && r.Size().Height > w {
			shown = true
		}
	})
	return shown
}

// inPlaceEntry is the open in-place editor.
func inPlaceEntry(t *testing.T, mw *mainWindow) *widget.Entry {
	t.Helper()
	pop, ok := mw.win.Canvas().Overlays().Top().(*widget.PopUp)
	if !ok {
		t.Fatalf("no in-place editor is open (top overlay %T)", mw.win.Canvas().Overlays().Top())
	}
	return pop.Content.(*widget.Entry)
}

func TestConfirmingAnInPlaceEditWithEnterLeavesNoBlinkingCursorBehind(t *testing.T) {
	for _, tc := range []struct {
		name string
		open func(mw *mainWindow)
	}{
		{"a card's value", func(mw *mainWindow) {
			mw.win.Canvas().Focus(mw.board)
			mw.selectAndShow(mw.doc.current().Contributions[2].ID)
			mw.editSelected()
		}},
		{"a new card in an empty cell", func(mw *mainWindow) {
			step, lane := emptyCell(t, mw)
			mw.win.Canvas().Focus(mw.board)
			mw.selectCell(step, lane)
			shortcut(mw, shortcutAddCard)
		}},
		{"a step's name", func(mw *mainWindow) {
			mw.win.Canvas().Focus(mw.board)
			mw.selectAndShowTarget(scene.Target{Kind: model.EntityStep, ID: mw.doc.current().Steps[1].ID})
			mw.editSelected()
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			mw, _ := openSample(t)
			tc.open(mw)
			e := inPlaceEntry(t, mw)
			if !cursorShown(e) {
				t.Fatal("the open editor shows no cursor (the test cannot see it)")
			}
			e.SetText("")
			test.Type(e, "Anders")
			e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
			if mw.win.Canvas().Overlays().Top() != nil {
				t.Fatal("Enter left the editor open")
			}
			if cursorShown(e) {
				t.Error("the closed editor still shows its cursor: it believes it has the keys and its blink repaints the window forever")
			}
			if mw.win.Canvas().Focused() != mw.board {
				t.Errorf("after Enter the keys go to %T, not the board", mw.win.Canvas().Focused())
			}
		})
	}
}

func TestACardAddedByKeyboardIsSelectedSoCtrlShiftFStartsAFlowFromIt(t *testing.T) {
	mw, _ := openSample(t)
	step, lane := emptyCell(t, mw)
	mw.win.Canvas().Focus(mw.board)
	mw.selectCell(step, lane)
	shortcut(mw, shortcutAddCard)
	typeInPlace(t, mw, "Nieuw met het toetsenbord")
	added := mw.doc.current().CardsAt(step, lane)
	if len(added) != 1 {
		t.Fatalf("the cell has %d cards", len(added))
	}
	if mw.selected != card(added[0].ID) {
		t.Fatalf("after adding the card %+v is selected, not the new card", mw.selected)
	}
	if !mw.board.InView(cardRect(t, mw, added[0].ID)) {
		t.Error("the new card is out of view")
	}
	shortcut(mw, shortcutAddFlow)
	if top := mw.win.Canvas().Overlays().Top(); top != nil {
		t.Fatalf("Ctrl+Shift+F opened a dialog (%q) instead of picking a target from the new card", overlayTexts(mw.win))
	}
	if from, _, on := mw.board.Picking(); !on || from != added[0].ID {
		t.Fatalf("Ctrl+Shift+F picks from %q (picking %v), not from the new card %q", from, on, added[0].ID)
	}
	// Down and Enter make the flow from the new card.
	press(t, mw, fyne.KeyDown)
	_, to, _ := mw.board.Picking()
	press(t, mw, fyne.KeyReturn)
	flows := mw.doc.current().Flows
	if f := flows[len(flows)-1]; f.From != added[0].ID || f.To != to {
		t.Fatalf("the last flow goes %s → %s, want %s → %s", f.From, f.To, added[0].ID, to)
	}
}

func TestCancellingADialogGivesTheKeysBackToTheBoardAndStopsItsCursor(t *testing.T) {
	for _, tc := range []struct {
		name, title string
		open        func(mw *mainWindow)
	}{
		{"Add card", "Add card", func(mw *mainWindow) { mw.addCardDialog() }},
		// Ctrl+Shift+F with no card selected asks for both ends.
		{"Add flow by keyboard", "Add flow", func(mw *mainWindow) { shortcut(mw, shortcutAddFlow) }},
		{"Add relationship", "Add relationship", func(mw *mainWindow) { mw.addRelationshipDialog() }},
		{"New scenario", "New scenario", func(mw *mainWindow) { mw.addScenarioDialog() }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			mw, _ := openSample(t)
			mw.win.Canvas().Focus(mw.board)
			step, lane := emptyCell(t, mw)
			mw.selectCell(step, lane)
			tc.open(mw)
			if got := overlayTexts(mw.win); !strings.Contains(got, T(tc.title)) {
				t.Fatalf("no %q dialog: %q", tc.title, got)
			}
			// The user clicks into the dialog's first text field and types.
			type textField interface { // a widget.Entry, or a field made of one
				fyne.Widget
				fyne.Focusable
				SetPlaceHolder(string)
			}
			var typed textField
			for _, o := range mw.win.Canvas().Overlays().List() {
				walkRendered(o, func(o fyne.CanvasObject) {
					if e, ok := o.(textField); ok && typed == nil {
						typed = e
					}
				})
			}
			if typed == nil {
				t.Fatal("the dialog has no text field")
			}
			mw.win.Canvas().Focus(typed)
			test.Type(typed, "x")
			if !cursorShown(typed) {
				t.Fatal("the focused field shows no cursor (the test cannot see it)")
			}
			cancel := findButton(mw.win, T("Cancel"))
			if cancel == nil {
				t.Fatal("no Cancel button")
			}
			// A click on a button leaves the focus where it is on the desktop
			// (the driver unfocuses only where nothing focusable is under the
			// pointer); test.Tap would unfocus first.
			cancel.Tapped(&fyne.PointEvent{})
			if mw.win.Canvas().Overlays().Top() != nil {
				t.Fatalf("Cancel left %q open", overlayTexts(mw.win))
			}
			if cursorShown(typed) {
				t.Error("the cancelled dialog's field still shows its cursor: it believes it has the keys and its blink repaints the window forever")
			}
			if f := mw.win.Canvas().Focused(); f != mw.board {
				t.Errorf("after Cancel the keys go to %T, not the board", f)
			}
			if s, l := mw.board.CursorCell(); s != step || l != lane {
				t.Errorf("after Cancel the keyboard cursor is on (%s, %s), not (%s, %s) where it was", s, l, step, lane)
			}
		})
	}
}

// walkRendered visits o and everything its renderers draw.
func walkRendered(o fyne.CanvasObject, visit func(fyne.CanvasObject)) {
	visit(o)
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			walkRendered(c, visit)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			walkRendered(c, visit)
		}
	}
}

func TestAddingACardThroughTheDialogGivesTheKeysBackToTheBoard(t *testing.T) {
	mw, _ := openSample(t)
	mw.win.Canvas().Focus(mw.board)
	step, lane := emptyCell(t, mw)
	mw.selectCell(step, lane)
	mw.addCardDialog()
	value, ok := mw.win.Canvas().Focused().(*dialogEntry)
	if !ok {
		t.Fatalf("the dialog opens with the keys on %T, not its value field", mw.win.Canvas().Focused())
	}
	test.Type(value, "Uit het venster")
	add := findButton(mw.win, T("Add"))
	if add == nil {
		t.Fatal("no Add button")
	}
	add.Tapped(&fyne.PointEvent{}) // as a click on the desktop: the focus stays
	cards := mw.doc.current().CardsAt(step, lane)
	if len(cards) != 1 || cards[0].Value != "Uit het venster" {
		t.Fatalf("the cell holds %d cards", len(cards))
	}
	if mw.selected != card(cards[0].ID) {
		t.Errorf("%+v is selected, not the new card", mw.selected)
	}
	if cursorShown(value) {
		t.Error("the closed dialog's value field still shows its cursor")
	}
	if f := mw.win.Canvas().Focused(); f != mw.board {
		t.Errorf("after Add the keys go to %T, not the board", f)
	}
}
