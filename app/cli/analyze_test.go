package cli

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"valueflow/model/analysis"
	"valueflow/model/sample"
)

// analyzeJSON is the output of analyze --format json.
type analyzeJSON struct {
	Measures []struct {
		Stakeholder string  `json:"stakeholder"`
		Degree      int     `json:"degree"`
		Betweenness float64 `json:"betweenness"`
		Closeness   float64 `json:"closeness"`
		Broker      bool    `json:"broker"`
	} `json:"measures"`
	Findings []struct {
		Kind          string   `json:"kind"`
		Message       string   `json:"message"`
		Steps         []string `json:"steps"`
		Stakeholders  []string `json:"stakeholders"`
		Contributions []string `json:"contributions"`
	} `json:"findings"`
	WhatIf *struct {
		Without         string   `json:"without"`
		BrokenFlows     []string `json:"broken_flows"`
		LeaderlessSteps []string `json:"leaderless_steps"`
		JourneyCut      bool     `json:"journey_cut"`
	} `json:"what_if"`
}

func sampleFile(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "zorgpad.vflow")
	mustRun(t, "sample", path)
	return path
}

func analyzeAsJSON(t *testing.T, args ...string) analyzeJSON {
	t.Helper()
	out := mustRun(t, append([]string{"analyze"}, append(args, "--format", "json")...)...)
	var a analyzeJSON
	if err := json.Unmarshal([]byte(out), &a); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	return a
}

func ids(list []string) []string {
	out := append([]string(nil), list...)
	slices.Sort(out)
	return out
}

func TestAnalyze(t *testing.T) {
	path := sampleFile(t)
	before := fileHash(t, path)
	m := sample.Map()
	want, err := analysis.Analyze(m, analysis.Options{})
	if err != nil {
		t.Fatal(err)
	}

	t.Run("prints_a_row_of_measures_per_stakeholder_and_the_findings", func(t *testing.T) {
		out := mustRun(t, "analyze", path)
		lines := strings.Split(out, "\n")
		if !strings.HasPrefix(lines[0], "stakeholder") || !strings.Contains(lines[0], "betweenness") {
			t.Fatalf("header %q", lines[0])
		}
		for i, s := range m.Stakeholders {
			if f := strings.Fields(lines[1+i]); len(f) == 0 || f[0] != string(s.ID) {
				t.Errorf("row %d is %q, want %s", i+1, lines[1+i], s.ID)
			}
		}
		if !strings.Contains(out, fmt.Sprintf("\n%d findings\n", len(want.Findings))) {
			t.Errorf("no count of the %d findings:\n%s", len(want.Findings), out)
		}
		for _, f := range want.Findings {
			if !strings.Contains(out, f.Kind+": "+f.Message) {
				t.Errorf("finding %s: %s not printed", f.Kind, f.Message)
			}
		}
		if strings.Contains(out, "without") {
			t.Errorf("a what-if without --without:\n%s", out)
		}
	})

	t.Run("json_has_the_measures_and_findings_of_the_analysis", func(t *testing.T) {
		a := analyzeAsJSON(t, path)
		if len(a.Measures) != len(want.Measures) || len(a.Findings) != len(want.Findings) || a.WhatIf != nil {
			t.Fatalf("%d measures, %d findings, what-if %v; want %d, %d, none", len(a.Measures), len(a.Findings), a.WhatIf, len(want.Measures), len(want.Findings))
		}
		for i, ms := range want.Measures {
			got := a.Measures[i]
			if got.Stakeholder != string(ms.Stakeholder) || got.Degree != ms.Degree || got.Broker != ms.Broker {
				t.Errorf("measure %d: %+v, want %+v", i, got, ms)
			}
		}
		for i, f := range want.Findings {
			if a.Findings[i].Kind != f.Kind || a.Findings[i].Steps == nil {
				t.Errorf("finding %d: %+v", i, a.Findings[i])
			}
		}
	})

	t.Run("without_a_stakeholder_by_id_or_name_reports_what_breaks", func(t *testing.T) {
		w, err := analysis.Analyze(m, analysis.Options{Without: "sh4"})
		if err != nil {
			t.Fatal(err)
		}
		for _, who := range []string{"sh4", "transferVERPLEEGKUNDIGE"} {
			a := analyzeAsJSON(t, path, "--without", who)
			got := a.WhatIf
			if got == nil {
				t.Fatalf("--without %s: no what_if", who)
			}
			var broken, leaderless []string
			for _, id := range w.Broken {
				broken = append(broken, string(id))
			}
			for _, id := range w.Leaderless {
				leaderless = append(leaderless, string(id))
			}
			if got.Without != "sh4" || !slices.Equal(ids(got.BrokenFlows), ids(broken)) ||
				!slices.Equal(got.LeaderlessSteps, leaderless) || got.JourneyCut != w.JourneyCut {
				t.Errorf("--without %s: %+v, want broken %v, leaderless %v, cut %v", who, got, broken, leaderless, w.JourneyCut)
			}
		}
		if len(w.Broken) == 0 || len(w.Leaderless) == 0 {
			t.Fatal("the sample's transfer nurse breaks nothing: the test shows nothing")
		}
		out := mustRun(t, "analyze", path, "--without", "sh4")
		if !strings.Contains(out, "without sh4: ") || !strings.Contains(out, "steps without a lead: ") {
			t.Errorf("text what-if:\n%s", out)
		}
	})

	t.Run("a_step_range_by_id_or_name_narrows_the_network", func(t *testing.T) {
		part, err := analysis.Analyze(m, analysis.Options{FromStep: "st2", ToStep: "st4"})
		if err != nil {
			t.Fatal(err)
		}
		for _, steps := range []string{"st2..st4", "behandeling in het ziekenhuis..Ontslag naar huis"} {
			a := analyzeAsJSON(t, path, "--steps", steps)
			if len(a.Findings) != len(part.Findings) {
				t.Errorf("--steps %s: %d findings, want %d", steps, len(a.Findings), len(part.Findings))
			}
			for i, ms := range part.Measures {
				if a.Measures[i].Degree != ms.Degree {
					t.Errorf("--steps %s: %s has degree %d, want %d", steps, ms.Stakeholder, a.Measures[i].Degree, ms.Degree)
				}
			}
		}
		if len(part.Findings) == len(want.Findings) {
			t.Error("the range finds what the whole journey finds: the test shows nothing")
		}
	})

	t.Run("refuses_bad_arguments_with_one_line", func(t *testing.T) {
		for _, tc := range []struct {
			name string
			args []string
			want string
		}{
			{"an unknown stakeholder", []string{path, "--without", "nobody"}, `no stakeholder "nobody"`},
			{"an unknown step", []string{path, "--steps", "st1..st99"}, `no step "st99"`},
			{"a range without ..", []string{path, "--steps", "st1-st3"}, "not a range FROM..TO"},
			{"a range backwards", []string{path, "--steps", "st4..st2"}, "comes after"},
			{"an unknown format", []string{path, "--format", "xml"}, `unknown format "xml"`},
			{"an unknown scenario", []string{path, "--scenario", "Toekomst"}, "Toekomst"},
			{"a missing file", []string{filepath.Join(t.TempDir(), "nope.vflow")}, "nope.vflow"},
			{"no file", nil, "analyze FILE"},
		} {
			t.Run(strings.ReplaceAll(tc.name, " ", "_"), func(t *testing.T) {
				code, out, errOut := run(t, append([]string{"analyze"}, tc.args...)...)
				if code == 0 || out != "" {
					t.Errorf("exit %d, stdout %q", code, out)
				}
				if lines := strings.Split(strings.TrimSpace(errOut), "\n"); len(lines) != 1 || !strings.HasPrefix(errOut, "valueflow analyze: ") || !strings.Contains(errOut, tc.want) {
					t.Errorf("stderr %q, want one line with %q", errOut, tc.want)
				}
			})
		}
	})

	if fileHash(t, path) != before {
		t.Error("analyze changed the map file")
	}
}
