package app

import (
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"valueflow/model"
	"valueflow/model/sample"
	"valueflow/storage"
)

// refuseWrites makes the disk take nothing more until the returned function
// is called: the process may not write any file past its first byte
// (RLIMIT_FSIZE 0), so every save fails in the kernel as on a full disk or
// an exceeded quota. The signal that would end the process is ignored, so
// the write reports EFBIG instead.
func refuseWrites(t *testing.T) (restore func()) {
	t.Helper()
	signal.Ignore(syscall.SIGXFSZ)
	var old syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_FSIZE, &old); err != nil {
		t.Skip("no file size limit here:", err)
	}
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &syscall.Rlimit{Cur: 0, Max: old.Max}); err != nil {
		t.Skip("cannot limit the file size:", err)
	}
	done := false
	restore = func() {
		if !done {
			done = true
			if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &old); err != nil {
				t.Fatal(err)
			}
		}
	}
	t.Cleanup(restore)
	return restore
}

func TestAFailedSaveIsShownUntilASaveSucceedsAgain(t *testing.T) {
	for _, tc := range []struct {
		name string
		// before runs while saves still work; edit is then made with every
		// write refused and reports whether it was accepted.
		before func(mw *mainWindow)
		edit   func(t *testing.T, mw *mainWindow) bool
	}{
		{
			name: "an edit from the board or a menu",
			edit: func(t *testing.T, mw *mainWindow) bool {
				return mw.do(model.SetMapInfo(model.MapInfo{Title: "Nooit opgeslagen"}))
			},
		},
		{
			name: "Apply in the inspector",
			edit: func(t *testing.T, mw *mainWindow) bool {
				mw.selectTarget(mw.selected) // nothing selected: the map's properties
				findEntry(t, mw.inspector, mw.doc.m().Title).SetText("Nooit opgeslagen")
				findForm(mw.inspector).OnSubmit()
				return mw.doc.m().Title == "Nooit opgeslagen"
			},
		},
		{
			name: "Undo",
			before: func(mw *mainWindow) {
				mw.do(model.SetMapInfo(model.MapInfo{Title: "Nooit opgeslagen"}))
			},
			edit: func(t *testing.T, mw *mainWindow) bool {
				title := mw.doc.m().Title
				mw.undo()
				return mw.doc.m().Title != title
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			mw, path := openSample(t)
			if tc.before != nil {
				tc.before(mw)
			}
			saved := T("saved automatically")
			if !strings.HasSuffix(mw.status.Text, " · "+saved) || mw.saveProblem.Visible() {
				t.Fatalf("before any failure the status says %q (problem shown: %v)", mw.status.Text, mw.saveProblem.Visible())
			}
			counts := mw.status.Text
			title := mw.doc.m().Title

			restore := refuseWrites(t)
			accepted := tc.edit(t, mw)
			restore()
			if accepted || mw.doc.m().Title != title {
				t.Fatalf("the edit that could not be saved stayed in the map (title %q, was %q)", mw.doc.m().Title, title)
			}
			notSaved := strings.TrimSuffix(counts, saved) + T("last change not saved")
			if mw.status.Text != notSaved {
				t.Errorf("after the failed save the status says %q, want %q", mw.status.Text, notSaved)
			}
			problem := mw.saveProblemText.Text
			if !mw.saveProblem.Visible() || !strings.Contains(problem, filepath.Base(path)) ||
				!strings.HasPrefix(problem, strings.SplitN(Tf("cannot.save", filepath.Base(path), ""), ":", 2)[0]) {
				t.Errorf("the save's problem is not shown by the status line (visible %v): %q", mw.saveProblem.Visible(), problem)
			}

			// Selecting something refreshes the window, and an export's
			// passing message takes the status line: the failure stays
			// said until a save succeeds.
			mw.selectTarget(mw.selected)
			mw.status.SetText(Tf("Exported to %s", "kaart.pdf"))
			if !mw.saveProblem.Visible() {
				t.Error("the failure was forgotten without a successful save")
			}

			if !mw.do(model.SetMapInfo(model.MapInfo{Title: "Weer opgeslagen"})) {
				t.Fatal("an edit once the disk takes writes again was refused")
			}
			if !strings.HasSuffix(mw.status.Text, " · "+saved) || mw.saveProblem.Visible() {
				t.Errorf("after a successful save the status says %q (problem shown: %v)", mw.status.Text, mw.saveProblem.Visible())
			}
			mw.doc.close()
			f, err := storage.OpenReadOnly(path)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if got := f.Map().Title; got != "Weer opgeslagen" {
				t.Errorf("the file holds the title %q", got)
			}
		})
	}
}

func TestAReadOnlyMapDoesNotClaimToBeSaved(t *testing.T) {
	test.NewTempApp(t)
	path := filepath.Join(t.TempDir(), "alleen-lezen.vflow")
	if err := storage.Create(path, sample.Map()); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o444); err != nil {
		t.Fatal(err)
	}
	doc, err := openDocument(path)
	if err != nil {
		t.Fatal(err)
	}
	w := test.NewWindow(nil)
	mw := newMainWindow(fyne.CurrentApp(), w, doc)
	t.Cleanup(func() { mw.doc.close(); w.Close() })
	if !mw.readOnly() {
		t.Fatal("the file without write bits opened for editing")
	}
	if want := " · " + T("read-only"); !strings.HasSuffix(mw.status.Text, want) || strings.Contains(mw.status.Text, T("saved automatically")) {
		t.Errorf("the status of a read-only map says %q, want it to end in %q", mw.status.Text, want)
	}
}
