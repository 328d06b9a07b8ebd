package app

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"valueflow/canvas"
	"valueflow/canvas/export"
	"valueflow/canvas/scene"
	"valueflow/model"
	"valueflow/model/anonymise"
)

// withToBe adds a copy "Gewenst" of the first scenario and returns both.
func withToBe(t *testing.T, mw *mainWindow) (asIs, toBe *model.Scenario) {
	t.Helper()
	asIs = mw.doc.current()
	if !mw.do(model.AddScenario(asIs.ID, model.Scenario{ID: "tobe", Name: "Gewenst"})) {
		t.Fatal("add scenario failed")
	}
	return asIs, mw.doc.m().Scenario("tobe")
}

func overlayOf(t *testing.T, w fyne.Window) fyne.CanvasObject {
	t.Helper()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog is open")
	}
	return top
}

func labelWith(t *testing.T, root fyne.CanvasObject, text string) *widget.Label {
	t.Helper()
	return findDeep(t, root, func(l *widget.Label) bool { return strings.Contains(l.Text, text) })
}

// TestCompareDetailsSayWhatChangedInTheUsersWords: before → after names
// the field as the inspector does, a role by its word, and a reference by
// the name of the step or card it points at, never by an id.
func TestCompareDetailsSayWhatChangedInTheUsersWords(t *testing.T) {
	mw, _ := openSample(t)
	asIs, toBe := withToBe(t, mw)
	card := *toBe.Contributions[0]
	oldStep := asIs.Step(card.Step)
	newStep := toBe.Steps[len(toBe.Steps)-1]
	if newStep.ID == card.Step {
		newStep = toBe.Steps[0]
	}
	oldRole := card.Role
	card.Role = model.RoleInformed
	if oldRole == model.RoleInformed {
		card.Role = model.RoleLead
	}
	card.Step = newStep.ID
	if !mw.do(model.UpdateContribution("tobe", card)) {
		t.Fatal("edit failed")
	}
	flow := *toBe.Flows[0]
	oldTo := asIs.Contribution(flow.To)
	var newTo *model.Contribution
	for _, c := range toBe.Contributions {
		if c.ID != flow.From && c.ID != flow.To {
			newTo = c
			break
		}
	}
	flow.To = newTo.ID
	if !mw.do(model.UpdateFlow("tobe", flow)) {
		t.Fatal("edit failed")
	}

	sides := mw.compareSides()
	w := mw.showCompare(sides[0], sides[1])
	defer w.Close()
	board := findDeep(t, w.Content(), func(*canvas.Board) bool { return true })
	lane := func(c *model.Contribution) string { return mw.doc.m().Stakeholder(c.Stakeholder).Name }
	for _, tc := range []struct {
		name   string
		target scene.Target
		want   []string
		not    []string
	}{
		{"a card moved to another step and given another role", scene.Target{Kind: model.EntityContribution, ID: card.ID}, []string{
			T("Changed"),
			T("Card") + ": " + card.Value,
			T("Role") + ": " + roleName(oldRole) + " → " + roleName(card.Role),
			T("Step") + ": " + oldStep.Name + " → " + newStep.Name,
		}, []string{"role:", string(oldStep.ID) + " →"}},
		{"a flow moved to another card", scene.Target{Kind: model.EntityFlow, ID: flow.ID}, []string{
			T("To") + ": " + oldTo.Value + " (" + lane(oldTo) + ") → " + newTo.Value + " (" + lane(newTo) + ")",
		}, []string{string(oldTo.ID) + " →", "to:"}},
		{"an element nobody changed", scene.Target{Kind: model.EntityStep, ID: asIs.Steps[1].ID}, []string{T("Unchanged"), asIs.Steps[1].Name}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			board.OnSelect(tc.target)
			details := findDeep(t, w.Content(), func(l *widget.Label) bool {
				return strings.HasPrefix(l.Text, T("Changed")) || strings.HasPrefix(l.Text, T("Unchanged"))
			})
			for _, want := range tc.want {
				if !strings.Contains(details.Text, want) {
					t.Errorf("details %q lack %q", details.Text, want)
				}
			}
			for _, not := range tc.not {
				if strings.Contains(details.Text, not) {
					t.Errorf("details %q show %q", details.Text, not)
				}
			}
		})
	}
}

// TestTheCompareDialogStartsWithTwoDifferentSides: comparing a scenario
// with itself is never the default.
func TestTheCompareDialogStartsWithTwoDifferentSides(t *testing.T) {
	mw, _ := openSample(t)
	asIs, _ := withToBe(t, mw)
	for _, tc := range []struct {
		name     string
		board    model.ID
		from, to string
	}{
		{"the board shows the first scenario", asIs.ID, asIs.Name, "Gewenst"},
		{"the board shows the second", "tobe", asIs.Name, "Gewenst"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			mw.doc.scenario = tc.board
			mw.compareDialog()
			form := topOverlay(t, mw)
			selects := selectsIn(form)
			if len(selects) != 2 || selects[0].Selected != tc.from || selects[1].Selected != tc.to {
				for _, s := range selects {
					t.Logf("select: %q", s.Selected)
				}
				t.Fatalf("want From %q and To %q", tc.from, tc.to)
			}
			tapButton(t, form, T("Cancel"))
		})
	}
}

// TestTheCompareWindowListsWhatChangedInTheMapItself: a snapshot against
// now also reports the map's own information and its relationships, which
// the board does not draw.
func TestTheCompareWindowListsWhatChangedInTheMapItself(t *testing.T) {
	mw, _ := openSample(t)
	if _, err := mw.doc.file.TakeSnapshot("Begin", ""); err != nil {
		t.Fatal(err)
	}
	m := mw.doc.m()
	oldTitle := m.Title
	rel := m.Relationships[0]
	a, b := m.Stakeholder(rel.A).Name, m.Stakeholder(rel.B).Name
	info := m.Info()
	info.Title = "Nieuwe titel"
	if !mw.do(model.DeleteRelationship(rel.ID)) || !mw.do(model.SetMapInfo(info)) {
		t.Fatal("edit failed")
	}
	sides := mw.compareSides()
	snap := sides[len(sides)-1]
	if snap.snapshot == 0 {
		t.Fatalf("no snapshot side in %+v", sides)
	}
	w := mw.showCompare(snap, sides[0])
	defer w.Close()
	counts := labelWith(t, w.Content(), T("compare.kind.relationship")+": ")
	for _, want := range []string{T("compare.kind.map") + ": +0 −0 ~1", T("compare.kind.relationship") + ": +0 −1 ~0"} {
		if !strings.Contains(counts.Text, want) {
			t.Errorf("the counts beside the board %q lack %q", counts.Text, want)
		}
	}
	list := labelWith(t, w.Content(), T("Not on the board:"))
	for _, want := range []string{
		"− " + T("Relationship") + ": " + a + " – " + b,
		T("Title") + ": " + oldTitle + " → Nieuwe titel",
	} {
		if !strings.Contains(list.Text, want) {
			t.Errorf("%q lacks %q", list.Text, want)
		}
	}
	// Two scenarios of one map share all of it: nothing to list.
	withToBe(t, mw)
	sides = mw.compareSides()
	w2 := mw.showCompare(sides[0], sides[1])
	defer w2.Close()
	deepWalk(w2.Content(), func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && strings.Contains(l.Text, T("Not on the board:")) {
			t.Errorf("two scenarios of one map list %q", l.Text)
		}
	})
}

// TestTheCompareWindowPrintsBothNamesAndTheLegendOnEveryPage: Export… in
// the compare window opens the export dialog over it for the compare board,
// and every printed sheet carries both names and the compare legend; the
// privacy-safe export leaves the persons' names out of both sides.
func TestTheCompareWindowPrintsBothNamesAndTheLegendOnEveryPage(t *testing.T) {
	mw, _ := openSample(t)
	_, toBe := withToBe(t, mw)
	card := *toBe.Contributions[0]
	card.Value = "Ander werk"
	if !mw.do(model.UpdateContribution("tobe", card)) {
		t.Fatal("edit failed")
	}
	if _, err := mw.doc.file.TakeSnapshot("Begin", ""); err != nil {
		t.Fatal(err)
	}
	sides := mw.compareSides()
	from, to := sides[len(sides)-2], sides[1] // the snapshot's first scenario, and the to-be
	if !strings.HasPrefix(from.label, Tf("Snapshot %s: %s", "Begin", "")) {
		t.Fatalf("the snapshot side is called %q", from.label)
	}
	w := mw.showCompare(from, to)
	defer w.Close()
	names := from.label + " → " + to.label

	tapButton(t, w.Content(), T("Export…"))
	form := overlayOf(t, w)
	labelWith(t, form, T("Compare"))
	format := selectWith(t, form, func(s *widget.Select) bool { return len(s.Options) == 3 })
	if strings.Join(format.Options, " ") != "PDF SVG PNG" {
		t.Errorf("formats %v", format.Options)
	}

	live := mw.doc.m().Clone()
	ma, sa, _ := mw.resolve(from, live)
	mb, sb, _ := mw.resolve(to, live)
	build := newCompareView(from, to, ma, mb, sa, sb).exportBuilder()
	s, meta, err := build(func(m *model.Map) *model.Map { return m })
	if err != nil {
		t.Fatal(err)
	}
	setup := scene.PageSetup{Paper: scene.A3, Landscape: true, ScalePct: 60}
	pages, err := scene.Paginate(s, setup, meta.PageInfo())
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) < 2 {
		t.Fatalf("%d pages at 60 %%: the test wants several", len(pages))
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext is not installed")
	}
	var buf bytes.Buffer
	if err := export.PDFPages(&buf, s, pages, meta); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "vergelijk.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	sheets := strings.Split(strings.TrimRight(string(out), "\f"), "\f")
	if len(sheets) != len(pages) {
		t.Errorf("%d sheets printed for %d pages", len(sheets), len(pages))
	}
	for i, sheet := range sheets {
		flat := strings.Join(strings.Fields(sheet), " ")
		for _, want := range []string{names, T("added"), T("removed"), T("changed")} {
			if !strings.Contains(flat, want) {
				t.Errorf("sheet %d lacks %q", i+1, want)
			}
		}
	}

	// Privacy-safe: the patient's name is on neither side.
	var patient string
	for _, st := range mb.Stakeholders {
		if st.Kind == model.KindPatient {
			patient = st.Name
		}
	}
	if patient == "" {
		t.Fatal("the sample map has no patient")
	}
	private, _, err := build(func(m *model.Map) *model.Map { return anonymise.Map(m, T) })
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range private.Items {
		if it.Text != nil && strings.Contains(strings.Join(it.Text.Lines, " "), patient) {
			t.Fatalf("the privacy-safe compare shows %q", patient)
		}
	}
}

// TestTheSnapshotWindowOpensReadable: the read-only board opens as the
// journey board does, its text at 90 % or more from the top left, with the
// snapshot's name above it; Fit to Window shows the whole board.
func TestTheSnapshotWindowOpensReadable(t *testing.T) {
	mw, _ := openSample(t)
	info, err := mw.doc.file.TakeSnapshot("Begin", "voor de sessie")
	if err != nil {
		t.Fatal(err)
	}
	w := mw.showSnapshot(info)
	defer w.Close()
	labelWith(t, w.Content(), Tf("Snapshot %s (read-only)", "Begin"))
	labelWith(t, w.Content(), "voor de sessie")
	board := findDeep(t, w.Content(), func(*canvas.Board) bool { return true })
	if board.Size().Width < 600 || board.Zoom() < 0.9 {
		t.Fatalf("board %v at zoom %.2f", board.Size(), board.Zoom())
	}
	sc := mw.doc.m().Scenarios[0]
	var first model.ID // the first lane's card in the first step
	for _, c := range sc.Contributions {
		if c.Step == sc.Steps[0].ID && c.Stakeholder == mw.doc.m().Stakeholders[0].ID {
			first = c.ID
		}
	}
	if first == "" {
		t.Fatal("the sample's first lane has no card in the first step")
	}
	for _, it := range board.Scene().Items {
		if it.Target.ID == first && it.Box != nil && !board.InView(it.Box.Rect) {
			t.Error("the board does not open at the top left")
			break
		}
	}
	tapButton(t, w.Content(), T("Fit to Window"))
	size, s := board.Size(), board.Scene()
	if want := min(1, size.Width/s.Width, size.Height/s.Height); board.Zoom() != want || want >= 0.9 {
		t.Errorf("Fit to Window: zoom %.3f, want %.3f (the sample map at its whole)", board.Zoom(), want)
	}
}
