package storage

import (
	"encoding/json"
	"testing"

	"valueflow/model"
	"valueflow/model/sample"
)

// sameContent compares two maps as the file stores them (an empty list and
// no list are the same), and names the first difference it can.
func sameContent(t *testing.T, what string, want, got *model.Map) {
	t.Helper()
	if digest(want) == digest(got) {
		return
	}
	a, _ := json.Marshal(want)
	b, _ := json.Marshal(got)
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	from := max(0, i-80)
	t.Fatalf("%s: the file differs from the map near\n map:  …%s…\n file: …%s…", what, a[from:min(len(a), i+80)], b[from:min(len(b), i+80)])
}

// TestEveryKindOfCommandSurvivesAReopen does each kind of command, closes
// the file, opens it again and compares; then undoes it and does the same.
// It checks both that Save writes what a command touched and that every
// command says what it touches.
func TestEveryKindOfCommandSurvivesAReopen(t *testing.T) {
	sc := sample.ScenarioID
	card := func(m *model.Map, i int) model.Contribution { return *m.Scenarios[0].Contributions[i] }
	cmds := []func(m *model.Map) model.Command{
		func(m *model.Map) model.Command {
			return model.SetMapInfo(model.MapInfo{Title: "T", Purpose: "P", Region: "R", Description: "D", Stage: model.StageProduce})
		},
		func(m *model.Map) model.Command {
			return model.AddStep(sc, model.Step{ID: "st-nieuw", Name: "Nieuw", Timing: "week 9", StartDay: 60, DurationDays: 7, WaitDays: 3, Experience: model.Int(-1), PainPoints: "wachten"}, 1)
		},
		func(m *model.Map) model.Command {
			s := *m.Scenarios[0].Steps[2]
			s.Name, s.Experience, s.CarerExperience = "Anders", nil, model.Int(2)
			return model.UpdateStep(sc, s)
		},
		func(m *model.Map) model.Command { return model.MoveStep(sc, m.Scenarios[0].Steps[0].ID, 4) },
		func(m *model.Map) model.Command { return model.DeleteStep(sc, m.Scenarios[0].Steps[1].ID) },
		func(m *model.Map) model.Command {
			return model.AddStakeholder(model.Stakeholder{ID: "sh-nieuw", Name: "Buurtteam", Kind: model.KindOrganisation, Attitude: 1, Influence: 2, Interest: 4, InformalLeader: true, Notes: "n"}, 0)
		},
		func(m *model.Map) model.Command {
			s := *m.Stakeholders[3]
			s.Name, s.Colour, s.Influence = "Hernoemd", "#010203", 5
			return model.UpdateStakeholder(s)
		},
		func(m *model.Map) model.Command {
			return model.MoveStakeholder(m.Stakeholders[0].ID, len(m.Stakeholders)-1)
		},
		// sh8 has cards, flows, relationships and is in a coalition.
		func(m *model.Map) model.Command { return model.DeleteStakeholder("sh8") },
		func(m *model.Map) model.Command {
			return model.AddContribution(sc, model.Contribution{ID: "c-nieuw", Step: m.Scenarios[0].Steps[0].ID, Stakeholder: m.Stakeholders[1].ID, Value: "v", Description: "d", Role: model.RoleConsulted, Capital: model.CapitalSocial, Tangible: true, Evidence: model.EvidenceInterview})
		},
		func(m *model.Map) model.Command {
			c := card(m, 0)
			c.Step, c.Stakeholder, c.Value = m.Scenarios[0].Steps[3].ID, m.Stakeholders[5].ID, "verplaatst"
			return model.UpdateContribution(sc, c)
		},
		func(m *model.Map) model.Command { return model.DeleteContribution(sc, card(m, 2).ID) },
		func(m *model.Map) model.Command {
			return model.AddFlow(sc, model.Flow{ID: "f-nieuw", From: card(m, 0).ID, To: card(m, 5).ID, Kind: model.FlowResource, Label: "l", Criticality: model.CriticalityHigh})
		},
		func(m *model.Map) model.Command {
			f := *m.Scenarios[0].Flows[1]
			f.Label, f.Criticality = "anders", model.CriticalityLow
			return model.UpdateFlow(sc, f)
		},
		func(m *model.Map) model.Command { return model.DeleteFlow(sc, m.Scenarios[0].Flows[0].ID) },
		func(m *model.Map) model.Command {
			return model.AddRelationship(model.Relationship{ID: "r-nieuw", A: "sh1", B: "sh2", Kind: "familie", Quality: 2, Notes: "n"})
		},
		func(m *model.Map) model.Command {
			r := *m.Relationships[0]
			r.Quality, r.Notes = -2, "slechter"
			return model.UpdateRelationship(r)
		},
		func(m *model.Map) model.Command { return model.DeleteRelationship(m.Relationships[1].ID) },
		func(m *model.Map) model.Command {
			return model.AddCoalition(model.Coalition{ID: "k-nieuw", Name: "Medicatie", Issue: "overdracht", Members: []model.ID{"sh7", "sh5"}})
		},
		func(m *model.Map) model.Command {
			c := *m.Coalitions[0]
			c.Members = []model.ID{c.Members[2], c.Members[0]}
			return model.UpdateCoalition(c)
		},
		func(m *model.Map) model.Command { return model.DeleteCoalition(m.Coalitions[0].ID) },
		func(m *model.Map) model.Command {
			return model.AddScenario(sc, model.Scenario{ID: "sc-variant", Name: "Variant", Notes: "n"})
		},
		func(m *model.Map) model.Command { return model.UpdateScenario(sc, "Nu", "aantekening") },
		func(m *model.Map) model.Command {
			return model.Batch("Add step", model.AddStep(sc, model.Step{ID: "st-b", Name: "B"}, -1),
				model.AddContribution(sc, model.Contribution{ID: "c-b", Step: "st-b", Stakeholder: "sh1", Value: "b", Role: model.RoleLead}))
		},
	}
	path := create(t, sample.Map())
	f, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { f.Close() }()
	ed := model.NewEditor(f.Map(), f)
	check := func(what string) {
		t.Helper()
		want := ed.Map.Clone()
		f.Close()
		if f, err = Open(path); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		sameContent(t, what, want, f.Map())
		ed.Saver = f // the editor goes on with the same map in memory
	}
	for i, mk := range cmds {
		c := mk(ed.Map)
		if err := ed.Do(c); err != nil {
			t.Fatalf("command %d (%s): %v", i, c.Label(), err)
		}
		check("after " + c.Label())
		if _, _, err := ed.Undo(); err != nil {
			t.Fatal(err)
		}
		check("after undoing " + c.Label())
		if _, _, err := ed.Redo(); err != nil {
			t.Fatal(err)
		}
		check("after redoing " + c.Label())
	}
	// A scenario deleted after all that.
	if err := ed.Do(model.DeleteScenario("sc-variant")); err != nil {
		t.Fatal(err)
	}
	check("after Delete scenario")
	if _, _, err := ed.Undo(); err != nil {
		t.Fatal(err)
	}
	check("after undoing Delete scenario")
}
