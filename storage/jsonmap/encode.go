// Package jsonmap reads and writes a map in DESIGN.md's JSON interchange
// format. It speaks JSON only: it never touches files or the database.
//
// The format is DESIGN.md's, with these additions, all optional:
//   - "description" at the top level carries Map.Description;
//   - relationships and scenarios carry an "id" (coalitions and flows already
//     may); when left out, Decode makes one up ("r1", "sc1", "f1", "co1", …),
//     never equal to another id of the map;
//   - a flow without "kind" is a hand-off, one without "criticality" normal
//     (Encode always writes both);
//   - "experience" and "carer_experience" may be null, which means the same
//     as leaving them out (not filled in); 0 is a neutral experience.
//
// Encode writes the top-level "steps", "contributions" and "flows" when the map
// has exactly the one scenario Decode would make of them (named "Huidige
// situatie", no notes, not based on another, with the id Decode would give
// it), and "scenarios" otherwise, so that Encode → Decode gives back an equal
// map and Encode → Decode → Encode the same bytes. Empty lists decode as nil.
package jsonmap

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"

	"valueflow/model"
)

// DefaultScenarioName is the name of the one scenario formed by top-level
// steps, contributions and flows.
const DefaultScenarioName = "Huidige situatie"

type jsonMap struct {
	Title         string             `json:"title,omitempty"`
	Purpose       string             `json:"purpose,omitempty"`
	Region        string             `json:"region,omitempty"`
	Description   string             `json:"description,omitempty"`
	Stage         model.Stage        `json:"stage,omitempty"`
	Stakeholders  []jsonStakeholder  `json:"stakeholders,omitempty"`
	Relationships []jsonRelationship `json:"relationships,omitempty"`
	Coalitions    []jsonCoalition    `json:"coalitions,omitempty"`
	Steps         []jsonStep         `json:"steps,omitempty"`
	Contributions []jsonContribution `json:"contributions,omitempty"`
	Flows         []jsonFlow         `json:"flows,omitempty"`
	Scenarios     []jsonScenario     `json:"scenarios,omitempty"`
}

type jsonStakeholder struct {
	ID             model.ID              `json:"id"`
	Name           string                `json:"name"`
	Kind           model.StakeholderKind `json:"kind,omitempty"`
	Organisation   string                `json:"organisation,omitempty"`
	Colour         string                `json:"colour,omitempty"`
	Attitude       int                   `json:"attitude,omitempty"`
	Influence      int                   `json:"influence,omitempty"`
	Interest       int                   `json:"interest,omitempty"`
	InformalLeader bool                  `json:"informal_leader,omitempty"`
	Notes          string                `json:"notes,omitempty"`
}

type jsonRelationship struct {
	ID      model.ID `json:"id,omitempty"`
	A       model.ID `json:"a"`
	B       model.ID `json:"b"`
	Kind    string   `json:"kind,omitempty"`
	Quality int      `json:"quality,omitempty"`
	Notes   string   `json:"notes,omitempty"`
}

type jsonCoalition struct {
	ID      model.ID   `json:"id,omitempty"`
	Name    string     `json:"name"`
	Issue   string     `json:"issue,omitempty"`
	Members []model.ID `json:"members,omitempty"`
}

type jsonStep struct {
	ID              model.ID `json:"id"`
	Name            string   `json:"name"`
	Timing          string   `json:"timing,omitempty"`
	StartDay        int      `json:"start_day,omitempty"`
	DurationDays    int      `json:"duration_days,omitempty"`
	WaitDays        int      `json:"wait_days,omitempty"`
	Description     string   `json:"description,omitempty"`
	Experience      *int     `json:"experience,omitempty"`
	CarerExperience *int     `json:"carer_experience,omitempty"`
	PainPoints      string   `json:"pain_points,omitempty"`
}

type jsonContribution struct {
	ID          model.ID       `json:"id"`
	Step        model.ID       `json:"step"`
	Stakeholder model.ID       `json:"stakeholder"`
	Value       string         `json:"value,omitempty"`
	Description string         `json:"description,omitempty"`
	Role        model.Role     `json:"role,omitempty"`
	Capital     model.Capital  `json:"capital,omitempty"`
	Tangible    bool           `json:"tangible,omitempty"`
	Evidence    model.Evidence `json:"evidence,omitempty"`
}

type jsonFlow struct {
	ID          model.ID          `json:"id,omitempty"`
	From        model.ID          `json:"from"`
	To          model.ID          `json:"to"`
	Kind        model.FlowKind    `json:"kind,omitempty"`
	Label       string            `json:"label,omitempty"`
	Criticality model.Criticality `json:"criticality,omitempty"`
}

type jsonScenario struct {
	ID            model.ID           `json:"id,omitempty"`
	Name          string             `json:"name"`
	BasedOn       string             `json:"based_on,omitempty"`
	Notes         string             `json:"notes,omitempty"`
	Steps         []jsonStep         `json:"steps,omitempty"`
	Contributions []jsonContribution `json:"contributions,omitempty"`
	Flows         []jsonFlow         `json:"flows,omitempty"`
}

// Encode writes m as indented JSON. The output depends only on the map, so
// equal maps give equal bytes. Nothing is written when encoding fails.
func Encode(w io.Writer, m *model.Map) error {
	if m == nil {
		return errors.New("cannot encode a nil map")
	}
	out := jsonMap{
		Title:       m.Title,
		Purpose:     m.Purpose,
		Region:      m.Region,
		Description: m.Description,
		Stage:       m.Stage,
	}
	out.Stakeholders = make([]jsonStakeholder, len(m.Stakeholders))
	for i, s := range m.Stakeholders {
		out.Stakeholders[i] = jsonStakeholder(*s)
	}
	out.Relationships = make([]jsonRelationship, len(m.Relationships))
	for i, r := range m.Relationships {
		out.Relationships[i] = jsonRelationship(*r)
	}
	out.Coalitions = make([]jsonCoalition, len(m.Coalitions))
	for i, c := range m.Coalitions {
		out.Coalitions[i] = jsonCoalition(*c)
	}
	if sc := topLevelScenario(m); sc != nil {
		out.Steps, out.Contributions, out.Flows = encodeJourney(sc)
	} else {
		out.Scenarios = make([]jsonScenario, len(m.Scenarios))
		for i, sc := range m.Scenarios {
			js := jsonScenario{ID: sc.ID, Name: sc.Name, BasedOn: sc.BasedOn, Notes: sc.Notes}
			js.Steps, js.Contributions, js.Flows = encodeJourney(sc)
			out.Scenarios[i] = js
		}
	}

	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	// Dutch organisation names carry "&"; keep them readable.
	enc.SetEscapeHTML(false)
	if err := enc.Encode(&out); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// topLevelScenario returns the map's scenario when it can be written as the
// top-level steps, contributions and flows without losing anything.
func topLevelScenario(m *model.Map) *model.Scenario {
	if len(m.Scenarios) != 1 {
		return nil
	}
	sc := m.Scenarios[0]
	if sc.Name != DefaultScenarioName || sc.Notes != "" || sc.BasedOn != "" {
		return nil
	}
	if sc.ID != freshID("sc", mapIDs(m, false)) {
		return nil
	}
	return sc
}

func encodeJourney(sc *model.Scenario) ([]jsonStep, []jsonContribution, []jsonFlow) {
	steps := make([]jsonStep, len(sc.Steps))
	for i, s := range sc.Steps {
		steps[i] = jsonStep(*s)
	}
	cards := make([]jsonContribution, len(sc.Contributions))
	for i, c := range sc.Contributions {
		cards[i] = jsonContribution(*c)
	}
	flows := make([]jsonFlow, len(sc.Flows))
	for i, f := range sc.Flows {
		flows[i] = jsonFlow(*f)
	}
	return steps, cards, flows
}

// mapIDs collects every id of the map, with or without the scenarios' own.
func mapIDs(m *model.Map, withScenarios bool) map[model.ID]bool {
	ids := make(map[model.ID]bool)
	for _, s := range m.Stakeholders {
		ids[s.ID] = true
	}
	for _, r := range m.Relationships {
		ids[r.ID] = true
	}
	for _, c := range m.Coalitions {
		ids[c.ID] = true
	}
	for _, sc := range m.Scenarios {
		if withScenarios {
			ids[sc.ID] = true
		}
		for _, s := range sc.Steps {
			ids[s.ID] = true
		}
		for _, c := range sc.Contributions {
			ids[c.ID] = true
		}
		for _, f := range sc.Flows {
			ids[f.ID] = true
		}
	}
	return ids
}
