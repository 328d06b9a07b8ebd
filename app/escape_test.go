package app

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/xuri/excelize/v2"

	"valueflow/canvas/scene"
	"valueflow/model"
	"valueflow/model/sample"
	"valueflow/storage/jsonmap"
	"valueflow/storage/sheet"
)

// pressEscape types Escape as the desktop driver does: to the focused
// widget, or to the window when nothing has the focus.
func pressEscape(c fyne.Canvas) {
	ev := &fyne.KeyEvent{Name: fyne.KeyEscape}
	if f := c.Focused(); f != nil {
		f.TypedKey(ev)
	} else if h := c.OnTypedKey(); h != nil {
		h(ev)
	}
}

// focusFirst gives the keys to the first widget of type T in the dialog on
// top, or to nothing when there is none of that type asked for.
func focusFirst[T interface {
	fyne.CanvasObject
	fyne.Focusable
}](t *testing.T, mw *mainWindow) func() {
	return func() {
		t.Helper()
		top := topOverlay(t, mw)
		f := findDeep(t, top, func(T) bool { return true })
		mw.win.Canvas().Focus(f)
		if mw.win.Canvas().Focused() != fyne.Focusable(f) {
			t.Fatalf("%T did not take the focus", f)
		}
	}
}

// focusSecond gives the keys to the second widget of type T in the dialog
// on top.
func focusSecond[T interface {
	fyne.CanvasObject
	fyne.Focusable
}](t *testing.T, mw *mainWindow) func() {
	return func() {
		t.Helper()
		var found []T
		deepWalk(topOverlay(t, mw), func(o fyne.CanvasObject) {
			if x, ok := o.(T); ok {
				found = append(found, x)
			}
		})
		if len(found) < 2 {
			t.Fatalf("the dialog has %d %T, not two", len(found), *new(T))
		}
		mw.win.Canvas().Focus(found[1])
		if mw.win.Canvas().Focused() != fyne.Focusable(found[1]) {
			t.Fatalf("%T did not take the focus", found[1])
		}
	}
}

// focusMultiLine gives the keys to the multi-line text field of the dialog
// on top.
func focusMultiLine(t *testing.T, mw *mainWindow) func() {
	return func() {
		t.Helper()
		e := findDeep(t, topOverlay(t, mw), func(e *dialogEntry) bool { return e.MultiLine })
		mw.win.Canvas().Focus(e)
	}
}

// takeSnapshotDialog opens Take snapshot over the Snapshots dialog.
func takeSnapshotDialog(mw *mainWindow) {
	mw.snapshotsDialog()
	c := mw.win.Canvas()
	deepWalk(c.Overlays().Top(), func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == T("Take snapshot…") {
			test.Tap(b)
		}
	})
}

// TestEscapeCancelsEveryDialog opens each dialog, puts the keys somewhere
// in it (after typing, where there is text), presses Escape and checks the
// dialog is gone and nothing was applied.
func TestEscapeCancelsEveryDialog(t *testing.T) {
	xlsx := workbookWithAWarning(t)
	tests := []struct {
		name  string
		open  func(mw *mainWindow)
		focus func(t *testing.T, mw *mainWindow) func() // nil: nothing focused
		typed string                                    // typed into the focused entry first
	}{
		{"Add card, in its value", (*mainWindow).addCardDialog, nil, "Iets nieuws"}, // the dialog focuses its value
		{"Add card, on its role", (*mainWindow).addCardDialog, focusFirst[*choice[model.Role]], ""},
		{"Add card, on its step", (*mainWindow).addCardDialog, focusFirst[*idChoice], ""},
		{"Add flow, with nothing focused", (*mainWindow).addFlowDialog, nil, ""},
		{"Add flow, in its label", (*mainWindow).addFlowDialog, focusFirst[*dialogEntry], "ontslagbrief"},
		{"Add relationship, on its quality", (*mainWindow).addRelationshipDialog, focusFirst[*scale], ""},
		{"New scenario, with nothing focused", (*mainWindow).addScenarioDialog, nil, ""},
		{"New scenario, in its name", (*mainWindow).addScenarioDialog, nil, "Anders"}, // the dialog focuses its name
		{"Rename scenario, in its name", (*mainWindow).renameScenarioDialog, nil, "Anders"},
		{"Rename scenario, in its notes", (*mainWindow).renameScenarioDialog, focusMultiLine, "voor later"},
		{"Take snapshot, in its name", takeSnapshotDialog, nil, " voor de sessie"},
		{"Take snapshot, in its note", takeSnapshotDialog, focusSecond[*dialogEntry], "3 maart"},
		{"Snapshots, on the list of snapshots", func(mw *mainWindow) {
			if _, err := mw.doc.file.TakeSnapshot("Begin", ""); err != nil {
				t.Fatal(err)
			}
			mw.snapshotsDialog()
			findDeep(t, topOverlay(t, mw), func(*dialogList) bool { return true }).Select(0)
		}, focusFirst[*dialogList], ""}, // a click on a snapshot gives the list the keys
		{"Map properties, in its title", (*mainWindow).mapPropertiesDialog, focusFirst[*formEntry], "Andere titel"},
		{"Map properties, on its stage", (*mainWindow).mapPropertiesDialog, focusFirst[*choice[model.Stage]], ""},
		{"Preferences, on its language", (*mainWindow).preferencesDialog, focusFirst[*dialogSelect], ""},
		{"Preferences, on its landscape box", (*mainWindow).preferencesDialog, focusFirst[*dialogCheck], ""},
		{"Export, in its scale", func(mw *mainWindow) { mw.openExport() }, focusFirst[*dialogEntry], "50"},
		{"Export, on its format", func(mw *mainWindow) { mw.openExport() }, focusFirst[*dialogSelect], ""},
		{"Import report of a workbook with a warning", func(mw *mainWindow) { mw.importFrom(xlsx) }, focusFirst[*dialogCheck], ""},
		{"Import report of a workbook, with nothing focused", func(mw *mainWindow) { mw.importFrom(xlsx) }, nil, ""},
		{"Snapshots", (*mainWindow).snapshotsDialog, nil, ""},
		{"Guide", (*mainWindow).showGuide, nil, ""},
		{"Delete the last scenario, an error", (*mainWindow).deleteScenario, nil, ""},
		{"Delete scenario, a confirmation", func(mw *mainWindow) {
			mw.do(model.AddScenario(mw.doc.current().ID, model.Scenario{ID: "tobe", Name: "Gewenste situatie"}))
			mw.deleteScenario()
		}, nil, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			mw, path := openSample(t)
			p := mw.app.Preferences()
			lang, landscape := p.String(prefLanguage), p.BoolWithFallback(prefLandscape, true)
			tc.open(mw) // opening changes nothing; what is there now must stay
			before, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			m := mapJSON(t, mw.doc.m())
			c := mw.win.Canvas()
			if c.Overlays().Top() == nil {
				t.Fatal("no dialog opened")
			}
			if tc.focus != nil {
				tc.focus(t, mw)()
			} else if tc.typed == "" {
				c.Unfocus()
			}
			if tc.typed != "" {
				f, ok := c.Focused().(fyne.Focusable)
				if !ok {
					t.Fatal("nothing to type in")
				}
				test.Type(f, tc.typed)
			}
			// Escape closes the dialog on top and only it: Take snapshot
			// goes back to the Snapshots dialog under it.
			top, open := c.Overlays().Top(), len(c.Overlays().List())
			pressEscape(c)
			if c.Overlays().Top() == top || len(c.Overlays().List()) != open-1 {
				t.Fatalf("Escape left %d of %d dialogs open (%T focused)", len(c.Overlays().List()), open, c.Focused())
			}
			after, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(before, after) || mapJSON(t, mw.doc.m()) != m {
				t.Error("Escape changed the map")
			}
			if p.String(prefLanguage) != lang || p.BoolWithFallback(prefLandscape, true) != landscape {
				t.Error("Escape saved the preferences")
			}
		})
	}
}

// TestEscapeOutsideADialogStillClearsTheSelection: with no dialog open,
// Escape on the board and in the inspector's fields does what it did.
func TestEscapeOutsideADialogStillClearsTheSelection(t *testing.T) {
	mw, _ := openSample(t)
	card := mw.doc.current().Contributions[0].ID
	mw.selectTarget(scene.Target{Kind: model.EntityContribution, ID: card})
	c := mw.win.Canvas()
	c.Unfocus()
	pressEscape(c)
	if mw.selected.ID != "" {
		t.Errorf("Escape on the window left %v selected", mw.selected)
	}
	mw.selectTarget(scene.Target{Kind: model.EntityContribution, ID: card})
	e := findDeep(t, mw.inspector, func(*formEntry) bool { return true })
	c.Focus(e)
	before := e.Text
	pressEscape(c)
	if e.Text != before || mw.selected.ID != card {
		t.Errorf("Escape in the inspector changed the field to %q or the selection to %v", e.Text, mw.selected)
	}
}

func workbookWithAWarning(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "zorgpad.xlsx")
	var buf bytes.Buffer
	if err := sheet.WriteXLSX(&buf, sample.Map(), "en"); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	f.SetCellValue("Stakeholders", "Z1", "Telephone")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	f.Close()
	return path
}

func mapJSON(t *testing.T, m *model.Map) string {
	t.Helper()
	var b bytes.Buffer
	if err := jsonmap.Encode(&b, m); err != nil {
		t.Fatal(err)
	}
	return b.String()
}
