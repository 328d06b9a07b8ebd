package app

import (
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"valueflow/canvas"
	"valueflow/model"
)

// TestTheCompareWindowOpensReadableOnTheFirstChange: on an L map the
// compare board opens at the zoom the journey board opens at, scrolled to
// the first change with what changed beside it, and the counts under it;
// Next and Previous walk the changes, Fit to Window shows the whole union
// and Next makes it readable again.
func TestTheCompareWindowOpensReadableOnTheFirstChange(t *testing.T) {
	mw := openL(t)
	asIs := mw.doc.current()
	if !mw.do(model.AddScenario(asIs.ID, model.Scenario{ID: "tobe", Name: "Gewenst"})) {
		t.Fatal("add scenario failed")
	}
	toBe := mw.doc.m().Scenario("tobe")
	// Two cards far from the top left: the last step's, in the middle lane
	// and the last lane.
	last := toBe.Steps[len(toBe.Steps)-1].ID
	var first, second model.Contribution
	for _, c := range toBe.Contributions {
		if c.Step != last {
			continue
		}
		switch mw.doc.m().StakeholderIndex(c.Stakeholder) {
		case len(mw.doc.m().Stakeholders) / 2:
			first = *c
		case len(mw.doc.m().Stakeholders) - 1:
			second = *c
		}
	}
	if first.ID == "" || second.ID == "" {
		t.Fatal("the L map has no card where the test wants one")
	}
	first.Value, second.Value = "Ander werk", "Nog ander werk"
	if !mw.do(model.UpdateContribution("tobe", first)) || !mw.do(model.UpdateContribution("tobe", second)) {
		t.Fatal("edit failed")
	}
	sides := mw.compareSides()
	w := mw.showCompare(sides[0], sides[1])
	defer w.Close()
	board := findDeep(t, w.Content(), func(*canvas.Board) bool { return true })
	if board.Size().Width < 600 {
		t.Fatalf("the board is %v", board.Size())
	}
	// Card text at 90 % or more, as the journey board opens.
	readable := board.Zoom()
	if readable < 0.9 {
		t.Errorf("the compare board opens at %.0f %%", 100*readable)
	}
	inView := func(id model.ID) bool {
		for _, it := range board.Scene().Items {
			if it.Target.ID == id && it.Box != nil {
				return board.InView(it.Box.Rect) // the card's body
			}
		}
		t.Fatalf("card %s is not on the compare board", id)
		return false
	}
	details := func() string {
		return labelWith(t, w.Content(), T("Changed")).Text
	}
	position := func() string {
		text := ""
		deepWalk(w.Content(), func(o fyne.CanvasObject) {
			if l, ok := o.(*widget.Label); ok && (l.Text == Tf("Change %d of %d", 1, 2) || l.Text == Tf("Change %d of %d", 2, 2)) {
				text = l.Text
			}
		})
		return text
	}
	if !inView(first.ID) {
		t.Error("the first change is not in view when the window opens")
	}
	if !strings.Contains(details(), "Ander werk") || position() != Tf("Change %d of %d", 1, 2) {
		t.Errorf("beside the board: %q, %q", details(), position())
	}
	summary := labelWith(t, w.Content(), T("compare.kind.contribution")+": ")
	if !strings.Contains(summary.Text, T("compare.kind.contribution")+": +0 −0 ~2") {
		t.Errorf("the summary under the board says %q", summary.Text)
	}
	for _, it := range board.Scene().Items {
		if it.Group == "compare-summary" {
			t.Fatal("the board on screen draws a summary bar of its own too")
		}
	}

	tapButton(t, w.Content(), T("Next change"))
	if !inView(second.ID) || !strings.Contains(details(), "Nog ander werk") || position() != Tf("Change %d of %d", 2, 2) {
		t.Errorf("after Next: in view %v, %q, %q", inView(second.ID), details(), position())
	}
	tapButton(t, w.Content(), T("Next change")) // round to the first
	if !inView(first.ID) || position() != Tf("Change %d of %d", 1, 2) {
		t.Errorf("after Next at the last change: in view %v, %q", inView(first.ID), position())
	}
	tapButton(t, w.Content(), T("Previous change"))
	if position() != Tf("Change %d of %d", 2, 2) {
		t.Errorf("after Previous at the first change: %q", position())
	}

	tapButton(t, w.Content(), T("Fit to Window"))
	s, size := board.Scene(), board.Size()
	if want := min(1, size.Width/s.Width, size.Height/s.Height); board.Zoom() != want {
		t.Errorf("Fit to Window: zoom %.3f, want %.3f", board.Zoom(), want)
	}
	tapButton(t, w.Content(), T("Next change"))
	if board.Zoom() != readable || !inView(first.ID) {
		t.Errorf("Next after fitting: zoom %.2f (want %.2f), first change in view %v", board.Zoom(), readable, inView(first.ID))
	}
}

// TestTheCompareWindowOpensAtTheTopLeftWhenTheChangeIsThere: a change the
// board shows without scrolling leaves it at the top left, as the journey
// board opens (the window is laid out small before it is shown; a scroll
// made then used to hide the top lanes under the step headers).
func TestTheCompareWindowOpensAtTheTopLeftWhenTheChangeIsThere(t *testing.T) {
	mw, _ := openSample(t)
	_, toBe := withToBe(t, mw)
	m := mw.doc.m()
	first := toBe.Steps[0].ID
	var top, changed *model.Contribution
	for _, c := range toBe.Contributions {
		if c.Step != first {
			continue
		}
		if i := m.StakeholderIndex(c.Stakeholder); top == nil || i < m.StakeholderIndex(top.Stakeholder) {
			top = c
		}
		if i := m.StakeholderIndex(c.Stakeholder); i >= 3 && i <= 5 {
			changed = c
		}
	}
	if top == nil || changed == nil {
		t.Fatal("the sample has no card where the test wants one")
	}
	card := *changed
	card.Value = "Ander werk"
	if !mw.do(model.UpdateContribution("tobe", card)) {
		t.Fatal("edit failed")
	}
	sides := mw.compareSides()
	w := mw.showCompare(sides[0], sides[1])
	defer w.Close()
	board := findDeep(t, w.Content(), func(*canvas.Board) bool { return true })
	for _, it := range board.Scene().Items {
		if it.Target.ID == top.ID && it.Box != nil {
			if !board.InView(it.Box.Rect) {
				t.Errorf("the top lane's first card %q is scrolled out of view", top.Value)
			}
			return
		}
	}
	t.Fatal("the top lane's card is not on the board")
}

// TestTheCompareWindowHasAFileMenuToExport: File → Export… in the compare
// window opens the export dialog over it, as its Export… button does.
func TestTheCompareWindowHasAFileMenuToExport(t *testing.T) {
	mw, _ := openSample(t)
	withToBe(t, mw)
	sides := mw.compareSides()
	w := mw.showCompare(sides[0], sides[1])
	// Closed by its menu at the end (Fyne's test driver hangs on a second Close).
	menu := w.MainMenu()
	if menu == nil || len(menu.Items) == 0 || menu.Items[0].Label != T("File") {
		t.Fatal("the compare window has no File menu")
	}
	var export *fyne.MenuItem
	for _, it := range menu.Items[0].Items {
		if it.Label == T("Export…") {
			export = it
		}
	}
	if export == nil {
		t.Fatal("the File menu has no Export…")
	}
	export.Action()
	form := overlayOf(t, w)
	labelWith(t, form, T("Compare")) // the export of the compare board
	if formats := selectWith(t, form, func(s *widget.Select) bool { return len(s.Options) == 3 }); strings.Join(formats.Options, " ") != "PDF SVG PNG" {
		t.Errorf("formats %v", formats.Options)
	}
	// Two scenarios just copied differ nowhere: the window says so and
	// has nothing to walk through.
	if labelWith(t, w.Content(), T("no differences")) == nil {
		t.Fatal("no word that nothing differs")
	}
	next := findDeep(t, w.Content(), func(b *widget.Button) bool { return b.Text == T("Next change") })
	if !next.Disabled() {
		t.Error("Next change can be pressed with no change to go to")
	}

	// The File menu ends in Close, which closes this window only: marked
	// as the quit item, so Fyne adds no Quit that would end the program.
	items := menu.Items[0].Items
	if last := items[len(items)-1]; last.Label != T("Close") || !last.IsQuit {
		t.Fatalf("the File menu ends in %q (quit item %v)", last.Label, last.IsQuit)
	} else {
		last.Action()
	}
	open := map[fyne.Window]bool{}
	for _, win := range fyne.CurrentApp().Driver().AllWindows() {
		open[win] = true
	}
	if open[w] || !open[mw.win] {
		t.Errorf("after Close: compare window open %v, main window open %v", open[w], open[mw.win])
	}
}

// selectsIn returns the drop-downs drawn in root: Fyne's Select, or a
// widget made of one.
func selectsIn(root fyne.CanvasObject) []*widget.Select {
	var found []*widget.Select
	deepWalk(root, func(o fyne.CanvasObject) {
		if s, ok := o.(*widget.Select); ok {
			found = append(found, s)
			return
		}
		if v := reflect.ValueOf(o); v.Kind() == reflect.Pointer && v.Elem().Kind() == reflect.Struct {
			if f := v.Elem().FieldByName("Select"); f.IsValid() && f.Type() == reflect.TypeOf(widget.Select{}) {
				found = append(found, f.Addr().Interface().(*widget.Select))
			}
		}
	})
	return found
}

func selectWith(t *testing.T, root fyne.CanvasObject, ok func(*widget.Select) bool) *widget.Select {
	t.Helper()
	for _, s := range selectsIn(root) {
		if ok(s) {
			return s
		}
	}
	t.Fatal("no such drop-down")
	return nil
}
