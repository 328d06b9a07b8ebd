package scene

import (
	"reflect"
	"strings"
	"testing"

	"valueflow/model"
	"valueflow/model/sample"
)

func targets(s *Scene) map[Target]bool {
	out := map[Target]bool{}
	for _, it := range s.Items {
		out[it.Target] = true
	}
	return out
}

func TestTheBoardShowsEveryElementOfTheScenario(t *testing.T) {
	m := sample.Map()
	sc := m.Scenarios[0]
	got := targets(Board(m, sc.ID, BoardOptions{}))
	for _, st := range sc.Steps {
		if !got[Target{model.EntityStep, st.ID}] {
			t.Errorf("step %s is not on the board", st.ID)
		}
	}
	for _, sh := range m.Stakeholders {
		if !got[Target{model.EntityStakeholder, sh.ID}] {
			t.Errorf("lane %s is not on the board", sh.ID)
		}
	}
	for _, c := range sc.Contributions {
		if !got[Target{model.EntityContribution, c.ID}] {
			t.Errorf("card %s is not on the board", c.ID)
		}
	}
	for _, f := range sc.Flows {
		if !got[Target{model.EntityFlow, f.ID}] {
			t.Errorf("flow %s is not on the board", f.ID)
		}
	}
}

func TestCardTextFitsItsCard(t *testing.T) {
	m := sample.Map()
	s := Board(m, m.Scenarios[0].ID, BoardOptions{})
	boxes := map[model.ID]Rect{}
	for _, it := range s.Items {
		if it.Target.Kind == model.EntityContribution && it.Box != nil && it.Box.W > 50 {
			boxes[it.Target.ID] = it.Box.Rect
		}
	}
	for _, it := range s.Items {
		if it.Target.Kind != model.EntityContribution || it.Text == nil {
			continue
		}
		card := boxes[it.Target.ID]
		for _, line := range it.Text.Lines {
			if w := MeasureText(line, it.Text.Size, it.Text.Bold); it.Text.X+w > card.X+card.W+0.5 {
				t.Errorf("card %s: %q is %.0f wide and sticks out of its card", it.Target.ID, line, w)
			}
		}
		if it.Text.Y+it.Text.H > card.Y+card.H+0.5 {
			t.Errorf("card %s: the text runs below the card", it.Target.ID)
		}
	}
}

func TestTheBoardIsDeterministic(t *testing.T) {
	m := sample.Generate(sample.M)
	a := Board(m, m.Scenarios[0].ID, BoardOptions{})
	b := Board(m, m.Scenarios[0].ID, BoardOptions{})
	if !reflect.DeepEqual(a, b) {
		t.Fatal("two layouts of the same map differ")
	}
}

func TestSelectingACardDimsWhatIsNotInItsChain(t *testing.T) {
	m := sample.Map()
	sc := m.Scenarios[0]
	card := sc.Flows[0].From
	s := Board(m, sc.ID, BoardOptions{Selected: Target{model.EntityContribution, card}})
	chain := map[model.ID]bool{card: true}
	for _, id := range append(sc.Upstream(card), sc.Downstream(card)...) {
		chain[id] = true
	}
	for _, it := range s.Items {
		if it.Target.Kind != model.EntityContribution {
			continue
		}
		want := Dimmed
		if chain[it.Target.ID] {
			want = Highlighted
		}
		if it.Emphasis != want {
			t.Fatalf("card %s has emphasis %d, want %d", it.Target.ID, it.Emphasis, want)
		}
	}
	if s := Board(m, sc.ID, BoardOptions{}); s.Items[0].Emphasis != Normal {
		t.Fatal("without a selection nothing is dimmed")
	}
}

func TestRealTimeMakesLongStepsWider(t *testing.T) {
	m := sample.Map()
	sc := m.Scenarios[0]
	width := func(opt BoardOptions) map[model.ID]float32 {
		out := map[model.ID]float32{}
		for _, it := range Board(m, sc.ID, opt).Items {
			// The step's header is its box at the top (a wait gap runs down the board).
			if it.Target.Kind == model.EntityStep && it.Box != nil && it.Box.Y == 2 {
				out[it.Target.ID] = it.Box.W
			}
		}
		return out
	}
	plain, real := width(BoardOptions{}), width(BoardOptions{RealTime: true})
	var longest *model.Step
	for _, st := range sc.Steps {
		if longest == nil || st.DurationDays > longest.DurationDays {
			longest = st
		}
	}
	if real[longest.ID] <= plain[longest.ID] {
		t.Fatalf("the longest step is %.0f wide on the time axis and %.0f without", real[longest.ID], plain[longest.ID])
	}
}

func BenchmarkBoardBuildL(b *testing.B) {
	m := sample.Generate(sample.L)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Board(m, m.Scenarios[0].ID, BoardOptions{})
	}
}

func TestAnEmptyMapSaysWhereToBegin(t *testing.T) {
	m := &model.Map{Title: "Leeg", Scenarios: []*model.Scenario{{ID: "sc1", Name: "Huidige situatie"}}}
	s := Board(m, "sc1", BoardOptions{})
	var hint bool
	for _, it := range s.Items {
		if it.Text != nil && strings.HasPrefix(strings.Join(it.Text.Lines, " "), "Start here") {
			hint = true
		}
	}
	if !hint {
		t.Fatal("an empty map shows no hint")
	}
}

// stepHeaders returns the header box of each step (a wait gap also has
// boxes with the step's target, but they run down the board).
func stepHeaders(s *Scene) map[model.ID]Rect {
	headers := map[model.ID]Rect{}
	for _, it := range s.Items {
		if it.Target.Kind == model.EntityStep && it.Box != nil && it.Box.Y == 2 {
			headers[it.Target.ID] = it.Box.Rect
		}
	}
	return headers
}

func TestRealTimeShowsTheWaitBeforeAStepAsAGap(t *testing.T) {
	m := sample.Map()
	sc := m.Scenarios[0]
	headers := stepHeaders(Board(m, sc.ID, BoardOptions{RealTime: true}))
	start, end := stepDays(sc.Steps)
	waited := 0
	for i := 1; i < len(sc.Steps); i++ {
		prev, cur := headers[sc.Steps[i-1].ID], headers[sc.Steps[i].ID]
		space := cur.X - (prev.X + prev.W)
		idle := start[i] - end[i-1]
		if w := sc.Steps[i].WaitDays; w > 0 {
			waited++
			if space < boardMinGap {
				t.Errorf("step %s waits %d days but follows its predecessor at %.0f", sc.Steps[i].ID, w, space)
			}
		} else if idle <= 0 && space > 5 {
			t.Errorf("step %s neither waits nor starts after its predecessor ended, but leaves %.0f of space", sc.Steps[i].ID, space)
		}
	}
	if waited == 0 {
		t.Fatal("the sample has no waiting time to show")
	}
}

func TestRealTimePlacesStepsOnTheirStartDays(t *testing.T) {
	m := &model.Map{Title: "Tijd", Stakeholders: []*model.Stakeholder{{ID: "a", Name: "Huisarts"}}, Scenarios: []*model.Scenario{{ID: "sc", Name: "Nu", Steps: []*model.Step{
		{ID: "s1", Name: "Begin", StartDay: 0, DurationDays: 2},
		{ID: "s2", Name: "Een maand later", StartDay: 30, DurationDays: 2},
		{ID: "s3", Name: "Zonder startdag", WaitDays: 5, DurationDays: 1},
		{ID: "s4", Name: "Tegelijk", StartDay: 36, DurationDays: 1},
	}}}}
	s := Board(m, "sc", BoardOptions{RealTime: true})
	h := stepHeaders(s)
	space := func(a, b model.ID) float32 { return h[b].X - (h[a].X + h[a].W) }
	month, wait := space("s1", "s2"), space("s2", "s3")
	if wait < boardMinGap || month < 4*wait {
		t.Errorf("28 idle days leave %.0f of space and a wait of 5 days %.0f; want the month far wider", month, wait)
	}
	if got := space("s3", "s4"); got > 5 {
		t.Errorf("a step that starts while the one before runs leaves %.0f of space", got)
	}
	// The day scale names the first day of each step, counted from 1: s3
	// starts on the running sum, 32 + 5.
	numbers := map[string]bool{}
	for _, it := range s.Items {
		if it.Group == "axis" && it.Text != nil {
			numbers[it.Text.Lines[0]] = true
		}
	}
	for _, day := range []string{"1", "31", "38", "days"} {
		if !numbers[day] {
			t.Errorf("the day scale has no %q (it has %v)", day, numbers)
		}
	}
	for _, it := range Board(m, "sc", BoardOptions{}).Items {
		if it.Group == "axis" {
			t.Fatal("the board without the time axis has a day scale")
		}
	}
}
