package storage

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"valueflow/internal/fulldisk"
	"valueflow/model"
	"valueflow/model/sample"
)

func TestARealFullDiskRefusesEditsAndSaveAsAndTheFileStillOpens(t *testing.T) {
	dir := fulldisk.Dir(t)
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
	fulldisk.Fill(t, filler)

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
