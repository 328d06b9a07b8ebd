package export

import (
	"bytes"
	"fmt"
	"image/png"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"valueflow/canvas/scene"
	"valueflow/model"
	"valueflow/model/sample"
)

// The exporters on the real board: the built-in sample and an L map.

func boardMaps(t testing.TB) map[string]*model.Map {
	t.Helper()
	return map[string]*model.Map{"the sample": sample.Map(), "an L map": sample.Generate(sample.L)}
}

func boardScene(m *model.Map) *scene.Scene {
	return scene.Board(m, m.Scenarios[0].ID, scene.BoardOptions{})
}

// cardValues returns the value text of every card of the first scenario.
func cardValues(m *model.Map) []string {
	var out []string
	for _, c := range m.Scenarios[0].Contributions {
		if strings.TrimSpace(c.Value) != "" {
			out = append(out, c.Value)
		}
	}
	return out
}

// sceneTexts returns every line of text in the scene, joined.
func sceneTexts(s *scene.Scene) string {
	var b strings.Builder
	for _, it := range s.Items {
		if it.Text != nil {
			b.WriteString(strings.Join(it.Text.Lines, " ") + "\n")
		}
	}
	return b.String()
}

// shownValues are the card values as the board shows them: a value the
// board shortened with an ellipsis is checked up to the ellipsis.
func shownValues(t *testing.T, m *model.Map, s *scene.Scene) []string {
	t.Helper()
	flat := strings.Join(strings.Fields(sceneTexts(s)), "")
	var out []string
	for _, v := range cardValues(m) {
		if strings.Contains(flat, strings.Join(strings.Fields(v), "")) {
			out = append(out, v)
		} else {
			t.Logf("the board does not show %q in full", v)
		}
	}
	return out
}

func TestBoardPDF(t *testing.T) {
	for name, m := range boardMaps(t) {
		s := boardScene(m)
		values := cardValues(m)
		if shown := shownValues(t, m, s); len(shown) != len(values) {
			t.Errorf("%s: the board shows only %d of %d card values in full", name, len(shown), len(values))
		}
		for _, tc := range []struct {
			setup        scene.PageSetup
			wantW, wantH float64
			values       bool // check every card value in the text
		}{
			{scene.PageSetup{Paper: scene.A3, Landscape: true, ScalePct: 100}, 420, 297, true},
			{scene.PageSetup{Paper: scene.A4, ScalePct: 100}, 210, 297, true},
			// Fitted onto one A4 an L map prints at a few percent: the text
			// is there, but pdftotext cannot separate the lines.
			{scene.PageSetup{Paper: scene.A4, Fit: true}, 210, 297, len(values) < 300},
		} {
			t.Run(fmt.Sprintf("%s on %s", name, tc.setup), func(t *testing.T) {
				path := filepath.Join(t.TempDir(), "board.pdf")
				meta := Meta{Title: m.Title, Author: "test", Scenario: m.Scenarios[0].Name, Date: time.Now()}
				if err := WriteFile(path, func(w io.Writer) error { return PDF(w, s, tc.setup, meta) }); err != nil {
					t.Fatal(err)
				}
				var want []string
				if tc.values {
					want = values
				}
				checkPDF(t, path, tc.wantW, tc.wantH, want)
				if dir := os.Getenv("VALUEFLOW_KEEP"); dir != "" {
					b, _ := os.ReadFile(path)
					os.WriteFile(filepath.Join(dir, strings.NewReplacer(" ", "_", "%", "pct", ",", "").Replace(name+"_"+tc.setup.String())+".pdf"), b, 0o644)
				}
			})
		}
	}
}

func TestBoardSVG(t *testing.T) {
	for name, m := range boardMaps(t) {
		t.Run(name, func(t *testing.T) {
			s := boardScene(m)
			var buf bytes.Buffer
			if err := SVG(&buf, s); err != nil {
				t.Fatal(err)
			}
			texts, ids := svgTexts(t, buf.Bytes())
			flat := strings.Join(strings.Fields(strings.Join(texts, " ")), "")
			for _, v := range shownValues(t, m, s) {
				if !strings.Contains(flat, strings.Join(strings.Fields(v), "")) {
					t.Errorf("the SVG lacks %q", v)
				}
			}
			for _, h := range m.Stakeholders {
				if !ids["lane-"+string(h.ID)] {
					t.Errorf("the SVG has no group for lane %q", h.ID)
				}
			}
		})
	}
}

func TestBoardPNG(t *testing.T) {
	for name, m := range boardMaps(t) {
		s := boardScene(m)
		for _, dpi := range []float32{72, 150} {
			if name == "an L map" && dpi > 72 {
				continue // 150 dpi of an L board is over the pixel limit
			}
			t.Run(fmt.Sprintf("%s at %g dpi", name, dpi), func(t *testing.T) {
				var buf bytes.Buffer
				if err := PNG(&buf, s, dpi); err != nil {
					t.Fatal(err)
				}
				if got := pngDPI(t, buf.Bytes()); got != dpi {
					t.Errorf("the PNG says %g dpi, want %g", got, dpi)
				}
				img, err := png.Decode(&buf)
				if err != nil {
					t.Fatal(err)
				}
				w, h := PNGSize(s, dpi)
				if wantW := int(math.Ceil(float64(s.Width * dpi / 72))); w != wantW {
					t.Errorf("PNGSize gives a width of %d, want %d", w, wantW)
				}
				if img.Bounds().Dx() != w || img.Bounds().Dy() != h {
					t.Errorf("the PNG is %v, want %d × %d", img.Bounds().Size(), w, h)
				}
			})
		}
	}
}

func init() {
	// Benchmark on the real board of an L map.
	benchScene = func() *scene.Scene { return boardScene(sample.Generate(sample.L)) }
}
