package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"valueflow/canvas/scene"
	"valueflow/model"
)

// editInPlace opens a text field over what was double-clicked: a card's
// value, a step's or a lane's name, a flow's label, or, on an empty cell,
// the value of a new card there. Enter applies it as one command; a click elsewhere cancels.
func (mw *mainWindow) editInPlace(t scene.Target, at scene.Point) {
	if mw.readOnly() {
		return
	}
	m, sc := mw.doc.m(), mw.doc.current()
	var text string
	var apply func(string) model.Command
	var rect scene.Rect
	var added model.ID // the new card, selected once it is on the board
	switch t.Kind {
	case model.EntityContribution:
		c := sc.Contribution(t.ID)
		if c == nil {
			return
		}
		text = c.Value
		apply = func(v string) model.Command {
			n := *c
			n.Value = v
			return model.UpdateContribution(sc.ID, n)
		}
	case model.EntityStep:
		st := sc.Step(t.ID)
		if st == nil {
			return
		}
		text = st.Name
		apply = func(v string) model.Command {
			n := *st
			n.Name = v
			return model.UpdateStep(sc.ID, n)
		}
	case model.EntityStakeholder:
		sh := m.Stakeholder(t.ID)
		if sh == nil {
			return
		}
		text = sh.Name
		apply = func(v string) model.Command {
			n := *sh
			n.Name = v
			return model.UpdateStakeholder(n)
		}
	case model.EntityMap:
		step, lane, ok := mw.board.Geometry().CellAt(at)
		if !ok {
			mw.addCardDialog()
			return
		}
		rect = scene.Rect{X: at.X - 80, Y: at.Y - 14, W: 160, H: 28}
		apply = func(v string) model.Command {
			added = m.NewID("c")
			return model.AddContribution(sc.ID, model.Contribution{ID: added, Step: step, Stakeholder: lane, Value: v, Role: model.RoleContributes})
		}
	case model.EntityFlow:
		f := sc.Flow(t.ID)
		if f == nil {
			return
		}
		text = f.Label
		apply = func(v string) model.Command {
			n := *f
			n.Label = v
			return model.UpdateFlow(sc.ID, n)
		}
		rect = mw.flowLabelRect(t.ID)
	default:
		return // relationships and the rest are edited in the inspector
	}
	if rect.W == 0 {
		rect = mw.targetRect(t)
	}
	entry := widget.NewEntry()
	entry.SetText(text)
	switch {
	case t.Kind == model.EntityFlow:
		entry.SetPlaceHolder(T("What goes across, e.g. discharge letter"))
	case text == "":
		entry.SetPlaceHolder(T("What value does this stakeholder add here?"))
	}
	c := mw.win.Canvas()
	pop := widget.NewPopUp(entry, c)
	entry.OnSubmitted = func(v string) {
		// The entry lets go of the keys before the pop-up closes: Fyne
		// drops a closed pop-up's focus manager without telling the entry
		// focused in it, and an entry that believes it has the keys blinks
		// its cursor, repainting the whole window every frame, until the
		// app quits.
		c.Unfocus()
		pop.Hide()
		// The keys go back to the board, where the keyboard user was.
		c.Focus(mw.board)
		if v != text && mw.do(apply(v)) && added != "" {
			// Selected, the new card is where the next key starts from
			// (Ctrl+Shift+F draws a flow from it).
			mw.selectAndShow(added)
		}
	}
	pos, size := mw.board.CanvasRect(rect)
	pop.ShowAtPosition(pos)
	pop.Resize(fyne.NewSize(max(size.Width, 220), entry.MinSize().Height))
	c.Focus(entry)
	// Typing goes on after the text, as in a spreadsheet cell.
	entry.CursorColumn = len([]rune(text))
	entry.Refresh()
}

// targetRect is the first box drawn for an element: its card, header or lane.
func (mw *mainWindow) targetRect(t scene.Target) scene.Rect {
	if t.Kind == model.EntityContribution {
		if r, ok := mw.board.Geometry().CardRect(t.ID); ok {
			return r
		}
	}
	for _, it := range mw.scene.Items {
		if it.Target == t && it.Box != nil {
			r := it.Box.Rect
			if t.Kind == model.EntityStakeholder {
				r.W = 160 // the lane header, not the whole lane
			}
			return r
		}
	}
	return scene.Rect{}
}

// flowLabelRect is where a flow's label is drawn, or, for a flow whose
// label is not drawn (it has none, or no place clear of the cards), a
// field's room around the middle of its line.
func (mw *mainWindow) flowLabelRect(id model.ID) scene.Rect {
	t := scene.Target{Kind: model.EntityFlow, ID: id}
	var line []scene.Point
	for _, it := range mw.scene.Items {
		if it.Target != t {
			continue
		}
		if it.Box != nil {
			return it.Box.Rect
		}
		if it.Path != nil && line == nil {
			line = it.Path.Points
		}
	}
	if len(line) == 0 {
		return scene.Rect{}
	}
	mid := line[len(line)/2]
	return scene.Rect{X: mid.X - 80, Y: mid.Y - 14, W: 160, H: 28}
}
