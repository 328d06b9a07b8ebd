package app

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"valueflow/canvas/scene"
	"valueflow/model"
)

// Keyboard use of the board. The arrows move cell by cell, through the
// cards stacked in a cell first; an empty cell gets the keyboard cursor.
// Up from the top lane selects the step's header, Left from the first step
// the lane's header, and back. Ctrl+arrow jumps to the next card that way,
// Alt+arrow moves the selected card to the next cell, or the selected step
// or lane one place. Tab goes to the next card in reading order and, past
// the last one, on to the inspector (Shift+Tab back; Ctrl+Tab leaves at
// once). Enter edits in place (on an empty cell: a new card), Delete
// removes, Escape clears. F walks through the selected card's flows (see
// flow_keys.go). Whatever the keys reach is scrolled into view.

var (
	shortcutAddCard   = &desktop.CustomShortcut{KeyName: fyne.KeyC, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	shortcutAddFlow   = &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	shortcutLeave     = &desktop.CustomShortcut{KeyName: fyne.KeyTab, Modifier: fyne.KeyModifierControl}
	shortcutLeaveBack = &desktop.CustomShortcut{KeyName: fyne.KeyTab, Modifier: fyne.KeyModifierControl | fyne.KeyModifierShift}
)

func arrowShortcut(key fyne.KeyName, mod fyne.KeyModifier) *desktop.CustomShortcut {
	return &desktop.CustomShortcut{KeyName: key, Modifier: mod}
}

// addKeyboardShortcuts wires the board's shortcuts with modifiers; the
// plain keys come through boardKey.
func (mw *mainWindow) addKeyboardShortcuts() {
	c := mw.win.Canvas()
	c.AddShortcut(shortcutAddCard, func(fyne.Shortcut) { mw.addCardHere() })
	c.AddShortcut(shortcutAddFlow, func(fyne.Shortcut) { mw.addFlowFromSelection() })
	c.AddShortcut(shortcutLeave, func(fyne.Shortcut) { mw.board.LeaveFocus(false) })
	c.AddShortcut(shortcutLeaveBack, func(fyne.Shortcut) { mw.board.LeaveFocus(true) })
	for key, d := range map[fyne.KeyName][2]int{fyne.KeyLeft: {-1, 0}, fyne.KeyRight: {1, 0}, fyne.KeyUp: {0, -1}, fyne.KeyDown: {0, 1}} {
		d := d
		c.AddShortcut(arrowShortcut(key, fyne.KeyModifierShortcutDefault), func(fyne.Shortcut) { mw.jumpToCard(d[0], d[1]) })
		c.AddShortcut(arrowShortcut(key, fyne.KeyModifierAlt), func(fyne.Shortcut) { mw.nudgeSelected(d[0], d[1]) })
	}
}

// boardKey handles the plain keys typed on the board.
func (mw *mainWindow) boardKey(e *fyne.KeyEvent) {
	switch e.Name {
	case fyne.KeyEscape:
		mw.sel = boardSelection{clip: mw.sel.clip}
		mw.selectTarget(scene.Target{})
	case fyne.KeyDelete, fyne.KeyBackspace:
		mw.deleteSelected()
	case fyne.KeyReturn, fyne.KeyEnter, fyne.KeyF2:
		mw.editSelected()
	case fyne.KeyTab:
		mw.tabToCard(mw.board.Modifiers()&fyne.KeyModifierShift != 0)
	case fyne.KeyLeft:
		mw.moveCursor(-1, 0)
	case fyne.KeyRight:
		mw.moveCursor(1, 0)
	case fyne.KeyUp:
		mw.moveCursor(0, -1)
	case fyne.KeyDown:
		mw.moveCursor(0, 1)
	}
}

// editSelected opens the in-place editor on the selection, or a new card's
// on the cursor cell.
func (mw *mainWindow) editSelected() {
	switch mw.selected.Kind {
	case model.EntityContribution, model.EntityStep, model.EntityStakeholder, model.EntityFlow:
		mw.editInPlace(mw.selected, scene.Point{})
	default:
		if step, lane := mw.cursorCell(); step != "" {
			mw.addCardInCell(step, lane)
		}
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

// tabToCard selects the next card in reading order (the previous one with
// backward); past the last (or before the first) the focus leaves the
// board, so the keyboard reaches the inspector.
func (mw *mainWindow) tabToCard(backward bool) {
	cards := mw.cardOrder()
	if len(cards) == 0 {
		mw.board.LeaveFocus(backward)
		return
	}
	from := mw.selected.ID
	if f := mw.doc.current().Flow(from); mw.selected.Kind == model.EntityFlow && f != nil {
		from = f.From // from a flow, on from the card it comes from
	}
	i := slices.IndexFunc(cards, func(c *model.Contribution) bool { return c.ID == from })
	if i < 0 {
		// From a header or the cursor: the first card at or after it.
		i = mw.firstCardFrom(cards)
		if backward {
			i--
		}
	} else if backward {
		i--
	} else {
		i++
	}
	if i < 0 || i >= len(cards) {
		mw.board.LeaveFocus(backward)
		return
	}
	mw.selectAndShow(cards[i].ID)
}

// firstCardFrom is the index in cards (reading order) of the first card at
// or after the selected header or the cursor cell.
func (mw *mainWindow) firstCardFrom(cards []*model.Contribution) int {
	m, sc := mw.doc.m(), mw.doc.current()
	step, lane := mw.selectionCell()
	for i, c := range cards {
		switch {
		case step != "" && lane != "":
			l, cl := m.StakeholderIndex(lane), m.StakeholderIndex(c.Stakeholder)
			if cl > l || (cl == l && sc.StepIndex(c.Step) >= sc.StepIndex(step)) {
				return i
			}
		case step != "":
			if c.Step == step {
				return i
			}
		case lane != "":
			if c.Stakeholder == lane {
				return i
			}
		default:
			return 0
		}
	}
	return 0
}

// moveCursor moves the selection one cell (or one card of a stack, or one
// header) in the direction of an arrow key.
func (mw *mainWindow) moveCursor(dx, dy int) {
	m, sc := mw.doc.m(), mw.doc.current()
	if len(sc.Steps) == 0 || len(m.Stakeholders) == 0 {
		return
	}
	lastStep, lastLane := len(sc.Steps)-1, len(m.Stakeholders)-1
	switch mw.selected.Kind {
	case model.EntityFlow:
		mw.flowArrow(dx, dy)
		return
	case model.EntityStep:
		i := sc.StepIndex(mw.selected.ID)
		switch {
		case dy > 0:
			mw.goToCell(i, 0, false)
		case dx != 0 && i+dx >= 0 && i+dx <= lastStep:
			mw.selectAndShowTarget(scene.Target{Kind: model.EntityStep, ID: sc.Steps[i+dx].ID})
		}
		return
	case model.EntityStakeholder:
		j := m.StakeholderIndex(mw.selected.ID)
		switch {
		case dx > 0:
			mw.goToCell(0, j, false)
		case dy != 0 && j+dy >= 0 && j+dy <= lastLane:
			mw.selectAndShowTarget(scene.Target{Kind: model.EntityStakeholder, ID: m.Stakeholders[j+dy].ID})
		}
		return
	}
	// On a card or the cursor cell.
	var step, lane model.ID
	var stack []model.ID
	k := 0
	if c := sc.Contribution(mw.selected.ID); mw.selected.Kind == model.EntityContribution && c != nil {
		step, lane = c.Step, c.Stakeholder
		stack = mw.board.Geometry().CardsInCell(step, lane)
		k = slices.Index(stack, c.ID)
	} else if step, lane = mw.cursorCell(); step == "" {
		mw.goToCell(0, 0, false)
		return
	}
	i, j := sc.StepIndex(step), m.StakeholderIndex(lane)
	switch {
	case dy < 0 && k > 0:
		mw.selectAndShow(stack[k-1])
	case dy > 0 && k >= 0 && k < len(stack)-1:
		mw.selectAndShow(stack[k+1])
	case dy < 0 && j == 0:
		mw.selectAndShowTarget(scene.Target{Kind: model.EntityStep, ID: step})
	case dx < 0 && i == 0:
		mw.selectAndShowTarget(scene.Target{Kind: model.EntityStakeholder, ID: lane})
	case dy < 0:
		mw.goToCell(i, j-1, true)
	case dy > 0 && j < lastLane:
		mw.goToCell(i, j+1, false)
	case dx < 0:
		mw.goToCell(i-1, j, false)
	case dx > 0 && i < lastStep:
		mw.goToCell(i+1, j, false)
	}
}

// goToCell selects the top card of a cell (the bottom one, coming from
// below), or puts the cursor on it when it is empty.
func (mw *mainWindow) goToCell(i, j int, bottom bool) {
	m, sc := mw.doc.m(), mw.doc.current()
	step, lane := sc.Steps[i].ID, m.Stakeholders[j].ID
	if cards := mw.board.Geometry().CardsInCell(step, lane); len(cards) > 0 {
		id := cards[0]
		if bottom {
			id = cards[len(cards)-1]
		}
		mw.selectAndShow(id)
		return
	}
	mw.selectCell(step, lane)
	mw.showOnBoard(scene.Target{})
}

// jumpToCard selects the nearest card in a direction, skipping empty cells
// (Ctrl+arrow).
func (mw *mainWindow) jumpToCard(dx, dy int) {
	cards := mw.cardOrder()
	if len(cards) == 0 {
		return
	}
	if mw.selected.Kind != model.EntityContribution {
		mw.selectAndShow(cards[0].ID)
		return
	}
	if id, ok := mw.board.Geometry().Neighbour(mw.selected.ID, dx, dy); ok {
		mw.selectAndShow(id)
	}
}

// selectAndShow selects a card and scrolls it into view.
func (mw *mainWindow) selectAndShow(card model.ID) {
	mw.selectAndShowTarget(scene.Target{Kind: model.EntityContribution, ID: card})
}

func (mw *mainWindow) selectAndShowTarget(t scene.Target) {
	mw.sel.cards = nil
	mw.sel.cursor.step, mw.sel.cursor.lane = "", ""
	if t.Kind == model.EntityContribution {
		if c := mw.doc.current().Contribution(t.ID); c != nil {
			mw.sel.cursor.step, mw.sel.cursor.lane = c.Step, c.Stakeholder
		}
	}
	mw.selectTarget(t)
	mw.showOnBoard(t)
}

// addCardHere adds a card where the keyboard is (Ctrl+Shift+C): in place
// in the cursor cell or the selected card's cell; with only a step or a
// lane selected, through the dialog that asks for the rest.
func (mw *mainWindow) addCardHere() {
	step, lane := mw.selectionCell()
	if step != "" && lane != "" {
		mw.addCardInCell(step, lane)
		return
	}
	mw.addCardDialog()
}

// addCardInCell opens the in-place editor of a new card in a cell.
func (mw *mainWindow) addCardInCell(step, lane model.ID) {
	r, ok := mw.board.Geometry().CellRect(step, lane)
	if !ok {
		return
	}
	if !mw.board.InView(r) {
		mw.board.ShowRect(r)
	}
	mw.editInPlace(scene.Target{}, scene.Point{X: r.X + r.W/2, Y: r.Y + r.H/2})
}

// addFlowFromSelection starts a flow from the selected card (Ctrl+Shift+F):
// the arrows and Enter, or a click, choose the card it goes to; Escape
// cancels. Without a selected card it opens the dialog.
func (mw *mainWindow) addFlowFromSelection() {
	if mw.readOnly() {
		mw.do(nil) // says the file is read-only
		return
	}
	if mw.selected.Kind == model.EntityContribution && mw.board.PickFlowTarget(mw.selected.ID) {
		mw.status.SetText(T("Choose the card the flow goes to: arrow keys and Enter, or click it; Esc cancels."))
		return
	}
	mw.addFlowDialog()
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
	case *notedField:
		walk(x.field, visit)
		walk(x.note, visit)
	}
}
