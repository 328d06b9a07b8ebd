package app

import (
	"valueflow/canvas/scene"
	"valueflow/model"
	"valueflow/model/analysis"
)

// showFindingPlaces follows the link of a finding in the Insights: the
// board, with every card the finding names selected (the two leads of a
// step, both ends of a hand-off, the informed card and the lead of the
// next step), scrolled so they are in view, or at least the first when
// they do not fit together. A finding of one card or none selects its
// place as findingTarget says (a card, else a step, else a stakeholder).
func (mw *mainWindow) showFindingPlaces(f analysis.Finding) {
	sc := mw.doc.current()
	var cards []model.ID
	for _, id := range f.Contributions {
		if sc.Contribution(id) != nil {
			cards = append(cards, id)
		}
	}
	if len(cards) < 2 {
		mw.showFinding(findingTarget(f))
		return
	}
	mw.tabs.SelectIndex(0)
	mw.selectCards(cards, cards[0])
	if mw.scene == nil {
		return
	}
	var all, first scene.Rect
	found := false
	for _, it := range mw.scene.Items {
		if it.Box == nil || it.Target.Kind != model.EntityContribution {
			continue
		}
		for i, id := range cards {
			if it.Target.ID != id {
				continue
			}
			if i == 0 {
				first = it.Box.Rect
			}
			if !found {
				all, found = it.Box.Rect, true
			} else {
				all = rectUnion(all, it.Box.Rect)
			}
		}
	}
	if !found {
		return
	}
	mw.board.ShowRect(all)
	if !mw.board.InView(first) {
		mw.board.ShowRect(first)
	}
}

// rectUnion is the smallest rectangle holding a and b.
func rectUnion(a, b scene.Rect) scene.Rect {
	x0, y0 := min(a.X, b.X), min(a.Y, b.Y)
	x1, y1 := max(a.X+a.W, b.X+b.W), max(a.Y+a.H, b.Y+b.H)
	return scene.Rect{X: x0, Y: y0, W: x1 - x0, H: y1 - y0}
}
