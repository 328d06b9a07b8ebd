package app

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"valueflow/internal/fulldisk"
	"valueflow/model"
	"valueflow/model/sample"
	"valueflow/storage"
)

// TestOnARealFullDiskTheWindowKeepsTheLastGoodMap: with the map on a disk
// that is full (a small tmpfs, scripts/harness-fulldisk.sh), an edit that
// does not fit is refused with the disk named, the window keeps the map as
// last saved, Save As and an export there say the disk is full and leave
// nothing behind; once there is room the edit goes through and the file
// opens as the window shows it.
// closeOverlays takes every dialog off the window, as Close or OK would.
func closeOverlays(w fyne.Window) {
	for w.Canvas().Overlays().Top() != nil {
		w.Canvas().Overlays().Remove(w.Canvas().Overlays().Top())
	}
}

func TestOnARealFullDiskTheWindowKeepsTheLastGoodMap(t *testing.T) {
	dir := fulldisk.Dir(t)
	path := filepath.Join(dir, "zorgpad.vflow")
	mw := openMapAt(t, path, sample.Map())
	if !mw.do(model.SetMapInfo(model.MapInfo{Title: "Voor de volle schijf"})) {
		t.Fatal("an edit before the disk was full was refused")
	}
	filler := filepath.Join(dir, "vulling")
	fulldisk.Fill(t, filler)

	before := mw.doc.m().Clone()
	sc := mw.doc.m().Scenarios[0]
	big := model.Step{ID: "s-groot", Name: "Groot", Description: strings.Repeat("veel tekst ", 40000)}
	if mw.do(model.AddStep(sc.ID, big, 0)) {
		t.Fatal("an edit that does not fit on the disk was accepted")
	}
	if !reflect.DeepEqual(mw.doc.m(), before) {
		t.Fatal("the refused edit stayed in the window's map")
	}
	if !strings.HasSuffix(mw.status.Text, T("last change not saved")) || !mw.saveProblem.Visible() ||
		!strings.Contains(mw.saveProblemText.Text, T("error.disk-full")) {
		t.Errorf("status %q, problem %q: want the disk named as full", mw.status.Text, mw.saveProblemText.Text)
	}

	mw.saveAsTo(filepath.Join(dir, "kopie.vflow"))
	if texts := overlayTexts(mw.win); !strings.Contains(texts, T("error.disk-full-new")) || !strings.Contains(texts, "kopie.vflow") {
		t.Errorf("Save As onto the full disk says %q", texts)
	}
	if mw.doc.file.Path() != path {
		t.Errorf("after a failed Save As the window edits %s", mw.doc.file.Path())
	}
	closeOverlays(mw.win)

	form := mw.openExport()
	set, err := form.settings()
	if err != nil {
		t.Fatal(err)
	}
	pdf := filepath.Join(dir, "zorgpad.pdf")
	run := mw.runExport(mw.win, pdf, fileJob(pdf, form.writer(set)))
	waitRun(t, run)
	if texts := overlayTexts(mw.win); !strings.Contains(texts, "the disk is full; nothing was written") || !strings.Contains(texts, "zorgpad.pdf") {
		t.Errorf("a %s export onto the full disk says %q", set.Format, texts)
	}
	closeOverlays(mw.win)
	if left := leftovers(t, dir, "zorgpad.vflow", "zorgpad.vflow-journal", "vulling"); len(left) > 0 {
		t.Errorf("the full disk holds %v", left)
	}

	if err := os.Remove(filler); err != nil {
		t.Fatal(err)
	}
	if !mw.do(model.AddStep(sc.ID, big, 0)) {
		t.Fatal("the edit was refused once there was room again")
	}
	if mw.saveProblem.Visible() {
		t.Error("the save problem is still shown after a save succeeded")
	}
	want := mw.doc.m().Clone()
	mw.doc.close()
	f, err := storage.OpenReadOnly(path)
	if err != nil {
		t.Fatalf("the map does not open after the full disk: %v", err)
	}
	defer f.Close()
	if !reflect.DeepEqual(f.Map(), want) {
		t.Error("the file differs from the map the window showed")
	}
}
