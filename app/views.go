package app

import (
	"valueflow/canvas/scene"
	"valueflow/model"
)

// refreshView rebuilds the analysis tab on screen, if one is, from a copy of
// the map: those views lay out in the background while the user edits on.
func (mw *mainWindow) refreshView() {
	if mw.tabs == nil || mw.doc == nil {
		return
	}
	current := mw.tabs.Selected()
	var name string
	for n, item := range mw.views {
		if item == current {
			name = n
		}
	}
	if name == "" {
		return
	}
	m := mw.doc.m().Clone()
	sc := mw.doc.current().ID
	fromAnalysis := func(t scene.Target) {
		mw.selected = t
		mw.fixSelection()
		mw.showInspector()
	}
	switch name {
	case "Network":
		if mw.network == nil {
			mw.network = NewNetworkView(m, sc, fromAnalysis)
			current.Content = mw.network
		} else {
			mw.network.SetMap(m, sc)
		}
	case "Stakeholder grid":
		current.Content = NewGridView(m, fromAnalysis, func(id model.ID, influence, interest int) {
			if s := mw.doc.m().Stakeholder(id); s != nil {
				c := *s
				c.Influence, c.Interest = influence, interest
				mw.do(model.UpdateStakeholder(c))
			}
		})
	case "Roles over time":
		current.Content = NewRolesView(m, sc, fromAnalysis)
	case "Insights":
		current.Content = NewInsightsView(m, sc, func(t scene.Target) {
			// A finding's link shows its place on the board.
			mw.tabs.SelectIndex(0)
			mw.selectTarget(t)
		})
	}
	mw.tabs.Refresh()
}
