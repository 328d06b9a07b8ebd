package model_test

import (
	"reflect"
	"testing"

	"valueflow/model"
	"valueflow/model/sample"
)

func TestReplaceMapSwapsEverythingAndUndoGivesBackTheStart(t *testing.T) {
	m := sample.Map()
	start := m.Clone()
	next := sample.Generate(sample.S)
	ed := model.NewEditor(m, nil)
	before := elements(m)
	c := model.ReplaceMap(next)
	if err := ed.Do(c); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(m, next) {
		t.Fatal("after the restore the map differs from the snapshot")
	}
	checkTouches(t, "ReplaceMap", before, elements(m), c.Touches())
	// The map must not share anything with the snapshot it came from.
	m.Stakeholders[0].Name = "changed"
	if next.Stakeholders[0].Name == "changed" {
		t.Fatal("the restored map shares its stakeholders with the snapshot")
	}
	m.Stakeholders[0].Name = next.Stakeholders[0].Name
	if _, _, err := ed.Undo(); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(m, start) {
		t.Fatal("undo did not give back the start")
	}
	if _, _, err := ed.Redo(); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(m, next) {
		t.Fatal("redo did not restore the snapshot again")
	}
}

func TestReplaceMapRefusesAnInvalidMapAndChangesNothing(t *testing.T) {
	m := sample.Map()
	start := m.Clone()
	bad := sample.Map()
	bad.Scenarios[0].Steps[0].Name = ""
	for name, next := range map[string]*model.Map{"invalid": bad, "nil": nil} {
		if err := model.ReplaceMap(next).Do(m); err == nil {
			t.Fatalf("%s: no error", name)
		}
		if !reflect.DeepEqual(m, start) {
			t.Fatalf("%s: the map changed", name)
		}
	}
}
