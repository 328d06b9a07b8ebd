package app

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
)

// TestAnExportStartsFromThePaperChosenInPreferences: a map without export
// settings of its own starts from the default paper and orientation of
// Preferences; a map that remembers its own keeps them.
func TestAnExportStartsFromThePaperChosenInPreferences(t *testing.T) {
	mw, _ := openSample(t)
	f := openExportAndWait(t, mw)
	if f.paper.Selected != "A3" || !f.landscape.Checked {
		t.Errorf("before any choice the export starts on %s, landscape %v; want A3 landscape", f.paper.Selected, f.landscape.Checked)
	}
	f.d.Hide()

	// The user chooses A4 portrait in Preferences.
	mw.preferencesDialog()
	d := topOverlay(t, mw)
	findDeep(t, d, func(s *dialogSelect) bool { return slices.Contains(s.Options, "Letter") }).SetSelected("A4")
	findDeep(t, d, func(c *dialogCheck) bool { return c.Text == T("Landscape") }).SetChecked(false)
	tapButton(t, d, T("Save"))

	f = openExportAndWait(t, mw)
	if f.paper.Selected != "A4" || f.landscape.Checked {
		t.Errorf("after choosing A4 portrait the export starts on %s, landscape %v", f.paper.Selected, f.landscape.Checked)
	}
	if set, err := f.settings(); err != nil || set.setup().Paper != "A4" || set.setup().Landscape {
		t.Errorf("the settings print on %+v (%v)", set, err)
	}
	f.d.Hide()

	// A map that remembers A3 landscape keeps it.
	p := fyne.CurrentApp().Preferences()
	key := exportSettingsKey(mw.doc.file.Path())
	s := defaultExportSettings
	s.Paper, s.Landscape = "A3", true
	saveExportSettings(p, key, s)
	if got := loadExportSettings(p, key); got.Paper != "A3" || !got.Landscape {
		t.Errorf("the map's own settings became %+v", got)
	}
	// An unknown paper in the preferences falls back to A3.
	p.SetString(prefPaper, "B5")
	if got := loadExportSettings(p, "export-settings:/nowhere.vflow"); got.Paper != "A3" || got.Landscape {
		t.Errorf("with paper B5 in the preferences the export starts on %+v", got)
	}
}
