// Package canvas holds the Fyne widgets that draw a scene: the journey board
// and the views next to it. They turn pointer and keyboard input into
// callbacks; the app turns those into model commands.
package canvas

import (
	"math"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"valueflow/canvas/scene"
	"valueflow/model"
)

// Board draws a scene with zoom and pan. Only the items inside the viewport
// get canvas objects, taken from a pool that is reused on every refresh.
//
// Pointer gestures (board_gesture.go): a click selects, Shift+click adds a
// card to the selection or takes it out, a double click edits; dragging a
// card moves it, dragging from its right edge (the handle) to another card
// makes a flow, dragging a step or lane header reorders, Shift+drag on
// empty space draws a selection band, and a plain drag on empty space, a
// middle-button drag or a drag with Space held pans.
type Board struct {
	widget.BaseWidget

	OnSelect      func(scene.Target)
	OnDoubleTap   func(scene.Target, scene.Point)
	OnContextMenu func(scene.Target, fyne.Position)
	// OnMoveCard is called when a card is dragged into another cell;
	// without it, dragging a card pans like dragging empty space.
	OnMoveCard func(card, step, stakeholder model.ID)
	// OnConnect is called when a drag starts on a card's right edge (its
	// handle) and ends on another card, or when a flow target picked with
	// PickFlowTarget is confirmed: the app adds a flow.
	OnConnect func(from, to model.ID)
	// OnMoveStep and OnMoveStakeholder are called when a step header or a
	// lane header is dropped at another place; to is its index after the
	// move (as model.MoveStep takes it). Without them a header drag pans.
	OnMoveStep        func(step model.ID, to int)
	OnMoveStakeholder func(stakeholder model.ID, to int)
	// OnToggleSelect is called for a Shift+click on a card: the app adds it
	// to the selection, or takes it out.
	OnToggleSelect func(scene.Target)
	// OnSelectArea is called when a Shift+drag selection band is let go,
	// with the cards it touched in reading order (maybe none).
	OnSelectArea func(cards []model.ID)
	// OnSelectCell is called for a click (or a right click, before
	// OnContextMenu) on an empty place in a cell: the keyboard cursor goes
	// there. Without it such a click selects nothing.
	OnSelectCell func(step, stakeholder model.ID)
	// OnPickCancel is called when choosing a flow target by keyboard
	// (PickFlowTarget) ends without a flow.
	OnPickCancel func()
	// OnDelete is asked to remove the selection (the Delete key), when the
	// app does not take the keys itself through OnTypedKey.
	OnDelete func(scene.Target)
	// OnTypedKey gets the keys typed while the board has the focus (arrows,
	// Tab, Enter, Delete, Escape): the app moves the selection with them.
	OnTypedKey func(*fyne.KeyEvent)
	// OnTypedRune gets the characters typed while the board has the focus
	// (a letter as the keyboard layout writes it, Shift included): the app
	// gives some of them a meaning. Space is not passed on (it pans).
	OnTypedRune func(rune)

	s      *scene.Scene
	zoom   float32
	offset scene.Point // scene point at the top-left corner of the widget
	// manual is set once the user zoomed or panned; until then the board
	// opens readable at the top left, at most at 100 %.
	manual  bool
	focused bool

	geom     *scene.BoardGeometry
	drag     dragState
	selected scene.Target
	// marked are the other cards of a multi-selection, drawn selected.
	marked []model.ID
	// cursor is the empty cell the keyboard is on (no card selected).
	cursor struct{ step, lane model.ID }
	pick   pickState
	input  inputState
}

// dragState is the gesture in progress between the first Dragged and DragEnd.
type dragState struct {
	mode   dragMode
	card   model.ID    // the card moved or connected
	header model.ID    // the step or lane whose header is dragged
	grab   scene.Point // pointer offset inside the card or header when the drag began
	from   scene.Point // where a selection band began
	at     scene.Point // the pointer now, in scene units
	slot   int         // the boundary a dragged header would be dropped at
	valid  bool        // the pointer is over a place where the drop does something
}

type dragMode uint8

const (
	dragNone dragMode = iota
	dragPan
	dragMove
	dragConnect
	dragStep
	dragLane
	dragBand
)

// handleWidth is the strip on a card's right edge where a drag makes a flow.
const handleWidth = 12

// NewBoard returns an empty board.
func NewBoard() *Board {
	b := &Board{zoom: 1}
	b.ExtendBaseWidget(b)
	return b
}

// Scene returns the scene on the board.
func (b *Board) Scene() *scene.Scene { return b.s }

// SetBoard shows a journey board: its scene and the geometry that turns
// drags into cells and cards (scene.BoardLayout returns both).
func (b *Board) SetBoard(s *scene.Scene, g *scene.BoardGeometry) {
	b.geom = g
	b.SetScene(s)
}

// Geometry returns the board geometry set with SetBoard, or nil.
func (b *Board) Geometry() *scene.BoardGeometry { return b.geom }

// SetScene shows another scene, keeping zoom and position.
func (b *Board) SetScene(s *scene.Scene) {
	b.s = s
	b.clampOffset()
	b.Refresh()
}

// Zoom returns the current zoom factor (1 = 100 %).
func (b *Board) Zoom() float32 { return b.zoom }

// SetZoom zooms around the centre of the viewport.
func (b *Board) SetZoom(z float32) {
	size := b.Size()
	b.zoomAround(z, fyne.NewPos(size.Width/2, size.Height/2))
}

// zoomAround zooms keeping the scene point under p (a widget position) in place.
func (b *Board) zoomAround(z float32, p fyne.Position) {
	b.manual = true
	z = float32(math.Max(0.05, math.Min(4, float64(z))))
	anchor := scene.Point{X: b.offset.X + p.X/b.zoom, Y: b.offset.Y + p.Y/b.zoom}
	b.zoom = z
	b.offset = scene.Point{X: anchor.X - p.X/z, Y: anchor.Y - p.Y/z}
	b.clampOffset()
	b.Refresh()
}

// ZoomIn enlarges by a step.
func (b *Board) ZoomIn() { b.SetZoom(b.zoom * 1.25) }

// ZoomOut shrinks by a step.
func (b *Board) ZoomOut() { b.SetZoom(b.zoom / 1.25) }

// ZoomFit shows the whole scene, at most at 100 %.
func (b *Board) ZoomFit() {
	b.manual = true
	b.zoom = b.fitZoom()
	b.offset = scene.Point{}
	b.Refresh()
}

func (b *Board) fitZoom() float32 {
	size := b.Size()
	if b.s == nil || size.Width <= 0 || b.s.Width <= 0 || b.s.Height <= 0 {
		return 1
	}
	return float32(math.Min(1, math.Min(float64(size.Width/b.s.Width), float64(size.Height/b.s.Height))))
}

func (b *Board) clampOffset() {
	if b.s == nil {
		return
	}
	size := b.Size()
	maxX := b.s.Width - size.Width/b.zoom
	maxY := b.s.Height - size.Height/b.zoom
	b.offset.X = float32(math.Max(0, math.Min(float64(b.offset.X), float64(maxX))))
	b.offset.Y = float32(math.Max(0, math.Min(float64(b.offset.Y), float64(maxY))))
}

// CanvasRect returns where a scene rectangle is drawn now, in the window's
// canvas coordinates (for an editor laid over a card).
func (b *Board) CanvasRect(r scene.Rect) (fyne.Position, fyne.Size) {
	origin := fyne.CurrentApp().Driver().AbsolutePositionForObject(b)
	pos, size := b.widgetRect(r)
	return origin.Add(pos), size
}

// toScene converts a widget position to the scene point drawn there (in a
// fixed header band, the band's own).
func (b *Board) toScene(p fyne.Position) scene.Point { return b.scenePoint(p) }

// hit finds the element under a widget position, topmost first. A path
// counts only near its line, not anywhere in its bounding box: a flow
// across the board would otherwise catch every click on the cells it spans.
func (b *Board) hit(p fyne.Position) scene.Target {
	if b.s == nil {
		return scene.Target{}
	}
	q := b.toScene(p)
	reach := 5 / b.zoom // five pixels, whatever the zoom
	for i := len(b.s.Items) - 1; i >= 0; i-- {
		it := &b.s.Items[i]
		if it.Target.ID == "" && it.Target.Kind == model.EntityMap {
			continue
		}
		if it.Path != nil {
			if nearPath(it.Path.Points, q, reach+it.Path.Width/2) {
				return it.Target
			}
			continue
		}
		if it.Bounds().Contains(q) {
			return it.Target
		}
	}
	return scene.Target{}
}

// nearPath reports whether q is within d of the polyline pts.
func nearPath(pts []scene.Point, q scene.Point, d float32) bool {
	for i := 1; i < len(pts); i++ {
		a, c := pts[i-1], pts[i]
		if q.X < min(a.X, c.X)-d || q.X > max(a.X, c.X)+d || q.Y < min(a.Y, c.Y)-d || q.Y > max(a.Y, c.Y)+d {
			continue
		}
		dx, dy := c.X-a.X, c.Y-a.Y
		t := float32(0)
		if l := dx*dx + dy*dy; l > 0 {
			t = max(0, min(1, ((q.X-a.X)*dx+(q.Y-a.Y)*dy)/l))
		}
		ex, ey := a.X+t*dx-q.X, a.Y+t*dy-q.Y
		if ex*ex+ey*ey <= d*d {
			return true
		}
	}
	return false
}

// FocusGained shows the focus ring: keyboard users see where keys go.
func (b *Board) FocusGained() { b.focused = true; b.Refresh() }

// FocusLost hides the focus ring. The keys held are forgotten: their
// release goes to whatever has the focus now.
func (b *Board) FocusLost() {
	b.focused = false
	b.input.shift, b.input.ctrl, b.input.super, b.input.space = false, false, false, false
	b.Refresh()
}

// TypedRune hands a typed character to the app (OnTypedRune); the board
// has no text input of its own. While a flow target is being picked the
// characters are ignored.
func (b *Board) TypedRune(r rune) {
	if r == ' ' || b.pick.on || b.OnTypedRune == nil {
		return
	}
	b.OnTypedRune(r)
}

// TypedKey hands keys to the app (OnTypedKey). Without that hook the
// board handles them itself: the arrows move the selection to the
// neighbouring card (OnSelect), Delete asks OnDelete to remove the
// selection, Escape clears it. While a flow target is being picked
// (PickFlowTarget) the board keeps the arrows, Enter and Escape.
func (b *Board) TypedKey(e *fyne.KeyEvent) {
	if b.pick.on && b.pickKey(e) {
		return
	}
	if e.Name == fyne.KeySpace {
		return // held to pan (KeyDown), not a command
	}
	if b.OnTypedKey != nil {
		b.OnTypedKey(e)
		return
	}
	switch e.Name {
	case fyne.KeyEscape:
		b.choose(scene.Target{})
	case fyne.KeyDelete, fyne.KeyBackspace:
		if b.OnDelete != nil && b.selected.ID != "" {
			b.OnDelete(b.selected)
		}
	case fyne.KeyLeft, fyne.KeyRight, fyne.KeyUp, fyne.KeyDown:
		d := arrows[e.Name]
		if b.selected.Kind != model.EntityContribution {
			return
		}
		if id, ok := b.geom.Neighbour(b.selected.ID, d[0], d[1]); ok {
			b.choose(scene.Target{Kind: model.EntityContribution, ID: id})
			if r, ok := b.geom.CardRect(id); ok {
				b.ShowRect(r)
			}
		}
	}
}

var arrows = map[fyne.KeyName][2]int{fyne.KeyLeft: {-1, 0}, fyne.KeyRight: {1, 0}, fyne.KeyUp: {0, -1}, fyne.KeyDown: {0, 1}}

// KeyDown keeps track of Shift (Shift+click, Shift+drag, Shift+Tab),
// Ctrl and Cmd (Ctrl+wheel zooms) and Space (Space+drag pans) while the
// board has the focus; the desktop driver sends it before TypedKey.
func (b *Board) KeyDown(e *fyne.KeyEvent) {
	b.holdKey(e.Name, true)
}

// KeyUp forgets a key KeyDown noted.
func (b *Board) KeyUp(e *fyne.KeyEvent) {
	b.holdKey(e.Name, false)
}

func (b *Board) holdKey(key fyne.KeyName, down bool) {
	switch key {
	case desktop.KeyShiftLeft, desktop.KeyShiftRight:
		b.input.shift = down
	case desktop.KeyControlLeft, desktop.KeyControlRight:
		b.input.ctrl = down
	case desktop.KeySuperLeft, desktop.KeySuperRight:
		b.input.super = down
	case fyne.KeySpace:
		b.input.space = down
	}
}

// Modifiers returns the modifier keys held now, as far as the board can
// tell: the desktop driver's, the Shift, Ctrl and Cmd seen by KeyDown, and
// those of the mouse button press that began the current gesture.
func (b *Board) Modifiers() fyne.KeyModifier {
	m := b.input.pressMods
	if b.input.shift {
		m |= fyne.KeyModifierShift
	}
	if b.input.ctrl {
		m |= fyne.KeyModifierControl
	}
	if b.input.super {
		m |= fyne.KeyModifierSuper
	}
	if d, ok := fyne.CurrentApp().Driver().(desktop.Driver); ok {
		m |= d.CurrentKeyModifiers()
	}
	return m
}

// Selected returns what the board last selected or was told is selected.
func (b *Board) Selected() scene.Target { return b.selected }

// Select tells the board what is selected (the app may select from
// elsewhere: the inspector, an insight), so the arrow keys start there.
func (b *Board) Select(t scene.Target) { b.selected = t }

// SetMarked tells the board the other cards of a multi-selection: it draws
// them selected too. Ids of cards no longer on the board are skipped.
func (b *Board) SetMarked(cards []model.ID) {
	if slices.Equal(b.marked, cards) {
		return // the app tells the board on every refresh
	}
	b.marked = append(b.marked[:0], cards...)
	b.Refresh()
}

// Marked returns the cards set with SetMarked.
func (b *Board) Marked() []model.ID { return b.marked }

// SetCursorCell shows the keyboard cursor on a cell (an empty one, or a
// place to add a card); empty ids hide it.
func (b *Board) SetCursorCell(step, stakeholder model.ID) {
	if b.cursor.step == step && b.cursor.lane == stakeholder {
		return
	}
	b.cursor.step, b.cursor.lane = step, stakeholder
	b.Refresh()
}

// CursorCell returns the cell set with SetCursorCell.
func (b *Board) CursorCell() (step, stakeholder model.ID) { return b.cursor.step, b.cursor.lane }

func (b *Board) choose(t scene.Target) {
	b.selected = t
	if b.OnSelect != nil {
		b.OnSelect(t)
	}
}

// AcceptsTab keeps Tab on the board, where it moves to the next card; the
// app lets it out with LeaveFocus.
func (b *Board) AcceptsTab() bool { return true }

// LeaveFocus moves the keyboard focus to the next control after the board
// in the window (the inspector), or with backward to the one before it:
// Tab past the last card and Shift+Tab before the first leave the board.
func (b *Board) LeaveFocus(backward bool) {
	c := fyne.CurrentApp().Driver().CanvasForObject(b)
	if c == nil {
		return
	}
	if backward {
		c.FocusPrevious()
	} else {
		c.FocusNext()
	}
}

// ShowRect scrolls so that r (in scene units) is in view, with a margin,
// clear of the fixed header bands. A header inside a fixed band is always
// in view along that band's axis.
func (b *Board) ShowRect(r scene.Rect) {
	size := b.Size()
	left, top := b.bands()
	const margin = 24
	show := func(off *float32, pos, length, band, view float32) {
		if band > 0 && pos+length <= band {
			return
		}
		if pos < *off+band+margin || pos+length > *off+view-margin {
			*off = pos - band - (view-band)/3
		}
	}
	show(&b.offset.X, r.X, r.W, left, size.Width/b.zoom)
	show(&b.offset.Y, r.Y, r.H, top, size.Height/b.zoom)
	b.manual = true
	b.clampOffset()
	b.Refresh()
}

// InView reports whether r (in scene units) is wholly in view, not hidden
// under a fixed header band.
func (b *Board) InView(r scene.Rect) bool {
	size := b.Size()
	left, top := b.bands()
	in := func(off, pos, length, band, view float32) bool {
		if band > 0 && pos+length <= band {
			return true
		}
		return pos >= off+band && pos+length <= off+view
	}
	return in(b.offset.X, r.X, r.W, left, size.Width/b.zoom) && in(b.offset.Y, r.Y, r.H, top, size.Height/b.zoom)
}

func (b *Board) requestFocus() {
	if c := fyne.CurrentApp().Driver().CanvasForObject(b); c != nil && c.Focused() != b {
		c.Focus(b)
	}
}

// MinSize lets the board shrink to any window.
func (b *Board) MinSize() fyne.Size { return fyne.NewSize(200, 150) }
