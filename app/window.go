package app

import (
	"fmt"
	"reflect"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"valueflow/canvas"
	"valueflow/canvas/scene"
	"valueflow/model"
)

// mainWindow is the application window: toolbar, the views in tabs, the
// inspector on the right and a status line.
type mainWindow struct {
	app fyne.App
	win fyne.Window
	doc *document

	selected scene.Target

	board     *canvas.Board
	tabs      *container.AppTabs
	views     map[string]*container.TabItem
	inspector *fyne.Container
	status    *widget.Label
	banner    *fyne.Container
	scenarios *widget.Select
	undoItem  *fyne.MenuItem
	redoItem  *fyne.MenuItem
	mainMenu  *fyne.MainMenu
	network   *NetworkView
	scene     *scene.Scene // what the board shows now
	// early is the board laid out ahead while the window is built.
	early *earlyLayout
	// holdInspector leaves the inspector empty until the first frame.
	holdInspector bool
	// shown is what the board's scene was laid out or refocused with.
	shown    scene.BoardOptions
	realTime bool // column widths follow the days of the steps
	// sel: multi-selection, keyboard cursor, copied cards (board_gestures.go).
	sel boardSelection

	// saveProblem, above the status line, says why saving fails while it
	// does (saveProblemText); hidden otherwise. statusCounts is the status
	// line's counts as last shown.
	saveProblem     *fyne.Container
	saveProblemText *widget.Label
	statusCounts    string

	// onChange is called after every refresh (tests wait on it).
	onChange func()
}

// newMainWindow builds the window's content for doc.
func newMainWindow(a fyne.App, w fyne.Window, doc *document) *mainWindow {
	loadTranslations()
	installLazyWriters()
	mw := &mainWindow{app: a, win: w, views: map[string]*container.TabItem{}}
	// The board of the map is laid out on the other core while the rest of
	// the window is built: it is on the way to the first frame.
	mw.early = layoutAhead(doc, scene.BoardOptions{Translate: T})
	mw.board = canvas.NewBoard()
	mw.board.OnSelect = mw.selectTarget
	mw.board.OnDoubleTap = func(t scene.Target, at scene.Point) {
		mw.selectTarget(t)
		mw.editInPlace(t, at)
	}
	mw.board.OnContextMenu = mw.showContextMenu
	mw.board.OnTypedKey = mw.boardKey
	// Direct manipulation: each gesture is one undoable command.
	mw.board.OnMoveCard = func(card, step, lane model.ID) {
		sc := mw.doc.current()
		if c := sc.Contribution(card); c != nil && (c.Step != step || c.Stakeholder != lane) {
			moved := *c
			moved.Step, moved.Stakeholder = step, lane
			mw.do(model.UpdateContribution(sc.ID, moved))
		}
	}
	mw.board.OnConnect = func(from, to model.ID) {
		id := mw.doc.m().NewID("f")
		if mw.do(model.AddFlow(mw.doc.current().ID, model.Flow{ID: id, From: from, To: to, Kind: model.FlowHandOff, Criticality: model.CriticalityNormal})) {
			mw.selectTarget(scene.Target{Kind: model.EntityFlow, ID: id})
		}
	}
	mw.wireBoardGestures()
	mw.inspector = container.NewVBox()
	mw.status = widget.NewLabel("")
	mw.status.Truncation = fyne.TextTruncateEllipsis
	mw.saveProblemText = widget.NewLabel("")
	mw.saveProblemText.Truncation = fyne.TextTruncateEllipsis
	mw.saveProblemText.Importance = widget.DangerImportance
	mw.saveProblem = container.NewBorder(nil, nil, widget.NewIcon(theme.ErrorIcon()), nil, mw.saveProblemText)
	mw.saveProblem.Hide()
	mw.banner = container.NewVBox()
	mw.scenarios = newSelect(nil, func(string) { mw.switchScenario(mw.scenarios.SelectedIndex()) })

	// The tabs made at once: each Append would lay the tab bar out again.
	// The analysis views are built when their tab is first shown.
	items := []*container.TabItem{container.NewTabItemWithIcon(T("Journey board"), theme.GridIcon(), mw.board)}
	for _, name := range []string{"Network", "Stakeholder grid", "Roles over time", "Insights"} {
		item := container.NewTabItem(T(name), widget.NewLabel(""))
		mw.views[name] = item
		items = append(items, item)
	}
	mw.tabs = container.NewAppTabs(items...)
	mw.tabs.OnSelected = func(*container.TabItem) { mw.refreshView() }

	split := container.NewHSplit(mw.tabs, newInspectorPane(container.NewPadded(mw.inspector)))
	split.Offset = 0.74
	top := container.NewVBox(mw.toolbar(), mw.banner)
	w.SetContent(container.NewBorder(top, container.NewVBox(mw.saveProblem, mw.status), nil, nil, split))
	mw.makeMenu()
	mw.addShortcuts()
	mw.addClipboardShortcuts()
	if _, ok := a.Driver().(desktop.Driver); ok {
		// On the desktop the board comes first: the inspector is filled
		// in once the first frame is on the screen (its pane keeps its
		// width, so nothing moves when it is).
		mw.inspectorAfterFirstFrame()
	}
	mw.setDocument(doc)
	return mw
}

// inspectorAfterFirstFrame leaves the inspector empty until the window's
// first frame is drawn, then fills it.
func (mw *mainWindow) inspectorAfterFirstFrame() {
	mw.holdInspector = true
	afterFirstFrame(mw.win, func() {
		fyne.Do(func() {
			mw.holdInspector = false
			mw.showInspector()
		})
	})
}

// setDocument shows another map in the window, closing the previous one.
func (mw *mainWindow) setDocument(doc *document) {
	if mw.doc != nil && mw.doc != doc {
		mw.doc.close()
	}
	mw.doc = doc
	mw.selected = scene.Target{}
	mw.network = nil
	doc.editor.OnChange = func(model.Command) {}
	doc.saves.onSave = mw.showSaveState
	mw.banner.RemoveAll()
	if doc.file.ReadOnly() {
		notice := widget.NewLabelWithStyle(T("This file is read-only: you can look and export, and use Save As to keep changes in a copy."), fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
		notice.Wrapping = fyne.TextWrapWord
		mw.banner.Add(container.NewBorder(nil, nil, widget.NewIcon(theme.WarningIcon()), nil, notice))
	}
	mw.refresh()
}

func (mw *mainWindow) readOnly() bool { return mw.doc.file.ReadOnly() }

// do runs one edit: applied, saved at once, undoable. Problems are shown to
// the user; the map stays as it was.
func (mw *mainWindow) do(c model.Command) bool {
	if mw.readOnly() {
		mw.showError(fmt.Errorf("%s", T("error.read-only")))
		return false
	}
	if err := mw.doc.editor.Do(c); err != nil {
		mw.showError(err)
		return false
	}
	mw.refreshAfter(c)
	return true
}

func (mw *mainWindow) undo() {
	if c, ok, err := mw.doc.editor.Undo(); err != nil {
		mw.showError(err)
	} else if ok {
		mw.fixSelection()
		mw.refreshAfter(c)
	}
}

func (mw *mainWindow) redo() {
	if c, ok, err := mw.doc.editor.Redo(); err != nil {
		mw.showError(err)
	} else if ok {
		mw.fixSelection()
		mw.refreshAfter(c)
	}
}

// fixSelection clears the selection when its element no longer exists.
func (mw *mainWindow) fixSelection() {
	if mw.selected.ID != "" && !mw.exists(mw.selected) {
		mw.selected = scene.Target{}
	}
}

func (mw *mainWindow) exists(t scene.Target) bool {
	m, sc := mw.doc.m(), mw.doc.current()
	switch t.Kind {
	case model.EntityStakeholder:
		return m.Stakeholder(t.ID) != nil
	case model.EntityStep:
		return sc.Step(t.ID) != nil
	case model.EntityContribution:
		return sc.Contribution(t.ID) != nil
	case model.EntityFlow:
		return sc.Flow(t.ID) != nil
	case model.EntityRelationship:
		return m.Relationship(t.ID) != nil
	case model.EntityCoalition:
		return m.Coalition(t.ID) != nil
	}
	return false
}

func (mw *mainWindow) showError(err error) {
	msg := errorMessage(mw.doc.m(), err)
	d := dialog.NewError(fmt.Errorf("%s", msg), mw.win)
	d.Show()
}

// selectTarget selects t: the board shows its focus without laying itself
// out again, the inspector shows t.
func (mw *mainWindow) selectTarget(t scene.Target) {
	mw.selected = t
	mw.fixSelection()
	if !mw.refocus() {
		mw.refresh()
		return
	}
	mw.refreshPanels()
}

// refresh lays the board out again and brings the rest of the window up to
// date: after any change that may move things on the board.
func (mw *mainWindow) refresh() {
	m := mw.doc.m()
	sc := mw.doc.current()
	var geom *scene.BoardGeometry
	opt := mw.boardOptions()
	if s, g, ok := mw.early.take(mw.doc, opt); ok {
		mw.scene, geom = s, g
	} else {
		mw.scene, geom = scene.BoardLayout(m, sc.ID, opt)
	}
	mw.early = nil
	mw.shown = opt
	mw.board.SetBoard(mw.scene, geom)
	mw.refreshPanels()
}

// refreshAfter brings the window up to date after the edit c. An edit of a
// card's own fields (its text, role, capital, evidence) redraws that card
// in place, the common edit on a large map; any other edit, or one that
// changes the card's size, lays the board out again.
func (mw *mainWindow) refreshAfter(c model.Command) {
	if card, ok := cardEdit(c, mw.doc.current().ID); ok && mw.redrawCard(card) {
		mw.refreshPanels()
		return
	}
	mw.refresh()
}

// cardEdit returns the card c changes when it changes one card and nothing else.
func cardEdit(c model.Command, scenario model.ID) (model.ID, bool) {
	refs := c.Touches()
	if len(refs) != 1 || refs[0].Kind != model.EntityContribution || refs[0].Scenario != scenario {
		return "", false
	}
	return refs[0].ID, true
}

// redrawCard redraws one card on the board as it is now in the map; false
// when that needs a new layout (scene.UpdateCard).
func (mw *mainWindow) redrawCard(card model.ID) bool {
	if mw.scene == nil || mw.board.Scene() != mw.scene {
		return false
	}
	opt := mw.boardOptions()
	if opt.Without != "" {
		// A what-if marks the steps its stakeholder leaves without a
		// lead: a card's role decides that.
		return false
	}
	if !scene.UpdateCard(mw.scene, mw.board.Geometry(), mw.doc.m(), mw.doc.current().ID, card, opt) {
		return false
	}
	if !mw.refocus() {
		return false
	}
	mw.board.Refresh()
	return true
}

// refocus shows the selection on the board as it is laid out
// (scene.Refocus), when it is not the one shown; false when the board needs
// a new layout for it.
func (mw *mainWindow) refocus() bool {
	if mw.scene == nil || mw.board.Scene() != mw.scene {
		return false
	}
	opt, shown := mw.boardOptions(), mw.shown
	if opt.RealTime != shown.RealTime || opt.Without != shown.Without || opt.Coalition != shown.Coalition {
		return false // laid out for another view of the map
	}
	if opt.Selected == shown.Selected && opt.NoFocus == shown.NoFocus {
		return true
	}
	if !scene.Refocus(mw.scene, mw.board.Geometry(), mw.doc.m(), mw.doc.current().ID, opt) {
		return false
	}
	mw.shown = opt
	mw.board.Refresh()
	return true
}

// refreshPanels brings everything but the board's layout up to date: the
// title, the scenario selector, the selection marks on the board, the
// inspector, the menus, the status line and a visible analysis view.
func (mw *mainWindow) refreshPanels() {
	m := mw.doc.m()
	sc := mw.doc.current()
	// What has not changed is left alone: a label set again lays its text
	// out again, which on every click adds up.
	if t := mw.title(); mw.win.Title() != t {
		mw.win.SetTitle(t)
	}
	if labels, i := scenarioLabels(m), indexOfScenario(m, sc.ID); !slices.Equal(labels, mw.scenarios.Options) || i != mw.scenarios.SelectedIndex() {
		mw.scenarios.Options = labels
		mw.scenarios.SetSelectedIndex(i)
	}
	mw.showSelectionOnBoard()
	if !mw.holdInspector {
		mw.showInspector()
	}
	mw.updateMenus()
	mw.statusCounts = statusLine(m, sc)
	mw.showSaveState()
	mw.refreshView()
	if mw.onChange != nil {
		mw.onChange()
	}
}

// showSaveState ends the status line with how the map is saved: "saved
// automatically", "read-only", or, from a failed save until one succeeds
// again, "last change not saved" with the failure's message on a line of
// its own above (which an export's or a gesture's passing message on the
// status line does not cover). A save calls it before the editor takes a
// refused edit back out of the map, so the counts are the ones shown last.
func (mw *mainWindow) showSaveState() {
	state := T("saved automatically")
	err := mw.doc.saveError()
	switch {
	case err != nil:
		state = T("last change not saved")
	case mw.readOnly():
		state = T("read-only")
	}
	if line := mw.statusCounts + " · " + state; mw.status.Text != line {
		mw.status.SetText(line)
	}
	if err == nil {
		mw.saveProblem.Hide()
		return
	}
	if msg := errorMessage(mw.doc.m(), err); mw.saveProblemText.Text != msg {
		mw.saveProblemText.SetText(msg)
	}
	mw.saveProblem.Show()
}

// earlyLayout is a board being laid out in the background.
type earlyLayout struct {
	doc      *document
	scenario model.ID
	opt      scene.BoardOptions
	done     chan struct{}
	s        *scene.Scene
	g        *scene.BoardGeometry
}

// layoutAhead starts laying out the board of doc's scenario with opt. The
// map must not change until take.
func layoutAhead(doc *document, opt scene.BoardOptions) *earlyLayout {
	e := &earlyLayout{doc: doc, scenario: doc.current().ID, opt: opt, done: make(chan struct{})}
	m := doc.m()
	go func() {
		defer close(e.done)
		e.s, e.g = scene.BoardLayout(m, e.scenario, opt)
	}()
	return e
}

// take waits for the layout and returns it when it is what the board of
// doc needs with opt now.
func (e *earlyLayout) take(doc *document, opt scene.BoardOptions) (*scene.Scene, *scene.BoardGeometry, bool) {
	if e == nil {
		return nil, nil, false
	}
	<-e.done
	a, b := e.opt, opt
	a.Translate, b.Translate = nil, nil // both T; funcs do not compare
	if e.doc != doc || doc.current().ID != e.scenario || !reflect.DeepEqual(a, b) {
		return nil, nil, false
	}
	return e.s, e.g, true
}

// boardOptions is how the board shows the map now.
func (mw *mainWindow) boardOptions() scene.BoardOptions {
	opt := scene.BoardOptions{Selected: mw.selected, Translate: T, RealTime: mw.realTime, NoFocus: mw.multiSelected()}
	opt.Without, opt.Coalition = mw.boardFilter() // the network view's what-if and coalition (views.go)
	return opt
}

func indexOfScenario(m *model.Map, id model.ID) int {
	for i, s := range m.Scenarios {
		if s.ID == id {
			return i
		}
	}
	return 0
}

func (mw *mainWindow) title() string {
	t := "Valueflow — " + baseName(mw.doc.file.Path())
	if mw.readOnly() {
		t += " " + T("(read-only)")
	}
	return t
}

// switchScenario shows the scenario at index i of the map's list. Setting
// the selector's index calls it too, so it does nothing for the scenario
// already shown (otherwise refresh and switch would call each other).
func (mw *mainWindow) switchScenario(i int) {
	scenarios := mw.doc.m().Scenarios
	if i < 0 || i >= len(scenarios) || scenarios[i].ID == mw.doc.scenario {
		return
	}
	mw.doc.scenario = scenarios[i].ID
	mw.selected = scene.Target{}
	mw.refresh()
}

// scenarioLabels names the scenarios for the selector. Fyne's Select finds
// its index by label, so two scenarios with the same name get a number.
func scenarioLabels(m *model.Map) []string {
	labels := make([]string, len(m.Scenarios))
	seen := map[string]int{}
	for i, s := range m.Scenarios {
		seen[s.Name]++
		labels[i] = s.Name
		if n := seen[s.Name]; n > 1 {
			labels[i] = fmt.Sprintf("%s (%d)", s.Name, n)
		}
	}
	return labels
}
