package export

import (
	"context"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"valueflow/canvas/scene"
)

// needTool skips the test when an external checker is not installed.
func needTool(t *testing.T, name string) {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		t.Skipf("%s is not installed", name)
	}
}

func writePDF(t *testing.T, s *scene.Scene, setup scene.PageSetup) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "map.pdf")
	meta := Meta{Title: "Zorgpad diabetes", Author: "Wijkteam Noord", Scenario: "Huidige situatie", Date: time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)}
	if err := WriteFile(path, func(w io.Writer) error { return PDF(w, s, setup, meta) }); err != nil {
		t.Fatalf("PDF: %v", err)
	}
	if os.Getenv("VALUEFLOW_KEEP") != "" {
		// Keep a copy to look at: VALUEFLOW_KEEP=/tmp/dir go test -run TestPDF
		b, _ := os.ReadFile(path)
		os.WriteFile(filepath.Join(os.Getenv("VALUEFLOW_KEEP"), strings.NewReplacer(" ", "_", "%", "pct", "/", "_").Replace(t.Name())+".pdf"), b, 0o644)
	}
	return path
}

// pdfPages returns the number of pages and the size of the first in mm.
func pdfPages(t *testing.T, path string) (int, float64, float64) {
	t.Helper()
	out, err := exec.Command("pdfinfo", path).CombinedOutput()
	if err != nil {
		t.Fatalf("pdfinfo: %v\n%s", err, out)
	}
	pages := regexp.MustCompile(`Pages:\s+(\d+)`).FindStringSubmatch(string(out))
	size := regexp.MustCompile(`Page size:\s+([\d.]+) x ([\d.]+) pts`).FindStringSubmatch(string(out))
	if pages == nil || size == nil {
		t.Fatalf("pdfinfo said:\n%s", out)
	}
	n, _ := strconv.Atoi(pages[1])
	w, _ := strconv.ParseFloat(size[1], 64)
	h, _ := strconv.ParseFloat(size[2], 64)
	return n, w / scene.PtPerMM, h / scene.PtPerMM
}

// checkPDF runs the external checks every exported PDF must pass.
func checkPDF(t *testing.T, path string, wantW, wantH float64, values []string) (pages int, text string) {
	t.Helper()
	needTool(t, "pdfinfo")
	needTool(t, "pdftotext")
	needTool(t, "qpdf")
	n, w, h := pdfPages(t, path)
	if abs(w-wantW) > 0.5 || abs(h-wantH) > 0.5 {
		t.Errorf("page size is %.1f × %.1f mm, want %.1f × %.1f", w, h, wantW, wantH)
	}
	if out, err := exec.Command("qpdf", "--check", path).CombinedOutput(); err != nil {
		t.Errorf("qpdf --check: %v\n%s", err, out)
	}
	out, err := exec.Command("pdftotext", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	text = string(out)
	// pdftotext may split a line where tiles cut it; compare without spaces.
	flat := strings.Join(strings.Fields(text), "")
	for _, v := range values {
		if !strings.Contains(flat, strings.Join(strings.Fields(v), "")) {
			t.Errorf("the PDF text lacks %q", v)
		}
	}
	return n, text
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

func TestPDF(t *testing.T) {
	small, smallValues := synthScene(4, 6)
	big, bigValues := synthScene(12, 20)
	tests := []struct {
		name         string
		s            *scene.Scene
		values       []string
		setup        scene.PageSetup
		wantW, wantH float64
		wantPages    int // 0: more than one
	}{
		{"fits a small board on one A4 landscape page", small, smallValues, scene.PageSetup{Paper: scene.A4, Landscape: true, Fit: true}, 297, 210, 1},
		{"fits a big board on one A3 portrait page", big, bigValues, scene.PageSetup{Paper: scene.A3, Fit: true}, 297, 420, 1},
		{"tiles a big board on A3 landscape at 100 %", big, bigValues, scene.PageSetup{Paper: scene.A3, Landscape: true, ScalePct: 100}, 420, 297, 0},
		{"tiles a big board on A4 portrait at 60 %", big, bigValues, scene.PageSetup{Paper: scene.A4, ScalePct: 60}, 210, 297, 0},
		{"prints on Letter", small, smallValues, scene.PageSetup{Paper: scene.Letter, Landscape: true}, 279.4, 215.9, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writePDF(t, tt.s, tt.setup)
			n, text := checkPDF(t, path, tt.wantW, tt.wantH, tt.values)
			if tt.wantPages > 0 && n != tt.wantPages {
				t.Errorf("%d pages, want %d", n, tt.wantPages)
			}
			if tt.wantPages == 0 && n < 2 && tt.s == big {
				t.Errorf("%d pages, want a tiled print", n)
			}
			for _, want := range []string{"Zorgpad diabetes", "Huidige situatie", "2026-11-22", "page 1 of", "Thuiszorg é ë ï", "week 1–2"} {
				if !strings.Contains(text, want) {
					t.Errorf("the page header lacks %q", want)
				}
			}
			out, _ := exec.Command("pdfinfo", path).Output()
			if !strings.Contains(string(out), "Wijkteam Noord") || !strings.Contains(string(out), "Zorgpad diabetes") {
				t.Errorf("the metadata lacks title or author:\n%s", out)
			}
		})
	}
}

func TestPDFProgressReportsAndCancels(t *testing.T) {
	s, _ := synthScene(12, 20)
	pages, err := scene.Paginate(s, scene.PageSetup{Paper: scene.A4}, scene.PageInfo{})
	if err != nil {
		t.Fatal(err)
	}
	var seen []int
	if err := PDFProgress(context.Background(), io.Discard, s, pages, Meta{}, func(done, total int) {
		if total != len(pages) {
			t.Errorf("total = %d, want %d", total, len(pages))
		}
		seen = append(seen, done)
	}); err != nil {
		t.Fatal(err)
	}
	if len(seen) != len(pages) || seen[len(seen)-1] != len(pages) {
		t.Errorf("progress went %v for %d pages", seen, len(pages))
	}
	ctx, cancel := context.WithCancel(context.Background())
	err = PDFProgress(ctx, io.Discard, s, pages, Meta{}, func(done, total int) {
		if done == 2 {
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("a cancelled export returned %v", err)
	}
}
