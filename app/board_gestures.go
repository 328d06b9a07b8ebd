package app

import (
	"slices"

	"valueflow/canvas/scene"
	"valueflow/model"
)

// boardSelection is what the board has selected beyond mw.selected: the
// cards of a multi-selection, the cell the keyboard cursor is on, and the
// cards copied for pasting.
type boardSelection struct {
	// cards is a multi-selection; it holds while mw.selected is one of its
	// cards (selecting anything else from anywhere ends it).
	cards []model.ID
	// cursor is the cell the keyboard is on; it shows while nothing is
	// selected (a card selected puts the cursor in its own cell).
	cursor struct{ step, lane model.ID }
	clip   *cardClip
	// flowCard is the card whose flows F walks (flow_keys.go), kept while
	// one of them is selected.
	flowCard model.ID
}

// wireBoardGestures connects the board's selection, reordering and
// keyboard-cursor gestures to the map; newMainWindow wires the card moves
// and connections.
func (mw *mainWindow) wireBoardGestures() {
	b := mw.board
	b.OnSelect = func(t scene.Target) {
		mw.sel.cards = nil
		mw.sel.cursor.step, mw.sel.cursor.lane = "", ""
		mw.selectTarget(t)
	}
	b.OnToggleSelect = mw.toggleCard
	b.OnSelectArea = mw.selectArea
	b.OnSelectCell = mw.selectCell
	b.OnMoveStep = mw.moveStepTo
	b.OnMoveStakeholder = mw.moveStakeholderTo
	b.OnPickCancel = mw.refresh // puts the status line back
	b.OnTypedRune = mw.boardRune
}

// selectedCards returns the cards selected now: the multi-selection, or the
// one selected card, or none.
func (mw *mainWindow) selectedCards() []model.ID {
	sc := mw.doc.current()
	if mw.selected.Kind != model.EntityContribution || sc.Contribution(mw.selected.ID) == nil {
		return nil
	}
	if !slices.Contains(mw.sel.cards, mw.selected.ID) {
		return []model.ID{mw.selected.ID}
	}
	var out []model.ID
	for _, id := range mw.sel.cards {
		if sc.Contribution(id) != nil {
			out = append(out, id)
		}
	}
	return out
}

// multiSelected reports whether more than one card is selected: the board
// then outlines them all and dims nothing.
func (mw *mainWindow) multiSelected() bool { return len(mw.selectedCards()) > 1 }

// selectCards makes cards the selection, with primary (one of them) in
// the inspector.
func (mw *mainWindow) selectCards(cards []model.ID, primary model.ID) {
	if len(cards) == 0 {
		mw.sel.cards = nil
		mw.selectTarget(scene.Target{})
		return
	}
	if !slices.Contains(cards, primary) {
		primary = cards[len(cards)-1]
	}
	mw.sel.cards = slices.Clone(cards)
	mw.sel.cursor.step, mw.sel.cursor.lane = "", ""
	mw.selectTarget(scene.Target{Kind: model.EntityContribution, ID: primary})
}

// toggleCard adds a card to the selection (Shift+click) or takes it out.
func (mw *mainWindow) toggleCard(t scene.Target) {
	cards := mw.selectedCards()
	if i := slices.Index(cards, t.ID); i >= 0 {
		cards = slices.Delete(cards, i, i+1)
		primary := model.ID("")
		if len(cards) > 0 {
			primary = cards[len(cards)-1]
		}
		mw.selectCards(cards, primary)
		return
	}
	mw.selectCards(append(cards, t.ID), t.ID)
}

// selectArea adds the cards a selection band caught to the selection.
func (mw *mainWindow) selectArea(ids []model.ID) {
	cards := mw.selectedCards()
	for _, id := range ids {
		if !slices.Contains(cards, id) {
			cards = append(cards, id)
		}
	}
	if len(ids) == 0 {
		return // an empty band changes nothing
	}
	mw.selectCards(cards, ids[0])
}

// selectCell puts the keyboard cursor on a cell and selects nothing.
func (mw *mainWindow) selectCell(step, lane model.ID) {
	mw.sel.cards = nil
	mw.sel.cursor.step, mw.sel.cursor.lane = step, lane
	mw.selectTarget(scene.Target{})
}

// cursorCell is the cell of the keyboard cursor, if it shows: nothing is
// selected and its step and lane still exist.
func (mw *mainWindow) cursorCell() (step, lane model.ID) {
	c := mw.sel.cursor
	if mw.selected.ID != "" || c.step == "" || mw.doc.current().Step(c.step) == nil || mw.doc.m().Stakeholder(c.lane) == nil {
		return "", ""
	}
	return c.step, c.lane
}

// showSelectionOnBoard tells the board what is selected, the other cards of
// a multi-selection and the keyboard cursor (refresh calls it).
func (mw *mainWindow) showSelectionOnBoard() {
	mw.board.Select(mw.selected)
	var marked []model.ID
	if cards := mw.selectedCards(); len(cards) > 1 {
		marked = cards
	}
	mw.board.SetMarked(marked)
	mw.board.SetCursorCell(mw.cursorCell())
}

// moveStepTo moves a step to index to (a dragged header), one undoable command.
func (mw *mainWindow) moveStepTo(id model.ID, to int) {
	mw.doSelecting(model.MoveStep(mw.doc.current().ID, id, to), scene.Target{Kind: model.EntityStep, ID: id})
}

// moveStakeholderTo moves a lane to index to, one undoable command.
func (mw *mainWindow) moveStakeholderTo(id model.ID, to int) {
	mw.doSelecting(model.MoveStakeholder(id, to), scene.Target{Kind: model.EntityStakeholder, ID: id})
}

// doSelecting runs an edit with t selected, laying the board out once, and
// keeps t in view.
func (mw *mainWindow) doSelecting(c model.Command, t scene.Target) bool {
	mw.sel.cards = nil
	mw.selected = t
	if !mw.do(c) {
		mw.selectTarget(t)
		return false
	}
	mw.showOnBoard(t)
	return true
}

// nudgeSelected moves the selected step one column, the selected lane one
// lane, or the selected card one cell, by (dx, dy) — the keyboard's and the
// context menu's way to do what a drag does. It reports whether it could.
func (mw *mainWindow) nudgeSelected(dx, dy int) bool {
	m, sc := mw.doc.m(), mw.doc.current()
	switch mw.selected.Kind {
	case model.EntityStep:
		if to := sc.StepIndex(mw.selected.ID) + dx; dx != 0 && to >= 0 && to < len(sc.Steps) {
			mw.moveStepTo(mw.selected.ID, to)
			return true
		}
	case model.EntityStakeholder:
		if to := m.StakeholderIndex(mw.selected.ID) + dy; dy != 0 && to >= 0 && to < len(m.Stakeholders) {
			mw.moveStakeholderTo(mw.selected.ID, to)
			return true
		}
	case model.EntityContribution:
		c := sc.Contribution(mw.selected.ID)
		if c == nil || len(mw.selectedCards()) > 1 {
			return false
		}
		i, j := sc.StepIndex(c.Step)+dx, m.StakeholderIndex(c.Stakeholder)+dy
		if i < 0 || i >= len(sc.Steps) || j < 0 || j >= len(m.Stakeholders) {
			return false
		}
		mw.board.OnMoveCard(c.ID, sc.Steps[i].ID, m.Stakeholders[j].ID)
		mw.showOnBoard(mw.selected)
		return true
	}
	return false
}

// showOnBoard scrolls the board so an element (or, for an empty target,
// the cursor cell) is in view.
func (mw *mainWindow) showOnBoard(t scene.Target) {
	g := mw.board.Geometry()
	var r scene.Rect
	var ok bool
	switch t.Kind {
	case model.EntityContribution:
		r, ok = g.CardRect(t.ID)
	case model.EntityStep:
		r, ok = g.StepHeaderRect(t.ID)
	case model.EntityStakeholder:
		r, ok = g.LaneHeaderRect(t.ID)
	case model.EntityFlow:
		r, ok = mw.flowViewRect(t.ID)
	default:
		if step, lane := mw.cursorCell(); step != "" {
			r, ok = g.CellRect(step, lane)
		}
	}
	if ok && !mw.board.InView(r) {
		mw.board.ShowRect(r)
	}
}
