package app

import (
	"testing"

	"valueflow/model"
)

func TestTwoScenariosWithTheSameNameCanBothBeShown(t *testing.T) {
	mw, _ := openSample(t)
	first := mw.doc.current()
	if !mw.do(model.AddScenario(first.ID, model.Scenario{ID: "copy", Name: first.Name})) {
		t.Fatal("adding a scenario with the same name failed")
	}
	mw.refresh() // used to call switchScenario, which called refresh, forever
	if got := mw.scenarios.Options; len(got) != 2 || got[0] == got[1] {
		t.Fatalf("the selector cannot tell the scenarios apart: %q", got)
	}
	mw.scenarios.SetSelectedIndex(1)
	if mw.doc.scenario != "copy" {
		t.Fatalf("choosing the second entry shows scenario %q, want the copy", mw.doc.scenario)
	}
	mw.scenarios.SetSelectedIndex(0)
	if mw.doc.scenario != first.ID {
		t.Fatalf("choosing the first entry shows scenario %q, want %q", mw.doc.scenario, first.ID)
	}
}
