package export

import (
	"bytes"
	"image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"valueflow/canvas/scene"
	"valueflow/model"
	"valueflow/model/sample"
)

// standInBoard lays a map out the way the board does (lanes × steps, cards
// with wrapped value text, flows as curves), so the exporters are checked
// on the real sample and an L map, with their Dutch texts, independently
// of the board's own layout (see board_test.go for that).
func standInBoard(m *model.Map, sc *model.Scenario) *scene.Scene {
	const left, top, colW, cardW, cardH, gap = 160, 70, 170, 150, 56, 8
	black := scene.Color{R: 30, G: 30, B: 30, A: 255}
	laneY := map[model.ID]float32{}
	laneH := map[model.ID]float32{}
	stepX := map[model.ID]float32{}
	for i, st := range sc.Steps {
		stepX[st.ID] = left + colW*float32(i)
	}
	// A lane is as tall as its fullest cell.
	count := map[[2]model.ID]int{}
	y := float32(top)
	for _, h := range m.Stakeholders {
		most := 1
		for _, c := range sc.Contributions {
			if c.Stakeholder == h.ID {
				k := [2]model.ID{c.Stakeholder, c.Step}
				count[k]++
				most = max(most, count[k])
			}
		}
		laneY[h.ID], laneH[h.ID] = y, float32(most)*(cardH+gap)+gap
		y += laneH[h.ID]
	}
	s := &scene.Scene{Title: m.Title, Width: left + colW*float32(len(sc.Steps)), Height: y, LeftBand: left, TopBand: top,
		Background: scene.Color{R: 255, G: 255, B: 255, A: 255}}
	for i, h := range m.Stakeholders {
		g := "lane:" + string(h.ID)
		fill := scene.Hex(h.Colour, scene.Color{R: 240, G: 244, B: 248, A: 255})
		fill.A = 40
		if i%2 == 1 {
			fill.A = 20
		}
		s.Add(scene.Item{Group: g, Box: &scene.Box{Rect: scene.Rect{Y: laneY[h.ID], W: s.Width, H: laneH[h.ID]}, Fill: fill}})
		s.Add(scene.Item{Group: g, Text: &scene.Text{Rect: scene.Rect{X: 8, Y: laneY[h.ID] + 8, W: left - 16, H: 40},
			Lines: wrap(h.Name, 22), Size: 10, Bold: true, Color: black}})
	}
	for _, st := range sc.Steps {
		g := "step:" + string(st.ID)
		s.Add(scene.Item{Group: g, Box: &scene.Box{Rect: scene.Rect{X: stepX[st.ID], W: colW, H: top}, Fill: scene.Color{R: 227, G: 235, B: 245, A: 255}, Stroke: scene.Color{R: 255, G: 255, B: 255, A: 255}, StrokeWidth: 2}})
		s.Add(scene.Item{Group: g, Text: &scene.Text{Rect: scene.Rect{X: stepX[st.ID] + 6, Y: 8, W: colW - 12, H: top - 16},
			Lines: append(wrap(st.Name, 26), st.Timing), Size: 9, Bold: true, Color: black, Align: scene.AlignCenter}})
	}
	at := map[model.ID]scene.Rect{}
	slot := map[[2]model.ID]int{}
	for _, c := range sc.Contributions {
		k := [2]model.ID{c.Stakeholder, c.Step}
		r := scene.Rect{X: stepX[c.Step] + (colW-cardW)/2, Y: laneY[c.Stakeholder] + gap + float32(slot[k])*(cardH+gap), W: cardW, H: cardH}
		slot[k]++
		at[c.ID] = r
		g := "card:" + string(c.ID)
		tg := scene.Target{Kind: model.EntityContribution, ID: c.ID}
		width := float32(1)
		if c.Role == model.RoleLead {
			width = 2
		}
		s.Add(scene.Item{Group: g, Target: tg, Box: &scene.Box{Rect: r, Fill: scene.Color{R: 255, G: 248, B: 225, A: 255}, Stroke: black, StrokeWidth: width, Radius: 5,
			Dashed: c.Role == model.RoleConsulted || c.Role == model.RoleInformed}})
		s.Add(scene.Item{Group: g, Target: tg, Text: &scene.Text{Rect: scene.Rect{X: r.X + 6, Y: r.Y + 5, W: r.W - 12, H: r.H - 10},
			Lines: wrap(c.Value, 27), Size: 9, Color: black}})
	}
	for _, f := range sc.Flows {
		a, ok1 := at[f.From]
		b, ok2 := at[f.To]
		if !ok1 || !ok2 {
			continue
		}
		p0 := scene.Point{X: a.X + a.W, Y: a.Y + a.H/2}
		p1 := scene.Point{X: b.X, Y: b.Y + b.H/2}
		mid := scene.Point{X: (p0.X + p1.X) / 2, Y: (p0.Y+p1.Y)/2 + 12}
		s.Add(scene.Item{Group: "flow:" + string(f.ID), Path: &scene.Path{Points: []scene.Point{p0, mid, p1},
			Stroke: scene.Color{R: 21, G: 101, B: 192, A: 255}, Width: 1.2, Smooth: true, ArrowEnd: true, Dashed: f.Kind == model.FlowInformation}})
	}
	return s
}

// wrap breaks s into lines of at most n runes at spaces.
func wrap(s string, n int) []string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(s) {
		if line != "" && len([]rune(line))+1+len([]rune(w)) > n {
			lines = append(lines, line)
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += w
	}
	return append(lines, line)
}

type testMap struct {
	name string
	m    *model.Map
}

func sampleAndL() []testMap {
	return []testMap{{"the sample", sample.Map()}, {"an L map", sample.Generate(sample.L)}}
}

// rawText extracts the PDF's text in drawing order, where the lines of a
// card follow each other, with all white space removed.
func rawText(t *testing.T, path string) string {
	t.Helper()
	out, err := exec.Command("pdftotext", "-raw", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return strings.Join(strings.Fields(string(out)), "")
}

func TestPDFOfTheSampleAndAnLMap(t *testing.T) {
	for _, tm := range sampleAndL() {
		sc := tm.m.Scenarios[0]
		s := standInBoard(tm.m, sc)
		for _, tc := range []struct {
			setup        scene.PageSetup
			wantW, wantH float64
		}{
			{scene.PageSetup{Paper: scene.A3, Landscape: true, ScalePct: 100}, 420, 297},
			{scene.PageSetup{Paper: scene.A4, ScalePct: 70}, 210, 297},
			{scene.PageSetup{Paper: scene.A3, Fit: true}, 297, 420},
		} {
			t.Run(tm.name+" on "+tc.setup.String(), func(t *testing.T) {
				path := filepath.Join(t.TempDir(), "map.pdf")
				meta := Meta{Title: tm.m.Title, Author: "Wijkteam", Scenario: sc.Name, Date: time.Now()}
				if err := WriteFile(path, func(w io.Writer) error { return PDF(w, s, tc.setup, meta) }); err != nil {
					t.Fatal(err)
				}
				checkPDF(t, path, tc.wantW, tc.wantH, nil)
				text := rawText(t, path)
				missing := 0
				for _, c := range sc.Contributions {
					if !strings.Contains(text, strings.Join(strings.Fields(c.Value), "")) {
						if missing++; missing <= 5 {
							t.Errorf("the PDF lacks card %s: %q", c.ID, c.Value)
						}
					}
				}
				if missing > 0 {
					t.Errorf("%d of %d card values are missing", missing, len(sc.Contributions))
				}
				if dir := os.Getenv("VALUEFLOW_KEEP"); dir != "" {
					b, _ := os.ReadFile(path)
					os.WriteFile(filepath.Join(dir, strings.NewReplacer(" ", "_", "%", "pct", ",", "").Replace(tm.name+"_"+tc.setup.String())+".pdf"), b, 0o644)
				}
			})
		}
	}
}

func TestSVGOfTheSampleAndAnLMap(t *testing.T) {
	for _, tm := range sampleAndL() {
		t.Run(tm.name, func(t *testing.T) {
			sc := tm.m.Scenarios[0]
			var buf bytes.Buffer
			if err := SVG(&buf, standInBoard(tm.m, sc)); err != nil {
				t.Fatal(err)
			}
			texts, ids := svgTexts(t, buf.Bytes())
			flat := strings.Join(strings.Fields(strings.Join(texts, "")), "")
			for _, c := range sc.Contributions {
				if !strings.Contains(flat, strings.Join(strings.Fields(c.Value), "")) {
					t.Errorf("the SVG lacks card %s: %q", c.ID, c.Value)
				}
				if !ids["card-"+string(c.ID)] {
					t.Errorf("the SVG has no group for card %s", c.ID)
				}
			}
			for _, h := range tm.m.Stakeholders {
				if !ids["lane-"+string(h.ID)] {
					t.Errorf("the SVG has no group for lane %s", h.ID)
				}
			}
		})
	}
}

func TestPNGOfTheSample(t *testing.T) {
	m := sample.Map()
	s := standInBoard(m, m.Scenarios[0])
	for _, dpi := range []float32{72, 150, 300} {
		var buf bytes.Buffer
		if err := PNG(&buf, s, dpi); err != nil {
			t.Fatal(err)
		}
		if dir := os.Getenv("VALUEFLOW_KEEP"); dir != "" && dpi == 72 {
			os.WriteFile(filepath.Join(dir, "sample.png"), buf.Bytes(), 0o644)
		}
		img, err := png.Decode(&buf)
		if err != nil {
			t.Fatal(err)
		}
		w, h := PNGSize(s, dpi)
		if img.Bounds().Dx() != w || img.Bounds().Dy() != h {
			t.Errorf("at %g dpi the PNG is %v, want %d × %d", dpi, img.Bounds().Size(), w, h)
		}
	}
}
