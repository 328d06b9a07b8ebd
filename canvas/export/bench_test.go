package export

import (
	"io"
	"runtime"
	"testing"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"valueflow/canvas/scene"
	"valueflow/model/sample"
)

// benchScene is the scene of an L map (DESIGN.md: 40 lanes × 60 steps,
// 1,200 contributions, 1,000 flows): the board's with the boardready tag,
// the stand-in board's otherwise.
var benchScene = func() *scene.Scene {
	m := sample.Generate(sample.L)
	return standInBoard(m, m.Scenarios[0])
}

var benchSetup = scene.PageSetup{Paper: scene.A3, Landscape: true, ScalePct: 100}

func BenchmarkExportPDFL(b *testing.B) {
	s := benchScene()
	meta := Meta{Title: "L", Scenario: "As-is", Date: time.Now()}
	b.ReportAllocs()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for b.Loop() {
		if err := PDF(io.Discard, s, benchSetup, meta); err != nil {
			b.Fatal(err)
		}
	}
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/float64(b.N)/1e6, "MB-alloc/op")
	b.ReportMetric(peakHeap(func() { PDF(io.Discard, s, benchSetup, meta) }), "MB-peak-extra")
}

// peakHeap runs f once and returns the most heap it held beyond what was
// live before, sampled every 200 µs, in MB.
func peakHeap(f func()) float64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	base := ms.HeapAlloc
	peak := base
	done := make(chan struct{})
	sampled := make(chan struct{})
	go func() {
		defer close(sampled)
		var m runtime.MemStats
		for {
			select {
			case <-done:
				return
			case <-time.After(200 * time.Microsecond):
				runtime.ReadMemStats(&m)
				peak = max(peak, m.HeapAlloc)
			}
		}
	}()
	f()
	close(done)
	<-sampled
	return float64(peak-base) / 1e6
}

// rawShape is one thing the exporter draws, already in page points: the
// raw floor draws exactly these with fpdf, without scene, views, culling,
// clipping or alignment (texts are placed beforehand).
type rawShape struct {
	kind       byte // 'r' rect, 'o' rounded rect, 'c' circle, 'p' path, 'a' arrow head, 't' text
	x, y, w, h float64
	radius     float64
	style      string // fpdf's F, D or DF
	fill       scene.Color
	stroke     scene.Color
	width      float64
	pts        []float64 // path: x0 y0, then per segment x y (a line) or c1x c1y c2x c2y x y (a curve)
	curves     []bool    // path: which segments are curves
	text       string
	size       float64
	bold       bool
	dashed     bool
	alpha      uint8 // < 255: drawn translucent
}

// paintStyle is fpdf's style for a shape with fill and stroke, and the
// transparency it is drawn with.
func paintStyle(fill, stroke scene.Color, width float32) (string, uint8) {
	doFill, doStroke := fill.A > 0, stroke.A > 0 && width > 0
	switch {
	case doFill && doStroke:
		return "DF", fill.A
	case doFill:
		return "F", fill.A
	case doStroke:
		return "D", stroke.A
	}
	return "", 255
}

// recordPages lists, per page, what the exporter draws there, from the
// same pagination and culling.
func recordPages(s *scene.Scene, pages []scene.Page) [][]rawShape {
	bounds := boundsOf(s.Items)
	out := make([][]rawShape, len(pages))
	var idx []int32
	var segs []segment
	add := func(list []rawShape, it *scene.Item, v scene.View) []rawShape {
		k := float64(v.Scale)
		switch {
		case it.Box != nil:
			b := it.Box
			p := v.ToPage(scene.Point{X: b.X, Y: b.Y})
			kind := byte('r')
			if b.Radius > 0 {
				kind = 'o'
			}
			style, alpha := paintStyle(b.Fill, b.Stroke, b.StrokeWidth)
			if style == "" {
				break
			}
			list = append(list, rawShape{kind: kind, x: float64(p.X), y: float64(p.Y), w: float64(b.W) * k, h: float64(b.H) * k, style: style,
				radius: float64(min(b.Radius, b.W/2, b.H/2)) * k, fill: b.Fill, stroke: b.Stroke, width: float64(b.StrokeWidth) * k, dashed: b.Dashed, alpha: alpha})
		case it.Circle != nil:
			c := it.Circle
			p := v.ToPage(c.Center)
			style, alpha := paintStyle(c.Fill, c.Stroke, c.StrokeWidth)
			if style == "" {
				break
			}
			list = append(list, rawShape{kind: 'c', x: float64(p.X), y: float64(p.Y), radius: float64(c.Radius) * k, style: style,
				fill: c.Fill, stroke: c.Stroke, width: float64(c.StrokeWidth) * k, alpha: alpha})
		case it.Path != nil:
			segs = pathSegments(it.Path, segs)
			if len(segs) == 0 || it.Path.Stroke.A == 0 || it.Path.Width <= 0 {
				break
			}
			var tip, left, right scene.Point
			arrow := false
			if it.Path.ArrowEnd && !it.Path.Closed {
				tip, left, right, arrow = arrowHead(segs, it.Path.Width)
			}
			p0 := v.ToPage(segs[0].From)
			pts := []float64{float64(p0.X), float64(p0.Y)}
			var curves []bool
			for _, sg := range segs {
				curves = append(curves, sg.Curve)
				if !sg.Curve {
					q := v.ToPage(sg.To)
					pts = append(pts, float64(q.X), float64(q.Y))
					continue
				}
				for _, q := range []scene.Point{sg.C1, sg.C2, sg.To} {
					q = v.ToPage(q)
					pts = append(pts, float64(q.X), float64(q.Y))
				}
			}
			list = append(list, rawShape{kind: 'p', pts: pts, curves: curves, stroke: it.Path.Stroke, width: float64(it.Path.Width) * k, dashed: it.Path.Dashed, alpha: it.Path.Stroke.A})
			if arrow {
				var tri []float64
				for _, q := range []scene.Point{tip, left, right} {
					q = v.ToPage(q)
					tri = append(tri, float64(q.X), float64(q.Y))
				}
				list = append(list, rawShape{kind: 'a', pts: tri, fill: it.Path.Stroke, alpha: it.Path.Stroke.A})
			}
		case it.Text != nil:
			t := it.Text
			if t.Color.A == 0 || t.Size <= 0 {
				break
			}
			for i, line := range t.Lines {
				if line == "" {
					continue
				}
				x := t.X
				if t.Align != scene.AlignLeft {
					lw := scene.MeasureText(line, t.Size, t.Bold)
					if t.Align == scene.AlignCenter {
						x += (t.W - lw) / 2
					} else {
						x += t.W - lw
					}
				}
				p := v.ToPage(scene.Point{X: x, Y: baseline(t, i)})
				list = append(list, rawShape{kind: 't', x: float64(p.X), y: float64(p.Y), text: line, size: float64(t.Size) * k, bold: t.Bold, fill: t.Color, alpha: t.Color.A})
			}
		}
		return list
	}
	for i, p := range pages {
		for _, v := range p.Views {
			idx = cull(bounds, v.Src, idx)
			for _, k := range idx {
				out[i] = add(out[i], &s.Items[k], v)
			}
		}
		page := scene.View{Src: scene.Rect{W: p.Width, H: p.Height}, Dst: scene.Rect{W: p.Width, H: p.Height}, Scale: 1}
		for k := range p.Items {
			out[i] = add(out[i], &p.Items[k], page)
		}
	}
	return out
}

// BenchmarkRawPDFL is the floor: fpdf drawing the same rectangles, circles,
// curves, arrow heads and texts at the same places on the same number of
// pages directly, setting colour, width, dashes, transparency and font only
// when they change, as a careful program without a scene would.
func BenchmarkRawPDFL(b *testing.B) {
	s := benchScene()
	pages, err := scene.Paginate(s, benchSetup, scene.PageInfo{Title: "L"})
	if err != nil {
		b.Fatal(err)
	}
	ops := recordPages(s, pages)
	w, h := float64(pages[0].Width), float64(pages[0].Height)
	b.ReportAllocs()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for b.Loop() {
		if err := rawPDF(io.Discard, ops, w, h); err != nil {
			b.Fatal(err)
		}
	}
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/float64(b.N)/1e6, "MB-alloc/op")
}

// BenchmarkExportVsRawPDFL runs the export and the raw floor one after
// the other in each iteration and reports both and their ratio: on a busy
// machine two separate benchmarks drift apart, one loop does not.
func BenchmarkExportVsRawPDFL(b *testing.B) {
	s := benchScene()
	meta := Meta{Title: "L", Scenario: "As-is", Date: time.Now()}
	pages, err := scene.Paginate(s, benchSetup, meta.PageInfo())
	if err != nil {
		b.Fatal(err)
	}
	ops := recordPages(s, pages)
	w, h := float64(pages[0].Width), float64(pages[0].Height)
	var export, raw time.Duration
	for b.Loop() {
		t0 := time.Now()
		if err := PDF(io.Discard, s, benchSetup, meta); err != nil {
			b.Fatal(err)
		}
		t1 := time.Now()
		if err := rawPDF(io.Discard, ops, w, h); err != nil {
			b.Fatal(err)
		}
		export, raw = export+t1.Sub(t0), raw+time.Since(t1)
	}
	b.ReportMetric(float64(export.Milliseconds())/float64(b.N), "ms-export/op")
	b.ReportMetric(float64(raw.Milliseconds())/float64(b.N), "ms-raw/op")
	b.ReportMetric(float64(export)/float64(raw), "export/raw")
}

func BenchmarkExportSVGL(b *testing.B) {
	s := benchScene()
	b.ReportAllocs()
	for b.Loop() {
		if err := SVG(io.Discard, s); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkExportPNGL(b *testing.B) {
	s := benchScene()
	b.ReportAllocs()
	for b.Loop() {
		if err := PNG(io.Discard, s, 72); err != nil {
			b.Fatal(err)
		}
	}
}

// rawPDF draws the recorded shapes with fpdf directly and writes the
// document to w, as a careful program without a scene would: it sets a
// colour, line width, dash pattern, transparency or font only when it
// differs from the one in force.
func rawPDF(w io.Writer, pages [][]rawShape, pw, ph float64) error {
	f := fpdf.NewCustom(&fpdf.InitType{UnitStr: "pt", Size: fpdf.SizeType{Wd: pw, Ht: ph}})
	f.SetAutoPageBreak(false, 0)
	f.AddUTF8FontFromBytes(fontFamily, "", fontRegular)
	f.AddUTF8FontFromBytes(fontFamily, "B", fontBold)
	f.SetTitle("L", true)
	var st struct {
		fill, draw, text scene.Color
		width, size      float64
		dashed, bold     bool
		alpha            uint8
		font             bool
	}
	st.width = -1
	fill := func(c scene.Color) {
		if c != st.fill {
			f.SetFillColor(int(c.R), int(c.G), int(c.B))
			st.fill = c
		}
	}
	draw := func(c scene.Color, w float64, dashed bool) {
		if c != st.draw {
			f.SetDrawColor(int(c.R), int(c.G), int(c.B))
			st.draw = c
		}
		if w != st.width {
			f.SetLineWidth(w)
			st.width = w
		}
		if dashed != st.dashed {
			if dashed {
				f.SetDashPattern([]float64{4 * w, 3 * w}, 0)
			} else {
				f.SetDashPattern(nil, 0)
			}
			st.dashed = dashed
		}
	}
	alpha := func(a uint8) {
		if a != st.alpha {
			f.SetAlpha(float64(a)/255, "Normal")
			st.alpha = a
		}
	}
	for _, shapes := range pages {
		f.AddPage()
		st.alpha = 255 // a page starts opaque; fpdf carries the rest over
		for i := range shapes {
			sh := &shapes[i]
			alpha(sh.alpha)
			switch sh.kind {
			case 'r', 'o', 'c':
				if sh.style != "D" {
					fill(sh.fill)
				}
				if sh.style != "F" {
					draw(sh.stroke, sh.width, sh.dashed)
				}
				switch sh.kind {
				case 'o':
					f.RoundedRect(sh.x, sh.y, sh.w, sh.h, sh.radius, "1234", sh.style)
				case 'r':
					f.Rect(sh.x, sh.y, sh.w, sh.h, sh.style)
				default:
					f.Circle(sh.x, sh.y, sh.radius, sh.style)
				}
			case 'p':
				draw(sh.stroke, sh.width, sh.dashed)
				f.MoveTo(sh.pts[0], sh.pts[1])
				k := 2
				for _, curve := range sh.curves {
					if curve {
						p := sh.pts[k : k+6]
						f.CurveBezierCubicTo(p[0], p[1], p[2], p[3], p[4], p[5])
						k += 6
					} else {
						f.LineTo(sh.pts[k], sh.pts[k+1])
						k += 2
					}
				}
				f.DrawPath("D")
			case 'a':
				fill(sh.fill)
				f.MoveTo(sh.pts[0], sh.pts[1])
				f.LineTo(sh.pts[2], sh.pts[3])
				f.LineTo(sh.pts[4], sh.pts[5])
				f.ClosePath()
				f.DrawPath("F")
			case 't':
				if !st.font || sh.bold != st.bold || sh.size != st.size {
					style := ""
					if sh.bold {
						style = "B"
					}
					f.SetFont(fontFamily, style, sh.size)
					st.font, st.bold, st.size = true, sh.bold, sh.size
				}
				if sh.fill != st.text {
					f.SetTextColor(int(sh.fill.R), int(sh.fill.G), int(sh.fill.B))
					st.text = sh.fill
				}
				f.Text(sh.x, sh.y, sh.text)
			}
		}
	}
	return f.Output(w)
}
