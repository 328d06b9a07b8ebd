package analysis

import (
	"reflect"
	"testing"

	"valueflow/model/sample"
)

func TestWhatIfAgreesWithAnalyzeForEveryStakeholder(t *testing.T) {
	m := sample.Map()
	broke := 0
	for _, s := range m.Stakeholders {
		opt := Options{Without: s.ID}
		full, err := Analyze(m, opt)
		if err != nil {
			t.Fatal(err)
		}
		got, err := WhatIf(m, opt)
		if err != nil {
			t.Fatal(err)
		}
		want := &Result{Scenario: full.Scenario, Steps: full.Steps, Without: full.Without, Broken: full.Broken, Leaderless: full.Leaderless, JourneyCut: full.JourneyCut}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("without %s: WhatIf gives %+v, Analyze %+v", s.ID, got, want)
		}
		broke += len(got.Broken)
	}
	if broke == 0 {
		t.Fatal("no stakeholder of the sample breaks a flow")
	}
}

func TestWhatIfRefusesWhatItCannotAnswer(t *testing.T) {
	m := sample.Map()
	for name, opt := range map[string]Options{
		"no stakeholder":      {},
		"unknown stakeholder": {Without: "nobody"},
		"unknown scenario":    {Without: m.Stakeholders[0].ID, Scenario: "nope"},
	} {
		if _, err := WhatIf(m, opt); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}
