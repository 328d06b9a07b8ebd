package app

import (
	"fmt"
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
	mw.pickFile(storageFilter(".json", ".xlsx"), func(path string) { mw.importFrom(path) })
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
	d.SetTitleText(T("Choose the folder of CSV files"))
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
			return nil, jsonReport(filepath.Base(path), err), nil
		}
		return m, &sheet.Report{}, nil
	}
	return sheet.ReadXLSX(f)
}

// issueText is one problem of an import in the user's language: tf is Tf,
// or a stand-in in tests.
func issueText(i sheet.Issue, tf func(key string, args ...any) string) string {
	place := i.Sheet
	if place == "" {
		place = tf("(file)")
	}
	if i.Row > 0 {
		place = tf("%s row %d", place, i.Row)
	}
	if i.Column != "" {
		place = tf("%s, column %s", place, i.Column)
	}
	args := make([]any, len(i.Args))
	for n, a := range i.Args {
		args[n] = a
	}
	msg := tf("import."+i.Key, args...)
	switch {
	case i.Suggestion != "":
		msg = tf("%s — did you mean '%s'?", msg, i.Suggestion)
	case len(i.Valid) > 0:
		msg = tf("%s (valid: %s)", msg, strings.Join(i.Valid, ", "))
	}
	return place + ": " + msg
}

// reportSummary is the line above an import's report.
func reportSummary(name string, rep *sheet.Report) string {
	errs := Tf("%d errors", len(rep.Errors))
	if len(rep.Errors) == 1 {
		errs = T("1 error")
	}
	warns := Tf("%d warnings", len(rep.Warnings))
	if len(rep.Warnings) == 1 {
		warns = T("1 warning")
	}
	switch {
	case !rep.OK():
		return Tf("%s cannot be imported (%s, %s). Nothing was changed.", name, errs, warns)
	case len(rep.Warnings) > 0:
		return Tf("%s can be imported, with %s. Read them, then choose where the map goes.", name, warns)
	}
	return Tf("%s can be imported: no problems found.", name)
}

// leftOutText says what adding one scenario of an import leaves behind, or "".
func leftOutText(l model.LeftOut) string {
	if l.Empty() {
		return ""
	}
	var parts []string
	switch len(l.Scenarios) {
	case 0:
	case 1:
		parts = append(parts, Tf("the scenario %s", l.Scenarios[0]))
	default:
		parts = append(parts, Tf("the scenarios %s", strings.Join(l.Scenarios, ", ")))
	}
	switch l.Relationships {
	case 0:
	case 1:
		parts = append(parts, T("1 relationship"))
	default:
		parts = append(parts, Tf("%d relationships", l.Relationships))
	}
	switch l.Coalitions {
	case 0:
	case 1:
		parts = append(parts, T("1 coalition"))
	default:
		parts = append(parts, Tf("%d coalitions", l.Coalitions))
	}
	return Tf("Added as a scenario, the import leaves out %s. Choose “Save as new map…” to keep everything.", strings.Join(parts, "; "))
}

// maxReportLines keeps a sheet with a mistake in every one of thousands of
// rows from making a dialog too slow to lay out; the rest are counted.
const maxReportLines = 500

// importDialog is the report of one import and the choice of where the map
// goes; nothing is written before the user chooses, and with warnings only
// after the user has accepted them.
type importDialog struct {
	mw       *mainWindow
	path     string
	m        *model.Map
	rep      *sheet.Report
	lines    []string
	summary  *widget.Label
	accept   *dialogCheck  // nil without warnings
	scenario *dialogSelect // nil unless the import has several scenarios
	leftOut  *widget.Label
	saveNew  *widget.Button
	addHere  *widget.Button
	dialog   dialog.Dialog
}

// importFrom shows what an import found before anything is written: with
// errors only the report, otherwise the report and where to put the map.
func (mw *mainWindow) importFrom(path string) *importDialog {
	m, rep, err := readImport(path)
	if err != nil {
		mw.showError(err)
		return nil
	}
	d := &importDialog{mw: mw, path: path, m: m, rep: rep}
	for _, e := range rep.Errors {
		d.lines = append(d.lines, "✗ "+issueText(e, Tf))
	}
	for _, w := range rep.Warnings {
		d.lines = append(d.lines, "⚠ "+issueText(w, Tf))
	}
	// One wrapped label rather than a list: a list gives every line the
	// same height, and a long message ran into the next one.
	shown := d.lines
	if len(shown) > maxReportLines {
		shown = append(shown[:maxReportLines:maxReportLines], Tf("… and %d more", len(d.lines)-maxReportLines))
	}
	report := widget.NewLabel(strings.Join(shown, "\n"))
	report.Wrapping = fyne.TextWrapWord
	d.summary = widget.NewLabel(reportSummary(baseName(path), rep))
	d.summary.Wrapping = fyne.TextWrapWord
	content := container.NewBorder(d.summary, nil, nil, nil, container.NewVScroll(report))
	if !rep.OK() {
		d.dialog = dialog.NewCustom(T("Import report"), T("Close"), content, mw.win)
		d.dialog.Resize(fyne.NewSize(820, 520))
		d.dialog.Show()
		return d
	}
	name := baseName(path) // a CSV folder's name as it is
	if st, err := os.Stat(path); err == nil && !st.IsDir() {
		name = strings.TrimSuffix(name, filepath.Ext(path))
	}
	d.saveNew = widget.NewButton(T("Save as new map…"), func() {
		d.dialog.Hide()
		mw.askNewPath(name+".vflow", func(out string) { mw.saveImportAt(out, m) })
	})
	d.saveNew.Importance = widget.HighImportance
	d.addHere = widget.NewButton(T("Add as a scenario of this map"), func() {
		d.dialog.Hide()
		src := d.chosenScenario()
		mw.importScenario(m, src, scenarioNameFor(mw.doc.m(), m.Scenario(src).Name, name), name)
	})
	cancel := widget.NewButton(T("Cancel"), func() { d.dialog.Hide() })
	d.leftOut = widget.NewLabel("")
	d.leftOut.Wrapping = fyne.TextWrapWord
	var options []fyne.CanvasObject
	if len(m.Scenarios) > 1 {
		d.scenario = newDialogSelect(scenarioLabels(m), func(string) { d.showLeftOut() })
		d.scenario.SetSelectedIndex(0)
		options = append(options, container.NewBorder(nil, nil, widget.NewLabel(T("Scenario to add:")), nil, d.scenario))
	}
	d.showLeftOut()
	options = append(options, d.leftOut)
	if len(rep.Warnings) > 0 {
		d.accept = newDialogCheck(T("Import despite these warnings"), func(on bool) { d.enable(on) })
		options = append(options, d.accept)
		d.enable(false)
	}
	buttons := container.NewHBox(layout.NewSpacer(), cancel, d.addHere, d.saveNew)
	bottom := container.NewVBox(append(options, buttons)...)
	d.dialog = dialog.NewCustomWithoutButtons(T("Import report"), container.NewBorder(nil, bottom, nil, nil, content), mw.win)
	d.dialog.Resize(fyne.NewSize(860, 560))
	d.dialog.Show()
	return d
}

func (d *importDialog) enable(on bool) {
	for _, b := range []*widget.Button{d.saveNew, d.addHere} {
		if on {
			b.Enable()
		} else {
			b.Disable()
		}
	}
}

// chosenScenario is the id of the imported scenario to add.
func (d *importDialog) chosenScenario() model.ID {
	if d.scenario != nil && d.scenario.SelectedIndex() >= 0 {
		return d.m.Scenarios[d.scenario.SelectedIndex()].ID
	}
	return d.m.Scenarios[0].ID
}

func (d *importDialog) showLeftOut() {
	text := leftOutText(model.LeftOutOf(d.m, d.chosenScenario()))
	d.leftOut.SetText(text)
	if text == "" {
		d.leftOut.Hide()
	} else {
		d.leftOut.Show()
	}
}

// saveImportAt writes an imported map as a new file and opens it; an
// existing file is never replaced.
func (mw *mainWindow) saveImportAt(out string, m *model.Map) {
	if _, err := os.Stat(out); err == nil {
		mw.showError(&storage.Error{Code: storage.Exists, Op: "create", Path: out})
		return
	}
	if err := storage.Create(out, m); err != nil {
		mw.showError(err)
		return
	}
	mw.openPath(out)
}

// importAsScenario adds the first scenario of an imported map (a
// template) to the open one as a new scenario named name.
func (mw *mainWindow) importAsScenario(m *model.Map, name string) {
	if len(m.Scenarios) == 0 {
		return
	}
	mw.importScenario(m, m.Scenarios[0].ID, name, name)
}

// scenarioNameFor is the name an imported scenario gets in the open map:
// its own, as the workbook or file names it, unless the open map has a
// scenario of that name already (in any case); then the name of the file
// it came from is added, "Huidige situatie (zorgpad)", so the two can be
// told apart, and a number if that is taken too.
func scenarioNameFor(open *model.Map, name, source string) string {
	taken := map[string]bool{}
	for _, sc := range open.Scenarios {
		taken[strings.ToLower(strings.TrimSpace(sc.Name))] = true
	}
	free := func(n string) bool { return !taken[strings.ToLower(strings.TrimSpace(n))] }
	if free(name) {
		return name
	}
	name = strings.TrimSpace(name)
	n := name + " (" + source + ")"
	for i := 2; !free(n); i++ {
		n = fmt.Sprintf("%s (%s) %d", name, source, i)
	}
	return n
}

// importScenario adds scenario src of an imported map to the open one as a
// new scenario named name, after taking a snapshot named after source (the
// file), so the map before the import can be restored.
func (mw *mainWindow) importScenario(m *model.Map, src model.ID, name, source string) {
	if mw.readOnly() {
		mw.showError(errorf(T("error.read-only")))
		return
	}
	cmd, err := model.ImportScenarioFrom(mw.doc.m(), m, src, name)
	if err != nil {
		mw.showError(err)
		return
	}
	snap, err := mw.doc.file.TakeSnapshot(Tf("Before importing %s", source), "")
	if err != nil {
		mw.showError(err)
		return
	}
	if !mw.do(cmd) {
		// Nothing was imported, so there is nothing to go back from.
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
