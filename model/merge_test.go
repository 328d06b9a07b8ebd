package model_test

import (
	"reflect"
	"testing"

	"valueflow/model"
	"valueflow/model/sample"
	"valueflow/model/templates"
)

func TestAnImportedMapBecomesANewScenario(t *testing.T) {
	m := sample.Map()
	before := m.Clone()
	tpl, _ := templates.ByName("frail-elderly")
	from := tpl.Map()
	c, err := model.ImportScenario(m, from, "Geïmporteerd")
	if err != nil {
		t.Fatal(err)
	}
	ed := model.NewEditor(m, nil)
	if err := ed.Do(c); err != nil {
		t.Fatal(err)
	}
	if err := m.Validate(); err != nil {
		t.Fatalf("the map is not valid after the import: %v", err)
	}
	sc := m.Scenarios[len(m.Scenarios)-1]
	if sc.Name != "Geïmporteerd" || len(sc.Steps) != len(from.Scenarios[0].Steps) || len(sc.Contributions) != len(from.Scenarios[0].Contributions) || len(sc.Flows) != len(from.Scenarios[0].Flows) {
		t.Fatalf("the new scenario has %d steps, %d cards, %d flows", len(sc.Steps), len(sc.Contributions), len(sc.Flows))
	}
	if len(m.Stakeholders) <= len(before.Stakeholders) {
		t.Fatal("the template's stakeholders were not added")
	}
	ed.Undo()
	if !reflect.DeepEqual(before, m) {
		t.Fatal("undo did not take the whole import back")
	}
}
