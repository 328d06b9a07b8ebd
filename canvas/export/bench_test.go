package export

import (
	"io"
	"runtime"
	"testing"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"valueflow/canvas/scene"
)

// benchScene is the scene of an L map (DESIGN.md: 40 lanes × 60 steps,
// 1,200 contributions, 1,000 flows): the board's when it exists.
var benchScene = func() *scene.Scene {
	s, _ := synthScene(40, 60)
	return s
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

// rawOps is what the exporter draws on one page, counted from the same
// pagination, so the raw benchmark draws as much without the scene.
type rawOps struct {
	rects, rounded, circles int
	paths                   []int // segments per path
	texts                   []string
}

func countOps(s *scene.Scene, pages []scene.Page) []rawOps {
	bounds := boundsOf(s.Items)
	out := make([]rawOps, len(pages))
	var idx []int32
	add := func(o *rawOps, it *scene.Item) {
		switch {
		case it.Box != nil:
			if it.Box.Radius > 0 {
				o.rounded++
			} else {
				o.rects++
			}
		case it.Circle != nil:
			o.circles++
		case it.Path != nil:
			n := len(it.Path.Points)
			if it.Path.ArrowEnd {
				n += 3
			}
			o.paths = append(o.paths, n)
		case it.Text != nil:
			o.texts = append(o.texts, it.Text.Lines...)
		}
	}
	for i, p := range pages {
		for _, v := range p.Views {
			idx = cull(bounds, v.Src, idx)
			for _, k := range idx {
				add(&out[i], &s.Items[k])
			}
		}
		for k := range p.Items {
			add(&out[i], &p.Items[k])
		}
	}
	return out
}

// BenchmarkRawPDFL is the floor: fpdf drawing the same numbers of
// rectangles, circles, curves and texts (the same strings) on the same
// number of pages directly, with a colour and width per shape.
func BenchmarkRawPDFL(b *testing.B) {
	s := benchScene()
	pages, err := scene.Paginate(s, benchSetup, scene.PageInfo{Title: "L"})
	if err != nil {
		b.Fatal(err)
	}
	ops := countOps(s, pages)
	w, h := float64(pages[0].Width), float64(pages[0].Height)
	b.ReportAllocs()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for b.Loop() {
		f := fpdf.NewCustom(&fpdf.InitType{UnitStr: "pt", Size: fpdf.SizeType{Wd: w, Ht: h}})
		f.SetAutoPageBreak(false, 0)
		f.AddUTF8FontFromBytes(fontFamily, "", fontRegular)
		f.AddUTF8FontFromBytes(fontFamily, "B", fontBold)
		f.SetTitle("L", true)
		for _, o := range ops {
			f.AddPage()
			f.SetFont(fontFamily, "", 9)
			x, y := 20.0, 20.0
			step := func() {
				x += 37
				if x > w-60 {
					x, y = 20, y+23
					if y > h-40 {
						y = 20
					}
				}
			}
			for i := 0; i < o.rects; i++ {
				f.SetFillColor(200+i%50, 230, 250)
				f.Rect(x, y, 30, 20, "F")
				step()
			}
			for i := 0; i < o.rounded; i++ {
				f.SetFillColor(255, 236, 179)
				f.SetDrawColor(30, 30, 30)
				f.SetLineWidth(1 + float64(i%2))
				f.RoundedRect(x, y, 30, 20, 5, "1234", "DF")
				step()
			}
			for i := 0; i < o.circles; i++ {
				f.SetFillColor(46, 125, 50)
				f.Circle(x, y, 3, "F")
				step()
			}
			for _, n := range o.paths {
				f.SetDrawColor(21, 101, 192)
				f.SetLineWidth(1.5)
				f.MoveTo(x, y)
				for k := 1; k < n; k++ {
					f.CurveBezierCubicTo(x+5, y+float64(k), x+10, y-float64(k), x+float64(4*k), y+3)
				}
				f.DrawPath("D")
				step()
			}
			for i, t := range o.texts {
				if i%3 == 0 {
					f.SetTextColor(30, 30, 30)
				}
				f.Text(x, y, t)
				step()
			}
		}
		if err := f.Output(io.Discard); err != nil {
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
