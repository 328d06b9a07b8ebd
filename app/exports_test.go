package app

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"valueflow/canvas/export"
	"valueflow/canvas/scene"
	"valueflow/storage/sheet"
)

// shownTexts returns every text in o and below it, renderers included:
// what a dialog says.
func shownTexts(o fyne.CanvasObject) string {
	var b strings.Builder
	var visit func(o fyne.CanvasObject)
	visit = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Label:
			b.WriteString(x.Text + "\n")
		case *widget.RichText:
			b.WriteString(x.String() + "\n")
		case *fyne.Container:
			for _, c := range x.Objects {
				visit(c)
			}
			return
		}
		if w, ok := o.(fyne.Widget); ok {
			for _, c := range test.WidgetRenderer(w).Objects() {
				visit(c)
			}
		}
	}
	visit(o)
	return b.String()
}

// overlayTexts is what the dialogs over the window say.
func overlayTexts(w fyne.Window) string {
	var b strings.Builder
	for _, o := range w.Canvas().Overlays().List() {
		b.WriteString(shownTexts(o))
	}
	return b.String()
}

func waitRun(t *testing.T, run *exportRun) {
	t.Helper()
	select {
	case <-run.done:
	case <-time.After(60 * time.Second):
		t.Fatal("the export did not finish")
	}
}

// tmpFiles lists what an export may have left in dir besides want.
func leftovers(t *testing.T, dir string, want ...string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		keep := false
		for _, w := range want {
			keep = keep || e.Name() == w
		}
		if !keep {
			out = append(out, e.Name())
		}
	}
	return out
}

func TestCancellingAnExportKeepsTheFileThatWasThere(t *testing.T) {
	mw, _ := openSample(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "board.pdf")
	os.WriteFile(path, []byte("the print of last week"), 0o644)
	started := make(chan struct{})
	write := func(ctx context.Context, w io.Writer, progress func(int, int)) error {
		io.WriteString(w, "half a new print")
		progress(1, 2)
		close(started)
		<-ctx.Done()
		return ctx.Err()
	}
	run := mw.runExport(mw.win, path, fileJob(path, write))
	<-started
	if !strings.Contains(overlayTexts(mw.win), "Exporting board.pdf") {
		t.Errorf("no progress dialog: %q", overlayTexts(mw.win))
	}
	test.Tap(run.cancel)
	waitRun(t, run)
	if b, _ := os.ReadFile(path); string(b) != "the print of last week" {
		t.Errorf("after cancelling the file holds %q", b)
	}
	if left := leftovers(t, dir, "board.pdf"); len(left) > 0 {
		t.Errorf("the cancelled export left %v", left)
	}
	if !strings.Contains(mw.status.Text, "cancelled") {
		t.Errorf("status %q", mw.status.Text)
	}
	if texts := overlayTexts(mw.win); texts != "" {
		t.Errorf("a dialog is still open after cancelling: %q", texts)
	}
}

// pausedWriter holds the first write until Cancel has been pressed, as an
// encoder busy compressing when the user cancels, and then goes on as if
// nothing happened: the encoders of PNG, PDF, XLSX and the rest do not
// look at the cancel themselves.
type pausedWriter struct {
	w       io.Writer
	started chan struct{}
	tapped  chan struct{}
	once    bool
}

func (p *pausedWriter) Write(b []byte) (int, error) {
	if !p.once {
		p.once = true
		close(p.started)
		<-p.tapped
	}
	return p.w.Write(b)
}

// TestCancelWhileWritingKeepsTheOldFileInEveryFormat presses Cancel at the
// moments a big export spends seconds in, for every format the dialog
// offers, with the writers the dialog uses: while the encoder writes (the
// bar at 99 % on an L map), and after the last byte, before the file is put
// in place. The file that was there stays byte for byte, nothing is left
// beside it, and the status line says nothing was written.
func TestCancelWhileWritingKeepsTheOldFileInEveryFormat(t *testing.T) {
	moments := []struct {
		name  string
		pause func(write exportWriter, started, tapped chan struct{}) exportWriter
	}{
		{"while the encoder writes", func(write exportWriter, started, tapped chan struct{}) exportWriter {
			return func(ctx context.Context, w io.Writer, progress func(int, int)) error {
				return write(ctx, &pausedWriter{w: w, started: started, tapped: tapped}, progress)
			}
		}},
		{"after the last byte", func(write exportWriter, started, tapped chan struct{}) exportWriter {
			return func(ctx context.Context, w io.Writer, progress func(int, int)) error {
				err := write(ctx, w, progress)
				close(started)
				<-tapped
				return err
			}
		}},
	}
	mw, _ := openSample(t)
	f := openExportAndWait(t, mw)
	defer f.d.Hide()
	for _, format := range mapFormats {
		for i, moment := range moments {
			t.Run(format+" "+moment.name, func(t *testing.T) {
				dir := t.TempDir()
				started, tapped := make(chan struct{}), make(chan struct{})
				set := defaultExportSettings
				set.Format, set.DPI = format, 30
				var path string
				var job exportJob
				old := []byte("the print of last week\x00\xff")
				if format == "CSV" {
					// A new folder, which a cancel must keep from appearing.
					path = filepath.Join(dir, "zorgpad (CSV)")
					m, _ := f.mapToWrite(false)
					// WriteCSVDir knows nothing of cancelling either.
					job = folderJob(path, func(tmp string) error {
						if i == 0 {
							close(started)
							<-tapped
						}
						err := sheet.WriteCSVDir(tmp, m)
						if i == 1 {
							close(started)
							<-tapped
						}
						return err
					})
				} else {
					path = filepath.Join(dir, "zorgpad."+strings.ToLower(format))
					os.WriteFile(path, old, 0o644)
					job = fileJob(path, moment.pause(f.writer(set), started, tapped))
				}
				run := mw.runExport(mw.win, path, job)
				select {
				case <-started:
				case <-time.After(60 * time.Second):
					t.Fatal("the export never wrote")
				}
				test.Tap(run.cancel)
				close(tapped)
				waitRun(t, run)
				if format == "CSV" {
					if left := leftovers(t, dir); len(left) > 0 {
						t.Errorf("the cancelled export left %v", left)
					}
				} else {
					if b, _ := os.ReadFile(path); !bytes.Equal(b, old) {
						t.Errorf("after cancelling the file holds %d bytes %.40q", len(b), b)
					}
					if left := leftovers(t, dir, filepath.Base(path)); len(left) > 0 {
						t.Errorf("the cancelled export left %v", left)
					}
				}
				if mw.status.Text != "Export cancelled; nothing was written" {
					t.Errorf("status %q, want the export cancelled", mw.status.Text)
				}
				if texts := overlayTexts(mw.win); strings.Contains(texts, "Exporting") || strings.Contains(texts, "Cannot") {
					t.Errorf("a progress or error dialog is open after cancelling: %q", texts)
				}
			})
		}
	}
}

func TestCancellingANewExportLeavesNoFile(t *testing.T) {
	mw, _ := openSample(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "new.svg")
	started := make(chan struct{})
	write := func(ctx context.Context, w io.Writer, _ func(int, int)) error {
		close(started)
		<-ctx.Done()
		return ctx.Err()
	}
	run := mw.runExport(mw.win, path, fileJob(path, write))
	<-started
	test.Tap(run.cancel)
	waitRun(t, run)
	if left := leftovers(t, dir); len(left) > 0 {
		t.Errorf("the cancelled export left %v", left)
	}
}

func TestAFailedExportSaysWhyAndKeepsTheOldFile(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"a full disk", &os.PathError{Op: "write", Path: "x", Err: syscall.ENOSPC}, "the disk is full; nothing was written"},
		{"a page setup that takes too many pages", &scene.SetupError{Format: "printing at %g %% would take %d pages (at most %d): choose a smaller scale or fit to page", Args: []any{400.0, 5000, 999}}, "would take 5000 pages"},
		{"a drawing that cannot be made", &export.Error{Format: "the image would be %d × %d pixels: choose a lower resolution", Args: []any{20000, 20000}}, "choose a lower resolution"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mw, _ := openSample(t)
			dir := t.TempDir()
			path := filepath.Join(dir, "board.pdf")
			os.WriteFile(path, []byte("the print of last week"), 0o600)
			write := func(_ context.Context, w io.Writer, _ func(int, int)) error {
				io.WriteString(w, "half a new print")
				return tt.err
			}
			run := mw.runExport(mw.win, path, fileJob(path, write))
			waitRun(t, run)
			texts := overlayTexts(mw.win)
			if !strings.Contains(texts, tt.want) || !strings.Contains(texts, "board.pdf") {
				t.Errorf("the dialog says %q, want the file and %q", texts, tt.want)
			}
			if strings.Contains(mw.status.Text, "cancelled") {
				t.Errorf("a failed export was reported as cancelled: %q", mw.status.Text)
			}
			if b, _ := os.ReadFile(path); string(b) != "the print of last week" {
				t.Errorf("after the failure the file holds %q", b)
			}
			if st, _ := os.Stat(path); st.Mode().Perm() != 0o600 {
				t.Errorf("the file's permissions changed to %v", st.Mode())
			}
			if left := leftovers(t, dir, "board.pdf"); len(left) > 0 {
				t.Errorf("the failed export left %v", left)
			}
		})
	}
}

// TestAnUnwritableExportNamesTheFileChosen writes where the system makes
// no files and into a name too long for the disk, as a file and as a CSV
// folder: the error dialog names what was chosen and why, never the
// temporary file or folder the export was written into.
func TestAnUnwritableExportNamesTheFileChosen(t *testing.T) {
	write := func(_ context.Context, w io.Writer, _ func(int, int)) error {
		_, err := io.WriteString(w, "a print")
		return err
	}
	long := filepath.Join(t.TempDir(), strings.Repeat("a", 250))
	tests := []struct {
		name, path, want string
		folder           bool
	}{
		{"a file in /proc", "/proc/x.pdf", `the folder "/proc" does not accept new files`, false},
		{"a CSV folder in /proc", "/proc/x (CSV)", `the folder "/proc" does not accept new files`, true},
		{"a name too long for the disk", long + ".pdf", "the name is too long for its disk", false},
		{"a CSV folder named too long", long + strings.Repeat("a", 50), "the name is too long for its disk", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if strings.HasPrefix(tt.path, "/proc/") {
				if _, err := os.Stat("/proc/self"); err != nil {
					t.Skip("no /proc here")
				}
			}
			mw, _ := openSample(t)
			job := fileJob(tt.path, write)
			if tt.folder {
				job = folderJob(tt.path, func(tmp string) error { return os.WriteFile(filepath.Join(tmp, "steps.csv"), []byte("id\n"), 0o644) })
			}
			waitRun(t, mw.runExport(mw.win, tt.path, job))
			texts := overlayTexts(mw.win)
			if !strings.Contains(texts, "Cannot write \""+tt.path+"\": "+tt.want) {
				t.Errorf("the dialog says %q, want the path as chosen and %q", texts, tt.want)
			}
			if strings.Contains(texts, ".tmp") {
				t.Errorf("the dialog names the temporary file: %q", texts)
			}
		})
	}
}

// openExportAndWait opens File → Export… and waits for its first preview.
func openExportAndWait(t *testing.T, mw *mainWindow) *exportForm {
	t.Helper()
	f := mw.openExport()
	waitPreview(t, f, func() {})
	return f
}

// waitPreview does change and waits until the preview it starts is shown.
func waitPreview(t *testing.T, f *exportForm, change func()) {
	t.Helper()
	done := make(chan struct{}, 16)
	f.previewDone = func() { done <- struct{}{} }
	gen := f.gen
	change()
	if f.gen == gen {
		f.changed()
	}
	want := f.gen
	for {
		select {
		case <-done:
			if f.gen == want && !strings.Contains(f.info.Text, "Preparing") {
				f.previewDone = nil
				return
			}
		case <-time.After(60 * time.Second):
			t.Fatalf("no preview; it says %q", f.info.Text)
		}
	}
}

func TestTheExportPrintsTheViewOnTheScreen(t *testing.T) {
	mw, _ := openSample(t)
	m, sc := mw.doc.m(), mw.doc.current()

	// The board with the real time axis switched on.
	mw.realTime = true
	mw.refresh()
	f := openExportAndWait(t, mw)
	s, _, err := f.scene(false)
	if err != nil {
		t.Fatal(err)
	}
	onTime := scene.Board(m, sc.ID, scene.BoardOptions{RealTime: true, Translate: T})
	plain := scene.Board(m, sc.ID, scene.BoardOptions{Translate: T})
	if onTime.Width == plain.Width {
		t.Fatal("the real time axis does not change the board's width, so this proves nothing")
	}
	if s.Width != onTime.Width || len(s.Items) != len(onTime.Items) {
		t.Errorf("the export lays out a board %g wide with %d items; the screen shows %g with %d", s.Width, len(s.Items), onTime.Width, len(onTime.Items))
	}
	f.d.Hide()

	for _, tc := range []struct {
		tab  int
		name string
		want func() *scene.Scene // nil: the network, which has its own test below
	}{
		{1, "Network", nil},
		{2, "Stakeholder grid", func() *scene.Scene { return scene.Grid(m, scene.GridOptions{}) }},
		{3, "Roles over time", func() *scene.Scene { return scene.Roles(m, sc.ID) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			mw.tabs.SelectIndex(tc.tab)
			if mw.network != nil {
				settle(mw.network)
			}
			f := openExportAndWait(t, mw)
			defer f.d.Hide()
			if !strings.Contains(overlayTexts(mw.win), T(tc.name)) {
				t.Errorf("the dialog does not name the view %q", tc.name)
			}
			s, _, err := f.scene(false)
			if err != nil {
				t.Fatal(err)
			}
			if s.Width == plain.Width && len(s.Items) == len(plain.Items) {
				t.Fatalf("the %s export is the board", tc.name)
			}
			if tc.want == nil {
				seen := map[string]bool{}
				for _, it := range s.Items {
					if strings.HasPrefix(it.Group, "stakeholder:") && it.Circle != nil {
						seen[it.Group] = true
					}
				}
				if nodes := len(seen); nodes != len(m.Stakeholders) {
					t.Errorf("the network export has %d nodes for %d stakeholders", nodes, len(m.Stakeholders))
				}
				return
			}
			if want := tc.want(); s.Width != want.Width || s.Height != want.Height || len(s.Items) != len(want.Items) {
				t.Errorf("the export is %g × %g with %d items, the view %g × %g with %d", s.Width, s.Height, len(s.Items), want.Width, want.Height, len(want.Items))
			}
		})
	}
}

func TestTheNetworkExportKeepsTheLayoutOnTheScreen(t *testing.T) {
	mw, _ := openSample(t)
	mw.tabs.SelectIndex(1)
	v := mw.network
	settle(v)
	// Drop the first node elsewhere, as a user tidying the picture would.
	id := mw.doc.m().Stakeholders[0].ID
	var at scene.Point
	for _, it := range v.Scene().Items {
		if it.Circle != nil && it.Target.ID == id {
			at = it.Circle.Center
			break
		}
	}
	v.dragNode(id, at, scene.Point{X: at.X + 40, Y: at.Y + 25}, true)
	settle(v)
	shown := v.Scene()
	f := openExportAndWait(t, mw)
	defer f.d.Hide()
	s, _, err := f.scene(false)
	if err != nil {
		t.Fatal(err)
	}
	centre := func(s *scene.Scene) scene.Point {
		for _, it := range s.Items {
			if it.Circle != nil && it.Target.ID == id {
				return it.Circle.Center
			}
		}
		t.Fatalf("no node for %s", id)
		return scene.Point{}
	}
	if a, b := centre(shown), centre(s); a != b {
		t.Errorf("the dragged node is at %v on the screen and at %v in the export", a, b)
	}
}

func TestTheExportDialogPreviewsAndRefusesBadSettings(t *testing.T) {
	mw, _ := openSample(t)
	f := openExportAndWait(t, mw)
	defer f.d.Hide()

	waitPreview(t, f, func() {
		f.format.SetSelected("PDF")
		f.paper.SetSelected("A4")
		f.landscape.SetChecked(false)
		f.fit.SetChecked(false)
		f.scale.SetText("100")
	})
	if !strings.Contains(f.info.Text, "pages, A4 portrait, 100 %") || len(f.pages.Objects) < 2 || f.save.Disabled() {
		t.Errorf("a tiled A4 print previews as %q with %d pictures", f.info.Text, len(f.pages.Objects))
	}
	if !strings.Contains(shownTexts(f.pages), "row A, column 2") {
		t.Errorf("the preview does not name the sheets' places: %q", shownTexts(f.pages))
	}
	tiled := len(f.pages.Objects)

	// Changing a setting redraws the preview in the open dialog.
	waitPreview(t, f, func() { f.fit.SetChecked(true) })
	if !strings.Contains(f.info.Text, "1 page, A4 portrait, fit to page") || len(f.pages.Objects) != 1 || !f.scale.Disabled() {
		t.Errorf("fitting previews as %q with %d pictures (tiled: %d)", f.info.Text, len(f.pages.Objects), tiled)
	}

	for _, tc := range []struct{ scale, want string }{
		{"5", "Scale 5 % is out of range 10..400"},
		{"0", "Scale 0 % is out of range 10..400"},
		{"-50", "Scale -50 % is out of range 10..400"},
		{"100000", "Scale 100000 % is out of range 10..400"},
		{"veel", `"veel" is not a number`},
	} {
		waitPreview(t, f, func() {
			f.fit.SetChecked(false)
			f.scale.SetText(tc.scale)
		})
		if !strings.Contains(f.info.Text, tc.want) || !f.save.Disabled() {
			t.Errorf("scale %q: the dialog says %q (save disabled: %v), want %q", tc.scale, f.info.Text, f.save.Disabled(), tc.want)
		}
	}

	waitPreview(t, f, func() {
		f.scale.SetText("100")
		f.format.SetSelected("PNG")
		f.dpi.SetText("300")
	})
	if !strings.Contains(f.info.Text, "at 300 dpi") || !f.paper.Disabled() || f.dpi.Disabled() || len(f.pages.Objects) != 1 {
		t.Errorf("a PNG previews as %q", f.info.Text)
	}
	waitPreview(t, f, func() { f.format.SetSelected("JSON") })
	if !strings.Contains(f.info.Text, "JSON") || f.save.Disabled() || len(f.pages.Objects) != 0 {
		t.Errorf("JSON says %q", f.info.Text)
	}
}

func TestAnExportWritesWhatWasChosen(t *testing.T) {
	mw, _ := openSample(t)
	f := openExportAndWait(t, mw)
	defer f.d.Hide()
	dir := t.TempDir()

	waitPreview(t, f, func() {
		f.format.SetSelected("PNG")
		f.dpi.SetText("300")
	})
	set, err := f.settings()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "board.png")
	waitRun(t, mw.runExport(mw.win, path, fileJob(path, f.writer(set))))
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("no PNG: %v (%s)", err, overlayTexts(mw.win))
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	s, _, _ := f.scene(false)
	if w, h := export.PNGSize(s, 300); img.Bounds().Dx() != w || img.Bounds().Dy() != h {
		t.Errorf("the PNG is %v, want %d × %d", img.Bounds().Size(), w, h)
	}
	if i := bytes.Index(b, []byte("pHYs")); i < 0 || binary.BigEndian.Uint32(b[i+4:]) != 11811 {
		t.Errorf("the PNG does not say 300 dpi (11811 pixels per metre)")
	}
	if !strings.Contains(mw.status.Text, "board.png") {
		t.Errorf("status %q", mw.status.Text)
	}

	// A PDF has the pages the preview showed.
	waitPreview(t, f, func() {
		f.format.SetSelected("PDF")
		f.paper.SetSelected("A3")
		f.landscape.SetChecked(true)
		f.fit.SetChecked(false)
		f.scale.SetText("100")
	})
	set, _ = f.settings()
	path = filepath.Join(dir, "board.pdf")
	waitRun(t, mw.runExport(mw.win, path, fileJob(path, f.writer(set))))
	b, _ = os.ReadFile(path)
	pages := bytes.Count(b, []byte("/Type /Page\n")) + bytes.Count(b, []byte("/Type /Page\r")) + bytes.Count(b, []byte("/Type /Page "))
	if want := len(f.pages.Objects); pages != want || !strings.HasPrefix(f.info.Text, strconv.Itoa(want)+" pages") {
		t.Errorf("the PDF has %d pages; the preview showed %d and says %q", pages, want, f.info.Text)
	}
}

func TestExportSettingsAreRememberedPerMapByItsAbsolutePath(t *testing.T) {
	mw, path := openSample(t)
	f := openExportAndWait(t, mw)
	waitPreview(t, f, func() {
		f.format.SetSelected("PNG")
		f.dpi.SetText("300")
		f.anon.SetChecked(true)
	})
	set, err := f.settings()
	if err != nil {
		t.Fatal(err)
	}
	saveExportSettings(mw.app.Preferences(), f.target.key, set)
	f.d.Hide()

	again := openExportAndWait(t, mw)
	defer again.d.Hide()
	if again.format.Selected != "PNG" || again.dpi.Text != "300" || !again.anon.Checked {
		t.Errorf("the dialog opened again with %s at %s dpi, private %v", again.format.Selected, again.dpi.Text, again.anon.Checked)
	}
	wd, _ := os.Getwd()
	rel, err := filepath.Rel(wd, path)
	if err == nil && exportSettingsKey(rel) != exportSettingsKey(path) {
		t.Errorf("a relative path %q finds other settings than %q", rel, path)
	}
	if exportSettingsKey(filepath.Join(t.TempDir(), "other.vflow")) == exportSettingsKey(path) {
		t.Error("two maps share their settings")
	}
}

// TestEveryExportErrorIsTranslated reads the English phrases that the
// export and page setup errors carry and checks both translation files
// have each one.
func TestEveryExportErrorIsTranslated(t *testing.T) {
	en, nl := loadTranslationFile(t, "en.json"), loadTranslationFile(t, "nl.json")
	var files []string
	for _, pattern := range []string{"../canvas/export/*.go", "../canvas/scene/page*.go"} {
		names, _ := filepath.Glob(pattern)
		files = append(files, names...)
	}
	found := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		fset := token.NewFileSet()
		file, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(file, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			at := map[string]int{"errorf": 1, "setupErrorf": 0}[callName(call)]
			if name := callName(call); (name == "errorf" || name == "setupErrorf") && len(call.Args) > at {
				if k, ok := stringLit(call.Args[at]); ok {
					found++
					if _, ok := en[k]; !ok {
						t.Errorf("%s: no English text for %q", fset.Position(call.Pos()), k)
					}
					if _, ok := nl[k]; !ok {
						t.Errorf("%s: no Dutch text for %q", fset.Position(call.Pos()), k)
					}
				}
			}
			return true
		})
	}
	if found < 15 {
		t.Errorf("found only %d error phrases: the test reads the wrong files", found)
	}
}

func TestExportMessagesNameTheCauseInWords(t *testing.T) {
	tests := []struct {
		err  error
		want string
	}{
		{export.WriteFile(filepath.Join(t.TempDir(), "nope", "x.pdf"), func(io.Writer) error { return nil }), "Cannot write"},
		{&export.Error{Format: "cannot write %q: %v", Args: []any{"x.pdf", &scene.SetupError{Format: "scale %g %% is out of range 10..400", Args: []any{5.0}}}}, "scale 5 % is out of range"},
		{errors.Join(errors.New("wrapped"), &os.PathError{Op: "write", Err: syscall.ENOSPC}), "disk is full; nothing was written"},
	}
	for _, tt := range tests {
		if got := exportMessage(tt.err); !strings.Contains(got, tt.want) {
			t.Errorf("exportMessage(%v) = %q, want %q", tt.err, got, tt.want)
		}
	}
}

// findButton returns the button with text among the dialogs over w.
func findButton(w fyne.Window, text string) *widget.Button {
	var found *widget.Button
	var visit func(o fyne.CanvasObject)
	visit = func(o fyne.CanvasObject) {
		if found != nil {
			return
		}
		switch x := o.(type) {
		case *widget.Button:
			if x.Text == text {
				found = x
				return
			}
		case *fyne.Container:
			for _, c := range x.Objects {
				visit(c)
			}
			return
		}
		if wd, ok := o.(fyne.Widget); ok {
			for _, c := range test.WidgetRenderer(wd).Objects() {
				visit(c)
			}
		}
	}
	for _, o := range w.Canvas().Overlays().List() {
		visit(o)
	}
	return found
}

// TestChoosingAnExistingFileInTheSaveDialogLeavesItAlone goes through
// Fyne's own save dialog and its overwrite question: choosing a file that
// exists must not empty it (the dialog opens its writer at once), whatever
// happens after.
func TestChoosingAnExistingFileInTheSaveDialogLeavesItAlone(t *testing.T) {
	mw, path := openSample(t)
	dir := filepath.Dir(path)
	old := filepath.Join(dir, "zorgpad.pdf")
	os.WriteFile(old, []byte("the print of last week"), 0o644)
	var chosen string
	mw.askExportPath(mw.win, "zorgpad.pdf", "pdf", func(p string) { chosen = p })
	save := findButton(mw.win, "Save")
	if save == nil {
		t.Fatalf("no save dialog: %q", overlayTexts(mw.win))
	}
	test.Tap(save)
	yes := findButton(mw.win, "Yes")
	if yes == nil {
		t.Fatalf("no overwrite question: %q", overlayTexts(mw.win))
	}
	test.Tap(yes)
	if chosen != old {
		t.Fatalf("the dialog chose %q, want %q", chosen, old)
	}
	if b, _ := os.ReadFile(old); string(b) != "the print of last week" {
		t.Errorf("choosing the file in the save dialog left it holding %q", b)
	}
}
