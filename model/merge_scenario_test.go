package model_test

import (
	"reflect"
	"testing"

	"valueflow/model"
	"valueflow/model/sample"
)

func TestAnyScenarioOfAnImportCanBecomeTheNewOneAndTheRestIsNamed(t *testing.T) {
	m := sample.Map()
	from := sample.Map()
	second := from.Scenarios[0].Clone()
	second.ID, second.Name = "tobe", "Gewenste situatie"
	second.Steps[0].Name = "Alleen in de gewenste situatie"
	from.Scenarios = append(from.Scenarios, second)

	left := model.LeftOutOf(from, "tobe")
	want := model.LeftOut{Scenarios: []string{from.Scenarios[0].Name}, Relationships: len(from.Relationships), Coalitions: len(from.Coalitions)}
	if !reflect.DeepEqual(left, want) || left.Empty() {
		t.Errorf("left out %+v, want %+v", left, want)
	}
	if l := model.LeftOutOf(&model.Map{Scenarios: []*model.Scenario{{ID: "a"}}}, "a"); !l.Empty() {
		t.Errorf("a map of one bare scenario leaves out %+v", l)
	}

	c, err := model.ImportScenarioFrom(m, from, "tobe", "Import")
	if err != nil {
		t.Fatal(err)
	}
	ed := model.NewEditor(m, nil)
	if err := ed.Do(c); err != nil {
		t.Fatal(err)
	}
	got := m.Scenarios[len(m.Scenarios)-1]
	if got.Name != "Import" || got.Steps[0].Name != "Alleen in de gewenste situatie" || got.BasedOn != "Gewenste situatie" {
		t.Errorf("the new scenario %q starts with %q, based on %q", got.Name, got.Steps[0].Name, got.BasedOn)
	}
	if err := m.Validate(); err != nil {
		t.Fatal(err)
	}
	if _, err := model.ImportScenarioFrom(m, from, "nope", "x"); err == nil {
		t.Error("an unknown scenario was imported")
	}
}
