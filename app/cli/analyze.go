package cli

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"valueflow/model"
	"valueflow/model/analysis"
	"valueflow/storage"
)

func runAnalyze(args []string, out io.Writer) error {
	const usage = "analyze FILE [--scenario NAME] [--steps FROM..TO] [--without STAKEHOLDER] [--format text|json]"
	fs := helpFlagSet("analyze", usage, out)
	scenario := fs.String("scenario", "", "scenario to analyse (default: the first)")
	steps := fs.String("steps", "", "step range FROM..TO, each end a step's id, name or position (1 is the first step); an end left out is the first or last step (default: all steps)")
	without := fs.String("without", "", "analyse the map as it would be without this stakeholder (id or name): it leaves the measures, and the findings say which flows break and which steps lose their lead")
	format := fs.String("format", "text", "output format: text or json (the betweenness and closeness of a connected group of more than "+strconv.Itoa(analysis.ExactUpTo)+" stakeholders are estimated, which the text says)")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if err := wantArgs(rest, 1, usage); err != nil {
		return err
	}
	if *format != "text" && *format != "json" {
		return usagef("unknown format %q (valid: text, json)", *format)
	}
	f, err := storage.OpenReadOnly(rest[0])
	if err != nil {
		return err
	}
	m := f.Map()
	f.Close()
	sc, err := pickScenario(m, *scenario)
	if err != nil {
		return err
	}
	word := userWords()
	opt := analysis.Options{Scenario: sc.ID, Translate: word, Drop: true}
	if *steps != "" {
		from, to, ok := strings.Cut(*steps, "..")
		if !ok {
			return usagef("--steps %q is not a range FROM..TO", *steps)
		}
		if opt.FromStep, err = findStep(sc, from); err != nil {
			return err
		}
		if opt.ToStep, err = findStep(sc, to); err != nil {
			return err
		}
	}
	if *without != "" {
		if opt.Without, err = findStakeholder(m, *without); err != nil {
			return err
		}
	}
	res, err := analysis.Analyze(m, opt)
	if err != nil {
		return err
	}
	if *format == "json" {
		return analysis.WriteJSON(out, res)
	}
	return analysis.WriteText(out, m, res, word)
}

// findStep accepts a step's id, its name (any case) or its position in the
// journey (1 is the first step); empty means open-ended. An id or a name
// goes before a position, so a step named "2" is found by its name.
func findStep(sc *model.Scenario, s string) (model.ID, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", nil
	}
	for _, st := range sc.Steps {
		if string(st.ID) == s {
			return st.ID, nil
		}
	}
	for _, st := range sc.Steps {
		if strings.EqualFold(st.Name, s) {
			return st.ID, nil
		}
	}
	if n, err := strconv.Atoi(s); err == nil {
		if n >= 1 && n <= len(sc.Steps) {
			return sc.Steps[n-1].ID, nil
		}
		return "", usagef("no step %d in scenario %q: it has %d steps (positions 1..%d)", n, sc.Name, len(sc.Steps), len(sc.Steps))
	}
	return "", usagef("no step %q in scenario %q: give a step's id, name or position 1..%d (%s)", s, sc.Name, len(sc.Steps), someSteps(sc))
}

// someSteps names the first few steps of sc, as they can be given to
// --steps: "st1 \"Signalering\", st2 \"Opname\", st3 \"Behandeling\", …".
func someSteps(sc *model.Scenario) string {
	const shown = 3
	var list []string
	for i, st := range sc.Steps {
		if i == shown {
			list = append(list, "…")
			break
		}
		list = append(list, fmt.Sprintf("%d = %s %q", i+1, st.ID, st.Name))
	}
	if len(list) == 0 {
		return "the scenario has no steps"
	}
	return strings.Join(list, ", ")
}

func findStakeholder(m *model.Map, s string) (model.ID, error) {
	for _, sh := range m.Stakeholders {
		if string(sh.ID) == s {
			return sh.ID, nil
		}
	}
	for _, sh := range m.Stakeholders {
		if strings.EqualFold(sh.Name, s) {
			return sh.ID, nil
		}
	}
	return "", fmt.Errorf("no stakeholder %q in the map", s)
}
