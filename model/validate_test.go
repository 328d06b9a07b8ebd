package model_test

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"valueflow/model"
)

func TestTheSmallMapIsValid(t *testing.T) {
	if err := smallMap().Validate(); err != nil {
		t.Fatal(err)
	}
}

func TestValidateNamesEachProblemWithItsElementAndField(t *testing.T) {
	sc1 := func(m *model.Map) *model.Scenario { return m.Scenarios[0] }
	step := func(id model.ID) model.Ref { return model.Ref{Kind: model.EntityStep, Scenario: "sc1", ID: id} }
	card := func(id model.ID) model.Ref { return model.Ref{Kind: model.EntityContribution, Scenario: "sc1", ID: id} }
	flow := func(id model.ID) model.Ref { return model.Ref{Kind: model.EntityFlow, Scenario: "sc1", ID: id} }
	lane := func(id model.ID) model.Ref { return model.Ref{Kind: model.EntityStakeholder, ID: id} }
	cases := []struct {
		name  string
		spoil func(m *model.Map)
		ref   model.Ref
		field string
		want  string
	}{
		{"an empty step name", func(m *model.Map) { sc1(m).Steps[2].Name = "" }, step("s3"), "name", `step "s3": name is empty`},
		{"a blank stakeholder name", func(m *model.Map) { m.Stakeholders[0].Name = " \t" }, lane("h1"), "name", `stakeholder "h1": name is empty`},
		{"an empty coalition name", func(m *model.Map) { m.Coalitions[1].Name = "" }, model.Ref{Kind: model.EntityCoalition, ID: "co2"}, "name", `coalition "co2": name is empty`},
		{"an empty scenario name", func(m *model.Map) { m.Scenarios[1].Name = "" }, model.Ref{Kind: model.EntityScenario, ID: "sc2"}, "name", `scenario "sc2": name is empty`},
		{"an empty card value", func(m *model.Map) { sc1(m).Contributions[8-1].Value = "" }, card("c8"), "value", `contribution "c8": value is empty`},
		{"an empty id", func(m *model.Map) { m.Relationships[2].ID = "" }, model.Ref{Kind: model.EntityRelationship}, "id", `relationship "": the id is empty`},

		{"a card on a missing step", func(m *model.Map) { sc1(m).Contributions[0].Step = "s9" }, card("c1"), "step", `contribution "c1": step "s9" does not exist`},
		{"a card in a missing lane", func(m *model.Map) { sc1(m).Contributions[8].Stakeholder = "x" }, card("c9"), "stakeholder", `contribution "c9": stakeholder "x" does not exist`},
		{"a flow from a missing card", func(m *model.Map) { sc1(m).Flows[0].From = "c99" }, flow("f1"), "from", `flow "f1": card "c99" does not exist`},
		{"a flow to a missing card", func(m *model.Map) { sc1(m).Flows[1].To = "c99" }, flow("f2"), "to", `flow "f2": card "c99" does not exist`},
		{"a flow from a card to itself", func(m *model.Map) { sc1(m).Flows[1].To = "c2" }, flow("f2"), "to", `flow "f2": from and to are the same card`},
		{"a relationship with a missing stakeholder", func(m *model.Map) { m.Relationships[0].B = "ghost" }, model.Ref{Kind: model.EntityRelationship, ID: "r1"}, "b", `relationship "r1": stakeholder "ghost" does not exist`},
		{"a relationship with itself", func(m *model.Map) { m.Relationships[0].B = "h1" }, model.Ref{Kind: model.EntityRelationship, ID: "r1"}, "b", `relationship "r1": a stakeholder cannot have a relationship with itself`},
		{"a missing coalition member", func(m *model.Map) { m.Coalitions[0].Members[1] = "ghost" }, model.Ref{Kind: model.EntityCoalition, ID: "co1"}, "members", `coalition "co1": member "ghost" does not exist`},
		{"a coalition member twice", func(m *model.Map) { m.Coalitions[0].Members[1] = "h2" }, model.Ref{Kind: model.EntityCoalition, ID: "co1"}, "members", `coalition "co1": member "h2" is listed twice`},

		{"a stakeholder id twice", func(m *model.Map) {
			m.Stakeholders = append(m.Stakeholders, &model.Stakeholder{ID: "h1", Name: "Dubbel"})
		}, lane("h1"), "id", `stakeholder "h1": the id is used twice`},
		{"a step id twice", func(m *model.Map) { sc1(m).Steps = append(sc1(m).Steps, &model.Step{ID: "s1", Name: "Dubbel"}) }, step("s1"), "id", `step "s1": the id is used twice`},
		{"a card id twice", func(m *model.Map) { sc1(m).Contributions[7].ID = "c1" }, card("c1"), "id", `contribution "c1": the id is used twice`},
		{"a flow id twice", func(m *model.Map) { sc1(m).Flows[5].ID = "f1" }, flow("f1"), "id", `flow "f1": the id is used twice`},
		{"a relationship id twice", func(m *model.Map) { m.Relationships[2].ID = "r1" }, model.Ref{Kind: model.EntityRelationship, ID: "r1"}, "id", `relationship "r1": the id is used twice`},
		{"a coalition id twice", func(m *model.Map) { m.Coalitions[1].ID = "co1" }, model.Ref{Kind: model.EntityCoalition, ID: "co1"}, "id", `coalition "co1": the id is used twice`},
		{"a scenario id twice", func(m *model.Map) { m.Scenarios[1].ID = "sc1" }, model.Ref{Kind: model.EntityScenario, ID: "sc1"}, "id", `scenario "sc1": the id is used twice`},

		{"an attitude of 3", func(m *model.Map) { m.Stakeholders[1].Attitude = 3 }, lane("h2"), "attitude", `stakeholder "h2": attitude 3 is out of range -2..2`},
		{"an attitude of -3", func(m *model.Map) { m.Stakeholders[1].Attitude = -3 }, lane("h2"), "attitude", `stakeholder "h2": attitude -3 is out of range -2..2`},
		{"an influence of 7", func(m *model.Map) { m.Stakeholders[0].Influence = 7 }, lane("h1"), "influence", `stakeholder "h1": influence 7 is out of range 1..5`},
		{"an influence of -1", func(m *model.Map) { m.Stakeholders[0].Influence = -1 }, lane("h1"), "influence", `stakeholder "h1": influence -1 is out of range 1..5`},
		{"an interest of 6", func(m *model.Map) { m.Stakeholders[2].Interest = 6 }, lane("h3"), "interest", `stakeholder "h3": interest 6 is out of range 1..5`},
		{"an experience of 3", func(m *model.Map) { sc1(m).Steps[0].Experience = model.Int(3) }, step("s1"), "experience", `step "s1": experience 3 is out of range -2..2`},
		{"a carer experience of -3", func(m *model.Map) { sc1(m).Steps[1].CarerExperience = model.Int(-3) }, step("s2"), "carer experience", `step "s2": carer experience -3 is out of range -2..2`},
		{"a relationship quality of 3", func(m *model.Map) { m.Relationships[1].Quality = 3 }, model.Ref{Kind: model.EntityRelationship, ID: "r2"}, "quality", `relationship "r2": quality 3 is out of range -2..2`},

		{"an unknown role", func(m *model.Map) { sc1(m).Contributions[1].Role = "boss" }, card("c2"), "role", `contribution "c2": role "boss" is not valid (valid: lead, contributes, consulted, informed)`},
		{"no role", func(m *model.Map) { sc1(m).Contributions[1].Role = "" }, card("c2"), "role", `contribution "c2": role is empty (valid: lead, contributes, consulted, informed)`},
		{"an unknown capital", func(m *model.Map) { sc1(m).Contributions[1].Capital = "money" }, card("c2"), "capital", `contribution "c2": capital "money" is not valid (valid: economic, social, cultural)`},
		{"unknown evidence", func(m *model.Map) { sc1(m).Contributions[1].Evidence = "gut" }, card("c2"), "evidence", `contribution "c2": evidence "gut" is not valid (valid: interview, data, assumption)`},
		{"an unknown flow kind", func(m *model.Map) { sc1(m).Flows[2].Kind = "pipe" }, flow("f3"), "kind", `flow "f3": kind "pipe" is not valid (valid: hand-off, referral, information, resource)`},
		{"an unknown criticality", func(m *model.Map) { sc1(m).Flows[2].Criticality = "" }, flow("f3"), "criticality", `flow "f3": criticality is empty (valid: low, normal, high)`},
		{"an unknown stage", func(m *model.Map) { m.Stage = "klaar" }, model.Ref{Kind: model.EntityMap}, "stage", `map: stage "klaar" is not valid (valid: verbinden, richten, produceren)`},

		{"a negative start day", func(m *model.Map) { sc1(m).Steps[1].StartDay = -2 }, step("s2"), "start day", `step "s2": start day -2 is negative`},
		{"a negative duration", func(m *model.Map) { sc1(m).Steps[1].DurationDays = -1 }, step("s2"), "duration", `step "s2": duration -1 is negative`},
		{"a negative waiting time", func(m *model.Map) { sc1(m).Steps[1].WaitDays = -7 }, step("s2"), "waiting time", `step "s2": waiting time -7 is negative`},

		{"a colour name", func(m *model.Map) { m.Stakeholders[1].Colour = "blue" }, lane("h2"), "colour", `stakeholder "h2": colour "blue" is not of the form #rrggbb`},
		{"a colour with a bad digit", func(m *model.Map) { m.Stakeholders[1].Colour = "#12345g" }, lane("h2"), "colour", `stakeholder "h2": colour "#12345g" is not of the form #rrggbb`},
		{"a three-digit colour", func(m *model.Map) { m.Stakeholders[1].Colour = "#fff" }, lane("h2"), "colour", `stakeholder "h2": colour "#fff" is not of the form #rrggbb`},
		{"a colour without #", func(m *model.Map) { m.Stakeholders[1].Colour = "3d8bd4" }, lane("h2"), "colour", `stakeholder "h2": colour "3d8bd4" is not of the form #rrggbb`},

		{"a map without a scenario", func(m *model.Map) { m.Scenarios = nil }, model.Ref{Kind: model.EntityMap}, "scenarios", `map: the map has no scenario`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			m := smallMap()
			// c9 exists in sc2 only; give sc1 a ninth card so cases can index it.
			m.Scenarios[0].Contributions = append(m.Scenarios[0].Contributions,
				&model.Contribution{ID: "c9", Step: "s4", Stakeholder: "h1", Value: "Zelfzorg", Role: model.RoleContributes})
			tc.spoil(m)
			err := m.Validate()
			var ps model.Problems
			if !errors.As(err, &ps) {
				t.Fatalf("got %v, want Problems", err)
			}
			if len(ps) != 1 {
				t.Fatalf("got %d problems, want 1: %v", len(ps), err)
			}
			p := ps[0]
			if p.Message != tc.want || err.Error() != tc.want {
				t.Errorf("got  %q\nwant %q", p.Message, tc.want)
			}
			if !slices.Contains(model.Fields, p.Field) {
				t.Errorf("field %q is not in model.Fields, so the GUI cannot name it", p.Field)
			}
			for _, a := range p.Args {
				if f, ok := a.(model.FieldArg); ok && !slices.Contains(model.Fields, string(f)) {
					t.Errorf("field %q is not in model.Fields", f)
				}
			}
			if got := fmt.Sprintf(p.Key, p.Args...); !strings.HasSuffix(tc.want, got) {
				t.Errorf("Key and Args give %q, not the end of %q", got, tc.want)
			}
			if p.Ref != tc.ref || p.Field != tc.field {
				t.Errorf("problem is about %+v field %q, want %+v field %q", p.Ref, p.Field, tc.ref, tc.field)
			}
		})
	}
}

func TestProblemsListsTheFirstFiveAndCountsTheRest(t *testing.T) {
	m := smallMap()
	for _, s := range m.Stakeholders {
		s.Attitude = 9
	}
	m.Stakeholders[0].Influence = 8
	err := m.Validate()
	want := `6 problems: stakeholder "h1": attitude 9 is out of range -2..2; stakeholder "h1": influence 8 is out of range 1..5; ` +
		`stakeholder "h2": attitude 9 is out of range -2..2; stakeholder "h3": attitude 9 is out of range -2..2; ` +
		`stakeholder "h4": attitude 9 is out of range -2..2; and 1 more`
	if err == nil || err.Error() != want {
		t.Fatalf("got  %v\nwant %s", err, want)
	}
	var ps model.Problems
	if !errors.As(err, &ps) || len(ps) != 6 || !strings.Contains(ps[5].Message, `"h5"`) {
		t.Fatalf("problems %v", ps)
	}
}
