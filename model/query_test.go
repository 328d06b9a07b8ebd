package model_test

import (
	"reflect"
	"slices"
	"testing"

	"valueflow/model"
)

func cardIDs(cards []*model.Contribution) []model.ID {
	var ids []model.ID
	for _, c := range cards {
		ids = append(ids, c.ID)
	}
	return ids
}

func flowIDs(flows []*model.Flow) []model.ID {
	var ids []model.ID
	for _, f := range flows {
		ids = append(ids, f.ID)
	}
	return ids
}

func TestLookupsFindElementsByIDAndReturnNilOrMinusOneOtherwise(t *testing.T) {
	m := smallMap()
	sc := m.Scenario("sc1")
	if sc == nil || sc.Name != "Huidige situatie" || m.Scenario("nope") != nil {
		t.Error("Scenario")
	}
	if s := m.Stakeholder("h3"); s == nil || s.Name != "Ziekenhuis" || m.Stakeholder("nope") != nil {
		t.Error("Stakeholder")
	}
	if r := m.Relationship("r2"); r == nil || r.A != "h2" || m.Relationship("nope") != nil {
		t.Error("Relationship")
	}
	if c := m.Coalition("co2"); c == nil || c.Name != "Mantelzorg" || m.Coalition("nope") != nil {
		t.Error("Coalition")
	}
	if s := sc.Step("s3"); s == nil || s.Name != "Ontslag" || sc.Step("nope") != nil {
		t.Error("Step")
	}
	if c := sc.Contribution("c5"); c == nil || c.Value != "Intake thuiszorg" || sc.Contribution("c9") != nil {
		t.Error("Contribution")
	}
	if f := sc.Flow("f4"); f == nil || f.From != "c4" || sc.Flow("f7") != nil {
		t.Error("Flow")
	}
	if m.StakeholderIndex("h4") != 3 || m.StakeholderIndex("nope") != -1 {
		t.Error("StakeholderIndex")
	}
	if sc.StepIndex("s1") != 0 || sc.StepIndex("s4") != 3 || m.Scenario("sc2").StepIndex("s4") != 2 || sc.StepIndex("nope") != -1 {
		t.Error("StepIndex")
	}
}

func TestCardQueriesReturnCardsInTheirOrder(t *testing.T) {
	sc := smallMap().Scenario("sc1")
	cases := []struct {
		name string
		got  []*model.Contribution
		want []model.ID
	}{
		{"a cell with two cards", sc.CardsAt("s2", "h3"), []model.ID{"c3", "c4"}},
		{"a cell with one card", sc.CardsAt("s3", "h2"), []model.ID{"c6"}},
		{"an empty cell", sc.CardsAt("s1", "h5"), nil},
		{"a step", sc.CardsForStep("s3"), []model.ID{"c5", "c6"}},
		{"a missing step", sc.CardsForStep("nope"), nil},
		{"a lane", sc.CardsForStakeholder("h4"), []model.ID{"c5", "c7"}},
		{"a lane across steps", sc.CardsForStakeholder("h2"), []model.ID{"c2", "c6"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := cardIDs(tc.got); !slices.Equal(got, tc.want) {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
}

func TestFlowsOfSplitsIncomingAndOutgoing(t *testing.T) {
	sc := smallMap().Scenario("sc1")
	cases := []struct {
		card    model.ID
		in, out []model.ID
	}{
		{"c4", []model.ID{"f3"}, []model.ID{"f4", "f5"}},
		{"c1", nil, []model.ID{"f1"}},
		{"c8", nil, nil},
		{"c7", []model.ID{"f6"}, nil},
	}
	for _, tc := range cases {
		t.Run(string(tc.card), func(t *testing.T) {
			in, out := sc.FlowsOf(tc.card)
			if !slices.Equal(flowIDs(in), tc.in) || !slices.Equal(flowIDs(out), tc.out) {
				t.Errorf("in %v out %v, want %v %v", flowIDs(in), flowIDs(out), tc.in, tc.out)
			}
		})
	}
}

func TestUpstreamAndDownstreamFollowTheFlowsTransitively(t *testing.T) {
	sc := smallMap().Scenario("sc1")
	// A cycle must neither loop forever nor list the card itself.
	loop := &model.Scenario{ID: "s", Flows: []*model.Flow{
		{ID: "1", From: "a", To: "b"}, {ID: "2", From: "b", To: "c"}, {ID: "3", From: "x", To: "c"}, {ID: "4", From: "c", To: "a"},
	}}
	cases := []struct {
		name string
		got  []model.ID
		want []model.ID
	}{
		{"downstream of the first card, nearest first", sc.Downstream("c1"), []model.ID{"c2", "c3", "c4", "c5", "c6", "c7"}},
		{"downstream of a branch", sc.Downstream("c4"), []model.ID{"c5", "c6", "c7"}},
		{"downstream of the last card", sc.Downstream("c7"), nil},
		{"upstream of the last card", sc.Upstream("c7"), []model.ID{"c5", "c4", "c3", "c2", "c1"}},
		{"upstream of an unconnected card", sc.Upstream("c8"), nil},
		{"upstream of a missing card", sc.Upstream("nope"), nil},
		{"downstream around a cycle", loop.Downstream("a"), []model.ID{"b", "c"}},
		{"upstream around a cycle", loop.Upstream("c"), []model.ID{"b", "x", "a"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if !slices.Equal(tc.got, tc.want) {
				t.Errorf("got %v, want %v", tc.got, tc.want)
			}
		})
	}
}

func TestNewIDIsUnusedByAnyKindInAnyScenario(t *testing.T) {
	m := smallMap()
	// c9 exists only in the second scenario; h and s ids are other kinds.
	for _, prefix := range []string{"c", "h", "s", "f", "r", "co", "sc", ""} {
		id := m.NewID(prefix)
		if id == "" || string(id[:len(prefix)]) != prefix {
			t.Fatalf("NewID(%q) = %q", prefix, id)
		}
		if used(m, id) {
			t.Errorf("NewID(%q) = %q is already used", prefix, id)
		}
	}
	// Ids from NewID stay unique while they are added.
	for i := 0; i < 50; i++ {
		id := m.NewID("c")
		if used(m, id) {
			t.Fatalf("%q is already used", id)
		}
		if err := model.AddContribution("sc2", model.Contribution{ID: id, Step: "s1", Stakeholder: "h1", Value: "v", Role: model.RoleLead}).Do(m); err != nil {
			t.Fatal(err)
		}
	}
}

func used(m *model.Map, id model.ID) bool {
	for ref := range elements(m) {
		if ref.ID == id {
			return true
		}
	}
	return false
}

func TestCloneIsDeep(t *testing.T) {
	m := smallMap()
	c := m.Clone()
	if !reflect.DeepEqual(m, c) {
		t.Fatal("the clone differs")
	}
	c.Title = "x"
	c.Stakeholders[0].Name = "x"
	c.Relationships[0].Quality = -2
	c.Coalitions[0].Members[0] = "h5"
	c.Scenarios[0].Name = "x"
	*c.Scenarios[0].Steps[1].Experience = 2
	*c.Scenarios[0].Steps[1].CarerExperience = 2
	c.Scenarios[0].Contributions[0].Value = "x"
	c.Scenarios[0].Flows[0].Label = "x"
	c.Scenarios[1].Steps = nil
	if !reflect.DeepEqual(m, smallMap()) {
		t.Fatal("changing the clone changed the original")
	}
	empty := &model.Map{Scenarios: []*model.Scenario{{ID: "a", Name: "a"}}}
	if !reflect.DeepEqual(empty, empty.Clone()) {
		t.Fatal("nil lists did not stay nil")
	}
}

func TestMapInfoReadsTheMapsProperties(t *testing.T) {
	m := smallMap()
	want := model.MapInfo{Title: "Kwetsbare ouderen", Purpose: "Thuis na ontslag", Region: "Utrecht", Stage: model.StageAlign}
	if m.Info() != want {
		t.Fatalf("got %+v", m.Info())
	}
}
