package app

import (
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
)

// dropped opens a map dropped on the window. The window shows one map, so
// of several dropped maps the first opens; whatever is not opened (other
// maps, other kinds of file) is named to the user rather than ignored.
func (mw *mainWindow) dropped(_ fyne.Position, uris []fyne.URI) {
	var open string
	var others, maps []string
	for _, u := range uris {
		p := u.Path()
		switch {
		case !strings.EqualFold(filepath.Ext(p), ".vflow"):
			others = append(others, baseName(p))
		case open == "":
			open = p
		default:
			maps = append(maps, baseName(p))
		}
	}
	if open != "" {
		mw.openPath(open)
	}
	var lines []string
	if len(maps) > 0 {
		lines = append(lines, Tf("One map opens at a time; these were not opened: %s.", strings.Join(maps, ", ")))
	}
	if len(others) > 0 {
		lines = append(lines, Tf("Not a Valueflow map (.vflow), so not opened: %s. Use File → Import file (JSON, XLSX)… or File → Import CSV folder… for these.", strings.Join(others, ", ")))
	}
	if len(lines) > 0 {
		dialog.ShowInformation(T("Not opened"), strings.Join(lines, "\n\n"), mw.win)
	}
}
