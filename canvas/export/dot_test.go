package export

import (
	"bytes"
	"fmt"
	"os/exec"
	"strings"
	"testing"

	"valueflow/model"
	"valueflow/model/sample"
)

// synthMap is a small map with every role, capital and flow kind, a flow
// back in time, an empty lane and names that need quoting.
func synthMap() *model.Map {
	m := &model.Map{Title: `Zorgpad "diabetes" \ Noord`}
	for i := 0; i < 4; i++ {
		m.Stakeholders = append(m.Stakeholders, &model.Stakeholder{ID: model.ID(fmt.Sprintf("h%d", i)), Name: fmt.Sprintf("Lane %d é", i)})
	}
	m.Stakeholders[1].Colour = "#1565c0"
	sc := &model.Scenario{ID: "as-is", Name: "Huidige situatie"}
	for i := 0; i < 5; i++ {
		sc.Steps = append(sc.Steps, &model.Step{ID: model.ID(fmt.Sprintf("s%d", i)), Name: fmt.Sprintf("Stap %d", i+1), Timing: "week 1–2"})
	}
	n := 0
	for st := 0; st < 5; st++ {
		for h := 0; h < 3; h++ { // lane 3 stays empty
			n++
			sc.Contributions = append(sc.Contributions, &model.Contribution{ID: model.ID(fmt.Sprintf("c%d", n)),
				Step: sc.Steps[st].ID, Stakeholder: m.Stakeholders[h].ID, Value: fmt.Sprintf("Waarde %d\n\"x\"", n),
				Role: model.Roles[n%4], Capital: model.Capitals[n%3]})
		}
	}
	for i := 1; i < n; i += 2 {
		sc.Flows = append(sc.Flows, &model.Flow{ID: model.ID(fmt.Sprintf("f%d", i)), From: sc.Contributions[i-1].ID, To: sc.Contributions[i].ID,
			Kind: model.FlowKinds[i%4], Label: fmt.Sprintf("label %d", i), Criticality: model.Criticalities[i%3]})
	}
	sc.Flows = append(sc.Flows, &model.Flow{ID: "back", From: "c14", To: "c2", Kind: model.FlowInformation})
	m.Scenarios = []*model.Scenario{sc}
	return m
}

func TestDOT(t *testing.T) {
	m := synthMap()
	var buf bytes.Buffer
	if err := DOT(&buf, m, "as-is"); err != nil {
		t.Fatal(err)
	}
	dot := buf.String()
	for _, want := range []string{"cluster_0", "cluster_3", `"card:c1" -> "card:c2"`, `label="label 1"`, "rank=same", `\"diabetes\" \\ Noord`} {
		if !strings.Contains(dot, want) {
			t.Errorf("the DOT lacks %s", want)
		}
	}
	if err := DOT(&buf, m, "nope"); err == nil || !strings.Contains(err.Error(), `scenario "nope" does not exist`) {
		t.Errorf("an unknown scenario gave %v", err)
	}
	checkDOT(t, buf.Bytes())
}

// checkDOT has Graphviz lay the graph out.
func checkDOT(t *testing.T, dot []byte) {
	t.Helper()
	needTool(t, "dot")
	cmd := exec.Command("dot", "-Tsvg")
	cmd.Stdin = bytes.NewReader(dot)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil || len(out) == 0 {
		t.Fatalf("dot -Tsvg refused the graph: %v\n%s", err, stderr.String())
	}
	if strings.Contains(stderr.String(), "Error") {
		t.Errorf("dot complained:\n%s", stderr.String())
	}
}

func TestDOTOfTheSampleAndAnLMap(t *testing.T) {
	maps := []struct {
		name string
		m    *model.Map
	}{{"the sample", sample.Map()}, {"an M map", sample.Generate(sample.M)}, {"an L map", sample.Generate(sample.L)}}
	for _, tc := range maps {
		t.Run(tc.name, func(t *testing.T) {
			if testing.Short() && tc.name == "an L map" {
				t.Skip("Graphviz takes seconds on an L map")
			}
			var buf bytes.Buffer
			if err := DOT(&buf, tc.m, tc.m.Scenarios[0].ID); err != nil {
				t.Fatal(err)
			}
			dot := buf.String()
			for _, h := range tc.m.Stakeholders {
				if !strings.Contains(dot, "label="+quote(h.Name)+"; labeljust") {
					t.Errorf("lane %q has no cluster", h.Name)
				}
			}
			for _, st := range tc.m.Scenarios[0].Steps {
				if !strings.Contains(dot, quote("step:"+string(st.ID))+" [label=") {
					t.Errorf("step %q has no header", st.Name)
				}
			}
			checkDOT(t, buf.Bytes())
		})
	}
}

// laidOut has Graphviz place the graph and returns each node's centre
// (inches, y growing upwards, as `dot -Tplain` gives it).
func laidOut(t *testing.T, dot []byte) map[string][2]float64 {
	t.Helper()
	needTool(t, "dot")
	cmd := exec.Command("dot", "-Tplain")
	cmd.Stdin = bytes.NewReader(dot)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("dot -Tplain refused the graph: %v\n%s", err, stderr.String())
	}
	pos := map[string][2]float64{}
	for _, line := range strings.Split(string(out), "\n") {
		// node NAME X Y W H LABEL …; names and labels are quoted when needed.
		if !strings.HasPrefix(line, "node ") {
			continue
		}
		rest := strings.TrimPrefix(line, "node ")
		var name string
		if strings.HasPrefix(rest, `"`) {
			end := strings.Index(rest[1:], `"`)
			name, rest = rest[1:end+1], rest[end+2:]
		} else {
			name, rest, _ = strings.Cut(rest, " ")
		}
		var x, y float64
		if _, err := fmt.Sscan(rest, &x, &y); err != nil {
			t.Fatalf("cannot read %q: %v", line, err)
		}
		pos[name] = [2]float64{x, y}
	}
	return pos
}

// TestDOTStacksTheLanesInBoardOrder lays the graph out with Graphviz and
// checks what a reader of the drawing sees: the lanes from top to bottom in
// the board's order, every card of a lane below every card of the lane
// above it, and the step headers above the first lane.
func TestDOTStacksTheLanesInBoardOrder(t *testing.T) {
	maps := []struct {
		name string
		m    *model.Map
	}{{"a small map with an empty lane", synthMap()}, {"the sample", sample.Map()}, {"an M map", sample.Generate(sample.M)}, {"an L map", sample.Generate(sample.L)}}
	for _, tc := range maps {
		t.Run(tc.name, func(t *testing.T) {
			if testing.Short() && tc.name == "an L map" {
				t.Skip("Graphviz takes seconds on an L map")
			}
			sc := tc.m.Scenarios[0]
			var buf bytes.Buffer
			if err := DOT(&buf, tc.m, sc.ID); err != nil {
				t.Fatal(err)
			}
			pos := laidOut(t, buf.Bytes())
			// The highest and lowest y of each lane's nodes: its anchor and cards.
			top := make([]float64, len(tc.m.Stakeholders))
			bottom := make([]float64, len(tc.m.Stakeholders))
			lane := map[model.ID]int{}
			for i, h := range tc.m.Stakeholders {
				lane[h.ID] = i
				p, ok := pos["lane:"+string(h.ID)]
				if !ok {
					t.Fatalf("lane %q has no node in the layout", h.Name)
				}
				top[i], bottom[i] = p[1], p[1]
			}
			for _, c := range sc.Contributions {
				p, ok := pos["card:"+string(c.ID)]
				i, known := lane[c.Stakeholder]
				if !ok || !known {
					continue
				}
				top[i], bottom[i] = max(top[i], p[1]), min(bottom[i], p[1])
			}
			var order []string
			for i := range tc.m.Stakeholders {
				order = append(order, fmt.Sprintf("%s %.1f..%.1f", tc.m.Stakeholders[i].Name, bottom[i], top[i]))
			}
			for i := 1; i < len(top); i++ {
				if top[i] >= bottom[i-1] {
					t.Fatalf("lane %d %q reaches up to %.2f in, above the bottom (%.2f in) of lane %d %q; lanes bottom..top:\n%s",
						i+1, tc.m.Stakeholders[i].Name, top[i], bottom[i-1], i, tc.m.Stakeholders[i-1].Name, strings.Join(order, "\n"))
				}
			}
			for _, st := range sc.Steps {
				if p := pos["step:"+string(st.ID)]; p[1] <= top[0] {
					t.Errorf("step %q is drawn at %.2f in, not above the first lane (top %.2f in)", st.Name, p[1], top[0])
				}
			}
		})
	}
}
