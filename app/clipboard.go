package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"valueflow/canvas/scene"
	"valueflow/model"
)

var (
	shortcutDuplicate = &desktop.CustomShortcut{KeyName: fyne.KeyD, Modifier: fyne.KeyModifierShortcutDefault}
)

// cardClip is what Copy keeps for Paste: the cards and the flows between
// them, with the step and lane indexes they were at.
type cardClip struct {
	cards []model.Contribution
	flows []model.Flow
	// at is each card's step and lane index when copied (-1: a step of
	// another scenario).
	at [][2]int
}

// addClipboardShortcuts wires copy, cut, paste, duplicate and select all
// of cards. They reach the window when no text field has the focus (a text
// field keeps its own copy and paste); the Edit menu shows them.
func (mw *mainWindow) addClipboardShortcuts() {
	c := mw.win.Canvas()
	c.AddShortcut(&fyne.ShortcutCopy{}, func(fyne.Shortcut) { mw.copyCards() })
	c.AddShortcut(&fyne.ShortcutCut{}, func(fyne.Shortcut) { mw.cutCards() })
	c.AddShortcut(&fyne.ShortcutPaste{}, func(fyne.Shortcut) { mw.pasteCards() })
	c.AddShortcut(shortcutDuplicate, func(fyne.Shortcut) { mw.duplicateCards() })
	c.AddShortcut(&fyne.ShortcutSelectAll{}, func(fyne.Shortcut) { mw.selectAllCards() })
}

// orToFocused runs a menu's clipboard item: the desktop driver gives a
// main-menu shortcut (Ctrl+C) to the menu before the focused widget, so
// when a text field has the focus it gets the shortcut, as if there were no
// menu; otherwise the board's action runs.
func (mw *mainWindow) orToFocused(s fyne.Shortcut, action func()) func() {
	return func() {
		if f, ok := mw.win.Canvas().Focused().(fyne.Shortcutable); ok {
			f.TypedShortcut(s)
			return
		}
		action()
	}
}

// copyCards keeps the selected cards, with the flows between them, for
// pasting, and puts their values on the system clipboard for other
// programs, one per line.
func (mw *mainWindow) copyCards() bool {
	ids := mw.selectedCards()
	if len(ids) == 0 {
		return false
	}
	m, sc := mw.doc.m(), mw.doc.current()
	clip := &cardClip{}
	in := map[model.ID]bool{}
	var values []string
	for _, id := range ids {
		c := sc.Contribution(id)
		clip.cards = append(clip.cards, *c)
		clip.at = append(clip.at, [2]int{sc.StepIndex(c.Step), m.StakeholderIndex(c.Stakeholder)})
		in[id] = true
		values = append(values, c.Value)
	}
	for _, f := range sc.Flows {
		if in[f.From] && in[f.To] {
			clip.flows = append(clip.flows, *f)
		}
	}
	mw.sel.clip = clip
	if cb := mw.app.Clipboard(); cb != nil {
		cb.SetContent(strings.Join(values, "\n"))
	}
	return true
}

// cutCards copies the selected cards and deletes them, one undoable command.
func (mw *mainWindow) cutCards() {
	if !mw.copyCards() {
		return
	}
	mw.deleteCards(mw.selectedCards(), plural(len(mw.sel.clip.cards), "Cut card", "Cut cards"))
}

// pasteCards adds copies of the kept cards, with their flows, as one
// undoable command. They keep their places relative to each other; the
// first of them lands in the selected card's cell or the cursor cell, at
// the selected step or in the selected lane, else where it came from.
func (mw *mainWindow) pasteCards() {
	clip := mw.sel.clip
	if clip == nil || len(clip.cards) == 0 {
		return
	}
	m, sc := mw.doc.m(), mw.doc.current()
	// Where the copied block's top-left corner goes.
	minStep, minLane := -1, -1
	for _, at := range clip.at {
		if at[0] >= 0 && (minStep < 0 || at[0] < minStep) {
			minStep = at[0]
		}
		if at[1] >= 0 && (minLane < 0 || at[1] < minLane) {
			minLane = at[1]
		}
	}
	toStep, toLane := -1, -1
	step, lane := mw.selectionCell()
	if step != "" {
		toStep = sc.StepIndex(step)
	}
	if lane != "" {
		toLane = m.StakeholderIndex(lane)
	}
	dStep, dLane := 0, 0
	if toStep >= 0 && minStep >= 0 {
		dStep = toStep - minStep
	}
	if toLane >= 0 && minLane >= 0 {
		dLane = toLane - minLane
	}
	placed := make([][2]int, len(clip.cards))
	for i, at := range clip.at {
		s, l := at[0], at[1]
		if s < 0 {
			s = max(toStep, 0) // copied from another scenario
		} else {
			s += dStep
		}
		placed[i] = [2]int{s, l + dLane}
	}
	mw.addCopies(clip.cards, clip.flows, placed, plural(len(clip.cards), "Paste card", "Paste cards"))
}

// duplicateCards adds copies of the selected cards in their own cells, with
// the flows between them, as one undoable command; the clipboard keeps what
// it had.
func (mw *mainWindow) duplicateCards() {
	ids := mw.selectedCards()
	if len(ids) == 0 {
		return
	}
	m, sc := mw.doc.m(), mw.doc.current()
	in := map[model.ID]bool{}
	var cards []model.Contribution
	var placed [][2]int
	for _, id := range ids {
		c := sc.Contribution(id)
		cards = append(cards, *c)
		placed = append(placed, [2]int{sc.StepIndex(c.Step), m.StakeholderIndex(c.Stakeholder)})
		in[id] = true
	}
	var flows []model.Flow
	for _, f := range sc.Flows {
		if in[f.From] && in[f.To] {
			flows = append(flows, *f)
		}
	}
	mw.addCopies(cards, flows, placed, plural(len(cards), "Duplicate card", "Duplicate cards"))
}

// addCopies adds cards under new ids at the given step and lane indexes
// (kept inside the board), and the flows between them, as one command, and
// selects the copies.
func (mw *mainWindow) addCopies(cards []model.Contribution, flows []model.Flow, at [][2]int, label string) {
	m, sc := mw.doc.m(), mw.doc.current()
	if len(sc.Steps) == 0 || len(m.Stakeholders) == 0 {
		return
	}
	fresh := m.NewIDs()
	newID := map[model.ID]model.ID{}
	var cmds []model.Command
	var added []model.ID
	for i, c := range cards {
		s := max(0, min(at[i][0], len(sc.Steps)-1))
		l := max(0, min(at[i][1], len(m.Stakeholders)-1))
		n := c
		n.ID = fresh("c")
		n.Step, n.Stakeholder = sc.Steps[s].ID, m.Stakeholders[l].ID
		newID[c.ID] = n.ID
		added = append(added, n.ID)
		cmds = append(cmds, model.AddContribution(sc.ID, n))
	}
	for _, f := range flows {
		n := f
		n.ID, n.From, n.To = fresh("f"), newID[f.From], newID[f.To]
		cmds = append(cmds, model.AddFlow(sc.ID, n))
	}
	if mw.do(model.Batch(label, cmds...)) {
		mw.selectCards(added, added[0])
		mw.showOnBoard(mw.selected)
	}
}

// selectAllCards selects every card of the scenario on the board.
func (mw *mainWindow) selectAllCards() {
	var ids []model.ID
	for _, c := range mw.cardOrder() {
		ids = append(ids, c.ID)
	}
	if len(ids) > 0 {
		mw.selectCards(ids, ids[0])
	}
}

// deleteCards removes cards with their flows as one undoable command.
func (mw *mainWindow) deleteCards(ids []model.ID, label string) {
	sc := mw.doc.current()
	var cmds []model.Command
	for _, id := range ids {
		cmds = append(cmds, model.DeleteContribution(sc.ID, id))
	}
	if len(cmds) == 0 {
		return
	}
	mw.sel.cards = nil
	mw.selected = scene.Target{}
	if !mw.do(model.Batch(label, cmds...)) {
		mw.refresh()
	}
}

// plural picks the command label for one or more cards.
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
