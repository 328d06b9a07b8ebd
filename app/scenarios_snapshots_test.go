package app

import (
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	fynecanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	phrases "valueflow/app/translations"
	"valueflow/canvas"
	"valueflow/canvas/scene"
	"valueflow/model"
	"valueflow/model/sample"
	"valueflow/model/templates"
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
	findDeep(t, form, func(*dialogEntry) bool { return true }).SetText("Voor de sessie")
	tapButton(t, form, T("Save"))
	snaps, err := mw.doc.file.Snapshots()
	if err != nil || len(snaps) != 1 || snaps[0].Name != "Voor de sessie" {
		t.Fatalf("snapshots: %+v, %v", snaps, err)
	}

	lane := mw.doc.m().Stakeholders[1].ID
	if !mw.do(model.DeleteStakeholder(lane)) {
		t.Fatal("the edit failed")
	}
	findDeep(t, topOverlay(t, mw), func(*dialogList) bool { return true }).Select(0)
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

// TestARestoreSaysWhichSnapshotAndHowToUndoIt: Restore is off until a
// snapshot is chosen; once restored the dialog closes on the board it
// brought back, and the status line names the snapshot and says Undo
// (Ctrl+Z) brings the map back, in English and in Dutch.
func TestARestoreSaysWhichSnapshotAndHowToUndoIt(t *testing.T) {
	mw, _ := openSample(t)
	if _, err := mw.doc.file.TakeSnapshot("Voor de sessie", "3 maart"); err != nil {
		t.Fatal(err)
	}
	lane := mw.doc.m().Stakeholders[1].ID
	if !mw.do(model.DeleteStakeholder(lane)) {
		t.Fatal("the edit failed")
	}
	mw.snapshotsDialog()
	dlg := topOverlay(t, mw)
	for _, name := range []string{T("Restore"), T("Open read-only"), T("Delete")} {
		if b := findDeep(t, dlg, func(b *widget.Button) bool { return b.Text == name }); !b.Disabled() {
			t.Errorf("%s can be pressed before a snapshot is chosen", name)
		}
	}
	findDeep(t, dlg, func(*dialogList) bool { return true }).Select(0)
	tapButton(t, dlg, T("Restore"))
	if mw.doc.m().Stakeholder(lane) == nil {
		t.Fatal("the restore did not bring the deleted stakeholder back")
	}
	if top := mw.win.Canvas().Overlays().Top(); top != nil {
		t.Error("the Snapshots dialog stays over the restored board")
	}
	want := Tf("Snapshot %q restored: Edit → Undo (Ctrl+Z) brings the map back as it was.", "Voor de sessie")
	if mw.status.Text != want {
		t.Errorf("the status line says %q, want %q", mw.status.Text, want)
	}
	nl := phrases.Lookup("nl")
	if got := fmt.Sprintf(nl("Snapshot %q restored: Edit → Undo (Ctrl+Z) brings the map back as it was."), "Voor de sessie"); !strings.Contains(got, `"Voor de sessie"`) || !strings.Contains(got, nl("Edit")+" → "+nl("Undo")) || got == want {
		t.Errorf("in Dutch: %q", got)
	}
	if label, ok := mw.doc.editor.CanUndo(); !ok || label != "Restore snapshot" {
		t.Fatalf("Undo would %q (%v)", label, ok)
	}
	mw.undo()
	if mw.doc.m().Stakeholder(lane) != nil {
		t.Fatal("Undo did not give back the map as it was before the restore")
	}
}

// TestTheSnapshotsDialogSaysHowToTakeTheFirst: with no snapshots the list
// says what Take snapshot… is for.
func TestTheSnapshotsDialogSaysHowToTakeTheFirst(t *testing.T) {
	mw, _ := openSample(t)
	mw.snapshotsDialog()
	hint := labelWith(t, topOverlay(t, mw), T("No snapshots yet: Take snapshot… keeps the map as it is now, to look back at or restore."))
	if !hint.Visible() {
		t.Error("the hint is hidden in an empty list")
	}
	tapButton(t, topOverlay(t, mw), T("Take snapshot…"))
	tapButton(t, topOverlay(t, mw), T("Save"))
	if hint.Visible() {
		t.Error("the hint stays once there is a snapshot")
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
	findDeep(t, form, func(e *dialogEntry) bool { return e.Text == "Gewenst" }).SetText("Gewenste situatie")
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
	if summary := labelWith(t, w.Content(), T("compare.kind.contribution")+": ").Text; !strings.Contains(summary, T("compare.kind.contribution")+": +0 −0 ~1") {
		t.Fatalf("summary %q", summary)
	}
	board.OnSelect(scene.Target{Kind: model.EntityContribution, ID: card.ID})
	details := findDeep(t, w.Content(), func(l *widget.Label) bool { return strings.Contains(l.Text, "→") })
	if want := T("Role") + ": " + roleName(before) + " → " + roleName(card.Role); !strings.Contains(details.Text, want) {
		t.Fatalf("details %q, want %q", details.Text, want)
	}
}

// TestAScenarioNameAlreadyUsedIsWarnedAbout: renaming or creating a
// scenario with a name another one has asks first; "Choose another" goes
// back to the dialog with what was typed, "Keep the name" goes ahead.
func TestAScenarioNameAlreadyUsedIsWarnedAbout(t *testing.T) {
	mw, _ := openSample(t)
	first := mw.doc.current()
	if !mw.do(model.AddScenario(first.ID, model.Scenario{ID: "tobe", Name: "Gewenst"})) {
		t.Fatal("add scenario failed")
	}
	mw.doc.scenario = "tobe"
	mw.renameScenarioDialog()
	form := topOverlay(t, mw)
	findDeep(t, form, func(e *dialogEntry) bool { return e.Text == "Gewenst" }).SetText(first.Name)
	findDeep(t, form, func(e *dialogEntry) bool { return e.MultiLine }).SetText("variant")
	tapButton(t, form, T("Save"))
	warning := topOverlay(t, mw)
	findDeep(t, warning, func(l *widget.Label) bool {
		return l.Text == Tf("Another scenario is already called %q: on the board, in the selector and on paper the two are hard to tell apart. Keep this name anyway?", first.Name)
	})
	tapButton(t, warning, T("Choose another"))
	if got := mw.doc.m().Scenario("tobe").Name; got != "Gewenst" {
		t.Fatalf("renamed to %q without confirmation", got)
	}
	form = topOverlay(t, mw)
	findDeep(t, form, func(e *dialogEntry) bool { return e.Text == first.Name })
	findDeep(t, form, func(e *dialogEntry) bool { return e.MultiLine && e.Text == "variant" })
	tapButton(t, form, T("Save"))
	tapButton(t, topOverlay(t, mw), T("Keep the name"))
	if got := mw.doc.m().Scenario("tobe"); got.Name != first.Name || got.Notes != "variant" {
		t.Fatalf("after keeping the name: %q, %q", got.Name, got.Notes)
	}

	// Keeping a scenario's own name is no clash.
	mw.renameScenarioDialog()
	tapButton(t, topOverlay(t, mw), T("Save"))
	if mw.win.Canvas().Overlays().Top() != nil {
		t.Fatal("renaming a scenario to its own name warns")
	}

	n := len(mw.doc.m().Scenarios)
	mw.addScenarioDialog()
	form = topOverlay(t, mw)
	typed := "  " + strings.ToUpper(first.Name) + " "
	findDeep(t, form, func(*dialogEntry) bool { return true }).SetText(typed)
	tapButton(t, form, T("Add"))
	tapButton(t, topOverlay(t, mw), T("Choose another"))
	if len(mw.doc.m().Scenarios) != n {
		t.Fatal("a scenario was added without confirmation")
	}
	form = topOverlay(t, mw)
	if got := findDeep(t, form, func(*dialogEntry) bool { return true }).Text; got != typed {
		t.Fatalf("back in New scenario the name is %q, not the %q typed", got, typed)
	}
	tapButton(t, form, T("Add"))
	tapButton(t, topOverlay(t, mw), T("Keep the name"))
	if scs := mw.doc.m().Scenarios; len(scs) != n+1 || scs[n].Name != strings.ToUpper(first.Name) {
		t.Fatalf("%d scenarios after adding one with a used name, want %d, the new one called %q without the spaces", len(scs), n+1, strings.ToUpper(first.Name))
	}
}

// TestAScenarioNeedsAName: creating or renaming a scenario without a name,
// or with only spaces, says under the name that a scenario needs one while
// the button stays off, and nothing changes; a name typed again turns the
// button on.
func TestAScenarioNeedsAName(t *testing.T) {
	for _, tc := range []struct {
		name, button string
		open         func(*mainWindow)
	}{
		{"renaming", T("Save"), (*mainWindow).renameScenarioDialog},
		{"creating", T("Add"), (*mainWindow).addScenarioDialog},
	} {
		for _, typed := range []string{"", "   "} {
			t.Run(tc.name+" with "+strconv.Quote(typed), func(t *testing.T) {
				mw, _ := openSample(t)
				before := mw.doc.m().Clone()
				tc.open(mw)
				form := topOverlay(t, mw)
				name := findDeep(t, form, func(e *dialogEntry) bool { return !e.MultiLine })
				name.SetText(typed)
				button := findDeep(t, form, func(b *widget.Button) bool { return b.Text == tc.button })
				if !button.Disabled() {
					t.Fatalf("%s can be pressed without a name", tc.button)
				}
				findDeep(t, form, func(c *fynecanvas.Text) bool { return c.Text == T("A scenario needs a name.") && c.Visible() })
				test.Tap(button)
				if !reflect.DeepEqual(mw.doc.m(), before) {
					t.Fatal("the map changed")
				}
				if top := mw.win.Canvas().Overlays().Top(); top != form {
					t.Fatal("the dialog closed, or another opened over it")
				}
				name.SetText("Gewenste situatie 2")
				if button.Disabled() {
					t.Fatalf("%s stays off with a name", tc.button)
				}
				test.Tap(button)
				found := false
				for _, sc := range mw.doc.m().Scenarios {
					found = found || sc.Name == "Gewenste situatie 2"
				}
				if !found {
					t.Fatal("the named scenario is not there")
				}
			})
		}
	}
}

// TestTheNameIsTypedAtOnceAndEnterConfirms: the rename, new scenario and
// take snapshot dialogs open with the keys in the name, and Enter there does
// what the dialog's button does (nothing while it is off); closed, the name
// lets go of the keys.
func TestTheNameIsTypedAtOnceAndEnterConfirms(t *testing.T) {
	for _, tc := range []struct {
		name  string
		open  func(mw *mainWindow)
		typed string
		done  func(mw *mainWindow) bool // what Enter with the name typed did
	}{
		{"renaming a scenario", (*mainWindow).renameScenarioDialog, "Gewenste situatie", func(mw *mainWindow) bool {
			return mw.doc.current().Name == "Gewenste situatie"
		}},
		{"making a new scenario", (*mainWindow).addScenarioDialog, "Gewenste situatie", func(mw *mainWindow) bool {
			// The board shows the new scenario.
			return len(mw.doc.m().Scenarios) == 2 && mw.doc.current().Name == "Gewenste situatie"
		}},
		{"taking a snapshot", func(mw *mainWindow) {
			mw.snapshotsDialog()
			test.Tap(findDeep(t, topOverlay(t, mw), func(b *widget.Button) bool { return b.Text == T("Take snapshot…") }))
		}, "Voor de sessie", func(mw *mainWindow) bool {
			snaps, err := mw.doc.file.Snapshots()
			return err == nil && len(snaps) == 1 && snaps[0].Name == "Voor de sessie"
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			mw, _ := openSample(t)
			enter := func(e *dialogEntry) { e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) }
			tc.open(mw)
			open := len(mw.win.Canvas().Overlays().List()) // Take snapshot is over the Snapshots dialog
			form := topOverlay(t, mw)
			name := findDeep(t, form, func(e *dialogEntry) bool { return !e.MultiLine })
			if mw.win.Canvas().Focused() != name {
				t.Fatalf("the dialog opens with the keys in %T, not in the name", mw.win.Canvas().Focused())
			}
			// What is typed replaces the name the dialog proposes.
			test.Type(name, tc.typed)
			if name.Text != tc.typed {
				t.Fatalf("typed %q into the new dialog, the name reads %q", tc.typed, name.Text)
			}
			name.SetText(" ")
			enter(name)
			if mw.win.Canvas().Overlays().Top() != form || tc.done(mw) {
				t.Fatal("Enter without a name closed the dialog or did what it asks")
			}
			name.SetText(tc.typed)
			enter(name)
			if !tc.done(mw) {
				t.Fatal("Enter with a name did not do what the dialog's button does")
			}
			if o := mw.win.Canvas().Overlays(); o.Top() == form || len(o.List()) != open-1 {
				t.Fatalf("after Enter %d dialogs are open, want %d", len(o.List()), open-1)
			}
			if mw.win.Canvas().Focused() == name {
				t.Error("the closed dialog's name keeps the keys")
			}
		})
	}
}

// TestASnapshotNeedsAName: the Save button stays off, with the reason, until
// the snapshot has a name.
func TestASnapshotNeedsAName(t *testing.T) {
	mw, _ := openSample(t)
	mw.snapshotsDialog()
	tapButton(t, topOverlay(t, mw), T("Take snapshot…"))
	form := topOverlay(t, mw)
	name := findDeep(t, form, func(*dialogEntry) bool { return true })
	name.SetText("   ")
	save := findDeep(t, form, func(b *widget.Button) bool { return b.Text == T("Save") })
	if !save.Disabled() {
		t.Fatal("a snapshot without a name can be saved")
	}
	if err := name.Validate(); err == nil || err.Error() != T("A snapshot needs a name.") {
		t.Fatalf("the entry says %v", err)
	}
	name.SetText("Voor de sessie")
	if save.Disabled() {
		t.Fatal("a named snapshot cannot be saved")
	}
}

// TestTheLastScenarioCannotBeDeleted says so in the user's words and keeps it.
func TestTheLastScenarioCannotBeDeleted(t *testing.T) {
	mw, _ := openSample(t)
	for len(mw.doc.m().Scenarios) > 1 {
		if !mw.do(model.DeleteScenario(mw.doc.m().Scenarios[1].ID)) {
			t.Fatal("delete failed")
		}
	}
	mw.deleteScenario()
	findDeep(t, topOverlay(t, mw), func(l *widget.Label) bool {
		return strings.Contains(l.Text, T("The last scenario of a map cannot be deleted: a map always has one."))
	})
	if len(mw.doc.m().Scenarios) != 1 {
		t.Fatal("the last scenario was deleted")
	}
}

// TestTheUpdatesSnapshotIsShownInTheUsersWords: the snapshot a format
// update took is listed with the translated name and note.
func TestTheUpdatesSnapshotIsShownInTheUsersWords(t *testing.T) {
	name, note := snapshotText(model.SnapshotInfo{Name: "Before the update to format version 3", Note: "taken automatically; the file had format version 2"})
	if name != Tf("Before the update to format version %d", 3) || note != Tf("taken automatically; the file had format version %d", 2) {
		t.Fatalf("got %q, %q", name, note)
	}
	if name, note := snapshotText(model.SnapshotInfo{Name: "Voor de sessie", Note: "3 maart"}); name != "Voor de sessie" || note != "3 maart" {
		t.Fatalf("a user's snapshot became %q, %q", name, note)
	}
}

// failingSaver refuses every save, as a full disk would.
type failingSaver struct{}

func (failingSaver) Save(*model.Map, []model.Ref) error { return errors.New("the disk is full") }

// TestAnImportIntoTheMapKeepsASnapshotOfItAsItWas: the snapshot taken
// before an import into a new scenario is the map before the import, and
// when the import itself cannot be saved no snapshot is left behind.
func TestAnImportIntoTheMapKeepsASnapshotOfItAsItWas(t *testing.T) {
	tpl, _ := templates.ByName("copd")
	t.Run("the snapshot is the map before the import", func(t *testing.T) {
		mw, _ := openSample(t)
		before := mw.doc.m().Clone()
		mw.importAsScenario(tpl.Map(), "copd")
		if len(mw.doc.m().Scenarios) != len(before.Scenarios)+1 {
			t.Fatal("the import added no scenario")
		}
		snaps, err := mw.doc.file.Snapshots()
		if err != nil || len(snaps) != 1 || snaps[0].Name != Tf("Before importing %s", "copd") {
			t.Fatalf("snapshots %+v, %v", snaps, err)
		}
		got, err := mw.doc.file.SnapshotMap(snaps[0].ID)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, before) {
			t.Fatalf("the snapshot is not the map before the import: %d scenarios, %d stakeholders (want %d, %d)",
				len(got.Scenarios), len(got.Stakeholders), len(before.Scenarios), len(before.Stakeholders))
		}
	})
	t.Run("an import that cannot be saved leaves no snapshot", func(t *testing.T) {
		mw, _ := openSample(t)
		n := len(mw.doc.m().Scenarios)
		mw.doc.editor.Saver = failingSaver{}
		mw.importAsScenario(tpl.Map(), "copd")
		if len(mw.doc.m().Scenarios) != n {
			t.Fatal("the failed import left a scenario")
		}
		if snaps, err := mw.doc.file.Snapshots(); err != nil || len(snaps) != 0 {
			t.Fatalf("the failed import left snapshots %+v (%v)", snaps, err)
		}
		labelWith(t, topOverlay(t, mw), "disk is full")
	})
}
