package app

import "testing"

func TestTheExportDialogSuggestsAFileNamedAfterTheMapAndTheView(t *testing.T) {
	mw, _ := openSample(t) // zorgpad.vflow
	tests := []struct {
		tab    int
		format string
		want   string
	}{
		{0, "PDF", "zorgpad.pdf"},
		{1, "PDF", "zorgpad - Network.pdf"},
		{1, "SVG", "zorgpad - Network.svg"},
		{1, "JSON", "zorgpad.json"}, // the map's data, whatever the view
		{2, "PNG", "zorgpad - Stakeholder grid.png"},
		{3, "PDF", "zorgpad - Roles over time.pdf"},
		{3, "XLSX", "zorgpad.xlsx"},
		{4, "PDF", "zorgpad.pdf"}, // Insights prints the board
	}
	for _, tt := range tests {
		mw.tabs.SelectIndex(tt.tab)
		if mw.network != nil {
			settle(mw.network)
		}
		if f := mw.analysis().facts; f != nil {
			settle(f)
		}
		f := openExportAndWait(t, mw)
		if got := f.suggestedName(tt.format); got != tt.want {
			t.Errorf("tab %d as %s: suggests %q, want %q", tt.tab, tt.format, got, tt.want)
		}
		f.d.Hide()
	}
}
