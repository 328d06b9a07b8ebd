package canvas

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"valueflow/canvas/scene"
	"valueflow/model"
)

// inputState is what the board knows of the keys and the mouse button
// held: the desktop driver tells a widget through KeyDown, KeyUp and
// MouseDown, before the tap or drag those keys change.
type inputState struct {
	shift, space bool
	// ctrl and super are Ctrl and Super (Cmd) held, as KeyDown saw them.
	ctrl, super bool
	// pressButton and pressMods are those of the button press that began
	// the gesture in progress; a tap or a drag end uses them up.
	pressButton desktop.MouseButton
	pressMods   fyne.KeyModifier
}

// pickState is a flow being made by keyboard: from the card it starts at
// to the card the arrows have reached.
type pickState struct {
	on       bool
	from, to model.ID
}

// MouseDown notes the button and the modifiers of a press: a middle-button
// drag pans, a Shift+click toggles a card in the selection. The board
// takes the keyboard focus, so Space and Shift reach it.
func (b *Board) MouseDown(e *desktop.MouseEvent) {
	b.input.pressButton, b.input.pressMods = e.Button, e.Modifier
	b.requestFocus()
}

// MouseUp ends nothing by itself: the tap or DragEnd that follows does.
func (b *Board) MouseUp(*desktop.MouseEvent) {}

// MouseIn etc. make the board a desktop.Hoverable so scroll events arrive.
func (b *Board) MouseIn(*desktop.MouseEvent)    {}
func (b *Board) MouseMoved(*desktop.MouseEvent) {}
func (b *Board) MouseOut()                      {}

// takePress returns the modifiers of the gesture ending now and forgets the
// press, so a later gesture without a MouseDown (a test, a touch screen)
// does not inherit them.
func (b *Board) takePress() fyne.KeyModifier {
	m := b.Modifiers()
	b.input.pressButton, b.input.pressMods = 0, 0
	return m
}

// hitTarget is hit as a click means it: the tinted band of a lane behind
// the cells is an empty place in a cell, not the lane (the lane is its
// header), so a click there selects nothing and a double click adds a card.
func (b *Board) hitTarget(p fyne.Position) scene.Target {
	t := b.hit(p)
	if t.Kind == model.EntityStakeholder && b.s != nil && b.toScene(p).X >= b.s.LeftBand {
		return scene.Target{}
	}
	return t
}

// emptyCell returns the cell under p when nothing is drawn there but the lane.
func (b *Board) emptyCell(p fyne.Position, t scene.Target) (step, lane model.ID, ok bool) {
	if t.ID != "" {
		return "", "", false
	}
	return b.geom.CellAt(b.toScene(p))
}

// Tapped selects the element under the pointer; on an empty place in a
// cell it puts the keyboard cursor there (OnSelectCell). With Shift held
// a card is added to or taken out of the selection (OnToggleSelect). While
// a flow target is being picked, a click on a card makes the flow and a
// click anywhere else cancels.
func (b *Board) Tapped(e *fyne.PointEvent) {
	mods := b.takePress()
	b.requestFocus()
	t := b.hitTarget(e.Position)
	if b.pick.on {
		if t.Kind == model.EntityContribution && t.ID != b.pick.from {
			b.pick.to = t.ID
			b.finishPick()
		} else {
			b.CancelPick()
		}
		return
	}
	if mods&fyne.KeyModifierShift != 0 && t.Kind == model.EntityContribution && b.OnToggleSelect != nil {
		b.OnToggleSelect(t)
		return
	}
	if step, lane, ok := b.emptyCell(e.Position, t); ok && b.OnSelectCell != nil {
		b.selected = scene.Target{}
		b.OnSelectCell(step, lane)
		return
	}
	b.choose(t)
}

// DoubleTapped reports the element, or the empty place, under the pointer.
func (b *Board) DoubleTapped(e *fyne.PointEvent) {
	b.takePress()
	if b.pick.on {
		b.CancelPick()
	}
	if b.OnDoubleTap != nil {
		b.OnDoubleTap(b.hitTarget(e.Position), b.toScene(e.Position))
	}
}

// TappedSecondary opens the context menu of the element under the pointer;
// on an empty place in a cell the cursor goes there first, so the menu's
// "add card here" knows where.
func (b *Board) TappedSecondary(e *fyne.PointEvent) {
	b.takePress()
	if b.pick.on {
		b.CancelPick()
	}
	t := b.hitTarget(e.Position)
	if step, lane, ok := b.emptyCell(e.Position, t); ok && b.OnSelectCell != nil {
		b.selected = scene.Target{}
		b.OnSelectCell(step, lane)
	}
	if b.OnContextMenu != nil {
		b.OnContextMenu(t, e.AbsolutePosition)
	}
}

// Scrolled pans; with Ctrl (Cmd on macOS) held it zooms around the pointer.
func (b *Board) Scrolled(e *fyne.ScrollEvent) {
	if b.Modifiers()&(fyne.KeyModifierShortcutDefault|fyne.KeyModifierControl) != 0 {
		switch {
		case e.Scrolled.DY > 0:
			b.zoomAround(b.zoom*1.15, e.Position)
		case e.Scrolled.DY < 0:
			b.zoomAround(b.zoom/1.15, e.Position)
		}
		return
	}
	b.pan(e.Scrolled.DX, e.Scrolled.DY)
}

func (b *Board) pan(dx, dy float32) {
	b.manual = true
	b.offset.X -= dx / b.zoom
	b.offset.Y -= dy / b.zoom
	b.clampOffset()
	b.Refresh()
}

// Dragged moves a card, draws a new flow from a card's right edge, moves a
// header, draws a selection band or pans: what the drag started on (and
// the button and keys held then) decides, once, at its first event.
func (b *Board) Dragged(e *fyne.DragEvent) {
	if b.drag.mode == dragNone {
		if b.pick.on {
			b.CancelPick()
		}
		b.drag = b.startDrag(b.toScene(e.Position.Subtract(e.Dragged)), b.Modifiers())
	}
	if b.drag.mode == dragPan {
		b.pan(e.Dragged.DX, e.Dragged.DY)
		return
	}
	b.drag.at = b.toScene(e.Position)
	switch b.drag.mode {
	case dragStep:
		b.drag.slot = b.geom.StepSlot(b.drag.at.X)
		b.drag.valid = b.headerDestination() >= 0
	case dragLane:
		b.drag.slot = b.geom.LaneSlot(b.drag.at.Y)
		b.drag.valid = b.headerDestination() >= 0
	case dragBand:
		b.drag.valid = len(b.geom.CardsIn(b.bandRect())) > 0
	default:
		b.drag.valid = b.dropTarget() != ""
	}
	b.Refresh()
}

func (b *Board) startDrag(p scene.Point, mods fyne.KeyModifier) dragState {
	if b.input.pressButton == desktop.MouseButtonTertiary || b.input.space || b.geom == nil {
		return dragState{mode: dragPan}
	}
	if id, ok := b.geom.CardAt(p); ok {
		r, _ := b.geom.CardRect(id)
		grab := scene.Point{X: p.X - r.X, Y: p.Y - r.Y}
		switch {
		case b.OnConnect != nil && p.X >= r.X+r.W-handleWidth:
			return dragState{mode: dragConnect, card: id, grab: grab, at: p}
		case b.OnMoveCard != nil:
			return dragState{mode: dragMove, card: id, grab: grab, at: p}
		}
		return dragState{mode: dragPan}
	}
	if h, ok := b.geom.HeaderAt(p); ok {
		switch {
		case h.Kind == model.EntityStep && b.OnMoveStep != nil:
			r, _ := b.geom.StepHeaderRect(h.ID)
			return dragState{mode: dragStep, header: h.ID, grab: scene.Point{X: p.X - r.X, Y: p.Y - r.Y}, at: p, slot: -1}
		case h.Kind == model.EntityStakeholder && b.OnMoveStakeholder != nil:
			r, _ := b.geom.LaneHeaderRect(h.ID)
			return dragState{mode: dragLane, header: h.ID, grab: scene.Point{X: p.X - r.X, Y: p.Y - r.Y}, at: p, slot: -1}
		}
	}
	if mods&fyne.KeyModifierShift != 0 && b.OnSelectArea != nil {
		return dragState{mode: dragBand, from: p, at: p}
	}
	return dragState{mode: dragPan}
}

// bandRect is the selection band from where the drag began to the pointer.
func (b *Board) bandRect() scene.Rect {
	a, c := b.drag.from, b.drag.at
	return scene.Rect{X: min(a.X, c.X), Y: min(a.Y, c.Y), W: abs(c.X - a.X), H: abs(c.Y - a.Y)}
}

// headerDestination is the index a dragged header would have after the
// drop (what model.MoveStep and model.MoveStakeholder take), or -1 when the
// drop leaves it where it is.
func (b *Board) headerDestination() int {
	ids := b.geom.Steps()
	if b.drag.mode == dragLane {
		ids = b.geom.Stakeholders()
	}
	from := -1
	for i, id := range ids {
		if id == b.drag.header {
			from = i
		}
	}
	slot := b.drag.slot
	if from < 0 || slot < 0 || slot == from || slot == from+1 {
		return -1
	}
	if slot > from {
		return slot - 1
	}
	return slot
}

// dropTarget names where the drag would land now: the other card of a new
// flow, or the step of a new cell for a moved card; "" when nowhere.
func (b *Board) dropTarget() model.ID {
	switch b.drag.mode {
	case dragConnect:
		if to, ok := b.geom.CardAt(b.drag.at); ok && to != b.drag.card {
			return to
		}
	case dragMove:
		step, sh, ok := b.geom.CellAt(b.drag.at)
		if !ok {
			return ""
		}
		if cs, csh, ok := b.geom.CardCell(b.drag.card); ok && cs == step && csh == sh {
			return ""
		}
		return step
	}
	return ""
}

// DragEnd drops what was dragged: a card into its new cell, a flow onto its
// other card, a header at its new place, or the band's cards into the
// selection. A drop where it does nothing changes nothing.
func (b *Board) DragEnd() {
	b.takePress()
	d := b.drag
	var act func()
	switch d.mode {
	case dragMove:
		if b.dropTarget() != "" {
			step, sh, _ := b.geom.CellAt(d.at)
			act = func() { b.OnMoveCard(d.card, step, sh) }
		}
	case dragConnect:
		if to := b.dropTarget(); to != "" {
			act = func() { b.OnConnect(d.card, to) }
		}
	case dragStep:
		if to := b.headerDestination(); to >= 0 {
			act = func() { b.OnMoveStep(d.header, to) }
		}
	case dragLane:
		if to := b.headerDestination(); to >= 0 {
			act = func() { b.OnMoveStakeholder(d.header, to) }
		}
	case dragBand:
		cards := b.geom.CardsIn(b.bandRect())
		act = func() { b.OnSelectArea(cards) }
	}
	b.drag = dragState{}
	if act != nil {
		act()
	}
	b.Refresh()
}

// PickFlowTarget starts making a flow from card by keyboard: the arrow keys
// move the choice of the card it goes to (it starts at the nearest card to
// the right, or below), Enter or a click on a card makes the flow
// (OnConnect), Escape or a click elsewhere cancels (OnPickCancel). It
// reports false when card is not on the board.
func (b *Board) PickFlowTarget(card model.ID) bool {
	if _, ok := b.geom.CardRect(card); !ok || b.OnConnect == nil {
		return false
	}
	b.pick = pickState{on: true, from: card}
	for _, d := range [][2]int{{1, 0}, {0, 1}, {0, -1}, {-1, 0}} {
		if id, ok := b.geom.Neighbour(card, d[0], d[1]); ok {
			b.pick.to = id
			break
		}
	}
	b.showPick()
	b.requestFocus()
	return true
}

// Picking reports whether a flow target is being chosen, and which so far.
func (b *Board) Picking() (from, to model.ID, ok bool) {
	return b.pick.from, b.pick.to, b.pick.on
}

// CancelPick stops choosing a flow target without making a flow.
func (b *Board) CancelPick() {
	if !b.pick.on {
		return
	}
	b.pick = pickState{}
	b.Refresh()
	if b.OnPickCancel != nil {
		b.OnPickCancel()
	}
}

func (b *Board) finishPick() {
	p := b.pick
	b.pick = pickState{}
	b.Refresh()
	if p.to != "" && p.to != p.from {
		b.OnConnect(p.from, p.to)
	} else if b.OnPickCancel != nil {
		b.OnPickCancel()
	}
}

// pickKey handles a key while a flow target is being picked; it reports
// whether the key was used.
func (b *Board) pickKey(e *fyne.KeyEvent) bool {
	switch e.Name {
	case fyne.KeyEscape:
		b.CancelPick()
	case fyne.KeyReturn, fyne.KeyEnter:
		b.finishPick()
	case fyne.KeyLeft, fyne.KeyRight, fyne.KeyUp, fyne.KeyDown:
		d := arrows[e.Name]
		at := b.pick.to
		if at == "" {
			at = b.pick.from
		}
		if id, ok := b.geom.Neighbour(at, d[0], d[1]); ok {
			if id == b.pick.from {
				// Step over the card the flow starts at.
				if next, ok := b.geom.Neighbour(id, d[0], d[1]); ok {
					id = next
				} else {
					return true
				}
			}
			b.pick.to = id
			b.showPick()
		}
	default:
		return false
	}
	return true
}

func (b *Board) showPick() {
	if r, ok := b.geom.CardRect(b.pick.to); ok && !b.InView(r) {
		b.ShowRect(r)
		return
	}
	b.Refresh()
}
