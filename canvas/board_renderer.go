package canvas

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	fynecanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"

	"valueflow/canvas/scene"
)

// CreateRenderer makes the board's renderer.
func (b *Board) CreateRenderer() fyne.WidgetRenderer {
	r := &boardRenderer{
		b:     b,
		bg:    fynecanvas.NewRectangle(color.White),
		ring:  fynecanvas.NewRectangle(color.Transparent),
		ghost: fynecanvas.NewRectangle(color.Transparent),
	}
	r.ring.StrokeWidth = 2
	r.ghost.StrokeWidth = 2
	r.ghost.CornerRadius = 5
	return r
}

// boardRenderer draws the visible part of a scene with canvas objects from
// pools (like fyne-io/terminal's cells): a refresh reuses the objects of the
// last one, and an item outside the viewport gets none, so a pan or a zoom
// on an L map touches a few hundred objects, not tens of thousands.
type boardRenderer struct {
	b       *Board
	bg      *fynecanvas.Rectangle
	ring    *fynecanvas.Rectangle // keyboard focus
	ghost   *fynecanvas.Rectangle // the card being dragged
	rects   []*fynecanvas.Rectangle
	texts   []*fynecanvas.Text
	lines   []*fynecanvas.Line
	circles []*fynecanvas.Circle
	objects []fyne.CanvasObject

	nr, nt, nl, nc int // pool entries used by the refresh in progress
	visible        int // scene items drawn by the last refresh
	view           scene.Rect
	pts            []scene.Point
}

func (r *boardRenderer) Destroy() {}

func (r *boardRenderer) Layout(size fyne.Size) {
	r.bg.Resize(size)
	r.ring.Resize(size)
	if !r.b.manual {
		// Opens readable: at least 90 %, and larger with a larger text
		// size in the theme (Fyne's text scale), so the board follows it.
		r.b.zoom = max(r.b.fitZoom(), 0.9) * textScale()
	}
	r.Refresh()
}

func (r *boardRenderer) MinSize() fyne.Size { return r.b.MinSize() }

func (r *boardRenderer) Objects() []fyne.CanvasObject { return r.objects }

// Line pitch and baseline as the exporters use them, so a card's lines sit
// where they sit on paper.
const textLineHeight = 1.2

// overviewZoom is the zoom below which the board is an overview: card text
// is too small to read and flows are drawn faint.
const overviewZoom = 0.35

// nrgba converts a scene colour; a dimmed item fades toward the paper the
// way the exporters fade it, so the focus looks the same on screen and print.
func nrgba(c scene.Color, em scene.Emphasis) color.NRGBA {
	if em == scene.Dimmed {
		mix := func(a uint8) uint8 { return uint8((int(a)*35 + 255*65) / 100) }
		return color.NRGBA{mix(c.R), mix(c.G), mix(c.B), c.A}
	}
	return color.NRGBA{c.R, c.G, c.B, c.A}
}

// Refresh places pooled objects for the items that are visible now.
func (r *boardRenderer) Refresh() {
	b := r.b
	size := b.Size()
	r.nr, r.nt, r.nl, r.nc, r.visible = 0, 0, 0, 0, 0
	r.objects = append(r.objects[:0], r.bg)
	if s := b.s; s != nil {
		if s.Background.A > 0 {
			r.bg.FillColor = nrgba(s.Background, scene.Normal)
		}
		view := scene.Rect{X: b.offset.X, Y: b.offset.Y, W: size.Width / b.zoom, H: size.Height / b.zoom}
		r.view = view
		for i := range s.Items {
			it := &s.Items[i]
			bounds := it.Bounds()
			// Strokes and arrow heads reach a little beyond the bounds.
			bounds = scene.Rect{X: bounds.X - 6, Y: bounds.Y - 6, W: bounds.W + 12, H: bounds.H + 12}
			if !bounds.Intersects(view) {
				continue
			}
			r.visible++
			switch {
			case it.Box != nil:
				r.box(it.Box, it.Emphasis)
			case it.Text != nil:
				r.text(it.Text, it.Emphasis, view)
			case it.Path != nil:
				r.path(it.Path, it.Emphasis)
			case it.Circle != nil:
				r.circle(it.Circle, it.Emphasis)
			}
		}
		r.dragFeedback()
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

func (r *boardRenderer) pos(p scene.Point) fyne.Position {
	b := r.b
	return fyne.NewPos((p.X-b.offset.X)*b.zoom, (p.Y-b.offset.Y)*b.zoom)
}

func (r *boardRenderer) rect() *fynecanvas.Rectangle {
	if r.nr == len(r.rects) {
		r.rects = append(r.rects, fynecanvas.NewRectangle(color.Transparent))
	}
	o := r.rects[r.nr]
	r.nr++
	r.objects = append(r.objects, o)
	return o
}

func (r *boardRenderer) box(bx *scene.Box, em scene.Emphasis) {
	z := r.b.zoom
	o := r.rect()
	o.FillColor = nrgba(bx.Fill, em)
	o.StrokeColor = nrgba(bx.Stroke, em)
	o.StrokeWidth = 0
	if bx.Stroke.A > 0 {
		o.StrokeWidth = max(bx.StrokeWidth*z, 0.5)
	}
	o.CornerRadius = bx.Radius * z
	o.Move(r.pos(scene.Point{X: bx.X, Y: bx.Y}))
	o.Resize(fyne.NewSize(bx.W*z, bx.H*z))
	o.Refresh()
}

func (r *boardRenderer) text(t *scene.Text, em scene.Emphasis, view scene.Rect) {
	z := r.b.zoom
	size := t.Size * z
	if size < 3 {
		return // unreadable at this zoom: leave it out
	}
	for i, line := range t.Lines {
		if line == "" {
			continue
		}
		y := t.Y + float32(i)*t.Size*textLineHeight
		if y > view.Y+view.H || y+t.Size*textLineHeight < view.Y {
			continue
		}
		if r.nt == len(r.texts) {
			r.texts = append(r.texts, fynecanvas.NewText("", color.Black))
		}
		o := r.texts[r.nt]
		r.nt++
		o.Text = line
		o.TextSize = size
		o.TextStyle = fyne.TextStyle{Bold: t.Bold, Italic: t.Italic}
		o.Color = nrgba(t.Color, em)
		switch t.Align {
		case scene.AlignCenter:
			o.Alignment = fyne.TextAlignCenter
		case scene.AlignRight:
			o.Alignment = fyne.TextAlignTrailing
		default:
			o.Alignment = fyne.TextAlignLeading
		}
		o.Move(r.pos(scene.Point{X: t.X, Y: y}))
		o.Resize(fyne.NewSize(t.W*z, size*textLineHeight))
		o.Refresh()
		r.objects = append(r.objects, o)
	}
}

func (r *boardRenderer) circle(c *scene.Circle, em scene.Emphasis) {
	z := r.b.zoom
	if r.nc == len(r.circles) {
		r.circles = append(r.circles, fynecanvas.NewCircle(color.Transparent))
	}
	o := r.circles[r.nc]
	r.nc++
	o.FillColor = nrgba(c.Fill, em)
	o.StrokeColor = nrgba(c.Stroke, em)
	o.StrokeWidth = c.StrokeWidth * z
	o.Position1 = r.pos(scene.Point{X: c.Center.X - c.Radius, Y: c.Center.Y - c.Radius})
	o.Position2 = r.pos(scene.Point{X: c.Center.X + c.Radius, Y: c.Center.Y + c.Radius})
	o.Refresh()
	r.objects = append(r.objects, o)
}

// path draws a polyline, a smooth curve (Catmull-Rom through the points,
// as the exporters draw it) or a dashed line, with its arrow head.
func (r *boardRenderer) path(p *scene.Path, em scene.Emphasis) {
	pts := p.Points
	if p.Smooth && len(pts) > 2 {
		r.pts = catmullRom(r.pts[:0], pts, 8)
		pts = r.pts
	}
	if len(pts) < 2 {
		return
	}
	z := r.b.zoom
	width := max(p.Width*z, 0.6)
	stroke, arrow := p.Stroke, p.ArrowEnd
	if z < overviewZoom && p.ArrowEnd {
		// Zoomed out, hundreds of flows would hide the cards: they fade to
		// a texture that shows where the dependencies are, without heads.
		stroke.A = uint8(float32(stroke.A) * 0.35)
		arrow = false
	}
	if p.Dashed {
		// Dashes measured along the whole path, in scene units, so they
		// keep their rhythm across the segments of a curve.
		dash, gap := 4+2*p.Width, 3+p.Width
		on, left := true, dash
		for i := 1; i < len(pts); i++ {
			a, c := pts[i-1], pts[i]
			seg := float32(math.Hypot(float64(c.X-a.X), float64(c.Y-a.Y)))
			for seg > 0 {
				step := min(left, seg)
				t := step / seg
				m := scene.Point{X: a.X + (c.X-a.X)*t, Y: a.Y + (c.Y-a.Y)*t}
				if on {
					r.line(a, m, stroke, width, em)
				}
				a, seg, left = m, seg-step, left-step
				if left <= 0 {
					on = !on
					left = dash
					if !on {
						left = gap
					}
				}
			}
		}
	} else {
		for i := 1; i < len(pts); i++ {
			r.line(pts[i-1], pts[i], stroke, width, em)
		}
	}
	if arrow {
		a, tip := pts[len(pts)-2], pts[len(pts)-1]
		dx, dy := float64(tip.X-a.X), float64(tip.Y-a.Y)
		if l := math.Hypot(dx, dy); l > 0 {
			ux, uy := float32(dx/l), float32(dy/l)
			h := 5 + 1.5*p.Width
			for _, side := range []float32{1, -1} {
				wing := scene.Point{X: tip.X - ux*h - uy*h*0.55*side, Y: tip.Y - uy*h + ux*h*0.55*side}
				r.line(wing, tip, p.Stroke, width, em)
			}
		}
	}
}

func (r *boardRenderer) line(a, c scene.Point, col scene.Color, width float32, em scene.Emphasis) {
	// A long path (a lane rule, a flow across the board) is mostly off
	// screen: only its visible segments get objects.
	seg := scene.Rect{X: min(a.X, c.X) - 1, Y: min(a.Y, c.Y) - 1, W: abs(c.X-a.X) + 2, H: abs(c.Y-a.Y) + 2}
	if !seg.Intersects(r.view) {
		return
	}
	if r.nl == len(r.lines) {
		r.lines = append(r.lines, fynecanvas.NewLine(color.Black))
	}
	o := r.lines[r.nl]
	r.nl++
	o.Position1, o.Position2 = r.pos(a), r.pos(c)
	o.StrokeColor = nrgba(col, em)
	o.StrokeWidth = width
	o.Refresh()
	r.objects = append(r.objects, o)
}

// dragFeedback shows the card under the pointer while it is moved, or the
// wire of a new flow: blue where a drop does something, grey where not.
func (r *boardRenderer) dragFeedback() {
	d := r.b.drag
	if d.mode != dragMove && d.mode != dragConnect {
		return
	}
	card, ok := r.b.geom.CardRect(d.card)
	if !ok {
		return
	}
	ink := scene.Color{R: 134, G: 142, B: 150, A: 255}
	if d.valid {
		ink = scene.Color{R: 13, G: 110, B: 253, A: 255}
	}
	z := r.b.zoom
	if d.mode == dragMove {
		r.ghost.FillColor = color.NRGBA{255, 255, 255, 170}
		r.ghost.StrokeColor = nrgba(ink, scene.Normal)
		r.ghost.Move(r.pos(scene.Point{X: d.at.X - d.grab.X, Y: d.at.Y - d.grab.Y}))
		r.ghost.Resize(fyne.NewSize(card.W*z, card.H*z))
		r.ghost.Refresh()
		r.objects = append(r.objects, r.ghost)
		return
	}
	from := scene.Point{X: card.X + card.W, Y: card.Y + card.H/2}
	r.path(&scene.Path{Points: []scene.Point{from, d.at}, Stroke: ink, Width: 2, ArrowEnd: true}, scene.Normal)
}

// catmullRom samples a Catmull-Rom spline through pts, n points per span.
func catmullRom(out, pts []scene.Point, n int) []scene.Point {
	at := func(i int) scene.Point { return pts[max(0, min(len(pts)-1, i))] }
	out = append(out, pts[0])
	for i := 0; i < len(pts)-1; i++ {
		p0, p1, p2, p3 := at(i-1), at(i), at(i+1), at(i+2)
		for k := 1; k <= n; k++ {
			t := float32(k) / float32(n)
			t2, t3 := t*t, t*t*t
			f := func(a, b, c, d float32) float32 {
				return 0.5 * (2*b + (-a+c)*t + (2*a-5*b+4*c-d)*t2 + (-a+3*b-3*c+d)*t3)
			}
			out = append(out, scene.Point{X: f(p0.X, p1.X, p2.X, p3.X), Y: f(p0.Y, p1.Y, p2.Y, p3.Y)})
		}
	}
	return out
}

func abs(v float32) float32 {
	if v < 0 {
		return -v
	}
	return v
}

// textScale is the theme's text size against Fyne's default of 14.
func textScale() float32 {
	return max(theme.TextSize()/14, 0.5)
}
