package app

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"valueflow/model/sample"
)

// The CSV folder the GUI exports is an ordinary folder, readable by
// everyone as its other exports are (0755, files 0644), not private as the
// temporary folder it is written in.
func TestTheGUIsCSVFolderIsReadableByEveryone(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "kaart")
	if err := csvFolderJob(dir, sample.Map())(context.Background(), func(int, int) {}); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(dir)
	if err != nil || st.Mode().Perm() != 0o755 {
		t.Fatalf("the folder: %v, %v; want mode 755", st.Mode(), err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 8 {
		t.Fatalf("%d files, want the 8 tables", len(entries))
	}
	for _, e := range entries {
		info, err := e.Info()
		if err != nil || info.Mode().Perm() != 0o644 {
			t.Errorf("%s: %v, %v; want mode 644", e.Name(), info.Mode(), err)
		}
	}
}
