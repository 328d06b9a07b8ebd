package app

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"valueflow/canvas/scene"
	"valueflow/model"
	"valueflow/model/analysis"
)

// The analysis views (network, grid, roles, insights) draw scenes from
// canvas/scene through a sceneCanvas, so screen and print look the same.

// NetworkView is the network tab: engine, measure, step range, what-if and
// coalition controls above the network. Analysis and layout run off the UI
// goroutine with a progress bar; a newer request cancels an older one.
// Graphviz runs once per network and engine (a new layout starts from the
// positions on the screen, so it stays close to them); another measure, a
// dropped node or a new selection only redraws.
type NetworkView struct {
	widget.BaseWidget
	// OnSelect is called with the target of a tapped node, edge or
	// coalition (an empty target for empty space).
	OnSelect func(scene.Target)
	// OnWhatIf and OnCoalition are called when the user picks a
	// stakeholder to leave out or a coalition to filter by (empty: none),
	// so the board can show the same.
	OnWhatIf, OnCoalition func(model.ID)

	view                         *sceneCanvas
	engine, sizeBy               *widget.Select
	from, to, without, coalition *widget.Select
	progress                     *widget.ProgressBarInfinite
	progressBox                  *fyne.Container // the bar as wide as a button
	status                       *widget.Label
	content                      fyne.CanvasObject
	m                            *model.Map
	scenario                     model.ID
	selected                     model.ID
	prefs                        fyne.Preferences
	prefsKey                     string // where this map's placed nodes are kept

	mu sync.Mutex
	// raw holds Graphviz's positions by layout key (NetworkLayout.Key):
	// the slow part, done once per network and engine.
	raw map[string]map[model.ID]scene.Point
	// cache holds the positions drawn by layout key (the entry of what is
	// on the screen, layoutKey, includes the nodes dropped since).
	cache     map[string]map[model.ID]scene.Point
	layoutKey string
	// moved stays empty: a dropped node is in the cache entry itself. It
	// is kept for code that adds it to those positions.
	moved map[model.ID]scene.Point
	// pinned are the nodes the user placed, per engine (each lays out in
	// its own frame); every layout keeps them where they were put.
	pinned map[scene.Engine]map[model.ID]scene.Point
	// drawn is, per engine, where the nodes were when the user last placed
	// one (kept with the map): the first layout starts from there.
	drawn      map[scene.Engine]map[model.ID]scene.Point
	drawnFor   map[scene.Engine]string // digest of the layout key of drawn
	shown      networkShown
	cancel     context.CancelFunc
	generation int
	// pending counts background rebuilds, so tests can wait for them.
	pending sync.WaitGroup
	// analyse is analysis.Analyze (a test holds it back to see the view
	// while it runs).
	analyse func(*model.Map, analysis.Options) (*analysis.Result, error)

	stepIDs, stakeholderIDs, coalitionIDs []model.ID
	stepNames, stakeholderNms             []string
}

// networkShown is what the network on the screen was drawn from.
type networkShown struct {
	m    *model.Map
	res  *analysis.Result
	opt  analysis.Options
	nopt scene.NetworkOptions // with Positions
	key  string
}

// engineLabel is the user's word for a layout engine.
func engineLabel(e scene.Engine) string {
	switch e {
	case scene.FDP:
		return T("engine.fdp")
	case scene.Dot:
		return T("engine.dot")
	}
	return T("engine.neato")
}

// measureLabel is the user's word for a measure nodes are sized by.
func measureLabel(m string) string {
	switch m {
	case scene.SizeByDegree:
		return T("degree")
	case scene.SizeByCloseness:
		return T("closeness")
	case scene.SizeByFlows:
		return T("flows")
	}
	return T("betweenness")
}

// NewNetworkView returns the network tab for m's scenario. The nodes the
// user places are kept in prefs under path (the map file), so they are
// there the next time the map is opened; nil prefs keeps them only while
// the view lives.
func NewNetworkView(m *model.Map, scenario model.ID, onSelect func(scene.Target), prefs fyne.Preferences, path string) *NetworkView {
	return newNetworkView(m, scenario, onSelect, prefs, path, "")
}

// newNetworkView is NewNetworkView with a coalition filter chosen already
// (in the View menu), in place before the first layout starts.
func newNetworkView(m *model.Map, scenario model.ID, onSelect func(scene.Target), prefs fyne.Preferences, path string, coalition model.ID) *NetworkView {
	v := &NetworkView{OnSelect: onSelect, raw: map[string]map[model.ID]scene.Point{}, cache: map[string]map[model.ID]scene.Point{}, moved: map[model.ID]scene.Point{},
		pinned: map[scene.Engine]map[model.ID]scene.Point{}, drawn: map[scene.Engine]map[model.ID]scene.Point{}, drawnFor: map[scene.Engine]string{}, prefs: prefs,
		analyse: analysis.Analyze}
	if prefs != nil && path != "" {
		if abs, err := filepath.Abs(path); err == nil {
			path = abs
		}
		v.prefsKey = "network.placed:" + path
		v.loadPinned()
	}
	v.view = newSceneCanvas(func(t scene.Target) {
		if t.Kind == model.EntityStakeholder || t.ID == "" {
			v.SetSelected(t.ID)
		}
		if v.OnSelect != nil {
			v.OnSelect(t)
		}
	})
	v.view.pending = &v.pending
	// Dragging a node moves it and pins it there: every later layout (an
	// edit, another measure or step range) keeps it where it was put.
	v.view.canDrag = stakeholderTarget
	v.view.onDrag = func(t scene.Target, from, to scene.Point) { v.dragNode(t.ID, from, to, false) }
	v.view.onDrop = func(t scene.Target, from, to scene.Point) { v.dragNode(t.ID, from, to, true) }
	engines := make([]string, len(scene.Engines))
	for i, e := range scene.Engines {
		engines[i] = engineLabel(e)
	}
	v.engine = newSelect(engines, func(string) { v.rebuild() })
	measures := make([]string, len(scene.SizeByMeasures))
	for i, s := range scene.SizeByMeasures {
		measures[i] = measureLabel(s)
	}
	v.sizeBy = newSelect(measures, func(string) { v.rebuild() })
	v.from = newSelect(nil, func(string) { v.rebuild() })
	v.to = newSelect(nil, func(string) { v.rebuild() })
	// The board hears of a what-if first, then the layout starts: nothing
	// on the screen changes while it runs (Fyne's test driver runs its
	// fyne.Do on the layout's goroutine).
	v.without = newSelect(nil, func(string) {
		if v.OnWhatIf != nil {
			v.OnWhatIf(v.withoutID())
		}
		v.rebuild()
	})
	v.coalition = newSelect(nil, func(string) {
		v.redraw()
		if v.OnCoalition != nil {
			v.OnCoalition(v.coalitionID())
		}
	})
	v.progress = widget.NewProgressBarInfinite()
	v.progress.Hide()
	// As wide as a button, where it reads as one (at its least width it
	// was a blue square), as in the Insights.
	v.progressBox = container.NewGridWrap(fyne.NewSize(160, v.progress.MinSize().Height), v.progress)
	v.progressBox.Hide()
	v.status = widget.NewLabel("")
	v.status.Wrapping = fyne.TextWrapWord
	// Two rows, each select as wide as its longest choice (up to a limit),
	// so no choice is cut off on a laptop screen.
	bar := container.NewVBox(
		container.NewHBox(widget.NewLabel(T("Layout")), wide(v.engine), widget.NewLabel(T("Size by")), wide(v.sizeBy),
			widget.NewLabel(T("Coalition")), wide(v.coalition),
			widget.NewButtonWithIcon("", theme.ZoomFitIcon(), func() { v.view.board.ZoomFit() }), v.progressBox),
		container.NewHBox(widget.NewLabel(T("Steps")), wide(v.from), widget.NewLabel(T("to")), wide(v.to),
			widget.NewLabel(T("Without")), wide(v.without)))
	v.content = container.NewBorder(container.NewHScroll(bar), v.status, nil, nil, v.view)
	v.ExtendBaseWidget(v)
	if coalition != "" {
		// SetMap keeps the chosen coalition by id.
		v.coalitionIDs, v.coalition.Options, v.coalition.Selected = []model.ID{coalition}, []string{string(coalition)}, string(coalition)
	}
	v.SetMap(m, scenario)
	return v
}

// setCoalition shows a coalition filter chosen elsewhere (the View menu;
// empty: none) without calling OnCoalition, and redraws.
func (v *NetworkView) setCoalition(id model.ID) {
	i := 0
	for k, x := range v.coalitionIDs {
		if x == id {
			i = k
		}
	}
	if i < len(v.coalition.Options) {
		v.coalition.Selected = v.coalition.Options[i]
		v.coalition.Refresh()
	}
	v.redraw()
}

func (v *NetworkView) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(v.content)
}

// wide gives a select the width of its longest option (at most 210), so
// the chosen one is not cut off. It follows the options as they change.
func wide(s *widget.Select) fyne.CanvasObject {
	return container.New(&selectWidth{s}, s)
}

type selectWidth struct{ s *widget.Select }

func (l *selectWidth) MinSize([]fyne.CanvasObject) fyne.Size {
	least := l.s.MinSize()
	w := least.Width
	for _, o := range l.s.Options {
		// Text, the padding on both sides and the drop-down icon.
		w = max(w, fyne.MeasureText(o, theme.TextSize(), fyne.TextStyle{}).Width+6*theme.Padding()+theme.IconInlineSize())
	}
	return fyne.NewSize(min(w, 210), least.Height)
}

func (l *selectWidth) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Resize(size)
		o.Move(fyne.NewPos(0, 0))
	}
}

// uniqueLabels makes names usable as select options: a Select finds its
// index by label, so a second "Huisarts" becomes "Huisarts (2)".
func uniqueLabels(names []string) []string {
	out := make([]string, len(names))
	seen := map[string]int{}
	for i, n := range names {
		seen[n]++
		out[i] = n
		if k := seen[n]; k > 1 {
			out[i] = fmt.Sprintf("%s (%d)", n, k)
		}
	}
	return out
}

// pick returns the id at the select's index, or "".
func pick(s *widget.Select, ids []model.ID) model.ID {
	if i := s.SelectedIndex(); i >= 0 && i < len(ids) {
		return ids[i]
	}
	return ""
}

func (v *NetworkView) withoutID() model.ID   { return pick(v.without, v.stakeholderIDs) }
func (v *NetworkView) coalitionID() model.ID { return pick(v.coalition, v.coalitionIDs) }

func (v *NetworkView) engineChoice() scene.Engine {
	if i := v.engine.SelectedIndex(); i >= 0 {
		return scene.Engines[i]
	}
	return scene.Neato
}

func (v *NetworkView) sizeChoice() string {
	if i := v.sizeBy.SelectedIndex(); i >= 0 {
		return scene.SizeByMeasures[i]
	}
	return scene.DefaultSizeBy
}

// SetMap shows another map or version of it (after an edit) and scenario;
// what was chosen (steps, what-if, coalition) stays chosen by id while it
// exists.
func (v *NetworkView) SetMap(m *model.Map, scenario model.ID) {
	fromID, toID := pick(v.from, v.stepIDs), pick(v.to, v.stepIDs)
	withoutID, coalitionID := v.withoutID(), v.coalitionID()
	v.m, v.scenario = m, scenario
	sc := scenarioOf(m, scenario)
	v.stepIDs, v.stepNames = nil, nil
	if sc != nil {
		for _, st := range sc.Steps {
			v.stepIDs = append(v.stepIDs, st.ID)
			v.stepNames = append(v.stepNames, fmt.Sprintf("%d. %s", len(v.stepIDs), st.Name))
		}
	}
	v.stakeholderIDs = []model.ID{""}
	names := []string{T("(nobody)")}
	for _, s := range m.Stakeholders {
		v.stakeholderIDs = append(v.stakeholderIDs, s.ID)
		names = append(names, s.Name)
	}
	v.stakeholderNms = uniqueLabels(names)
	v.coalitionIDs = []model.ID{""}
	conames := []string{T("(all)")}
	for _, c := range m.Coalitions {
		v.coalitionIDs = append(v.coalitionIDs, c.ID)
		conames = append(conames, c.Name)
	}
	v.from.Options, v.to.Options = v.stepNames, v.stepNames
	v.without.Options, v.coalition.Options = v.stakeholderNms, uniqueLabels(conames)
	// Set the selections without a rebuild each, then rebuild once.
	set := func(s *widget.Select, ids []model.ID, id model.ID, def int) {
		i := def
		for k, x := range ids {
			if x == id && id != "" {
				i = k
			}
		}
		if i >= 0 && i < len(s.Options) {
			s.Selected = s.Options[i]
		} else {
			s.Selected = ""
		}
		s.Refresh()
	}
	if v.engine.Selected == "" {
		v.engine.Selected = engineLabel(scene.Neato)
		v.engine.Refresh()
	}
	if v.sizeBy.Selected == "" {
		v.sizeBy.Selected = measureLabel(scene.DefaultSizeBy)
		v.sizeBy.Refresh()
	}
	set(v.from, v.stepIDs, fromID, 0)
	set(v.to, v.stepIDs, toID, len(v.stepIDs)-1)
	set(v.without, v.stakeholderIDs, withoutID, 0)
	set(v.coalition, v.coalitionIDs, coalitionID, 0)
	v.rebuild()
}

// SetSelected highlights a stakeholder and its neighbours (empty: none),
// redrawing without a new layout.
func (v *NetworkView) SetSelected(id model.ID) {
	if id == v.selected {
		return
	}
	v.selected = id
	v.redraw()
}

// options returns what the controls ask for now.
func (v *NetworkView) options() (analysis.Options, scene.NetworkOptions) {
	opt := analysis.Options{Scenario: v.scenario, Translate: T, FromStep: pick(v.from, v.stepIDs), ToStep: pick(v.to, v.stepIDs), Without: v.withoutID()}
	nopt := scene.NetworkOptions{SizeBy: v.sizeChoice(), Engine: v.engineChoice(), Selected: v.selected, Coalition: v.coalitionID()}
	return opt, nopt
}

// exportOptions returns the options of the network on the screen, with its
// node positions (the dropped ones included) and without the selection's
// highlight; ok is false before the first layout. Call it on the UI
// goroutine.
func (v *NetworkView) exportOptions() (opt analysis.Options, nopt scene.NetworkOptions, ok bool) {
	if v.shown.res == nil {
		return analysis.Options{}, scene.NetworkOptions{}, false
	}
	nopt = v.shown.nopt
	nopt.Selected = ""
	pos := make(map[model.ID]scene.Point, len(nopt.Positions))
	for id, p := range nopt.Positions {
		pos[id] = p
	}
	nopt.Positions = pos
	return v.shown.opt, nopt, true
}

// Scene returns the network on the screen (nil before the first layout).
func (v *NetworkView) Scene() *scene.Scene { return v.view.Scene() }

// wait returns once the background layouts are done (tests).
func (v *NetworkView) wait() { v.pending.Wait() }

// redraw draws what is laid out again with the current selection and
// coalition: no analysis, no layout.
func (v *NetworkView) redraw() {
	if v.shown.res == nil {
		return
	}
	v.shown.nopt.Selected, v.shown.nopt.Coalition = v.selected, v.coalitionID()
	v.view.setScene(scene.Network(v.shown.m, v.shown.res, v.shown.nopt))
}

// dragNode moves a node with the pointer; at the drop it pins it there.
func (v *NetworkView) dragNode(id model.ID, from, to scene.Point, drop bool) {
	if v.shown.res == nil {
		return
	}
	v.mu.Lock()
	base := v.cache[v.shown.key]
	v.mu.Unlock()
	p, ok := base[id]
	if !ok {
		return
	}
	moved := scene.Point{X: p.X + to.X - from.X, Y: p.Y + to.Y - from.Y}
	pos := make(map[model.ID]scene.Point, len(base))
	for k, q := range base {
		pos[k] = q
	}
	pos[id] = moved
	nopt := v.shown.nopt
	if nopt.Origin == nil {
		// Keep the drawing's corner, so the other nodes stay put on the
		// screen while this one moves.
		o := scene.NetworkOrigin(v.shown.m, v.shown.res, nopt)
		nopt.Origin = &o
	}
	nopt.Positions = pos
	if drop {
		engine := nopt.Engine
		v.mu.Lock()
		if v.pinned[engine] == nil {
			v.pinned[engine] = map[model.ID]scene.Point{}
		}
		v.pinned[engine][id] = moved
		nopt.Pinned = v.pinsOf(engine)
		// The dropped node stays; the others move only out of its way.
		if raw, ok := v.raw[v.shown.key]; ok {
			pos = scene.NewNetworkLayout(v.shown.m, v.shown.res, nopt).Place(raw)
			nopt.Positions = pos
		}
		v.cache[v.shown.key] = pos
		v.mu.Unlock()
	}
	v.shown.nopt = nopt
	v.view.setScene(scene.Network(v.shown.m, v.shown.res, nopt))
	if drop {
		v.savePinned()
	}
}

// pinsOf copies the nodes placed for an engine; call with v.mu held.
func (v *NetworkView) pinsOf(e scene.Engine) map[model.ID]scene.Point {
	out := map[model.ID]scene.Point{}
	for id, p := range v.pinned[e] {
		out[id] = p
	}
	return out
}

// storedLayout is what the preferences keep of a map's network, per
// engine: the nodes the user placed and where every node was drawn then
// (a layout of the map opened again starts from there).
type storedLayout struct {
	Placed map[model.ID][2]float32 `json:"placed"`
	Drawn  map[model.ID][2]float32 `json:"drawn"`
	// Network is a digest of the layout key Drawn was drawn for: opened
	// again unchanged, the map is drawn as it was, without Graphviz.
	Network string `json:"network"`
}

func digest(key string) string {
	h := sha256.Sum256([]byte(key))
	return hex.EncodeToString(h[:12])
}

func toPoints(in map[model.ID][2]float32) map[model.ID]scene.Point {
	out := make(map[model.ID]scene.Point, len(in))
	for id, p := range in {
		out[id] = scene.Point{X: p[0], Y: p[1]}
	}
	return out
}

func fromPoints(in map[model.ID]scene.Point) map[model.ID][2]float32 {
	out := make(map[model.ID][2]float32, len(in))
	for id, p := range in {
		out[id] = [2]float32{p.X, p.Y}
	}
	return out
}

// loadPinned reads this map's placed nodes from the preferences.
func (v *NetworkView) loadPinned() {
	var stored map[scene.Engine]storedLayout
	if err := json.Unmarshal([]byte(v.prefs.String(v.prefsKey)), &stored); err != nil {
		return // none yet, or unreadable: the layout places every node
	}
	for e, l := range stored {
		v.pinned[e] = toPoints(l.Placed)
		v.drawn[e] = toPoints(l.Drawn)
		v.drawnFor[e] = l.Network
	}
}

// savePinned keeps this map's placed nodes, and the picture they were
// placed in, in the preferences.
func (v *NetworkView) savePinned() {
	if v.prefs == nil || v.prefsKey == "" {
		return
	}
	stored := map[scene.Engine]storedLayout{}
	v.mu.Lock()
	if v.shown.res != nil {
		v.drawn[v.shown.nopt.Engine] = v.shown.nopt.Positions
		v.drawnFor[v.shown.nopt.Engine] = digest(v.shown.key)
	}
	for e, nodes := range v.pinned {
		stored[e] = storedLayout{Placed: fromPoints(nodes), Drawn: fromPoints(v.drawn[e]), Network: v.drawnFor[e]}
	}
	v.mu.Unlock()
	b, err := json.Marshal(stored)
	if err == nil {
		v.prefs.SetString(v.prefsKey, string(b))
	}
}

// rebuild analyses the map and lays it out in the background; a newer
// request cancels this one, and only the newest updates the screen.
func (v *NetworkView) rebuild() {
	if v.m == nil {
		return
	}
	opt, nopt := v.options()
	v.mu.Lock()
	v.generation++
	gen := v.generation
	if v.cancel != nil {
		v.cancel()
	}
	ctx, cancel := context.WithCancel(context.Background())
	v.cancel = cancel
	nopt.Pinned = v.pinsOf(nopt.Engine)
	v.mu.Unlock()
	if v.shown.res != nil && v.shown.nopt.Engine == nopt.Engine {
		nopt.Start = v.shown.nopt.Positions // a new layout stays close to what is on the screen
	} else {
		v.mu.Lock()
		nopt.Start = v.drawn[nopt.Engine] // or to the picture the user last arranged
		v.mu.Unlock()
	}
	current := func() bool {
		v.mu.Lock()
		defer v.mu.Unlock()
		return gen == v.generation
	}
	m := v.m
	v.busy(true)
	finish := func(status string, shown *networkShown, s *scene.Scene) {
		fyne.Do(func() {
			if !current() {
				return
			}
			if shown != nil {
				// The selection or coalition may have changed meanwhile.
				shown.nopt.Selected, shown.nopt.Coalition = v.selected, v.coalitionID()
				if shown.nopt.Selected != nopt.Selected || shown.nopt.Coalition != nopt.Coalition {
					s = scene.Network(shown.m, shown.res, shown.nopt)
				}
				v.shown = *shown
				v.view.setScene(s)
			}
			v.status.SetText(status)
			v.busy(false)
		})
	}
	// Analysis (about 50 ms on an XL map) and layout both run here, off the
	// UI goroutine.
	v.pending.Add(1)
	go func() {
		defer v.pending.Done()
		defer cancel()
		res, err := v.analyse(m, opt)
		if err != nil {
			finish(analysisError(err), nil, nil)
			return
		}
		note := ""
		l := scene.NewNetworkLayout(m, res, nopt)
		v.mu.Lock()
		raw, cached := v.raw[l.Key]
		if drawn := v.drawn[nopt.Engine]; !cached && len(drawn) > 0 && v.drawnFor[nopt.Engine] == digest(l.Key) {
			raw, cached = drawn, true // the map as the user last arranged it
			v.raw[l.Key] = raw
		}
		v.mu.Unlock()
		if !cached {
			raw, err = l.Graphviz(ctx)
			if errors.Is(err, scene.ErrTooLargeForDot) {
				note = Tf("The layered layout is for networks of at most %d stakeholders; this one has %d, so it is laid out as springs.", scene.MaxDotStakeholders, len(m.Stakeholders)) + " "
				nopt.Engine = scene.Neato
				nopt.Pinned = v.pinsOfLocked(scene.Neato)
				l = scene.NewNetworkLayout(m, res, nopt)
				raw, err = l.Graphviz(ctx)
			}
			if ctx.Err() != nil {
				return // a newer request took over
			}
			if err != nil {
				finish(Tf("The network could not be laid out: %v", err), nil, nil)
				return
			}
			v.mu.Lock()
			v.raw[l.Key] = raw
			v.mu.Unlock()
		}
		if !current() {
			return
		}
		pos := l.Place(raw)
		v.mu.Lock()
		v.cache[l.Key] = pos
		v.layoutKey = l.Key
		v.mu.Unlock()
		nopt.Positions = pos
		nopt.Start = nil
		shown := &networkShown{m: m, res: res, opt: opt, nopt: nopt, key: l.Key}
		finish(note+summary(m, res), shown, scene.Network(m, res, nopt))
	}()
}

// busy shows the progress bar turning, or hides it.
func (v *NetworkView) busy(on bool) { showBusy(v.progressBox, v.progress, on) }

// showBusy shows a view's progress bar, in its box, turning, or hides it.
func showBusy(box *fyne.Container, bar *widget.ProgressBarInfinite, on bool) {
	if on {
		box.Show()
		bar.Show()
		bar.Start()
		return
	}
	bar.Stop()
	bar.Hide()
	box.Hide()
}

func (v *NetworkView) pinsOfLocked(e scene.Engine) map[model.ID]scene.Point {
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.pinsOf(e)
}

// analysisError is the user's message for an error of the analysis.
func analysisError(err error) string {
	var ae *analysis.Error
	if errors.As(err, &ae) {
		return Tf(ae.Format, ae.Args...)
	}
	return err.Error()
}

// summary counts the network, with a what-if names what breaks, and says
// whether the measures are estimated.
func summary(m *model.Map, r *analysis.Result) string {
	return withNote(networkCounts(m, r), r.Estimate.Note(T))
}

// withNote puts a note, if any, after a line: "636 findings · note".
func withNote(line, note string) string {
	if note == "" {
		return line
	}
	return line + " · " + note
}

// networkCounts is the summary's counts and what-if.
func networkCounts(m *model.Map, r *analysis.Result) string {
	brokers := 0
	for _, m := range r.Measures {
		if m.Broker {
			brokers++
		}
	}
	s := Tf("%d relationships, %d flow links, %d brokers, %d findings", len(r.Relations), len(r.FlowEdges), brokers, len(r.Findings))
	if r.Without == "" {
		return s
	}
	name := string(r.Without)
	if sh := m.Stakeholder(r.Without); sh != nil {
		name = sh.Name
	}
	s += Tf(" — without %s: %d flows break, %d steps without a lead", name, len(r.Broken), len(r.Leaderless))
	if len(r.Leaderless) > 0 {
		sc := scenarioOf(m, r.Scenario)
		var steps []string
		for _, id := range r.Leaderless {
			if st := sc.Step(id); st != nil {
				steps = append(steps, st.Name)
			}
		}
		s += " (" + strings.Join(steps, ", ") + ")"
	}
	if r.JourneyCut {
		s += T(", the journey is cut")
	}
	return s
}

func scenarioOf(m *model.Map, id model.ID) *model.Scenario {
	for _, sc := range m.Scenarios {
		if sc.ID == id {
			return sc
		}
	}
	if id == "" && len(m.Scenarios) > 0 {
		return m.Scenarios[0]
	}
	return nil
}

// GridView is the stakeholder grid: tapping a dot selects the stakeholder,
// dropping a dragged dot on another cell calls OnMove with the new values
// (the caller makes that an undoable command). Dropping it where it was
// does nothing.
type GridView struct {
	*sceneCanvas
	// OnMove is called with a stakeholder's new influence and interest.
	OnMove   func(stakeholder model.ID, influence, interest int)
	m        *model.Map
	selected model.ID
}

// NewGridView returns the grid of m.
func NewGridView(m *model.Map, onSelect func(scene.Target), onMove func(stakeholder model.ID, influence, interest int)) *GridView {
	v := &GridView{sceneCanvas: newSceneCanvas(onSelect), OnMove: onMove}
	v.canDrag = stakeholderTarget
	v.onDrop = func(t scene.Target, _, to scene.Point) {
		s := v.m.Stakeholder(t.ID)
		if s == nil || v.OnMove == nil {
			return
		}
		if inf, in, ok := scene.GridValueAt(v.m, to); ok && (inf != s.Influence || in != s.Interest) {
			v.OnMove(t.ID, inf, in)
		}
	}
	v.SetMap(m)
	return v
}

// SetMap draws another map or version of it.
func (v *GridView) SetMap(m *model.Map) {
	v.m = m
	v.setScene(scene.Grid(m, scene.GridOptions{Selected: v.selected}))
}

// SetSelected emphasises a stakeholder's dot (empty: none).
func (v *GridView) SetSelected(id model.ID) {
	if id != v.selected {
		v.selected = id
		v.SetMap(v.m)
	}
}

// RolesView is the roles-over-time matrix of a scenario.
type RolesView struct {
	*sceneCanvas
}

// NewRolesView returns the roles of m's scenario.
func NewRolesView(m *model.Map, scenario model.ID, onSelect func(scene.Target)) *RolesView {
	v := &RolesView{sceneCanvas: newSceneCanvas(onSelect)}
	v.SetMap(m, scenario)
	return v
}

// SetMap draws another map or version of it.
func (v *RolesView) SetMap(m *model.Map, scenario model.ID) { v.setScene(scene.Roles(m, scenario)) }

// findingTarget is the place a finding links to: its first card, else its
// first step, else its first stakeholder.
func findingTarget(f analysis.Finding) scene.Target {
	switch {
	case len(f.Contributions) > 0:
		return scene.Target{Kind: model.EntityContribution, ID: f.Contributions[0]}
	case len(f.Steps) > 0:
		return scene.Target{Kind: model.EntityStep, ID: f.Steps[0]}
	case len(f.Stakeholders) > 0:
		return scene.Target{Kind: model.EntityStakeholder, ID: f.Stakeholders[0]}
	}
	return scene.Target{}
}

// measureColumns are the titles of the measures table's columns.
func measureColumns() []string { return measureColumnTitles(T) }

// measureColumnTitles are the titles in the words of tr.
func measureColumnTitles(tr func(string) string) []string {
	return []string{tr("Stakeholder"), tr("Degree"), tr("In"), tr("Out"), tr("Flows"), tr("Betweenness"), tr("Closeness"), tr("Broker"), tr("Informal leader")}
}

// measureColumnWidths are the widths of the columns of titles: each as
// wide as its header button with the sort mark, so no title is cut
// ("Informal leader", "Informele leider"); the names at least 260, the
// numbers at least 90.
func measureColumnWidths(titles []string) []float32 {
	widths := make([]float32, len(titles))
	for c, h := range titles {
		least := float32(90)
		if c == 0 {
			least = 260
		}
		widths[c] = max(least, widget.NewButton(h+" ▼", nil).MinSize().Width)
	}
	return widths
}

const measureColumnCount = 9

// InsightsView shows the findings, one line each with a link that selects
// its place, above a table of measures sortable by any column: a tap on a
// header sorts by it (names A–Z, measures largest first), a second tap
// turns the order round; the header shows ▲ or ▼.
//
// The analysis (about a second on an XL map) runs off the UI goroutine with
// a progress bar, so an edit made while the tab is shown never waits for
// it: one analysis runs at a time, the newest request waiting meanwhile
// replaces an older one, and only the newest result reaches the screen.
type InsightsView struct {
	widget.BaseWidget
	content     fyne.CanvasObject
	head        *widget.Label
	progress    *widget.ProgressBarInfinite
	progressBox *fyne.Container
	// full shows the finding under the pointer (hovered) whole when its
	// line is cut, else a hint.
	full     *widget.Label
	hovered  *findingRow
	list     *widget.List
	table    *widget.Table
	onSelect func(scene.Target)
	// onFinding, when set, follows a finding's link instead of onSelect
	// (the window selects every card it names).
	onFinding func(analysis.Finding)
	res       *analysis.Result
	names     map[model.ID]string
	rows      []analysis.Measure
	sortCol   int
	sortAsc   bool
	sorted    bool

	// analyse is analysis.Analyze (a test holds it back to see the view
	// while it runs).
	analyse func(*model.Map, analysis.Options) (*analysis.Result, error)
	mu      sync.Mutex
	// generation counts the requests; next is the newest not yet started,
	// running whether a goroutine is analysing.
	generation int
	next       *insightsRequest
	running    bool
	// pending counts background analyses, so tests can wait for them.
	pending sync.WaitGroup
}

// insightsRequest is a map version to analyse, numbered by generation.
type insightsRequest struct {
	m          *model.Map
	scenario   model.ID
	generation int
}

// NewInsightsView returns the findings and measures of m's scenario (once
// analysed in the background).
func NewInsightsView(m *model.Map, scenario model.ID, onSelect func(scene.Target)) *InsightsView {
	v := newInsightsView(onSelect)
	v.SetMap(m, scenario)
	return v
}

// newInsightsView returns an empty view; SetMap fills it.
func newInsightsView(onSelect func(scene.Target)) *InsightsView {
	v := &InsightsView{onSelect: onSelect, analyse: analysis.Analyze}
	v.head = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	v.head.Wrapping = fyne.TextWrapWord
	v.progress = widget.NewProgressBarInfinite()
	v.progress.Hide()
	v.list = widget.NewList(func() int {
		if v.res == nil {
			return 0
		}
		return len(v.res.Findings)
	}, func() fyne.CanvasObject {
		// A long finding ends in "…" within the view; the pointer on it
		// shows it whole under the list.
		return newFindingRow(v.hoverFinding)
	},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			r := o.(*findingRow)
			r.SetText("→ " + v.res.Findings[i].Message)
			if r == v.hovered {
				v.hoverFinding(r, true) // scrolled under the pointer
			}
		})
	v.full = widget.NewLabel(T("Rest the pointer on a finding cut short to read it whole."))
	v.full.Wrapping = fyne.TextWrapWord
	v.full.Importance = widget.LowImportance
	v.list.OnSelected = func(i widget.ListItemID) {
		switch {
		case v.res == nil || i < 0 || i >= len(v.res.Findings):
		case v.onFinding != nil:
			v.onFinding(v.res.Findings[i])
		case v.onSelect != nil:
			v.onSelect(findingTarget(v.res.Findings[i]))
		}
		v.list.UnselectAll() // the same link can be followed again
	}
	v.table = widget.NewTable(func() (int, int) { return len(v.rows), measureColumnCount },
		func() fyne.CanvasObject { return widget.NewLabel("Praktijkondersteuner") }, // sizes the column; never shown
		func(id widget.TableCellID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(v.cell(v.rows[id.Row], id.Col))
		})
	v.table.ShowHeaderRow = true
	v.table.CreateHeader = func() fyne.CanvasObject { return widget.NewButton("", nil) }
	v.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		b := o.(*widget.Button)
		b.SetText(v.header(id.Col))
		col := id.Col
		b.OnTapped = func() { v.SortBy(col) }
	}
	for c, w := range measureColumnWidths(measureColumns()) {
		v.table.SetColumnWidth(c, w)
	}
	v.table.OnSelected = func(id widget.TableCellID) {
		if v.onSelect != nil && id.Row >= 0 && id.Row < len(v.rows) {
			v.onSelect(scene.Target{Kind: model.EntityStakeholder, ID: v.rows[id.Row].Stakeholder})
		}
	}
	// The progress bar as wide as a button, where it reads as one.
	v.progressBox = container.NewGridWrap(fyne.NewSize(160, v.progress.MinSize().Height), v.progress)
	v.progressBox.Hide()
	top := container.NewBorder(nil, nil, nil, v.progressBox, v.head)
	full := container.New(fixedLines{2}, v.full)
	split := container.NewVSplit(container.NewBorder(top, full, nil, nil, v.list), v.table)
	split.Offset = 0.55
	v.content = split
	v.ExtendBaseWidget(v)
	return v
}

func (v *InsightsView) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(v.content)
}

// SetMap shows the findings and measures of another map or version of it,
// once they are computed in the background; what is shown stays until
// then. m must not change afterwards (the window gives a copy).
func (v *InsightsView) SetMap(m *model.Map, scenario model.ID) {
	v.mu.Lock()
	v.generation++
	v.next = &insightsRequest{m: m, scenario: scenario, generation: v.generation}
	start := !v.running
	if start {
		v.running = true
		v.pending.Add(1)
	}
	v.mu.Unlock()
	v.busy(true)
	if start {
		go v.work()
	}
}

// work analyses the newest request until none is left.
func (v *InsightsView) work() {
	defer v.pending.Done()
	for {
		v.mu.Lock()
		req := v.next
		v.next = nil
		if req == nil {
			v.running = false
			v.mu.Unlock()
			return
		}
		v.mu.Unlock()
		res, err := v.analyse(req.m, analysis.Options{Scenario: req.scenario, Translate: T})
		names := make(map[model.ID]string, len(req.m.Stakeholders))
		for _, s := range req.m.Stakeholders {
			names[s.ID] = s.Name
		}
		fyne.Do(func() {
			v.mu.Lock()
			newest := req.generation == v.generation
			v.mu.Unlock()
			if newest {
				v.show(res, err, names)
			}
		})
	}
}

// wait returns once the background analyses are done (tests).
func (v *InsightsView) wait() { v.pending.Wait() }

// busy shows the progress bar turning, or hides it.
func (v *InsightsView) busy(on bool) { showBusy(v.progressBox, v.progress, on) }

// hoverFinding follows the pointer over the findings: the one under it
// is shown whole when its line is cut, else the hint.
func (v *InsightsView) hoverFinding(r *findingRow, in bool) {
	if in {
		v.hovered = r
	} else if r == v.hovered {
		v.hovered = nil
	}
	if v.hovered != nil && v.hovered.cut() {
		v.full.Importance = widget.MediumImportance
		v.full.SetText(v.hovered.label.Text)
		return
	}
	v.full.Importance = widget.LowImportance
	v.full.SetText(T("Rest the pointer on a finding cut short to read it whole."))
}

// show puts an analysis on the screen; call it on the UI goroutine.
func (v *InsightsView) show(res *analysis.Result, err error, names map[model.ID]string) {
	v.busy(false)
	v.names = names
	if err != nil {
		v.res, v.rows = nil, nil
		v.head.SetText(analysisError(err))
	} else {
		v.res = res
		v.rows = append(v.rows[:0], res.Measures...)
		v.head.SetText(withNote(Tf("%d findings", len(res.Findings)), res.Estimate.Note(T)))
		if v.sorted {
			v.sort()
		}
	}
	v.list.Refresh()
	v.table.Refresh()
}

// SortBy sorts the table by a column: the first time names A–Z and
// measures largest first, each further time the other way round.
func (v *InsightsView) SortBy(col int) {
	if v.sorted && v.sortCol == col {
		v.sortAsc = !v.sortAsc
	} else {
		v.sorted, v.sortCol, v.sortAsc = true, col, col == 0
	}
	v.sort()
	v.table.Refresh()
}

func (v *InsightsView) sort() {
	col, asc := v.sortCol, v.sortAsc
	sort.SliceStable(v.rows, func(i, j int) bool {
		a, b := v.rows[i], v.rows[j]
		if col == 0 {
			x, y := strings.ToLower(v.names[a.Stakeholder]), strings.ToLower(v.names[b.Stakeholder])
			if asc {
				return x < y
			}
			return x > y
		}
		if asc {
			return measureNumber(a, col) < measureNumber(b, col)
		}
		return measureNumber(a, col) > measureNumber(b, col)
	})
}

// header is a column's title, with ▲ (ascending) or ▼ when sorted by it.
func (v *InsightsView) header(col int) string {
	h := measureColumns()[col]
	if v.sorted && v.sortCol == col {
		if v.sortAsc {
			return h + " ▲"
		}
		return h + " ▼"
	}
	return h
}

func (v *InsightsView) cell(m analysis.Measure, c int) string {
	yes := func(b bool) string {
		if b {
			return T("yes")
		}
		return ""
	}
	switch c {
	case 0:
		return v.names[m.Stakeholder]
	case 1:
		return fmt.Sprint(m.Degree)
	case 2:
		return fmt.Sprint(m.InDegree)
	case 3:
		return fmt.Sprint(m.OutDegree)
	case 4:
		return fmt.Sprint(m.Flows)
	case 5:
		return fmt.Sprintf("%.2f", m.Betweenness)
	case 6:
		return fmt.Sprintf("%.3f", m.Closeness)
	case 7:
		return yes(m.Broker)
	}
	return yes(m.InformalLeader)
}

func measureNumber(m analysis.Measure, c int) float64 {
	switch c {
	case 1:
		return float64(m.Degree)
	case 2:
		return float64(m.InDegree)
	case 3:
		return float64(m.OutDegree)
	case 4:
		return float64(m.Flows)
	case 5:
		return m.Betweenness
	case 6:
		return m.Closeness
	case 7:
		if m.Broker {
			return 1
		}
	case 8:
		if m.InformalLeader {
			return 1
		}
	}
	return 0
}

func indexOf(list []string, s string) int {
	for i, v := range list {
		if v == s {
			return i
		}
	}
	return -1
}
