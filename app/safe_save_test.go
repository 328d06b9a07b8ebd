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

// The save dialog asks before replacing the file the user typed; when we add
// the extension the user left out, that is another file, which must be
// asked about too (typing "vier" replaced an existing vier.vflow silently).
func TestAFileNamedWithoutItsExtensionIsNotReplacedUnasked(t *testing.T) {
	mw, _ := openSample(t)
	dir := t.TempDir()
	typed := filepath.Join(dir, "vier")
	final := typed + ".vflow"
	if err := os.WriteFile(final, []byte("een andere kaart"), 0o644); err != nil {
		t.Fatal(err)
	}
	var used []string
	mw.withAddedExtension(mw.win, typed, final, func(p string) { used = append(used, p) })
	if len(used) != 0 {
		t.Fatalf("the existing %s was handed on without asking", filepath.Base(final))
	}
	tapButton(t, topOverlay(t, mw), T("Yes"))
	if len(used) != 1 || used[0] != final {
		t.Fatalf("after Yes, used %v, want [%s]", used, final)
	}
	// A new name goes straight on.
	used = nil
	mw.withAddedExtension(mw.win, filepath.Join(dir, "vijf"), filepath.Join(dir, "vijf.vflow"), func(p string) { used = append(used, p) })
	if len(used) != 1 {
		t.Fatal("a name that is free was not used at once")
	}
}
