package cli

import (
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
)

// pdfPages counts the pages of a PDF with pdfinfo.
func pdfPages(t *testing.T, path string) int {
	t.Helper()
	if _, err := exec.LookPath("pdfinfo"); err != nil {
		t.Skip("pdfinfo is not installed")
	}
	out, err := exec.Command("pdfinfo", path).CombinedOutput()
	if err != nil {
		t.Fatalf("pdfinfo: %v\n%s", err, out)
	}
	m := regexp.MustCompile(`Pages:\s+(\d+)`).FindStringSubmatch(string(out))
	if m == nil {
		t.Fatalf("pdfinfo said:\n%s", out)
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// TestExportPrintsEachViewAsItPrintsBest: without --fit or --scale the
// network and the grid, one picture each, come on one sheet, as does the
// roles matrix of the sample, which stays readable there; the board is
// tiled at 100 % with its lanes and steps on every sheet; a scale given
// is what is printed.
func TestExportPrintsEachViewAsItPrintsBest(t *testing.T) {
	path := sampleFile(t)
	for _, tt := range []struct {
		name  string
		args  []string
		pages func(int) bool
		want  string
	}{
		{"the network", []string{"--view", "network"}, func(n int) bool { return n == 1 }, "one page"},
		{"the grid", []string{"--view", "grid"}, func(n int) bool { return n == 1 }, "one page"},
		{"the roles of the sample", []string{"--view", "roles"}, func(n int) bool { return n == 1 }, "one page"},
		{"the roles at 100 %", []string{"--view", "roles", "--scale", "100"}, func(n int) bool { return n == 2 }, "two pages"},
		{"the network at 200 %", []string{"--view", "network", "--scale", "200"}, func(n int) bool { return n > 1 }, "several pages"},
		{"the board", []string{"--view", "board"}, func(n int) bool { return n > 1 }, "several pages"},
		{"the board fitted", []string{"--view", "board", "--fit"}, func(n int) bool { return n == 1 }, "one page"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "view.pdf")
			mustRun(t, append([]string{"export", path, "--format", "pdf", "--paper", "A4", "--landscape", "--out", out}, tt.args...)...)
			if n := pdfPages(t, out); !tt.pages(n) {
				t.Errorf("%d pages on A4 landscape, want %s", n, tt.want)
			}
		})
	}
}
