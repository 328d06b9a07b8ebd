package app

import (
	"bytes"
	"log"
	"sort"
	"strings"
	"testing"

	"valueflow/canvas/scene"
	"valueflow/model/analysis"
	"valueflow/model/compare"
	"valueflow/model/sample"
)

// printedViews lays out every view the GUI exports, with tr as the
// translator wherever the GUI hands over T, and cuts each into pages as
// the export does: tiled at 100 % on A4, so the pages carry their grid
// position, and fitted on one page.
func printedViews(t *testing.T, tr func(string) string) {
	t.Helper()
	m := sample.Map()
	sc := m.Scenarios[0]
	res, err := analysis.Analyze(m, analysis.Options{Scenario: sc.ID, Translate: tr})
	if err != nil {
		t.Fatal(err)
	}
	other := m.Scenarios[len(m.Scenarios)-1]
	d := compare.Compare(sc, other, m, m)
	cmp, _ := scene.CompareBoard(sc, other, m, m, d, scene.CompareOptions{FromName: sc.Name, ToName: other.Name, Board: scene.BoardOptions{NoFocus: true, Translate: tr}})
	views := []struct {
		name   string
		s      *scene.Scene
		legend []scene.LegendSection
	}{
		{"board", scene.Board(m, sc.ID, scene.BoardOptions{Translate: tr}), nil},
		{"board on a real time axis", scene.Board(m, sc.ID, scene.BoardOptions{Translate: tr, RealTime: true}), nil},
		{"network", scene.Network(m, res, scene.NetworkOptions{Engine: scene.Neato}), nil},
		{"grid", scene.Grid(m, scene.GridOptions{}), nil},
		{"roles", scene.Roles(m, sc.ID), nil},
		{"compare", cmp, scene.CompareLegend()},
	}
	for _, v := range views {
		for _, setup := range []scene.PageSetup{{Paper: scene.A4}, {Paper: scene.A3, Landscape: true, Fit: true}} {
			info := scene.PageInfo{Title: m.Title, Scenario: sc.Name, Date: "2025-01-31", Legend: v.legend, Translate: tr}
			if _, err := scene.Paginate(v.s, setup, info); err != nil {
				t.Fatalf("%s: %v", v.name, err)
			}
		}
	}
}

// TestPrintedPagesAskOnlyForPhrasesBothLanguagesHave: Fyne's lang logs
// "Translation failure" for every key the Dutch file lacks, so each phrase
// the pages, their legends and the analysis views ask for must be a key of
// both files. A text without a letter (the experience scale "−2 … +2") is
// the same in every language and is not asked for at all.
func TestPrintedPagesAskOnlyForPhrasesBothLanguagesHave(t *testing.T) {
	loadTranslations()
	en, nl := loadTranslationFile(t, "en.json"), loadTranslationFile(t, "nl.json")
	asked := map[string]bool{}
	record := func(key string) string { asked[key] = true; return T(key) }
	scene.TranslateAnalysisLabels(record)
	t.Cleanup(func() { scene.TranslateAnalysisLabels(T) })
	printedViews(t, record)
	for _, must := range []string{"page %d of %d", "row %s, column %d", "Roles", "Experience", "Compare", "Stakeholder network", "Roles over time"} {
		if !asked[must] {
			t.Errorf("the pages never asked for %q: the test no longer sees what they print", must)
		}
	}
	var missing []string
	for k := range asked {
		if _, ok := nl[k]; !ok {
			missing = append(missing, "Dutch "+k)
		}
		if _, ok := en[k]; !ok {
			missing = append(missing, "English "+k)
		}
	}
	sort.Strings(missing)
	for _, k := range missing {
		t.Errorf("the printed pages ask for a phrase the translations lack: %s", k)
	}
}

// TestPrintingLogsNoTranslationFailure prints every view with the GUI's
// own translator, in the language the tests run in (run them with
// LANG=nl_NL.UTF-8 too), and reads the log.
func TestPrintingLogsNoTranslationFailure(t *testing.T) {
	loadTranslations()
	var buf bytes.Buffer
	prev := log.Writer()
	log.SetOutput(&buf)
	t.Cleanup(func() { log.SetOutput(prev) })
	scene.TranslateAnalysisLabels(T)
	printedViews(t, T)
	if strings.Contains(buf.String(), "Translation failure") {
		t.Errorf("printing logged:\n%s", buf.String())
	}
}
