package export

import (
	"context"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"io"
	"math"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"

	"valueflow/canvas/scene"
)

// MaxPixels bounds a PNG so a huge map at a high DPI fails with a message
// instead of exhausting memory (4 bytes per pixel).
const MaxPixels = 120_000_000

// PNGSize returns the pixel size of the whole scene at dpi.
func PNGSize(s *scene.Scene, dpi float32) (w, h int) {
	k := dpi / 72
	return int(math.Ceil(float64(max(s.Width, 1) * k))), int(math.Ceil(float64(max(s.Height, 1) * k)))
}

// PNG writes the whole scene as a PNG image at dpi (72 dpi: one pixel per
// point), drawn from the scene, not from the screen.
func PNG(w io.Writer, s *scene.Scene, dpi float32) error {
	return PNGProgress(context.Background(), w, s, dpi, nil)
}

// PNGProgress writes a PNG like PNG, calling progress (when not nil) as the
// items are drawn and stopping with ctx.Err() when ctx is cancelled, while
// drawing or while compressing and writing the image (seconds on an L map).
func PNGProgress(ctx context.Context, w io.Writer, s *scene.Scene, dpi float32, progress func(done, total int)) error {
	img, err := raster1(ctx, s, dpi, progress)
	if err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	// The encoder does not know of ctx; its next write after a cancel fails.
	if err := encodePNG(ctxWriter{ctx, w}, img, dpi); err != nil {
		if cerr := ctx.Err(); cerr != nil {
			return cerr
		}
		return err
	}
	if progress != nil {
		n := len(s.Items) + 1
		progress(n, n)
	}
	return nil
}

// Raster draws the whole scene into an image at dpi.
func Raster(s *scene.Scene, dpi float32) (*image.RGBA, error) {
	return raster1(context.Background(), s, dpi, nil)
}

func checkDPI(dpi float32) error {
	if !(dpi >= MinDPI && dpi <= MaxDPI) {
		return errorf(nil, "resolution %g dpi is out of range 10..1200", dpi)
	}
	return nil
}

// The resolutions a PNG may be drawn at.
const (
	MinDPI = 10
	MaxDPI = 1200
)

func raster1(ctx context.Context, s *scene.Scene, dpi float32, progress func(done, total int)) (*image.RGBA, error) {
	if err := checkDPI(dpi); err != nil {
		return nil, err
	}
	pw, ph := PNGSize(s, dpi)
	if pw*ph > MaxPixels {
		return nil, errorf(nil, "the image would be %d × %d pixels: choose a lower resolution", pw, ph)
	}
	page := scene.Page{Width: max(s.Width, 1), Height: max(s.Height, 1), Background: s.Background,
		Views: []scene.View{{Src: scene.Rect{W: s.Width, H: s.Height}, Dst: scene.Rect{W: s.Width, H: s.Height}, Scale: 1}}}
	var report func(int)
	if progress != nil {
		report = func(done int) { progress(done, len(s.Items)+1) }
	}
	return rasterPage(ctx, s, &page, dpi, boundsOf(s.Items), report)
}

// PNGPage writes one printed page (from scene.Paginate) as a PNG at dpi:
// the export preview and PNG prints show exactly the PDF's sheets.
func PNGPage(w io.Writer, s *scene.Scene, page scene.Page, dpi float32) error {
	img, err := RasterPage(s, page, dpi)
	if err != nil {
		return err
	}
	return encodePNG(w, img, dpi)
}

// RasterPage draws one printed page into an image at dpi, for a preview of
// the pages before they are saved.
func RasterPage(s *scene.Scene, page scene.Page, dpi float32) (*image.RGBA, error) {
	if err := checkDPI(dpi); err != nil {
		return nil, err
	}
	return rasterPage(context.Background(), s, &page, dpi, boundsOf(s.Items), nil)
}

func encodePNG(w io.Writer, img image.Image, dpi float32) error {
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if err := enc.Encode(&physWriter{w: w, dpi: dpi}, img); err != nil {
		return errorf(err, "cannot write the PNG: %v", err)
	}
	return nil
}

// physWriter passes a PNG through and adds a pHYs chunk after the header,
// so image programs and printers know the resolution: an A4 page drawn at
// 300 dpi prints as A4, not as a poster. image/png writes no pHYs itself.
type physWriter struct {
	w    io.Writer
	dpi  float32
	seen int // bytes passed so far
	done bool
}

// ihdrEnd is where the PNG signature and the IHDR chunk end: 8 + 4 + 4 + 13 + 4.
const ihdrEnd = 33

func (p *physWriter) Write(b []byte) (int, error) {
	if p.done || p.dpi <= 0 {
		return p.w.Write(b)
	}
	n := 0
	if head := ihdrEnd - p.seen; head > 0 {
		k := min(head, len(b))
		m, err := p.w.Write(b[:k])
		n += m
		p.seen += m
		if err != nil {
			return n, err
		}
		b = b[k:]
	}
	if p.seen < ihdrEnd {
		return n, nil
	}
	p.done = true
	if _, err := p.w.Write(physChunk(p.dpi)); err != nil {
		return n, err
	}
	if len(b) == 0 {
		return n, nil
	}
	m, err := p.w.Write(b)
	return n + m, err
}

// physChunk is a pHYs chunk: pixels per metre on both axes.
func physChunk(dpi float32) []byte {
	ppm := uint32(math.Round(float64(dpi) / 0.0254))
	c := make([]byte, 0, 21)
	c = binary.BigEndian.AppendUint32(c, 9)
	c = append(c, "pHYs"...)
	c = binary.BigEndian.AppendUint32(c, ppm)
	c = binary.BigEndian.AppendUint32(c, ppm)
	c = append(c, 1) // the unit is the metre
	return binary.BigEndian.AppendUint32(c, crc32.ChecksumIEEE(c[4:]))
}

// rasterPage draws a page; report (when not nil) is told every so many
// items how many are drawn, and ctx is checked as often.
func rasterPage(ctx context.Context, s *scene.Scene, p *scene.Page, dpi float32, bounds []scene.Rect, report func(done int)) (*image.RGBA, error) {
	k := dpi / 72
	pw, ph := int(math.Ceil(float64(p.Width*k))), int(math.Ceil(float64(p.Height*k)))
	img := image.NewRGBA(image.Rect(0, 0, pw, ph))
	draw.Draw(img, img.Bounds(), image.White, image.Point{}, draw.Src)
	fonts, err := loadFonts()
	if err != nil {
		return nil, err
	}
	r := &raster{img: img, dpi: k, bg: s.Background, fonts: fonts, faces: map[faceKey]font.Face{}}
	var idx []int32
	done := 0
	for _, v := range p.Views {
		// Each view is clipped to its own rectangle, like the PDF's clip.
		r.clip = image.Rect(int(math.Floor(float64(v.Dst.X*k))), int(math.Floor(float64(v.Dst.Y*k))),
			int(math.Ceil(float64((v.Dst.X+v.Dst.W)*k))), int(math.Ceil(float64((v.Dst.Y+v.Dst.H)*k)))).Intersect(img.Bounds())
		if p.Background.A > 0 {
			draw.Draw(img, r.clip, image.NewUniform(rgba(p.Background)), image.Point{}, draw.Over)
		}
		idx = cull(bounds, v.Src, idx)
		for n, i := range idx {
			if n%512 == 511 {
				if err := ctx.Err(); err != nil {
					return nil, err
				}
				if report != nil {
					report(done + n)
				}
			}
			r.item(&s.Items[i], v)
		}
		done += len(idx)
	}
	r.clip = img.Bounds()
	page := scene.View{Src: scene.Rect{W: p.Width, H: p.Height}, Dst: scene.Rect{W: p.Width, H: p.Height}, Scale: 1}
	for i := range p.Items {
		r.item(&p.Items[i], page)
	}
	return img, ctx.Err()
}

type faceKey struct {
	size       float32
	bold, ital bool
}

type fontSet struct{ regular, bold, italic *opentype.Font }

var (
	fontsOnce sync.Once
	fonts     fontSet
	fontsErr  error
)

func loadFonts() (fontSet, error) {
	fontsOnce.Do(func() {
		if fonts.regular, fontsErr = opentype.Parse(fontRegular); fontsErr != nil {
			return
		}
		if fonts.bold, fontsErr = opentype.Parse(fontBold); fontsErr != nil {
			return
		}
		fonts.italic, fontsErr = opentype.Parse(fontItalic)
	})
	if fontsErr != nil {
		return fonts, fmt.Errorf("cannot load the embedded font: %w", fontsErr)
	}
	return fonts, nil
}

// raster draws items into an RGBA image with anti-aliased vector shapes.
type raster struct {
	img   *image.RGBA
	clip  image.Rectangle
	dpi   float32 // pixels per point
	bg    scene.Color
	fonts fontSet
	faces map[faceKey]font.Face
	z     vector.Rasterizer
	segs  []segment
	poly  [][]scene.Point // scratch: flattened subpaths in pixels
}

func rgba(c scene.Color) color.RGBA {
	// image/color wants premultiplied alpha.
	a := uint32(c.A)
	return color.RGBA{uint8(uint32(c.R) * a / 255), uint8(uint32(c.G) * a / 255), uint8(uint32(c.B) * a / 255), c.A}
}

func (r *raster) color(c scene.Color, e scene.Emphasis) scene.Color {
	if e == scene.Dimmed {
		return dimmed(c, r.bg)
	}
	return c
}

// strokeFill fills the pieces of a stroke. An opaque stroke is filled piece
// by piece: the rasterizer's cost grows with the area of what it covers,
// and the outline of a lane-wide box covers the whole lane. A translucent
// one is filled at once, so overlapping pieces do not darken.
func (r *raster) strokeFill(polys [][]scene.Point, c scene.Color) {
	if c.A < 255 {
		r.fill(polys, c)
		return
	}
	for i := range polys {
		r.fill(polys[i:i+1], c)
	}
}

// fill rasterizes polygons (in pixels) in colour c within the clip.
func (r *raster) fill(polys [][]scene.Point, c scene.Color) {
	if c.A == 0 || len(polys) == 0 {
		return
	}
	minX, minY := float32(math.MaxFloat32), float32(math.MaxFloat32)
	maxX, maxY := float32(-math.MaxFloat32), float32(-math.MaxFloat32)
	for _, pl := range polys {
		for _, q := range pl {
			minX, maxX = min(minX, q.X), max(maxX, q.X)
			minY, maxY = min(minY, q.Y), max(maxY, q.Y)
		}
	}
	box := image.Rect(int(math.Floor(float64(minX))), int(math.Floor(float64(minY))),
		int(math.Ceil(float64(maxX)))+1, int(math.Ceil(float64(maxY)))+1).Intersect(r.clip)
	if box.Empty() {
		return
	}
	// The rasterizer covers only the shape's box; coordinates are offset.
	r.z.Reset(box.Dx(), box.Dy())
	ox, oy := float32(box.Min.X), float32(box.Min.Y)
	for _, pl := range polys {
		if len(pl) < 3 {
			continue
		}
		r.z.MoveTo(pl[0].X-ox, pl[0].Y-oy)
		for _, q := range pl[1:] {
			r.z.LineTo(q.X-ox, q.Y-oy)
		}
		r.z.ClosePath()
	}
	r.z.Draw(r.img, box, image.NewUniform(rgba(c)), image.Point{})
}

// flatten turns segments (in scene units) into a polyline in pixels.
func (r *raster) flatten(segs []segment, v scene.View, out []scene.Point) []scene.Point {
	out = out[:0]
	px := func(p scene.Point) scene.Point {
		q := v.ToPage(p)
		return scene.Point{X: q.X * r.dpi, Y: q.Y * r.dpi}
	}
	out = append(out, px(segs[0].From))
	for _, sg := range segs {
		if !sg.Curve {
			out = append(out, px(sg.To))
			continue
		}
		p0, p1, p2, p3 := px(sg.From), px(sg.C1), px(sg.C2), px(sg.To)
		l := dist(p0, p1) + dist(p1, p2) + dist(p2, p3)
		n := max(2, min(64, int(l/3)))
		for i := 1; i <= n; i++ {
			t := float32(i) / float32(n)
			u := 1 - t
			out = append(out, scene.Point{
				X: u*u*u*p0.X + 3*u*u*t*p1.X + 3*u*t*t*p2.X + t*t*t*p3.X,
				Y: u*u*u*p0.Y + 3*u*u*t*p1.Y + 3*u*t*t*p2.Y + t*t*t*p3.Y,
			})
		}
	}
	return out
}

func dist(a, b scene.Point) float32 {
	return float32(math.Hypot(float64(a.X-b.X), float64(a.Y-b.Y)))
}

// strokePolyline returns polygons covering a polyline of width w (pixels):
// one quad per segment and a round join at each vertex, all wound the same
// way so the non-zero fill unites them.
func strokePolyline(pts []scene.Point, w float32, closed bool, dashed bool, polys [][]scene.Point) [][]scene.Point {
	hw := max(w, 0.6) / 2
	if closed && len(pts) > 1 {
		pts = append(pts[:len(pts):len(pts)], pts[0])
	}
	if dashed {
		d, g := dashPattern(w)
		pts2 := dashes(pts, d, g)
		for _, dash := range pts2 {
			polys = strokePolyline(dash, w, false, false, polys)
		}
		return polys
	}
	for i := 1; i < len(pts); i++ {
		a, b := pts[i-1], pts[i]
		l := dist(a, b)
		if l == 0 {
			continue
		}
		nx, ny := -(b.Y-a.Y)/l*hw, (b.X-a.X)/l*hw
		polys = append(polys, []scene.Point{{X: a.X + nx, Y: a.Y + ny}, {X: b.X + nx, Y: b.Y + ny}, {X: b.X - nx, Y: b.Y - ny}, {X: a.X - nx, Y: a.Y - ny}})
		if i < len(pts)-1 || closed {
			polys = append(polys, disc(b, hw))
		}
	}
	return polys
}

// dashes cuts a polyline into dashes of length d separated by gaps g.
func dashes(pts []scene.Point, d, g float32) [][]scene.Point {
	var out [][]scene.Point
	on, left := true, d
	cur := []scene.Point{pts[0]}
	for i := 1; i < len(pts); i++ {
		a, b := pts[i-1], pts[i]
		l := dist(a, b)
		pos := float32(0)
		for l-pos > left {
			pos += left
			t := pos / l
			p := scene.Point{X: a.X + (b.X-a.X)*t, Y: a.Y + (b.Y-a.Y)*t}
			if on {
				out = append(out, append(cur, p))
				cur = nil
				left = g
			} else {
				cur = []scene.Point{p}
				left = d
			}
			on = !on
		}
		left -= l - pos
		if on {
			cur = append(cur, b)
		}
	}
	if on && len(cur) > 1 {
		out = append(out, cur)
	}
	return out
}

// disc is a polygon approximating a circle, wound like the stroke quads.
func disc(c scene.Point, r float32) []scene.Point {
	n := max(8, min(48, int(r*2)))
	out := make([]scene.Point, n)
	for i := range out {
		a := -2 * math.Pi * float64(i) / float64(n)
		out[i] = scene.Point{X: c.X + r*float32(math.Cos(a)), Y: c.Y + r*float32(math.Sin(a))}
	}
	return out
}

// roundRect is a rounded rectangle outline in pixels.
func roundRect(x, y, w, h, rad float32) []scene.Point {
	rad = max(0, min(rad, w/2, h/2))
	if rad < 0.5 {
		return []scene.Point{{X: x, Y: y}, {X: x + w, Y: y}, {X: x + w, Y: y + h}, {X: x, Y: y + h}}
	}
	n := max(3, min(16, int(rad)))
	var out []scene.Point
	corner := func(cx, cy float32, from float64) {
		for i := 0; i <= n; i++ {
			a := from + math.Pi/2*float64(i)/float64(n)
			out = append(out, scene.Point{X: cx + rad*float32(math.Cos(a)), Y: cy + rad*float32(math.Sin(a))})
		}
	}
	corner(x+w-rad, y+rad, -math.Pi/2)
	corner(x+w-rad, y+h-rad, 0)
	corner(x+rad, y+h-rad, math.Pi/2)
	corner(x+rad, y+rad, math.Pi)
	return out
}

// pixelRect returns the pixel rectangle x, y, w, h when its edges lie on
// pixel boundaries, where anti-aliasing would change nothing.
func pixelRect(x, y, w, h float32) (image.Rectangle, bool) {
	on := func(v float32) (int, bool) {
		n := float32(math.Round(float64(v)))
		return int(n), abs32(v-n) < 0.02
	}
	x0, ok0 := on(x)
	y0, ok1 := on(y)
	x1, ok2 := on(x + w)
	y1, ok3 := on(y + h)
	return image.Rect(x0, y0, x1, y1), ok0 && ok1 && ok2 && ok3
}

func abs32(v float32) float32 {
	if v < 0 {
		return -v
	}
	return v
}

func (r *raster) item(it *scene.Item, v scene.View) {
	k := v.Scale * r.dpi
	switch {
	case it.Box != nil:
		b := it.Box
		p := v.ToPage(scene.Point{X: b.X, Y: b.Y})
		x, y, w, h := p.X*r.dpi, p.Y*r.dpi, b.W*k, b.H*k
		outline := roundRect(x, y, w, h, b.Radius*k)
		if b.Fill.A > 0 {
			if px, ok := pixelRect(x, y, w, h); ok && b.Radius*k < 0.5 {
				// Lane and band backgrounds: a plain pixel-aligned rectangle
				// is a copy, not a rasterization.
				draw.Draw(r.img, px.Intersect(r.clip), image.NewUniform(rgba(r.color(b.Fill, it.Emphasis))), image.Point{}, draw.Over)
			} else {
				r.fill([][]scene.Point{outline}, r.color(b.Fill, it.Emphasis))
			}
		}
		if b.Stroke.A > 0 && b.StrokeWidth > 0 {
			r.poly = strokePolyline(outline, b.StrokeWidth*k, true, b.Dashed, r.poly[:0])
			r.strokeFill(r.poly, r.color(b.Stroke, it.Emphasis))
		}
	case it.Circle != nil:
		c := it.Circle
		p := v.ToPage(c.Center)
		ctr := scene.Point{X: p.X * r.dpi, Y: p.Y * r.dpi}
		if c.Fill.A > 0 {
			r.fill([][]scene.Point{disc(ctr, c.Radius*k)}, r.color(c.Fill, it.Emphasis))
		}
		if c.Stroke.A > 0 && c.StrokeWidth > 0 {
			r.poly = strokePolyline(disc(ctr, c.Radius*k), c.StrokeWidth*k, true, false, r.poly[:0])
			r.strokeFill(r.poly, r.color(c.Stroke, it.Emphasis))
		}
	case it.Path != nil:
		r.path(it.Path, v, it.Emphasis)
	case it.Text != nil:
		r.text(it.Text, v, it.Emphasis)
	}
}

func (r *raster) path(pa *scene.Path, v scene.View, e scene.Emphasis) {
	r.segs = pathSegments(pa, r.segs)
	if len(r.segs) == 0 {
		return
	}
	stroke := r.color(pa.Stroke, e)
	var tip, left, right scene.Point
	arrow := false
	if pa.ArrowEnd && !pa.Closed {
		tip, left, right, arrow = arrowHead(r.segs, pa.Width)
	}
	line := r.flatten(r.segs, v, nil)
	if pa.Closed && pa.Fill.A > 0 {
		r.fill([][]scene.Point{line}, r.color(pa.Fill, e))
	}
	if stroke.A > 0 && pa.Width > 0 {
		r.poly = strokePolyline(line, pa.Width*v.Scale*r.dpi, pa.Closed, pa.Dashed, r.poly[:0])
		r.strokeFill(r.poly, stroke)
	}
	if arrow && stroke.A > 0 {
		px := func(p scene.Point) scene.Point {
			q := v.ToPage(p)
			return scene.Point{X: q.X * r.dpi, Y: q.Y * r.dpi}
		}
		r.fill([][]scene.Point{{px(tip), px(left), px(right)}}, stroke)
	}
}

func (r *raster) face(size float32, bold, italic bool) font.Face {
	key := faceKey{size, bold, italic}
	if f, ok := r.faces[key]; ok {
		return f
	}
	ft := r.fonts.regular
	if bold {
		ft = r.fonts.bold
	} else if italic {
		ft = r.fonts.italic
	}
	f, err := opentype.NewFace(ft, &opentype.FaceOptions{Size: float64(size), DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		return nil
	}
	r.faces[key] = f
	return f
}

func (r *raster) text(t *scene.Text, v scene.View, e scene.Emphasis) {
	if len(t.Lines) == 0 || t.Color.A == 0 || t.Size <= 0 {
		return
	}
	k := v.Scale * r.dpi
	face := r.face(t.Size*k, t.Bold, t.Italic && !t.Bold)
	if face == nil {
		return
	}
	d := font.Drawer{Dst: r.img.SubImage(r.clip).(*image.RGBA), Src: image.NewUniform(rgba(r.color(t.Color, e))), Face: face}
	for i, line := range t.Lines {
		if line == "" {
			continue
		}
		x := t.X
		if t.Align != scene.AlignLeft {
			lw := float32(d.MeasureString(line)) / 64 / k
			if t.Align == scene.AlignCenter {
				x += (t.W - lw) / 2
			} else {
				x += t.W - lw
			}
		}
		p := v.ToPage(scene.Point{X: x, Y: baseline(t, i)})
		d.Dot = fixed.Point26_6{X: fixed.Int26_6(p.X * r.dpi * 64), Y: fixed.Int26_6(p.Y * r.dpi * 64)}
		d.DrawString(line)
	}
}
