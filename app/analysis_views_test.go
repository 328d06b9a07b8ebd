package app

import (
	"errors"
	"fmt"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"valueflow/canvas/scene"
	"valueflow/model"
	"valueflow/model/analysis"
	"valueflow/model/sample"
)

// settle waits for the network's background work. The test driver runs
// fyne.Do inline on the calling goroutine, so tests must not touch widgets
// while that work runs.
func settle(v interface{ wait() }) { v.wait() }

// capture writes the window to $VALUEFLOW_SHOTS/name.png when that is set,
// for looking at the views.
func capture(t *testing.T, w fyne.Window, name string) {
	dir := os.Getenv("VALUEFLOW_SHOTS")
	if dir == "" {
		return
	}
	f, err := os.Create(filepath.Join(dir, name+".png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, w.Canvas().Capture()); err != nil {
		t.Fatal(err)
	}
}

// at is where a scene point is drawn on the view, in the view's own
// coordinates (what its pointer events carry).
func at(v *sceneCanvas, p scene.Point) fyne.Position {
	pos, _ := v.board.CanvasRect(scene.Rect{X: p.X, Y: p.Y})
	return pos.Subtract(fyne.CurrentApp().Driver().AbsolutePositionForObject(v.input))
}

// centre returns the centre of a stakeholder's node or dot in a scene.
func centre(t *testing.T, s *scene.Scene, id model.ID) scene.Point {
	t.Helper()
	for _, it := range s.Items {
		if it.Circle != nil && it.Target.Kind == model.EntityStakeholder && it.Target.ID == id {
			return it.Circle.Center
		}
	}
	t.Fatalf("%s is not drawn", id)
	return scene.Point{}
}

// drag drags from one scene point of a view to another through its pointer layer.
func drag(v *sceneCanvas, from, to scene.Point) {
	a, b := at(v, from), at(v, to)
	fyne.DoAndWait(func() {
		v.input.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: b}, Dragged: fyne.NewDelta(b.X-a.X, b.Y-a.Y)})
		v.input.DragEnd()
	})
}

func TestNetworkView(t *testing.T) {
	t.Run("lays_out_in_the_background_and_a_tap_selects_a_node", func(t *testing.T) {
		test.NewTempApp(t)
		m := sample.Map()
		var got scene.Target
		v := NewNetworkView(m, "", func(tg scene.Target) { got = tg }, nil, "")
		settle(v)
		w := test.NewTempWindow(t, v)
		w.Resize(fyne.NewSize(1200, 800))
		capture(t, w, "network")
		c := centre(t, v.Scene(), "sh5")
		fyne.DoAndWait(func() { v.view.input.Tapped(&fyne.PointEvent{Position: at(v.view, c)}) })
		if got != (scene.Target{Kind: model.EntityStakeholder, ID: "sh5"}) {
			t.Errorf("the tap selected %+v", got)
		}
		for _, it := range v.Scene().Items {
			if it.Circle != nil && it.Target.ID == "sh5" && it.Circle.Radius > 7 && it.Emphasis != scene.Selected {
				t.Errorf("the tapped node is drawn %v", it.Emphasis)
			}
		}
		// A tap on empty space selects nothing.
		fyne.DoAndWait(func() { v.view.input.Tapped(&fyne.PointEvent{Position: fyne.NewPos(3, 3)}) })
		if got.ID != "" || v.selected != "" {
			t.Errorf("a tap on empty space selected %+v", got)
		}
	})

	t.Run("a_dragged_node_stays_where_it_was_put_in_later_layouts_and_the_next_session", func(t *testing.T) {
		a := test.NewTempApp(t)
		m := sample.Map()
		path := filepath.Join(t.TempDir(), "zorgpad.vflow")
		v := NewNetworkView(m, "", nil, a.Preferences(), path)
		settle(v)
		w := test.NewTempWindow(t, v)
		w.Resize(fyne.NewSize(1200, 800))
		before := v.shown.nopt.Positions
		from := centre(t, v.Scene(), "sh5")
		drag(v.view, from, scene.Point{X: from.X + 60, Y: from.Y + 40})
		after := v.shown.nopt.Positions
		want := scene.Point{X: before["sh5"].X + 60, Y: before["sh5"].Y + 40}
		if d := dist(after["sh5"], want); d > 0.5 {
			t.Errorf("the node went to %v, want %v", after["sh5"], want)
		}
		for id, p := range before {
			if id != "sh5" && after[id] != p {
				t.Errorf("%s moved too", id)
			}
		}
		// Another measure: a new layout, the node where it was put.
		fyne.DoAndWait(func() { v.sizeBy.SetSelectedIndex(0) })
		settle(v)
		if v.shown.nopt.SizeBy != scene.SizeByDegree {
			t.Fatalf("sized by %q", v.shown.nopt.SizeBy)
		}
		if got := v.shown.nopt.Positions["sh5"]; got != after["sh5"] {
			t.Errorf("after a new layout the node is at %v, was put at %v", got, after["sh5"])
		}
		// An edit (a new relationship) lays out again; the node stays.
		m2 := m.Clone()
		m2.Relationships = append(m2.Relationships, &model.Relationship{ID: "rx", A: "sh1", B: "sh13", Kind: "x"})
		fyne.DoAndWait(func() { v.SetMap(m2, "") })
		settle(v)
		if got := v.shown.nopt.Positions["sh5"]; got != after["sh5"] {
			t.Errorf("after an edit the node is at %v, was put at %v", got, after["sh5"])
		}
		// The map opened again: the node is there.
		again := NewNetworkView(m, "", nil, a.Preferences(), path)
		settle(again)
		fyne.DoAndWait(func() { again.sizeBy.SetSelectedIndex(0) })
		settle(again)
		if got := again.shown.nopt.Positions["sh5"]; got != after["sh5"] {
			t.Errorf("the next session puts the node at %v, was put at %v", got, after["sh5"])
		}
		// And the others about where they were drawn around it.
		var moved float32
		for id, p := range after {
			moved += dist(p, again.shown.nopt.Positions[id]) / float32(len(after))
		}
		if moved > 25 {
			t.Errorf("in the next session the nodes are %.0f points from where they were drawn", moved)
		}
		// Another map keeps its own.
		other := NewNetworkView(m, "", nil, a.Preferences(), filepath.Join(t.TempDir(), "other.vflow"))
		settle(other)
		if got := other.pinsOfLocked(scene.Neato); len(got) != 0 {
			t.Errorf("another map has the placed nodes %v", got)
		}
	})

	t.Run("what_if_names_the_steps_left_without_a_lead_and_goes_by_id", func(t *testing.T) {
		test.NewTempApp(t)
		m := sample.Map()
		// Two stakeholders with one name: the second is the one left out.
		twin := *m.Stakeholder("sh4")
		twin.ID = "sh4b"
		m.Stakeholders = append(m.Stakeholders, &twin)
		var whatIf model.ID
		v := NewNetworkView(m, "", nil, nil, "")
		v.OnWhatIf = func(id model.ID) { whatIf = id }
		settle(v)
		second := indexOf(v.without.Options, twin.Name+" (2)")
		if second < 0 {
			t.Fatalf("no second %q among %v", twin.Name, v.without.Options)
		}
		fyne.DoAndWait(func() { v.without.SetSelectedIndex(second) })
		settle(v)
		if whatIf != "sh4b" || v.shown.res.Without != "sh4b" {
			t.Errorf("leaving out the second %q left out %q (board: %q)", twin.Name, v.shown.res.Without, whatIf)
		}
		// The first: its flows break and the steps it led are named.
		fyne.DoAndWait(func() { v.without.SetSelectedIndex(indexOf(v.without.Options, twin.Name)) })
		settle(v)
		res := v.shown.res
		if res.Without != "sh4" || len(res.Leaderless) == 0 {
			t.Fatalf("without sh4: %+v", res)
		}
		for _, id := range res.Leaderless {
			if name := m.Scenarios[0].Step(id).Name; !strings.Contains(v.status.Text, name) {
				t.Errorf("status %q does not name the step %q", v.status.Text, name)
			}
		}
		if !strings.Contains(v.status.Text, fmt.Sprintf("%d flows break", len(res.Broken))) {
			t.Errorf("status %q", v.status.Text)
		}
	})

	t.Run("a_coalition_chosen_dims_the_others_without_a_new_layout", func(t *testing.T) {
		test.NewTempApp(t)
		m := sample.Map()
		var filter model.ID
		v := NewNetworkView(m, "", nil, nil, "")
		v.OnCoalition = func(id model.ID) { filter = id }
		settle(v)
		key := v.shown.key
		fyne.DoAndWait(func() { v.coalition.SetSelectedIndex(1) })
		if filter != "co1" || v.shown.key != key {
			t.Fatalf("filter %q, layout %v", filter, v.shown.key == key)
		}
		member := map[model.ID]bool{}
		for _, id := range m.Coalition("co1").Members {
			member[id] = true
		}
		for _, it := range v.Scene().Items {
			if it.Circle != nil && it.Target.Kind == model.EntityStakeholder && it.Circle.Radius > 7 {
				if dimmed := it.Emphasis == scene.Dimmed; dimmed == member[it.Target.ID] {
					t.Errorf("%s (member %v) drawn %v", it.Target.ID, member[it.Target.ID], it.Emphasis)
				}
			}
		}
	})
}

func dist(a, b scene.Point) float32 {
	return float32(math.Hypot(float64(a.X-b.X), float64(a.Y-b.Y)))
}

func TestTheSelectionIsTheSameInEveryView(t *testing.T) {
	mw, _ := openSample(t)
	network := mw.views["Network"]
	fyne.DoAndWait(func() { mw.tabs.Select(network) })
	settle(mw.network)
	// A node tapped in the network selects the stakeholder: the board
	// highlights its lane, the inspector shows it.
	c := centre(t, mw.network.Scene(), "sh8")
	fyne.DoAndWait(func() { mw.network.view.input.Tapped(&fyne.PointEvent{Position: at(mw.network.view, c)}) })
	if mw.selected != (scene.Target{Kind: model.EntityStakeholder, ID: "sh8"}) {
		t.Fatalf("the window selected %+v", mw.selected)
	}
	if !boardFocuses(mw, "sh8") {
		t.Error("the board does not highlight the lane of the node selected in the network")
	}
	// Another lane selected on the board: the network follows.
	mw.selectTarget(scene.Target{Kind: model.EntityStakeholder, ID: "sh3"})
	if mw.network.selected != "sh3" {
		t.Errorf("the network highlights %q after the board selected sh3", mw.network.selected)
	}
	// And the grid shows it too.
	fyne.DoAndWait(func() { mw.tabs.Select(mw.views["Stakeholder grid"]) })
	grid := mw.analysis().grid
	if grid == nil || grid.selected != "sh3" {
		t.Fatalf("the grid does not show the selection")
	}
	for _, it := range grid.Scene().Items {
		if it.Circle != nil && it.Target.ID == "sh3" && it.Emphasis != scene.Selected {
			t.Errorf("the grid draws the selected dot %v", it.Emphasis)
		}
	}
}

// boardFocuses reports whether the board's scene highlights a lane.
func boardFocuses(mw *mainWindow, lane model.ID) bool {
	for _, it := range mw.board.Scene().Items {
		if it.Target == (scene.Target{Kind: model.EntityStakeholder, ID: lane}) && it.Emphasis == scene.Selected {
			return true
		}
	}
	return mw.board.Selected() == scene.Target{Kind: model.EntityStakeholder, ID: lane}
}

func TestTheWhatIfAndTheCoalitionOfTheNetworkShowOnTheBoard(t *testing.T) {
	mw, _ := openSample(t)
	sc := mw.doc.current()
	// dimmed counts the board's cards drawn dimmed, of the stakeholders
	// in who and of the others.
	dimmed := func(who map[model.ID]bool) (in, out int) {
		seen := map[model.ID]bool{}
		for _, it := range mw.board.Scene().Items {
			if it.Target.Kind != model.EntityContribution || it.Box == nil || seen[it.Target.ID] {
				continue
			}
			if c := sc.Contribution(it.Target.ID); c != nil && it.Emphasis == scene.Dimmed {
				seen[c.ID] = true
				if who[c.Stakeholder] {
					in++
				} else {
					out++
				}
			}
		}
		return in, out
	}
	sh4 := map[model.ID]bool{"sh4": true}
	if in, out := dimmed(sh4); in+out != 0 {
		t.Fatalf("the board dims %d cards before any what-if", in+out)
	}
	fyne.DoAndWait(func() { mw.tabs.Select(mw.views["Network"]) })
	settle(mw.network)
	fyne.DoAndWait(func() { mw.network.without.SetSelectedIndex(indexOf(mw.network.stakeholderIDsAsStrings(), "sh4")) })
	settle(mw.network)
	if in, out := dimmed(sh4); in != len(sc.CardsForStakeholder("sh4")) || out != 0 {
		t.Errorf("without sh4 the board dims %d of its %d cards and %d others", in, len(sc.CardsForStakeholder("sh4")), out)
	}
	// The coalition "Mantelzorg ontlasten" as a filter: the others dim.
	fyne.DoAndWait(func() {
		mw.network.without.SetSelectedIndex(0)
		mw.network.coalition.SetSelectedIndex(2)
	})
	settle(mw.network)
	members := map[model.ID]bool{}
	for _, id := range mw.doc.m().Coalition("co2").Members {
		members[id] = true
	}
	if in, out := dimmed(members); in != 0 || out == 0 {
		t.Errorf("filtered by the coalition the board dims %d members' cards and %d others", in, out)
	}
	fyne.DoAndWait(func() { mw.network.coalition.SetSelectedIndex(0) })
	if in, out := dimmed(members); in+out != 0 {
		t.Errorf("without a filter the board still dims %d cards", in+out)
	}
}

func (v *NetworkView) stakeholderIDsAsStrings() []string {
	out := make([]string, len(v.stakeholderIDs))
	for i, id := range v.stakeholderIDs {
		out[i] = string(id)
	}
	return out
}

func TestAFindingsLinkScrollsTheBoardToItsPlace(t *testing.T) {
	mw, _ := openSample(t)
	fyne.DoAndWait(func() { mw.tabs.Select(mw.views["Insights"]) })
	facts := mw.analysis().facts
	settle(facts)
	// The finding whose place is furthest to the right of the board.
	rect := func(tg scene.Target) (scene.Rect, bool) {
		for _, it := range mw.scene.Items {
			if it.Target == tg && it.Box != nil {
				return it.Box.Rect, true
			}
		}
		return scene.Rect{}, false
	}
	far, r := -1, scene.Rect{}
	for i, f := range facts.res.Findings {
		if q, ok := rect(findingTarget(f)); ok && q.X > r.X {
			far, r = i, q
		}
	}
	tg := findingTarget(facts.res.Findings[far])
	fyne.DoAndWait(func() { mw.tabs.SelectIndex(0) })
	mw.board.ShowRect(scene.Rect{}) // the top left in view
	if boardShows(mw, r) {
		t.Fatalf("the place %v is in view before the link is followed: the test shows nothing", r)
	}
	fyne.DoAndWait(func() { mw.tabs.Select(mw.views["Insights"]) })
	fyne.DoAndWait(func() { facts.list.Select(far) })
	if mw.tabs.SelectedIndex() != 0 || mw.selected != tg {
		t.Fatalf("tab %d, selected %+v, want %+v", mw.tabs.SelectedIndex(), mw.selected, tg)
	}
	if !boardShows(mw, r) {
		t.Errorf("the finding's place %v is not in view after following its link", r)
	}
}

// boardShows reports whether the board draws r wholly inside itself.
func boardShows(mw *mainWindow, r scene.Rect) bool {
	pos, size := mw.board.CanvasRect(r)
	origin := fyne.CurrentApp().Driver().AbsolutePositionForObject(mw.board)
	view := mw.board.Size()
	return pos.X >= origin.X && pos.Y >= origin.Y && pos.X+size.Width <= origin.X+view.Width && pos.Y+size.Height <= origin.Y+view.Height
}

func TestGridView(t *testing.T) {
	t.Run("a_dot_dropped_on_another_cell_moves_the_stakeholder_undoably", func(t *testing.T) {
		mw, _ := openSample(t)
		fyne.DoAndWait(func() { mw.tabs.Select(mw.views["Stakeholder grid"]) })
		grid := mw.analysis().grid
		w := test.NewTempWindow(t, container.NewStack(grid))
		w.Resize(fyne.NewSize(1100, 800))
		capture(t, w, "grid")
		// The GP: influence 5, interest 3. One cell left is interest 2.
		c := centre(t, grid.Scene(), "sh5")
		drag(grid.sceneCanvas, c, scene.Point{X: c.X - 150, Y: c.Y})
		if s := mw.doc.m().Stakeholder("sh5"); s.Influence != 5 || s.Interest != 2 {
			t.Fatalf("after the drop: influence %d, interest %d", s.Influence, s.Interest)
		}
		if label, ok := mw.doc.editor.CanUndo(); !ok || label == "" {
			t.Fatal("the move cannot be undone")
		}
		mw.undo()
		if s := mw.doc.m().Stakeholder("sh5"); s.Influence != 5 || s.Interest != 3 {
			t.Errorf("after undo: influence %d, interest %d", s.Influence, s.Interest)
		}
	})
	t.Run("a_dot_dropped_in_its_own_cell_is_no_command", func(t *testing.T) {
		test.NewTempApp(t)
		m := sample.Map()
		moves := 0
		grid := NewGridView(m, nil, func(model.ID, int, int) { moves++ })
		w := test.NewTempWindow(t, container.NewStack(grid))
		w.Resize(fyne.NewSize(1100, 800))
		c := centre(t, grid.Scene(), "sh5")
		drag(grid.sceneCanvas, c, scene.Point{X: c.X + 20, Y: c.Y + 3})
		if moves != 0 {
			t.Errorf("a drop in the same cell made %d commands", moves)
		}
		drag(grid.sceneCanvas, c, scene.Point{X: c.X - 150, Y: c.Y})
		if moves != 1 {
			t.Errorf("a drop in another cell made %d commands", moves)
		}
	})
}

func TestTheMeasuresTableSortsBothWays(t *testing.T) {
	test.NewTempApp(t)
	m := sample.Map()
	v := NewInsightsView(m, "", nil)
	settle(v)
	const betweenness = 5
	if h := v.header(betweenness); strings.ContainsAny(h, "▲▼") {
		t.Errorf("unsorted header %q", h)
	}
	sorted := func(desc bool) bool {
		for i := 1; i < len(v.rows); i++ {
			a, b := v.rows[i-1].Betweenness, v.rows[i].Betweenness
			if desc && a < b || !desc && a > b {
				return false
			}
		}
		return true
	}
	v.SortBy(betweenness)
	if !sorted(true) || !strings.HasSuffix(v.header(betweenness), "▼") {
		t.Errorf("first tap: %q, largest first %v", v.header(betweenness), sorted(true))
	}
	v.SortBy(betweenness)
	if !sorted(false) || !strings.HasSuffix(v.header(betweenness), "▲") {
		t.Errorf("second tap: %q, smallest first %v", v.header(betweenness), sorted(false))
	}
	v.SortBy(0)
	if !strings.HasSuffix(v.header(0), "▲") || strings.ContainsAny(v.header(betweenness), "▲▼") {
		t.Errorf("by name: %q, betweenness %q", v.header(0), v.header(betweenness))
	}
	for i := 1; i < len(v.rows); i++ {
		if a, b := strings.ToLower(v.names[v.rows[i-1].Stakeholder]), strings.ToLower(v.names[v.rows[i].Stakeholder]); a > b {
			t.Errorf("%q before %q", a, b)
		}
	}
	// A new version of the map keeps the order chosen.
	v.SortBy(betweenness)
	v.SetMap(m, "")
	settle(v)
	if !sorted(true) {
		t.Error("the order is lost after an edit")
	}
}

func TestAnalysisErrorsAreTranslated(t *testing.T) {
	en, nl := loadTranslationFile(t, "en.json"), loadTranslationFile(t, "nl.json")
	m := sample.Map()
	for i, opt := range []analysis.Options{
		{Scenario: "nope"}, {Without: "nope"}, {FromStep: "nope"}, {ToStep: "nope"},
		{FromStep: "st3", ToStep: "st1"}, {},
	} {
		mm := m
		if i == 5 {
			mm = &model.Map{}
		}
		_, err := analysis.Analyze(mm, opt)
		var ae *analysis.Error
		if !errors.As(err, &ae) {
			t.Fatalf("%+v: %v is not an analysis.Error", opt, err)
		}
		if en[ae.Format] == "" || nl[ae.Format] == "" || nl[ae.Format] == en[ae.Format] {
			t.Errorf("%q lacks a Dutch or English text", ae.Format)
		}
	}
}

func TestEachLayoutEngineLaysTheNetworkOutItsOwnWay(t *testing.T) {
	test.NewTempApp(t)
	v := NewNetworkView(sample.Map(), "", nil, nil, "")
	settle(v)
	layouts := map[scene.Engine]map[model.ID]scene.Point{}
	for i, e := range scene.Engines {
		fyne.DoAndWait(func() { v.engine.SetSelectedIndex(i) })
		settle(v)
		if v.shown.nopt.Engine != e {
			t.Fatalf("chose %s, the network shows %s", e, v.shown.nopt.Engine)
		}
		layouts[e] = v.shown.nopt.Positions
	}
	// Compared by shape, not place: the distances between the nodes.
	shape := func(pos map[model.ID]scene.Point) []float32 {
		var out []float32
		for _, a := range []model.ID{"sh1", "sh3", "sh5", "sh7"} {
			for _, b := range []model.ID{"sh2", "sh4", "sh6", "sh8"} {
				out = append(out, dist(pos[a], pos[b]))
			}
		}
		return out
	}
	for i, a := range scene.Engines {
		for _, b := range scene.Engines[i+1:] {
			var differ float32
			sa, sb := shape(layouts[a]), shape(layouts[b])
			for k := range sa {
				differ = max(differ, float32(math.Abs(float64(sa[k]-sb[k]))))
			}
			if differ < 5 {
				t.Errorf("%s and %s lay the network out alike (distances differ by at most %.1f points)", a, b, differ)
			}
		}
	}
	// Back to the first: its own layout again, from the cache.
	fyne.DoAndWait(func() { v.engine.SetSelectedIndex(0) })
	settle(v)
	for id, p := range layouts[scene.Engines[0]] {
		if d := dist(v.shown.nopt.Positions[id], p); d > 0.5 {
			t.Errorf("back to %s, %s is %.1f points from where it was", scene.Engines[0], id, d)
		}
	}
}

// withAttitude is a copy of the sample with stakeholders' attitudes set.
func withAttitude(attitude map[model.ID]int) *model.Map {
	m := sample.Map()
	for id, a := range attitude {
		m.Stakeholder(id).Attitude = a
	}
	return m
}

func TestTheInsightsAnalyseInTheBackgroundAndShowTheNewestMap(t *testing.T) {
	test.NewTempApp(t)
	v := NewInsightsView(sample.Map(), "", nil)
	settle(v)
	before := v.head.Text
	if v.res == nil || before != fmt.Sprintf("%d findings", len(v.res.Findings)) || v.progress.Visible() {
		t.Fatalf("after the first analysis: head %q, progress shown %v", before, v.progress.Visible())
	}
	// The analysis is held back until the test lets it go; it says which
	// map it was given.
	release := make(chan struct{})
	started := make(chan *model.Map, 4)
	v.analyse = func(m *model.Map, opt analysis.Options) (*analysis.Result, error) {
		started <- m
		<-release
		return analysis.Analyze(m, opt)
	}
	// Three edits: one negative high-influence stakeholder, then none,
	// then two (each a finding).
	one := withAttitude(map[model.ID]int{"sh5": -1})
	none := sample.Map()
	two := withAttitude(map[model.ID]int{"sh5": -1, "sh3": -1})
	returned := make(chan struct{})
	go func() {
		fyne.DoAndWait(func() { v.SetMap(one, "") })
		close(returned)
	}()
	select {
	case <-returned:
	case <-time.After(5 * time.Second):
		close(release)
		t.Fatal("SetMap waits for the analysis: the window would freeze")
	}
	if got := <-started; got != one {
		t.Fatal("the first edit's map is not the one analysed")
	}
	// While it runs: the old findings stay, the progress bar turns.
	if !v.progress.Visible() || v.head.Text != before {
		t.Errorf("while analysing: progress shown %v, head %q (want %q)", v.progress.Visible(), v.head.Text, before)
	}
	// Two more edits meanwhile: only the newest waits.
	fyne.DoAndWait(func() { v.SetMap(none, ""); v.SetMap(two, "") })
	close(release)
	settle(v)
	if got := <-started; got != two {
		t.Error("an edit replaced by a newer one was analysed too")
	}
	select {
	case <-started:
		t.Error("more analyses than the running one and the newest")
	default:
	}
	want, err := analysis.Analyze(two, analysis.Options{Translate: T})
	if err != nil {
		t.Fatal(err)
	}
	if len(v.res.Findings) != len(want.Findings) || v.head.Text != fmt.Sprintf("%d findings", len(want.Findings)) {
		t.Errorf("shows %d findings (head %q), the newest map has %d", len(v.res.Findings), v.head.Text, len(want.Findings))
	}
	if v.progress.Visible() {
		t.Error("the progress bar still shows after the newest analysis")
	}
}

func TestAnEditWhileTheInsightsAreShownUpdatesThem(t *testing.T) {
	mw, _ := openSample(t)
	fyne.DoAndWait(func() { mw.tabs.Select(mw.views["Insights"]) })
	facts := mw.analysis().facts
	settle(facts)
	n := len(facts.res.Findings)
	s := *mw.doc.m().Stakeholder("sh5")
	s.Attitude = -1 // influence 5: one finding more
	fyne.DoAndWait(func() { mw.do(model.UpdateStakeholder(s)) })
	settle(facts)
	if got := len(facts.res.Findings); got != n+1 {
		t.Errorf("after the edit %d findings, want %d", got, n+1)
	}
	negative := false
	for _, f := range facts.res.Findings {
		negative = negative || f.Kind == analysis.KindNegativeInfluence && len(f.Stakeholders) == 1 && f.Stakeholders[0] == "sh5"
	}
	if !negative {
		t.Error("the edited stakeholder's finding is not shown")
	}
}

// mainMenuItem returns the item of the window's main menu with this label.
func mainMenuItem(t *testing.T, mw *mainWindow, menu, label string) *fyne.MenuItem {
	t.Helper()
	for _, m := range mw.mainMenu.Items {
		if m.Label != menu {
			continue
		}
		for _, it := range m.Items {
			if it.Label == label {
				return it
			}
		}
	}
	t.Fatalf("no %s › %s", menu, label)
	return nil
}

func TestTheViewMenuFiltersTheBoardAndTheNetworkByACoalition(t *testing.T) {
	mw, _ := openSample(t)
	filter := mainMenuItem(t, mw, "View", "Filter by Coalition")
	m := mw.doc.m()
	var labels []string
	for _, it := range filter.ChildMenu.Items {
		labels = append(labels, it.Label)
	}
	if want := []string{"(all)", m.Coalitions[0].Name, m.Coalitions[1].Name}; strings.Join(labels, "|") != strings.Join(want, "|") {
		t.Fatalf("the submenu lists %q, want %q", labels, want)
	}
	members := map[model.ID]bool{}
	for _, id := range m.Coalition("co2").Members {
		members[id] = true
	}
	// dimmed counts the board's dimmed cards of members and of the others.
	dimmed := func() (in, out int) {
		for _, it := range mw.board.Scene().Items {
			if it.Target.Kind != model.EntityContribution || it.Box == nil || it.Emphasis != scene.Dimmed {
				continue
			}
			if c := mw.doc.current().Contribution(it.Target.ID); c != nil && members[c.Stakeholder] {
				in++
			} else {
				out++
			}
		}
		return in, out
	}
	fyne.DoAndWait(filter.ChildMenu.Items[2].Action)
	if _, co := mw.boardFilter(); co != "co2" {
		t.Fatalf("the board is filtered by %q", co)
	}
	if in, out := dimmed(); in != 0 || out == 0 {
		t.Errorf("filtered from the menu the board dims %d members' cards and %d others", in, out)
	}
	if !filter.ChildMenu.Items[2].Checked || filter.ChildMenu.Items[0].Checked {
		t.Error("the menu does not check the coalition filtered by")
	}
	// The network, opened now, filters by it too, and its choice shows in the menu.
	fyne.DoAndWait(func() { mw.tabs.Select(mw.views["Network"]) })
	settle(mw.network)
	if got := mw.network.coalitionID(); got != "co2" || mw.network.shown.nopt.Coalition != "co2" {
		t.Errorf("the network's filter is %q (drawn with %q)", got, mw.network.shown.nopt.Coalition)
	}
	fyne.DoAndWait(func() { mw.network.coalition.SetSelectedIndex(1) })
	if !filter.ChildMenu.Items[1].Checked || filter.ChildMenu.Items[2].Checked {
		t.Error("the menu does not follow the network's choice")
	}
	// (all) from the menu: no filter anywhere.
	fyne.DoAndWait(filter.ChildMenu.Items[0].Action)
	if in, out := dimmed(); in+out != 0 || mw.network.coalitionID() != "" || mw.network.shown.nopt.Coalition != "" {
		t.Errorf("without a filter the board dims %d cards, the network filters by %q", in+out, mw.network.coalitionID())
	}
}

func TestAFindingCutShortIsShownWholeUnderThePointer(t *testing.T) {
	v, w := sampleInsights(t, fyne.NewSize(700, 700))
	hint := v.full.Text
	// Down the window with the pointer: where a finding's line hears it.
	var cut, whole fyne.Position
	var cutRow *findingRow
	for y := float32(0); y < 700 && (cutRow == nil || whole.Y == 0); y += 4 {
		pos := fyne.NewPos(40, y)
		test.MoveMouse(w.Canvas(), pos)
		if r := v.hovered; r != nil {
			if r.cut() && cutRow == nil {
				cut, cutRow = pos, r
			} else if !r.cut() && whole.Y == 0 {
				whole = pos
			}
		}
	}
	if cutRow == nil || whole.Y == 0 {
		t.Fatalf("at this width the test wants a finding cut short (%v) and one shown whole (%v) under the pointer", cutRow != nil, whole.Y != 0)
	}
	full := strings.TrimPrefix(cutRow.label.Text, "→ ")
	known := false
	for _, f := range v.res.Findings {
		known = known || f.Message == full
	}
	if !known {
		t.Fatalf("%q is no finding", full)
	}
	test.MoveMouse(w.Canvas(), cut)
	if !strings.Contains(v.full.Text, full) {
		t.Errorf("with the pointer on a cut finding the view shows %q, want %q", v.full.Text, full)
	}
	test.MoveMouse(w.Canvas(), whole)
	if v.full.Text != hint {
		t.Errorf("with the pointer on a finding shown whole the view shows %q, want the hint", v.full.Text)
	}
	// From a cut finding off the list: the hint again.
	test.MoveMouse(w.Canvas(), cut)
	test.MoveMouse(w.Canvas(), fyne.NewPos(690, 690))
	if v.full.Text != hint {
		t.Errorf("with the pointer off the list the view shows %q", v.full.Text)
	}
}

// TestTheProgressBarsReadAsBars: while the network or the insights are
// computed, the progress bar turns as wide as a button (at its least width
// it was a square), and it goes once they are shown.
func TestTheProgressBarsReadAsBars(t *testing.T) {
	test.NewTempApp(t)
	hold := func(analyse *func(*model.Map, analysis.Options) (*analysis.Result, error)) (started chan struct{}, release chan struct{}) {
		started, release = make(chan struct{}, 4), make(chan struct{})
		*analyse = func(m *model.Map, opt analysis.Options) (*analysis.Result, error) {
			started <- struct{}{}
			<-release
			return analysis.Analyze(m, opt)
		}
		return started, release
	}
	check := func(t *testing.T, w fyne.Window, bar fyne.CanvasObject, again func(), analyse *func(*model.Map, analysis.Options) (*analysis.Result, error), wait func()) {
		w.Resize(fyne.NewSize(1366, 768))
		started, release := hold(analyse)
		fyne.DoAndWait(again)
		<-started
		// Lay the window out as the driver does on its next frame (the
		// test driver does not follow a container shown), parents first.
		fyne.DoAndWait(func() {
			deepWalk(w.Content(), func(o fyne.CanvasObject) {
				if c, ok := o.(*fyne.Container); ok {
					c.Refresh()
				}
			})
		})
		size := bar.Size()
		if !bar.Visible() || size.Width < 150 || size.Height < bar.MinSize().Height {
			t.Errorf("while computing: the bar shows %v at %v", bar.Visible(), size)
		}
		close(release)
		wait()
		if bar.Visible() {
			t.Error("the bar still shows once done")
		}
	}
	t.Run("network", func(t *testing.T) {
		v := NewNetworkView(sample.Map(), "", nil, nil, "")
		settle(v)
		w := test.NewTempWindow(t, v)
		check(t, w, v.progress, func() { v.SetMap(withAttitude(map[model.ID]int{"sh5": -1}), "") }, &v.analyse, v.wait)
	})
	t.Run("insights", func(t *testing.T) {
		v := NewInsightsView(sample.Map(), "", nil)
		settle(v)
		w := test.NewTempWindow(t, v)
		check(t, w, v.progress, func() { v.SetMap(withAttitude(map[model.ID]int{"sh5": -1}), "") }, &v.analyse, v.wait)
	})
}

// TestTheMeasuresHeadersAreNotCut: each header of the measures table, with
// the sort mark on it, is as wide as it needs ("Informal leader" was cut).
func TestTheMeasuresHeadersAreNotCut(t *testing.T) {
	v, _ := sampleInsights(t, fyne.NewSize(1366, 768))
	titles := measureColumns()
	for col := range titles {
		fyne.DoAndWait(func() {
			v.SortBy(col)
			v.table.ScrollTo(widget.TableCellID{Row: 0, Col: col})
		})
		want := v.header(col)
		found := false
		deepWalk(v.table, func(o fyne.CanvasObject) {
			b, ok := o.(*widget.Button)
			if !ok || b.Text != want || !b.Visible() {
				return
			}
			found = true
			if b.Size().Width < b.MinSize().Width {
				t.Errorf("header %q is %.0f wide, needs %.0f", want, b.Size().Width, b.MinSize().Width)
			}
		})
		if !found {
			t.Errorf("no header %q on the screen", want)
		}
	}
}

// TestTheViewsSayWhenTheMeasuresAreEstimated: on an XL map (one connected
// group of 400) the insights' head and the network's status line say
// that betweenness and closeness are estimates; on the sample they do not.
func TestTheViewsSayWhenTheMeasuresAreEstimated(t *testing.T) {
	test.NewTempApp(t)
	xl := sample.Generate(sample.XL)
	v := NewInsightsView(xl, "", nil)
	settle(v)
	note := "Betweenness and closeness are estimated from 200 of 400 stakeholders (exact for up to 200 connected stakeholders)."
	if want := fmt.Sprintf("%d findings · %s", len(v.res.Findings), note); v.head.Text != want {
		t.Errorf("XL insights head %q, want %q", v.head.Text, want)
	}
	res, err := analysis.Analyze(xl, analysis.Options{Translate: T})
	if err != nil {
		t.Fatal(err)
	}
	if s := summary(xl, res); !strings.HasSuffix(s, " findings · "+note) {
		t.Errorf("XL network status %q does not end with the note", s)
	}
	small, err := analysis.Analyze(sample.Map(), analysis.Options{Translate: T})
	if err != nil {
		t.Fatal(err)
	}
	if s := summary(sample.Map(), small); strings.Contains(s, "estimated") {
		t.Errorf("the sample's status %q calls exact measures estimated", s)
	}
}

// sampleInsights shows the sample's insights, analysed, in a window of size.
func sampleInsights(t *testing.T, size fyne.Size) (*InsightsView, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	v := NewInsightsView(sample.Map(), "", nil)
	settle(v)
	w := test.NewTempWindow(t, v)
	w.Resize(size)
	return v, w
}
