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
// clipping or state tracking.
type rawShape struct {
	kind       byte // 'r' rect, 'o' rounded rect, 'c' circle, 'p' path, 't' text
	x, y, w, h float64
	radius     float64
	fill       scene.Color
	stroke     scene.Color
	width      float64
	pts        []float64 // path: x0 y0 then c1x c1y c2x c2y x y per curve
	text       string
	size       float64
	bold       bool
	dashed     bool
	alpha      uint8 // < 255: drawn translucent
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
			list = append(list, rawShape{kind: kind, x: float64(p.X), y: float64(p.Y), w: float64(b.W) * k, h: float64(b.H) * k,
				radius: float64(b.Radius) * k, fill: b.Fill, stroke: b.Stroke, width: float64(b.StrokeWidth) * k, dashed: b.Dashed, alpha: b.Fill.A})
		case it.Circle != nil:
			c := it.Circle
			p := v.ToPage(c.Center)
			list = append(list, rawShape{kind: 'c', x: float64(p.X), y: float64(p.Y), radius: float64(c.Radius) * k, fill: c.Fill})
		case it.Path != nil:
			segs = pathSegments(it.Path, segs)
			if len(segs) == 0 {
				break
			}
			var tip, left, right scene.Point
			arrow := false
			if it.Path.ArrowEnd && !it.Path.Closed {
				tip, left, right, arrow = arrowHead(segs, it.Path.Width)
			}
			p0 := v.ToPage(segs[0].From)
			pts := []float64{float64(p0.X), float64(p0.Y)}
			for _, sg := range segs {
				for _, q := range []scene.Point{sg.C1, sg.C2, sg.To} {
					q = v.ToPage(q)
					pts = append(pts, float64(q.X), float64(q.Y))
				}
			}
			list = append(list, rawShape{kind: 'p', pts: pts, stroke: it.Path.Stroke, width: float64(it.Path.Width) * k, dashed: it.Path.Dashed, alpha: it.Path.Stroke.A})
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
			for i, line := range t.Lines {
				p := v.ToPage(scene.Point{X: t.X, Y: baseline(t, i)})
				list = append(list, rawShape{kind: 't', x: float64(p.X), y: float64(p.Y), text: line, size: float64(t.Size) * k, bold: t.Bold, fill: t.Color})
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
// pages directly, setting colour, width, dashes, transparency and font for
// each shape as a program without a scene would.
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
// document to w.
func rawPDF(w io.Writer, pages [][]rawShape, pw, ph float64) error {
	f := fpdf.NewCustom(&fpdf.InitType{UnitStr: "pt", Size: fpdf.SizeType{Wd: pw, Ht: ph}})
	f.SetAutoPageBreak(false, 0)
	f.AddUTF8FontFromBytes(fontFamily, "", fontRegular)
	f.AddUTF8FontFromBytes(fontFamily, "B", fontBold)
	f.SetTitle("L", true)
	for _, shapes := range pages {
		f.AddPage()
		for i := range shapes {
			sh := &shapes[i]
			if sh.alpha < 255 {
				f.SetAlpha(float64(sh.alpha)/255, "Normal")
			}
			if sh.dashed {
				f.SetDashPattern([]float64{4, 3}, 0)
			}
			switch sh.kind {
			case 'r', 'o':
				f.SetFillColor(int(sh.fill.R), int(sh.fill.G), int(sh.fill.B))
				f.SetDrawColor(int(sh.stroke.R), int(sh.stroke.G), int(sh.stroke.B))
				f.SetLineWidth(sh.width)
				if sh.kind == 'o' {
					f.RoundedRect(sh.x, sh.y, sh.w, sh.h, sh.radius, "1234", "DF")
				} else {
					f.Rect(sh.x, sh.y, sh.w, sh.h, "DF")
				}
			case 'c':
				f.SetFillColor(int(sh.fill.R), int(sh.fill.G), int(sh.fill.B))
				f.Circle(sh.x, sh.y, sh.radius, "F")
			case 'p':
				f.SetDrawColor(int(sh.stroke.R), int(sh.stroke.G), int(sh.stroke.B))
				f.SetLineWidth(sh.width)
				f.MoveTo(sh.pts[0], sh.pts[1])
				for k := 2; k+5 < len(sh.pts); k += 6 {
					p := sh.pts[k : k+6]
					f.CurveBezierCubicTo(p[0], p[1], p[2], p[3], p[4], p[5])
				}
				f.DrawPath("D")
			case 'a':
				f.SetFillColor(int(sh.fill.R), int(sh.fill.G), int(sh.fill.B))
				f.MoveTo(sh.pts[0], sh.pts[1])
				f.LineTo(sh.pts[2], sh.pts[3])
				f.LineTo(sh.pts[4], sh.pts[5])
				f.ClosePath()
				f.DrawPath("F")
			case 't':
				style := ""
				if sh.bold {
					style = "B"
				}
				f.SetFont(fontFamily, style, sh.size)
				f.SetTextColor(int(sh.fill.R), int(sh.fill.G), int(sh.fill.B))
				f.Text(sh.x, sh.y, sh.text)
			}
			if sh.dashed {
				f.SetDashPattern(nil, 0)
			}
			if sh.alpha < 255 {
				f.SetAlpha(1, "Normal")
			}
		}
	}
	return f.Output(w)
}
