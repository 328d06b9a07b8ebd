package canvas

import (
	"image"
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	fynecanvas "fyne.io/fyne/v2/canvas"

	"valueflow/canvas/scene"
)

// A dashed flow along a gutter, or the experience curve's zero line across
// the board, was one line object per dash: on an L board two thirds of the
// objects of a frame, each one a draw call that a software GL (a laptop
// without a GPU driver, a remote desktop) pays for. A straight run along an
// axis is drawn instead as one raster that paints its own dashes.

// dashRun is one horizontal or vertical dashed run in a pane.
type dashRun struct {
	raster *fynecanvas.Raster
	// What the raster paints, in widget units (the generator converts to
	// pixels); reverse: the pattern runs from the far end.
	col                 color.NRGBA
	dash, gap, phase    float32
	horizontal, reverse bool
	// What the raster last painted with.
	painted bool
	last    struct {
		col                 color.NRGBA
		dash, gap, phase    float32
		horizontal, reverse bool
	}
}

func newDashRun() *dashRun {
	d := &dashRun{}
	d.raster = fynecanvas.NewRaster(d.paint)
	return d
}

// paint draws the dashes across the whole raster, at its pixel size.
func (d *dashRun) paint(w, h int) image.Image {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	length, across, size := w, h, d.raster.Size().Width
	if !d.horizontal {
		length, across, size = h, w, d.raster.Size().Height
	}
	if length <= 0 || across <= 0 || size <= 0 {
		return img
	}
	scale := float32(length) / size // pixels per widget unit
	period := (d.dash + d.gap) * scale
	if period <= 0 {
		return img
	}
	c := d.col
	for i := 0; i < length; i++ {
		at := float32(i) + 0.5
		if d.reverse {
			at = float32(length) - at
		}
		pos := float32(math.Mod(float64(at+d.phase*scale), float64(period)))
		if pos >= d.dash*scale {
			continue
		}
		for j := 0; j < across; j++ {
			if d.horizontal {
				img.SetNRGBA(i, j, c)
			} else {
				img.SetNRGBA(j, i, c)
			}
		}
	}
	return img
}

// dashState walks the dash pattern along a path: on, and how much of the
// current dash or gap is left, in scene units.
type dashState struct {
	dash, gap float32
	on        bool
	left      float32
}

// pos is how far into one period (dash then gap) the walk is.
func (s dashState) pos() float32 {
	if s.on {
		return s.dash - s.left
	}
	return s.dash + s.gap - s.left
}

// advance moves the walk on by length.
func (s *dashState) advance(length float32) {
	period := s.dash + s.gap
	p := float32(math.Mod(float64(s.pos()+length), float64(period)))
	if p < s.dash {
		s.on, s.left = true, s.dash-p
	} else {
		s.on, s.left = false, period-p
	}
}

// minDashRun is the shortest straight run, in dash periods, drawn as one
// raster: shorter ones are a dash or two, as cheap as lines.
const minDashRun = 3

// drawDashRun draws the straight segment a→c of a dashed path as one raster
// when it runs along an axis and is long enough (or short is set), and
// reports whether it did.
// st is the pattern where the segment starts (scene units).
func (r *boardRenderer) drawDashRun(p *pane, sl *slot, a, c scene.Point, st dashState, col scene.Color, width float32, em scene.Emphasis, short bool) bool {
	horizontal := math.Abs(float64(c.Y-a.Y)) < 0.01
	vertical := math.Abs(float64(c.X-a.X)) < 0.01
	if !horizontal && !vertical {
		return false
	}
	length := float32(math.Hypot(float64(c.X-a.X), float64(c.Y-a.Y)))
	if !short && length < minDashRun*(st.dash+st.gap) {
		return false
	}
	// Only the part in view (with a margin) gets pixels: a run across an
	// L board is thousands of pixels long.
	margin := 8 / r.b.zoom
	view := p.view
	lo, hi := a, c
	reverse := false
	if horizontal && a.X > c.X || vertical && a.Y > c.Y {
		lo, hi, reverse = c, a, true
	}
	start := st.pos() // pattern position at a
	if horizontal {
		x0, x1 := max(lo.X, view.X-margin), min(hi.X, view.X+view.W+margin)
		if x1 <= x0 || lo.Y < view.Y-margin || lo.Y > view.Y+view.H+margin {
			return true // nothing of it in view
		}
		if reverse {
			start += hi.X - x1
		} else {
			start += x0 - lo.X
		}
		lo.X, hi.X = x0, x1
	} else {
		y0, y1 := max(lo.Y, view.Y-margin), min(hi.Y, view.Y+view.H+margin)
		if y1 <= y0 || lo.X < view.X-margin || lo.X > view.X+view.W+margin {
			return true
		}
		if reverse {
			start += hi.Y - y1
		} else {
			start += y0 - lo.Y
		}
		lo.Y, hi.Y = y0, y1
	}
	if sl.nd == len(sl.dashes) {
		sl.dashes = append(sl.dashes, r.newDashRun())
	}
	d := sl.dashes[sl.nd]
	sl.nd++
	z := r.b.zoom
	d.col = nrgba(col, em)
	if width < 1 {
		// A raster has whole pixels: a hairline is one pixel, lighter.
		d.col.A = uint8(float32(d.col.A) * width)
		width = 1
	}
	d.dash, d.gap = st.dash*z, st.gap*z
	d.phase = float32(math.Mod(float64(start), float64(st.dash+st.gap))) * z
	d.horizontal, d.reverse = horizontal, reverse
	half := width / 2
	pos := r.at(p, lo)
	end := r.at(p, hi)
	o := d.raster
	if horizontal {
		pos.Y -= half
		o.Move(pos)
		o.Resize(fyne.NewSize(end.X-pos.X, width))
	} else {
		pos.X -= half
		o.Move(pos)
		o.Resize(fyne.NewSize(width, end.Y-pos.Y))
	}
	// A raster paints again when it is resized; a new colour or pattern
	// at the same size needs asking.
	now := d.last
	now.col, now.dash, now.gap, now.phase, now.horizontal, now.reverse = d.col, d.dash, d.gap, d.phase, d.horizontal, d.reverse
	if d.painted && now != d.last {
		o.Refresh()
	}
	d.painted, d.last = true, now
	sl.objects = append(sl.objects, o)
	return true
}

func (r *boardRenderer) newDashRun() *dashRun {
	if n := len(r.freeDashes); n > 0 {
		d := r.freeDashes[n-1]
		r.freeDashes = r.freeDashes[:n-1]
		return d
	}
	return newDashRun()
}

// releaseDashes gives back the dash runs of a slot beyond the first nd.
func (r *boardRenderer) releaseDashes(sl *slot, nd int) {
	r.freeDashes = append(r.freeDashes, sl.dashes[nd:]...)
	sl.dashes = sl.dashes[:nd]
}

// dashedOutline draws a box's outline as four dashed runs, the way the
// exporters dash it (a removed card in a compare board, its legend swatch).
func (r *boardRenderer) dashedOutline(p *pane, sl *slot, bx *scene.Box, em scene.Emphasis) {
	w := bx.StrokeWidth
	st := dashState{dash: 4 + 2*w, gap: 3 + w, on: true, left: 4 + 2*w}
	x0, y0, x1, y1 := bx.X, bx.Y, bx.X+bx.W, bx.Y+bx.H
	width := max(w*r.b.zoom, 0.5)
	for _, edge := range [][2]scene.Point{{{X: x0, Y: y0}, {X: x1, Y: y0}}, {{X: x1, Y: y0}, {X: x1, Y: y1}}, {{X: x1, Y: y1}, {X: x0, Y: y1}}, {{X: x0, Y: y1}, {X: x0, Y: y0}}} {
		if !r.drawDashRun(p, sl, edge[0], edge[1], st, bx.Stroke, width, em, true) {
			r.drawLine(p, sl, edge[0], edge[1], bx.Stroke, width, em)
		}
		st.advance(abs(edge[1].X-edge[0].X) + abs(edge[1].Y-edge[0].Y))
	}
}
