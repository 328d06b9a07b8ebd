package app

import (
	"image/color"
	"math"
	"sync"

	"fyne.io/fyne/v2"
	fynecanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"valueflow/canvas"
	"valueflow/canvas/scene"
	"valueflow/model"
)

// sceneCanvas shows a scene of the network, grid or roles view. The board
// widget draws it (only the items in view, from objects it reuses), so a
// tap or a dragged node redraws in milliseconds; the views used to
// rasterise the whole scene at 144 dpi on every change, which took seconds
// and 1.6 GB on an L map. A transparent layer on top takes the pointer:
// taps select, a drag on a draggable item moves it, any other drag pans
// and the wheel scrolls (with Ctrl, zooms) as on the board.
type sceneCanvas struct {
	widget.BaseWidget
	board *canvas.Board
	input *sceneInput
	sc    *scene.Scene

	onTap func(scene.Target)
	// canDrag says which items a drag moves; onDrag follows such a drag
	// from where it began to the pointer now, onDrop ends it there.
	canDrag        func(scene.Target) bool
	onDrag, onDrop func(t scene.Target, from, to scene.Point)

	drag struct {
		on, item bool
		target   scene.Target
		from, to scene.Point
	}
	// pending, when set, counts background work that will set a scene.
	pending *sync.WaitGroup
}

// wait returns once the background work that sets a scene is done (tests).
func (v *sceneCanvas) wait() {
	if v.pending != nil {
		v.pending.Wait()
	}
}

// Tapped, Dragged and DragEnd take the gesture as the pointer layer does.
func (v *sceneCanvas) Tapped(e *fyne.PointEvent) { v.input.Tapped(e) }
func (v *sceneCanvas) Dragged(e *fyne.DragEvent) { v.input.Dragged(e) }
func (v *sceneCanvas) DragEnd()                  { v.input.DragEnd() }

func newSceneCanvas(onTap func(scene.Target)) *sceneCanvas {
	v := &sceneCanvas{board: canvas.NewBoard(), onTap: onTap}
	v.input = &sceneInput{v: v}
	v.input.ExtendBaseWidget(v.input)
	// A scene with frozen bands (the roles' names and step headers) is
	// tapped through the board, which knows where the bands are drawn.
	v.board.OnSelect = func(t scene.Target) {
		if v.onTap != nil {
			v.onTap(t)
		}
	}
	v.ExtendBaseWidget(v)
	return v
}

func (v *sceneCanvas) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(v.board, v.input))
}

// setScene shows s, keeping zoom and position; call it on the UI goroutine.
func (v *sceneCanvas) setScene(s *scene.Scene) {
	v.sc = s
	v.board.SetScene(s)
}

// Scene returns the scene on the screen.
func (v *sceneCanvas) Scene() *scene.Scene { return v.sc }

// toScene is the scene point under a position on the widget (for scenes
// without frozen bands, where the board draws point p at (p-offset)·zoom).
func (v *sceneCanvas) toScene(p fyne.Position) scene.Point {
	z := v.board.Zoom()
	origin := fyne.Position{}
	if d := fyne.CurrentApp().Driver(); d != nil {
		at, _ := v.board.CanvasRect(scene.Rect{})
		origin = at.Subtract(d.AbsolutePositionForObject(v.board))
	}
	return scene.Point{X: (p.X - origin.X) / z, Y: (p.Y - origin.Y) / z}
}

func (v *sceneCanvas) banded() bool {
	return v.sc != nil && (v.sc.LeftBand > 0 || v.sc.TopBand > 0)
}

// hit returns the topmost item with a target at p: a line only near it, a
// closed outline inside it, anything else inside its bounds.
func (v *sceneCanvas) hit(p scene.Point) (scene.Target, bool) {
	if v.sc == nil {
		return scene.Target{}, false
	}
	reach := 5 / v.board.Zoom()
	for i := len(v.sc.Items) - 1; i >= 0; i-- {
		it := &v.sc.Items[i]
		if it.Target.ID == "" {
			continue
		}
		if ph := it.Path; ph != nil {
			if ph.Closed && ph.Fill.A > 0 && insidePolygon(p, ph.Points) || nearLine(ph.Points, p, reach+ph.Width/2) {
				return it.Target, true
			}
			continue
		}
		if it.Bounds().Contains(p) {
			return it.Target, true
		}
	}
	return scene.Target{}, false
}

func nearLine(pts []scene.Point, q scene.Point, d float32) bool {
	for i := 1; i < len(pts); i++ {
		a, c := pts[i-1], pts[i]
		dx, dy := c.X-a.X, c.Y-a.Y
		t := float32(0)
		if l := dx*dx + dy*dy; l > 0 {
			t = max(0, min(1, ((q.X-a.X)*dx+(q.Y-a.Y)*dy)/l))
		}
		if float32(math.Hypot(float64(a.X+t*dx-q.X), float64(a.Y+t*dy-q.Y))) <= d {
			return true
		}
	}
	return false
}

func insidePolygon(p scene.Point, poly []scene.Point) bool {
	in := false
	for i, j := 0, len(poly)-1; i < len(poly); j, i = i, i+1 {
		a, b := poly[i], poly[j]
		if (a.Y > p.Y) != (b.Y > p.Y) && p.X < (b.X-a.X)*(p.Y-a.Y)/(b.Y-a.Y)+a.X {
			in = !in
		}
	}
	return in
}

// sceneInput is the layer over the board that takes the pointer.
type sceneInput struct {
	widget.BaseWidget
	v *sceneCanvas
}

func (in *sceneInput) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(fynecanvas.NewRectangle(color.Transparent))
}

// Tapped selects what is under the pointer (nothing on empty space).
func (in *sceneInput) Tapped(e *fyne.PointEvent) {
	v := in.v
	if v.banded() {
		v.board.Tapped(e)
		return
	}
	t, _ := v.hit(v.toScene(e.Position))
	if v.onTap != nil {
		v.onTap(t)
	}
}

// Dragged moves a draggable item, or pans.
func (in *sceneInput) Dragged(e *fyne.DragEvent) {
	v := in.v
	if !v.drag.on {
		v.drag.on, v.drag.item = true, false
		if !v.banded() && v.canDrag != nil {
			start := v.toScene(e.Position.Subtract(e.Dragged))
			if t, ok := v.hit(start); ok && v.canDrag(t) {
				v.drag.item, v.drag.target, v.drag.from = true, t, start
			}
		}
	}
	if !v.drag.item {
		v.board.Dragged(e)
		return
	}
	v.drag.to = v.toScene(e.Position)
	if v.onDrag != nil {
		v.onDrag(v.drag.target, v.drag.from, v.drag.to)
	}
}

// DragEnd drops the dragged item, or ends the pan.
func (in *sceneInput) DragEnd() {
	v := in.v
	if !v.drag.on {
		return
	}
	v.drag.on = false
	if !v.drag.item {
		v.board.DragEnd()
		return
	}
	if v.onDrop != nil {
		v.onDrop(v.drag.target, v.drag.from, v.drag.to)
	}
}

// Scrolled pans; with Ctrl held it zooms around the pointer.
func (in *sceneInput) Scrolled(e *fyne.ScrollEvent) { in.v.board.Scrolled(e) }

// MouseIn etc. make the layer hoverable, so scroll events arrive.
func (in *sceneInput) MouseIn(*desktop.MouseEvent)    {}
func (in *sceneInput) MouseMoved(*desktop.MouseEvent) {}
func (in *sceneInput) MouseOut()                      {}

// stakeholderTarget is the kind of target a node or a grid dot has.
func stakeholderTarget(t scene.Target) bool { return t.Kind == model.EntityStakeholder }
