package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"valueflow/canvas/scene"
	"valueflow/model"
)

// boardKey moves through the board by keyboard: arrows go to the nearest
// card in that direction (along the lane, or across lanes at the same step),
// Tab to the next card in reading order, Enter edits the selection in the
// inspector, Delete removes it, Escape clears it.
func (mw *mainWindow) boardKey(e *fyne.KeyEvent) {
	switch e.Name {
	case fyne.KeyEscape:
		mw.selectTarget(scene.Target{})
	case fyne.KeyDelete, fyne.KeyBackspace:
		mw.deleteSelected()
	case fyne.KeyReturn, fyne.KeyEnter:
		mw.focusInspector()
	case fyne.KeyTab:
		mw.moveSelection(0, 0, true)
	case fyne.KeyLeft:
		mw.moveSelection(-1, 0, false)
	case fyne.KeyRight:
		mw.moveSelection(1, 0, false)
	case fyne.KeyUp:
		mw.moveSelection(0, -1, false)
	case fyne.KeyDown:
		mw.moveSelection(0, 1, false)
	}
}

// cardOrder lists the cards in reading order: lane by lane, step by step.
func (mw *mainWindow) cardOrder() []*model.Contribution {
	m, sc := mw.doc.m(), mw.doc.current()
	var out []*model.Contribution
	for _, sh := range m.Stakeholders {
		for _, st := range sc.Steps {
			out = append(out, sc.CardsAt(st.ID, sh.ID)...)
		}
	}
	return out
}

func (mw *mainWindow) moveSelection(dStep, dLane int, next bool) {
	m, sc := mw.doc.m(), mw.doc.current()
	cards := mw.cardOrder()
	if len(cards) == 0 {
		return
	}
	cur := sc.Contribution(mw.selected.ID)
	if mw.selected.Kind != model.EntityContribution || cur == nil {
		mw.selectAndShow(cards[0].ID)
		return
	}
	if next {
		for i, c := range cards {
			if c.ID == cur.ID {
				mw.selectAndShow(cards[(i+1)%len(cards)].ID)
				return
			}
		}
	}
	step, lane := sc.StepIndex(cur.Step), m.StakeholderIndex(cur.Stakeholder)
	for {
		step, lane = step+dStep, lane+dLane
		if step < 0 || step >= len(sc.Steps) || lane < 0 || lane >= len(m.Stakeholders) {
			return
		}
		if at := sc.CardsAt(sc.Steps[step].ID, m.Stakeholders[lane].ID); len(at) > 0 {
			mw.selectAndShow(at[0].ID)
			return
		}
	}
}

// selectAndShow selects a card and scrolls it into view.
func (mw *mainWindow) selectAndShow(card model.ID) {
	t := scene.Target{Kind: model.EntityContribution, ID: card}
	mw.selectTarget(t)
	for _, it := range mw.scene.Items {
		if it.Target == t && it.Box != nil {
			mw.board.ShowRect(it.Box.Rect)
			return
		}
	}
}

// focusInspector puts the keyboard in the first field of the inspector.
func (mw *mainWindow) focusInspector() {
	var first fyne.Focusable
	walk(mw.inspector, func(o fyne.CanvasObject) {
		if f, ok := o.(fyne.Focusable); ok && first == nil {
			first = f
		}
	})
	if first != nil {
		mw.win.Canvas().Focus(first)
	}
}

// walk visits o and every object inside it, forms included.
func walk(o fyne.CanvasObject, visit func(fyne.CanvasObject)) {
	visit(o)
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			walk(c, visit)
		}
	case *widget.Form:
		for _, it := range x.Items {
			walk(it.Widget, visit)
		}
	}
}
