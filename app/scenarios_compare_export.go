package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	fynecanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"valueflow/canvas/export"
	"valueflow/canvas/scene"
	"valueflow/model/anonymise"
)

// compareFormats are the formats a compare board is exported in.
var compareFormats = []string{"PDF", "SVG", "PNG"}

// compareExportDialog asks how to print the compare board of window w:
// format, paper, orientation, fit or scale; a PDF is previewed first. Every
// page carries both names and the compare legend, as on the command line.
func (mw *mainWindow) compareExportDialog(w fyne.Window, v *compareView) {
	p := mw.app.Preferences()
	key := "export:" + mw.doc.file.Path() + ":compare:"
	format := widget.NewSelect(compareFormats, nil)
	format.SetSelected(p.StringWithFallback(key+"format", "PDF"))
	paper := widget.NewSelect([]string{"A4", "A3", "Letter"}, nil)
	paper.SetSelected(p.StringWithFallback(key+"paper", p.StringWithFallback("paper", "A3")))
	landscape := widget.NewCheck(T("Landscape"), nil)
	landscape.SetChecked(p.BoolWithFallback(key+"landscape", p.BoolWithFallback("landscape", true)))
	fit := widget.NewCheck(T("Fit on one page"), nil)
	fit.SetChecked(p.BoolWithFallback(key+"fit", true))
	scalePct := widget.NewEntry()
	scalePct.SetText(p.StringWithFallback(key+"scale", "100"))
	scalePct.Validator = func(s string) error {
		if _, err := parseScale(s); err != nil {
			return err
		}
		return nil
	}
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
		pct, err := parseScale(scalePct.Text)
		if err != nil {
			showErrorIn(w, err)
			return
		}
		p.SetString(key+"format", format.Selected)
		p.SetString(key+"paper", paper.Selected)
		p.SetBool(key+"landscape", landscape.Checked)
		p.SetBool(key+"fit", fit.Checked)
		p.SetString(key+"scale", scalePct.Text)
		cv := v
		if anon.Checked {
			cv = v.anonymised()
		}
		setup := scene.PageSetup{Paper: scene.Paper(paper.Selected), Landscape: landscape.Checked, Fit: fit.Checked, ScalePct: pct}
		ext := strings.ToLower(format.Selected)
		if ext == "pdf" {
			mw.previewCompare(w, cv, setup, func() { mw.saveCompare(w, cv, ext, setup) })
			return
		}
		mw.saveCompare(w, cv, ext, setup)
	}, w)
	d.Resize(fyne.NewSize(420, 320))
	d.Show()
}

// parseScale reads the scale entry: a percentage from 1 to 1000, as on the
// command line.
func parseScale(s string) (float32, error) {
	pct, err := strconv.ParseFloat(strings.TrimSpace(s), 32)
	if err != nil {
		return 0, errors.New(Tf("%s: %q is not a number", T("Scale (%)"), s))
	}
	if pct < 1 || pct > 1000 {
		return 0, errors.New(Tf("%s: %s is out of range (1 to 1000)", T("Scale (%)"), strings.TrimSpace(s)))
	}
	return float32(pct), nil
}

// anonymised is the same compare with the names of persons replaced by
// their kind on both sides.
func (v *compareView) anonymised() *compareView {
	am := anonymise.Map(v.ma, T)
	bm := am
	if v.mb != v.ma {
		bm = anonymise.Map(v.mb, T)
	}
	return newCompareView(v.from, v.to, am, bm, am.Scenario(v.sa.ID), bm.Scenario(v.sb.ID))
}

// meta is what every printed page of the compare says: the map, both
// sides' names and the compare legend.
func (v *compareView) meta() export.Meta {
	return export.Meta{Title: v.mb.Title, Author: "Valueflow", Scenario: v.names(), Date: time.Now(), Legend: scene.CompareLegend(), Translate: T}
}

// previewCompare shows the sheets the PDF will print before asking where
// to save it, drawn in the background like the main window's preview.
func (mw *mainWindow) previewCompare(w fyne.Window, v *compareView, setup scene.PageSetup, save func()) {
	pages, err := scene.Paginate(v.scene, setup, v.meta().PageInfo())
	if err != nil {
		showErrorIn(w, err)
		return
	}
	grid := container.NewGridWrap(fyne.NewSize(230, 190))
	info := widget.NewLabel(Tf("%d pages, %s", len(pages), setupText(setup)))
	scroll := container.NewVScroll(grid)
	d := dialog.NewCustomConfirm(T("Print preview"), T("Save…"), T("Cancel"),
		container.NewBorder(info, nil, nil, nil, scroll), func(ok bool) {
			if ok {
				save()
			}
		}, w)
	d.Resize(fyne.NewSize(1000, 680))
	d.Show()
	go func() {
		for i, pg := range pages {
			if i == 24 {
				break // enough to judge the layout
			}
			img, err := export.RasterPage(v.scene, pg, 14)
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

// setupText describes a page setup in the user's words, as the page
// header does: "A3 liggend, 60 %".
func setupText(ps scene.PageSetup) string {
	if ps.Paper == "" {
		ps.Paper = scene.A4
	}
	o := T("portrait")
	if ps.Landscape {
		o = T("landscape")
	}
	if ps.Fit {
		return fmt.Sprintf("%s %s, %s", ps.Paper, o, T("fit to page"))
	}
	return fmt.Sprintf("%s %s, %g %%", ps.Paper, o, math.Round(float64(ps.ScalePct)))
}

// compareWriter returns what writes the compare board as ext.
func compareWriter(v *compareView, ext string, setup scene.PageSetup) (func(context.Context, io.Writer, func(int, int)) error, error) {
	switch ext {
	case "svg":
		return func(_ context.Context, w io.Writer, _ func(int, int)) error { return export.SVG(w, v.scene) }, nil
	case "png":
		return func(_ context.Context, w io.Writer, _ func(int, int)) error { return export.PNG(w, v.scene, 150) }, nil
	}
	meta := v.meta()
	pages, err := scene.Paginate(v.scene, setup, meta.PageInfo())
	if err != nil {
		return nil, err
	}
	return func(ctx context.Context, w io.Writer, progress func(int, int)) error {
		return export.PDFProgress(ctx, w, v.scene, pages, meta, progress)
	}, nil
}

// saveCompare asks where to write the compare board and writes it there in
// the background; the file appears whole or not at all.
func (mw *mainWindow) saveCompare(w fyne.Window, v *compareView, ext string, setup scene.PageSetup) {
	write, err := compareWriter(v, ext, setup)
	if err != nil {
		showErrorIn(w, err)
		return
	}
	base := strings.TrimSuffix(baseName(mw.doc.file.Path()), filepath.Ext(mw.doc.file.Path()))
	fd := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil {
			showErrorIn(w, err)
			return
		}
		if wc == nil {
			return
		}
		path := wc.URI().Path()
		wc.Close()
		runExportIn(w, path, write)
	}, w)
	fd.SetFileName(base + " (" + strings.ToLower(T("Compare")) + ")." + ext)
	mw.startIn(fd.SetLocation)
	fd.Resize(fyne.NewSize(900, 600))
	fd.Show()
}

// runExportIn writes an export in the background with a progress bar in
// window w, and says where it went.
func runExportIn(w fyne.Window, path string, write func(context.Context, io.Writer, func(int, int)) error) {
	ctx, cancel := context.WithCancel(context.Background())
	bar := widget.NewProgressBar()
	prog := dialog.NewCustom(T("Exporting…"), T("Cancel"), bar, w)
	prog.SetOnClosed(cancel)
	prog.Show()
	go func() {
		err := export.WriteFile(path, func(out io.Writer) error {
			return write(ctx, out, func(done, total int) {
				fyne.Do(func() { bar.SetValue(float64(done) / float64(max(total, 1))) })
			})
		})
		fyne.Do(func() {
			prog.Hide()
			switch {
			case err != nil && ctx.Err() == nil:
				showErrorIn(w, err)
			case err != nil:
				os.Remove(path) // the save dialog left an empty file
			default:
				dialog.ShowInformation(T("Export"), Tf("Exported to %s", path), w)
			}
			cancel()
		})
	}()
}

// showErrorIn shows an error in window w, in the user's words.
func showErrorIn(w fyne.Window, err error) {
	dialog.NewError(errors.New(storageMessage(err)), w).Show()
}
