package scene

import (
	"strings"
	"testing"

	"valueflow/model"
	"valueflow/model/compare"
	"valueflow/model/sample"
)

func TestCompareBoardColoursWhatChanged(t *testing.T) {
	m := sample.Map()
	a := m.Scenarios[0]
	must := func(c model.Command) {
		t.Helper()
		if err := c.Do(m); err != nil {
			t.Fatal(err)
		}
	}
	must(model.AddScenario(a.ID, model.Scenario{ID: "tobe", Name: "Gewenst"}))
	b := m.Scenario("tobe")
	must(model.AddStep("tobe", model.Step{ID: "nieuw", Name: "Nazorg"}, 1))
	gone := b.Contributions[2].ID
	must(model.DeleteContribution("tobe", gone))
	c := *b.Contributions[0]
	c.Value = "Ander werk"
	must(model.UpdateContribution("tobe", c))

	d := compare.Compare(a, b, m, m)
	s, status := CompareBoard(a, b, m, m, d, CompareOptions{FromName: "Huidig", ToName: "Gewenst"})
	want := map[Target]struct {
		st     CompareStatus
		colour Color
		dashed bool
	}{
		{model.EntityStep, "nieuw"}:      {Added, CompareAdded, false},
		{model.EntityContribution, gone}: {Removed, CompareRemoved, true},
		{model.EntityContribution, c.ID}: {Changed, CompareChanged, false},
	}
	for target, w := range want {
		if status[target] != w.st {
			t.Errorf("%v: status %d, want %d", target, status[target], w.st)
		}
		found := false
		for _, it := range s.Items {
			if it.Target == target && it.Box != nil {
				found = true
				if it.Box.Stroke != w.colour || it.Box.Dashed != w.dashed {
					t.Errorf("%v: box stroke %v dashed %v, want %v %v", target, it.Box.Stroke, it.Box.Dashed, w.colour, w.dashed)
				}
			}
		}
		if !found {
			t.Errorf("%v is not drawn on the compare board", target)
		}
	}
	var summary string
	for _, it := range s.Items {
		if it.Group == "compare-summary" && it.Text != nil {
			summary += strings.Join(it.Text.Lines, " ") + "\n"
		}
	}
	for _, w := range []string{"Huidig → Gewenst", "steps: +1 −0 ~0", "contributions: +0 −1 ~1"} {
		if !strings.Contains(summary, w) {
			t.Errorf("the summary bar %q lacks %q", summary, w)
		}
	}
	// Nothing else is coloured: an unchanged card keeps its own stroke.
	other := Target{model.EntityContribution, b.Contributions[1].ID}
	if status[other] != Unchanged {
		t.Errorf("an unchanged card has status %d", status[other])
	}
}
