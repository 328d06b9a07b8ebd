package anonymise

import (
	"reflect"
	"strings"
	"testing"

	"valueflow/model"
	"valueflow/model/sample"
	"valueflow/storage/jsonmap"
)

func TestNamesOfPersonsAreReplacedByTheirKind(t *testing.T) {
	m := sample.Map()
	before := m.Clone()
	a := Map(m, nil)
	if !reflect.DeepEqual(before, m) {
		t.Fatal("anonymising changed the original map")
	}
	for i, s := range a.Stakeholders {
		orig := m.Stakeholders[i]
		switch orig.Kind {
		case model.KindPatient, model.KindCarer:
			if s.Name == orig.Name {
				t.Errorf("%s %q kept its name", orig.Kind, orig.Name)
			}
			if s.Notes != "" {
				t.Errorf("%q kept its notes", orig.Name)
			}
		default:
			if s.Name != orig.Name {
				t.Errorf("organisation %q was renamed to %q", orig.Name, s.Name)
			}
		}
	}
	if err := a.Validate(); err != nil {
		t.Fatalf("the anonymised map is not valid: %v", err)
	}
	var b strings.Builder
	if err := jsonmap.Encode(&b, a); err != nil {
		t.Fatal(err)
	}
	for _, s := range m.Stakeholders {
		if s.Kind == model.KindPatient && strings.Contains(b.String(), s.Name) {
			t.Errorf("the export still holds %q", s.Name)
		}
	}
	if !strings.Contains(b.String(), "Patient") {
		t.Error("the patient's lane is not called by its kind")
	}
}

// bakkerMap has a patient and a carer who share a surname, named without
// brackets, in every text field a map has.
func bakkerMap() *model.Map {
	m := sample.Map()
	m.Stakeholders = append(m.Stakeholders,
		&model.Stakeholder{ID: "piet", Name: "Piet Bakker", Kind: model.KindPatient, Organisation: "Familie Bakker", Notes: "Piet woont alleen"},
		&model.Stakeholder{ID: "els", Name: "Els Bakker", Kind: model.KindCarer, Organisation: "Bakker thuis"},
		&model.Stakeholder{ID: "wv", Name: "Wijkverpleegkundige (Anja de Vries)", Kind: model.KindProfessional, Notes: "Anja belt Els"},
	)
	m.Title = "Zorgpad Piet Bakker"
	m.Purpose = "Piet blijft thuis wonen met steun van Els"
	m.Region = "Wijk van Els Bakker"
	m.Description = "Piet vertelt; Els Bakker vult aan. BAKKER staat op de bel. Piets dochter belt."
	sc := m.Scenarios[0]
	sc.Name = "Zoals Piet het beleeft"
	sc.Notes = "Gesprek met Els"
	st := sc.Steps[0]
	st.Name, st.Timing, st.Description, st.PainPoints = "Piet valt", "dag 1 (Els is er)", "Els belt 112", "Piet wacht lang"
	sc.Contributions[0].Value = "Els regelt vervoer voor Piet"
	sc.Contributions[0].Description = "Anja de Vries komt langs"
	sc.Flows[0].Label = "van Els naar Anja"
	m.Relationships = append(m.Relationships, &model.Relationship{ID: "rb", A: "piet", B: "els", Kind: "Piet is de vader van Els", Notes: "Els Bakker woont dichtbij"})
	m.Coalitions = append(m.Coalitions, &model.Coalition{ID: "cb", Name: "Kring rond Piet", Issue: "Els ontlasten", Members: []model.ID{"piet", "els"}})
	return m
}

func TestEveryTextLosesEveryPartOfAPersonsName(t *testing.T) {
	m := bakkerMap()
	a := Map(m, nil)
	id := IDs(m, a)
	if err := a.Validate(); err != nil {
		t.Fatalf("the anonymised map is not valid: %v", err)
	}
	var b strings.Builder
	if err := jsonmap.Encode(&b, a); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, name := range []string{"Piet", "Bakker", "BAKKER", "Els", "Anja", "Vries"} {
		if strings.Contains(out, name) {
			i := strings.Index(out, name)
			t.Errorf("the anonymised map still holds %q: …%s…", name, out[max(0, i-60):min(len(out), i+40)])
		}
	}
	// What stands for them reads: the whole name becomes the kind, a first
	// name the kind of its one person, a shared surname "…".
	for _, tc := range []struct{ got, want string }{
		{a.Title, "Zorgpad Patient 2"}, // the sample has a patient of its own
		{a.Description, "Patient 2 vertelt; Informal carer 2 vult aan. … staat op de bel. Patient 2 dochter belt."},
		{a.Region, "Wijk van Informal carer 2"},
		{a.Stakeholder(id("wv")).Name, "Wijkverpleegkundige"},
		{a.Stakeholder(id("piet")).Organisation, ""},
		{a.Coalition(id("cb")).Name, "Kring rond Patient 2"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
	// Words that only look like names stay.
	if !strings.Contains(out, "Huisarts") {
		t.Error("a professional role lost its name")
	}
}

func TestAMapWithoutPersonsStaysAsItIs(t *testing.T) {
	m := sample.Map()
	var keep []*model.Stakeholder
	for _, s := range m.Stakeholders {
		if s.Kind != model.KindPatient && s.Kind != model.KindCarer && s.Kind != model.KindProfessional {
			keep = append(keep, s)
		}
	}
	m.Stakeholders = keep
	for _, sc := range m.Scenarios {
		sc.Contributions, sc.Flows = nil, nil
	}
	m.Relationships, m.Coalitions = nil, nil
	a := Map(m, nil)
	if !reflect.DeepEqual(a, m) {
		t.Error("a map with no persons in it was changed")
	}
}

// A kind is free text: typed "Patient", "PATIËNT" or "mantelzorger" (or
// imported so), it is still a person's, whose name must not leak.
func TestAPersonIsKnownByItsKindInAnyCaseAndLanguage(t *testing.T) {
	cases := []struct {
		kind   model.StakeholderKind
		name   string // what the lane is called in the copy
		person bool
	}{
		{"Patient", "Patient", true},
		{"PATIENT", "Patient", true},
		{"PATIËNT", "Patient", true},
		{"patiënt", "Patient", true},
		{"patie\u0308nt", "Patient", true}, // ë as e plus a combining mark
		{"Mantelzorger", "Informal carer", true},
		{"mantel-zorger", "Informal carer", true},
		{"CARER", "Informal carer", true},
		{"Informal carer", "Informal carer", true},
		{"Gemeente", "Gerda Mulder", false},
		{"patiëntenvereniging", "Gerda Mulder", false},
	}
	for _, c := range cases {
		t.Run(string(c.kind), func(t *testing.T) {
			m := sample.Map()
			for _, s := range m.Stakeholders {
				if isPerson(s.Kind) { // so that Gerda is the one person
					s.Kind = model.KindOrganisation
				}
			}
			m.Stakeholders = append(m.Stakeholders, &model.Stakeholder{ID: "gerda-mulder", Name: "Gerda Mulder", Kind: c.kind, Notes: "Gerda woont alleen"})
			m.Scenarios[0].Contributions[0].Value = "Gerda Mulder belt"
			a := Map(m, nil)
			if err := a.Validate(); err != nil {
				t.Fatalf("the anonymised map is not valid: %v", err)
			}
			h := a.Stakeholders[len(a.Stakeholders)-1]
			if h.Name != c.name {
				t.Errorf("the lane is called %q, want %q", h.Name, c.name)
			}
			var b strings.Builder
			if err := jsonmap.Encode(&b, a); err != nil {
				t.Fatal(err)
			}
			if leaked := strings.Contains(b.String(), "Gerda"); leaked == c.person {
				t.Errorf("kind %q: the copy holds the name: %v, want %v", c.kind, leaked, !c.person)
			}
			if c.person && (h.ID == "gerda-mulder" || h.Notes != "") {
				t.Errorf("kind %q: id %q, notes %q", c.kind, h.ID, h.Notes)
			}
		})
	}
}

// A professional's kind in another case still has the person in brackets
// after the role taken out.
func TestAProfessionalInAnyCaseLosesThePersonInBrackets(t *testing.T) {
	m := sample.Map()
	m.Stakeholders = append(m.Stakeholders, &model.Stakeholder{ID: "wv", Name: "Wijkverpleegkundige (Anja de Vries)", Kind: "PROFESSIONAL"})
	a := Map(m, nil)
	if got := a.Stakeholder("wv").Name; got != "Wijkverpleegkundige" {
		t.Errorf("the lane is called %q", got)
	}
}
