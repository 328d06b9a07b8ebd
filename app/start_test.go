package app

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"valueflow/model"
	"valueflow/model/templates"
	vfstorage "valueflow/storage"
)

func overlayText(mw *mainWindow) string {
	top := mw.win.Canvas().Overlays().Top()
	if top == nil {
		return ""
	}
	var b strings.Builder
	deepWalk(top, func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Label:
			b.WriteString(x.Text + "\n")
		case *widget.RichText:
			b.WriteString(x.String() + "\n")
		}
	})
	return b.String()
}

func TestTheFirstStartOpensTheSampleWithTheGuideOnce(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	a := test.NewTempApp(t)
	path, err := startPath(a)
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(home, "Documents", "Valueflow", sampleName); path != want {
		t.Fatalf("the first start opens %s, want the sample copy %s", path, want)
	}
	mw := freshWindow(t, path)
	if len(mw.doc.current().Steps) < 5 || mw.doc.m().Title == "" {
		t.Fatal("the sample copy is not the sample map")
	}
	mw.welcome()
	if !strings.Contains(overlayText(mw), T("Roles over time")) {
		t.Fatalf("no guide over the first window (it shows %q)", overlayText(mw))
	}
	// Escape closes it, whether the guide or nothing has the focus.
	mw.win.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if mw.win.Canvas().Overlays().Top() != nil {
		t.Fatal("Escape did not close the guide")
	}
	mw.showGuide()
	mw.win.Canvas().Unfocus()
	mw.win.Canvas().(interface{ OnTypedKey() func(*fyne.KeyEvent) }).OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if mw.win.Canvas().Overlays().Top() != nil {
		t.Fatal("Escape with nothing focused did not close the guide")
	}
	// The second start goes straight to work.
	mw.welcome()
	if mw.win.Canvas().Overlays().Top() != nil {
		t.Fatal("the guide opened again on the second start")
	}
	if again, _ := startPath(a); again != path {
		t.Fatalf("the second start opens %s", again)
	}
}

func TestTheStartOpensTheLastFileThatStillExists(t *testing.T) {
	t.Setenv("HOME", t.TempDir())
	a := test.NewTempApp(t)
	dir := t.TempDir()
	kept := filepath.Join(dir, "copd.vflow")
	tpl, _ := templates.ByName("copd")
	if err := vfstorage.Create(kept, tpl.Map()); err != nil {
		t.Fatal(err)
	}
	a.Preferences().SetStringList(prefRecent, []string{filepath.Join(dir, "weg.vflow"), kept})
	if got, err := startPath(a); err != nil || got != kept {
		t.Fatalf("the start opens %q (%v), want %q", got, err, kept)
	}
}

func recentMenu(mw *mainWindow) []string {
	var got []string
	for _, it := range mw.mainMenu.Items[0].Items {
		if it.Label == T("Open Recent") {
			for _, r := range it.ChildMenu.Items {
				if !r.Disabled {
					got = append(got, r.Label)
				}
			}
		}
	}
	return got
}

func TestRecentFilesListTheNewestFirstAndCanBeCleared(t *testing.T) {
	mw, first := openSample(t)
	dir := t.TempDir()
	second := filepath.Join(dir, "diabetes.vflow")
	tpl, _ := templates.ByName("diabetes")
	if err := vfstorage.Create(second, tpl.Map()); err != nil {
		t.Fatal(err)
	}
	mw.rememberRecent(first)
	mw.openPath(second)
	if got := recentMenu(mw); len(got) != 2 || got[0] != second || got[1] != first {
		t.Fatalf("File → Open Recent lists %q", got)
	}
	mw.openPath(first)
	if got := recentMenu(mw); got[0] != first {
		t.Fatalf("opening again did not move it to the top: %q", got)
	}
	mw.preferencesDialog()
	tapButton(t, topOverlay(t, mw), T("Clear recent files"))
	if got := recentMenu(mw); len(got) != 0 {
		t.Fatalf("after clearing the menu lists %q", got)
	}
}

func TestPreferencesKeepLanguagePaperAndThemeAndApplyTheTheme(t *testing.T) {
	mw, _ := openSample(t)
	mw.preferencesDialog()
	d := topOverlay(t, mw)
	selects := map[string]*dialogSelect{}
	deepWalk(d, func(o fyne.CanvasObject) {
		if s, ok := o.(*dialogSelect); ok {
			switch {
			case slices.Contains(s.Options, "Nederlands"):
				selects["language"] = s
			case slices.Contains(s.Options, T("Dark")):
				selects["theme"] = s
			case slices.Contains(s.Options, "A3"):
				selects["paper"] = s
			}
		}
	})
	if len(selects) != 3 {
		t.Fatalf("the preferences offer %d of language, theme and paper", len(selects))
	}
	selects["language"].SetSelected("Nederlands")
	selects["theme"].SetSelected(T("Dark"))
	selects["paper"].SetSelected("A4")
	findDeep(t, d, func(c *dialogCheck) bool { return c.Text == T("Landscape") }).SetChecked(false)
	tapButton(t, d, T("Save"))
	p := mw.app.Preferences()
	if p.String(prefLanguage) != "nl" || p.String(prefTheme) != "dark" || p.String("paper") != "A4" || p.Bool("landscape") {
		t.Fatalf("preferences kept language %q, theme %q, paper %q, landscape %v",
			p.String(prefLanguage), p.String(prefTheme), p.String("paper"), p.Bool("landscape"))
	}
	th := mw.app.Settings().Theme()
	if bg := th.Color(theme.ColorNameBackground, theme.VariantLight); bg != theme.DefaultTheme().Color(theme.ColorNameBackground, theme.VariantDark) {
		t.Errorf("the dark theme is not applied: the background is %v", bg)
	}
	// The language waits for the next start, and then wins over the system.
	if got := guiLanguage(p.String(prefLanguage), "en-US"); got != "nl" {
		t.Errorf("the next start speaks %q", got)
	}
}

func TestTheGUISpeaksDutchOnlyOnADutchSystemUnlessChosen(t *testing.T) {
	for _, tc := range []struct{ pref, system, want string }{
		{"", "nl-NL", "nl"},
		{"", "nl-BE", "nl"},
		{"", "nl", "nl"},
		{"", "de-DE", "en"}, // not a mix of Fyne's German and our English
		{"", "fr-FR", "en"},
		{"", "en-GB", "en"},
		{"", "", "en"},
		{"en", "nl-NL", "en"},
		{"nl", "de-DE", "nl"},
	} {
		if got := guiLanguage(tc.pref, tc.system); got != tc.want {
			t.Errorf("preference %q on a %q system: %q, want %q", tc.pref, tc.system, got, tc.want)
		}
	}
}

func TestANewMapFromATemplateOpensWithItsStepsAndSaysItIsAnExample(t *testing.T) {
	mw, _ := openSample(t)
	path := filepath.Join(t.TempDir(), "beroerte.vflow")
	tpl, _ := templates.ByName("stroke")
	mw.newFromTemplateAt(path, tpl)
	if mw.doc.file.Path() != path {
		t.Fatalf("the window shows %s, not the new map", mw.doc.file.Path())
	}
	m := mw.doc.m()
	if !strings.Contains(m.Title, "voorbeeld") || len(mw.doc.current().Steps) != len(tpl.Map().Scenarios[0].Steps) {
		t.Fatalf("the new map is %q with %d steps", m.Title, len(mw.doc.current().Steps))
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatal("the new map is not on disk")
	}
}

// boardText is all the text the board draws.
func boardText(mw *mainWindow) string {
	var b strings.Builder
	for _, it := range mw.scene.Items {
		if it.Text != nil {
			b.WriteString(strings.Join(it.Text.Lines, " ") + "\n")
		}
	}
	return b.String()
}

func TestAnEmptyMapSaysWhereToClickUntilItHasACard(t *testing.T) {
	mw, _ := openSample(t)
	path := filepath.Join(t.TempDir(), "leeg.vflow")
	tpl, _ := templates.ByName("empty")
	mw.newFromTemplateAt(path, tpl)
	if !strings.Contains(boardText(mw), "+ Step") {
		t.Fatalf("an empty board does not say where to begin:\n%s", boardText(mw))
	}
	sc := mw.doc.current()
	mw.do(model.AddStep(sc.ID, model.Step{ID: "st1", Name: "Aanmelding"}, -1))
	mw.do(model.AddStakeholder(model.Stakeholder{ID: "h1", Name: "Huisarts", Kind: model.KindProfessional}, -1))
	if text := boardText(mw); !strings.Contains(text, "double-click where a step's column meets") {
		t.Fatalf("with a step and a lane the board does not say where a card goes:\n%s", text)
	}
	mw.do(model.AddContribution(sc.ID, model.Contribution{ID: "c1", Step: "st1", Stakeholder: "h1", Value: "Verwijzing", Role: model.RoleLead}))
	if text := boardText(mw); strings.Contains(text, "double-click") {
		t.Fatalf("the hint stays after the first card:\n%s", text)
	}
}

func TestDroppingFilesOpensTheFirstMapAndNamesWhatItDidNotOpen(t *testing.T) {
	mw, _ := openSample(t)
	dir := t.TempDir()
	a, b := filepath.Join(dir, "copd.vflow"), filepath.Join(dir, "diabetes.vflow")
	for name, p := range map[string]string{"copd": a, "diabetes": b} {
		tpl, _ := templates.ByName(name)
		if err := vfstorage.Create(p, tpl.Map()); err != nil {
			t.Fatal(err)
		}
	}
	notes := filepath.Join(dir, "notities.json")
	os.WriteFile(notes, []byte("{}"), 0o644)
	mw.dropped(fyne.Position{}, []fyne.URI{storage.NewFileURI(notes), storage.NewFileURI(a), storage.NewFileURI(b)})
	if mw.doc.file.Path() != a {
		t.Fatalf("the window shows %s, want the first dropped map", mw.doc.file.Path())
	}
	told := overlayText(mw)
	if !strings.Contains(told, "diabetes.vflow") || !strings.Contains(told, "notities.json") {
		t.Fatalf("the user is not told what was not opened: %q", told)
	}
	// Only files that are not maps: nothing opens, the user hears why.
	mw.win.Canvas().Overlays().Top().Hide()
	mw.dropped(fyne.Position{}, []fyne.URI{storage.NewFileURI(notes)})
	if mw.doc.file.Path() != a || !strings.Contains(overlayText(mw), T("Not opened")) && !strings.Contains(overlayText(mw), "notities.json") {
		t.Fatalf("a dropped JSON file: the window shows %s, the dialog %q", mw.doc.file.Path(), overlayText(mw))
	}
}
