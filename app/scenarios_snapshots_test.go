package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"valueflow/canvas"
	"valueflow/canvas/scene"
	"valueflow/model"
	"valueflow/model/sample"
)

// deepWalk visits o and everything drawn inside it, widgets' renderers
// included (dialogs are widgets).
func deepWalk(o fyne.CanvasObject, visit func(fyne.CanvasObject)) {
	visit(o)
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			deepWalk(c, visit)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			deepWalk(c, visit)
		}
	}
}

func findDeep[T fyne.CanvasObject](t *testing.T, root fyne.CanvasObject, ok func(T) bool) T {
	t.Helper()
	var found T
	done := false
	deepWalk(root, func(o fyne.CanvasObject) {
		if x, is := o.(T); is && !done && ok(x) {
			found, done = x, true
		}
	})
	if !done {
		t.Fatalf("not found: %T", found)
	}
	return found
}

func tapButton(t *testing.T, root fyne.CanvasObject, text string) {
	t.Helper()
	test.Tap(findDeep(t, root, func(b *widget.Button) bool { return b.Text == text }))
}

func topOverlay(t *testing.T, mw *mainWindow) fyne.CanvasObject {
	t.Helper()
	top := mw.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog is open")
	}
	return top
}

// TestSnapshotsAreTakenAndRestoredFromTheDialog takes a snapshot in the
// Snapshots dialog, changes the map, restores it there and undoes the restore.
func TestSnapshotsAreTakenAndRestoredFromTheDialog(t *testing.T) {
	mw, _ := openSample(t)
	mw.snapshotsDialog()
	tapButton(t, topOverlay(t, mw), T("Take snapshot…"))
	form := topOverlay(t, mw)
	findDeep(t, form, func(*widget.Entry) bool { return true }).SetText("Voor de sessie")
	tapButton(t, form, T("Save"))
	snaps, err := mw.doc.file.Snapshots()
	if err != nil || len(snaps) != 1 || snaps[0].Name != "Voor de sessie" {
		t.Fatalf("snapshots: %+v, %v", snaps, err)
	}

	lane := mw.doc.m().Stakeholders[1].ID
	if !mw.do(model.DeleteStakeholder(lane)) {
		t.Fatal("the edit failed")
	}
	findDeep(t, topOverlay(t, mw), func(*widget.List) bool { return true }).Select(0)
	tapButton(t, topOverlay(t, mw), T("Restore"))
	if mw.doc.m().Stakeholder(lane) == nil || len(mw.doc.m().Stakeholders) != len(sample.Map().Stakeholders) {
		t.Fatal("the restore did not bring the deleted stakeholder back")
	}
	mw.undo()
	if mw.doc.m().Stakeholder(lane) != nil {
		t.Fatal("undo of the restore did not give back the edited map")
	}

	// Opened read-only, the snapshot shows its own board: the lane is there.
	w := mw.showSnapshot(snaps[0])
	defer w.Close()
	board := findDeep(t, w.Content(), func(*canvas.Board) bool { return true })
	found := false
	for _, it := range board.Scene().Items {
		found = found || it.Target == scene.Target{Kind: model.EntityStakeholder, ID: lane}
	}
	if !found {
		t.Fatal("the snapshot's board does not show the lane deleted since")
	}
}

func TestAScenarioIsRenamedAndDeletedFromTheMenu(t *testing.T) {
	mw, _ := openSample(t)
	first := mw.doc.current().ID
	if !mw.do(model.AddScenario(first, model.Scenario{ID: "tobe", Name: "Gewenst"})) {
		t.Fatal("add scenario failed")
	}
	mw.doc.scenario = "tobe"
	mw.renameScenarioDialog()
	form := topOverlay(t, mw)
	findDeep(t, form, func(e *widget.Entry) bool { return e.Text == "Gewenst" }).SetText("Gewenste situatie")
	tapButton(t, form, T("Save"))
	if got := mw.doc.m().Scenario("tobe").Name; got != "Gewenste situatie" {
		t.Fatalf("name %q", got)
	}
	mw.deleteScenario()
	tapButton(t, topOverlay(t, mw), T("Yes"))
	if mw.doc.m().Scenario("tobe") != nil || mw.doc.current().ID != first {
		t.Fatal("the scenario was not deleted, or the board did not fall back to the first")
	}
	mw.undo()
	if mw.doc.m().Scenario("tobe") == nil {
		t.Fatal("undo did not bring the scenario back")
	}
}

func TestTheCompareWindowShowsTheUnionAndWhatChanged(t *testing.T) {
	mw, _ := openSample(t)
	first := mw.doc.current()
	if !mw.do(model.AddScenario(first.ID, model.Scenario{ID: "tobe", Name: "Gewenst"})) {
		t.Fatal("add scenario failed")
	}
	card := *mw.doc.m().Scenario("tobe").Contributions[0]
	before := card.Role
	card.Role = model.RoleInformed
	if before == model.RoleInformed {
		card.Role = model.RoleLead
	}
	if !mw.do(model.UpdateContribution("tobe", card)) {
		t.Fatal("edit failed")
	}
	if _, err := mw.doc.file.TakeSnapshot("Begin", ""); err != nil {
		t.Fatal(err)
	}
	sides := mw.compareSides()
	if len(sides) != 4 { // two scenarios, and the two of the snapshot
		t.Fatalf("sides: %+v", sides)
	}
	w := mw.showCompare(sides[0], sides[1])
	if w == nil {
		t.Fatal("no compare window")
	}
	defer w.Close()
	board := findDeep(t, w.Content(), func(*canvas.Board) bool { return true })
	summary := ""
	for _, it := range board.Scene().Items {
		if it.Group == "compare-summary" && it.Text != nil {
			summary += strings.Join(it.Text.Lines, " ")
		}
	}
	if !strings.Contains(summary, "contributions: +0 −0 ~1") {
		t.Fatalf("summary %q", summary)
	}
	board.OnSelect(scene.Target{Kind: model.EntityContribution, ID: card.ID})
	details := findDeep(t, w.Content(), func(l *widget.Label) bool { return strings.Contains(l.Text, "→") })
	if want := "role: " + string(before) + " → " + string(card.Role); !strings.Contains(details.Text, want) {
		t.Fatalf("details %q, want %q", details.Text, want)
	}
}
