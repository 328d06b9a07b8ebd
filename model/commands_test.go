package model_test

import (
	"errors"
	"fmt"
	"math/rand"
	"reflect"
	"strings"
	"testing"

	"valueflow/model"
	"valueflow/model/sample"
)

// randomCommand picks an edit that makes sense for the current map; some of
// them are refused on purpose (a flow from a card to itself, a missing step).
func randomCommand(r *rand.Rand, m *model.Map) model.Command {
	sc := m.Scenarios[r.Intn(len(m.Scenarios))]
	pickStep := func() model.ID {
		if len(sc.Steps) == 0 {
			return "missing"
		}
		return sc.Steps[r.Intn(len(sc.Steps))].ID
	}
	pickLane := func() model.ID {
		if len(m.Stakeholders) == 0 {
			return "missing"
		}
		return m.Stakeholders[r.Intn(len(m.Stakeholders))].ID
	}
	pickCard := func() model.ID {
		if len(sc.Contributions) == 0 {
			return "missing"
		}
		return sc.Contributions[r.Intn(len(sc.Contributions))].ID
	}
	n := r.Intn(100)
	switch {
	case n < 8:
		return model.AddStep(sc.ID, model.Step{ID: m.NewID("st"), Name: fmt.Sprintf("Stap %d", n), Experience: model.Int(r.Intn(5) - 2)}, r.Intn(len(sc.Steps)+2)-1)
	case n < 14:
		if s := sc.Step(pickStep()); s != nil {
			c := *s
			c.Name += " ✓"
			c.WaitDays = r.Intn(30)
			return model.UpdateStep(sc.ID, c)
		}
		return model.UpdateStep(sc.ID, model.Step{ID: "missing", Name: "x"})
	case n < 18:
		return model.MoveStep(sc.ID, pickStep(), r.Intn(len(sc.Steps)+1))
	case n < 21:
		return model.DeleteStep(sc.ID, pickStep())
	case n < 27:
		return model.AddStakeholder(model.Stakeholder{ID: m.NewID("sh"), Name: "Wijkteam", Influence: r.Intn(6), Attitude: r.Intn(5) - 2}, r.Intn(len(m.Stakeholders)+2)-1)
	case n < 31:
		if s := m.Stakeholder(pickLane()); s != nil {
			c := *s
			c.Notes = "gewijzigd"
			c.InformalLeader = !c.InformalLeader
			return model.UpdateStakeholder(c)
		}
		return model.UpdateStakeholder(model.Stakeholder{ID: "missing", Name: "x"})
	case n < 34:
		return model.MoveStakeholder(pickLane(), r.Intn(len(m.Stakeholders)+1))
	case n < 36:
		return model.DeleteStakeholder(pickLane())
	case n < 48:
		return model.AddContribution(sc.ID, model.Contribution{ID: m.NewID("c"), Step: pickStep(), Stakeholder: pickLane(), Value: "Waarde", Role: model.Roles[r.Intn(4)]})
	case n < 55:
		if c := sc.Contribution(pickCard()); c != nil {
			d := *c
			d.Step, d.Stakeholder = pickStep(), pickLane()
			d.Role = model.Roles[r.Intn(4)]
			return model.UpdateContribution(sc.ID, d)
		}
		return model.UpdateContribution(sc.ID, model.Contribution{ID: "missing"})
	case n < 60:
		return model.DeleteContribution(sc.ID, pickCard())
	case n < 72:
		return model.AddFlow(sc.ID, model.Flow{ID: m.NewID("f"), From: pickCard(), To: pickCard(), Kind: model.FlowHandOff, Criticality: model.CriticalityHigh})
	case n < 76:
		if len(sc.Flows) > 0 {
			return model.DeleteFlow(sc.ID, sc.Flows[r.Intn(len(sc.Flows))].ID)
		}
		return model.DeleteFlow(sc.ID, "missing")
	case n < 80:
		return model.AddRelationship(model.Relationship{ID: m.NewID("r"), A: pickLane(), B: pickLane(), Quality: r.Intn(5) - 2})
	case n < 83:
		return model.AddCoalition(model.Coalition{ID: m.NewID("co"), Name: "Coalitie", Members: []model.ID{pickLane()}})
	case n < 86:
		return model.AddScenario(sc.ID, model.Scenario{ID: m.NewID("sc"), Name: "Gewenste situatie"})
	case n < 88:
		return model.DeleteScenario(sc.ID)
	case n < 90:
		return model.UpdateScenario(sc.ID, "Variant", "notitie")
	case n < 93:
		return model.SetMapInfo(model.MapInfo{Title: "Titel", Stage: model.Stages[r.Intn(3)]})
	default:
		return model.Batch("Two edits", model.AddStakeholder(model.Stakeholder{ID: m.NewID("sh"), Name: "A"}, 0), model.DeleteStep(sc.ID, pickStep()))
	}
}

type nopSaver struct{}

func (nopSaver) Save(*model.Map, []model.Ref) error { return nil }

func TestUndoingEveryCommandGivesBackTheStart(t *testing.T) {
	for seed := int64(1); seed <= 20; seed++ {
		t.Run(fmt.Sprintf("seed %d", seed), func(t *testing.T) {
			r := rand.New(rand.NewSource(seed))
			m := sample.Map()
			start := m.Clone()
			ed := model.NewEditor(m, nopSaver{})
			applied := 0
			for i := 0; i < 300; i++ {
				before := m.Clone()
				c := randomCommand(r, m)
				if err := ed.Do(c); err != nil {
					if !reflect.DeepEqual(before, m) {
						t.Fatalf("step %d: refused %s (%v) changed the map", i, c.Label(), err)
					}
					continue
				}
				applied++
				if err := m.Validate(); err != nil {
					t.Fatalf("step %d: %s left an invalid map: %v", i, c.Label(), err)
				}
			}
			if applied < 100 {
				t.Fatalf("only %d of 300 random commands applied", applied)
			}
			end := m.Clone()
			for {
				_, ok, err := ed.Undo()
				if err != nil {
					t.Fatal(err)
				}
				if !ok {
					break
				}
			}
			if !reflect.DeepEqual(start, m) {
				t.Fatal("undoing everything did not give back the start")
			}
			for {
				_, ok, err := ed.Redo()
				if err != nil {
					t.Fatal(err)
				}
				if !ok {
					break
				}
			}
			if !reflect.DeepEqual(end, m) {
				t.Fatal("redoing everything did not give back the end")
			}
		})
	}
}

// elements flattens a map into refs and their printed values, so two maps can
// be compared element by element.
func elements(m *model.Map) map[model.Ref]string {
	out := map[model.Ref]string{{Kind: model.EntityMap}: fmt.Sprintf("%+v", m.Info())}
	for i, s := range m.Stakeholders {
		out[model.Ref{Kind: model.EntityStakeholder, ID: s.ID}] = fmt.Sprintf("%d %+v", i, *s)
	}
	for i, x := range m.Relationships {
		out[model.Ref{Kind: model.EntityRelationship, ID: x.ID}] = fmt.Sprintf("%d %+v", i, *x)
	}
	for i, x := range m.Coalitions {
		out[model.Ref{Kind: model.EntityCoalition, ID: x.ID}] = fmt.Sprintf("%d %+v", i, *x)
	}
	for i, sc := range m.Scenarios {
		out[model.Ref{Kind: model.EntityScenario, ID: sc.ID}] = fmt.Sprintf("%d %s %s %s", i, sc.Name, sc.BasedOn, sc.Notes)
		for j, x := range sc.Steps {
			e, c := "nil", "nil"
			if x.Experience != nil {
				e = fmt.Sprint(*x.Experience)
			}
			if x.CarerExperience != nil {
				c = fmt.Sprint(*x.CarerExperience)
			}
			plain := *x
			plain.Experience, plain.CarerExperience = nil, nil
			out[model.Ref{Kind: model.EntityStep, Scenario: sc.ID, ID: x.ID}] = fmt.Sprintf("%d %+v %s %s", j, plain, e, c)
		}
		for j, x := range sc.Contributions {
			out[model.Ref{Kind: model.EntityContribution, Scenario: sc.ID, ID: x.ID}] = fmt.Sprintf("%d %+v", j, *x)
		}
		for j, x := range sc.Flows {
			out[model.Ref{Kind: model.EntityFlow, Scenario: sc.ID, ID: x.ID}] = fmt.Sprintf("%d %+v", j, *x)
		}
	}
	return out
}

func TestTouchesCoversEveryChangedElement(t *testing.T) {
	r := rand.New(rand.NewSource(7))
	m := sample.Map()
	ed := model.NewEditor(m, nopSaver{})
	check := func(label string, before, after map[model.Ref]string, touched []model.Ref) {
		t.Helper()
		in := map[model.Ref]bool{}
		for _, ref := range touched {
			in[ref] = true
		}
		for ref, v := range after {
			if before[ref] != v && !in[ref] {
				t.Fatalf("%s changed %v but Touches does not list it", label, ref)
			}
		}
		for ref := range before {
			if _, ok := after[ref]; !ok && !in[ref] {
				t.Fatalf("%s removed %v but Touches does not list it", label, ref)
			}
		}
	}
	for i := 0; i < 400; i++ {
		before := elements(m)
		c := randomCommand(r, m)
		if err := ed.Do(c); err != nil {
			continue
		}
		after := elements(m)
		check("do "+c.Label(), before, after, c.Touches())
		if i%3 == 0 {
			ed.Undo()
			check("undo "+c.Label(), after, elements(m), c.Touches())
			ed.Redo()
		}
	}
}

type failingSaver struct{}

func (failingSaver) Save(*model.Map, []model.Ref) error { return errors.New("disk full") }

func TestAFailedSaveLeavesTheMapAsItWas(t *testing.T) {
	m := sample.Map()
	before := m.Clone()
	ed := model.NewEditor(m, failingSaver{})
	err := ed.Do(model.DeleteStakeholder(m.Stakeholders[0].ID))
	if err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Fatalf("got %v", err)
	}
	if !reflect.DeepEqual(before, m) {
		t.Fatal("the map changed although saving failed")
	}
	if _, ok := ed.CanUndo(); ok {
		t.Fatal("a command that was not saved is on the undo stack")
	}
}

func TestCommandsRefuseBadInputWithASpecificMessage(t *testing.T) {
	m := sample.Map()
	sc := m.Scenarios[0]
	card := sc.Contributions[0]
	cases := []struct {
		name string
		cmd  model.Command
		want string
	}{
		{"a flow from a card to itself", model.AddFlow(sc.ID, model.Flow{ID: "fx", From: card.ID, To: card.ID, Kind: model.FlowHandOff, Criticality: model.CriticalityLow}), "from and to are the same card"},
		{"a card on a missing step", model.AddContribution(sc.ID, model.Contribution{ID: "cx", Step: "nope", Stakeholder: m.Stakeholders[0].ID, Value: "v", Role: model.RoleLead}), `step "nope" does not exist`},
		{"a step without a name", model.AddStep(sc.ID, model.Step{ID: "sx", Name: "  "}, -1), "name is empty"},
		{"an influence of 7", model.AddStakeholder(model.Stakeholder{ID: "hx", Name: "X", Influence: 7}, -1), "influence 7 is out of range 1..5"},
		{"an unknown role", model.AddContribution(sc.ID, model.Contribution{ID: "cy", Step: sc.Steps[0].ID, Stakeholder: m.Stakeholders[0].ID, Value: "v", Role: "boss"}), `role "boss" is not valid`},
		{"a used id", model.AddStakeholder(model.Stakeholder{ID: m.Stakeholders[1].ID, Name: "X"}, -1), "the id is already used"},
		{"a bad colour", model.AddStakeholder(model.Stakeholder{ID: "hy", Name: "X", Colour: "red"}, -1), `colour "red" is not a colour`},
		{"an experience of 3", model.AddStep(sc.ID, model.Step{ID: "sz", Name: "x", Experience: model.Int(3)}, -1), "experience 3 is out of range -2..2"},
		{"deleting the last scenario", model.DeleteScenario(sc.ID), "last scenario"},
		{"moving a step off the end", model.MoveStep(sc.ID, sc.Steps[0].ID, 99), "outside"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			before := m.Clone()
			err := tc.cmd.Do(m)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got %v, want a message with %q", err, tc.want)
			}
			if !reflect.DeepEqual(before, m) {
				t.Fatal("a refused command changed the map")
			}
		})
	}
}

func TestValidateNamesEachProblem(t *testing.T) {
	m := sample.Map()
	if err := m.Validate(); err != nil {
		t.Fatalf("the sample is not valid: %v", err)
	}
	sc := m.Scenarios[0]
	sc.Flows[0].To = sc.Flows[0].From
	sc.Contributions[1].Stakeholder = "ghost"
	m.Stakeholders[2].Attitude = 5
	err := m.Validate()
	var ps model.Problems
	if !errors.As(err, &ps) || len(ps) != 3 {
		t.Fatalf("got %v", err)
	}
	for _, want := range []string{"from and to are the same card", `stakeholder "ghost" does not exist`, "attitude 5 is out of range -2..2"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("%q is not in %q", want, err)
		}
	}
}

func TestUpstreamAndDownstreamFollowTheFlows(t *testing.T) {
	sc := &model.Scenario{ID: "s", Flows: []*model.Flow{
		{ID: "1", From: "a", To: "b"}, {ID: "2", From: "b", To: "c"}, {ID: "3", From: "x", To: "c"}, {ID: "4", From: "c", To: "a"},
	}}
	if got := sc.Downstream("a"); !reflect.DeepEqual(got, []model.ID{"b", "c"}) {
		t.Errorf("downstream of a: %v", got)
	}
	if got := sc.Upstream("c"); !reflect.DeepEqual(got, []model.ID{"b", "x", "a"}) {
		t.Errorf("upstream of c: %v", got)
	}
}
