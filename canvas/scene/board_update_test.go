package scene

import (
	"fmt"
	"reflect"
	"testing"

	"valueflow/model"
	"valueflow/model/sample"
)

// TestRefocusDrawsWhatALayoutDraws moves the selection on laid-out boards
// with Refocus, from each kind of element to each other and to nothing,
// and checks every item is what BoardLayout draws for the new selection:
// if the layout gives the focus or the outline to other items, this fails.
func TestRefocusDrawsWhatALayoutDraws(t *testing.T) {
	for _, tc := range []struct {
		name string
		m    *model.Map
	}{{"sample", sample.Map()}, {"generated M", sample.Generate(sample.M)}} {
		m := tc.m
		sc := m.Scenarios[0]
		selections := []Target{
			{},
			{Kind: model.EntityContribution, ID: sc.Contributions[0].ID},
			{Kind: model.EntityContribution, ID: sc.Contributions[len(sc.Contributions)/2].ID},
			{Kind: model.EntityStakeholder, ID: m.Stakeholders[1].ID},
			{Kind: model.EntityStep, ID: sc.Steps[2].ID},
			{Kind: model.EntityFlow, ID: sc.Flows[0].ID},
		}
		bases := []BoardOptions{{}, {RealTime: true}, {NoFocus: true}}
		if len(m.Coalitions) > 0 {
			bases = append(bases, BoardOptions{Coalition: m.Coalitions[0].ID})
		}
		bases = append(bases, BoardOptions{Without: m.Stakeholders[0].ID})
		for bi, base := range bases {
			for _, from := range selections {
				for _, to := range selections {
					name := fmt.Sprintf("%s/options %d/%v to %v", tc.name, bi, from, to)
					opt := base
					opt.Selected = from
					s, g := BoardLayout(m, sc.ID, opt)
					opt.Selected = to
					if !Refocus(s, g, m, sc.ID, opt) {
						t.Fatalf("%s: Refocus refused a fresh layout", name)
					}
					want, _ := BoardLayout(m, sc.ID, opt)
					if len(s.Items) != len(want.Items) {
						t.Fatalf("%s: %d items, the layout has %d", name, len(s.Items), len(want.Items))
					}
					for i := range want.Items {
						if !reflect.DeepEqual(s.Items[i], want.Items[i]) {
							t.Fatalf("%s: item %d (%s) is\n%+v\nthe layout draws\n%+v", name, i, want.Items[i].Group, show(s.Items[i]), show(want.Items[i]))
						}
					}
				}
			}
		}
	}
}

func show(it Item) string {
	switch {
	case it.Box != nil:
		return fmt.Sprintf("%v %v box %+v", it.Target, it.Emphasis, *it.Box)
	case it.Path != nil:
		return fmt.Sprintf("%v %v path stroke %v", it.Target, it.Emphasis, it.Path.Stroke)
	case it.Text != nil:
		return fmt.Sprintf("%v %v text %q", it.Target, it.Emphasis, it.Text.Lines)
	}
	return fmt.Sprintf("%+v", it)
}

func TestRefocusRefusesABoardOfAnotherMap(t *testing.T) {
	m := sample.Map()
	sc := m.Scenarios[0]
	s, g := BoardLayout(m, sc.ID, BoardOptions{})
	before := append([]Item(nil), s.Items...)
	// A card added since the layout: the board no longer shows the map.
	c := *sc.Contributions[0]
	c.ID = "c-new"
	if err := model.AddContribution(sc.ID, c).Do(m); err != nil {
		t.Fatal(err)
	}
	if Refocus(s, g, m, sc.ID, BoardOptions{Selected: Target{Kind: model.EntityContribution, ID: sc.Contributions[1].ID}}) {
		t.Fatal("Refocus took a board without the new card")
	}
	if !reflect.DeepEqual(before, s.Items) {
		t.Fatal("a refused Refocus changed the scene")
	}
}
