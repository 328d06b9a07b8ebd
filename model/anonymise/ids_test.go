package anonymise

import (
	"regexp"
	"strings"
	"testing"

	"valueflow/model"
	"valueflow/model/sample"
	"valueflow/storage/jsonmap"
)

// hoogeveenMap has persons whose names are in their ids and in the ids of
// what is theirs, and persons with names of one or two letters, in both
// scenarios of a map.
func hoogeveenMap() *model.Map {
	m := sample.Map()
	m.Stakeholders = append(m.Stakeholders,
		&model.Stakeholder{ID: "gerrit-hoogeveen", Name: "Gerrit Hoogeveen", Kind: model.KindPatient},
		&model.Stakeholder{ID: "wilhelmina", Name: "Wilhelmina", Kind: model.KindCarer},
		&model.Stakeholder{ID: "mw-li", Name: "Mevrouw Li", Kind: model.KindCarer},
		&model.Stakeholder{ID: "sh-bo", Name: "Bo Ek", Kind: model.KindPatient},
		// An organisation whose id happens to be a person's new id.
		&model.Stakeholder{ID: "patient", Name: "Patiëntenvereniging", Kind: model.KindOrganisation},
	)
	m.Description = "Mevrouw Li belt Bo Ek; Bo vraagt Li. Het lid van de raad blijft, Ekster ook."
	m.Relationships = append(m.Relationships, &model.Relationship{ID: "GERRIT-Wilhelmina", A: "gerrit-hoogeveen", B: "wilhelmina", Kind: "partner"})
	m.Coalitions = append(m.Coalitions, &model.Coalition{ID: "kring-gerrithoogeveen", Name: "Kring", Members: []model.ID{"gerrit-hoogeveen", "wilhelmina", "mw-li"}})
	first := m.Scenarios[0]
	toBe := first.Clone()
	toBe.ID, toBe.Name = "zoals-wilhelmina-het-wil", "Gewenst"
	m.Scenarios = append(m.Scenarios, toBe)
	for _, sc := range m.Scenarios {
		st := sc.Steps[0]
		sc.Contributions = append(sc.Contributions,
			&model.Contribution{ID: "gerrit-intake", Step: st.ID, Stakeholder: "gerrit-hoogeveen", Value: "vertelt", Role: model.RoleLead},
			&model.Contribution{ID: "hulp-li", Step: st.ID, Stakeholder: "mw-li", Value: "helpt", Role: model.RoleContributes},
		)
		sc.Flows = append(sc.Flows, &model.Flow{ID: "van-Gerrit-naar-li", From: "gerrit-intake", To: "hulp-li", Kind: model.FlowHandOff, Criticality: model.CriticalityNormal})
	}
	return m
}

// allIDs lists every id and every reference in m.
func allIDs(m *model.Map) []model.ID {
	var ids []model.ID
	walkIDs(m, func(id *model.ID) { ids = append(ids, *id) })
	walkRefs(m, func(id *model.ID) { ids = append(ids, *id) })
	return ids
}

func TestIdsLoseThePersonsNamesInAnyCaseAndEveryReferenceFollows(t *testing.T) {
	m := hoogeveenMap()
	a := Map(m, nil)
	if err := a.Validate(); err != nil {
		t.Fatalf("the anonymised map is not valid: %v", err)
	}
	name := regexp.MustCompile(`(?i)gerrit|hoogeveen|wilhelmina|(^|[^a-z])(li|bo|ek)([^a-z]|$)`)
	for _, id := range allIDs(a) {
		if name.MatchString(string(id)) {
			t.Errorf("the id %q still holds a name", id)
		}
	}
	id := IDs(m, a)
	for _, tc := range []struct{ old, want model.ID }{
		{"gerrit-hoogeveen", "patient-2"}, // the sample's patient is the first; "patient" is taken
		{"sh-bo", "patient-3"},
		{"wilhelmina", "carer-2"},
		{"mw-li", "carer-3"},
		{"patient", "patient"}, // an organisation's id without a name stays
		{"sh3", "sh3"},
		{"gerrit-intake", "patient-2-intake"},
		{"hulp-li", "hulp-carer-3"},
		{"van-Gerrit-naar-li", "van-patient-2-naar-carer-3"},
		{"kring-gerrithoogeveen", "kring-patient-2"},
		{"GERRIT-Wilhelmina", "patient-2-carer-2"},
		{"zoals-wilhelmina-het-wil", "zoals-carer-2-het-wil"},
	} {
		if got := id(tc.old); got != tc.want {
			t.Errorf("%q became %q, want %q", tc.old, got, tc.want)
		}
	}
	// Every reference follows, in both scenarios.
	if r := a.Relationship(id("GERRIT-Wilhelmina")); r == nil || r.A != "patient-2" || r.B != "carer-2" {
		t.Errorf("the relationship points at %+v", r)
	}
	if co := a.Coalition(id("kring-gerrithoogeveen")); co == nil || strings.Join(ids(co.Members), ",") != "patient-2,carer-2,carer-3" {
		t.Errorf("the coalition's members are %+v", co)
	}
	for i, sc := range a.Scenarios {
		k := sc.Contribution("patient-2-intake")
		f := sc.Flow("van-patient-2-naar-carer-3")
		if k == nil || k.Stakeholder != "patient-2" || f == nil || f.From != k.ID || f.To != "hulp-carer-3" {
			t.Errorf("scenario %d: contribution %+v, flow %+v", i, k, f)
		}
	}
	if a.Scenarios[1].ID != "zoals-carer-2-het-wil" {
		t.Errorf("the second scenario's id is %q", a.Scenarios[1].ID)
	}
}

func ids(list []model.ID) []string {
	out := make([]string, len(list))
	for i, id := range list {
		out[i] = string(id)
	}
	return out
}

func TestShortNamesGoOnlyWhereTheyStandAsWritten(t *testing.T) {
	a := Map(hoogeveenMap(), nil)
	want := "Informal carer 3 belt Patient 3; Patient 3 vraagt Informal carer 3. Het lid van de raad blijft, Ekster ook."
	if a.Description != want {
		t.Errorf("got  %q\nwant %q", a.Description, want)
	}
}

func TestTheWordsForPersonsAreTheUsersLanguage(t *testing.T) {
	dutch := map[string]string{"kind.patient": "patiënt", "kind.carer": "mantelzorger"}
	m := hoogeveenMap()
	a := Map(m, func(k string) string { return dutch[k] })
	id := IDs(m, a)
	for _, tc := range []struct {
		id   model.ID
		want string
	}{{"gerrit-hoogeveen", "Patiënt 2"}, {"wilhelmina", "Mantelzorger 2"}} {
		if s := a.Stakeholder(id(tc.id)); s == nil || s.Name != tc.want {
			t.Errorf("%s is called %+v, want %q", tc.id, s, tc.want)
		}
	}
	// The ids do not depend on the language: a compare or a second export
	// finds the same elements.
	if id("gerrit-hoogeveen") != IDs(m, Map(m, nil))("gerrit-hoogeveen") {
		t.Error("the ids differ between languages")
	}
}

func TestMapsShownTogetherAreAnonymisedAsOne(t *testing.T) {
	before := hoogeveenMap()
	after := hoogeveenMap()
	// The lanes were reordered and the carer renamed since.
	after.Stakeholders[len(after.Stakeholders)-4], after.Stakeholders[len(after.Stakeholders)-5] =
		after.Stakeholders[len(after.Stakeholders)-5], after.Stakeholders[len(after.Stakeholders)-4]
	after.Stakeholder("wilhelmina").Name = "Mina Hoogeveen"
	after.Description = "Wilhelmina heet nu Mina."
	cs := Maps(nil, before, after)
	b, c := IDs(before, cs[0]), IDs(after, cs[1])
	for _, old := range []model.ID{"gerrit-hoogeveen", "wilhelmina", "gerrit-intake"} {
		if b(old) != c(old) {
			t.Errorf("%q became %q on one side and %q on the other", old, b(old), c(old))
		}
	}
	if cs[1].Description != "Informal carer 2 heet nu Informal carer 2." {
		t.Errorf("the old name of one side stays in the other: %q", cs[1].Description)
	}
}

func TestTheJSONOfAnAnonymisedMapHoldsNoNameInAnyCase(t *testing.T) {
	var b strings.Builder
	if err := jsonmap.Encode(&b, Map(hoogeveenMap(), nil)); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, re := range []*regexp.Regexp{
		regexp.MustCompile(`(?i)gerrit|hoogeveen|wilhelmina|jansen`),
		regexp.MustCompile(`\b(Li|Bo|Ek)\b`),
		regexp.MustCompile(`"[^"]*\b(li|bo|ek)\b[^"]*"`), // in an id
	} {
		if loc := re.FindStringIndex(out); loc != nil {
			t.Errorf("the export still holds a name: …%s…", out[max(0, loc[0]-60):min(len(out), loc[1]+40)])
		}
	}
}
