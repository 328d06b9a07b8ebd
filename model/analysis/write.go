package analysis

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strings"
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

// WriteJSON writes {"measures": [...], "findings": [...]} with the keys of
// the command line's JSON format and nothing else: a what-if (Options.Drop)
// is in the measures and findings themselves (KindJourneyCut,
// KindBrokenFlow, KindNoLead). Empty lists are [] rather than null, and
// measures are rounded to 4 decimals so the output is stable.
func WriteJSON(w io.Writer, r *Result) error {
	out := struct {
		Measures []jsonMeasure `json:"measures"`
		Findings []jsonFinding `json:"findings"`
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
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func round4(v float64) float64 { return math.Round(v*1e4) / 1e4 }

// TextWords are the phrases WriteText prints through its translator (the
// findings come translated from Analyze): English, and the keys of their
// translations.
var TextWords = []string{
	"Scenario %q, steps %s to %s", "Without %s: %s",
	"1 flow breaks", "%d flows break", "1 step loses its lead", "%d steps lose their lead", "the journey is cut",
	"%s and %s",
	"Stakeholder", "Degree", "In", "Out", "Flows", "Betweenness", "Closeness", "Broker", "Informal leader", "yes",
	"1 finding", "%d findings", EstimateNote,
}

// WriteText writes r for a person to read, in the words of tr (nil keeps
// English): the scenario and its steps, what drops out with a what-if,
// the measures as a table with a row per stakeholder (its id and name),
// whether they are estimated, and the findings, one per line. m is the map r was analysed from.
func WriteText(w io.Writer, m *model.Map, r *Result, tr func(string) string) error {
	t := func(s string) string {
		if tr == nil {
			return s
		}
		return tr(s)
	}
	plural := func(n int, one, many string) string {
		if n == 1 {
			return t(one)
		}
		return fmt.Sprintf(t(many), n)
	}
	name := func(id model.ID) string {
		if s := m.Stakeholder(id); s != nil && s.Name != "" {
			return s.Name
		}
		return string(id)
	}
	var sc *model.Scenario
	for _, s := range m.Scenarios {
		if s.ID == r.Scenario {
			sc = s
		}
	}
	if sc != nil && len(r.Steps) > 0 {
		step := func(id model.ID) string {
			for i, st := range sc.Steps {
				if st.ID == id {
					return fmt.Sprintf("%d. %s", i+1, stepName(st))
				}
			}
			return string(id)
		}
		fmt.Fprintf(w, t("Scenario %q, steps %s to %s")+"\n", sc.Name, step(r.Steps[0]), step(r.Steps[len(r.Steps)-1]))
	}
	if r.Without != "" {
		parts := []string{plural(len(r.Broken), "1 flow breaks", "%d flows break"),
			plural(len(r.Leaderless), "1 step loses its lead", "%d steps lose their lead")}
		if r.JourneyCut {
			parts = append(parts, t("the journey is cut"))
		}
		last := len(parts) - 1
		list := fmt.Sprintf(t("%s and %s"), strings.Join(parts[:last], ", "), parts[last])
		fmt.Fprintf(w, t("Without %s: %s")+"\n", fmt.Sprintf("%s (%s)", name(r.Without), r.Without), list)
	}
	fmt.Fprintln(w)

	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	head := []string{"id"}
	for _, h := range []string{"Stakeholder", "Degree", "In", "Out", "Flows", "Betweenness", "Closeness", "Broker", "Informal leader"} {
		head = append(head, t(h))
	}
	fmt.Fprintln(tw, strings.Join(head, "\t"))
	yes := func(b bool) string {
		if b {
			return t("yes")
		}
		return ""
	}
	for _, ms := range r.Measures {
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%d\t%d\t%.2f\t%.3f\t%s\t%s\n", ms.Stakeholder, name(ms.Stakeholder), ms.Degree, ms.InDegree, ms.OutDegree, ms.Flows,
			ms.Betweenness, ms.Closeness, yes(ms.Broker), yes(ms.InformalLeader))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if note := r.Estimate.Note(tr); note != "" {
		fmt.Fprintf(w, "\n%s\n", note)
	}
	fmt.Fprintf(w, "\n%s\n", plural(len(r.Findings), "1 finding", "%d findings"))
	for _, f := range r.Findings {
		fmt.Fprintf(w, "- %s\n", f.Message)
	}
	_, err := fmt.Fprint(w, "")
	return err
}
