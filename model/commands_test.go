package model_test

import (
	"fmt"
	"math/rand"
	"reflect"
	"slices"
	"testing"

	"valueflow/model"
	"valueflow/model/sample"
)

// randomCommand picks an edit that makes sense for the current map; some of
// them are refused on purpose (a flow from a card to itself, a missing step,
// a move off the end, deleting the last scenario).
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
	n := r.Intn(110)
	switch {
	case n < 8:
		return model.AddStep(sc.ID, model.Step{ID: m.NewID("st"), Name: fmt.Sprintf("Stap %d", n), Experience: model.Int(r.Intn(5) - 2)}, r.Intn(len(sc.Steps)+2)-1)
	case n < 14:
		if s := sc.Step(pickStep()); s != nil {
			c := *s
			c.Name += " ✓"
			c.WaitDays = r.Intn(30)
			c.CarerExperience = model.Int(r.Intn(5) - 2)
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
	case n < 75:
		if len(sc.Flows) > 0 {
			f := *sc.Flows[r.Intn(len(sc.Flows))]
			f.Label = "bijgewerkt"
			f.To = pickCard()
			return model.UpdateFlow(sc.ID, f)
		}
		return model.UpdateFlow(sc.ID, model.Flow{ID: "missing"})
	case n < 79:
		if len(sc.Flows) > 0 {
			return model.DeleteFlow(sc.ID, sc.Flows[r.Intn(len(sc.Flows))].ID)
		}
		return model.DeleteFlow(sc.ID, "missing")
	case n < 83:
		return model.AddRelationship(model.Relationship{ID: m.NewID("r"), A: pickLane(), B: pickLane(), Quality: r.Intn(5) - 2})
	case n < 85:
		if len(m.Relationships) > 0 {
			rel := *m.Relationships[r.Intn(len(m.Relationships))]
			rel.Quality = r.Intn(5) - 2
			return model.UpdateRelationship(rel)
		}
		return model.UpdateRelationship(model.Relationship{ID: "missing"})
	case n < 87:
		if len(m.Relationships) > 0 {
			return model.DeleteRelationship(m.Relationships[r.Intn(len(m.Relationships))].ID)
		}
		return model.DeleteRelationship("missing")
	case n < 90:
		return model.AddCoalition(model.Coalition{ID: m.NewID("co"), Name: "Coalitie", Members: []model.ID{pickLane()}})
	case n < 92:
		if len(m.Coalitions) > 0 {
			co := *m.Coalitions[r.Intn(len(m.Coalitions))]
			co.Members = append(slices.Clone(co.Members), pickLane())
			return model.UpdateCoalition(co)
		}
		return model.UpdateCoalition(model.Coalition{ID: "missing", Name: "x"})
	case n < 94:
		if len(m.Coalitions) > 0 {
			return model.DeleteCoalition(m.Coalitions[r.Intn(len(m.Coalitions))].ID)
		}
		return model.DeleteCoalition("missing")
	case n < 97:
		copyOf := sc.ID
		if r.Intn(3) == 0 {
			copyOf = ""
		}
		return model.AddScenario(copyOf, model.Scenario{ID: m.NewID("sc"), Name: "Gewenste situatie"})
	case n < 99:
		return model.DeleteScenario(sc.ID)
	case n < 101:
		return model.UpdateScenario(sc.ID, "Variant", "notitie")
	case n < 104:
		return model.SetMapInfo(model.MapInfo{Title: "Titel", Stage: model.Stages[r.Intn(3)]})
	default:
		return model.Batch("Two edits",
			model.AddStakeholder(model.Stakeholder{ID: m.NewID("sh"), Name: "A"}, 0),
			model.DeleteStep(sc.ID, pickStep()))
	}
}

type nopSaver struct{}

func (nopSaver) Save(*model.Map, []model.Ref) error { return nil }

// TestUndoingEverythingGivesBackTheStartAndRedoingGivesBackTheEnd is the
// property test: random sequences of commands on a small map and on the
// sample, each checked for validity and for refusals that change nothing.
func TestUndoingEverythingGivesBackTheStartAndRedoingGivesBackTheEnd(t *testing.T) {
	maps := []struct {
		name string
		make func() *model.Map
	}{{"small map", smallMap}, {"sample", sample.Map}}
	for _, mk := range maps {
		for seed := int64(1); seed <= 12; seed++ {
			t.Run(fmt.Sprintf("%s seed %d", mk.name, seed), func(t *testing.T) {
				r := rand.New(rand.NewSource(seed))
				m := mk.make()
				start := m.Clone()
				ed := model.NewEditor(m, nopSaver{})
				applied := 0
				for i := 0; i < 400; i++ {
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
					// Now and then undo and redo at once: the state must be the same.
					if r.Intn(10) == 0 {
						after := m.Clone()
						if _, _, err := ed.Undo(); err != nil {
							t.Fatal(err)
						}
						if !reflect.DeepEqual(before, m) {
							t.Fatalf("step %d: undo of %s did not restore the map", i, c.Label())
						}
						if _, _, err := ed.Redo(); err != nil {
							t.Fatal(err)
						}
						if !reflect.DeepEqual(after, m) {
							t.Fatalf("step %d: redo of %s did not give the same map", i, c.Label())
						}
					}
				}
				if applied < 150 {
					t.Fatalf("only %d of 400 random commands applied", applied)
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
}

func TestTouchesCoversEveryElementARandomCommandChanges(t *testing.T) {
	for seed := int64(1); seed <= 8; seed++ {
		r := rand.New(rand.NewSource(seed))
		m := smallMap()
		if seed%2 == 0 {
			m = sample.Map()
		}
		ed := model.NewEditor(m, nopSaver{})
		for i := 0; i < 400; i++ {
			before := elements(m)
			c := randomCommand(r, m)
			if err := ed.Do(c); err != nil {
				continue
			}
			after := elements(m)
			checkTouches(t, "do "+c.Label(), before, after, c.Touches())
			if i%3 == 0 {
				if _, _, err := ed.Undo(); err != nil {
					t.Fatal(err)
				}
				checkTouches(t, "undo "+c.Label(), after, elements(m), c.Touches())
				if _, _, err := ed.Redo(); err != nil {
					t.Fatal(err)
				}
				checkTouches(t, "redo "+c.Label(), before, elements(m), c.Touches())
			}
		}
	}
}

// TestEachCommandDoesItsEditTouchesItAndUndoesIt runs every command once on
// the small map: the edit itself, Touches against the element diff, Undo back
// to the exact start and Do again to the same end.
func TestEachCommandDoesItsEditTouchesItAndUndoesIt(t *testing.T) {
	type ref = model.Ref
	step := func(id model.ID) ref { return ref{Kind: model.EntityStep, Scenario: "sc1", ID: id} }
	card := func(sc, id model.ID) ref { return ref{Kind: model.EntityContribution, Scenario: sc, ID: id} }
	flow := func(sc, id model.ID) ref { return ref{Kind: model.EntityFlow, Scenario: sc, ID: id} }
	lane := func(id model.ID) ref { return ref{Kind: model.EntityStakeholder, ID: id} }
	stepIDs := func(m *model.Map, sc model.ID) []model.ID {
		var ids []model.ID
		for _, s := range m.Scenario(sc).Steps {
			ids = append(ids, s.ID)
		}
		return ids
	}
	laneIDs := func(m *model.Map) []model.ID {
		var ids []model.ID
		for _, s := range m.Stakeholders {
			ids = append(ids, s.ID)
		}
		return ids
	}
	ids := func(list ...model.ID) []model.ID { return list }

	cases := []struct {
		name  string
		cmd   model.Command
		label string
		check func(t *testing.T, m *model.Map)
		// want lists refs Touches must contain beyond the element diff (for
		// example a deleted element) — a sanity check on the diff itself.
		want []ref
	}{
		{"setting the map info", model.SetMapInfo(model.MapInfo{Title: "Nieuw", Purpose: "p", Region: "r", Description: "d", Stage: model.StageProduce}), "Edit map properties",
			func(t *testing.T, m *model.Map) {
				if m.Info() != (model.MapInfo{Title: "Nieuw", Purpose: "p", Region: "r", Description: "d", Stage: model.StageProduce}) {
					t.Errorf("info is %+v", m.Info())
				}
			}, []ref{{Kind: model.EntityMap}}},
		{"adding a step at the front", model.AddStep("sc1", model.Step{ID: "s9", Name: "Preventie"}, 0), "Add step",
			func(t *testing.T, m *model.Map) {
				if got := stepIDs(m, "sc1"); !slices.Equal(got, ids("s9", "s1", "s2", "s3", "s4")) {
					t.Errorf("steps %v", got)
				}
			}, []ref{step("s9"), step("s1"), step("s4")}},
		{"adding a step in the middle", model.AddStep("sc1", model.Step{ID: "s9", Name: "Revalidatie", Experience: model.Int(1)}, 2), "Add step",
			func(t *testing.T, m *model.Map) {
				if got := stepIDs(m, "sc1"); !slices.Equal(got, ids("s1", "s2", "s9", "s3", "s4")) {
					t.Errorf("steps %v", got)
				}
			}, []ref{step("s9"), step("s3"), step("s4")}},
		{"appending a step", model.AddStep("sc1", model.Step{ID: "s9", Name: "Nazorg"}, -1), "Add step",
			func(t *testing.T, m *model.Map) {
				if got := stepIDs(m, "sc1"); !slices.Equal(got, ids("s1", "s2", "s3", "s4", "s9")) {
					t.Errorf("steps %v", got)
				}
			}, []ref{step("s9")}},
		{"editing a step", model.UpdateStep("sc1", model.Step{ID: "s2", Name: "Opname SEH", WaitDays: 1, Experience: model.Int(0)}), "Edit step",
			func(t *testing.T, m *model.Map) {
				s := m.Scenario("sc1").Step("s2")
				if s.Name != "Opname SEH" || s.WaitDays != 1 || *s.Experience != 0 || s.CarerExperience != nil {
					t.Errorf("step %+v", s)
				}
			}, []ref{step("s2")}},
		{"moving a step forward", model.MoveStep("sc1", "s1", 2), "Move step",
			func(t *testing.T, m *model.Map) {
				if got := stepIDs(m, "sc1"); !slices.Equal(got, ids("s2", "s3", "s1", "s4")) {
					t.Errorf("steps %v", got)
				}
			}, []ref{step("s1"), step("s2"), step("s3")}},
		{"moving a step back", model.MoveStep("sc1", "s4", 1), "Move step",
			func(t *testing.T, m *model.Map) {
				if got := stepIDs(m, "sc1"); !slices.Equal(got, ids("s1", "s4", "s2", "s3")) {
					t.Errorf("steps %v", got)
				}
			}, []ref{step("s2"), step("s3"), step("s4")}},
		{"deleting a step with its cards and their flows", model.DeleteStep("sc1", "s2"), "Delete step",
			func(t *testing.T, m *model.Map) {
				sc := m.Scenario("sc1")
				if got := stepIDs(m, "sc1"); !slices.Equal(got, ids("s1", "s3", "s4")) {
					t.Errorf("steps %v", got)
				}
				if sc.Contribution("c3") != nil || sc.Contribution("c4") != nil || len(sc.Contributions) != 6 {
					t.Errorf("cards of s2 are still there")
				}
				if len(sc.Flows) != 2 || sc.Flow("f1") == nil || sc.Flow("f6") == nil {
					t.Errorf("flows %d", len(sc.Flows))
				}
				if m.Scenario("sc2").Step("s2") == nil || m.Scenario("sc2").Contribution("c3") == nil {
					t.Errorf("the other scenario changed")
				}
			}, []ref{step("s2"), card("sc1", "c3"), card("sc1", "c4"), flow("sc1", "f2"), flow("sc1", "f5")}},
		{"adding a stakeholder", model.AddStakeholder(model.Stakeholder{ID: "h9", Name: "Apotheek", Influence: 2, Colour: "#AABBCC"}, 1), "Add stakeholder",
			func(t *testing.T, m *model.Map) {
				if got := laneIDs(m); !slices.Equal(got, ids("h1", "h9", "h2", "h3", "h4", "h5")) {
					t.Errorf("lanes %v", got)
				}
			}, []ref{lane("h9"), lane("h2"), lane("h5")}},
		{"editing a stakeholder", model.UpdateStakeholder(model.Stakeholder{ID: "h3", Name: "UMC", Attitude: -2, Influence: 5, Interest: 1}), "Edit stakeholder",
			func(t *testing.T, m *model.Map) {
				if s := m.Stakeholder("h3"); s.Name != "UMC" || s.Attitude != -2 || m.StakeholderIndex("h3") != 2 {
					t.Errorf("stakeholder %+v", s)
				}
			}, []ref{lane("h3")}},
		{"moving a lane", model.MoveStakeholder("h5", 0), "Move lane",
			func(t *testing.T, m *model.Map) {
				if got := laneIDs(m); !slices.Equal(got, ids("h5", "h1", "h2", "h3", "h4")) {
					t.Errorf("lanes %v", got)
				}
			}, []ref{lane("h1"), lane("h5")}},
		{"deleting a stakeholder with everything that refers to it", model.DeleteStakeholder("h4"), "Delete stakeholder",
			func(t *testing.T, m *model.Map) {
				if got := laneIDs(m); !slices.Equal(got, ids("h1", "h2", "h3", "h5")) {
					t.Errorf("lanes %v", got)
				}
				for _, sc := range m.Scenarios {
					if cards := sc.CardsForStakeholder("h4"); len(cards) != 0 {
						t.Errorf("%s still has cards of h4", sc.ID)
					}
				}
				if f := m.Scenario("sc1").Flows; len(f) != 4 {
					t.Errorf("sc1 keeps %d flows, want 4", len(f))
				}
				if f := m.Scenario("sc2").Flows; len(f) != 1 || f[0].ID != "f1" {
					t.Errorf("sc2 keeps flows %v", f)
				}
				if m.Relationship("r3") != nil || len(m.Relationships) != 2 {
					t.Errorf("relationship r3 is still there")
				}
				if got := m.Coalition("co1").Members; !slices.Equal(got, ids("h2", "h3")) {
					t.Errorf("co1 members %v", got)
				}
			}, []ref{lane("h4"), lane("h5"), card("sc1", "c5"), card("sc1", "c7"), card("sc2", "c7"), flow("sc1", "f4"), flow("sc1", "f6"),
				flow("sc2", "f2"), flow("sc2", "f7"), {Kind: model.EntityRelationship, ID: "r3"}, {Kind: model.EntityCoalition, ID: "co1"}}},
		{"adding a card", model.AddContribution("sc2", model.Contribution{ID: "c10", Step: "s2", Stakeholder: "h2", Value: "Overleg", Role: model.RoleConsulted}), "Add card",
			func(t *testing.T, m *model.Map) {
				if got := m.Scenario("sc2").CardsAt("s2", "h2"); len(got) != 1 || got[0].ID != "c10" {
					t.Errorf("cell has %v", got)
				}
			}, []ref{card("sc2", "c10")}},
		{"moving a card to another cell", model.UpdateContribution("sc1", model.Contribution{ID: "c6", Step: "s4", Stakeholder: "h1", Value: "Bericht", Role: model.RoleInformed}), "Edit card",
			func(t *testing.T, m *model.Map) {
				if got := m.Scenario("sc1").CardsAt("s4", "h1"); len(got) != 1 || got[0].ID != "c6" {
					t.Errorf("cell has %v", got)
				}
				if in, _ := m.Scenario("sc1").FlowsOf("c6"); len(in) != 1 {
					t.Errorf("the card lost its flow")
				}
			}, []ref{card("sc1", "c6")}},
		{"deleting a card with its flows", model.DeleteContribution("sc1", "c4"), "Delete card",
			func(t *testing.T, m *model.Map) {
				sc := m.Scenario("sc1")
				if sc.Contribution("c4") != nil || len(sc.Flows) != 3 {
					t.Errorf("card or flows left: %d flows", len(sc.Flows))
				}
			}, []ref{card("sc1", "c4"), card("sc1", "c8"), flow("sc1", "f3"), flow("sc1", "f4"), flow("sc1", "f5"), flow("sc1", "f6")}},
		{"adding a flow", model.AddFlow("sc1", model.Flow{ID: "f9", From: "c6", To: "c8", Kind: model.FlowResource, Criticality: model.CriticalityLow}), "Add flow",
			func(t *testing.T, m *model.Map) {
				if got := m.Scenario("sc1").Downstream("c4"); !slices.Equal(got, ids("c5", "c6", "c7", "c8")) {
					t.Errorf("downstream of c4 %v", got)
				}
			}, []ref{flow("sc1", "f9")}},
		{"editing a flow", model.UpdateFlow("sc1", model.Flow{ID: "f5", From: "c4", To: "c8", Kind: model.FlowReferral, Criticality: model.CriticalityHigh, Label: "aanvraag"}), "Edit flow",
			func(t *testing.T, m *model.Map) {
				if f := m.Scenario("sc1").Flow("f5"); f.To != "c8" || f.Label != "aanvraag" {
					t.Errorf("flow %+v", f)
				}
			}, []ref{flow("sc1", "f5")}},
		{"deleting a flow", model.DeleteFlow("sc1", "f1"), "Delete flow",
			func(t *testing.T, m *model.Map) {
				if len(m.Scenario("sc1").Flows) != 5 || m.Scenario("sc2").Flow("f1") == nil {
					t.Errorf("wrong flow deleted")
				}
			}, []ref{flow("sc1", "f1"), flow("sc1", "f6")}},
		{"adding a relationship", model.AddRelationship(model.Relationship{ID: "r9", A: "h4", B: "h5", Kind: "overleg", Quality: -2}), "Add relationship",
			func(t *testing.T, m *model.Map) {
				if m.Relationship("r9") == nil {
					t.Error("no r9")
				}
			}, []ref{{Kind: model.EntityRelationship, ID: "r9"}}},
		{"editing a relationship", model.UpdateRelationship(model.Relationship{ID: "r2", A: "h2", B: "h5", Quality: 1}), "Edit relationship",
			func(t *testing.T, m *model.Map) {
				if r := m.Relationship("r2"); r.B != "h5" || r.Quality != 1 {
					t.Errorf("relationship %+v", r)
				}
			}, []ref{{Kind: model.EntityRelationship, ID: "r2"}}},
		{"deleting a relationship", model.DeleteRelationship("r1"), "Delete relationship",
			func(t *testing.T, m *model.Map) {
				if m.Relationship("r1") != nil || len(m.Relationships) != 2 {
					t.Error("r1 is still there")
				}
			}, []ref{{Kind: model.EntityRelationship, ID: "r1"}, {Kind: model.EntityRelationship, ID: "r3"}}},
		{"adding a coalition", model.AddCoalition(model.Coalition{ID: "co9", Name: "Medicatie", Members: ids("h2", "h3")}), "Add coalition",
			func(t *testing.T, m *model.Map) {
				if c := m.Coalition("co9"); c == nil || len(c.Members) != 2 {
					t.Error("no co9")
				}
			}, []ref{{Kind: model.EntityCoalition, ID: "co9"}}},
		{"editing a coalition", model.UpdateCoalition(model.Coalition{ID: "co2", Name: "Mantelzorg+", Issue: "respijt", Members: ids("h5")}), "Edit coalition",
			func(t *testing.T, m *model.Map) {
				if c := m.Coalition("co2"); c.Name != "Mantelzorg+" || !slices.Equal(c.Members, ids("h5")) {
					t.Errorf("coalition %+v", c)
				}
			}, []ref{{Kind: model.EntityCoalition, ID: "co2"}}},
		{"deleting a coalition", model.DeleteCoalition("co1"), "Delete coalition",
			func(t *testing.T, m *model.Map) {
				if m.Coalition("co1") != nil || len(m.Coalitions) != 1 {
					t.Error("co1 is still there")
				}
			}, []ref{{Kind: model.EntityCoalition, ID: "co1"}, {Kind: model.EntityCoalition, ID: "co2"}}},
		{"adding an empty scenario", model.AddScenario("", model.Scenario{ID: "sc3", Name: "Variant", Notes: "leeg"}), "Add scenario",
			func(t *testing.T, m *model.Map) {
				sc := m.Scenario("sc3")
				if sc == nil || len(sc.Steps)+len(sc.Contributions)+len(sc.Flows) != 0 || sc.BasedOn != "" || m.Scenarios[2] != sc {
					t.Errorf("scenario %+v", sc)
				}
			}, []ref{{Kind: model.EntityScenario, ID: "sc3"}}},
		{"copying a scenario", model.AddScenario("sc1", model.Scenario{ID: "sc3", Name: "Variant"}), "Add scenario",
			func(t *testing.T, m *model.Map) {
				sc, from := m.Scenario("sc3"), m.Scenario("sc1")
				if sc.BasedOn != "Huidige situatie" || !reflect.DeepEqual(sc.Steps, from.Steps) ||
					!reflect.DeepEqual(sc.Contributions, from.Contributions) || !reflect.DeepEqual(sc.Flows, from.Flows) {
					t.Errorf("copy %+v", sc)
				}
				if sc.Steps[1].Experience == from.Steps[1].Experience || sc.Contributions[0] == from.Contributions[0] {
					t.Error("the copy shares memory with its original")
				}
			}, []ref{{Kind: model.EntityScenario, ID: "sc3"}, {Kind: model.EntityStep, Scenario: "sc3", ID: "s4"}, card("sc3", "c8"), flow("sc3", "f6")}},
		{"editing a scenario", model.UpdateScenario("sc2", "Toekomst", ""), "Edit scenario",
			func(t *testing.T, m *model.Map) {
				if sc := m.Scenario("sc2"); sc.Name != "Toekomst" || sc.Notes != "" || sc.BasedOn != "Huidige situatie" {
					t.Errorf("scenario %+v", sc)
				}
			}, []ref{{Kind: model.EntityScenario, ID: "sc2"}}},
		{"deleting a scenario", model.DeleteScenario("sc1"), "Delete scenario",
			func(t *testing.T, m *model.Map) {
				if len(m.Scenarios) != 1 || m.Scenarios[0].ID != "sc2" {
					t.Error("sc1 is still there")
				}
			}, []ref{{Kind: model.EntityScenario, ID: "sc1"}, {Kind: model.EntityScenario, ID: "sc2"}, step("s3"), card("sc1", "c2"), flow("sc1", "f6")}},
		{"a batch of edits", model.Batch("Split card",
			model.AddContribution("sc1", model.Contribution{ID: "c10", Step: "s3", Stakeholder: "h2", Value: "Overdracht", Role: model.RoleLead}),
			model.AddFlow("sc1", model.Flow{ID: "f10", From: "c6", To: "c10", Kind: model.FlowHandOff, Criticality: model.CriticalityNormal}),
			model.DeleteFlow("sc1", "f5")), "Split card",
			func(t *testing.T, m *model.Map) {
				sc := m.Scenario("sc1")
				if sc.Contribution("c10") == nil || sc.Flow("f10") == nil || sc.Flow("f5") != nil {
					t.Error("batch not applied")
				}
			}, []ref{card("sc1", "c10"), flow("sc1", "f10"), flow("sc1", "f5")}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			m := smallMap()
			if err := m.Validate(); err != nil {
				t.Fatal(err)
			}
			start, startEls := m.Clone(), elements(m)
			if err := tc.cmd.Do(m); err != nil {
				t.Fatalf("refused: %v", err)
			}
			if got := tc.cmd.Label(); got != tc.label {
				t.Errorf("label %q, want %q", got, tc.label)
			}
			tc.check(t, m)
			if err := m.Validate(); err != nil {
				t.Errorf("the map is no longer valid: %v", err)
			}
			end, endEls := m.Clone(), elements(m)
			diff := changed(startEls, endEls)
			if len(diff) == 0 {
				t.Fatal("the command changed nothing")
			}
			checkTouches(t, "do", startEls, endEls, tc.cmd.Touches())
			touched := map[model.Ref]bool{}
			for _, r := range tc.cmd.Touches() {
				touched[r] = true
			}
			for _, r := range tc.want {
				if !touched[r] {
					t.Errorf("Touches lacks %v", r)
				}
			}

			tc.cmd.Undo(m)
			if !reflect.DeepEqual(start, m) {
				t.Fatal("undo did not restore the exact start")
			}
			checkTouches(t, "undo", endEls, elements(m), tc.cmd.Touches())
			if err := tc.cmd.Do(m); err != nil {
				t.Fatalf("redo refused: %v", err)
			}
			if !reflect.DeepEqual(end, m) {
				t.Fatal("redo did not give the same end")
			}
		})
	}
}

func TestCommandsDoNotShareMemoryWithTheirCaller(t *testing.T) {
	m := smallMap()
	exp := model.Int(1)
	s := model.Step{ID: "s9", Name: "Nazorg", Experience: exp}
	members := []model.ID{"h1", "h2"}
	for _, c := range []model.Command{
		model.AddStep("sc1", s, -1),
		model.AddCoalition(model.Coalition{ID: "co9", Name: "x", Members: members}),
	} {
		if err := c.Do(m); err != nil {
			t.Fatal(err)
		}
	}
	*exp = 2
	members[0] = "h5"
	if got := *m.Scenario("sc1").Step("s9").Experience; got != 1 {
		t.Errorf("experience followed the caller's variable: %d", got)
	}
	if got := m.Coalition("co9").Members[0]; got != "h1" {
		t.Errorf("members followed the caller's slice: %s", got)
	}
}

// A map read from an old or hand-edited file may hold a flow from a card to
// itself; deleting that card must still work and undo exactly.
func TestDeletingACardWithALoopFlowRemovesTheFlowOnce(t *testing.T) {
	m := smallMap()
	sc := m.Scenario("sc1")
	sc.Flows = append(sc.Flows, &model.Flow{ID: "f9", From: "c8", To: "c8", Kind: model.FlowHandOff, Criticality: model.CriticalityLow})
	before := m.Clone()
	c := model.DeleteContribution("sc1", "c8")
	if err := c.Do(m); err != nil {
		t.Fatal(err)
	}
	if sc.Flow("f9") != nil || sc.Contribution("c8") != nil || len(sc.Flows) != 6 {
		t.Fatal("the card or its loop is still there")
	}
	c.Undo(m)
	if !reflect.DeepEqual(before, m) {
		t.Fatal("undo did not restore the map")
	}
}
