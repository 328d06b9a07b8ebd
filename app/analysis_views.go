package app

import (
	"context"
	"fmt"
	"image"
	"sort"
	"sync"

	"fyne.io/fyne/v2"
	fynecanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"valueflow/canvas/export"
	"valueflow/canvas/scene"
	"valueflow/model"
	"valueflow/model/analysis"
)

// The analysis views (network, grid, roles, insights) draw scenes from
// canvas/scene. Until the board widget can be reused here they show the
// scene rasterised by the PNG exporter, so screen and print look the same.

// sceneView shows a scene as an image and reports taps on its items.
type sceneView struct {
	widget.BaseWidget
	img   *fynecanvas.Image
	sc    *scene.Scene
	zoom  float32
	onTap func(scene.Target)
	// onDrop, when set, is called when an item with a target has been
	// dragged from one scene point to another.
	onDrop func(t scene.Target, from, to scene.Point)
	// pending counts background renders, so tests can wait for them.
	pending sync.WaitGroup
	drag    struct {
		on       bool
		target   scene.Target
		from, to scene.Point
	}
}

func newSceneView(onTap func(scene.Target)) *sceneView {
	v := &sceneView{img: fynecanvas.NewImageFromImage(image.NewRGBA(image.Rect(0, 0, 1, 1))), zoom: 1, onTap: onTap}
	v.img.FillMode = fynecanvas.ImageFillStretch
	v.img.ScaleMode = fynecanvas.ImageScaleSmooth
	v.ExtendBaseWidget(v)
	return v
}

// CreateRenderer keeps the image at its own size in the top-left corner, so
// a larger viewport never stretches it and taps map straight to the scene.
func (v *sceneView) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewWithoutLayout(v.img))
}

// setScene rasterises s at twice the zoom (sharp on high-DPI screens); it
// may be called from any goroutine.
func (v *sceneView) setScene(s *scene.Scene) {
	zoom := v.zoom
	img, err := export.Raster(s, 72*2*zoom)
	if err != nil {
		img, err = export.Raster(s, 72*zoom)
		if err != nil {
			return
		}
	}
	fyne.Do(func() {
		v.sc = s
		v.img.Image = img
		v.img.SetMinSize(fyne.NewSize(s.Width*zoom, s.Height*zoom))
		v.img.Resize(fyne.NewSize(s.Width*zoom, s.Height*zoom))
		v.img.Move(fyne.NewPos(0, 0))
		v.img.Refresh()
		v.Refresh()
	})
}

func (v *sceneView) MinSize() fyne.Size {
	if v.sc == nil {
		return fyne.NewSize(1, 1)
	}
	return fyne.NewSize(v.sc.Width*v.zoom, v.sc.Height*v.zoom)
}

// Tapped selects the item under the pointer.
func (v *sceneView) Tapped(e *fyne.PointEvent) {
	if v.sc == nil || v.onTap == nil {
		return
	}
	if it, ok := v.sc.Hit(scene.Point{X: e.Position.X / v.zoom, Y: e.Position.Y / v.zoom}); ok {
		v.onTap(it.Target)
	}
}

// Dragged starts or continues dragging the item under the pointer.
func (v *sceneView) Dragged(e *fyne.DragEvent) {
	if v.sc == nil || v.onDrop == nil {
		return
	}
	p := scene.Point{X: e.Position.X / v.zoom, Y: e.Position.Y / v.zoom}
	if !v.drag.on {
		start := scene.Point{X: (e.Position.X - e.Dragged.DX) / v.zoom, Y: (e.Position.Y - e.Dragged.DY) / v.zoom}
		it, ok := v.sc.Hit(start)
		if !ok {
			return
		}
		v.drag.on, v.drag.target, v.drag.from = true, it.Target, start
	}
	v.drag.to = p
}

// DragEnd drops the dragged item.
func (v *sceneView) DragEnd() {
	if !v.drag.on {
		return
	}
	v.drag.on = false
	v.onDrop(v.drag.target, v.drag.from, v.drag.to)
}

// NetworkView is the network tab: engine, measure, step range and what-if
// controls above the network scene. Layout runs off the UI goroutine with a
// progress bar and is cached per DOT text and engine.
type NetworkView struct {
	widget.BaseWidget
	// OnSelect is called with the target of a tapped node or edge.
	OnSelect func(scene.Target)

	view                      *sceneView
	engine, sizeBy            *widget.Select
	from, to, without         *widget.Select
	progress                  *widget.ProgressBarInfinite
	status                    *widget.Label
	content                   fyne.CanvasObject
	m                         *model.Map
	scenario                  model.ID
	selected                  model.ID
	mu                        sync.Mutex
	cache                     map[string]map[model.ID]scene.Point
	moved                     map[model.ID]scene.Point // the user's drags, added to the layout
	layoutKey                 string
	generation                int
	stepIDs, stakeholderIDs   []model.ID
	stepNames, stakeholderNms []string
}

// NewNetworkView returns the network tab for m's scenario.
func NewNetworkView(m *model.Map, scenario model.ID, onSelect func(scene.Target)) *NetworkView {
	v := &NetworkView{OnSelect: onSelect, cache: map[string]map[model.ID]scene.Point{}, moved: map[model.ID]scene.Point{}}
	v.view = newSceneView(func(t scene.Target) {
		if t.Kind == model.EntityStakeholder {
			v.selected = t.ID
			v.rebuild()
		}
		if v.OnSelect != nil {
			v.OnSelect(t)
		}
	})
	// Dragging a node moves it; the offset is kept across rebuilds (until
	// the layout itself changes, e.g. another engine or step range).
	v.view.onDrop = func(t scene.Target, from, to scene.Point) {
		if t.Kind != model.EntityStakeholder {
			return
		}
		v.mu.Lock()
		d := v.moved[t.ID]
		v.moved[t.ID] = scene.Point{X: d.X + to.X - from.X, Y: d.Y + to.Y - from.Y}
		v.mu.Unlock()
		v.rebuild()
	}
	engines := make([]string, len(scene.Engines))
	for i, e := range scene.Engines {
		engines[i] = string(e)
	}
	v.engine = widget.NewSelect(engines, func(string) { v.rebuild() })
	v.sizeBy = widget.NewSelect([]string{T("degree"), T("betweenness"), T("closeness"), T("flows")}, func(string) { v.rebuild() })
	v.from = widget.NewSelect(nil, func(string) { v.rebuild() })
	v.to = widget.NewSelect(nil, func(string) { v.rebuild() })
	v.without = widget.NewSelect(nil, func(string) { v.rebuild() })
	v.progress = widget.NewProgressBarInfinite()
	v.progress.Hide()
	v.status = widget.NewLabel("")
	bar := container.NewHBox(
		widget.NewLabel(T("Layout")), v.engine, widget.NewLabel(T("Size by")), v.sizeBy,
		widget.NewLabel(T("Steps")), v.from, widget.NewLabel(T("to")), v.to,
		widget.NewLabel(T("Without")), v.without, v.progress)
	v.content = container.NewBorder(container.NewHScroll(bar), v.status, nil, nil, container.NewScroll(v.view))
	v.ExtendBaseWidget(v)
	v.SetMap(m, scenario)
	return v
}

func (v *NetworkView) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(v.content)
}

// SetMap shows another map or version of it (after an edit) and scenario.
func (v *NetworkView) SetMap(m *model.Map, scenario model.ID) {
	v.m, v.scenario = m, scenario
	sc := scenarioOf(m, scenario)
	v.stepIDs, v.stepNames = nil, nil
	if sc != nil {
		for _, st := range sc.Steps {
			v.stepIDs = append(v.stepIDs, st.ID)
			v.stepNames = append(v.stepNames, fmt.Sprintf("%d. %s", len(v.stepIDs), st.Name))
		}
	}
	v.stakeholderIDs, v.stakeholderNms = []model.ID{""}, []string{T("(nobody)")}
	for _, s := range m.Stakeholders {
		v.stakeholderIDs = append(v.stakeholderIDs, s.ID)
		v.stakeholderNms = append(v.stakeholderNms, s.Name)
	}
	v.from.Options, v.to.Options, v.without.Options = v.stepNames, v.stepNames, v.stakeholderNms
	// Set the selections without a rebuild each, then rebuild once.
	set := func(s *widget.Select, val string) {
		if s.Selected == "" || indexOf(s.Options, s.Selected) < 0 {
			s.Selected = val
			s.Refresh()
		}
	}
	set(v.engine, string(scene.Neato))
	set(v.sizeBy, T("betweenness"))
	if n := len(v.stepNames); n > 0 {
		set(v.from, v.stepNames[0])
		set(v.to, v.stepNames[n-1])
	}
	set(v.without, v.stakeholderNms[0])
	v.rebuild()
}

func indexOf(list []string, s string) int {
	for i, v := range list {
		if v == s {
			return i
		}
	}
	return -1
}

// rebuild analyses the map and lays it out in the background; only the
// newest request updates the screen.
func (v *NetworkView) rebuild() {
	if v.m == nil {
		return
	}
	opt := analysis.Options{Scenario: v.scenario, Translate: T}
	if i := indexOf(v.stepNames, v.from.Selected); i >= 0 {
		opt.FromStep = v.stepIDs[i]
	}
	if i := indexOf(v.stepNames, v.to.Selected); i >= 0 {
		opt.ToStep = v.stepIDs[i]
	}
	if i := indexOf(v.stakeholderNms, v.without.Selected); i > 0 {
		opt.Without = v.stakeholderIDs[i]
	}
	nopt := scene.NetworkOptions{SizeBy: []string{"degree", "betweenness", "closeness", "flows"}[max(v.sizeBy.SelectedIndex(), 0)], Engine: scene.Engine(v.engine.Selected), Selected: v.selected}
	v.mu.Lock()
	v.generation++
	gen := v.generation
	v.mu.Unlock()
	current := func() bool {
		v.mu.Lock()
		defer v.mu.Unlock()
		return gen == v.generation
	}
	m := v.m
	v.progress.Show()
	v.progress.Start()
	done := func(status string) {
		fyne.Do(func() {
			if !current() {
				return
			}
			v.status.SetText(status)
			v.progress.Stop()
			v.progress.Hide()
		})
	}
	// Analysis (about 0.5 s on an XL map) and layout both run here, off the
	// UI goroutine; only the newest request updates the screen.
	v.view.pending.Go(func() {
		res, err := analysis.Analyze(m, opt)
		if err != nil {
			done(err.Error())
			return
		}
		dot := scene.NetworkDOT(m, res, nopt)
		key := string(nopt.Engine) + "\x00" + dot
		v.mu.Lock()
		pos, cached := v.cache[key]
		v.mu.Unlock()
		if !cached {
			pos, err = scene.LayoutNetwork(context.Background(), dot, nopt.Engine)
			if err != nil {
				done(err.Error())
				return
			}
			v.mu.Lock()
			v.cache[key] = pos
			v.mu.Unlock()
		}
		if !current() {
			return
		}
		v.mu.Lock()
		if v.layoutKey != key {
			v.layoutKey, v.moved = key, map[model.ID]scene.Point{}
		}
		placed := make(map[model.ID]scene.Point, len(pos))
		for id, p := range pos {
			d := v.moved[id]
			placed[id] = scene.Point{X: p.X + d.X, Y: p.Y + d.Y}
		}
		v.mu.Unlock()
		nopt.Positions = placed
		v.view.setScene(scene.Network(m, res, nopt))
		done(summary(m, res))
	})
}

func summary(m *model.Map, r *analysis.Result) string {
	brokers := 0
	for _, m := range r.Measures {
		if m.Broker {
			brokers++
		}
	}
	s := Tf("%d relationships, %d flow links, %d brokers, %d findings", len(r.Relations), len(r.FlowEdges), brokers, len(r.Findings))
	if r.Without != "" {
		name := string(r.Without)
		for _, sh := range m.Stakeholders {
			if sh.ID == r.Without {
				name = sh.Name
			}
		}
		s += Tf(" — without %s: %d flows break, %d steps without a lead", name, len(r.Broken), len(r.Leaderless))
		if r.JourneyCut {
			s += ", the journey is cut"
		}
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

// NewGridView returns the stakeholder grid; tapping a dot selects the
// stakeholder, dropping a dragged dot on another cell calls onMove with the
// new values (the caller turns that into an undoable command and calls
// SetMap on the returned view's owner again). onMove may be nil.
func NewGridView(m *model.Map, onSelect func(scene.Target), onMove func(stakeholder model.ID, influence, interest int)) fyne.CanvasObject {
	v := newSceneView(onSelect)
	v.onDrop = func(t scene.Target, _, to scene.Point) {
		if t.Kind != model.EntityStakeholder || onMove == nil {
			return
		}
		if inf, in, ok := scene.GridValueAt(m, to); ok {
			onMove(t.ID, inf, in)
		}
	}
	v.pending.Go(func() { v.setScene(scene.Grid(m, scene.GridOptions{})) })
	return container.NewScroll(v)
}

// NewRolesView returns the roles-over-time matrix of a scenario.
func NewRolesView(m *model.Map, scenario model.ID, onSelect func(scene.Target)) fyne.CanvasObject {
	v := newSceneView(onSelect)
	v.pending.Go(func() { v.setScene(scene.Roles(m, scenario)) })
	return container.NewScroll(v)
}

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

// NewInsightsView returns the findings, one line each with a link that
// selects its place, above a table of measures sortable by any column.
func NewInsightsView(m *model.Map, scenario model.ID, onSelect func(scene.Target)) fyne.CanvasObject {
	res, err := analysis.Analyze(m, analysis.Options{Scenario: scenario, Translate: T})
	if err != nil {
		return widget.NewLabel(err.Error())
	}
	// Each line is a link: selecting it selects the finding's place.
	list := widget.NewList(func() int { return len(res.Findings) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText("→ " + res.Findings[i].Message)
		})
	list.OnSelected = func(i widget.ListItemID) {
		if onSelect != nil && i >= 0 && i < len(res.Findings) {
			onSelect(findingTarget(res.Findings[i]))
		}
	}

	names := map[model.ID]string{}
	for _, s := range m.Stakeholders {
		names[s.ID] = s.Name
	}
	ms := append([]analysis.Measure(nil), res.Measures...)
	cols := []string{T("Stakeholder"), T("Degree"), T("In"), T("Out"), T("Flows"), T("Betweenness"), T("Closeness"), T("Broker"), T("Informal leader")}
	cell := func(m analysis.Measure, c int) string {
		yes := func(b bool) string {
			if b {
				return T("yes")
			}
			return ""
		}
		switch c {
		case 0:
			return names[m.Stakeholder]
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
	num := func(m analysis.Measure, c int) float64 {
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
	table := widget.NewTable(func() (int, int) { return len(ms), len(cols) },
		func() fyne.CanvasObject { return widget.NewLabel("Praktijkondersteuner") }, // sizes the column; never shown
		func(id widget.TableCellID, o fyne.CanvasObject) { o.(*widget.Label).SetText(cell(ms[id.Row], id.Col)) })
	table.ShowHeaderRow = true
	table.CreateHeader = func() fyne.CanvasObject { return widget.NewButton("", nil) }
	table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		b := o.(*widget.Button)
		b.SetText(cols[id.Col])
		col := id.Col
		// Sorting by a column: names ascending, measures largest first.
		b.OnTapped = func() {
			sort.SliceStable(ms, func(i, j int) bool {
				if col == 0 {
					return names[ms[i].Stakeholder] < names[ms[j].Stakeholder]
				}
				return num(ms[i], col) > num(ms[j], col)
			})
			table.Refresh()
		}
	}
	table.SetColumnWidth(0, 260)
	for c := 1; c < len(cols); c++ {
		table.SetColumnWidth(c, 100)
	}
	table.OnSelected = func(id widget.TableCellID) {
		if onSelect != nil && id.Row >= 0 && id.Row < len(ms) {
			onSelect(scene.Target{Kind: model.EntityStakeholder, ID: ms[id.Row].Stakeholder})
		}
	}
	head := widget.NewLabelWithStyle(Tf("%d findings", len(res.Findings)), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	split := container.NewVSplit(container.NewBorder(head, nil, nil, nil, list), table)
	split.Offset = 0.55
	return split
}
