package app

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	fynecanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"valueflow/canvas/export"
	"valueflow/canvas/scene"
	"valueflow/model"
	"valueflow/model/anonymise"
	"valueflow/storage/jsonmap"
	"valueflow/storage/sheet"
)

var exportFormats = []string{"PDF", "SVG", "PNG", "DOT", "JSON", "XLSX", "CSV"}

// exportDialog asks for format and paper, then where to write; big exports
// run in the background with a progress bar and a Cancel button.
func (mw *mainWindow) exportDialog() {
	// Each map remembers its own export settings; a new map starts from
	// the defaults in the preferences.
	p := mw.app.Preferences()
	key := "export:" + mw.doc.file.Path() + ":"
	format := widget.NewSelect(exportFormats, nil)
	format.SetSelected(p.StringWithFallback(key+"format", "PDF"))
	paper := widget.NewSelect([]string{"A4", "A3", "Letter"}, nil)
	paper.SetSelected(p.StringWithFallback(key+"paper", p.StringWithFallback("paper", "A3")))
	landscape := widget.NewCheck(T("Landscape"), nil)
	landscape.SetChecked(p.BoolWithFallback(key+"landscape", p.BoolWithFallback("landscape", true)))
	fit := widget.NewCheck(T("Fit on one page"), nil)
	fit.SetChecked(p.Bool(key + "fit"))
	scalePct := widget.NewEntry()
	scalePct.SetText(p.StringWithFallback(key+"scale", "100"))
	anon := widget.NewCheck(T("Privacy-safe: replace names of persons by their kind"), nil)
	items := []*widget.FormItem{
		widget.NewFormItem(T("Format"), format),
		widget.NewFormItem(T("Paper"), paper),
		widget.NewFormItem("", landscape),
		widget.NewFormItem("", fit),
		widget.NewFormItem(T("Scale (%)"), scalePct),
		widget.NewFormItem("", anon),
	}
	d := dialog.NewForm(T("Export"), T("Export…"), T("Cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		pct, err := strconv.ParseFloat(strings.TrimSpace(scalePct.Text), 32)
		if err != nil {
			mw.showError(errorf(Tf("%s: %q is not a number", T("Scale (%)"), scalePct.Text)))
			return
		}
		p.SetString(key+"format", format.Selected)
		p.SetString(key+"paper", paper.Selected)
		p.SetBool(key+"landscape", landscape.Checked)
		p.SetBool(key+"fit", fit.Checked)
		p.SetString(key+"scale", scalePct.Text)
		setup := scene.PageSetup{Paper: scene.Paper(paper.Selected), Landscape: landscape.Checked, Fit: fit.Checked, ScalePct: float32(pct)}
		ext := strings.ToLower(format.Selected)
		if ext == "pdf" {
			mw.previewPages(setup, anon.Checked, func() { mw.askExportPath(ext, setup, anon.Checked) })
			return
		}
		mw.askExportPath(ext, setup, anon.Checked)
	}, mw.win)
	d.Resize(fyne.NewSize(420, 320))
	d.Show()
}

func (mw *mainWindow) askExportPath(ext string, setup scene.PageSetup, private bool) {
	m := mw.doc.m().Clone()
	if private {
		m = anonymise.Map(m, T)
	}
	if ext == "csv" {
		mw.exportCSVFolder(m)
		return
	}
	sc := mw.doc.current()
	s := scene.Board(m, sc.ID, scene.BoardOptions{Translate: T})
	meta := export.MapMeta(m, sc, T)
	var write func(ctx context.Context, w io.Writer, progress func(done, total int)) error
	switch ext {
	case "pdf":
		pages, err := scene.Paginate(s, setup, meta.PageInfo())
		if err != nil {
			mw.showError(err)
			return
		}
		write = func(ctx context.Context, w io.Writer, progress func(int, int)) error {
			return export.PDFProgress(ctx, w, s, pages, meta, progress)
		}
	case "svg":
		write = func(_ context.Context, w io.Writer, _ func(int, int)) error { return export.SVG(w, s) }
	case "png":
		write = func(_ context.Context, w io.Writer, _ func(int, int)) error { return export.PNG(w, s, 150) }
	case "dot":
		write = func(_ context.Context, w io.Writer, _ func(int, int)) error { return export.DOT(w, m, sc.ID) }
	case "json":
		write = func(_ context.Context, w io.Writer, _ func(int, int)) error { return jsonmap.Encode(w, m) }
	case "xlsx":
		// Sheet and column names in the user's language.
		write = func(_ context.Context, w io.Writer, _ func(int, int)) error {
			return sheet.WriteXLSX(w, m, T("sheet.lang"))
		}
	}
	name := strings.TrimSuffix(baseName(mw.doc.file.Path()), filepath.Ext(mw.doc.file.Path())) + "." + ext
	fd := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil {
			mw.showError(err)
			return
		}
		if wc == nil {
			return
		}
		path := wc.URI().Path()
		wc.Close()
		mw.runExport(path, write)
	}, mw.win)
	fd.SetFileName(name)
	mw.startIn(fd.SetLocation)
	fd.Resize(fyne.NewSize(900, 600))
	fd.Show()
}

// runExport writes in the background: the file appears whole or not at all.
func (mw *mainWindow) runExport(path string, write func(context.Context, io.Writer, func(int, int)) error) {
	ctx, cancel := context.WithCancel(context.Background())
	bar := widget.NewProgressBar()
	prog := dialog.NewCustom(T("Exporting…"), T("Cancel"), bar, mw.win)
	prog.SetOnClosed(cancel)
	prog.Show()
	go func() {
		err := export.WriteFile(path, func(w io.Writer) error {
			return write(ctx, w, func(done, total int) {
				fyne.Do(func() { bar.SetValue(float64(done) / float64(max(total, 1))) })
			})
		})
		fyne.Do(func() {
			prog.Hide()
			if err != nil && ctx.Err() == nil {
				mw.showError(err)
			} else if err != nil {
				os.Remove(path) // the save dialog left an empty file
			} else {
				mw.status.SetText(Tf("Exported to %s", path))
			}
			cancel()
		})
	}()
}

// previewPages shows the sheets a PDF export will print, small, before the
// user chooses where to save it; the pages are drawn in the background.
func (mw *mainWindow) previewPages(setup scene.PageSetup, private bool, save func()) {
	m := mw.doc.m().Clone()
	if private {
		m = anonymise.Map(m, T)
	}
	sc := mw.doc.current()
	s := scene.Board(m, sc.ID, scene.BoardOptions{Translate: T})
	meta := export.MapMeta(m, sc, T)
	pages, err := scene.Paginate(s, setup, meta.PageInfo())
	if err != nil {
		mw.showError(err)
		return
	}
	grid := container.NewGridWrap(fyne.NewSize(230, 190))
	info := widget.NewLabel(Tf("%d pages, %s", len(pages), setup.String()))
	scroll := container.NewVScroll(grid)
	d := dialog.NewCustomConfirm(T("Print preview"), T("Save…"), T("Cancel"),
		container.NewBorder(info, nil, nil, nil, scroll), func(ok bool) {
			if ok {
				save()
			}
		}, mw.win)
	d.Resize(fyne.NewSize(1000, 680))
	d.Show()
	go func() {
		for i, pg := range pages {
			if i == 24 {
				break // enough to judge the layout
			}
			img, err := export.RasterPage(s, pg, 14)
			if err != nil {
				return
			}
			fyne.Do(func() {
				pic := fynecanvas.NewImageFromImage(img)
				pic.FillMode = fynecanvas.ImageFillContain
				grid.Add(container.NewBorder(nil, widget.NewLabel(pg.Position(T)), nil, nil, pic))
				scroll.Refresh()
			})
		}
	}()
}

// exportCSVFolder writes the map's tables as CSV files into a new folder
// inside the folder the user picks; the folder appears whole or not at all.
func (mw *mainWindow) exportCSVFolder(m *model.Map) {
	d := dialog.NewFolderOpen(func(l fyne.ListableURI, err error) {
		if err != nil {
			mw.showError(err)
			return
		}
		if l == nil {
			return
		}
		name := strings.TrimSuffix(baseName(mw.doc.file.Path()), filepath.Ext(mw.doc.file.Path())) + " (CSV)"
		dir := filepath.Join(l.Path(), name)
		if _, err := os.Stat(dir); err == nil {
			mw.showError(errorf(Tf("%s already exists; choose another folder", dir)))
			return
		}
		tmp, err := os.MkdirTemp(l.Path(), ".csv-*.tmp")
		if err != nil {
			mw.showError(err)
			return
		}
		if err := sheet.WriteCSVDir(tmp, m); err != nil {
			os.RemoveAll(tmp)
			mw.showError(err)
			return
		}
		if err := os.Rename(tmp, dir); err != nil {
			os.RemoveAll(tmp)
			mw.showError(err)
			return
		}
		mw.status.SetText(Tf("Exported to %s", dir))
	}, mw.win)
	mw.startIn(d.SetLocation)
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}
