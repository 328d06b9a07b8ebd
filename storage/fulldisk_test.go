package storage

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"syscall"
	"testing"

	"valueflow/model"
	"valueflow/model/sample"
)

// fullDiskDir is a small, otherwise empty file system (make stress mounts a
// tmpfs of a few MB and passes it in VALUEFLOW_FULL_DIR). The max_page_count
// tests in save_test.go run everywhere; this one fills a real disk, where
// the journal and Save As's temporary copy cannot be written either.
func fullDiskDir(t *testing.T) string {
	dir := os.Getenv("VALUEFLOW_FULL_DIR")
	if dir == "" {
		t.Skip("set VALUEFLOW_FULL_DIR to a small, empty file system (make stress mounts a tmpfs there)")
	}
	sub, err := os.MkdirTemp(dir, "full")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(sub) })
	return sub
}

// fillDisk writes path until the file system refuses more.
func fillDisk(t *testing.T, path string) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	chunk := make([]byte, 64<<10)
	for {
		if _, err := f.Write(chunk); err != nil {
			if !errors.Is(err, syscall.ENOSPC) {
				t.Fatalf("filling the disk: %v", err)
			}
			break
		}
	}
	// The last bytes a smaller write still fits.
	for {
		if _, err := f.Write(chunk[:512]); err != nil {
			break
		}
	}
}

func TestARealFullDiskRefusesEditsAndSaveAsAndTheFileStillOpens(t *testing.T) {
	dir := fullDiskDir(t)
	path := filepath.Join(dir, "kaart.vflow")
	if err := Create(path, sample.Map()); err != nil {
		t.Fatal(err)
	}
	f, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ed := model.NewEditor(f.Map(), f)
	if err := ed.Do(model.SetMapInfo(model.MapInfo{Title: "Voor de volle schijf"})); err != nil {
		t.Fatal(err)
	}
	filler := filepath.Join(dir, "vulling")
	fillDisk(t, filler)

	before := f.Map().Clone()
	sc := f.Map().Scenarios[0]
	big := model.Step{ID: "s-groot", Name: "Groot", Description: strings.Repeat("veel tekst ", 40000)}
	err = ed.Do(model.AddStep(sc.ID, big, 0))
	if CodeOf(err) != DiskFull || !strings.Contains(err.Error(), "the disk is full") {
		t.Fatalf("an edit on a full disk gave %v (code %q), want a disk-full error", err, CodeOf(err))
	}
	if !reflect.DeepEqual(f.Map(), before) {
		t.Fatal("the refused edit stayed in the map")
	}
	if _, ok := ed.CanUndo(); !ok {
		t.Fatal("the undo stack lost the edit made before the disk was full")
	}

	copyPath := filepath.Join(dir, "kopie.vflow")
	err = f.SaveAs(copyPath)
	if CodeOf(err) != DiskFull {
		t.Fatalf("Save As onto a full disk gave %v (code %q), want a disk-full error", err, CodeOf(err))
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		// The open file keeps its (zeroed) journal between transactions.
		switch e.Name() {
		case "kaart.vflow", "kaart.vflow-journal", "vulling":
		default:
			t.Errorf("Save As onto a full disk left %s behind", e.Name())
		}
	}

	// Once there is room again, the same edit and Save As work.
	if err := os.Remove(filler); err != nil {
		t.Fatal(err)
	}
	if err := ed.Do(model.AddStep(sc.ID, big, 0)); err != nil {
		t.Fatalf("the edit after making room: %v", err)
	}
	if err := f.SaveAs(copyPath); err != nil {
		t.Fatalf("Save As after making room: %v", err)
	}
	want := f.Map().Clone()
	var check string
	f.conn.QueryRowContext(context.Background(), "PRAGMA integrity_check").Scan(&check)
	if check != "ok" {
		t.Fatalf("integrity_check says %q", check)
	}
	f.Close()
	for _, p := range []string{path, copyPath} {
		if got := reopen(t, p); !reflect.DeepEqual(got, want) {
			t.Errorf("%s differs from the map in the window", filepath.Base(p))
		}
	}
}
