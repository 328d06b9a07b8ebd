package app

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"valueflow/canvas/export"
	"valueflow/canvas/scene"
	"valueflow/model"
	"valueflow/model/anonymise"
	"valueflow/storage/jsonmap"
)

// openHoogeveen opens the map whose persons' names are in their ids and in
// the ids of what is theirs (model/anonymise/testdata), imported from JSON.
func openHoogeveen(t *testing.T) *mainWindow {
	t.Helper()
	test.NewTempApp(t)
	f, err := os.Open("../model/anonymise/testdata/hoogeveen.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	m, err := jsonmap.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	return openMapAt(t, filepath.Join(t.TempDir(), "hoogeveen.vflow"), m)
}

// personNames finds a part of a name or id of the map's persons in any
// case: the long ones wherever they stand, the short ones as words.
var personNames = regexp.MustCompile(`(?i)gerrit|hoogeveen|wilhelmina|(?:^|[^\pL])(?:li|bo|ek)(?:[^\pL]|$)`)

func assertNoName(t *testing.T, what, out string) {
	t.Helper()
	for _, loc := range personNames.FindAllStringIndex(out, 5) {
		t.Errorf("the privacy-safe %s holds %q: …%s…", what, out[loc[0]:loc[1]], out[max(0, loc[0]-50):min(len(out), loc[1]+50)])
	}
}

// written runs the dialog's writer of format into memory.
func written(t *testing.T, f *exportForm, format string, private bool) string {
	t.Helper()
	var b bytes.Buffer
	if err := f.writer(exportSettings{Format: format, Private: private, Paper: "A4", Fit: true, ScalePct: 100, DPI: 96})(context.Background(), &b, func(int, int) {}); err != nil {
		t.Fatalf("%s: %v", format, err)
	}
	if format != "XLSX" {
		return b.String()
	}
	z, err := zip.NewReader(bytes.NewReader(b.Bytes()), int64(b.Len()))
	if err != nil {
		t.Fatal(err)
	}
	var all strings.Builder
	for _, zf := range z.File {
		r, _ := zf.Open()
		data, _ := io.ReadAll(r)
		r.Close()
		all.Write(data)
	}
	return all.String()
}

func TestThePrivacySafeExportOfTheGUIHoldsNoNameOrIdOfAPerson(t *testing.T) {
	mw := openHoogeveen(t)
	// The board's data formats, CSV included.
	f := openExportAndWait(t, mw)
	for _, format := range []string{"JSON", "DOT", "XLSX"} {
		if plain := written(t, f, format, false); !personNames.MatchString(plain) {
			t.Fatalf("the plain %s shows no name, so this proves nothing", format)
		}
		assertNoName(t, format, written(t, f, format, true))
	}
	m, _ := f.mapToWrite(true)
	dir := filepath.Join(t.TempDir(), "csv")
	if err := csvFolderJob(dir, m)(context.Background(), func(int, int) {}); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.csv"))
	var csv strings.Builder
	for _, name := range files {
		data, _ := os.ReadFile(name)
		csv.Write(data)
	}
	if len(files) == 0 {
		t.Fatal("no CSV files")
	}
	assertNoName(t, "CSV", csv.String())
	f.d.Hide()

	// Every drawn view, as SVG and (the board) as PDF.
	for tab, name := range []string{"Journey board", "Network", "Stakeholder grid", "Roles over time"} {
		t.Run(name, func(t *testing.T) {
			mw.tabs.SelectIndex(tab)
			if mw.network != nil {
				settle(mw.network)
			}
			f := openExportAndWait(t, mw)
			defer f.d.Hide()
			var centres [2][]scene.Point
			defer func() {
				// The privacy-safe network keeps the layout on the screen:
				// the nodes stand as they stood to each other (the drawing's
				// margin follows the width of the names).
				if tab == 1 && (len(centres[0]) < 2 || strings.Join(pointsText(centres[0]), " ") != strings.Join(pointsText(centres[1]), " ")) {
					t.Errorf("the nodes are at %v, privacy-safe at %v", centres[0], centres[1])
				}
			}()
			for i, private := range []bool{false, true} {
				s, meta, err := f.scene(private)
				if err != nil {
					t.Fatal(err)
				}
				for _, it := range s.Items {
					if it.Circle != nil && strings.HasPrefix(it.Group, "stakeholder:") {
						centres[i] = append(centres[i], it.Circle.Center)
					}
				}
				var svg bytes.Buffer
				if err := export.SVG(&svg, s); err != nil {
					t.Fatal(err)
				}
				if !private {
					if !personNames.MatchString(svg.String()) {
						t.Fatalf("the plain SVG shows no name, so this proves nothing")
					}
					continue
				}
				assertNoName(t, "SVG", svg.String())
				if tab == 0 {
					assertNoName(t, "PDF", pdfTextOf(t, s, meta))
				}
			}
		})
	}
}

// pointsText says where each point stands from the first.
func pointsText(ps []scene.Point) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = fmt.Sprintf("%.1f,%.1f", p.X-ps[0].X, p.Y-ps[0].Y)
	}
	return out
}

// pdfTextOf prints s on A3 landscape pages and reads their text back.
func pdfTextOf(t *testing.T, s *scene.Scene, meta export.Meta) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext is not installed")
	}
	path := filepath.Join(t.TempDir(), "board.pdf")
	var b bytes.Buffer
	if err := export.PDF(&b, s, scene.PageSetup{Paper: scene.A3, Landscape: true, ScalePct: 100}, meta); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

func TestThePrivacySafeCompareNamesNoPersonOnEitherSide(t *testing.T) {
	mw := openHoogeveen(t)
	sides := mw.compareSides()
	from, to := sides[0], sides[1] // "Huidige situatie" → "Zoals Wilhelmina het wil"
	live := mw.doc.m().Clone()
	ma, sa, _ := mw.resolve(from, live)
	mb, sb, _ := mw.resolve(to, live)
	build := newCompareView(from, to, ma, mb, sa, sb).exportBuilder()
	s, meta, err := build(func(m *model.Map) *model.Map { return m })
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(meta.Scenario, "Wilhelmina") {
		t.Fatalf("the plain compare is called %q, so this proves nothing", meta.Scenario)
	}
	ps, pmeta, err := build(func(m *model.Map) *model.Map { return anonymise.Map(m, T) })
	if err != nil {
		t.Fatal(err)
	}
	if len(ps.Items) != len(s.Items) {
		t.Errorf("the privacy-safe compare has %d items, the plain one %d", len(ps.Items), len(s.Items))
	}
	var svg bytes.Buffer
	if err := export.SVG(&svg, ps); err != nil {
		t.Fatal(err)
	}
	assertNoName(t, "compare", svg.String()+pmeta.Scenario+pmeta.Title)
}
