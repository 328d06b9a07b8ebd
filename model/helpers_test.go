package model_test

import (
	"fmt"
	"sort"
	"testing"

	"valueflow/model"
)

// smallMap is a small but complete map: five lanes, two scenarios (the second
// a copy of part of the first, with the same ids), relationships and
// coalitions. Tests build on it so that every command has something to act on.
func smallMap() *model.Map {
	m := &model.Map{
		Title: "Kwetsbare ouderen", Purpose: "Thuis na ontslag", Region: "Utrecht", Stage: model.StageAlign,
		Stakeholders: []*model.Stakeholder{
			{ID: "h1", Name: "Patiënt", Kind: model.KindPatient, Attitude: 2, Influence: 2, Interest: 5},
			{ID: "h2", Name: "Huisarts", Kind: model.KindProfessional, Organisation: "Praktijk", Colour: "#3d8bd4", Attitude: 1, Influence: 4, Interest: 4, InformalLeader: true},
			{ID: "h3", Name: "Ziekenhuis", Kind: model.KindOrganisation, Attitude: 0, Influence: 5, Interest: 3},
			{ID: "h4", Name: "Thuiszorg", Kind: model.KindOrganisation, Attitude: -1, Influence: 3, Interest: 4},
			{ID: "h5", Name: "Gemeente", Kind: model.KindGovernment, Notes: "Wmo"},
		},
		Relationships: []*model.Relationship{
			{ID: "r1", A: "h1", B: "h2", Kind: "zorgrelatie", Quality: 2},
			{ID: "r2", A: "h2", B: "h3", Kind: "verwijzing", Quality: 0},
			{ID: "r3", A: "h3", B: "h4", Kind: "overdracht", Quality: -1},
		},
		Coalitions: []*model.Coalition{
			{ID: "co1", Name: "Transmurale overdracht", Issue: "ontslag", Members: []model.ID{"h2", "h3", "h4"}},
			{ID: "co2", Name: "Mantelzorg", Members: []model.ID{"h1", "h5"}},
		},
	}
	asIs := &model.Scenario{ID: "sc1", Name: "Huidige situatie",
		Steps: []*model.Step{
			{ID: "s1", Name: "Klachten", Timing: "week 0", Experience: model.Int(-1)},
			{ID: "s2", Name: "Opname", StartDay: 3, DurationDays: 5, WaitDays: 2, Experience: model.Int(-2), CarerExperience: model.Int(-1)},
			{ID: "s3", Name: "Ontslag", StartDay: 8, DurationDays: 1},
			{ID: "s4", Name: "Thuis", StartDay: 9, DurationDays: 30, PainPoints: "eenzaam"},
		},
		Contributions: []*model.Contribution{
			{ID: "c1", Step: "s1", Stakeholder: "h1", Value: "Meldt klachten", Role: model.RoleLead},
			{ID: "c2", Step: "s1", Stakeholder: "h2", Value: "Onderzoek", Role: model.RoleLead, Capital: model.CapitalCultural, Evidence: model.EvidenceInterview},
			{ID: "c3", Step: "s2", Stakeholder: "h3", Value: "Behandeling", Role: model.RoleLead, Capital: model.CapitalEconomic, Tangible: true},
			{ID: "c4", Step: "s2", Stakeholder: "h3", Value: "Ontslagplanning", Role: model.RoleContributes},
			{ID: "c5", Step: "s3", Stakeholder: "h4", Value: "Intake thuiszorg", Role: model.RoleLead, Evidence: model.EvidenceData},
			{ID: "c6", Step: "s3", Stakeholder: "h2", Value: "Bericht", Role: model.RoleInformed},
			{ID: "c7", Step: "s4", Stakeholder: "h4", Value: "Wondzorg", Role: model.RoleLead, Capital: model.CapitalSocial},
			{ID: "c8", Step: "s4", Stakeholder: "h5", Value: "Huishoudelijke hulp", Role: model.RoleConsulted, Evidence: model.EvidenceAssumption},
		},
		Flows: []*model.Flow{
			{ID: "f1", From: "c1", To: "c2", Kind: model.FlowInformation, Criticality: model.CriticalityNormal},
			{ID: "f2", From: "c2", To: "c3", Kind: model.FlowReferral, Criticality: model.CriticalityHigh, Label: "verwijsbrief"},
			{ID: "f3", From: "c3", To: "c4", Kind: model.FlowHandOff, Criticality: model.CriticalityNormal},
			{ID: "f4", From: "c4", To: "c5", Kind: model.FlowHandOff, Criticality: model.CriticalityHigh},
			{ID: "f5", From: "c4", To: "c6", Kind: model.FlowInformation, Criticality: model.CriticalityLow},
			{ID: "f6", From: "c5", To: "c7", Kind: model.FlowHandOff, Criticality: model.CriticalityNormal},
		},
	}
	toBe := &model.Scenario{ID: "sc2", Name: "Gewenste situatie", BasedOn: "Huidige situatie", Notes: "met wijkteam",
		Steps: []*model.Step{
			{ID: "s1", Name: "Klachten"},
			{ID: "s2", Name: "Opname"},
			{ID: "s4", Name: "Thuis"},
		},
		Contributions: []*model.Contribution{
			{ID: "c1", Step: "s1", Stakeholder: "h1", Value: "Meldt klachten", Role: model.RoleLead},
			{ID: "c3", Step: "s2", Stakeholder: "h3", Value: "Behandeling", Role: model.RoleLead},
			{ID: "c7", Step: "s4", Stakeholder: "h4", Value: "Wondzorg", Role: model.RoleLead},
			{ID: "c9", Step: "s4", Stakeholder: "h5", Value: "Wijkteam", Role: model.RoleContributes},
		},
		Flows: []*model.Flow{
			{ID: "f1", From: "c1", To: "c3", Kind: model.FlowReferral, Criticality: model.CriticalityNormal},
			{ID: "f2", From: "c3", To: "c7", Kind: model.FlowHandOff, Criticality: model.CriticalityHigh},
			{ID: "f7", From: "c7", To: "c9", Kind: model.FlowInformation, Criticality: model.CriticalityLow},
		},
	}
	m.Scenarios = []*model.Scenario{asIs, toBe}
	return m
}

// elements flattens a map into refs and a printed form of each element that
// includes its position, so two maps can be compared element by element the
// way storage sees them.
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
		out[model.Ref{Kind: model.EntityScenario, ID: sc.ID}] = fmt.Sprintf("%d %q %q %q", i, sc.Name, sc.BasedOn, sc.Notes)
		for j, x := range sc.Steps {
			plain := *x
			plain.Experience, plain.CarerExperience = nil, nil
			out[model.Ref{Kind: model.EntityStep, Scenario: sc.ID, ID: x.ID}] = fmt.Sprintf("%d %+v %s %s", j, plain, optional(x.Experience), optional(x.CarerExperience))
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

func optional(v *int) string {
	if v == nil {
		return "nil"
	}
	return fmt.Sprint(*v)
}

// changed lists every element that differs between two flattened maps:
// changed, moved, added or removed.
func changed(before, after map[model.Ref]string) []model.Ref {
	var refs []model.Ref
	for ref, v := range after {
		if old, ok := before[ref]; !ok || old != v {
			refs = append(refs, ref)
		}
	}
	for ref := range before {
		if _, ok := after[ref]; !ok {
			refs = append(refs, ref)
		}
	}
	sort.Slice(refs, func(i, j int) bool { return fmt.Sprint(refs[i]) < fmt.Sprint(refs[j]) })
	return refs
}

// checkTouches fails when an element changed between before and after but is
// not listed in touched.
func checkTouches(t *testing.T, what string, before, after map[model.Ref]string, touched []model.Ref) {
	t.Helper()
	in := map[model.Ref]bool{}
	for _, ref := range touched {
		in[ref] = true
	}
	for _, ref := range changed(before, after) {
		if !in[ref] {
			t.Fatalf("%s changed %s %q (scenario %q) but Touches does not list it", what, ref.Kind, ref.ID, ref.Scenario)
		}
	}
}
