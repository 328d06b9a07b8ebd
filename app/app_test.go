package app

import (
	"image/color"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"valueflow/canvas/scene"
	"valueflow/model"
	"valueflow/model/sample"
	"valueflow/model/templates"
	"valueflow/storage"
	"valueflow/storage/jsonmap"
)

// openSample writes the sample map to a temporary file and shows it in a
// window of Fyne's test app.
func openSample(t *testing.T) (*mainWindow, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "zorgpad.vflow")
	return openMapAt(t, path, sample.Map()), path
}

// openMapAt writes m to path and opens it in a window of laptop size, in a
// fresh test app.
func openMapAt(tb testing.TB, path string, m *model.Map) *mainWindow {
	tb.Helper()
	test.NewTempApp(tb)
	if err := storage.Create(path, m); err != nil {
		tb.Fatal(err)
	}
	return freshWindow(tb, path)
}

// freshWindow opens path in a window of laptop size.
func freshWindow(tb testing.TB, path string) *mainWindow {
	tb.Helper()
	doc, err := openDocument(path)
	if err != nil {
		tb.Fatal(err)
	}
	w := test.NewWindow(nil)
	w.Resize(fyne.NewSize(1366, 768))
	mw := newMainWindow(fyne.CurrentApp(), w, doc)
	tb.Cleanup(func() { mw.doc.close(); w.Close() })
	return mw
}

func TestTheWindowShowsTheSampleMap(t *testing.T) {
	mw, _ := openSample(t)
	if got := mw.win.Title(); got != "Valueflow — zorgpad.vflow" {
		t.Errorf("title %q", got)
	}
	cards := map[model.ID]bool{}
	for _, it := range mw.scene.Items {
		if it.Target.Kind == model.EntityContribution {
			cards[it.Target.ID] = true
		}
	}
	if want := len(mw.doc.current().Contributions); len(cards) != want {
		t.Errorf("the board shows %d cards, the map has %d", len(cards), want)
	}
	if !strings.Contains(mw.status.Text, "saved") && !strings.Contains(mw.status.Text, "opgeslagen") {
		t.Errorf("status %q", mw.status.Text)
	}
}

// findEntry returns the inspector's entry holding text.
func findEntry(t *testing.T, root fyne.CanvasObject, text string) *formEntry {
	t.Helper()
	var found *formEntry
	walk(root, func(o fyne.CanvasObject) {
		var e *formEntry
		switch x := o.(type) {
		case *formEntry:
			e = x
		case *numberEntry:
			e = x.formEntry
		case *colourField:
			e = x.entry
		}
		if e != nil && e.Text == text && found == nil {
			found = e
		}
	})
	if found == nil {
		t.Fatalf("no entry with %q in the inspector", text)
	}
	return found
}

func findForm(root fyne.CanvasObject) *widget.Form {
	var found *widget.Form
	walk(root, func(o fyne.CanvasObject) {
		if f, ok := o.(*widget.Form); ok && found == nil {
			found = f
		}
	})
	return found
}

func TestEditingACardInTheInspectorIsSavedAtOnceAndUndoable(t *testing.T) {
	mw, path := openSample(t)
	card := mw.doc.current().Contributions[0]
	old := card.Value
	mw.selectTarget(scene.Target{Kind: model.EntityContribution, ID: card.ID})
	value := findEntry(t, mw.inspector, old)
	value.SetText("Warme overdracht ✓")
	findForm(mw.inspector).OnSubmit()
	if got := mw.doc.current().Contribution(card.ID).Value; got != "Warme overdracht ✓" {
		t.Fatalf("the map has %q", got)
	}
	// The file on disk has it: read it through a copy (the window holds the lock).
	copyPath := filepath.Join(t.TempDir(), "copy.vflow")
	if err := mw.doc.file.SaveAs(copyPath); err != nil {
		t.Fatal(err)
	}
	f, err := storage.OpenReadOnly(copyPath)
	if err != nil {
		t.Fatal(err)
	}
	if got := f.Map().Scenarios[0].Contribution(card.ID).Value; got != "Warme overdracht ✓" {
		t.Fatalf("the file has %q", got)
	}
	f.Close()

	// Ctrl+Z as the desktop driver delivers it when no entry has the focus:
	// as fyne.ShortcutUndo, not as a custom Ctrl+Z shortcut.
	mw.win.Canvas().Unfocus()
	mw.win.Canvas().(fyne.Shortcutable).TypedShortcut(&fyne.ShortcutUndo{})
	if got := mw.doc.current().Contribution(card.ID).Value; got != old {
		t.Fatalf("after Ctrl+Z the card says %q, want %q", got, old)
	}
	mw.doc.close()
	f2, err := storage.OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f2.Close()
	if got := f2.Map().Scenarios[0].Contribution(card.ID).Value; got != old {
		t.Fatalf("after undo the file has %q", got)
	}
}

func TestAnEmptyNameIsFlaggedBesideTheFieldAndRefusedByTheModel(t *testing.T) {
	mw, _ := openSample(t)
	step := mw.doc.current().Steps[0]
	mw.selectTarget(scene.Target{Kind: model.EntityStep, ID: step.ID})
	name := findEntry(t, mw.inspector, step.Name)
	name.SetText("   ")
	// Beside the field, as it is typed, in the user's words.
	if err := name.Validate(); err == nil || err.Error() != "Name is empty" {
		t.Fatalf("the name field says %v, want %q", err, "Name is empty")
	}
	form := findForm(mw.inspector)
	if form.Validate() == nil {
		t.Fatal("the form takes an empty step name")
	}
	// Enter does not apply a form with a problem in it.
	name.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if mw.doc.current().Steps[0].Name != step.Name {
		t.Fatal("Enter applied an empty name")
	}
	// Should the form be applied anyway, the model refuses, and the message
	// under the form names the step by its name, not its id.
	form.OnSubmit()
	want := `step "` + step.Name + `": name is empty`
	var shown bool
	walk(mw.inspector, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && l.Visible() && l.Text == want {
			shown = true
		}
	})
	if !shown {
		t.Fatalf("no message %q under the form", want)
	}
	if mw.doc.current().Steps[0].Name != step.Name {
		t.Fatal("the refused edit changed the map")
	}
}

func TestNumbersAndColoursAreCheckedAsTheyAreTyped(t *testing.T) {
	mw, _ := openSample(t)
	step := mw.doc.current().Steps[0]
	mw.selectTarget(scene.Target{Kind: model.EntityStep, ID: step.ID})
	var wait *numberEntry
	walk(mw.inspector, func(o fyne.CanvasObject) {
		if n, ok := o.(*numberEntry); ok && n.field == "Waiting time before (days)" {
			wait = n
		}
	})
	if wait == nil {
		t.Fatal("the step form has no waiting time")
	}
	for _, tc := range []struct{ text, want string }{
		{"drie", `Waiting time before (days): "drie" is not a whole number`},
		{"-3", "Waiting time -3 is negative"},
		{"3", ""},
	} {
		wait.SetText(tc.text)
		if got := errText(wait.Validate()); got != tc.want {
			t.Errorf("waiting time %q: the field says %q, want %q", tc.text, got, tc.want)
		}
	}
	colour := laneColourField(t, mw)
	for _, tc := range []struct{ text, want string }{
		{"blauw", `Colour "blauw" is not of the form #rrggbb`},
		{"#3d8bd4", ""},
		{"", ""},
	} {
		colour.entry.SetText(tc.text)
		if got := errText(colour.Validate()); got != tc.want {
			t.Errorf("colour %q: the field says %q, want %q", tc.text, got, tc.want)
		}
	}
	// The swatch beside the code shows the colour, drawn as a rectangle.
	colour.entry.SetText("#3d8bd4")
	if c, _ := parseColour("#3d8bd4"); colour.swatch.FillColor != c {
		t.Errorf("the swatch shows %v for #3d8bd4", colour.swatch.FillColor)
	}
	var drawn bool
	walk(test.WidgetRenderer(colour).Objects()[0], func(o fyne.CanvasObject) {
		drawn = drawn || o == fyne.CanvasObject(colour.swatch.Rectangle)
	})
	if !drawn {
		t.Error("the swatch is not in the field's layout as a rectangle")
	}
	// The picker is there, beside the code.
	var picker bool
	walk(test.WidgetRenderer(colour).Objects()[0], func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == T("Choose…") {
			picker = true
		}
	})
	if !picker {
		t.Error("no button to choose the colour")
	}
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// TestTheKeyboardReachesApplyInEveryForm checks the audit's trap: a
// multi-line entry kept Tab, so a keyboard user could not reach Apply. No
// entry keeps Tab, focus moves from the first field to Apply, and Ctrl+Enter
// in a multi-line entry applies the form.
func TestTheKeyboardReachesApplyInEveryForm(t *testing.T) {
	mw, _ := openSample(t)
	for _, target := range everyForm(mw) {
		mw.selectTarget(target)
		mw.win.Canvas().Unfocus()
		var first fyne.Focusable
		var multi *formEntry
		walk(mw.inspector, func(o fyne.CanvasObject) {
			if tab, ok := o.(fyne.Tabbable); ok && tab.AcceptsTab() {
				t.Errorf("%v: a %T keeps Tab", target.Kind, o)
			}
			if f, ok := o.(fyne.Focusable); ok && first == nil {
				first = f
			}
			if e, ok := o.(*formEntry); ok && e.MultiLine && multi == nil {
				multi = e
			}
		})
		if first == nil {
			t.Fatalf("%v: nothing to focus", target.Kind)
		}
		c := mw.win.Canvas()
		c.Focus(first)
		reached := false
		for i := 0; i < 40 && !reached; i++ {
			c.FocusNext()
			if b, ok := c.Focused().(*widget.Button); ok && b.Text == T("Apply") {
				reached = true
			}
		}
		if !reached {
			t.Errorf("%v: Tab from the first field never reaches Apply", target.Kind)
		}
		if multi == nil {
			continue
		}
		before := mw.doc.editor.Map.Clone()
		multi.SetText(multi.Text + " (bijgewerkt)")
		multi.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyReturn, Modifier: fyne.KeyModifierControl})
		if reflect.DeepEqual(before, mw.doc.editor.Map) {
			t.Errorf("%v: Ctrl+Enter in a multi-line entry did not apply the form", target.Kind)
		}
	}
}

func TestAReadOnlyMapShowsItsValuesAsReadableText(t *testing.T) {
	items := []*widget.FormItem{
		widget.NewFormItem("Name", entry("Huisarts")),
		widget.NewFormItem("Notes", multiline("")),
		widget.NewFormItem("Role", newChoice(model.Roles, model.RoleLead, roleName, false)),
	}
	form := readOnlyForm(items).(*widget.Form)
	var got []string
	for _, it := range form.Items {
		l, ok := it.Widget.(*widget.Label)
		if !ok {
			t.Fatalf("%s is shown as a %T, not as text", it.Text, it.Widget)
		}
		got = append(got, l.Text)
	}
	if want := []string{"Huisarts", "—", roleName(model.RoleLead)}; !reflect.DeepEqual(got, want) {
		t.Errorf("read-only values %q, want %q", got, want)
	}
	if form.OnSubmit != nil {
		t.Error("a read-only form offers Apply")
	}
}

func TestMapPropertiesAreEditedInTheirDialogInOneUndoableStep(t *testing.T) {
	mw, _ := openSample(t)
	before := mw.doc.m().Info()
	mw.mapPropertiesDialog()
	d := topOverlay(t, mw)
	findDeep(t, d, func(e *formEntry) bool { return e.Text == before.Title }).SetText("Zorgpad Noord")
	findDeep(t, d, func(e *formEntry) bool { return e.Text == before.Purpose }).SetText("Langer thuis, met minder overdrachten")
	stage := findDeep(t, d, func(*choice[model.Stage]) bool { return true })
	stage.SetSelected(stageName(model.StageProduce))
	tapButton(t, d, T("Save"))
	got := mw.doc.m().Info()
	if got.Title != "Zorgpad Noord" || got.Purpose != "Langer thuis, met minder overdrachten" || got.Stage != model.StageProduce {
		t.Fatalf("the map properties are %+v", got)
	}
	if got.Region != before.Region || got.Description != before.Description {
		t.Fatal("fields not touched in the dialog changed")
	}
	mw.undo()
	if mw.doc.m().Info() != before {
		t.Fatalf("one undo left %+v", mw.doc.m().Info())
	}
}

func TestDeleteRemovesTheSelectionAndUndoBringsItBack(t *testing.T) {
	mw, _ := openSample(t)
	lane := mw.doc.m().Stakeholders[2]
	cards := len(mw.doc.current().CardsForStakeholder(lane.ID))
	mw.selectTarget(scene.Target{Kind: model.EntityStakeholder, ID: lane.ID})
	mw.deleteSelected()
	if mw.doc.m().Stakeholder(lane.ID) != nil {
		t.Fatal("the stakeholder is still there")
	}
	mw.undo()
	if mw.doc.m().Stakeholder(lane.ID) == nil || len(mw.doc.current().CardsForStakeholder(lane.ID)) != cards {
		t.Fatal("undo did not bring the lane and its cards back")
	}
	mw.redo()
	if mw.doc.m().Stakeholder(lane.ID) != nil {
		t.Fatal("redo did not delete it again")
	}
}

// TestThemeTextHasEnoughContrast checks the text, hint and disabled colours
// of every theme the preferences offer against every background they stand
// on (WCAG AA, 4.5:1): a read-only form and a placeholder must be readable.
func TestThemeTextHasEnoughContrast(t *testing.T) {
	test.NewTempApp(t)
	lum := func(c color.Color) float64 {
		r, g, b, _ := c.RGBA()
		ch := func(v uint32) float64 {
			s := float64(v) / 65535
			if s <= 0.03928 {
				return s / 12.92
			}
			return math.Pow((s+0.055)/1.055, 2.4)
		}
		return 0.2126*ch(r) + 0.7152*ch(g) + 0.0722*ch(b)
	}
	ratio := func(a, b color.Color) float64 {
		la, lb := lum(a), lum(b)
		return (math.Max(la, lb) + 0.05) / (math.Min(la, lb) + 0.05)
	}
	// Both held variants, and the system theme in either variant.
	themes := []struct {
		name string
		th   fyne.Theme
		v    fyne.ThemeVariant
	}{
		{"light", variantTheme(theme.VariantLight), theme.VariantLight},
		{"dark", variantTheme(theme.VariantDark), theme.VariantDark},
		{"system light", readableTheme{Theme: theme.DefaultTheme(), system: true}, theme.VariantLight},
		{"system dark", readableTheme{Theme: theme.DefaultTheme(), system: true}, theme.VariantDark},
	}
	for _, tc := range themes {
		for _, text := range []fyne.ThemeColorName{theme.ColorNameForeground, theme.ColorNamePlaceHolder, theme.ColorNameDisabled} {
			for _, bg := range []fyne.ThemeColorName{theme.ColorNameBackground, theme.ColorNameInputBackground,
				theme.ColorNameButton, theme.ColorNameMenuBackground, theme.ColorNameOverlayBackground} {
				if c := ratio(tc.th.Color(text, tc.v), tc.th.Color(bg, tc.v)); c < 4.5 {
					t.Errorf("%s theme: %s on %s has contrast %.2f:1, want at least 4.5:1", tc.name, text, bg, c)
				}
			}
		}
	}
}

func TestTheKeyboardMovesThroughTheCards(t *testing.T) {
	mw, _ := openSample(t)
	sc := mw.doc.current()
	mw.boardKey(&fyne.KeyEvent{Name: fyne.KeyTab})
	first := mw.cardOrder()[0]
	if mw.selected.ID != first.ID {
		t.Fatalf("Tab selected %v, want the first card %s", mw.selected, first.ID)
	}
	mw.boardKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	got := sc.Contribution(mw.selected.ID)
	if got == nil || got.Stakeholder != first.Stakeholder || sc.StepIndex(got.Step) <= sc.StepIndex(first.Step) {
		t.Fatalf("Right went to %+v", got)
	}
	mw.boardKey(&fyne.KeyEvent{Name: fyne.KeyDelete})
	if sc.Contribution(got.ID) != nil {
		t.Fatal("Delete did not remove the selected card")
	}
	mw.boardKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if mw.selected.ID != "" {
		t.Fatal("Escape did not clear the selection")
	}
}

func TestPlainInlineKeepsWordsAndDropsEmphasis(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Een **stap** is *leidend*, *draagt bij*.", "Een stap is leidend, draagt bij."},
		{"# Kop\n\n* punt een\n* punt twee", "# Kop\n\n* punt een\n* punt twee"},
	} {
		if got := plainInline(tc.in); got != tc.want {
			t.Errorf("plainInline(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// A 1366x768 laptop leaves about 1366x700 for a window after the panel and the
// title bar; the window manager can only shrink the window that far if the
// content's minimum size allows it, whichever item is in the inspector.
func TestTheWindowFitsASmallLaptopScreen(t *testing.T) {
	mw, _ := openSample(t)
	limit := fyne.NewSize(1366, 700)
	check := func(what string) {
		t.Helper()
		if min := mw.win.Content().MinSize(); min.Width > limit.Width || min.Height > limit.Height {
			t.Errorf("with %s in the inspector the window needs at least %v, more than %v", what, min, limit)
		}
	}
	check("the map")
	sc := mw.doc.current()
	mw.selectTarget(scene.Target{Kind: model.EntityContribution, ID: sc.Contributions[0].ID})
	check("a card")
	mw.selectTarget(scene.Target{Kind: model.EntityStep, ID: sc.Steps[0].ID})
	check("a step")
	mw.selectTarget(scene.Target{Kind: model.EntityStakeholder, ID: mw.doc.editor.Map.Stakeholders[0].ID})
	check("a stakeholder")
}

func TestACoalitionIsEditedInTheInspector(t *testing.T) {
	mw, _ := openSample(t)
	co := mw.doc.m().Coalitions[0]
	mw.selectTarget(scene.Target{Kind: model.EntityCoalition, ID: co.ID})
	findEntry(t, mw.inspector, co.Name).SetText("Samen sterk thuis")
	findForm(mw.inspector).OnSubmit()
	if got := mw.doc.m().Coalition(co.ID).Name; got != "Samen sterk thuis" {
		t.Fatalf("the coalition is called %q", got)
	}
	mw.undo()
	if got := mw.doc.m().Coalition(co.ID).Name; got != co.Name {
		t.Fatalf("undo left %q", got)
	}
}

func TestAnImportReportComesBeforeAnythingIsWritten(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "kaart.json")
	f, _ := os.Create(good)
	jsonmap.Encode(f, sample.Map())
	f.Close()
	m, rep, err := readImport(good)
	if err != nil || !rep.OK() || m == nil {
		t.Fatalf("a good JSON file: %v %v", err, rep)
	}
	bad := filepath.Join(dir, "kapot.json")
	os.WriteFile(bad, []byte(`{"title": "x", "kleur": 1}`), 0o644)
	m, rep, err = readImport(bad)
	if err != nil || rep.OK() || m != nil || !strings.Contains(rep.Errors[0].String(), "kleur") {
		t.Fatalf("a bad JSON file: %v %+v", err, rep)
	}
	mw, _ := openSample(t)
	before, _ := os.ReadDir(dir)
	mw.importFrom(bad) // shows the report only
	after, _ := os.ReadDir(dir)
	if len(after) != len(before) {
		t.Fatal("a refused import wrote a file")
	}
}

func TestDraggingOnTheBoardMovesACardAndConnectsTwo(t *testing.T) {
	mw, _ := openSample(t)
	sc := mw.doc.current()
	c := sc.Contributions[0]
	target := sc.Steps[len(sc.Steps)-1].ID
	mw.board.OnMoveCard(c.ID, target, c.Stakeholder)
	if got := sc.Contribution(c.ID).Step; got != target {
		t.Fatalf("the card is at step %s", got)
	}
	flows := len(sc.Flows)
	mw.board.OnConnect(sc.Contributions[1].ID, sc.Contributions[2].ID)
	if len(mw.doc.current().Flows) != flows+1 {
		t.Fatal("connecting two cards made no flow")
	}
	mw.undo()
	mw.undo()
	if got := mw.doc.current().Contribution(c.ID).Step; got != c.Step {
		t.Fatalf("undo left the card at %s", got)
	}
}

func TestAnImportCanBecomeAScenarioAfterASnapshot(t *testing.T) {
	mw, _ := openSample(t)
	scenarios := len(mw.doc.m().Scenarios)
	tpl, _ := templates.ByName("copd")
	mw.importAsScenario(tpl.Map(), "copd")
	if len(mw.doc.m().Scenarios) != scenarios+1 || mw.doc.current().Name != "copd" {
		t.Fatalf("no new scenario on the board (%d scenarios, showing %q)", len(mw.doc.m().Scenarios), mw.doc.current().Name)
	}
	snaps, err := mw.doc.file.Snapshots()
	if err != nil || len(snaps) == 0 {
		t.Fatalf("no snapshot before the import: %v", err)
	}
	mw.undo()
	if len(mw.doc.m().Scenarios) != scenarios {
		t.Fatal("undo did not take the import back")
	}
}

// submitPopUp types text into the in-place editor and presses Enter.
func submitPopUp(t *testing.T, mw *mainWindow, text string) {
	t.Helper()
	top := mw.win.Canvas().Overlays().Top()
	pop, ok := top.(*widget.PopUp)
	if !ok {
		t.Fatalf("no in-place editor is open (top overlay %T)", top)
	}
	e := pop.Content.(*widget.Entry)
	e.SetText(text)
	e.OnSubmitted(text)
}

func TestDoubleClickEditsInPlace(t *testing.T) {
	mw, _ := openSample(t)
	sc := mw.doc.current()
	card := sc.Contributions[3]
	mw.board.OnDoubleTap(scene.Target{Kind: model.EntityContribution, ID: card.ID}, scene.Point{})
	submitPopUp(t, mw, "Samen beslissen")
	if got := mw.doc.current().Contribution(card.ID).Value; got != "Samen beslissen" {
		t.Fatalf("the card says %q", got)
	}
	step := sc.Steps[1]
	mw.board.OnDoubleTap(scene.Target{Kind: model.EntityStep, ID: step.ID}, scene.Point{})
	submitPopUp(t, mw, "Opname")
	if got := mw.doc.current().Step(step.ID).Name; got != "Opname" {
		t.Fatalf("the step is called %q", got)
	}
	// An empty cell: the middle of the first step column in the last lane.
	g := mw.board.Geometry()
	cards := len(mw.doc.current().Contributions)
	var empty scene.Point
	found := false
	for y := float32(0); y < mw.scene.Height && !found; y += 4 {
		for x := float32(0); x < mw.scene.Width && !found; x += 8 {
			p := scene.Point{X: x, Y: y}
			if st, lane, ok := g.CellAt(p); ok && len(mw.doc.current().CardsAt(st, lane)) == 0 {
				empty, found = p, true
			}
		}
	}
	if !found {
		t.Fatal("no empty cell on the sample board")
	}
	mw.board.OnDoubleTap(scene.Target{}, empty)
	submitPopUp(t, mw, "Nieuwe waarde")
	if len(mw.doc.current().Contributions) != cards+1 {
		t.Fatal("double-clicking an empty cell added no card")
	}
}

func TestCardsAreCopiedPastedAndDuplicated(t *testing.T) {
	mw, _ := openSample(t)
	sc := mw.doc.current()
	card := sc.Contributions[0]
	n := len(sc.Contributions)
	mw.selectTarget(scene.Target{Kind: model.EntityContribution, ID: card.ID})
	mw.win.Canvas().Unfocus()
	mw.win.Canvas().(fyne.Shortcutable).TypedShortcut(shortcutDuplicate)
	if len(mw.doc.current().Contributions) != n+1 {
		t.Fatal("Ctrl+D made no copy")
	}
	dup := mw.doc.current().Contribution(mw.selected.ID)
	if dup.Value != card.Value || dup.Step != card.Step || dup.ID == card.ID {
		t.Fatalf("the duplicate is %+v", dup)
	}
	// Copy, select another step, paste: the copy lands at that step.
	mw.win.Canvas().(fyne.Shortcutable).TypedShortcut(&fyne.ShortcutCopy{})
	target := sc.Steps[len(sc.Steps)-1].ID
	mw.selectTarget(scene.Target{Kind: model.EntityStep, ID: target})
	mw.win.Canvas().(fyne.Shortcutable).TypedShortcut(&fyne.ShortcutPaste{})
	pasted := mw.doc.current().Contribution(mw.selected.ID)
	if pasted == nil || pasted.Step != target || pasted.Value != card.Value {
		t.Fatalf("pasted %+v", pasted)
	}
	mw.undo()
	mw.undo()
	if len(mw.doc.current().Contributions) != n {
		t.Fatal("undo did not take the copies back")
	}
}

// laneColourField selects the first lane and returns the colour field of
// its form.
func laneColourField(t *testing.T, mw *mainWindow) *colourField {
	t.Helper()
	lane := mw.doc.m().Stakeholders[0]
	mw.selectTarget(scene.Target{Kind: model.EntityStakeholder, ID: lane.ID})
	var colour *colourField
	walk(mw.inspector, func(o fyne.CanvasObject) {
		if c, ok := o.(*colourField); ok {
			colour = c
		}
	})
	if colour == nil {
		t.Fatal("the stakeholder form has no colour field")
	}
	return colour
}

// everyForm is a target for each form of the inspector: the map's
// properties first, then the first of each kind in the sample.
func everyForm(mw *mainWindow) []scene.Target {
	m, sc := mw.doc.m(), mw.doc.current()
	return []scene.Target{
		{},
		{Kind: model.EntityStep, ID: sc.Steps[0].ID},
		{Kind: model.EntityStakeholder, ID: m.Stakeholders[0].ID},
		{Kind: model.EntityContribution, ID: sc.Contributions[0].ID},
		{Kind: model.EntityFlow, ID: sc.Flows[0].ID},
		{Kind: model.EntityRelationship, ID: m.Relationships[0].ID},
		{Kind: model.EntityCoalition, ID: m.Coalitions[0].ID},
	}
}
