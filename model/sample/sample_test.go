package sample

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"valueflow/model"
)

// problems checks what every valid map must satisfy, independently of the
// model's own validation (which also runs, see validate).
func problems(m *model.Map) []string {
	var p []string
	add := func(format string, args ...any) { p = append(p, fmt.Sprintf(format, args...)) }
	shs := map[model.ID]bool{}
	for _, s := range m.Stakeholders {
		if s.ID == "" || shs[s.ID] {
			add("stakeholder %q: empty or duplicate id", s.ID)
		}
		shs[s.ID] = true
		if s.Name == "" {
			add("stakeholder %q: name is empty", s.ID)
		}
		if s.Attitude < -2 || s.Attitude > 2 || s.Influence < 0 || s.Influence > 5 || s.Interest < 0 || s.Interest > 5 {
			add("stakeholder %q: attitude, influence or interest out of range", s.ID)
		}
	}
	rels := map[model.ID]bool{}
	for _, r := range m.Relationships {
		if r.ID == "" || rels[r.ID] {
			add("relationship %q: empty or duplicate id", r.ID)
		}
		rels[r.ID] = true
		if !shs[r.A] || !shs[r.B] || r.A == r.B {
			add("relationship %q: bad ends %q, %q", r.ID, r.A, r.B)
		}
		if r.Quality < -2 || r.Quality > 2 {
			add("relationship %q: quality out of range", r.ID)
		}
	}
	for _, c := range m.Coalitions {
		if c.ID == "" || c.Name == "" || len(c.Members) == 0 {
			add("coalition %q: empty id, name or members", c.ID)
		}
		seen := map[model.ID]bool{}
		for _, id := range c.Members {
			if !shs[id] || seen[id] {
				add("coalition %q: bad member %q", c.ID, id)
			}
			seen[id] = true
		}
	}
	if len(m.Scenarios) == 0 {
		add("no scenario")
	}
	in := func(v any, list any) bool {
		l := reflect.ValueOf(list)
		for i := 0; i < l.Len(); i++ {
			if l.Index(i).Interface() == v {
				return true
			}
		}
		return false
	}
	for _, sc := range m.Scenarios {
		steps := map[model.ID]bool{}
		for _, s := range sc.Steps {
			if s.ID == "" || steps[s.ID] || s.Name == "" {
				add("step %q: empty or duplicate id, or no name", s.ID)
			}
			steps[s.ID] = true
			for _, e := range []*int{s.Experience, s.CarerExperience} {
				if e != nil && (*e < -2 || *e > 2) {
					add("step %q: experience out of range", s.ID)
				}
			}
			if s.StartDay < 0 || s.DurationDays < 0 || s.WaitDays < 0 {
				add("step %q: negative days", s.ID)
			}
		}
		cards := map[model.ID]bool{}
		for _, c := range sc.Contributions {
			if c.ID == "" || cards[c.ID] {
				add("contribution %q: empty or duplicate id", c.ID)
			}
			cards[c.ID] = true
			if !steps[c.Step] || !shs[c.Stakeholder] {
				add("contribution %q: step %q or stakeholder %q does not exist", c.ID, c.Step, c.Stakeholder)
			}
			if !in(c.Role, model.Roles) || !in(c.Capital, model.Capitals) || !in(c.Evidence, model.Evidences) {
				add("contribution %q: role, capital or evidence invalid", c.ID)
			}
		}
		flows := map[model.ID]bool{}
		for _, f := range sc.Flows {
			if f.ID == "" || flows[f.ID] {
				add("flow %q: empty or duplicate id", f.ID)
			}
			flows[f.ID] = true
			if !cards[f.From] || !cards[f.To] || f.From == f.To {
				add("flow %q: bad ends %q → %q", f.ID, f.From, f.To)
			}
			if !in(f.Kind, model.FlowKinds) || !in(f.Criticality, model.Criticalities) {
				add("flow %q: kind or criticality invalid", f.ID)
			}
		}
	}
	return p
}

// validate runs both the checks above and the model's own validation.
func validate(t *testing.T, m *model.Map) {
	t.Helper()
	for _, p := range problems(m) {
		t.Error(p)
	}
	if err := m.Validate(); err != nil {
		t.Errorf("Validate: %v", err)
	}
}

func TestSampleIsAValidRealisticMap(t *testing.T) {
	m := Map()
	validate(t, m)

	if m.Title == "" || m.Purpose == "" || m.Region == "" || m.Stage == model.StageNone {
		t.Errorf("title, purpose, region and stage must be filled in: %+v", m)
	}
	if len(m.Scenarios) != 1 || m.Scenarios[0].Name != "Huidige situatie" {
		t.Fatalf("want one scenario named Huidige situatie, got %d", len(m.Scenarios))
	}
	sc := m.Scenarios[0]
	minimums := []struct {
		what      string
		got, want int
	}{
		{"steps", len(sc.Steps), 8},
		{"stakeholders", len(m.Stakeholders), 10},
		{"contributions", len(sc.Contributions), 25},
		{"flows", len(sc.Flows), 20},
		{"relationships", len(m.Relationships), 4},
		{"coalitions", len(m.Coalitions), 1},
	}
	for _, c := range minimums {
		if c.got < c.want {
			t.Errorf("%d %s, want at least %d", c.got, c.what, c.want)
		}
	}

	colours := map[string]model.ID{}
	leaders := 0
	for _, s := range m.Stakeholders {
		if s.Kind == "" || s.Colour == "" || s.Influence == 0 || s.Interest == 0 {
			t.Errorf("stakeholder %s: kind, colour, influence and interest must be filled in", s.ID)
		}
		if other, dup := colours[s.Colour]; dup {
			t.Errorf("stakeholders %s and %s share colour %s", other, s.ID, s.Colour)
		}
		colours[s.Colour] = s.ID
		if s.InformalLeader {
			leaders++
		}
	}
	if leaders < 1 || leaders > 2 {
		t.Errorf("%d informal leaders, want one or two", leaders)
	}

	// Every step but the one deliberate gap has a lead.
	var leadless []string
	for _, st := range sc.Steps {
		if st.Timing == "" || st.DurationDays == 0 || st.Description == "" || st.PainPoints == "" {
			t.Errorf("step %s: timing, duration, description and pain points must be filled in", st.ID)
		}
		hasLead := false
		for _, c := range sc.Contributions {
			hasLead = hasLead || c.Step == st.ID && c.Role == model.RoleLead
		}
		if !hasLead {
			leadless = append(leadless, st.Name)
		}
	}
	if want := []string{"Evaluatie en nazorg"}; !reflect.DeepEqual(leadless, want) {
		t.Errorf("steps without a lead: %q, want %q", leadless, want)
	}

	// Dutch text with diacritics, valid UTF-8 everywhere.
	var all strings.Builder
	for _, c := range sc.Contributions {
		all.WriteString(c.Value + c.Description)
	}
	for _, s := range m.Stakeholders {
		all.WriteString(s.Name)
	}
	if !utf8.ValidString(all.String()) || !strings.ContainsAny(all.String(), "ëéï") {
		t.Error("the sample should carry Dutch diacritics")
	}
}

func TestSampleIsFreshOnEveryCall(t *testing.T) {
	a, b := Map(), Map()
	if !reflect.DeepEqual(a, b) {
		t.Fatal("two calls give different maps")
	}
	a.Stakeholders[0].Name = "changed"
	if b.Stakeholders[0].Name == "changed" {
		t.Fatal("two calls share data")
	}
}

func TestGenerateGivesTheExactCountsOfEachSize(t *testing.T) {
	want := map[Size]Counts{
		S:  {Stakeholders: 4, Steps: 6, Contributions: 12, Flows: 10, Relationships: 3, Coalitions: 1},
		M:  {Stakeholders: 12, Steps: 20, Contributions: 120, Flows: 100, Relationships: 25, Coalitions: 2},
		L:  {Stakeholders: 40, Steps: 60, Contributions: 1200, Flows: 1000, Relationships: 300, Coalitions: 8},
		XL: {Stakeholders: 400, Steps: 600, Contributions: 12000, Flows: 10000, Relationships: 3000, Coalitions: 80},
	}
	for _, size := range Sizes {
		t.Run(string(size), func(t *testing.T) {
			m := Generate(size)
			sc := m.Scenarios[0]
			got := Counts{len(m.Stakeholders), len(sc.Steps), len(sc.Contributions), len(sc.Flows), len(m.Relationships), len(m.Coalitions)}
			if got != want[size] {
				t.Errorf("got %+v, want %+v", got, want[size])
			}
			if c, _ := CountsOf(size); c != want[size] {
				t.Errorf("CountsOf = %+v, want %+v", c, want[size])
			}
			if len(m.Scenarios) != 1 || sc.Name != ScenarioName {
				t.Errorf("want the one scenario %q", ScenarioName)
			}
		})
	}
}

func TestGenerateIsValidAndShapedLikeAJourney(t *testing.T) {
	for _, size := range Sizes {
		t.Run(string(size), func(t *testing.T) {
			m := Generate(size)
			validate(t, m)
			sc := m.Scenarios[0]
			stepAt := map[model.ID]int{}
			for i, s := range sc.Steps {
				stepAt[s.ID] = i
			}
			cardStep := map[model.ID]int{}
			leads := map[model.ID]int{}
			cells := map[[2]model.ID]bool{}
			for _, c := range sc.Contributions {
				cardStep[c.ID] = stepAt[c.Step]
				if c.Role == model.RoleLead {
					leads[c.Step]++
				}
				if cells[[2]model.ID{c.Step, c.Stakeholder}] {
					t.Errorf("two cards in cell %s × %s", c.Step, c.Stakeholder)
				}
				cells[[2]model.ID{c.Step, c.Stakeholder}] = true
			}
			for _, s := range sc.Steps {
				if leads[s.ID] != 1 {
					t.Errorf("step %s has %d leads, want 1", s.ID, leads[s.ID])
				}
			}
			same, pairs := 0, map[[2]model.ID]bool{}
			for _, f := range sc.Flows {
				from, to := cardStep[f.From], cardStep[f.To]
				if to < from {
					t.Errorf("flow %s goes back in time", f.ID)
				}
				if to == from {
					same++
				}
				if pairs[[2]model.ID{f.From, f.To}] {
					t.Errorf("flow %s repeats %s → %s", f.ID, f.From, f.To)
				}
				pairs[[2]model.ID{f.From, f.To}] = true
			}
			if same*5 > len(sc.Flows) {
				t.Errorf("%d of %d flows stay within their step; most should go forward", same, len(sc.Flows))
			}
			relPairs := map[[2]model.ID]bool{}
			for _, r := range m.Relationships {
				if relPairs[[2]model.ID{r.A, r.B}] || relPairs[[2]model.ID{r.B, r.A}] {
					t.Errorf("relationship %s repeats a pair", r.ID)
				}
				relPairs[[2]model.ID{r.A, r.B}] = true
			}
			for i := 1; i < len(sc.Steps); i++ {
				prev, s := sc.Steps[i-1], sc.Steps[i]
				if s.StartDay != prev.StartDay+prev.DurationDays+s.WaitDays {
					t.Errorf("step %s starts on day %d, not after %s and its wait", s.ID, s.StartDay, prev.ID)
				}
			}
			for _, want := range []string{"st1", "sh1", "c1", "f1", "r1", "co1"} {
				if !strings.Contains(fmt.Sprint(m.Scenarios[0].Steps[0].ID, m.Stakeholders[0].ID, sc.Contributions[0].ID, sc.Flows[0].ID, m.Relationships[0].ID, m.Coalitions[0].ID), want) {
					t.Errorf("id %s not used", want)
				}
			}
		})
	}
}

func TestGenerateIsDeterministic(t *testing.T) {
	for _, size := range Sizes {
		if !reflect.DeepEqual(Generate(size), Generate(size)) {
			t.Errorf("two Generate(%s) differ", size)
		}
	}
	if reflect.DeepEqual(Generate(S).Stakeholders, Generate(L).Stakeholders[:4]) {
		t.Error("sizes should not all share one sequence")
	}
}

func TestParseSize(t *testing.T) {
	tests := []struct {
		in   string
		want Size
		err  string
	}{
		{"S", S, ""}, {"m", M, ""}, {" L ", L, ""}, {"xl", XL, ""},
		{"XXL", "", `unknown size "XXL": use S, M, L or XL`},
		{"", "", `unknown size "": use S, M, L or XL`},
	}
	for _, tt := range tests {
		got, err := ParseSize(tt.in)
		if got != tt.want || (err == nil) != (tt.err == "") || err != nil && err.Error() != tt.err {
			t.Errorf("ParseSize(%q) = %q, %v; want %q, %q", tt.in, got, err, tt.want, tt.err)
		}
	}
}

func TestTiming(t *testing.T) {
	tests := []struct {
		start, dur int
		want       string
	}{
		{0, 1, "dag 1"}, {1, 4, "dag 2–5"}, {6, 1, "dag 7"}, {7, 7, "week 2"}, {10, 30, "week 2–6"},
	}
	for _, tt := range tests {
		if got := timing(tt.start, tt.dur); got != tt.want {
			t.Errorf("timing(%d, %d) = %q, want %q", tt.start, tt.dur, got, tt.want)
		}
	}
}

func BenchmarkGenerate(b *testing.B) {
	for _, size := range Sizes {
		b.Run(string(size), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Generate(size)
			}
		})
	}
}
