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
