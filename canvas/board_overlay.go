package canvas

import (
	"fyne.io/fyne/v2"

	"valueflow/canvas/scene"
)

// Colours of the board's own marks: the scene's selection blue, and grey
// where a drop would do nothing.
var (
	overlayBlue = scene.Color{R: 13, G: 110, B: 253, A: 255}
	overlayGrey = scene.Color{R: 134, G: 142, B: 150, A: 255}
	overlayTint = scene.Color{R: 13, G: 110, B: 253, A: 40}
	overlayHalo = scene.Color{R: 13, G: 110, B: 253, A: 18}
	overlayPale = scene.Color{R: 255, G: 255, B: 255, A: 170}
)

// overlay draws what belongs to the screen and not to the map, over the
// scene: the other cards of a multi-selection, the keyboard cursor on a
// cell, the band of a selection drag, a header being dragged with the
// place it would go, and the flow being made by keyboard. Exports never
// show these; the scene stays as printed.
func (r *boardRenderer) overlay() {
	b := r.b
	g := b.geom
	if g == nil {
		return
	}
	for _, id := range b.marked {
		if c, ok := g.CardRect(id); ok {
			r.frame(c, overlayBlue, 2.2, 5, scene.Color{}, true)
		}
	}
	if b.cursor.step != "" && b.cursor.lane != "" {
		if c, ok := g.CellRect(b.cursor.step, b.cursor.lane); ok {
			r.frame(scene.Rect{X: c.X + 3, Y: c.Y + 3, W: c.W - 6, H: c.H - 6}, overlayBlue, 2, 4, overlayHalo, true)
		}
	}
	d := b.drag
	switch d.mode {
	case dragBand:
		r.frame(b.bandRect(), overlayBlue, 1, 0, overlayTint, true)
	case dragStep:
		if h, ok := g.StepHeaderRect(d.header); ok {
			r.frame(scene.Rect{X: d.at.X - d.grab.X, Y: h.Y, W: h.W, H: h.H}, ink(d.valid), 2, 4, overlayPale, false)
		}
		if d.valid {
			p, _ := b.widgetRect(scene.Rect{X: g.StepEdge(d.slot), Y: g.GridBottom()})
			r.bar(fyne.NewPos(p.X-1.5, 0), fyne.NewSize(3, b.Size().Height))
		}
	case dragLane:
		if h, ok := g.LaneHeaderRect(d.header); ok {
			r.frame(scene.Rect{X: h.X, Y: d.at.Y - d.grab.Y, W: h.W, H: h.H}, ink(d.valid), 2, 4, overlayPale, false)
		}
		if d.valid {
			p, _ := b.widgetRect(scene.Rect{X: g.GridRight(), Y: g.LaneEdge(d.slot)})
			r.bar(fyne.NewPos(0, p.Y-1.5), fyne.NewSize(b.Size().Width, 3))
		}
	}
	if p := b.pick; p.on {
		from, ok := g.CardRect(p.from)
		if !ok {
			return
		}
		start := scene.Point{X: from.X + from.W, Y: from.Y + from.H/2}
		end := scene.Point{X: start.X + 40, Y: start.Y}
		if to, ok := g.CardRect(p.to); ok {
			r.frame(to, overlayBlue, 2.2, 5, scene.Color{}, true)
			end = scene.Point{X: to.X, Y: to.Y + to.H/2}
			if to.X+to.W/2 < from.X+from.W/2 {
				end.X = to.X + to.W
			}
		}
		r.path(&scene.Path{Points: []scene.Point{start, end}, Stroke: ink(p.to != ""), Width: 2, ArrowEnd: true, Dashed: true}, scene.Normal)
	}
}

func ink(valid bool) scene.Color {
	if valid {
		return overlayBlue
	}
	return overlayGrey
}

// frame draws a scene rectangle with a stroke in pixels. The marks are not
// clipped by a pane, so frame cuts them itself: at the board's edge and,
// for what lies in the cells (inCells), at the fixed header bands the
// cells pass under. One wholly cut away gets no object.
func (r *boardRenderer) frame(rect scene.Rect, stroke scene.Color, width, radius float32, fill scene.Color, inCells bool) {
	b := r.b
	pos, size := b.widgetRect(rect)
	lo := fyne.Position{}
	if inCells {
		left, top := b.bands()
		lo = fyne.NewPos(left*b.zoom, top*b.zoom)
	}
	view := b.Size()
	x0, y0 := max(pos.X, lo.X), max(pos.Y, lo.Y)
	x1, y1 := min(pos.X+size.Width, view.Width), min(pos.Y+size.Height, view.Height)
	if x1 <= x0 || y1 <= y0 {
		return
	}
	o := r.rect()
	o.FillColor = nrgba(fill, scene.Normal)
	o.StrokeColor = nrgba(stroke, scene.Normal)
	o.StrokeWidth = width
	o.CornerRadius = radius * b.zoom
	o.Move(fyne.NewPos(x0, y0))
	o.Resize(fyne.NewSize(x1-x0, y1-y0))
}

// bar draws a filled blue bar in widget coordinates: a drop marker.
func (r *boardRenderer) bar(pos fyne.Position, size fyne.Size) {
	o := r.rect()
	o.FillColor = nrgba(overlayBlue, scene.Normal)
	o.StrokeColor = nrgba(scene.Color{}, scene.Normal)
	o.StrokeWidth = 0
	o.CornerRadius = 1.5
	o.Move(pos)
	o.Resize(size)
}
