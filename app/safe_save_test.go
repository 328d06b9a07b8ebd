package app

import (
	"os"
	"path/filepath"
	"testing"

	fynestorage "fyne.io/fyne/v2/storage"

	"valueflow/model/sample"
	"valueflow/model/templates"
	"valueflow/storage"
)

// The save dialog gives its callback storage.Writer(chosen file); with the
// plain file repository that emptied an existing map before we could copy
// onto it, so a cancelled or failed Save As or export lost the file.
func TestASaveDialogsWriterLeavesAnExistingFileAsItWas(t *testing.T) {
	openSample(t) // installs the lazy writers, as the real window does
	path := filepath.Join(t.TempDir(), "other.vflow")
	if err := os.WriteFile(path, []byte("months of work"), 0o644); err != nil {
		t.Fatal(err)
	}
	w, err := fynestorage.Writer(fynestorage.NewFileURI(path))
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(path); string(got) != "months of work" {
		t.Fatalf("the file holds %q after the dialog's writer was closed unused", got)
	}

	// A writer that is used still writes, as Fyne's callers expect.
	w, _ = fynestorage.Writer(fynestorage.NewFileURI(path))
	if _, err := w.Write([]byte("new")); err != nil {
		t.Fatal(err)
	}
	w.Close()
	if got, _ := os.ReadFile(path); string(got) != "new" {
		t.Fatalf("a used writer left %q", got)
	}
}

func TestANewMapFromATemplateReplacesAnotherFileButNeverTheOpenOne(t *testing.T) {
	mw, path := openSample(t)
	before, _ := os.ReadFile(path)
	tpl := templates.All()[0]
	mw.newFromTemplateAt(path, tpl)
	if after, _ := os.ReadFile(path); string(after) != string(before) {
		t.Fatal("the open map's file was changed by a new map written onto it")
	}
	if len(mw.win.Canvas().Overlays().List()) == 0 {
		t.Fatal("no message says why the new map was not written")
	}

	other := filepath.Join(t.TempDir(), "oud.vflow")
	if err := storage.Create(other, sample.Map()); err != nil {
		t.Fatal(err)
	}
	mw.createAndOpen(other, tpl, storage.Replace)
	if got := mw.doc.m().Title; got == sample.Map().Title {
		t.Fatalf("the replaced file still holds the old map (%q)", got)
	}
}
