package app

import (
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	fynestorage "fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"valueflow/model"
	"valueflow/storage"
	"valueflow/storage/jsonmap"
	"valueflow/storage/sheet"
)

// importFileDialog reads a JSON file or an XLSX workbook.
func (mw *mainWindow) importFileDialog() {
	mw.pickFile(storageFilter(".json", ".xlsx"), mw.importFrom)
}

// importFolderDialog reads a folder of CSV files.
func (mw *mainWindow) importFolderDialog() {
	d := dialog.NewFolderOpen(func(l fyne.ListableURI, err error) {
		if err != nil {
			mw.showError(err)
			return
		}
		if l != nil {
			mw.importFrom(l.Path())
		}
	}, mw.win)
	mw.startIn(d.SetLocation)
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// readImport reads a map and the report on it; nothing is written.
func readImport(path string) (*model.Map, *sheet.Report, error) {
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return sheet.ReadCSVDir(path)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	if strings.EqualFold(filepath.Ext(path), ".json") {
		m, err := jsonmap.Decode(f)
		if err != nil {
			return nil, &sheet.Report{Errors: []sheet.Issue{{Key: "text", Args: []string{err.Error()}}}}, nil
		}
		return m, &sheet.Report{}, nil
	}
	return sheet.ReadXLSX(f)
}

// importFrom shows what an import found before anything is written: with
// errors only the report, otherwise the report and where to put the map.
func (mw *mainWindow) importFrom(path string) {
	m, rep, err := readImport(path)
	if err != nil {
		mw.showError(err)
		return
	}
	var lines []string
	for _, e := range rep.Errors {
		lines = append(lines, "✗ "+e.String())
	}
	for _, w := range rep.Warnings {
		lines = append(lines, "⚠ "+w.String())
	}
	list := widget.NewList(func() int { return len(lines) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Wrapping = fyne.TextWrapWord
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(lines[i]) })
	var head string
	switch {
	case !rep.OK():
		head = Tf("%s cannot be imported: %d errors, %d warnings. Nothing was changed.", baseName(path), len(rep.Errors), len(rep.Warnings))
	case len(rep.Warnings) > 0:
		head = Tf("%s can be imported with %d warnings.", baseName(path), len(rep.Warnings))
	default:
		head = Tf("%s can be imported: no problems found.", baseName(path))
	}
	summary := widget.NewLabel(head)
	summary.Wrapping = fyne.TextWrapWord
	content := container.NewBorder(summary, nil, nil, nil, list)
	if !rep.OK() {
		d := dialog.NewCustom(T("Import report"), T("Close"), content, mw.win)
		d.Resize(fyne.NewSize(820, 520))
		d.Show()
		return
	}
	var d dialog.Dialog
	saveNew := widget.NewButton(T("Save as new map…"), func() {
		d.Hide()
		name := strings.TrimSuffix(baseName(path), filepath.Ext(path)) + ".vflow"
		mw.askNewPath(name, func(out string) {
			if _, err := os.Stat(out); err == nil {
				mw.showError(&storage.Error{Code: storage.Exists, Op: "create", Path: out})
				return
			}
			if err := storage.Create(out, m); err != nil {
				mw.showError(err)
				return
			}
			mw.openPath(out)
		})
	})
	saveNew.Importance = widget.HighImportance
	addHere := widget.NewButton(T("Add as a scenario of this map"), func() {
		d.Hide()
		mw.importAsScenario(m, strings.TrimSuffix(baseName(path), filepath.Ext(path)))
	})
	cancel := widget.NewButton(T("Cancel"), func() { d.Hide() })
	buttons := container.NewHBox(layoutSpacer(), cancel, addHere, saveNew)
	d = dialog.NewCustomWithoutButtons(T("Import report"), container.NewBorder(nil, buttons, nil, nil, content), mw.win)
	d.Resize(fyne.NewSize(860, 520))
	d.Show()
}

// importAsScenario adds an imported map to the open one as a new scenario,
// after taking a snapshot so the map before the import can be restored.
func (mw *mainWindow) importAsScenario(m *model.Map, name string) {
	if mw.readOnly() {
		mw.showError(errorf(T("error.read-only")))
		return
	}
	cmd, err := model.ImportScenario(mw.doc.m(), m, name)
	if err != nil {
		mw.showError(err)
		return
	}
	snap, err := mw.doc.file.TakeSnapshot(Tf("Before importing %s", name), "")
	if err != nil {
		mw.showError(err)
		return
	}
	if !mw.do(cmd) {
		// Nothing was imported: a snapshot "before importing" would mislead.
		mw.doc.file.DeleteSnapshot(snap.ID)
		return
	}
	sc := mw.doc.m().Scenarios[len(mw.doc.m().Scenarios)-1]
	mw.doc.scenario = sc.ID
	mw.refresh()
}

func layoutSpacer() fyne.CanvasObject { return layout.NewSpacer() }

func storageFilter(exts ...string) fynestorage.FileFilter {
	return fynestorage.NewExtensionFileFilter(exts)
}
