package analysis

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"text/tabwriter"

	"valueflow/model"
)

type jsonMeasure struct {
	Stakeholder model.ID `json:"stakeholder"`
	Degree      int      `json:"degree"`
	Betweenness float64  `json:"betweenness"`
	Closeness   float64  `json:"closeness"`
	Broker      bool     `json:"broker"`
}

type jsonFinding struct {
	Kind          string     `json:"kind"`
	Message       string     `json:"message"`
	Steps         []model.ID `json:"steps"`
	Stakeholders  []model.ID `json:"stakeholders"`
	Contributions []model.ID `json:"contributions"`
}

// jsonWhatIf is what breaks without a stakeholder.
type jsonWhatIf struct {
	Without         model.ID   `json:"without"`
	BrokenFlows     []model.ID `json:"broken_flows"`
	LeaderlessSteps []model.ID `json:"leaderless_steps"`
	JourneyCut      bool       `json:"journey_cut"`
}

// WriteJSON writes {"measures": [...], "findings": [...]} with the keys of the
// command line's JSON format, and with a what-if also "what_if": {"without",
// "broken_flows", "leaderless_steps", "journey_cut"}; empty lists are []
// rather than null, and measures are rounded to 4 decimals so the output is
// stable.
func WriteJSON(w io.Writer, r *Result) error {
	out := struct {
		Measures []jsonMeasure `json:"measures"`
		Findings []jsonFinding `json:"findings"`
		WhatIf   *jsonWhatIf   `json:"what_if,omitempty"`
	}{Measures: []jsonMeasure{}, Findings: []jsonFinding{}}
	for _, m := range r.Measures {
		out.Measures = append(out.Measures, jsonMeasure{m.Stakeholder, m.Degree, round4(m.Betweenness), round4(m.Closeness), m.Broker})
	}
	nonNil := func(ids []model.ID) []model.ID {
		if ids == nil {
			return []model.ID{}
		}
		return ids
	}
	for _, f := range r.Findings {
		out.Findings = append(out.Findings, jsonFinding{f.Kind, f.Message, nonNil(f.Steps), nonNil(f.Stakeholders), nonNil(f.Contributions)})
	}
	if r.Without != "" {
		out.WhatIf = &jsonWhatIf{Without: r.Without, BrokenFlows: nonNil(r.Broken), LeaderlessSteps: nonNil(r.Leaderless), JourneyCut: r.JourneyCut}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func round4(v float64) float64 { return math.Round(v*1e4) / 1e4 }

// WriteText writes the measures as a table and the findings one per line,
// then the what-if when there is one.
func WriteText(w io.Writer, r *Result) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "stakeholder\tdegree\tin\tout\tflows\tbetweenness\tcloseness\tbroker\tinformal leader")
	yes := func(b bool) string {
		if b {
			return "yes"
		}
		return ""
	}
	for _, m := range r.Measures {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%.2f\t%.3f\t%s\t%s\n", m.Stakeholder, m.Degree, m.InDegree, m.OutDegree, m.Flows,
			m.Betweenness, m.Closeness, yes(m.Broker), yes(m.InformalLeader))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(w, "\n%d findings\n", len(r.Findings))
	for _, f := range r.Findings {
		fmt.Fprintf(w, "%s: %s\n", f.Kind, f.Message)
	}
	if r.Without != "" {
		fmt.Fprintf(w, "\nwithout %s: %s break, %s left without a lead", r.Without,
			plural(len(r.Broken), "flow", "flows"), plural(len(r.Leaderless), "step", "steps"))
		if r.JourneyCut {
			fmt.Fprint(w, ", the journey is cut")
		}
		fmt.Fprintln(w)
		if len(r.Broken) > 0 {
			fmt.Fprintf(w, "broken flows: %v\n", r.Broken)
		}
		if len(r.Leaderless) > 0 {
			fmt.Fprintf(w, "steps without a lead: %v\n", r.Leaderless)
		}
	}
	_, err := fmt.Fprint(w, "")
	return err
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
