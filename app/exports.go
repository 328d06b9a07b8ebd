package app

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	fynecanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"valueflow/canvas/export"
	"valueflow/canvas/scene"
	"valueflow/model"
	"valueflow/model/anonymise"
	"valueflow/storage/jsonmap"
	"valueflow/storage/sheet"
)

// Export: one dialog with the settings on the left and the pages (or the
// drawing) they give on the right, redrawn as a setting changes; Save…
// asks where, and the file is written in the background with a progress
// bar and a Cancel button. What is printed is the view on the screen: the
// board with its time axis, the network with its layout and dragged nodes,
// the grid, the roles.

// The formats, drawn from a scene or written from the map.
var (
	drawingFormats = []string{"PDF", "SVG", "PNG"}
	mapFormats     = []string{"PDF", "SVG", "PNG", "DOT", "JSON", "XLSX", "CSV"}
)

// exportSettings are the choices of the export dialog. Each map remembers
// its own, by the absolute path of its file.
type exportSettings struct {
	Format    string  `json:"format"`
	Paper     string  `json:"paper"`
	Landscape bool    `json:"landscape"`
	Fit       bool    `json:"fit"`
	ScalePct  float64 `json:"scale"`
	DPI       int     `json:"dpi"`
	Private   bool    `json:"private"`
}

var defaultExportSettings = exportSettings{Format: "PDF", Paper: string(scene.A3), Landscape: true, ScalePct: scene.DefaultScalePct, DPI: 150}

// setup is the page setup of the settings.
func (s exportSettings) setup() scene.PageSetup {
	return scene.PageSetup{Paper: scene.Paper(s.Paper), Landscape: s.Landscape, Fit: s.Fit, ScalePct: float32(s.ScalePct)}
}

// exportSettingsKey is the preference under which a file's settings live:
// the same map opened by another relative path finds them again.
func exportSettingsKey(path string) string {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	return "export-settings:" + filepath.Clean(path)
}

// loadExportSettings are the settings the map remembers under key, or
// else the defaults with the paper and orientation of Preferences.
func loadExportSettings(p fyne.Preferences, key string) exportSettings {
	def := defaultExportSettings
	def.Paper, def.Landscape = defaultPaper(p)
	s := def
	if raw := p.String(key); raw != "" {
		if json.Unmarshal([]byte(raw), &s) != nil {
			s = def
		}
	}
	return s
}

func saveExportSettings(p fyne.Preferences, key string, s exportSettings) {
	if b, err := json.Marshal(s); err == nil {
		p.SetString(key, string(b))
	}
}

// privacy turns the map to export into what may be shared: the map itself
// or a privacy-safe copy.
type privacy func(*model.Map) *model.Map

// sceneBuilder lays out the view to export from its map, passed through
// private (both maps, for a compare), and says what every printed page
// says about it. It runs in the background and must not touch widgets.
type sceneBuilder func(private privacy) (*scene.Scene, export.Meta, error)

// exportTarget is what one export dialog writes.
type exportTarget struct {
	parent  fyne.Window
	view    string // the view's name, shown in the dialog
	file    string // the suggested file name, without extension
	drawing string // the same for a drawing, when it names the view (not the board)
	key     string // the preference of the remembered settings
	formats []string
	build   sceneBuilder
	// data is the map, for the formats that are not drawn (DOT, JSON,
	// XLSX, CSV); nil where only drawings are offered.
	data func() (*model.Map, *model.Scenario)
	// start, when set, gives the settings the dialog opens with instead
	// of those remembered under key (viewExport).
	start func(fyne.Preferences) exportSettings
}

// exportDialog exports the view on the screen (File → Export…).
func (mw *mainWindow) exportDialog() { mw.openExport() }

func (mw *mainWindow) openExport() *exportForm {
	m := mw.doc.m().Clone()
	sc := m.Scenario(mw.doc.current().ID)
	view, build := mw.activeView(m, sc)
	path := mw.doc.file.Path()
	file, drawing := strings.TrimSuffix(baseName(path), filepath.Ext(path)), ""
	if view != T("Journey board") {
		drawing = file + " - " + view // "zorgpad - Network.pdf"
	}
	key, start := viewExport(exportSettingsKey(path), view, m, sc)
	return mw.showExport(exportTarget{
		parent:  mw.win,
		view:    view,
		file:    file,
		drawing: drawing,
		key:     key,
		formats: mapFormats,
		build:   build,
		data:    func() (*model.Map, *model.Scenario) { return m, sc },
		start:   start,
	})
}

// exportScene opens the export dialog over parent for a drawing that is
// not one of the main window's tabs (the compare window): PDF, SVG or PNG
// of the scene build lays out, with the same settings, preview, progress
// and messages. title names the view and the suggested file.
func (mw *mainWindow) exportScene(parent fyne.Window, title string, build sceneBuilder) {
	path := mw.doc.file.Path()
	mw.showExport(exportTarget{
		parent:  parent,
		view:    title,
		file:    strings.TrimSuffix(baseName(path), filepath.Ext(path)) + " - " + title,
		key:     exportSettingsKey(path) + ":" + title,
		formats: drawingFormats,
		build:   build,
	})
}

// activeView returns the name of the tab on the screen and how to lay it
// out again from m as it is shown: the board with the real time axis when
// it is on, the network as it is laid out now; on the Insights tab, which
// draws nothing, the board. The selection is left out: it is a pointer on
// the screen, not part of the map.
func (mw *mainWindow) activeView(m *model.Map, sc *model.Scenario) (string, sceneBuilder) {
	// A privacy-safe copy may call the scenario otherwise.
	scIn := func(pm *model.Map) model.ID { return anonymise.IDs(m, pm)(sc.ID) }
	meta := func(pm *model.Map) export.Meta { return export.MapMeta(pm, pm.Scenario(scIn(pm)), T) }
	realTime := mw.realTime
	board := func(private privacy) (*scene.Scene, export.Meta, error) {
		pm := private(m)
		return scene.Board(pm, scIn(pm), scene.BoardOptions{Translate: T, RealTime: realTime}), meta(pm), nil
	}
	name := "Journey board"
	if mw.tabs != nil {
		for n, item := range mw.views {
			if item == mw.tabs.Selected() {
				name = n
			}
		}
	}
	switch name {
	case "Network":
		if mw.network != nil {
			net := mw.network.exportBuilder()
			return T(name), func(private privacy) (*scene.Scene, export.Meta, error) {
				pm := private(m)
				s, err := net(m, pm)
				return s, meta(pm), err
			}
		}
	case "Stakeholder grid":
		return T(name), func(private privacy) (*scene.Scene, export.Meta, error) {
			pm := private(m)
			return scene.Grid(pm, scene.GridOptions{}), meta(pm), nil
		}
	case "Roles over time":
		return T(name), func(private privacy) (*scene.Scene, export.Meta, error) {
			pm := private(m)
			return scene.Roles(pm, scIn(pm)), meta(pm), nil
		}
	}
	return T("Journey board"), board
}

// builtScene is a scene laid out once for the dialog's preview and export.
type builtScene struct {
	once sync.Once
	s    *scene.Scene
	meta export.Meta
	err  error
}

// exportForm is one open export dialog.
type exportForm struct {
	mw     *mainWindow
	target exportTarget
	d      *dialog.CustomDialog

	format, paper        *dialogSelect
	landscape, fit, anon *dialogCheck
	scale, dpi           *dialogEntry
	info                 *widget.Label
	pages                *fyne.Container
	save                 *widget.Button

	gen         int    // the newest preview; older ones stop
	previewDone func() // tests wait on it

	private    [2]privacy
	scenes     [2]builtScene
	anonOnce   sync.Once
	anonMap    *model.Map
	lastRun    *exportRun // tests wait on it
	lastFolder string     // tests read it
}

// showExport opens the export dialog for target.
func (mw *mainWindow) showExport(target exportTarget) *exportForm {
	p := mw.app.Preferences()
	set := loadExportSettings(p, target.key)
	if target.start != nil {
		set = target.start(p)
	}
	if !hasFormat(target.formats, set.Format) {
		set.Format = target.formats[0]
	}
	f := &exportForm{mw: mw, target: target}
	f.private = [2]privacy{
		func(m *model.Map) *model.Map { return m },
		func(m *model.Map) *model.Map { return anonymise.Map(m, T) },
	}
	f.format = newDialogSelect(target.formats, nil)
	papers := make([]string, len(scene.Papers))
	for i, pp := range scene.Papers {
		papers[i] = string(pp)
	}
	f.paper = newDialogSelect(papers, nil)
	f.landscape = newDialogCheck(T("Landscape"), nil)
	f.fit = newDialogCheck(T("Fit on one page"), nil)
	f.scale = newDialogEntry()
	f.dpi = newDialogEntry()
	f.anon = newDialogCheck(T("Privacy-safe: replace names of persons by their kind"), nil)
	f.format.SetSelected(set.Format)
	f.paper.SetSelected(set.Paper)
	if f.paper.Selected == "" {
		f.paper.SetSelected(string(scene.A3))
	}
	f.landscape.SetChecked(set.Landscape)
	f.fit.SetChecked(set.Fit)
	f.scale.SetText(strconv.FormatFloat(set.ScalePct, 'f', -1, 64))
	f.dpi.SetText(strconv.Itoa(set.DPI))
	f.anon.SetChecked(set.Private)
	for _, s := range []*dialogSelect{f.format, f.paper} {
		s.OnChanged = func(string) { f.changed() }
	}
	for _, c := range []*dialogCheck{f.landscape, f.fit, f.anon} {
		c.OnChanged = func(bool) { f.changed() }
	}
	for _, e := range []*dialogEntry{f.scale, f.dpi} {
		e.OnChanged = func(string) { f.changed() }
	}

	form := widget.NewForm(
		widget.NewFormItem(T("export.view"), widget.NewLabel(target.view)),
		widget.NewFormItem(T("Format"), f.format),
		widget.NewFormItem(T("Paper"), f.paper),
		widget.NewFormItem("", f.landscape),
		widget.NewFormItem("", f.fit),
		widget.NewFormItem(T("Scale (%)"), f.scale),
		widget.NewFormItem(T("Resolution (dpi)"), f.dpi),
		widget.NewFormItem("", f.anon),
	)
	f.info = widget.NewLabel("")
	f.info.Wrapping = fyne.TextWrapWord
	f.pages = container.NewGridWrap(fyne.NewSize(220, 190))
	preview := container.NewBorder(f.info, nil, nil, nil, container.NewVScroll(f.pages))
	left := container.NewBorder(nil, nil, nil, nil, container.NewVScroll(form))
	split := container.NewHSplit(left, preview)
	split.Offset = 0.38

	f.d = dialog.NewCustomWithoutButtons(T("Export"), split, target.parent)
	cancel := widget.NewButton(T("Cancel"), f.d.Hide)
	f.save = widget.NewButton(T("Save…"), f.saveAs)
	f.save.Importance = widget.HighImportance
	f.d.SetButtons([]fyne.CanvasObject{cancel, f.save})
	size := target.parent.Canvas().Size()
	f.d.Resize(fyne.NewSize(min(1000, size.Width-40), min(680, size.Height-40)))
	f.d.Show()
	f.changed()
	return f
}

func hasFormat(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// settings reads the form; a value that cannot be used is an error in the
// user's words.
func (f *exportForm) settings() (exportSettings, error) {
	s := exportSettings{Format: f.format.Selected, Paper: f.paper.Selected, Landscape: f.landscape.Checked, Fit: f.fit.Checked, Private: f.anon.Checked}
	var err error
	if s.ScalePct, err = strconv.ParseFloat(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(f.scale.Text), "%")), 64); err != nil {
		return s, errorf(Tf("%s: %q is not a number", T("Scale (%)"), f.scale.Text))
	}
	if s.DPI, err = strconv.Atoi(strings.TrimSpace(f.dpi.Text)); err != nil {
		return s, errorf(Tf("%s: %q is not a whole number", T("Resolution (dpi)"), f.dpi.Text))
	}
	if s.Format == "PDF" {
		// 0 % is not "the default" (scene.PageSetup reads a 0 so): what
		// was typed is what is printed, or refused.
		if !s.Fit && !(s.ScalePct >= scene.MinScalePct && s.ScalePct <= scene.MaxScalePct) {
			return s, errorf(Tf("scale %g %% is out of range 10..400", s.ScalePct))
		}
		if err := s.setup().Check(); err != nil {
			return s, err
		}
	}
	if s.Format == "PNG" && (s.DPI < export.MinDPI || s.DPI > export.MaxDPI) {
		return s, errorf(Tf("resolution %g dpi is out of range 10..1200", float64(s.DPI)))
	}
	return s, nil
}

// scene lays out the view once per privacy choice; it may block, so it
// runs in the background.
func (f *exportForm) scene(private bool) (*scene.Scene, export.Meta, error) {
	i := 0
	if private {
		i = 1
	}
	b := &f.scenes[i]
	b.once.Do(func() { b.s, b.meta, b.err = f.target.build(f.private[i]) })
	return b.s, b.meta, b.err
}

// mapToWrite returns the map the data formats write, privacy-safe when asked.
func (f *exportForm) mapToWrite(private bool) (*model.Map, *model.Scenario) {
	m, sc := f.target.data()
	if !private {
		return m, sc
	}
	f.anonOnce.Do(func() { f.anonMap = anonymise.Map(m, T) })
	return f.anonMap, f.anonMap.Scenario(anonymise.IDs(m, f.anonMap)(sc.ID))
}

// changed enables the settings that apply to the format and redraws the
// preview in the background; a newer change stops an older preview.
func (f *exportForm) changed() {
	format := f.format.Selected
	paged := format == "PDF"
	for _, w := range []fyne.Disableable{f.paper, f.landscape, f.fit} {
		enable(w, paged)
	}
	enable(f.scale, paged && !f.fit.Checked)
	enable(f.dpi, format == "PNG")
	enable(f.anon, true)
	f.gen++
	gen := f.gen
	f.pages.RemoveAll()
	// Sheets side by side; one drawing as big as the pane allows.
	if paged {
		f.pages.Layout = layout.NewGridWrapLayout(fyne.NewSize(220, 190))
	} else {
		f.pages.Layout = layout.NewGridWrapLayout(fyne.NewSize(520, 400))
	}
	set, err := f.settings()
	if err != nil {
		f.info.SetText(exportMessage(err))
		f.save.Disable()
		f.finished()
		return
	}
	f.save.Enable()
	if !hasFormat(drawingFormats, format) {
		f.info.SetText(dataFormatInfo(format))
		f.finished()
		return
	}
	f.info.SetText(T("Preparing the preview…"))
	current := func() bool { return gen == f.gen }
	go func() {
		text, pics, err := f.preview(set, func() bool {
			ok := false
			fyne.DoAndWait(func() { ok = current() })
			return ok
		})
		fyne.Do(func() {
			if !current() {
				return
			}
			if err != nil {
				f.info.SetText(exportMessage(err))
				if !errors.Is(err, context.Canceled) {
					f.save.Disable()
				}
			} else {
				f.info.SetText(text)
				for _, p := range pics {
					f.pages.Add(p)
				}
			}
			f.finished()
		})
	}()
}

func (f *exportForm) finished() {
	if f.previewDone != nil {
		f.previewDone()
	}
}

func enable(w fyne.Disableable, on bool) {
	if on {
		w.Enable()
	} else {
		w.Disable()
	}
}

// maxPreviewPages is how many sheets the preview draws: enough to judge
// the layout of a big print.
const maxPreviewPages = 24

// preview lays out the view and draws small pictures of what set gives:
// the pages of a PDF, the whole drawing of an SVG or PNG. current says
// whether the preview is still wanted.
func (f *exportForm) preview(set exportSettings, current func() bool) (string, []fyne.CanvasObject, error) {
	s, meta, err := f.scene(set.Private)
	if err != nil {
		return "", nil, err
	}
	picture := func(img fyne.CanvasObject, caption string) fyne.CanvasObject {
		return container.NewBorder(nil, widget.NewLabelWithStyle(caption, fyne.TextAlignCenter, fyne.TextStyle{}), nil, nil, img)
	}
	image := func(dpi float32, draw func(dpi float32) (fyne.CanvasObject, error)) (fyne.CanvasObject, error) {
		return draw(max(dpi, export.MinDPI))
	}
	switch set.Format {
	case "PDF":
		setup := set.setup()
		pages, err := scene.Paginate(s, setup, meta.PageInfo())
		if err != nil {
			return "", nil, err
		}
		text := Tn(len(pages), "%d page", "%d pages") + ", " + setup.Describe(T)
		if len(pages) > maxPreviewPages {
			text += " · " + Tf("the first %d are shown", maxPreviewPages)
		}
		var pics []fyne.CanvasObject
		for i, pg := range pages {
			if i == maxPreviewPages || !current() {
				break
			}
			pic, err := image(150/(pg.Height/72), func(dpi float32) (fyne.CanvasObject, error) {
				img, err := export.RasterPage(s, pg, dpi)
				if err != nil {
					return nil, err
				}
				c := fynecanvas.NewImageFromImage(img)
				c.FillMode = fynecanvas.ImageFillContain
				return c, nil
			})
			if err != nil {
				return "", nil, err
			}
			caption := Tf("page %d of %d", pg.Number, pg.Count)
			if pg.Count > 1 {
				caption = pg.Position(T)
			}
			pics = append(pics, picture(pic, caption))
		}
		return text, pics, nil
	}
	// One drawing: the whole scene, small.
	var text string
	wmm, hmm := s.Width/scene.PtPerMM, s.Height/scene.PtPerMM
	if set.Format == "PNG" {
		pw, ph := export.PNGSize(s, float32(set.DPI))
		if pw*ph > export.MaxPixels {
			return "", nil, errorf(Tf("the image would be %d × %d pixels: choose a lower resolution", pw, ph))
		}
		text = Tf("One image of %d × %d pixels at %d dpi (%.0f × %.0f mm)", pw, ph, set.DPI, wmm, hmm)
	} else {
		text = Tf("One drawing of %.0f × %.0f mm, text as text", wmm, hmm)
	}
	pic, err := image(1000/(max(s.Width, s.Height)/72), func(dpi float32) (fyne.CanvasObject, error) {
		img, err := export.Raster(s, dpi)
		if err != nil {
			return nil, err
		}
		c := fynecanvas.NewImageFromImage(img)
		c.FillMode = fynecanvas.ImageFillContain
		return c, nil
	})
	if err != nil {
		return "", nil, err
	}
	return text, []fyne.CanvasObject{picture(pic, f.target.view)}, nil
}

// dataFormatInfo says what a format that is not drawn holds.
func dataFormatInfo(format string) string {
	switch format {
	case "DOT":
		return T("The journey as a Graphviz graph: lanes as clusters, steps as ranks, flows as edges.")
	case "JSON":
		return T("The whole map as JSON, to import again or to process elsewhere.")
	case "XLSX":
		return T("The map's tables in one workbook, one sheet per table.")
	}
	return T("The map's tables as CSV files in a new folder.")
}

// exportWriter writes one export to w, reporting progress and stopping
// when ctx is cancelled.
type exportWriter func(ctx context.Context, w io.Writer, progress func(done, total int)) error

// saveAs remembers the settings, asks where to write and writes there.
func (f *exportForm) saveAs() {
	set, err := f.settings()
	if err != nil {
		f.info.SetText(exportMessage(err))
		return
	}
	saveExportSettings(f.mw.app.Preferences(), f.target.key, set)
	f.d.Hide()
	ext := strings.ToLower(set.Format)
	if ext == "csv" {
		m, _ := f.mapToWrite(set.Private)
		f.mw.askFolder(f.target.parent, func(dir string) {
			f.lastFolder = filepath.Join(dir, f.target.file+" (CSV)")
			f.lastRun = f.mw.runExport(f.target.parent, f.lastFolder, csvFolderJob(f.lastFolder, m))
		})
		return
	}
	write := f.writer(set)
	f.mw.askExportPath(f.target.parent, f.suggestedName(set.Format), ext, func(path string) {
		f.lastRun = f.mw.runExport(f.target.parent, path, fileJob(path, write))
	})
}

// suggestedName is the file name the save dialog proposes for a format:
// a drawing of a view that is not the board names the view; the map's
// data (JSON, DOT, XLSX) is the map's whatever the view.
func (f *exportForm) suggestedName(format string) string {
	if f.target.drawing != "" && hasFormat(drawingFormats, format) {
		return f.target.drawing + "." + strings.ToLower(format)
	}
	return f.target.file + "." + strings.ToLower(format)
}

// writer returns how the export of set is written. A drawing is laid out
// (once) in the background, in the same goroutine that writes it.
func (f *exportForm) writer(set exportSettings) exportWriter {
	switch set.Format {
	case "PDF", "SVG", "PNG":
		return func(ctx context.Context, w io.Writer, progress func(int, int)) error {
			s, meta, err := f.scene(set.Private)
			if err != nil {
				return err
			}
			switch set.Format {
			case "SVG":
				return export.SVGProgress(ctx, w, s, progress)
			case "PNG":
				return export.PNGProgress(ctx, w, s, float32(set.DPI), progress)
			}
			pages, err := scene.Paginate(s, set.setup(), meta.PageInfo())
			if err != nil {
				return err
			}
			return export.PDFProgress(ctx, w, s, pages, meta, progress)
		}
	}
	// These know nothing of cancelling: fileJob's writer stops them at
	// their next write after a cancel, and the file is not put in place.
	m, sc := f.mapToWrite(set.Private)
	return func(_ context.Context, w io.Writer, _ func(int, int)) error {
		switch set.Format {
		case "DOT":
			return export.DOT(w, m, sc.ID)
		case "JSON":
			return jsonmap.Encode(w, m)
		}
		// Sheet and column names in the user's language.
		return sheet.WriteXLSX(w, m, T("sheet.lang"))
	}
}

// askExportPath asks where to write, starting in the map's folder, and
// hands the chosen path to use. Only the path is taken from the dialog:
// its writer is closed unused (the window installed writers that touch a
// file only when written to), so an existing file stays as it is until the
// export has been written whole next to it and renamed over it.
func (mw *mainWindow) askExportPath(parent fyne.Window, name, ext string, use func(path string)) {
	fd := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil {
			mw.showErrorOn(parent, err)
			return
		}
		if wc == nil {
			return
		}
		chosen := wc.URI().Path()
		wc.Close()
		path := chosen
		if filepath.Ext(path) == "" {
			path += "." + ext
		}
		mw.withAddedExtension(parent, chosen, path, use)
	}, parent)
	fd.SetFileName(name)
	mw.startIn(fd.SetLocation)
	size := parent.Canvas().Size()
	fd.Resize(fyne.NewSize(min(900, size.Width-40), min(600, size.Height-40)))
	fd.Show()
}

// exportJob writes one export, whole or not at all, reporting progress and
// stopping when ctx is cancelled.
type exportJob func(ctx context.Context, progress func(done, total int)) error

// fileJob writes a file through export.WriteFileContext: into a temporary
// file next to path, renamed over it when complete. A cancel at any moment
// before the rename, even while an encoder that knows nothing of ctx is
// compressing, leaves path as it was: the writer fails at its next write
// and the rename does not happen.
func fileJob(path string, write exportWriter) exportJob {
	return func(ctx context.Context, progress func(int, int)) error {
		return export.WriteFileContext(ctx, path, func(w io.Writer) error { return write(ctx, w, progress) })
	}
}

// csvFolderJob writes the map's tables as CSV files into the new folder
// dir: into a temporary folder beside it, renamed when complete. An
// existing folder is never touched.
func csvFolderJob(dir string, m *model.Map) exportJob {
	return folderJob(dir, func(tmp string) error { return sheet.WriteCSVDir(tmp, m) })
}

// folderJob has write fill a temporary folder beside dir and renames it to
// dir when complete. A cancel at any moment before the rename leaves no
// folder; an existing dir is refused.
func folderJob(dir string, write func(tmp string) error) exportJob {
	return func(ctx context.Context, progress func(int, int)) error {
		if _, err := os.Lstat(dir); err == nil {
			return errorf(Tf("%s already exists; choose another folder", dir))
		}
		// A failure names the folder chosen, not the temporary one.
		fail := func(err error) error {
			if errors.Is(err, sheet.ErrDiskFull) {
				err = syscall.ENOSPC
			}
			return export.CannotWrite(dir, err)
		}
		parent := filepath.Dir(dir)
		tmp, err := os.MkdirTemp(parent, ".csv-*.tmp")
		if err != nil {
			return export.CannotCreate(dir, parent, err)
		}
		// MkdirTemp makes the folder private; an export is an ordinary folder (0755, its files 0644).
		if err := os.Chmod(tmp, 0o755); err != nil {
			os.RemoveAll(tmp)
			return fail(err)
		}
		if err := write(tmp); err != nil {
			os.RemoveAll(tmp)
			if cerr := ctx.Err(); cerr != nil {
				return cerr
			}
			return fail(err)
		}
		if err := ctx.Err(); err != nil {
			os.RemoveAll(tmp)
			return err
		}
		if err := os.Rename(tmp, dir); err != nil {
			os.RemoveAll(tmp)
			return fail(err)
		}
		progress(1, 1)
		return nil
	}
}

// exportRun is one export being written (tests wait on done).
type exportRun struct {
	cancel *widget.Button
	bar    *widget.ProgressBar
	done   chan struct{}
}

// runExport runs job in the background with a progress bar and a Cancel
// button. The export appears whole or not at all, and a file that was
// there before stays as it was when the export fails or is cancelled. Only
// the Cancel button cancels; an error is shown as an error, in the user's
// words.
func (mw *mainWindow) runExport(parent fyne.Window, path string, job exportJob) *exportRun {
	ctx, cancel := context.WithCancel(context.Background())
	run := &exportRun{bar: widget.NewProgressBar(), done: make(chan struct{})}
	cancelled := false
	run.cancel = widget.NewButton(T("Cancel"), func() {
		cancelled = true
		run.cancel.SetText(T("Cancelling…"))
		run.cancel.Disable()
		cancel()
	})
	title := widget.NewLabel(Tf("Exporting %s", baseName(path)))
	prog := dialog.NewCustomWithoutButtons(T("Exporting…"), container.NewVBox(title, run.bar), parent)
	prog.SetButtons([]fyne.CanvasObject{run.cancel})
	prog.Resize(fyne.NewSize(min(420, parent.Canvas().Size().Width-40), 160))
	prog.Show()
	go func() {
		err := job(ctx, func(done, total int) {
			fyne.Do(func() { run.bar.SetValue(float64(done) / float64(max(total, 1))) })
		})
		fyne.Do(func() {
			prog.Hide()
			switch {
			case err == nil:
				mw.status.SetText(Tf("Exported to %s", path))
			case cancelled && errors.Is(err, context.Canceled):
				mw.status.SetText(T("Export cancelled; nothing was written"))
			default:
				mw.showErrorOn(parent, err)
			}
			cancel()
			close(run.done)
		})
	}()
	return run
}

// showErrorOn shows err over parent in the user's words.
func (mw *mainWindow) showErrorOn(parent fyne.Window, err error) {
	dialog.NewError(errors.New(exportMessage(err)), parent).Show()
}

// exportMessage says an export error in the user's language: the file and
// drawing errors of canvas/export and the page setup errors of canvas/scene
// carry their English phrase, which is the translation key, and their
// arguments, of which an error is translated in turn. A full disk is said
// plainly, whoever noticed it.
func exportMessage(err error) string {
	return capitalise(exportPhrase(err))
}

func exportPhrase(err error) string {
	var ee *export.Error
	if errors.As(err, &ee) {
		args := make([]any, len(ee.Args))
		for i, a := range ee.Args {
			if e, ok := a.(error); ok {
				args[i] = exportPhrase(e)
			} else {
				args[i] = a
			}
		}
		return fmt.Sprintf(T(ee.Format), args...)
	}
	var se *scene.SetupError
	if errors.As(err, &se) {
		return Tf(se.Format, se.Args...)
	}
	if errors.Is(err, syscall.ENOSPC) {
		return T("error.disk-full-new")
	}
	return storageMessage(err)
}

func capitalise(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// askFolder asks for a folder, starting in the map's, and hands it to use.
func (mw *mainWindow) askFolder(parent fyne.Window, use func(dir string)) {
	d := dialog.NewFolderOpen(func(l fyne.ListableURI, err error) {
		if err != nil {
			mw.showErrorOn(parent, err)
			return
		}
		if l != nil {
			use(l.Path())
		}
	}, parent)
	mw.startIn(d.SetLocation)
	size := parent.Canvas().Size()
	d.Resize(fyne.NewSize(min(900, size.Width-40), min(600, size.Height-40)))
	d.Show()
}
