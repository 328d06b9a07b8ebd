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
