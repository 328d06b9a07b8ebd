package storage

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// TestAnOlderFileIsReadWithoutBeingWritten checks that check and export of
// an older format version work and leave the file as it is.
func TestAnOlderFileIsReadWithoutBeingWritten(t *testing.T) {
	olds, _ := filepath.Glob("testdata/*v1*.vflow")
	if len(olds) == 0 {
		t.Skip("no version 1 file under testdata")
	}
	path := copyFile(t, olds[0], filepath.Join(t.TempDir(), "old.vflow"))
	before := sum(t, path)
	f, err := OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	if !f.ReadOnly() || f.Path() != path {
		t.Fatalf("read-only %v, path %q", f.ReadOnly(), f.Path())
	}
	m := f.Map()
	f.Close()
	if sum(t, path) != before {
		t.Fatal("reading an older file changed it")
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Fatalf("reading left files behind: %v", entries)
	}
	// Opening it for editing updates it, with the same map.
	g, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	if !reflect.DeepEqual(m, g.Map()) {
		t.Fatal("the map read from the copy differs from the updated file's")
	}
}
