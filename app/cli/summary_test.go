package cli

import (
	"testing"

	"valueflow/model"
)

func TestTheSummarySaysOneInTheSingular(t *testing.T) {
	one := &model.Map{
		Stakeholders:  []*model.Stakeholder{{ID: "a"}},
		Relationships: []*model.Relationship{{ID: "r"}},
		Scenarios: []*model.Scenario{{ID: "s", Steps: []*model.Step{{ID: "x"}},
			Contributions: []*model.Contribution{{ID: "c"}}, Flows: []*model.Flow{{ID: "f"}}}},
	}
	if got, want := summary(one), "1 step, 1 stakeholder, 1 contribution, 1 flow, 1 relationship, 1 scenario"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	two := &model.Map{Scenarios: []*model.Scenario{{ID: "a"}, {ID: "b"}}}
	if got, want := summary(two), "0 steps, 0 stakeholders, 0 contributions, 0 flows, 0 relationships, 2 scenarios"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
