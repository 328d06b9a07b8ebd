package app

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"

	"valueflow/canvas/scene"
	"valueflow/model"
	"valueflow/model/analysis"
)

// TestAFindingsLinkSelectsEveryCardItNames: following "two leads" selects
// both lead cards, a hand-off across organisations both of its ends: the
// board shows them all selected (none dimmed) and in view, the first in
// the inspector. A finding of one card still selects just that card.
func TestAFindingsLinkSelectsEveryCardItNames(t *testing.T) {
	mw, _ := openSample(t)
	sc := mw.doc.current()
	// The district nurse leads the transfer with the transfer nurse (c10).
	fyne.DoAndWait(func() {
		mw.do(model.AddContribution(sc.ID, model.Contribution{ID: "c99", Step: "st3", Stakeholder: "sh8", Value: "Overdracht voorbereiden", Role: model.RoleLead}))
	})
	fyne.DoAndWait(func() { mw.tabs.Select(mw.views["Insights"]) })
	facts := mw.analysis().facts
	settle(facts)
	follow := func(kind string, cards int) analysis.Finding {
		t.Helper()
		for i, f := range facts.res.Findings {
			if f.Kind == kind && len(f.Contributions) == cards {
				fyne.DoAndWait(func() { mw.tabs.Select(mw.views["Insights"]) })
				fyne.DoAndWait(func() { facts.list.Select(i) })
				return f
			}
		}
		t.Fatalf("no %s finding of %d cards", kind, cards)
		return analysis.Finding{}
	}
	for _, kind := range []string{analysis.KindTwoLeads, analysis.KindCrossOrganisation} {
		t.Run(kind, func(t *testing.T) {
			f := follow(kind, 2)
			if mw.tabs.SelectedIndex() != 0 {
				t.Fatal("the board is not shown")
			}
			if got := mw.selectedCards(); !slices.Equal(got, f.Contributions) {
				t.Errorf("selected %v, want %v", got, f.Contributions)
			}
			if mw.selected != (scene.Target{Kind: model.EntityContribution, ID: f.Contributions[0]}) {
				t.Errorf("the inspector shows %+v, want the first card %s", mw.selected, f.Contributions[0])
			}
			if marked := mw.board.Marked(); !slices.Equal(marked, f.Contributions) {
				t.Errorf("the board draws %v selected, want %v", marked, f.Contributions)
			}
			for _, it := range mw.board.Scene().Items {
				if it.Target.Kind == model.EntityContribution && it.Box != nil && slices.Contains(f.Contributions, it.Target.ID) {
					if it.Emphasis == scene.Dimmed {
						t.Errorf("%s is dimmed", it.Target.ID)
					}
					if !mw.board.InView(it.Box.Rect) {
						t.Errorf("%s is not in view", it.Target.ID)
					}
				}
			}
		})
	}
	t.Run("one card", func(t *testing.T) {
		f := follow(analysis.KindUnconnectedCard, 1)
		if got := mw.selectedCards(); !slices.Equal(got, f.Contributions) || len(mw.board.Marked()) != 0 {
			t.Errorf("selected %v, marked %v; want only %v", got, mw.board.Marked(), f.Contributions)
		}
	})
}
