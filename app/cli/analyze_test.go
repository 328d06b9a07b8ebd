package cli

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"valueflow/app/translations"
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
		if lines[0] != `Scenario "Huidige situatie", steps 1. Spoedopname na een val to 10. Evaluatie en nazorg` {
			t.Errorf("first line %q", lines[0])
		}
		if f := strings.Fields(lines[2]); len(f) < 3 || f[0] != "id" || f[1] != "Stakeholder" || !strings.Contains(lines[2], "Betweenness") {
			t.Fatalf("header %q", lines[2])
		}
		for i, s := range m.Stakeholders {
			if row := lines[3+i]; !strings.HasPrefix(row, string(s.ID)+" ") || !strings.Contains(row, " "+s.Name+" ") {
				t.Errorf("row %d is %q, want %s and %s", i+1, row, s.ID, s.Name)
			}
		}
		if !strings.Contains(out, fmt.Sprintf("\n%d findings\n", len(want.Findings))) {
			t.Errorf("no count of the %d findings:\n%s", len(want.Findings), out)
		}
		for _, f := range want.Findings {
			if !strings.Contains(out, "\n- "+f.Message+"\n") {
				t.Errorf("finding %s: %s not printed", f.Kind, f.Message)
			}
		}
		if strings.Contains(out, "Without") {
			t.Errorf("a what-if without --without:\n%s", out)
		}
	})

	t.Run("json_has_the_measures_and_findings_of_the_analysis", func(t *testing.T) {
		a := analyzeAsJSON(t, path)
		if len(a.Measures) != len(want.Measures) || len(a.Findings) != len(want.Findings) {
			t.Fatalf("%d measures, %d findings; want %d, %d", len(a.Measures), len(a.Findings), len(want.Measures), len(want.Findings))
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

	t.Run("without_a_stakeholder_by_id_or_name_analyses_the_map_without_it", func(t *testing.T) {
		w, err := analysis.Analyze(m, analysis.Options{Without: "sh4", Drop: true})
		if err != nil {
			t.Fatal(err)
		}
		if len(w.Broken) == 0 || len(w.Leaderless) == 0 {
			t.Fatal("the sample's transfer nurse breaks nothing: the test shows nothing")
		}
		for _, who := range []string{"sh4", "transferVERPLEEGKUNDIGE"} {
			a := analyzeAsJSON(t, path, "--without", who)
			var measured []string
			for _, ms := range a.Measures {
				measured = append(measured, ms.Stakeholder)
			}
			if len(measured) != len(m.Stakeholders)-1 || slices.Contains(measured, "sh4") {
				t.Errorf("--without %s: measures of %v", who, measured)
			}
			var broken, lost []string
			for _, f := range a.Findings {
				switch {
				case f.Kind == analysis.KindBrokenFlow:
					broken = append(broken, f.Message)
					if len(f.Contributions) == 0 || !slices.Contains(f.Stakeholders, "sh4") {
						t.Errorf("--without %s: %+v points at no card or not at sh4", who, f)
					}
				case f.Kind == analysis.KindNoLead && slices.Contains(f.Stakeholders, "sh4"):
					lost = append(lost, f.Steps...)
				case slices.Contains(f.Stakeholders, "sh4"):
					t.Errorf("--without %s: a finding of the whole map: %+v", who, f)
				}
			}
			var leaderless []string
			for _, id := range w.Leaderless {
				leaderless = append(leaderless, string(id))
			}
			if len(broken) != len(w.Broken) || !slices.Equal(lost, leaderless) {
				t.Errorf("--without %s: broken %v, steps that lost their lead %v; want %d flows, %v", who, broken, lost, len(w.Broken), leaderless)
			}
		}
		// Within a range, only what breaks there: the nurse's flows all run
		// before the fifth step.
		a := analyzeAsJSON(t, path, "--without", "sh4", "--steps", "5..10")
		for _, f := range a.Findings {
			if f.Kind == analysis.KindBrokenFlow || f.Kind == analysis.KindJourneyCut || slices.Contains(f.Stakeholders, "sh4") {
				t.Errorf("--steps 5..10: %+v", f)
			}
		}
		if len(a.Measures) != len(m.Stakeholders)-1 {
			t.Errorf("--steps 5..10: %d measures", len(a.Measures))
		}
		out := mustRun(t, "analyze", path, "--without", "sh4")
		for _, s := range []string{
			"Without Transferverpleegkundige (sh4): 8 flows break and 2 steps lose their lead\n",
			`- Without Transferverpleegkundige step "Ontslagplanning en transfer" has no lead` + "\n",
			`- Without Transferverpleegkundige the referral "Melding Wmo" from Transferverpleegkundige to Wmo-consulent breaks` + "\n",
		} {
			if !strings.Contains(out, s) {
				t.Errorf("text lacks %q:\n%s", s, out)
			}
		}
		if strings.Contains(out, "\nsh4 ") || strings.Contains(out, "[") {
			t.Errorf("text has a row for sh4, or a Go list:\n%s", out)
		}
	})

	t.Run("prints_in_dutch_under_a_dutch_locale", func(t *testing.T) {
		speak(t, "LANG", "nl_NL.UTF-8")
		nl, err := analysis.Analyze(m, analysis.Options{Translate: translations.Lookup("nl")})
		if err != nil {
			t.Fatal(err)
		}
		out := mustRun(t, "analyze", path)
		for _, s := range []string{"stappen 1. Spoedopname na een val t/m 10.", "Tussenpositie", "Informele leider",
			fmt.Sprintf("\n%d bevindingen\n", len(nl.Findings)), "\n- " + nl.Findings[0].Message + "\n"} {
			if !strings.Contains(out, s) {
				t.Errorf("Dutch text lacks %q:\n%s", s, out)
			}
		}
		if a := analyzeAsJSON(t, path); a.Findings[0].Message != nl.Findings[0].Message {
			t.Errorf("JSON message %q, want %q", a.Findings[0].Message, nl.Findings[0].Message)
		}
	})

	t.Run("a_step_range_by_id_name_or_position_narrows_the_network", func(t *testing.T) {
		part, err := analysis.Analyze(m, analysis.Options{FromStep: "st2", ToStep: "st4"})
		if err != nil {
			t.Fatal(err)
		}
		for _, steps := range []string{"st2..st4", "behandeling in het ziekenhuis..Ontslag naar huis", "2..4", "st2..4"} {
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
			{"an unknown step", []string{path, "--steps", "st1..st99"}, `no step "st99" in scenario "Huidige situatie": give a step's id, name or position 1..10 (1 = st1 "Spoedopname na een val", 2 = st2`},
			{"a position past the last step", []string{path, "--steps", "2..11"}, `no step 11 in scenario "Huidige situatie": it has 10 steps (positions 1..10)`},
			{"position 0", []string{path, "--steps", "0..3"}, "no step 0"},
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
