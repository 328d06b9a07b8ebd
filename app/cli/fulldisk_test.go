package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"valueflow/internal/fulldisk"
)

// On a real full disk (make stress mounts a small tmpfs and passes it in
// VALUEFLOW_FULL_DIR) an export or import fails with one line on stderr and
// leaves no output file, whole or partial, and no temporary file behind.
func TestExportAndImportOntoARealFullDiskLeaveNothingBehind(t *testing.T) {
	dir := fulldisk.Dir(t)
	work := t.TempDir()
	src := filepath.Join(work, "kaart.vflow")
	js := filepath.Join(work, "kaart.json")
	for _, args := range [][]string{
		{"sample", "--size", "M", src},
		{"export", src, "--format", "json", "--out", js},
	} {
		var out, errb bytes.Buffer
		if code := Run(args, &out, &errb); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errb.String())
		}
	}
	fulldisk.Fill(t, filepath.Join(dir, "vulling"))

	for _, tc := range []struct {
		name string
		args []string
	}{
		{"a PDF export", []string{"export", src, "--format", "pdf", "--out", filepath.Join(dir, "kaart.pdf")}},
		{"an SVG export", []string{"export", src, "--format", "svg", "--out", filepath.Join(dir, "kaart.svg")}},
		{"a PNG export", []string{"export", src, "--format", "png", "--out", filepath.Join(dir, "kaart.png")}},
		{"a DOT export", []string{"export", src, "--format", "dot", "--out", filepath.Join(dir, "kaart.dot")}},
		{"a JSON export", []string{"export", src, "--format", "json", "--out", filepath.Join(dir, "kaart2.json")}},
		{"an XLSX export", []string{"export", src, "--format", "xlsx", "--out", filepath.Join(dir, "kaart.xlsx")}},
		{"a CSV export", []string{"export", src, "--format", "csv", "--out", filepath.Join(dir, "kaart-csv")}},
		{"a network PDF", []string{"export", src, "--view", "network", "--format", "pdf", "--out", filepath.Join(dir, "netwerk.pdf")}},
		{"an import", []string{"import", js, filepath.Join(dir, "nieuw.vflow")}},
		{"a sample", []string{"sample", filepath.Join(dir, "voorbeeld.vflow")}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			code := Run(tc.args, &out, &errb)
			msg := strings.TrimSpace(errb.String())
			if code == 0 {
				t.Fatal("succeeded on a full disk")
			}
			if msg == "" || strings.Contains(msg, "\n") {
				t.Errorf("want one line on stderr, got %q", msg)
			}
			if !strings.Contains(msg, "the disk is full; nothing was written") {
				t.Errorf("the message does not say the disk is full and nothing was written: %q", msg)
			}
			t.Logf("stderr: %s", msg)
			entries, _ := os.ReadDir(dir)
			for _, e := range entries {
				if e.Name() != "vulling" {
					t.Errorf("left %s behind", e.Name())
				}
			}
		})
	}
}
