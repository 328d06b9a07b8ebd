package app

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"valueflow/model"
)

// threeScenarios gives the sample map two more scenarios, copies of the
// first, and each of the three a step of its own, called after it, so the
// board tells them apart. The history starts empty.
func threeScenarios(t *testing.T, mw *mainWindow) []model.ID {
	t.Helper()
	first := mw.doc.m().Scenarios[0].ID
	for _, id := range []model.ID{"tobe", "variant"} {
		if !mw.do(model.AddScenario(first, model.Scenario{ID: id, Name: "Scenario " + string(id)})) {
			t.Fatal("add scenario failed")
		}
	}
	ids := []model.ID{}
	for _, sc := range mw.doc.m().Scenarios {
		ids = append(ids, sc.ID)
		if !mw.do(model.AddStep(sc.ID, model.Step{ID: "only-" + sc.ID, Name: "Alleen " + string(sc.ID)}, 0)) {
			t.Fatal("add step failed")
		}
	}
	if len(ids) != 3 {
		t.Fatalf("the sample map has %d scenarios, the test wants one", len(ids)-2)
	}
	mw.doc.editor.ClearHistory()
	return ids
}

// assertBoardShows checks the selector and the board show scenario id: its
// name is chosen in the selector, and its own step is on the board.
func assertBoardShows(t *testing.T, mw *mainWindow, id model.ID, when string) {
	t.Helper()
	sc := mw.doc.m().Scenario(id)
	if sc == nil {
		t.Fatalf("%s: scenario %q is not in the map", when, id)
	}
	i := slices.Index(mw.doc.m().Scenarios, sc)
	if mw.scenarios.SelectedIndex() != i || mw.scenarios.Selected != scenarioLabels(mw.doc.m())[i] {
		t.Errorf("%s: the selector shows %q, want %q", when, mw.scenarios.Selected, sc.Name)
	}
	step := "Alleen " + string(id)
	for _, it := range mw.board.Scene().Items {
		if it.Text != nil && strings.Contains(strings.Join(it.Text.Lines, " "), step) {
			return
		}
	}
	t.Errorf("%s: the board does not show %q's step %q", when, sc.Name, step)
}

// TestUndoingADeleteShowsTheScenarioAgain: deleting the scenario on the
// board shows the first one left; Ctrl+Z brings the deleted one back at its
// place in the selector and shows it on the board, as before the delete;
// Ctrl+Y deletes it again and shows the first one left, as the delete did.
func TestUndoingADeleteShowsTheScenarioAgain(t *testing.T) {
	for _, tc := range []struct {
		name        string
		deleted     int // index of the scenario deleted
		firstLeft   int // index of the scenario shown after the delete
		otherChosen int // shown when Redo is pressed, -1: the restored one
	}{
		{"the first scenario", 0, 1, -1},
		{"a middle scenario", 1, 0, -1},
		{"the last scenario", 2, 0, -1},
		{"a scenario, with another chosen before Redo", 1, 0, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			mw, _ := openSample(t)
			ids := threeScenarios(t, mw)
			mw.scenarios.SetSelectedIndex(tc.deleted) // the user chooses it
			assertBoardShows(t, mw, ids[tc.deleted], "chosen")

			mw.deleteScenario()
			tapButton(t, topOverlay(t, mw), T("Yes"))
			if mw.doc.m().Scenario(ids[tc.deleted]) != nil {
				t.Fatal("the scenario was not deleted")
			}
			assertBoardShows(t, mw, ids[tc.firstLeft], "after the delete")

			shortcut(mw, &fyne.ShortcutUndo{})
			if got := mw.doc.m().Scenarios; len(got) != 3 || got[tc.deleted].ID != ids[tc.deleted] {
				t.Fatal("Ctrl+Z did not bring the scenario back at its place")
			}
			assertBoardShows(t, mw, ids[tc.deleted], "after Ctrl+Z")

			shown := ids[tc.firstLeft]
			if tc.otherChosen >= 0 {
				mw.scenarios.SetSelectedIndex(tc.otherChosen)
				shown = ids[tc.otherChosen] // still there after Redo: it stays
			}
			shortcut(mw, &fyne.ShortcutRedo{})
			if mw.doc.m().Scenario(ids[tc.deleted]) != nil {
				t.Fatal("Ctrl+Y did not delete the scenario again")
			}
			assertBoardShows(t, mw, shown, "after Ctrl+Y")

			shortcut(mw, &fyne.ShortcutUndo{})
			assertBoardShows(t, mw, ids[tc.deleted], "after Ctrl+Z again")
		})
	}
}

// TestUndoingANewScenarioShowsTheOneItWasCopiedFrom: New scenario shows
// the copy; Ctrl+Z removes it and shows the scenario it was made from (not
// the first), Ctrl+Y shows the copy again.
func TestUndoingANewScenarioShowsTheOneItWasCopiedFrom(t *testing.T) {
	mw, _ := openSample(t)
	ids := threeScenarios(t, mw)
	mw.scenarios.SetSelectedIndex(1)
	mw.addScenarioDialog()
	findDeep(t, topOverlay(t, mw), func(e *dialogEntry) bool { return true }).SetText("Nieuw")
	tapButton(t, topOverlay(t, mw), T("Add"))
	scs := mw.doc.m().Scenarios
	added := scs[len(scs)-1]
	if len(scs) != 4 || added.Name != "Nieuw" || mw.doc.current() != added {
		t.Fatalf("after Add: %d scenarios, the board on %q", len(scs), mw.doc.current().Name)
	}
	shortcut(mw, &fyne.ShortcutUndo{})
	if len(mw.doc.m().Scenarios) != 3 {
		t.Fatal("Ctrl+Z did not remove the new scenario")
	}
	assertBoardShows(t, mw, ids[1], "after Ctrl+Z")
	shortcut(mw, &fyne.ShortcutRedo{})
	if mw.doc.current().ID != added.ID || mw.scenarios.Selected != "Nieuw" {
		t.Errorf("after Ctrl+Y the board shows %q, not the new scenario", mw.doc.current().Name)
	}
}
