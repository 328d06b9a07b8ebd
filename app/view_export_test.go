package app

import (
	"path/filepath"
	"testing"

	"valueflow/model"
	"valueflow/model/sample"
)

// openMapWindow opens m from a file in a window of laptop size.
func openMapWindow(t *testing.T, m *model.Map) *mainWindow {
	t.Helper()
	return openMapAt(t, filepath.Join(t.TempDir(), "zorgpad.vflow"), m)
}

// TestTheExportDialogFitsTheNetworkAndGridOnOnePage: the network and the
// grid are one picture each, so their export starts fitted on one page,
// even where the map remembers a scale for its board; the roles matrix
// starts fitted where it stays readable (the sample) and tiled at 100 %
// where it does not (an L map). A choice made for a view is remembered
// for that view and leaves the board's alone.
func TestTheExportDialogFitsTheNetworkAndGridOnOnePage(t *testing.T) {
	tabs := []struct {
		tab  int
		name string
	}{{0, "Journey board"}, {1, "Network"}, {2, "Stakeholder grid"}, {3, "Roles over time"}}
	for _, tt := range []struct {
		name string
		m    *model.Map
		fit  [4]bool
	}{
		{"the sample", sample.Map(), [4]bool{false, true, true, true}},
		{"an L map", sample.Generate(sample.L), [4]bool{false, true, true, false}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			mw := openMapWindow(t, tt.m)
			// The board's export tiles at 60 %, on A4 landscape.
			f := openExportAndWait(t, mw)
			waitPreview(t, f, func() {
				f.paper.SetSelected("A4")
				f.landscape.SetChecked(true)
				f.scale.SetText("60")
			})
			set, err := f.settings()
			if err != nil {
				t.Fatal(err)
			}
			saveExportSettings(mw.app.Preferences(), f.target.key, set)
			f.d.Hide()

			for _, tab := range tabs {
				f := openExportOnTab(t, mw, tab.tab)
				if f.fit.Checked != tt.fit[tab.tab] {
					t.Errorf("%s: Fit on one page is %v, want %v", tab.name, f.fit.Checked, tt.fit[tab.tab])
				}
				if f.paper.Selected != "A4" || !f.landscape.Checked {
					t.Errorf("%s: the export starts on %s, landscape %v: not the map's paper", tab.name, f.paper.Selected, f.landscape.Checked)
				}
				want := "60"
				if tab.tab > 0 {
					want = "100" // the board's scale is the board's
				}
				if f.scale.Text != want {
					t.Errorf("%s: the scale starts at %s, want %s", tab.name, f.scale.Text, want)
				}
				f.d.Hide()
			}

			// The grid tiled at 80 % is remembered for the grid only.
			mw.tabs.SelectIndex(2)
			f = openExportAndWait(t, mw)
			waitPreview(t, f, func() {
				f.fit.SetChecked(false)
				f.scale.SetText("80")
			})
			set, _ = f.settings()
			saveExportSettings(mw.app.Preferences(), f.target.key, set)
			f.d.Hide()
			for _, tab := range tabs {
				f := openExportOnTab(t, mw, tab.tab)
				if tab.tab == 2 && (f.fit.Checked || f.scale.Text != "80") {
					t.Errorf("the grid's own choice was forgotten: fit %v at %s", f.fit.Checked, f.scale.Text)
				}
				if tab.tab != 2 && f.fit.Checked != tt.fit[tab.tab] {
					t.Errorf("%s: the grid's choice changed this view's: fit %v", tab.name, f.fit.Checked)
				}
				f.d.Hide()
			}
		})
	}
}

// openExportOnTab shows a tab, waits for the network's layout when it is
// there, and opens the export dialog for that view.
func openExportOnTab(t *testing.T, mw *mainWindow, tab int) *exportForm {
	t.Helper()
	mw.tabs.SelectIndex(tab)
	if mw.network != nil {
		settle(mw.network)
	}
	return openExportAndWait(t, mw)
}
