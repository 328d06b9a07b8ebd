// Package canvas holds the Fyne widgets that draw a scene: the journey board
// and the views next to it. They turn pointer and keyboard input into
// callbacks; the app turns those into model commands.
package canvas

import (
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"valueflow/canvas/scene"
	"valueflow/model"
)

// Board draws a scene with zoom and pan. Only the items inside the viewport
// get canvas objects, taken from a pool that is reused on every refresh.
type Board struct {
	widget.BaseWidget

	OnSelect      func(scene.Target)
	OnDoubleTap   func(scene.Target, scene.Point)
	OnContextMenu func(scene.Target, fyne.Position)
	// OnMoveCard is called when a card is dragged into another cell;
	// without it, dragging a card pans like dragging empty space.
	OnMoveCard func(card, step, stakeholder model.ID)
	// OnConnect is called when a drag starts on a card's right edge (its
	// handle) and ends on another card: the app adds a flow.
	OnConnect func(from, to model.ID)
	// OnDelete is asked to remove the selection (the Delete key), when the
	// app does not take the keys itself through OnTypedKey.
	OnDelete func(scene.Target)
	// OnTypedKey gets the keys typed while the board has the focus (arrows,
	// Tab, Enter, Delete, Escape): the app moves the selection with them.
	OnTypedKey func(*fyne.KeyEvent)

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
}

// dragState is the gesture in progress between the first Dragged and DragEnd.
type dragState struct {
	mode  dragMode
	card  model.ID
	grab  scene.Point // pointer offset inside the card when the drag began
	at    scene.Point // the pointer now, in scene units
	valid bool        // the pointer is over a place where the drop does something
}

type dragMode uint8

const (
	dragNone dragMode = iota
	dragPan
	dragMove
	dragConnect
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
	anchor := b.toScene(p)
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
	pos := fyne.NewPos(origin.X+(r.X-b.offset.X)*b.zoom, origin.Y+(r.Y-b.offset.Y)*b.zoom)
	return pos, fyne.NewSize(r.W*b.zoom, r.H*b.zoom)
}

// toScene converts a widget position to a scene point.
func (b *Board) toScene(p fyne.Position) scene.Point {
	return scene.Point{X: b.offset.X + p.X/b.zoom, Y: b.offset.Y + p.Y/b.zoom}
}

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

// FocusLost hides the focus ring.
func (b *Board) FocusLost() { b.focused = false; b.Refresh() }

// TypedRune is not used: the board has no text input.
func (b *Board) TypedRune(rune) {}

// TypedKey hands keys to the app (OnTypedKey). Without that hook the
// board handles them itself: the arrows move the selection to the
// neighbouring card (OnSelect), Delete asks OnDelete to remove the
// selection, Escape clears it.
func (b *Board) TypedKey(e *fyne.KeyEvent) {
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

// Selected returns what the board last selected or was told is selected.
func (b *Board) Selected() scene.Target { return b.selected }

// Select tells the board what is selected (the app may select from
// elsewhere: the inspector, an insight), so the arrow keys start there.
func (b *Board) Select(t scene.Target) { b.selected = t }

func (b *Board) choose(t scene.Target) {
	b.selected = t
	if b.OnSelect != nil {
		b.OnSelect(t)
	}
}

// AcceptsTab keeps Tab on the board, where it moves to the next card.
func (b *Board) AcceptsTab() bool { return true }

// ShowRect scrolls so that r (in scene units) is in view, with a margin.
func (b *Board) ShowRect(r scene.Rect) {
	size := b.Size()
	viewW, viewH := size.Width/b.zoom, size.Height/b.zoom
	const margin = 24
	if r.X < b.offset.X+margin || r.X+r.W > b.offset.X+viewW-margin {
		b.offset.X = r.X - viewW/3
	}
	if r.Y < b.offset.Y+margin || r.Y+r.H > b.offset.Y+viewH-margin {
		b.offset.Y = r.Y - viewH/3
	}
	b.manual = true
	b.clampOffset()
	b.Refresh()
}

func (b *Board) requestFocus() {
	if c := fyne.CurrentApp().Driver().CanvasForObject(b); c != nil {
		c.Focus(b)
	}
}

// Tapped selects the element under the pointer (nothing on empty space).
func (b *Board) Tapped(e *fyne.PointEvent) {
	b.requestFocus()
	b.choose(b.hit(e.Position))
}

// DoubleTapped reports the element, or the empty place, under the pointer.
func (b *Board) DoubleTapped(e *fyne.PointEvent) {
	if b.OnDoubleTap != nil {
		b.OnDoubleTap(b.hit(e.Position), b.toScene(e.Position))
	}
}

// TappedSecondary opens the context menu of the element under the pointer.
func (b *Board) TappedSecondary(e *fyne.PointEvent) {
	if b.OnContextMenu != nil {
		b.OnContextMenu(b.hit(e.Position), e.AbsolutePosition)
	}
}

// Scrolled pans; with Ctrl (Cmd on macOS) held it zooms around the pointer.
func (b *Board) Scrolled(e *fyne.ScrollEvent) {
	if d, ok := fyne.CurrentApp().Driver().(desktop.Driver); ok && d.CurrentKeyModifiers()&(fyne.KeyModifierShortcutDefault|fyne.KeyModifierControl) != 0 {
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

// Dragged moves a card, draws a new flow from a card's right edge, or pans:
// what the drag started on decides, once, at its first event.
func (b *Board) Dragged(e *fyne.DragEvent) {
	if b.drag.mode == dragNone {
		b.drag = b.startDrag(b.toScene(e.Position.Subtract(e.Dragged)))
	}
	if b.drag.mode == dragPan {
		b.pan(e.Dragged.DX, e.Dragged.DY)
		return
	}
	b.drag.at = b.toScene(e.Position)
	b.drag.valid = b.dropTarget() != ""
	b.Refresh()
}

func (b *Board) startDrag(p scene.Point) dragState {
	if b.geom == nil {
		return dragState{mode: dragPan}
	}
	id, ok := b.geom.CardAt(p)
	if !ok {
		return dragState{mode: dragPan}
	}
	r, _ := b.geom.CardRect(id)
	switch {
	case b.OnConnect != nil && p.X >= r.X+r.W-handleWidth:
		return dragState{mode: dragConnect, card: id, grab: scene.Point{X: p.X - r.X, Y: p.Y - r.Y}, at: p}
	case b.OnMoveCard != nil:
		return dragState{mode: dragMove, card: id, grab: scene.Point{X: p.X - r.X, Y: p.Y - r.Y}, at: p}
	}
	return dragState{mode: dragPan}
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

// DragEnd drops a moved card into its new cell or connects two cards.
func (b *Board) DragEnd() {
	d := b.drag
	b.drag = dragState{}
	switch d.mode {
	case dragMove:
		b.drag = d
		if b.dropTarget() != "" {
			step, sh, _ := b.geom.CellAt(d.at)
			b.drag = dragState{}
			b.OnMoveCard(d.card, step, sh)
		}
	case dragConnect:
		b.drag = d
		if to := b.dropTarget(); to != "" {
			b.drag = dragState{}
			b.OnConnect(d.card, to)
		}
	}
	b.drag = dragState{}
	b.Refresh()
}

// MouseIn etc. make the board a desktop.Hoverable so scroll events arrive.
func (b *Board) MouseIn(*desktop.MouseEvent)    {}
func (b *Board) MouseMoved(*desktop.MouseEvent) {}
func (b *Board) MouseOut()                      {}

// MinSize lets the board shrink to any window.
func (b *Board) MinSize() fyne.Size { return fyne.NewSize(200, 150) }
