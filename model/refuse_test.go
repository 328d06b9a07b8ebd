package model_test

import (
	"reflect"
	"testing"

	"valueflow/model"
)

func TestCommandsRefuseBadInputWithASpecificMessageAndChangeNothing(t *testing.T) {
	lead := model.RoleLead
	card := func(id, step, lane, value string, role model.Role) model.Contribution {
		return model.Contribution{ID: model.ID(id), Step: model.ID(step), Stakeholder: model.ID(lane), Value: value, Role: role}
	}
	flow := func(id, from, to string) model.Flow {
		return model.Flow{ID: model.ID(id), From: model.ID(from), To: model.ID(to), Kind: model.FlowHandOff, Criticality: model.CriticalityNormal}
	}
	cases := []struct {
		name string
		cmd  model.Command
		want string
	}{
		{"a map stage that does not exist", model.SetMapInfo(model.MapInfo{Title: "x", Stage: "klaar"}), `map: stage "klaar" is not valid (valid: verbinden, richten, produceren)`},

		{"a step without a name", model.AddStep("sc1", model.Step{ID: "s9", Name: "  "}, -1), `step "s9": name is empty`},
		{"a step without an id", model.AddStep("sc1", model.Step{Name: "x"}, -1), `step: the id is empty`},
		{"a step id used twice", model.AddStep("sc1", model.Step{ID: "s2", Name: "x"}, 0), `step "s2": the id is already used`},
		{"a step in a scenario that does not exist", model.AddStep("nope", model.Step{ID: "s9", Name: "x"}, 0), `scenario "nope" does not exist`},
		{"a negative waiting time", model.AddStep("sc1", model.Step{ID: "s9", Name: "x", WaitDays: -1}, -1), `step "s9": waiting time -1 is negative`},
		{"a negative duration", model.UpdateStep("sc1", model.Step{ID: "s2", Name: "x", DurationDays: -3}), `step "s2": duration -3 is negative`},
		{"a negative start day", model.UpdateStep("sc1", model.Step{ID: "s2", Name: "x", StartDay: -1}), `step "s2": start day -1 is negative`},
		{"an experience of 3", model.AddStep("sc1", model.Step{ID: "s9", Name: "x", Experience: model.Int(3)}, -1), `step "s9": experience 3 is out of range -2..2`},
		{"a carer experience of -3", model.UpdateStep("sc1", model.Step{ID: "s1", Name: "x", CarerExperience: model.Int(-3)}), `step "s1": carer experience -3 is out of range -2..2`},
		{"editing a step that does not exist", model.UpdateStep("sc1", model.Step{ID: "nope", Name: "x"}), `step "nope" does not exist`},
		{"moving a step off the end", model.MoveStep("sc1", "s1", 4), `step "s1": position 4 is outside 0..3`},
		{"moving a step before the start", model.MoveStep("sc1", "s1", -1), `step "s1": position -1 is outside 0..3`},
		{"moving a step that does not exist", model.MoveStep("sc1", "nope", 0), `step "nope" does not exist`},
		{"deleting a step that does not exist", model.DeleteStep("sc1", "nope"), `step "nope" does not exist`},
		{"deleting a step in a scenario that does not exist", model.DeleteStep("nope", "s1"), `scenario "nope" does not exist`},

		{"a stakeholder without a name", model.AddStakeholder(model.Stakeholder{ID: "h9"}, -1), `stakeholder "h9": name is empty`},
		{"a stakeholder id used twice", model.AddStakeholder(model.Stakeholder{ID: "h2", Name: "x"}, -1), `stakeholder "h2": the id is already used`},
		{"an influence of 7", model.AddStakeholder(model.Stakeholder{ID: "h9", Name: "x", Influence: 7}, -1), `stakeholder "h9": influence 7 is out of range 1..5`},
		{"an interest of -1", model.UpdateStakeholder(model.Stakeholder{ID: "h2", Name: "x", Interest: -1}), `stakeholder "h2": interest -1 is out of range 1..5`},
		{"an attitude of 3", model.UpdateStakeholder(model.Stakeholder{ID: "h2", Name: "x", Attitude: 3}), `stakeholder "h2": attitude 3 is out of range -2..2`},
		{"a colour name", model.AddStakeholder(model.Stakeholder{ID: "h9", Name: "x", Colour: "red"}, -1), `stakeholder "h9": colour "red" is not of the form #rrggbb`},
		{"a short colour", model.AddStakeholder(model.Stakeholder{ID: "h9", Name: "x", Colour: "#fff"}, -1), `stakeholder "h9": colour "#fff" is not of the form #rrggbb`},
		{"editing a stakeholder that does not exist", model.UpdateStakeholder(model.Stakeholder{ID: "nope", Name: "x"}), `stakeholder "nope" does not exist`},
		{"moving a lane off the end", model.MoveStakeholder("h1", 5), `stakeholder "h1": position 5 is outside 0..4`},
		{"deleting a stakeholder that does not exist", model.DeleteStakeholder("nope"), `stakeholder "nope" does not exist`},

		{"a card on a step that does not exist", model.AddContribution("sc1", card("c9", "nope", "h1", "v", lead)), `contribution "c9": step "nope" does not exist`},
		{"a card in a lane that does not exist", model.AddContribution("sc1", card("c9", "s1", "nope", "v", lead)), `contribution "c9": stakeholder "nope" does not exist`},
		{"a card on a step of another scenario", model.AddContribution("sc2", card("c10", "s3", "h1", "v", lead)), `contribution "c10": step "s3" does not exist`},
		{"a card without a value", model.AddContribution("sc1", card("c9", "s1", "h1", " ", lead)), `contribution "c9": value is empty`},
		{"a card without a role", model.AddContribution("sc1", card("c9", "s1", "h1", "v", "")), `contribution "c9": role is empty (valid: lead, contributes, consulted, informed)`},
		{"a card with an unknown role", model.AddContribution("sc1", card("c9", "s1", "h1", "v", "boss")), `contribution "c9": role "boss" is not valid (valid: lead, contributes, consulted, informed)`},
		{"a card with an unknown capital", model.AddContribution("sc1", model.Contribution{ID: "c9", Step: "s1", Stakeholder: "h1", Value: "v", Role: lead, Capital: "money"}), `contribution "c9": capital "money" is not valid (valid: economic, social, cultural)`},
		{"a card with unknown evidence", model.AddContribution("sc1", model.Contribution{ID: "c9", Step: "s1", Stakeholder: "h1", Value: "v", Role: lead, Evidence: "gut"}), `contribution "c9": evidence "gut" is not valid (valid: interview, data, assumption)`},
		{"a card id used twice", model.AddContribution("sc1", card("c3", "s1", "h1", "v", lead)), `contribution "c3": the id is already used`},
		{"moving a card to a lane that does not exist", model.UpdateContribution("sc1", card("c3", "s2", "ghost", "v", lead)), `contribution "c3": stakeholder "ghost" does not exist`},
		{"editing a card that does not exist", model.UpdateContribution("sc1", card("nope", "s1", "h1", "v", lead)), `contribution "nope" does not exist`},
		{"deleting a card that does not exist", model.DeleteContribution("sc1", "nope"), `contribution "nope" does not exist`},

		{"a flow from a card to itself", model.AddFlow("sc1", flow("f9", "c2", "c2")), `flow "f9": from and to are the same card`},
		{"a flow from a card that does not exist", model.AddFlow("sc1", flow("f9", "nope", "c2")), `flow "f9": card "nope" does not exist`},
		{"a flow to a card that does not exist", model.AddFlow("sc2", flow("f9", "c1", "c2")), `flow "f9": card "c2" does not exist`},
		{"a flow of an unknown kind", model.AddFlow("sc1", model.Flow{ID: "f9", From: "c1", To: "c3", Kind: "pipe", Criticality: model.CriticalityLow}), `flow "f9": kind "pipe" is not valid (valid: hand-off, referral, information, resource)`},
		{"a flow of an unknown criticality", model.AddFlow("sc1", model.Flow{ID: "f9", From: "c1", To: "c3", Kind: model.FlowHandOff, Criticality: "urgent"}), `flow "f9": criticality "urgent" is not valid (valid: low, normal, high)`},
		{"a flow id used twice", model.AddFlow("sc1", flow("f2", "c1", "c3")), `flow "f2": the id is already used`},
		{"a flow in a scenario that does not exist", model.AddFlow("nope", flow("f9", "c1", "c3")), `scenario "nope" does not exist`},
		{"editing a flow into a loop", model.UpdateFlow("sc1", flow("f2", "c3", "c3")), `flow "f2": from and to are the same card`},
		{"deleting a flow that does not exist", model.DeleteFlow("sc1", "nope"), `flow "nope" does not exist`},

		{"a relationship with itself", model.AddRelationship(model.Relationship{ID: "r9", A: "h1", B: "h1"}), `relationship "r9": a stakeholder cannot have a relationship with itself`},
		{"a relationship with nobody", model.AddRelationship(model.Relationship{ID: "r9", A: "h1", B: "ghost"}), `relationship "r9": stakeholder "ghost" does not exist`},
		{"a relationship quality of 5", model.UpdateRelationship(model.Relationship{ID: "r1", A: "h1", B: "h2", Quality: 5}), `relationship "r1": quality 5 is out of range -2..2`},
		{"a relationship id used twice", model.AddRelationship(model.Relationship{ID: "r1", A: "h1", B: "h3"}), `relationship "r1": the id is already used`},
		{"deleting a relationship that does not exist", model.DeleteRelationship("nope"), `relationship "nope" does not exist`},

		{"a coalition without a name", model.AddCoalition(model.Coalition{ID: "co9"}), `coalition "co9": name is empty`},
		{"a coalition with a member that does not exist", model.AddCoalition(model.Coalition{ID: "co9", Name: "x", Members: []model.ID{"h1", "ghost"}}), `coalition "co9": member "ghost" does not exist`},
		{"a coalition with a member twice", model.UpdateCoalition(model.Coalition{ID: "co1", Name: "x", Members: []model.ID{"h1", "h1"}}), `coalition "co1": member "h1" is listed twice`},
		{"editing a coalition that does not exist", model.UpdateCoalition(model.Coalition{ID: "nope", Name: "x"}), `coalition "nope" does not exist`},
		{"deleting a coalition that does not exist", model.DeleteCoalition("nope"), `coalition "nope" does not exist`},

		{"a scenario without a name", model.AddScenario("", model.Scenario{ID: "sc9"}), `scenario "sc9": name is empty`},
		{"a scenario id used twice", model.AddScenario("", model.Scenario{ID: "sc2", Name: "x"}), `scenario "sc2": the id is already used`},
		{"a copy of a scenario that does not exist", model.AddScenario("nope", model.Scenario{ID: "sc9", Name: "x"}), `scenario "nope" does not exist`},
		{"renaming a scenario to nothing", model.UpdateScenario("sc1", "", "notes"), `scenario "sc1": name is empty`},
		{"editing a scenario that does not exist", model.UpdateScenario("nope", "x", ""), `scenario "nope" does not exist`},
		{"deleting a scenario that does not exist", model.DeleteScenario("nope"), `scenario "nope" does not exist`},

		{"a batch whose last part fails", model.Batch("Two cards",
			model.AddContribution("sc1", card("c9", "s1", "h1", "v", lead)),
			model.AddFlow("sc1", flow("f9", "c9", "c9"))), `flow "f9": from and to are the same card`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			m := smallMap()
			before := m.Clone()
			err := tc.cmd.Do(m)
			if err == nil {
				t.Fatalf("accepted, want %q", tc.want)
			}
			if err.Error() != tc.want {
				t.Fatalf("got  %q\nwant %q", err, tc.want)
			}
			if !reflect.DeepEqual(before, m) {
				t.Fatal("a refused command changed the map")
			}
		})
	}
}

func TestTheLastScenarioCannotBeDeleted(t *testing.T) {
	m := smallMap()
	if err := model.DeleteScenario("sc1").Do(m); err != nil {
		t.Fatal(err)
	}
	before := m.Clone()
	err := model.DeleteScenario("sc2").Do(m)
	if err != model.ErrLastScenario || err.Error() != "the last scenario of a map cannot be deleted" {
		t.Fatalf("got %v", err)
	}
	if !reflect.DeepEqual(before, m) {
		t.Fatal("the map changed")
	}
}
