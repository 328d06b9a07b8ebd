package scene

import (
	"context"
	"errors"
	"fmt"
	"os/exec"
	"strings"
	"testing"
	"time"

	"valueflow/model"
	"valueflow/model/analysis"
	"valueflow/model/sample"
)

func TestParsePlainReadsQuotedNamesAndFlipsY(t *testing.T) {
	plain := "graph 1 2 3\nnode sh1 1 2.5 0.5 0.5 \"\" solid circle black lightgrey\nnode \"a b\\\"c\" 0.5 0.5 0.5 0.5 \"\" solid circle black lightgrey\nedge sh1 \"a b\\\"c\" 2 1 2 0.5 0.5 solid black\nstop\n"
	pos, err := ParsePlain([]byte(plain))
	if err != nil {
		t.Fatal(err)
	}
	if p := pos["sh1"]; p != (Point{72, -180}) {
		t.Errorf("sh1 at %v, want {72 -180}", p)
	}
	if p, ok := pos[`a b"c`]; !ok || p != (Point{36, -36}) {
		t.Errorf("quoted node at %v (%v)", p, ok)
	}
}

// overlapping returns a pair of stakeholders whose node boxes overlap.
func overlapping(l *NetworkLayout, pos map[model.ID]Point) (model.ID, model.ID, bool) {
	for i, a := range l.ids {
		for j := i + 1; j < len(l.ids); j++ {
			b := l.ids[j]
			pa, pb, ba, bb := pos[a], pos[b], l.boxes[i], l.boxes[j]
			ox := min(pa.X+ba.right, pb.X+bb.right) - max(pa.X-ba.left, pb.X-bb.left)
			oy := min(pa.Y+ba.bottom, pb.Y+bb.bottom) - max(pa.Y-ba.top, pb.Y-bb.top)
			if ox > 0.01 && oy > 0.01 {
				return a, b, true
			}
		}
	}
	return "", "", false
}

func TestNetworkLayout(t *testing.T) {
	m := sample.Map()
	r, err := analysis.Analyze(m, analysis.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range Engines {
		t.Run(string(e)+"_places_every_stakeholder_without_overlapping_names", func(t *testing.T) {
			l := NewNetworkLayout(m, r, NetworkOptions{Engine: e})
			pos, err := l.Run(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if len(pos) != len(m.Stakeholders) {
				t.Fatalf("%d positions for %d stakeholders", len(pos), len(m.Stakeholders))
			}
			if a, b, ok := overlapping(l, pos); ok {
				t.Errorf("%s and %s overlap at %v and %v", a, b, pos[a], pos[b])
			}
			again, err := NewNetworkLayout(m, r, NetworkOptions{Engine: e}).Run(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			for id, p := range pos {
				if again[id] != p {
					t.Errorf("the same network laid out twice puts %s at %v and %v", id, p, again[id])
				}
			}
		})
	}
	t.Run("keeps_a_pinned_node_exactly_where_the_user_put_it", func(t *testing.T) {
		for _, e := range Engines {
			first, err := NewNetworkLayout(m, r, NetworkOptions{Engine: e}).Run(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			// Drag the GP 150 points to the right of where it was.
			pin := Point{first["sh5"].X + 150, first["sh5"].Y}
			opt := NetworkOptions{Engine: e, SizeBy: SizeByDegree, Pinned: map[model.ID]Point{"sh5": pin}}
			l := NewNetworkLayout(m, r, opt)
			pos, err := l.Run(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if pos["sh5"] != pin {
				t.Errorf("%s: pinned at %v, laid out at %v", e, pin, pos["sh5"])
			}
			if a, b, ok := overlapping(l, pos); ok {
				t.Errorf("%s: %s and %s overlap", e, a, b)
			}
			// The rest stays in the same frame: its middle within a screen of the pin.
			var cx, cy float32
			for _, p := range pos {
				cx, cy = cx+p.X/float32(len(pos)), cy+p.Y/float32(len(pos))
			}
			if d := dist(Point{cx, cy}, pin); d > 600 {
				t.Errorf("%s: the other nodes moved %v away from the pinned one", e, d)
			}
		}
	})
	t.Run("sizing_nodes_by_another_measure_needs_no_new_Graphviz_layout", func(t *testing.T) {
		for _, e := range Engines {
			a := NewNetworkLayout(m, r, NetworkOptions{Engine: e, SizeBy: SizeByDegree}).Key
			b := NewNetworkLayout(m, r, NetworkOptions{Engine: e, SizeBy: SizeByBetweenness}).Key
			// dot ranks by node size; neato and fdp do not.
			if (a == b) != (e != Dot) {
				t.Errorf("%s: the same key for two measures is %v", e, a == b)
			}
		}
	})
	t.Run("each_engine_has_its_own_key_so_a_cache_never_hands_one_the_other_s_layout", func(t *testing.T) {
		seen := map[string]Engine{}
		for _, e := range Engines {
			k := NewNetworkLayout(m, r, NetworkOptions{Engine: e}).Key
			if other, ok := seen[k]; ok {
				t.Errorf("%s and %s have the same layout key", other, e)
			}
			seen[k] = e
		}
	})
	t.Run("a_new_layout_starts_from_the_positions_on_the_screen", func(t *testing.T) {
		first, err := NewNetworkLayout(m, r, NetworkOptions{}).Run(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		// An edit: a new relationship between two far-apart stakeholders.
		m2 := m.Clone()
		m2.Relationships = append(m2.Relationships, &model.Relationship{ID: "rx", A: "sh1", B: "sh10", Kind: "x"})
		r2, err := analysis.Analyze(m2, analysis.Options{})
		if err != nil {
			t.Fatal(err)
		}
		moved := func(opt NetworkOptions) float32 {
			pos, err := NewNetworkLayout(m2, r2, opt).Run(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			var sum float32
			for id, p := range first {
				sum += dist(p, pos[id])
			}
			return sum / float32(len(first))
		}
		kept, fresh := moved(NetworkOptions{Start: first}), moved(NetworkOptions{})
		if kept > 0.6*fresh {
			t.Errorf("started from the screen the nodes move %.0f points on average, laid out afresh %.0f", kept, fresh)
		}
	})
	t.Run("refuses_the_layered_layout_for_a_huge_network", func(t *testing.T) {
		big := &model.Map{Scenarios: []*model.Scenario{{ID: "sc"}}}
		for i := 0; i <= MaxDotStakeholders; i++ {
			big.Stakeholders = append(big.Stakeholders, &model.Stakeholder{ID: model.ID(fmt.Sprint("s", i)), Name: "x"})
		}
		rb, err := analysis.Analyze(big, analysis.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := NewNetworkLayout(big, rb, NetworkOptions{Engine: Dot}).Run(context.Background()); !errors.Is(err, ErrTooLargeForDot) {
			t.Errorf("dot on %d stakeholders: %v", len(big.Stakeholders), err)
		}
	})
	t.Run("drops_a_request_cancelled_while_it_waited_for_Graphviz", func(t *testing.T) {
		l := NewNetworkLayout(m, r, NetworkOptions{})
		graphvizMu.Lock() // another layout is running
		waiting := make(chan bool)
		waitingForGraphviz = func() { waiting <- true }
		defer func() { waitingForGraphviz = nil }()
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan error)
		go func() {
			_, err := l.Run(ctx)
			done <- err
		}()
		<-waiting
		cancel() // a newer request came in
		graphvizMu.Unlock()
		if err := <-done; !errors.Is(err, context.Canceled) {
			t.Errorf("a cancelled layout returned %v", err)
		}
	})
	if _, err := LayoutNetwork(context.Background(), "graph {", Neato); err == nil {
		t.Error("broken DOT gives no error")
	}
	if _, err := LayoutNetwork(context.Background(), "graph {}", "circo"); err == nil {
		t.Error("an unknown engine gives no error")
	}
}

func TestLayoutGraphKeepsEachStakeholdersStrongestTies(t *testing.T) {
	// Eight stakeholders all linked; the pair i–j has i+j flows.
	index := map[model.ID]int{}
	var ids []model.ID
	for i := 0; i < 8; i++ {
		id := model.ID(fmt.Sprint("s", i))
		index[id] = i
		ids = append(ids, id)
	}
	r := &analysis.Result{}
	for i := 0; i < 8; i++ {
		for j := i + 1; j < 8; j++ {
			fl := make([]model.ID, i+j)
			r.FlowEdges = append(r.FlowEdges, analysis.Edge{From: ids[i], To: ids[j], Flows: fl})
		}
	}
	// A ninth with one weak relationship only.
	index["lonely"] = 8
	r.Relations = []analysis.Edge{{From: "lonely", To: "s0", Relationships: []model.ID{"r"}}}
	edges := layoutEdges(r, index)
	has := map[[2]int]bool{}
	for _, e := range edges {
		has[[2]int{e.a, e.b}] = true
	}
	if !has[[2]int{0, 8}] {
		t.Error("the lonely stakeholder lost its only tie")
	}
	// s0's weakest ties (to s1, s2) are nobody's five strongest.
	if has[[2]int{0, 1}] || has[[2]int{0, 2}] {
		t.Errorf("weak ties kept: %v", edges)
	}
	// s6–s7 (13 flows) is everyone's strongest.
	if !has[[2]int{6, 7}] {
		t.Error("the strongest tie was dropped")
	}
	for i := 0; i <= 8; i++ {
		n := 0
		for _, e := range edges {
			if e.a == i || e.b == i {
				n++
			}
		}
		if n == 0 {
			t.Errorf("s%d has no tie left", i)
		}
	}
}

func TestCoalitionOutlinesEncloseTheMembersAndNobodyElse(t *testing.T) {
	m := sample.Map()
	r, err := analysis.Analyze(m, analysis.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range Engines {
		s := Network(m, r, NetworkOptions{Engine: e})
		centre := map[model.ID]Point{}
		for _, it := range s.Items {
			if it.Circle != nil && it.Target.Kind == model.EntityStakeholder && it.Circle.Radius > 6 {
				centre[it.Target.ID] = it.Circle.Center
			}
		}
		for _, co := range m.Coalitions {
			var loops [][]Point
			for _, it := range find(s, co.ID, func(it Item) bool { return it.Path != nil && it.Path.Closed }) {
				loops = append(loops, it.Path.Points)
			}
			if len(loops) == 0 {
				t.Fatalf("%s: no outline of %s", e, co.Name)
			}
			// Even-odd over all loops: inside an outer loop and not in a hole.
			inside := func(p Point) bool {
				in := false
				for _, l := range loops {
					if pointInPolygon(p, l) {
						in = !in
					}
				}
				return in
			}
			member := map[model.ID]bool{}
			for _, id := range co.Members {
				member[id] = true
				if !inside(centre[id]) {
					t.Errorf("%s: %s is a member of %q but outside its outline", e, id, co.Name)
				}
			}
			for _, sh := range m.Stakeholders {
				if !member[sh.ID] && inside(centre[sh.ID]) {
					t.Errorf("%s: %s (%s) is not a member of %q but inside its outline", e, sh.ID, sh.Name, co.Name)
				}
			}
		}
	}
}

func TestGroupOutlineGoesAroundANonMemberBetweenMembers(t *testing.T) {
	members := []disc{{Point{0, 0}, 20}, {Point{200, 0}, 20}}
	others := []disc{{Point{100, 0}, 15}, {Point{100, 300}, 15}}
	outer, holes := groupOutline(members, others, 7)
	inside := func(p Point) bool {
		in := false
		for _, l := range append(append([][]Point{}, outer...), holes...) {
			if pointInPolygon(p, l) {
				in = !in
			}
		}
		return in
	}
	for _, m := range members {
		if !inside(m.c) {
			t.Errorf("member at %v left out", m.c)
		}
	}
	for _, o := range others {
		if inside(o.c) {
			t.Errorf("non-member at %v inside (%d outer loops, %d holes)", o.c, len(outer), len(holes))
		}
	}
}

func TestRelationshipsShowTheirKindAndQuality(t *testing.T) {
	m := sample.Map()
	r, err := analysis.Analyze(m, analysis.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s := Network(m, r, NetworkOptions{})
	for _, rel := range m.Relationships {
		var line *Path
		var label string
		for _, it := range find(s, rel.ID, func(it Item) bool { return true }) {
			if it.Path != nil {
				line = it.Path
			}
			if it.Text != nil {
				label = it.Text.Lines[0]
			}
		}
		if line == nil {
			t.Fatalf("%s is not drawn", rel.ID)
		}
		if label != rel.Kind {
			t.Errorf("%s labelled %q, want its kind %q", rel.ID, label, rel.Kind)
		}
		want := relationStyle(rel.Quality)
		if line.Stroke != want.colour || line.Dashed != (rel.Quality < 0) {
			t.Errorf("%s (quality %d) drawn %v dashed=%v", rel.ID, rel.Quality, line.Stroke, line.Dashed)
		}
	}
	var legend []string
	for _, it := range s.Items {
		if it.Text != nil && it.Target.ID == "" {
			legend = append(legend, it.Text.Lines...)
		}
	}
	for _, want := range []string{"good relationship", "strained relationship", "label: kind of relationship"} {
		if !strings.Contains(strings.Join(legend, "|"), want) {
			t.Errorf("legend lacks %q: %v", want, legend)
		}
	}
}

func TestNetworkSizesNodesByBetweennessUnlessAskedOtherwise(t *testing.T) {
	m := sample.Map()
	r, err := analysis.Analyze(m, analysis.Options{})
	if err != nil {
		t.Fatal(err)
	}
	def, bet, deg := nodeRadii(m, r, ""), nodeRadii(m, r, SizeByBetweenness), nodeRadii(m, r, SizeByDegree)
	same := true
	for id := range def {
		if def[id] != bet[id] {
			t.Errorf("%s: default radius %v, by betweenness %v", id, def[id], bet[id])
		}
		same = same && def[id] == deg[id]
	}
	if same {
		t.Error("sizing by degree gives the same radii as by betweenness: the test shows nothing")
	}
}

// find returns the items whose target is id, of the kind selected by pick.
func find(s *Scene, id model.ID, pick func(Item) bool) []Item {
	var out []Item
	for _, it := range s.Items {
		if it.Target.ID == id && pick(it) {
			out = append(out, it)
		}
	}
	return out
}

func TestNetworkDrawsNodesBadgesEdgesAndWhatIf(t *testing.T) {
	m := sample.Map()
	r, err := analysis.Analyze(m, analysis.Options{Without: "sh4"})
	if err != nil {
		t.Fatal(err)
	}
	s := Network(m, r, NetworkOptions{Selected: "sh5", SizeBy: "betweenness"})
	isCircle := func(it Item) bool { return it.Circle != nil }
	for _, sh := range m.Stakeholders {
		c := find(s, sh.ID, isCircle)
		want := 1
		if sh.InformalLeader {
			want++
		}
		if r.Measure(sh.ID).Broker {
			want++
		}
		if len(c) != want {
			t.Errorf("%s: %d circles (node and badges), want %d", sh.ID, len(c), want)
		}
		if !(Rect{0, 0, s.Width, s.Height}).Contains(c[0].Circle.Center) {
			t.Errorf("%s outside the scene", sh.ID)
		}
	}
	if e := find(s, "sh5", isCircle)[0].Emphasis; e != Selected {
		t.Errorf("selected node emphasis %v", e)
	}
	// Without sh4 its flows are dashed; high-criticality pairs are red.
	var dashed, red int
	for _, it := range s.Items {
		if it.Path != nil && it.Target.Kind == model.EntityFlow {
			if it.Path.Dashed {
				dashed++
			}
			if it.Path.Stroke == highRed {
				red++
			}
		}
	}
	wantDashed := 0
	for _, e := range r.FlowEdges {
		if e.From == "sh4" || e.To == "sh4" {
			wantDashed++
		}
	}
	if dashed != wantDashed || red == 0 {
		t.Errorf("%d dashed flow edges (want %d), %d red", dashed, wantDashed, red)
	}
	if got := find(s, "co1", func(it Item) bool { return it.Path != nil && it.Path.Closed }); len(got) == 0 {
		t.Error("coalition co1 has no outline")
	}
}

func TestGridPutsEachStakeholderInItsCell(t *testing.T) {
	m := sample.Map()
	m.Stakeholders = append(m.Stakeholders, &model.Stakeholder{ID: "x", Name: "Unassessed"})
	s := Grid(m, GridOptions{})
	for _, sh := range m.Stakeholders {
		dots := find(s, sh.ID, func(it Item) bool { return it.Circle != nil })
		if len(dots) == 0 {
			t.Fatalf("%s has no dot", sh.ID)
		}
		if dots[0].Circle.Fill != attitudeColour(sh.Attitude) {
			t.Errorf("%s coloured %v", sh.ID, dots[0].Circle.Fill)
		}
		inf, in, ok := GridValueAt(m, dots[0].Circle.Center)
		if sh.Influence == 0 {
			if ok {
				t.Errorf("unassessed %s sits in cell %d,%d", sh.ID, inf, in)
			}
			continue
		}
		if !ok || inf != sh.Influence || in != sh.Interest {
			t.Errorf("%s in cell %d,%d, want %d,%d", sh.ID, inf, in, sh.Influence, sh.Interest)
		}
	}
	var names []string
	for _, it := range s.Items {
		if it.Group == "quadrant" && it.Text != nil {
			names = append(names, it.Text.Lines[0])
		}
	}
	if got := strings.Join(names, ","); got != "Keep satisfied,Manage closely,Monitor,Keep informed" {
		t.Errorf("quadrant names %s", got)
	}
}

func TestRolesMarksTheGapsOfTheCraftedJourney(t *testing.T) {
	m := sample.Map()
	s := Roles(m, "")
	// st10 has no lead in the sample: its column is tinted and marked.
	var marked bool
	for _, it := range find(s, "st10", func(it Item) bool { return it.Text != nil }) {
		marked = marked || strings.Contains(it.Text.Lines[0], "no lead")
	}
	if !marked {
		t.Error("st10 is not marked as without a lead")
	}
	// Every card's cell shows the strongest role at that cell.
	cells := 0
	for _, it := range s.Items {
		if it.Target.Kind == model.EntityContribution && it.Box != nil {
			cells++
		}
	}
	distinct := map[[2]model.ID]bool{}
	for _, c := range m.Scenarios[0].Contributions {
		distinct[[2]model.ID{c.Step, c.Stakeholder}] = true
	}
	if cells != len(distinct) {
		t.Errorf("%d role cells, want %d", cells, len(distinct))
	}
	if s.LeftBand == 0 || s.TopBand == 0 {
		t.Error("no frozen bands")
	}
	// A crafted informed-then-leads gets a dashed red cell and an arrow.
	m.Scenarios[0].Contributions = append(m.Scenarios[0].Contributions,
		&model.Contribution{ID: "cx", Step: "st9", Stakeholder: "sh13", Role: model.RoleInformed},
		&model.Contribution{ID: "cy", Step: "st10", Stakeholder: "sh13", Role: model.RoleLead})
	s = Roles(m, "")
	if got := find(s, "cx", func(it Item) bool { return it.Box != nil && it.Box.Dashed && it.Box.Stroke == highRed }); len(got) != 1 {
		t.Errorf("informed-then-leads cell not marked: %d", len(got))
	}
}

// network60 is a 60-stakeholder network: the L generator's lanes repeated.
func network60(b testing.TB) (*model.Map, *analysis.Result) {
	m := sample.Generate(sample.L)
	extra := m.Stakeholders[:20]
	for i, s := range extra {
		c := *s
		c.ID = model.ID(fmt.Sprintf("x%d", i))
		m.Stakeholders = append(m.Stakeholders, &c)
		m.Relationships = append(m.Relationships, &model.Relationship{ID: model.ID(fmt.Sprintf("xr%d", i)), A: c.ID, B: m.Stakeholders[(i*7)%40].ID},
			&model.Relationship{ID: model.ID(fmt.Sprintf("xq%d", i)), A: c.ID, B: m.Stakeholders[(i*13+5)%40].ID})
	}
	r, err := analysis.Analyze(m, analysis.Options{})
	if err != nil {
		b.Fatal(err)
	}
	if len(r.Measures) != 60 {
		b.Fatalf("%d stakeholders", len(r.Measures))
	}
	return m, r
}

// BenchmarkGraphvizLayout60 lays out a 60-stakeholder network the way the
// network view does (the DOT with its start positions, Graphviz in
// WebAssembly, then overlaps removed in Go) and, in the same loop, runs the
// native neato of the Graphviz installed here on the same DOT text (as a
// process, read back with ParsePlain). It reports both times and their
// ratio ("x-native", the figure of issue 6: at most 2); ns/op is our side.
func BenchmarkGraphvizLayout60(b *testing.B) {
	m, r := network60(b)
	opt := NetworkOptions{}
	if _, err := NewNetworkLayout(m, r, opt).Run(context.Background()); err != nil { // start Graphviz outside the timing
		b.Fatal(err)
	}
	bin, err := exec.LookPath("neato")
	native := err == nil
	var ours, theirs time.Duration
	b.ResetTimer()
	for b.Loop() {
		t0 := time.Now()
		l := NewNetworkLayout(m, r, opt)
		if _, err := l.Run(context.Background()); err != nil {
			b.Fatal(err)
		}
		ours += time.Since(t0)
		if !native {
			continue
		}
		b.StopTimer() // ns/op is our layout; the native side has its own metric
		t0 = time.Now()
		cmd := exec.Command(bin, "-Tplain")
		cmd.Stdin = strings.NewReader(l.DOT())
		out, err := cmd.Output()
		if err != nil {
			b.Fatal(err)
		}
		if pos, err := ParsePlain(out); err != nil || len(pos) != 60 {
			b.Fatalf("%d positions, %v", len(pos), err)
		}
		theirs += time.Since(t0)
		b.StartTimer()
	}
	n := float64(b.N)
	b.ReportMetric(float64(ours.Microseconds())/1000/n, "ms-ours")
	if !native {
		b.Log("neato is not installed: no native floor")
		return
	}
	b.ReportMetric(float64(theirs.Microseconds())/1000/n, "ms-native")
	b.ReportMetric(float64(ours)/float64(theirs), "x-native")
}

func TestLayoutKeepsOddIDs(t *testing.T) {
	m := &model.Map{Scenarios: []*model.Scenario{{ID: "sc"}}}
	for _, id := range []model.ID{`a "quoted" id`, `back\slash`, "ünï cödé", "plain"} {
		m.Stakeholders = append(m.Stakeholders, &model.Stakeholder{ID: id, Name: string(id)})
	}
	m.Relationships = []*model.Relationship{{ID: "r", A: m.Stakeholders[0].ID, B: m.Stakeholders[1].ID}}
	r, err := analysis.Analyze(m, analysis.Options{})
	if err != nil {
		t.Fatal(err)
	}
	pos, err := LayoutNetwork(context.Background(), NetworkDOT(m, r, NetworkOptions{}), FDP)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range m.Stakeholders {
		if _, ok := pos[s.ID]; !ok {
			t.Errorf("no position for %q (got %v)", s.ID, pos)
		}
	}
}
