// Package canvas holds the Fyne widgets that draw a scene: the journey board
// and the views next to it. They turn pointer and keyboard input into
// callbacks; the app turns those into model commands.
package canvas

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	fynecanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"valueflow/canvas/scene"
)

// Board draws a scene with zoom and pan. Only the items inside the viewport
// get canvas objects, taken from a pool that is reused on every refresh.
type Board struct {
	widget.BaseWidget

	OnSelect      func(scene.Target)
	OnDoubleTap   func(scene.Target, scene.Point)
	OnContextMenu func(scene.Target, fyne.Position)
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
}

// NewBoard returns an empty board.
func NewBoard() *Board {
	b := &Board{zoom: 1}
	b.ExtendBaseWidget(b)
	return b
}

// Scene returns the scene on the board.
func (b *Board) Scene() *scene.Scene { return b.s }

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
	b.manual = true
	z = float32(math.Max(0.1, math.Min(4, float64(z))))
	size := b.Size()
	cx, cy := b.offset.X+size.Width/2/b.zoom, b.offset.Y+size.Height/2/b.zoom
	b.zoom = z
	b.offset = scene.Point{X: cx - size.Width/2/z, Y: cy - size.Height/2/z}
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

// toScene converts a widget position to a scene point.
func (b *Board) toScene(p fyne.Position) scene.Point {
	return scene.Point{X: b.offset.X + p.X/b.zoom, Y: b.offset.Y + p.Y/b.zoom}
}

func (b *Board) hit(p fyne.Position) scene.Target {
	if b.s == nil {
		return scene.Target{}
	}
	it, _ := b.s.Hit(b.toScene(p))
	return it.Target
}

// FocusGained shows the focus ring: keyboard users see where keys go.
func (b *Board) FocusGained() { b.focused = true; b.Refresh() }

// FocusLost hides the focus ring.
func (b *Board) FocusLost() { b.focused = false; b.Refresh() }

// TypedRune is not used: the board has no text input.
func (b *Board) TypedRune(rune) {}

// TypedKey hands keys to the app.
func (b *Board) TypedKey(e *fyne.KeyEvent) {
	if b.OnTypedKey != nil {
		b.OnTypedKey(e)
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
	if b.OnSelect != nil {
		b.OnSelect(b.hit(e.Position))
	}
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

// Scrolled pans; with Ctrl held it zooms.
func (b *Board) Scrolled(e *fyne.ScrollEvent) {
	if d, ok := fyne.CurrentApp().Driver().(desktop.Driver); ok && d.CurrentKeyModifiers()&fyne.KeyModifierShortcutDefault != 0 {
		if e.Scrolled.DY > 0 {
			b.ZoomIn()
		} else if e.Scrolled.DY < 0 {
			b.ZoomOut()
		}
		return
	}
	b.manual = true
	b.offset.X -= e.Scrolled.DX / b.zoom
	b.offset.Y -= e.Scrolled.DY / b.zoom
	b.clampOffset()
	b.Refresh()
}

// Dragged pans the view.
func (b *Board) Dragged(e *fyne.DragEvent) {
	b.manual = true
	b.offset.X -= e.Dragged.DX / b.zoom
	b.offset.Y -= e.Dragged.DY / b.zoom
	b.clampOffset()
	b.Refresh()
}

// DragEnd ends a pan.
func (b *Board) DragEnd() {}

// MouseIn etc. make the board a desktop.Hoverable so scroll events arrive.
func (b *Board) MouseIn(*desktop.MouseEvent)    {}
func (b *Board) MouseMoved(*desktop.MouseEvent) {}
func (b *Board) MouseOut()                      {}

// MinSize lets the board shrink to any window.
func (b *Board) MinSize() fyne.Size { return fyne.NewSize(200, 150) }

// CreateRenderer makes the board's renderer.
func (b *Board) CreateRenderer() fyne.WidgetRenderer {
	bg := fynecanvas.NewRectangle(color.White)
	ring := fynecanvas.NewRectangle(color.Transparent)
	ring.StrokeWidth = 2
	return &boardRenderer{b: b, bg: bg, ring: ring}
}

type boardRenderer struct {
	b       *Board
	bg      *fynecanvas.Rectangle
	ring    *fynecanvas.Rectangle // keyboard focus
	rects   []*fynecanvas.Rectangle
	texts   []*fynecanvas.Text
	lines   []*fynecanvas.Line
	circles []*fynecanvas.Circle
	objects []fyne.CanvasObject
}

func (r *boardRenderer) Destroy() {}

func (r *boardRenderer) Layout(size fyne.Size) {
	r.bg.Resize(size)
	r.ring.Resize(size)
	if !r.b.manual {
		r.b.zoom = max(r.b.fitZoom(), 0.9)
	}
	r.Refresh()
}

func (r *boardRenderer) MinSize() fyne.Size { return r.b.MinSize() }

func (r *boardRenderer) Objects() []fyne.CanvasObject { return r.objects }

func nrgba(c scene.Color, em scene.Emphasis) color.NRGBA {
	if em == scene.Dimmed {
		return color.NRGBA{c.R, c.G, c.B, uint8(float32(c.A) * 0.25)}
	}
	return color.NRGBA{c.R, c.G, c.B, c.A}
}

// Refresh places pooled objects for the items that are visible now.
func (r *boardRenderer) Refresh() {
	b := r.b
	size := b.Size()
	var nr, nt, nl, nc int
	r.objects = r.objects[:0]
	r.objects = append(r.objects, r.bg)
	if b.s != nil {
		if b.s.Background.A > 0 {
			r.bg.FillColor = nrgba(b.s.Background, scene.Normal)
		}
		view := scene.Rect{X: b.offset.X, Y: b.offset.Y, W: size.Width / b.zoom, H: size.Height / b.zoom}
		z := b.zoom
		pos := func(p scene.Point) fyne.Position {
			return fyne.NewPos((p.X-b.offset.X)*z, (p.Y-b.offset.Y)*z)
		}
		for _, it := range b.s.Items {
			bounds := it.Bounds()
			bounds.X, bounds.Y, bounds.W, bounds.H = bounds.X-2, bounds.Y-2, bounds.W+4, bounds.H+4
			if !bounds.Intersects(view) {
				continue
			}
			switch {
			case it.Box != nil:
				if nr == len(r.rects) {
					r.rects = append(r.rects, fynecanvas.NewRectangle(color.Transparent))
				}
				o := r.rects[nr]
				nr++
				o.FillColor = nrgba(it.Box.Fill, it.Emphasis)
				o.StrokeColor = nrgba(it.Box.Stroke, it.Emphasis)
				o.StrokeWidth = 0
				if it.Box.Stroke.A > 0 {
					o.StrokeWidth = it.Box.StrokeWidth * z
				}
				o.CornerRadius = it.Box.Radius * z
				o.Move(pos(scene.Point{X: it.Box.X, Y: it.Box.Y}))
				o.Resize(fyne.NewSize(it.Box.W*z, it.Box.H*z))
				o.Refresh()
				r.objects = append(r.objects, o)
			case it.Text != nil:
				size := it.Text.Size * z
				if size < 3 {
					continue // unreadable at this zoom: leave it out
				}
				for i, line := range it.Text.Lines {
					if nt == len(r.texts) {
						r.texts = append(r.texts, fynecanvas.NewText("", color.Black))
					}
					o := r.texts[nt]
					nt++
					o.Text = line
					o.TextSize = size
					o.TextStyle = fyne.TextStyle{Bold: it.Text.Bold, Italic: it.Text.Italic}
					o.Color = nrgba(it.Text.Color, it.Emphasis)
					o.Alignment = fyne.TextAlignLeading
					w := it.Text.W * z
					x := it.Text.X
					switch it.Text.Align {
					case scene.AlignCenter:
						o.Alignment = fyne.TextAlignCenter
					case scene.AlignRight:
						o.Alignment = fyne.TextAlignTrailing
					}
					p := pos(scene.Point{X: x, Y: it.Text.Y + float32(i)*it.Text.Size*1.22})
					o.Move(p)
					o.Resize(fyne.NewSize(w, size*1.3))
					o.Refresh()
					r.objects = append(r.objects, o)
				}
			case it.Path != nil:
				pts := it.Path.Points
				for i := 1; i < len(pts); i++ {
					if it.Path.Dashed && i%2 == 0 {
						continue
					}
					r.objects = append(r.objects, r.line(&nl, pos(pts[i-1]), pos(pts[i]), it.Path.Stroke, it.Path.Width*z, it.Emphasis))
				}
				if it.Path.ArrowEnd && len(pts) > 1 {
					a, tip := pts[len(pts)-2], pts[len(pts)-1]
					dx, dy := float64(tip.X-a.X), float64(tip.Y-a.Y)
					l := math.Hypot(dx, dy)
					if l > 0 {
						ux, uy := float32(dx/l), float32(dy/l)
						h := float32(6)
						for _, side := range []float32{1, -1} {
							wing := scene.Point{X: tip.X - ux*h - uy*h*0.6*side, Y: tip.Y - uy*h + ux*h*0.6*side}
							r.objects = append(r.objects, r.line(&nl, pos(wing), pos(tip), it.Path.Stroke, it.Path.Width*z, it.Emphasis))
						}
					}
				}
			case it.Circle != nil:
				if nc == len(r.circles) {
					r.circles = append(r.circles, fynecanvas.NewCircle(color.Transparent))
				}
				o := r.circles[nc]
				nc++
				c := it.Circle
				o.FillColor = nrgba(c.Fill, it.Emphasis)
				o.StrokeColor = nrgba(c.Stroke, it.Emphasis)
				o.StrokeWidth = c.StrokeWidth * z
				o.Position1 = pos(scene.Point{X: c.Center.X - c.Radius, Y: c.Center.Y - c.Radius})
				o.Position2 = pos(scene.Point{X: c.Center.X + c.Radius, Y: c.Center.Y + c.Radius})
				o.Refresh()
				r.objects = append(r.objects, o)
			}
		}
	}
	r.ring.StrokeColor = color.Transparent
	if b.focused {
		r.ring.StrokeColor = color.NRGBA{13, 110, 253, 255}
	}
	r.ring.Resize(size)
	r.objects = append(r.objects, r.ring)
	r.ring.Refresh()
	r.bg.Refresh()
}

func (r *boardRenderer) line(n *int, a, b fyne.Position, c scene.Color, width float32, em scene.Emphasis) fyne.CanvasObject {
	if *n == len(r.lines) {
		r.lines = append(r.lines, fynecanvas.NewLine(color.Black))
	}
	o := r.lines[*n]
	*n++
	o.Position1, o.Position2 = a, b
	o.StrokeColor = nrgba(c, em)
	o.StrokeWidth = max(width, 0.5)
	o.Refresh()
	return o
}
