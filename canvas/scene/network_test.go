package scene

import (
	"context"
	"fmt"
	"os/exec"
	"strings"
	"testing"

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
	if p := pos["sh1"]; p != (Point{72, 36}) {
		t.Errorf("sh1 at %v, want {72 36}", p)
	}
	if p, ok := pos[`a b"c`]; !ok || p != (Point{36, 180}) {
		t.Errorf("quoted node at %v (%v)", p, ok)
	}
}

func TestLayoutNetworkPlacesEveryStakeholderApart(t *testing.T) {
	m := sample.Map()
	r, err := analysis.Analyze(m, analysis.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range Engines {
		t.Run(string(e), func(t *testing.T) {
			pos, err := LayoutNetwork(context.Background(), NetworkDOT(m, r, NetworkOptions{}), e)
			if err != nil {
				t.Fatal(err)
			}
			if len(pos) != len(m.Stakeholders) {
				t.Fatalf("%d positions for %d stakeholders", len(pos), len(m.Stakeholders))
			}
			seen := map[Point]model.ID{}
			for id, p := range pos {
				if o, ok := seen[p]; ok {
					t.Errorf("%s and %s share %v", id, o, p)
				}
				seen[p] = id
			}
		})
	}
	if _, err := LayoutNetwork(context.Background(), "graph {", Neato); err == nil {
		t.Error("broken DOT gives no error")
	}
	if _, err := LayoutNetwork(context.Background(), "graph {}", "circo"); err == nil {
		t.Error("an unknown engine gives no error")
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
	if got := find(s, "co1", func(it Item) bool { return it.Path != nil && it.Path.Closed }); len(got) != 1 && len(m.Coalitions) > 0 {
		t.Errorf("coalition outline: %d", len(got))
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
func network60(b *testing.B) string {
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
	return NetworkDOT(m, r, NetworkOptions{})
}

func BenchmarkGraphvizLayout60(b *testing.B) {
	dot := network60(b)
	if _, err := LayoutNetwork(context.Background(), dot, Neato); err != nil { // start Graphviz outside the timing
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		if _, err := LayoutNetwork(context.Background(), dot, Neato); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkNativeNeato60(b *testing.B) {
	bin, err := exec.LookPath("neato")
	if err != nil {
		b.Skip("neato is not installed")
	}
	dot := network60(b)
	b.ResetTimer()
	for b.Loop() {
		cmd := exec.Command(bin, "-Tplain")
		cmd.Stdin = strings.NewReader(dot)
		out, err := cmd.Output()
		if err != nil {
			b.Fatal(err)
		}
		if pos, err := ParsePlain(out); err != nil || len(pos) != 60 {
			b.Fatalf("%d positions, %v", len(pos), err)
		}
	}
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
