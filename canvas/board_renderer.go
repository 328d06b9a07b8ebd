package canvas

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	fynecanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"

	"valueflow/canvas/scene"
	"valueflow/model"
)

// CreateRenderer makes the board's renderer.
func (b *Board) CreateRenderer() fyne.WidgetRenderer {
	r := &boardRenderer{
		b:     b,
		bg:    fynecanvas.NewRectangle(color.White),
		ring:  fynecanvas.NewRectangle(color.Transparent),
		ghost: fynecanvas.NewRectangle(color.Transparent),
		edgeX: fynecanvas.NewLine(color.Transparent),
		edgeY: fynecanvas.NewLine(color.Transparent),
		slots: map[slotKey]*slot{},
	}
	r.ring.StrokeWidth = 2
	r.ghost.StrokeWidth = 2
	r.ghost.CornerRadius = 5
	r.ghost.Hidden = true
	r.objects = []fyne.CanvasObject{r.bg}
	for i := range r.panes {
		p := &pane{box: container.NewWithoutLayout()}
		p.clip = container.NewClip(p.box)
		r.panes[i] = p
		r.objects = append(r.objects, p.clip)
	}
	r.over = &pane{box: container.NewWithoutLayout()}
	r.objects = append(r.objects, r.edgeX, r.edgeY, r.over.box, r.ghost, r.ring)
	return r
}

// boardRenderer draws the visible part of a scene (like fyne-io/terminal's
// cells). Every scene item that is in view owns pooled canvas objects, found
// by the item's model id, so a refresh after a pan or an edit finds the
// same objects with the same text and only moves them; an item that leaves
// the view gives its objects back to the pool. Nothing outside the viewport
// gets an object, so a pan or a zoom on an L map touches a few hundred
// objects, not tens of thousands; zoomed out below overviewZoom the board is
// an overview of plain shapes.
//
// The lane names and the step headers stay in place while the cells pan:
// the board is drawn in four clipped panes (cells, the top band, the left
// band and their corner), each showing its part of the scene with the
// offset along the axes it scrolls on.
type boardRenderer struct {
	b            *Board
	bg           *fynecanvas.Rectangle
	ring         *fynecanvas.Rectangle // keyboard focus
	ghost        *fynecanvas.Rectangle // the card being dragged
	edgeX, edgeY *fynecanvas.Line      // where cells pass under a fixed band
	panes        [paneCount]*pane
	over         *pane // drag feedback above the panes, in widget coordinates
	overSlot     slot  // its objects
	overRects    []*fynecanvas.Rectangle
	nor          int        // overRects used by the refresh in progress
	view         scene.Rect // the scene in the widget (as if no band were fixed)
	left, top    float32    // the fixed bands now (Board.bands)
	objects      []fyne.CanvasObject

	// The pool: every object made (rects … circles) and those free now.
	rects       []*fynecanvas.Rectangle
	texts       []*fynecanvas.Text
	lines       []*fynecanvas.Line
	circles     []*fynecanvas.Circle
	freeRects   []*fynecanvas.Rectangle
	freeTexts   []*fynecanvas.Text
	freeLines   []*fynecanvas.Line
	freeCircles []*fynecanvas.Circle
	freeDashes  []*dashRun

	slots   map[slotKey]*slot
	gen     uint32
	keys    []itemKey    // per scene item, for keysOf
	bounds  []scene.Rect // per scene item, with the reach of strokes
	keysOf  *scene.Scene
	visible int // scene items drawn by the last refresh
	pts     []scene.Point
	simple  []scene.Point

	size    fyne.Size // as last laid out
	laidOut bool
	// A refresh runs at once; refreshes asked for while the main loop has
	// not come round yet (a burst of scroll events) are folded into one.
	pending, again bool
}

// The panes, in drawing order.
const (
	paneCells = iota
	paneTop
	paneLeft
	paneCorner
	paneCount
)

// pane is one clipped region of the board.
type pane struct {
	clip   *container.Clip
	box    *fyne.Container
	objs   []fyne.CanvasObject
	origin fyne.Position // top-left corner in the widget
	size   fyne.Size
	shift  scene.Point // the scene point drawn at the widget's top-left corner
	view   scene.Rect  // the part of the scene the pane shows
}

// itemKey names a scene item across layouts: its model element and its
// place among that element's items (a card's box, its text, its badge…).
type itemKey struct {
	target scene.Target
	n      int32
}

type slotKey struct {
	item itemKey
	pane uint8
}

// slot holds the objects of one item in one pane.
type slot struct {
	gen     uint32
	rect    *fynecanvas.Rectangle
	circle  *fynecanvas.Circle
	texts   []*fynecanvas.Text
	lines   []*fynecanvas.Line
	dashes  []*dashRun
	nt, nl  int // texts and lines used by the refresh in progress
	nd      int // dash runs used by the refresh in progress
	objects []fyne.CanvasObject
}

func (r *boardRenderer) Destroy() {}

// Layout places the panes for a new size; the board opens readable until
// the user zooms or pans.
func (r *boardRenderer) Layout(size fyne.Size) {
	if r.laidOut && size == r.size {
		// Fyne lays the board out again whenever an object inside changes
		// its minimum size; nothing moves then.
		return
	}
	r.size, r.laidOut = size, true
	r.bg.Resize(size)
	r.ring.Resize(size)
	if !r.b.manual {
		// Opens readable: at least 90 %, and larger with a larger text
		// size in the theme (Fyne's text scale), so the board follows it.
		r.b.zoom = max(r.b.fitZoom(), 0.9) * textScale()
	}
	r.b.clampOffset()
	r.Refresh()
}

func (r *boardRenderer) MinSize() fyne.Size { return r.b.MinSize() }

func (r *boardRenderer) Objects() []fyne.CanvasObject { return r.objects }

// Line pitch and baseline as the exporters use them, so a card's lines sit
// where they sit on paper.
const textLineHeight = 1.2

// overviewZoom is the zoom below which the board is an overview: card text
// would be smaller than about 4.5 pixels, so cards are drawn as plain
// rectangles in their role's colour, without text or badges, and flows as
// thin lines through three of their points.
const overviewZoom = 0.5

// minTextPixels is the smallest text drawn: smaller text is left out.
const minTextPixels = 3

// frozenShare is how much of the board a fixed header band may take; a
// band zoomed wider than that scrolls with the cells.
const frozenShare = 0.4

// nrgba converts a scene colour; a dimmed item fades toward the paper the
// way the exporters fade it, so the focus looks the same on screen and print.
func nrgba(c scene.Color, em scene.Emphasis) color.NRGBA {
	if em == scene.Dimmed {
		mix := func(a uint8) uint8 { return uint8((int(a)*35 + 255*65) / 100) }
		return color.NRGBA{mix(c.R), mix(c.G), mix(c.B), c.A}
	}
	return color.NRGBA{c.R, c.G, c.B, c.A}
}

// Refresh places the objects of the items that are visible now. A refresh
// asked for while one is waiting for the main loop only marks it to run
// again then, so a burst of scroll or zoom events costs two placements.
func (r *boardRenderer) Refresh() {
	if r.pending {
		r.again = true
		return
	}
	r.place()
	r.pending = true
	fyne.Do(r.flush)
}

func (r *boardRenderer) flush() {
	r.pending = false
	if r.again {
		r.again = false
		r.place()
	}
}

// bands returns the widths of the fixed header bands in scene units: the
// lane names on the left and the step headers with the experience curve on
// top, or 0 where the band scrolls (no band, or too wide at this zoom).
func (b *Board) bands() (left, top float32) {
	if b.s == nil {
		return 0, 0
	}
	size := b.Size()
	left, top = b.s.LeftBand, b.s.TopBand
	if left*b.zoom > size.Width*frozenShare {
		left = 0
	}
	if top*b.zoom > size.Height*frozenShare {
		top = 0
	}
	return left, top
}

// scenePoint is the scene point under a widget position: in a fixed band
// the band's axis does not scroll.
func (b *Board) scenePoint(p fyne.Position) scene.Point {
	q := scene.Point{X: b.offset.X + p.X/b.zoom, Y: b.offset.Y + p.Y/b.zoom}
	left, top := b.bands()
	if p.X < left*b.zoom {
		q.X = p.X / b.zoom
	}
	if p.Y < top*b.zoom {
		q.Y = p.Y / b.zoom
	}
	return q
}

// widgetRect is where a scene rectangle is drawn in the widget: a rectangle
// inside a fixed band stays with the band.
func (b *Board) widgetRect(r scene.Rect) (fyne.Position, fyne.Size) {
	left, top := b.bands()
	x, y := r.X-b.offset.X, r.Y-b.offset.Y
	if left > 0 && r.X+r.W <= left {
		x = r.X
	}
	if top > 0 && r.Y+r.H <= top {
		y = r.Y
	}
	return fyne.NewPos(x*b.zoom, y*b.zoom), fyne.NewSize(r.W*b.zoom, r.H*b.zoom)
}

func (r *boardRenderer) setPanes() {
	b := r.b
	size, z := b.Size(), b.zoom
	left, top := b.bands()
	lw, th := min(left*z, size.Width), min(top*z, size.Height)
	cw, ch := max(size.Width-lw, 0), max(size.Height-th, 0)
	off := b.offset
	set := func(p *pane, x, y, w, h float32, shift scene.Point) {
		p.origin, p.size, p.shift = fyne.NewPos(x, y), fyne.NewSize(w, h), shift
		p.view = scene.Rect{X: shift.X + x/z, Y: shift.Y + y/z, W: w / z, H: h / z}
		if p.clip.Position() != p.origin {
			p.clip.Move(p.origin)
		}
		if p.clip.Size() != p.size {
			p.clip.Resize(p.size)
			p.box.Resize(p.size)
		}
	}
	set(r.panes[paneCells], lw, th, cw, ch, off)
	set(r.panes[paneTop], lw, 0, cw, th, scene.Point{X: off.X})
	set(r.panes[paneLeft], 0, th, lw, ch, scene.Point{Y: off.Y})
	set(r.panes[paneCorner], 0, 0, lw, th, scene.Point{})
	r.over.origin, r.over.size, r.over.shift = fyne.Position{}, size, off
	r.over.view = scene.Rect{X: 0, Y: 0, W: off.X + size.Width/z, H: off.Y + size.Height/z}
	r.view = scene.Rect{X: off.X, Y: off.Y, W: size.Width / z, H: size.Height / z}
	r.left, r.top = left, top

	// A thin rule where the cells pass under a band, once they do.
	edge := color.NRGBA{173, 181, 189, 255}
	r.edgeX.StrokeColor, r.edgeX.StrokeWidth = color.Transparent, 0
	if lw > 0 && off.X > 0 {
		r.edgeX.StrokeColor, r.edgeX.StrokeWidth = edge, 1
	}
	// The rules end where the scene does.
	bottom, right := min(size.Height, (b.s.Height-off.Y)*z), min(size.Width, (b.s.Width-off.X)*z)
	r.edgeX.Position1, r.edgeX.Position2 = fyne.NewPos(lw, 0), fyne.NewPos(lw, bottom)
	r.edgeY.StrokeColor, r.edgeY.StrokeWidth = color.Transparent, 0
	if th > 0 && off.Y > 0 {
		r.edgeY.StrokeColor, r.edgeY.StrokeWidth = edge, 1
	}
	r.edgeY.Position1, r.edgeY.Position2 = fyne.NewPos(0, th), fyne.NewPos(right, th)
}

// place gives the visible items their objects.
func (r *boardRenderer) place() {
	b := r.b
	r.gen++
	r.visible = 0
	for _, p := range r.panes {
		p.objs = p.objs[:0]
	}
	r.overSlot.nt, r.overSlot.nl, r.overSlot.nd, r.nor = 0, 0, 0, 0
	r.overSlot.objects = r.overSlot.objects[:0]
	if s := b.s; s != nil {
		if s.Background.A > 0 {
			r.bg.FillColor = nrgba(s.Background, scene.Normal)
		}
		r.setPanes()
		r.keyItems(s)
		overview := b.zoom < overviewZoom
		for i := range s.Items {
			bounds := r.bounds[i]
			drawn := false
			for k, p := range r.panes {
				if p.size.Width <= 0 || p.size.Height <= 0 || !bounds.Intersects(p.view) {
					continue
				}
				sl := r.slot(slotKey{item: r.keys[i], pane: uint8(k)})
				r.item(p, sl, s, i, overview)
				p.objs = append(p.objs, sl.objects...)
				drawn = drawn || len(sl.objects) > 0
			}
			if drawn {
				r.visible++
			}
		}
		r.dragFeedback()
		r.overlay() // the board's own marks (board_overlay.go)
	}
	r.release(&r.overSlot, r.overSlot.nt, r.overSlot.nl)
	r.releaseDashes(&r.overSlot, r.overSlot.nd)
	r.over.objs = r.overSlot.objects
	for k, sl := range r.slots {
		if sl.gen != r.gen {
			r.release(sl, 0, 0)
			r.releaseDashes(sl, 0)
			if sl.rect != nil {
				r.freeRects = append(r.freeRects, sl.rect)
			}
			if sl.circle != nil {
				r.freeCircles = append(r.freeCircles, sl.circle)
			}
			delete(r.slots, k)
		}
	}
	for _, p := range append(r.panes[:], r.over) {
		p.box.Objects = p.objs
	}
	ring := color.Color(color.Transparent)
	if b.focused {
		ring = color.NRGBA{13, 110, 253, 255}
	}
	if r.ring.StrokeColor != ring {
		r.ring.StrokeColor = ring
		r.ring.Refresh()
	}
	// The GL painter draws rectangles, lines and circles from their fields
	// and keeps text textures by their content, so what changed above shows
	// once the window repaints: one Refresh asks for that. (A Refresh per
	// object cost more than the drawing: Fyne checks the calling goroutine
	// on each one.)
	r.bg.Refresh()
}

// keyItems names the scene's items by model id and notes their bounds,
// once per scene (an edit in place, scene.UpdateCard or a new focus, keeps
// both).
func (r *boardRenderer) keyItems(s *scene.Scene) {
	if r.keysOf == s && len(r.keys) == len(s.Items) {
		return
	}
	count := make(map[scene.Target]int32, len(s.Items)/4)
	r.keys, r.bounds = r.keys[:0], r.bounds[:0]
	for i := range s.Items {
		it := &s.Items[i]
		n := count[it.Target]
		count[it.Target] = n + 1
		r.keys = append(r.keys, itemKey{target: it.Target, n: n})
		// Strokes and arrow heads reach a little beyond the bounds.
		b := it.Bounds()
		r.bounds = append(r.bounds, scene.Rect{X: b.X - 6, Y: b.Y - 6, W: b.W + 12, H: b.H + 12})
	}
	r.keysOf = s
}

func (r *boardRenderer) slot(k slotKey) *slot {
	sl := r.slots[k]
	if sl == nil {
		sl = &slot{}
		r.slots[k] = sl
	}
	sl.gen = r.gen
	sl.nt, sl.nl, sl.nd = 0, 0, 0
	sl.objects = sl.objects[:0]
	return sl
}

// release gives back the texts and lines of a slot beyond the first nt and nl.
func (r *boardRenderer) release(sl *slot, nt, nl int) {
	r.freeTexts = append(r.freeTexts, sl.texts[nt:]...)
	sl.texts = sl.texts[:nt]
	r.freeLines = append(r.freeLines, sl.lines[nl:]...)
	sl.lines = sl.lines[:nl]
}

// item draws scene item i into its slot of pane p.
func (r *boardRenderer) item(p *pane, sl *slot, s *scene.Scene, i int, overview bool) {
	it := &s.Items[i]
	switch {
	case it.Box != nil:
		bx := *it.Box
		if overview {
			if !r.overviewBox(&bx, s, i) {
				break
			}
		}
		r.drawBox(p, sl, &bx, it.Emphasis)
	case it.Text != nil:
		if !overview {
			r.drawText(p, sl, it.Text, it.Emphasis)
		}
	case it.Path != nil:
		r.drawPath(p, sl, it.Path, it.Emphasis, overview)
	case it.Circle != nil:
		r.drawCircle(p, sl, it.Circle, it.Emphasis)
	}
	if sl.rect != nil && (it.Box == nil || len(sl.objects) == 0) {
		r.freeRects = append(r.freeRects, sl.rect)
		sl.rect = nil
	}
	r.release(sl, sl.nt, sl.nl)
	r.releaseDashes(sl, sl.nd)
}

// overviewBox turns a box into what the overview shows of it, or reports
// false to leave it out. A card is its outline filled with the colour of
// its role (the next box of the card, its role strip); the rest of a card
// and a flow's label are left out.
func (r *boardRenderer) overviewBox(bx *scene.Box, s *scene.Scene, i int) bool {
	it := &s.Items[i]
	switch it.Target.Kind {
	case model.EntityFlow:
		return false
	case model.EntityContribution:
		if r.keys[i].n > 0 {
			return false
		}
		for j := i + 1; j < len(s.Items) && s.Items[j].Target == it.Target; j++ {
			if role := s.Items[j].Box; role != nil {
				bx.Fill = lighten(role.Fill, 0.45)
				break
			}
		}
		if bx.StrokeWidth < 1.5 {
			// Only the selection's outline is kept: a hairline on a few
			// pixels is noise.
			bx.Stroke = scene.Color{}
		}
		bx.Radius = 0
	}
	return true
}

// lighten mixes c with white, keeping part of its colour.
func lighten(c scene.Color, keep float32) scene.Color {
	mix := func(v uint8) uint8 { return uint8(255 - (255-float32(v))*keep) }
	return scene.Color{R: mix(c.R), G: mix(c.G), B: mix(c.B), A: 255}
}

// pos converts a scene point to a position in pane p.
func (r *boardRenderer) at(p *pane, q scene.Point) fyne.Position {
	z := r.b.zoom
	shift := p.shift
	if p == r.over {
		if q.X < r.left {
			shift.X = 0
		}
		if q.Y < r.top {
			shift.Y = 0
		}
	}
	return fyne.NewPos((q.X-shift.X)*z-p.origin.X, (q.Y-shift.Y)*z-p.origin.Y)
}

func (r *boardRenderer) drawBox(p *pane, sl *slot, bx *scene.Box, em scene.Emphasis) {
	if bx.Fill.A == 0 && (bx.Stroke.A == 0 || bx.StrokeWidth == 0) {
		return // nothing to see (a lane's header without its selection)
	}
	z := r.b.zoom
	o := sl.rect
	if o == nil {
		o = r.newRect()
		sl.rect = o
	}
	o.FillColor = nrgba(bx.Fill, em)
	o.StrokeColor = nrgba(bx.Stroke, em)
	o.StrokeWidth = 0
	if bx.Stroke.A > 0 {
		o.StrokeWidth = max(bx.StrokeWidth*z, 0.5)
	}
	o.CornerRadius = bx.Radius * z
	o.Move(r.at(p, scene.Point{X: bx.X, Y: bx.Y}))
	o.Resize(fyne.NewSize(bx.W*z, bx.H*z))
	sl.objects = append(sl.objects, o)
	if bx.Dashed && o.StrokeWidth > 0 {
		// Fyne strokes only solid: the outline is drawn as dashes on top.
		o.StrokeWidth = 0
		r.dashedOutline(p, sl, bx, em)
	}
}

func (r *boardRenderer) newRect() *fynecanvas.Rectangle {
	if n := len(r.freeRects); n > 0 {
		o := r.freeRects[n-1]
		r.freeRects = r.freeRects[:n-1]
		return o
	}
	o := fynecanvas.NewRectangle(color.Transparent)
	r.rects = append(r.rects, o)
	return o
}

func (r *boardRenderer) drawText(p *pane, sl *slot, t *scene.Text, em scene.Emphasis) {
	z := r.b.zoom
	// Fyne shapes text at whole sizes, rounding up (at 8.1 a line is as
	// wide as at 9): a size rounded down keeps every line inside the width
	// the scene wrapped it to.
	size := float32(math.Floor(float64(t.Size * z)))
	if size < minTextPixels {
		return // unreadable at this zoom: leave it out
	}
	font := boardFont(t)
	col := nrgba(t.Color, em)
	align := fyne.TextAlignLeading
	switch t.Align {
	case scene.AlignCenter:
		align = fyne.TextAlignCenter
	case scene.AlignRight:
		align = fyne.TextAlignTrailing
	}
	for i, line := range t.Lines {
		if line == "" {
			continue
		}
		y := t.Y + float32(i)*t.Size*textLineHeight
		if y > p.view.Y+p.view.H || y+t.Size*textLineHeight < p.view.Y {
			continue
		}
		if sl.nt == len(sl.texts) {
			sl.texts = append(sl.texts, r.newText())
		}
		o := sl.texts[sl.nt]
		sl.nt++
		if o.Text != line || o.TextSize != size || o.FontSource != font || o.Color != color.Color(col) || o.Alignment != align || o.TextStyle.Bold != t.Bold || o.TextStyle.Italic != t.Italic {
			o.Text, o.TextSize, o.FontSource, o.Color, o.Alignment = line, size, font, col, align
			// The font source decides the face; the style says what
			// it is (markup, accessibility).
			o.TextStyle = fyne.TextStyle{Bold: t.Bold, Italic: t.Italic}
			o.Refresh()
		}
		o.Move(r.at(p, scene.Point{X: t.X, Y: y}))
		o.Resize(fyne.NewSize(t.W*z, size*textLineHeight))
		sl.objects = append(sl.objects, o)
	}
}

func (r *boardRenderer) newText() *fynecanvas.Text {
	if n := len(r.freeTexts); n > 0 {
		o := r.freeTexts[n-1]
		r.freeTexts = r.freeTexts[:n-1]
		return o
	}
	o := fynecanvas.NewText("", color.Black)
	r.texts = append(r.texts, o)
	return o
}

func (r *boardRenderer) drawCircle(p *pane, sl *slot, c *scene.Circle, em scene.Emphasis) {
	z := r.b.zoom
	o := sl.circle
	if o == nil {
		if n := len(r.freeCircles); n > 0 {
			o = r.freeCircles[n-1]
			r.freeCircles = r.freeCircles[:n-1]
		} else {
			o = fynecanvas.NewCircle(color.Transparent)
			r.circles = append(r.circles, o)
		}
		sl.circle = o
	}
	o.FillColor = nrgba(c.Fill, em)
	o.StrokeColor = nrgba(c.Stroke, em)
	o.StrokeWidth = c.StrokeWidth * z
	radius := max(c.Radius, 1/z)
	o.Position1 = r.at(p, scene.Point{X: c.Center.X - radius, Y: c.Center.Y - radius})
	o.Position2 = r.at(p, scene.Point{X: c.Center.X + radius, Y: c.Center.Y + radius})
	sl.objects = append(sl.objects, o)
}

// path draws a polyline, a smooth curve (Catmull-Rom through the points,
// as the exporters draw it) or a dashed line, with its arrow head. In the
// overview a flow is a thin faint line through its ends and middle (its
// focused chain stays dark), and curves and dashes are drawn plain.
func (r *boardRenderer) drawPath(p *pane, sl *slot, ph *scene.Path, em scene.Emphasis, overview bool) {
	pts := ph.Points
	z := r.b.zoom
	width := max(ph.Width*z, 0.6)
	stroke, arrow, dashed := ph.Stroke, ph.ArrowEnd, ph.Dashed
	switch {
	case overview && ph.ArrowEnd:
		if len(pts) > 3 {
			r.pts = append(r.pts[:0], pts[0], pts[len(pts)/2], pts[len(pts)-1])
			pts = r.pts
		}
		arrow, dashed = false, false
		width = 0.6
		if em != scene.Highlighted {
			stroke.A = uint8(float32(stroke.A) * 0.35)
		} else {
			width = 1.2
		}
	case overview:
		dashed = false
	case ph.Smooth && len(pts) > 2:
		r.pts = catmullRom(r.pts[:0], pts, 8)
		pts = r.pts
	}
	if len(pts) < 2 {
		return
	}
	// The curve as few segments as look the same: a third of a pixel off
	// at most (a flow's 16 Bézier samples and the straight runs along a
	// gutter become a handful of lines for the painter).
	tip := pts[len(pts)-2:]
	r.simple = simplify(r.simple[:0], pts, 0.35/z)
	pts = r.simple
	if dashed {
		// Dashes measured along the whole path, in scene units, so they
		// keep their rhythm across the segments of a curve.
		dash, gap := 4+2*ph.Width, 3+ph.Width
		on, left := true, dash
		for i := 1; i < len(pts); i++ {
			a, c := pts[i-1], pts[i]
			seg := float32(math.Hypot(float64(c.X-a.X), float64(c.Y-a.Y)))
			st := dashState{dash: dash, gap: gap, on: on, left: left}
			if r.drawDashRun(p, sl, a, c, st, stroke, width, em, false) {
				st.advance(seg)
				on, left = st.on, st.left
				continue
			}
			for seg > 0 {
				step := min(left, seg)
				t := step / seg
				m := scene.Point{X: a.X + (c.X-a.X)*t, Y: a.Y + (c.Y-a.Y)*t}
				if on {
					r.drawLine(p, sl, a, m, stroke, width, em)
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
			r.drawLine(p, sl, pts[i-1], pts[i], stroke, width, em)
		}
	}
	if arrow {
		a, tip := tip[0], tip[1]
		dx, dy := float64(tip.X-a.X), float64(tip.Y-a.Y)
		if l := math.Hypot(dx, dy); l > 0 {
			ux, uy := float32(dx/l), float32(dy/l)
			h := 5 + 1.5*ph.Width
			for _, side := range []float32{1, -1} {
				wing := scene.Point{X: tip.X - ux*h - uy*h*0.55*side, Y: tip.Y - uy*h + ux*h*0.55*side}
				r.drawLine(p, sl, wing, tip, ph.Stroke, width, em)
			}
		}
	}
}

func (r *boardRenderer) drawLine(p *pane, sl *slot, a, c scene.Point, col scene.Color, width float32, em scene.Emphasis) {
	// A long path (a lane rule, a flow across the board) is mostly off
	// screen: only its visible segments get objects.
	seg := scene.Rect{X: min(a.X, c.X) - 1, Y: min(a.Y, c.Y) - 1, W: abs(c.X-a.X) + 2, H: abs(c.Y-a.Y) + 2}
	if !seg.Intersects(p.view) {
		return
	}
	if sl.nl == len(sl.lines) {
		var o *fynecanvas.Line
		if n := len(r.freeLines); n > 0 {
			o = r.freeLines[n-1]
			r.freeLines = r.freeLines[:n-1]
		} else {
			o = fynecanvas.NewLine(color.Black)
			r.lines = append(r.lines, o)
		}
		sl.lines = append(sl.lines, o)
	}
	o := sl.lines[sl.nl]
	sl.nl++
	o.Position1, o.Position2 = r.at(p, a), r.at(p, c)
	o.StrokeColor = nrgba(col, em)
	o.StrokeWidth = width
	sl.objects = append(sl.objects, o)
}

// dragFeedback shows the card under the pointer while it is moved, or the
// wire of a new flow: blue where a drop does something, grey where not.
func (r *boardRenderer) dragFeedback() {
	d := r.b.drag
	if d.mode != dragMove && !r.ghost.Hidden {
		r.ghost.Hide()
	}
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
		r.ghost.Show()
		return
	}
	from := scene.Point{X: card.X + card.W, Y: card.Y + card.H/2}
	r.path(&scene.Path{Points: []scene.Point{from, d.at}, Stroke: ink, Width: 2, ArrowEnd: true}, scene.Normal)
}

// The marks drawn over the scene (the drag feedback, board_overlay.go) use
// these: objects in widget coordinates, from a pool of their own that every
// refresh starts again, where a point inside a fixed band stays with it.

// pos converts a scene point to a widget position.
func (r *boardRenderer) pos(q scene.Point) fyne.Position { return r.at(r.over, q) }

// rect returns a rectangle drawn over the scene until the next refresh.
func (r *boardRenderer) rect() *fynecanvas.Rectangle {
	if r.nor == len(r.overRects) {
		r.overRects = append(r.overRects, fynecanvas.NewRectangle(color.Transparent))
	}
	o := r.overRects[r.nor]
	r.nor++
	r.overSlot.objects = append(r.overSlot.objects, o)
	return o
}

// line draws a segment over the scene, its width in pixels.
func (r *boardRenderer) line(a, c scene.Point, col scene.Color, width float32, em scene.Emphasis) {
	r.drawLine(r.over, &r.overSlot, a, c, col, width, em)
}

// path draws a path over the scene.
func (r *boardRenderer) path(ph *scene.Path, em scene.Emphasis) {
	r.drawPath(r.over, &r.overSlot, ph, em, false)
}

// drawn counts the canvas objects on the board now.
func (r *boardRenderer) drawn() int {
	n := 0
	for _, p := range r.panes {
		n += len(p.box.Objects)
	}
	return n + len(r.over.box.Objects)
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

// simplify appends to out the points of pts that a polyline within tol of
// pts needs (Ramer–Douglas–Peucker): always the first and the last.
func simplify(out, pts []scene.Point, tol float32) []scene.Point {
	if len(pts) < 3 {
		return append(out, pts...)
	}
	out = append(out, pts[0])
	out = simplifySpan(out, pts, 0, len(pts)-1, tol*tol)
	return append(out, pts[len(pts)-1])
}

// simplifySpan appends the points strictly between pts[i] and pts[j] that
// are kept.
func simplifySpan(out, pts []scene.Point, i, j int, tol2 float32) []scene.Point {
	if j-i < 2 {
		return out
	}
	a, c := pts[i], pts[j]
	dx, dy := c.X-a.X, c.Y-a.Y
	l2 := dx*dx + dy*dy
	far, farD := -1, tol2
	for k := i + 1; k < j; k++ {
		p := pts[k]
		var d float32
		if l2 == 0 {
			d = (p.X-a.X)*(p.X-a.X) + (p.Y-a.Y)*(p.Y-a.Y)
		} else {
			t := max(0, min(1, ((p.X-a.X)*dx+(p.Y-a.Y)*dy)/l2))
			ex, ey := a.X+t*dx-p.X, a.Y+t*dy-p.Y
			d = ex*ex + ey*ey
		}
		if d > farD {
			far, farD = k, d
		}
	}
	if far < 0 {
		return out
	}
	out = simplifySpan(out, pts, i, far, tol2)
	out = append(out, pts[far])
	return simplifySpan(out, pts, far, j, tol2)
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
