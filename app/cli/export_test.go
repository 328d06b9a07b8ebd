package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// sampleMap writes the built-in sample into a new folder and returns its path.
func sampleMap(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "zorgpad.vflow")
	mustRun(t, "sample", path)
	return path
}

func TestExportRefusesBadDrawingFlagsInOneLine(t *testing.T) {
	m := sampleMap(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"an unknown paper, listing the valid ones", []string{"--format", "pdf", "--paper", "B5"}, `unknown paper "B5" (valid: A4, A3, Letter)`},
		{"an empty paper", []string{"--format", "pdf", "--paper", ""}, `unknown paper "" (valid: A4, A3, Letter)`},
		{"an unknown format, listing the valid ones", []string{"--format", "docx"}, "valid: json, pdf, svg, png, dot, xlsx, csv"},
		{"an unknown view, listing the valid ones", []string{"--format", "pdf", "--view", "kanban"}, "valid: board, network, grid, roles, compare"},
		{"a scale below 10 %", []string{"--format", "pdf", "--scale", "5"}, "--scale 5 is out of range (10 to 400 percent)"},
		{"a scale above 400 %", []string{"--format", "pdf", "--scale", "401"}, "--scale 401 is out of range (10 to 400 percent)"},
		{"--fit with --scale", []string{"--format", "pdf", "--fit", "--scale", "50"}, "--fit and --scale exclude each other"},
		{"a scale of 0 %, which is not the default", []string{"--format", "pdf", "--scale", "0"}, "--scale 0 is out of range (10 to 400 percent)"},
		{"a negative scale", []string{"--format", "pdf", "--scale", "-50"}, "--scale -50 is out of range (10 to 400 percent)"},
		{"an absurd scale", []string{"--format", "pdf", "--scale", "100000"}, "--scale 100000 is out of range (10 to 400 percent)"},
		{"a scale that is not a number", []string{"--format", "pdf", "--scale", "NaN"}, "--scale NaN is out of range (10 to 400 percent)"},
		{"a paper for an svg, which has no pages", []string{"--format", "svg", "--paper", "A3"}, "--paper applies to pdf only: svg has no pages"},
		{"an unknown paper for an svg", []string{"--format", "svg", "--paper", "B5"}, "--paper applies to pdf only: svg has no pages"},
		{"landscape and a scale for a png", []string{"--format", "png", "--landscape", "--scale", "50"}, "--landscape, --scale apply to pdf only: png has no pages"},
		{"fit for a png", []string{"--format", "png", "--fit"}, "--fit applies to pdf only: png has no pages"},
		{"every page flag for an svg", []string{"--format", "svg", "--paper", "A4", "--landscape", "--fit"}, "--paper, --landscape, --fit apply to pdf only: svg has no pages"},
		{"a page flag for a dot file", []string{"--format", "dot", "--landscape"}, "--landscape applies to pdf only: dot has no pages"},
		{"a page flag for json", []string{"--format", "json", "--scale", "100"}, "--scale applies to pdf only: json has no pages"},
		{"a resolution for a pdf", []string{"--format", "pdf", "--dpi", "300"}, "--dpi applies to png only: pdf has no pixels to count"},
		{"a resolution for an svg", []string{"--format", "svg", "--dpi", "300"}, "--dpi applies to png only: svg has no pixels to count"},
		{"an unknown paper for the compare view", []string{"--format", "pdf", "--view", "compare", "--from", "a", "--to", "b", "--paper", "B5"}, `unknown paper "B5"`},
		{"a scale out of range for the compare view", []string{"--format", "pdf", "--view", "compare", "--from", "a", "--to", "b", "--scale", "0"}, "--scale 0 is out of range"},
		{"a resolution out of range", []string{"--format", "png", "--dpi", "5000"}, "--dpi 5000 is out of range (10 to 1200)"},
		{"an unknown flag", []string{"--format", "pdf", "--colour"}, "flag provided but not defined: -colour"},
		{"the network as dot, which is the board's", []string{"--format", "dot", "--view", "network"}, "--view network cannot be written as dot (valid: pdf, svg, png)"},
		{"the grid as json, which is the map's", []string{"--format", "json", "--view", "grid"}, "--view grid cannot be written as json (valid: pdf, svg, png)"},
		{"the roles as xlsx", []string{"--format", "xlsx", "--view", "roles"}, "--view roles cannot be written as xlsx (valid: pdf, svg, png)"},
		{"the roles as csv", []string{"--format", "csv", "--view", "roles"}, "--view roles cannot be written as csv (valid: pdf, svg, png)"},
		{"the network as csv", []string{"--format", "csv", "--view", "network"}, "--view network cannot be written as csv (valid: pdf, svg, png)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, to := range []string{out, "-"} {
				args := append([]string{"export", m, "--out", to}, tt.args...)
				code, stdout, stderr := run(t, args...)
				if code != 1 {
					t.Errorf("--out %s: exit %d, want 1", to, code)
				}
				if stdout != "" {
					t.Errorf("--out %s: standard output holds %q (the usage or a partial export)", to, stdout)
				}
				if strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, tt.want) {
					t.Errorf("--out %s: stderr %q, want one line with %q", to, stderr, tt.want)
				}
			}
			if _, err := os.Stat(out); !os.IsNotExist(err) {
				t.Errorf("a refused export left %s", out)
			}
		})
	}
}

func TestExportHelpPrintsTheUsageOnlyWhenAsked(t *testing.T) {
	code, stdout, stderr := run(t, "export", "--help")
	if code != 0 || !strings.Contains(stdout, "Usage: valueflow export FILE") || !strings.Contains(stdout, "-paper") || stderr != "" {
		t.Errorf("export --help: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}

// TestExportToAnUnwritableOutSaysSoAndLeavesNothing works as root too: no
// folder permission stops root, but a read-only file, a path under a file
// and a folder in the way refuse everyone.
func TestExportToAnUnwritableOutSaysSoAndLeavesNothing(t *testing.T) {
	m := sampleMap(t)
	dir := t.TempDir()
	readOnly := filepath.Join(dir, "locked.pdf")
	os.WriteFile(readOnly, []byte("the old print"), 0o444)
	plain := filepath.Join(dir, "notes.txt")
	os.WriteFile(plain, []byte("notes"), 0o644)
	folder := filepath.Join(dir, "board.pdf")
	os.Mkdir(folder, 0o755)
	tests := []struct {
		name, out, want string
	}{
		{"a read-only file", readOnly, "the file is read-only"},
		{"a path under a file", filepath.Join(plain, "board.pdf"), "is not a folder"},
		{"a folder that does not exist", filepath.Join(dir, "nope", "board.pdf"), "does not exist"},
		{"a folder in the way", folder, "it is a folder"},
		{"a name too long for the disk", filepath.Join(dir, strings.Repeat("a", 300)+".out"), "the name is too long for its disk"},
		// The temporary file's name would be too long, though OUT's is not.
		{"a name just short enough", filepath.Join(dir, strings.Repeat("b", 250)+".out"), "the name is too long for its disk"},
		{"a folder that makes no files", "/proc/x.out", `the folder "/proc" does not accept new files`},
	}
	for _, tt := range tests {
		formats := []string{"pdf", "svg", "png", "json"}
		if strings.HasPrefix(tt.out, "/proc/") {
			if _, err := os.Stat("/proc/self"); err != nil {
				continue
			}
			formats = append(formats, "csv", "xlsx", "dot")
		}
		for _, format := range formats {
			t.Run(tt.name+" as "+format, func(t *testing.T) {
				code, stdout, stderr := run(t, "export", m, "--format", format, "--out", tt.out)
				if code != 1 || stdout != "" || strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, tt.want) {
					t.Errorf("exit %d, stdout %q, stderr %q; want one line with %q", code, stdout, stderr, tt.want)
				}
				// OUT as typed, not the temporary file the export went to.
				if !strings.Contains(stderr, `"`+tt.out+`"`) || strings.Contains(stderr, ".tmp") {
					t.Errorf("stderr %q does not name %q alone", stderr, tt.out)
				}
			})
		}
	}
	if b, _ := os.ReadFile(readOnly); string(b) != "the old print" {
		t.Errorf("the read-only file now holds %q", b)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 3 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("the folder holds %v, want only the three files made here", names)
	}
}

func TestExportPDFOnEveryPaper(t *testing.T) {
	m := sampleMap(t)
	for _, paper := range []string{"A4", "a3", "Letter"} {
		out := filepath.Join(t.TempDir(), "board.pdf")
		mustRun(t, "export", m, "--format", "pdf", "--paper", paper, "--landscape", "--out", out)
		b, err := os.ReadFile(out)
		if err != nil || !strings.HasPrefix(string(b), "%PDF-") {
			t.Errorf("--paper %s: %v", paper, err)
		}
	}
}

// pdfText is the text of a PDF as pdftotext reads it, its words joined by
// single spaces (the test is skipped where pdftotext is not installed).
func pdfText(t *testing.T, path string) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext is not installed")
	}
	out, err := exec.Command("pdftotext", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return strings.Join(strings.Fields(string(out)), " ")
}

func TestExportedAnalysisViewsPrintOnlyTheirOwnLegend(t *testing.T) {
	m := sampleMap(t)
	// The board's legend: its section titles and flow kinds.
	board := []string{"Criticality", "Capital", "Evidence", "Experience", "hand-off"}
	tests := []struct {
		view string
		want []string // words of the view's own legend
	}{
		{"roles", []string{"lead", "contributes", "consulted", "informed", "no lead", "only informed, leads the next step"}},
		{"network", []string{"broker (high betweenness)", "flows (width = number)"}},
		{"grid", []string{"Manage closely"}},
	}
	for _, tt := range tests {
		t.Run(tt.view, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), tt.view+".pdf")
			mustRun(t, "export", m, "--view", tt.view, "--format", "pdf", "--fit", "--out", out)
			text := pdfText(t, out)
			for _, w := range board {
				if strings.Contains(text, w) {
					t.Errorf("the %s page prints the board legend's %q:\n%s", tt.view, w, text)
				}
			}
			for _, w := range tt.want {
				if !strings.Contains(text, w) {
					t.Errorf("the %s page lacks %q:\n%s", tt.view, w, text)
				}
			}
		})
	}
}
