package app

import (
	"sync"

	"fyne.io/fyne/v2"

	"valueflow/canvas/scene"
	"valueflow/model"
)

// analysisState is what the analysis tabs of a window show: each view is
// rebuilt when the map changed since it was drawn (an edit, another
// scenario or document) and otherwise only follows the selection.
type analysisState struct {
	doc   *document
	edits int // edits seen on doc (its editor's OnChange)
	shown map[string]viewVersion
	grid  *GridView
	roles *RolesView
	facts *InsightsView
	// The network's what-if and coalition filter, shown on the board too.
	without, coalition model.ID
}

type viewVersion struct {
	doc      *document
	edits    int
	scenario model.ID
}

// The state lives beside the window rather than in it, so the views keep
// their own bookkeeping.
var (
	analysisMu     sync.Mutex
	analysisStates = map[*mainWindow]*analysisState{}
)

func (mw *mainWindow) analysis() *analysisState {
	analysisMu.Lock()
	defer analysisMu.Unlock()
	st := analysisStates[mw]
	if st == nil {
		st = &analysisState{}
		analysisStates[mw] = st
	}
	if st.doc != mw.doc {
		// Another document: new views, no what-if, no filter; count its edits.
		*st = analysisState{doc: mw.doc, shown: map[string]viewVersion{}}
		if mw.doc != nil {
			prev := mw.doc.editor.OnChange
			mw.doc.editor.OnChange = func(c model.Command) {
				st.edits++
				if prev != nil {
					prev(c)
				}
			}
		}
	}
	return st
}

// boardFilter is the what-if and coalition filter the board shows: those
// chosen in the network view of this document.
func (mw *mainWindow) boardFilter() (without, coalition model.ID) {
	analysisMu.Lock()
	st := analysisStates[mw]
	analysisMu.Unlock()
	if st == nil || st.doc != mw.doc {
		return "", ""
	}
	return st.without, st.coalition
}

// selectedStakeholder is the stakeholder the selection stands for in the
// network and the grid: the selected one, or the lane of a selected card.
func (mw *mainWindow) selectedStakeholder() model.ID {
	switch mw.selected.Kind {
	case model.EntityStakeholder:
		return mw.selected.ID
	case model.EntityContribution:
		if c := mw.doc.current().Contribution(mw.selected.ID); c != nil {
			return c.Stakeholder
		}
	}
	return ""
}

// refreshView brings the analysis tab on screen, if one is, up to date: a
// new drawing after a change of the map, else the selection only. The
// views get a copy of the map: they lay out in the background while the
// user edits on.
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
	st := mw.analysis()
	sc := mw.doc.current().ID
	version := viewVersion{doc: mw.doc, edits: st.edits, scenario: sc}
	changed := st.shown[name] != version
	st.shown[name] = version
	// A view made anew after an edit starts from a copy taken now.
	var copied *model.Map
	m := func() *model.Map {
		if copied == nil {
			copied = mw.doc.m().Clone()
		}
		return copied
	}
	// What is selected in a view is selected in the window: the board
	// highlights its lane, the inspector shows it.
	fromAnalysis := func(t scene.Target) { mw.selectTarget(t) }
	who := mw.selectedStakeholder()
	switch name {
	case "Network":
		if mw.network == nil {
			mw.network = newNetworkView(m(), sc, fromAnalysis, mw.app.Preferences(), mw.doc.file.Path(), st.coalition)
			mw.network.OnWhatIf = func(id model.ID) {
				st.without = id
				mw.refresh()
			}
			mw.network.OnCoalition = func(id model.ID) {
				st.coalition = id
				mw.refresh()
			}
			current.Content = mw.network
		}
		// The selection first: SetMap starts a layout in the background.
		mw.network.SetSelected(who)
		if changed {
			mw.network.SetMap(m(), sc)
		}
	case "Stakeholder grid":
		if st.grid == nil {
			st.grid = NewGridView(m(), fromAnalysis, mw.moveOnGrid)
			current.Content = st.grid
		} else if changed {
			st.grid.SetMap(m())
		}
		st.grid.SetSelected(who)
	case "Roles over time":
		if st.roles == nil {
			st.roles = NewRolesView(m(), sc, fromAnalysis)
			current.Content = st.roles
		} else if changed {
			st.roles.SetMap(m(), sc)
		}
	case "Insights":
		if st.facts == nil {
			st.facts = newInsightsView(mw.showFinding)
			st.facts.onFinding = mw.showFindingPlaces // app/finding_links.go
			current.Content = st.facts
			changed = true
		}
		// The tab first, then the analysis in the background (about a
		// second on an XL map): nothing here touches the view while it
		// runs, and Fyne's test driver brings its result at once.
		mw.tabs.Refresh()
		if changed {
			st.facts.SetMap(m(), sc)
		}
		return
	}
	mw.tabs.Refresh()
}

// The View menu's coalition filter, per window (made once with the menu).
var (
	coalitionMenuMu sync.Mutex
	coalitionMenus  = map[*mainWindow]*fyne.MenuItem{}
)

// coalitionFilterItem is the View menu's "Filter by Coalition": the same
// filter as the network view's, which the board shows too.
func (mw *mainWindow) coalitionFilterItem() *fyne.MenuItem {
	item := fyne.NewMenuItem(T("Filter by Coalition"), nil)
	item.ChildMenu = fyne.NewMenu("")
	coalitionMenuMu.Lock()
	coalitionMenus[mw] = item
	coalitionMenuMu.Unlock()
	mw.updateCoalitionMenu()
	return item
}

// updateCoalitionMenu lists the map's coalitions under "Filter by
// Coalition", the one filtered by checked; without coalitions it is off.
func (mw *mainWindow) updateCoalitionMenu() {
	coalitionMenuMu.Lock()
	item := coalitionMenus[mw]
	coalitionMenuMu.Unlock()
	if item == nil || mw.doc == nil {
		return
	}
	m := mw.doc.m()
	_, current := mw.boardFilter()
	if m.Coalition(current) == nil {
		current = ""
	}
	choose := func(id model.ID) func() { return func() { mw.setCoalitionFilter(id) } }
	items := []*fyne.MenuItem{{Label: T("(all)"), Checked: current == "", Action: choose("")}}
	for _, c := range m.Coalitions {
		items = append(items, &fyne.MenuItem{Label: c.Name, Checked: current == c.ID, Action: choose(c.ID)})
	}
	item.ChildMenu.Items = items
	item.Disabled = len(m.Coalitions) == 0
}

// setCoalitionFilter filters the board and the network by a coalition
// (empty: none), as the network view's choice does.
func (mw *mainWindow) setCoalitionFilter(id model.ID) {
	st := mw.analysis()
	st.coalition = id
	if mw.network != nil {
		mw.network.setCoalition(id)
	}
	mw.refresh()
}

// moveOnGrid sets a stakeholder's influence and interest (a dot dropped on
// another cell of the grid): one undoable command.
func (mw *mainWindow) moveOnGrid(id model.ID, influence, interest int) {
	s := mw.doc.m().Stakeholder(id)
	if s == nil || s.Influence == influence && s.Interest == interest {
		return
	}
	c := *s
	c.Influence, c.Interest = influence, interest
	mw.do(model.UpdateStakeholder(c))
}

// showFinding follows a finding's link: the board, with its place selected
// and scrolled into view.
func (mw *mainWindow) showFinding(t scene.Target) {
	mw.tabs.SelectIndex(0)
	mw.selectTarget(t)
	if mw.scene == nil {
		return
	}
	for _, it := range mw.scene.Items {
		if it.Target == t && it.Box != nil {
			mw.board.ShowRect(it.Box.Rect)
			return
		}
	}
}
