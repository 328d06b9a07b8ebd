package cli

import (
	"fmt"
	"io"
	"strings"

	"valueflow/model"
	"valueflow/model/analysis"
	"valueflow/storage"
)

func runAnalyze(args []string, out io.Writer) error {
	const usage = "analyze FILE [--scenario NAME] [--steps FROM..TO] [--without STAKEHOLDER] [--format text|json]"
	fs := helpFlagSet("analyze", usage, out)
	scenario := fs.String("scenario", "", "scenario to analyse (default: the first)")
	steps := fs.String("steps", "", "step range FROM..TO, by step id or name (default: all steps)")
	without := fs.String("without", "", "what breaks when this stakeholder (id or name) drops out")
	format := fs.String("format", "text", "output format: text or json")
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
	opt := analysis.Options{Scenario: sc.ID}
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
	return analysis.WriteText(out, res)
}

// findStep accepts a step's id or name (any case); empty means open-ended.
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
	return "", fmt.Errorf("no step %q in scenario %q", s, sc.Name)
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
