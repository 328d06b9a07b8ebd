package app

import (
	"errors"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	fynestorage "fyne.io/fyne/v2/storage"

	"valueflow/model"
	"valueflow/model/templates"
	"valueflow/storage"
)

const (
	prefRecent = "recent"
	maxRecent  = 8
)

var vflowFilter = fynestorage.NewExtensionFileFilter([]string{".vflow"})

// openPath opens a map in this window; the current one stays when it fails.
func (mw *mainWindow) openPath(path string) {
	doc, err := openDocument(path)
	if err != nil {
		mw.showError(err)
		mw.forgetRecent(path)
		return
	}
	mw.setDocument(doc)
	mw.rememberRecent(path)
}

func (mw *mainWindow) openDialog() { mw.pickFile(vflowFilter, mw.openPath) }

// pickFile asks for an existing file, starting in the open map's folder,
// and hands its path to use.
func (mw *mainWindow) pickFile(filter fynestorage.FileFilter, use func(path string)) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			mw.showError(err)
			return
		}
		if r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		use(path)
	}, mw.win)
	d.SetFilter(filter)
	d.SetTitleText(T("Open a file")) // Fyne's own reads "Openen Bestand" in Dutch
	mw.startIn(d.SetLocation)
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// startIn points a file dialog at the folder of the open map.
func (mw *mainWindow) startIn(set func(fyne.ListableURI)) {
	dir := filepath.Dir(mw.doc.file.Path())
	if l, err := fynestorage.ListerForURI(fynestorage.NewFileURI(dir)); err == nil {
		set(l)
	}
}

// askNewPath asks where a new map goes, then calls use with a path ending in .vflow.
func (mw *mainWindow) askNewPath(name string, use func(path string)) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			mw.showError(err)
			return
		}
		if w == nil {
			return
		}
		// Only the path is used: the writer never touched the file
		// (installLazyWriters), and the map is written atomically.
		path := w.URI().Path()
		w.Close()
		mw.withAddedExtension(mw.win, path, withExtension(path), use)
	}, mw.win)
	d.SetFilter(vflowFilter)
	d.SetTitleText(T("Save the map as"))
	d.SetFileName(name)
	mw.startIn(d.SetLocation)
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

func (mw *mainWindow) newFromTemplate(t templates.Template) {
	mw.askNewPath(t.Title+".vflow", func(path string) { mw.newFromTemplateAt(path, t) })
}

// newFromTemplateAt writes a new map from t at path, asking first when a
// file is there, and never onto the map open in this window.
func (mw *mainWindow) newFromTemplateAt(path string, t templates.Template) {
	if sameFile(path, mw.doc.file.Path()) {
		mw.showError(errors.New(Tf("%s is the map open in this window; choose another name for the new map.", baseName(path))))
		return
	}
	if _, err := os.Stat(path); err == nil {
		dialog.ShowConfirm(T("Replace file?"), Tf("%s already exists. Replace it with a new map?", baseName(path)), func(ok bool) {
			if ok {
				mw.createAndOpen(path, t, storage.Replace)
			}
		}, mw.win)
		return
	}
	mw.createAndOpen(path, t, storage.Create)
}

// createAndOpen writes the template's map with write (storage.Create, or
// storage.Replace once the user agreed to replace a file) and opens it.
func (mw *mainWindow) createAndOpen(path string, t templates.Template, write func(string, *model.Map) error) {
	m := t.Map()
	if t.Name == "empty" {
		m.Title = T("New value flow")
		m.Scenarios[0].Name = T("As-is")
	}
	if err := write(path, m); err != nil {
		mw.showError(err)
		return
	}
	mw.openPath(path)
}

func (mw *mainWindow) saveAsDialog() {
	mw.askNewPath(baseName(mw.doc.file.Path()), mw.saveAsTo)
}

// saveAsTo copies the map to path and goes on editing the copy, as Save As
// does everywhere; when the copy cannot be made it says why and the window
// stays on the map it had.
func (mw *mainWindow) saveAsTo(path string) {
	if sameFile(path, mw.doc.file.Path()) {
		return // every change is already saved there
	}
	if err := mw.doc.file.SaveAs(path); err != nil {
		mw.showError(err)
		return
	}
	mw.openPath(path)
}

func (mw *mainWindow) recentFiles() []string {
	return mw.app.Preferences().StringList(prefRecent)
}

func (mw *mainWindow) rememberRecent(path string) {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	list := []string{path}
	for _, p := range mw.recentFiles() {
		if p != path && len(list) < maxRecent {
			list = append(list, p)
		}
	}
	mw.app.Preferences().SetStringList(prefRecent, list)
	mw.updateRecentMenu()
}

func (mw *mainWindow) forgetRecent(path string) {
	var list []string
	for _, p := range mw.recentFiles() {
		if p != path {
			list = append(list, p)
		}
	}
	mw.app.Preferences().SetStringList(prefRecent, list)
	mw.updateRecentMenu()
}

func (mw *mainWindow) updateRecentMenu() {
	if mw.mainMenu == nil {
		return
	}
	for _, it := range mw.mainMenu.Items[0].Items {
		if it.ChildMenu != nil && it.Label == T("Open Recent") {
			it.ChildMenu.Items = nil
			for _, p := range mw.recentFiles() {
				p := p
				it.ChildMenu.Items = append(it.ChildMenu.Items, fyne.NewMenuItem(p, func() { mw.openPath(p) }))
			}
			if len(it.ChildMenu.Items) == 0 {
				none := fyne.NewMenuItem(T("No recent files"), nil)
				none.Disabled = true
				it.ChildMenu.Items = append(it.ChildMenu.Items, none)
			}
		}
	}
	mw.mainMenu.Refresh()
}

// sameFile tells whether two paths name one file that exists.
func sameFile(a, b string) bool {
	sa, err := os.Stat(a)
	if err != nil {
		return false
	}
	sb, err := os.Stat(b)
	return err == nil && os.SameFile(sa, sb)
}

// withAddedExtension hands final (the chosen path with the extension the
// user left out) to use. Fyne's dialog asked about replacing the file the
// user typed, not this one: when final is another file that exists, ask.
func (mw *mainWindow) withAddedExtension(parent fyne.Window, chosen, final string, use func(path string)) {
	if final == chosen {
		use(final)
		return
	}
	if _, err := os.Stat(final); err != nil {
		use(final)
		return
	}
	dialog.ShowConfirm(T("Replace file?"), Tf("%s already exists. Replace it?", baseName(final)), func(ok bool) {
		if ok {
			use(final)
		}
	}, parent)
}
