package model_test

import (
	"sync"
	"testing"

	"valueflow/model"
	"valueflow/model/sample"
)

var (
	largeOnce sync.Once
	largeMap  *model.Map
)

// large is the generated L map (40 lanes, 60 steps, 1,200 cards, 1,000 flows).
func large(b *testing.B) *model.Map {
	largeOnce.Do(func() { largeMap = sample.Generate(sample.L) })
	return largeMap.Clone()
}

// busiestCard is a card with flows in and out, so the chains are long.
func busiestCard(sc *model.Scenario) model.ID {
	best, bestN := sc.Contributions[0].ID, -1
	for _, c := range sc.Contributions[len(sc.Contributions)/3:] {
		in, out := sc.FlowsOf(c.ID)
		if n := len(in) * len(out); n > bestN {
			best, bestN = c.ID, n
		}
		if bestN > 4 {
			break
		}
	}
	return best
}

func BenchmarkValidateL(b *testing.B) {
	m := large(b)
	for b.Loop() {
		if err := m.Validate(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCloneL(b *testing.B) {
	m := large(b)
	for b.Loop() {
		m.Clone()
	}
}

func BenchmarkUpstreamDownstreamL(b *testing.B) {
	sc := large(b).Scenarios[0]
	card := busiestCard(sc)
	for b.Loop() {
		sc.Upstream(card)
		sc.Downstream(card)
	}
	b.ReportMetric(float64(len(sc.Upstream(card))+len(sc.Downstream(card))), "cards")
}

func BenchmarkCardsAtL(b *testing.B) {
	m := large(b)
	sc := m.Scenarios[0]
	for b.Loop() {
		sc.CardsAt(sc.Steps[30].ID, m.Stakeholders[20].ID)
	}
}

func BenchmarkNewIDL(b *testing.B) {
	m := large(b)
	for b.Loop() {
		m.NewID("c")
	}
}

func BenchmarkAddCardAndUndoL(b *testing.B) {
	m := large(b)
	sc := m.Scenarios[0]
	c := model.AddContribution(sc.ID, model.Contribution{ID: m.NewID("c"), Step: sc.Steps[10].ID, Stakeholder: m.Stakeholders[5].ID, Value: "v", Role: model.RoleLead})
	for b.Loop() {
		if err := c.Do(m); err != nil {
			b.Fatal(err)
		}
		c.Undo(m)
	}
}

func BenchmarkMoveStepAndUndoL(b *testing.B) {
	m := large(b)
	sc := m.Scenarios[0]
	c := model.MoveStep(sc.ID, sc.Steps[0].ID, len(sc.Steps)-1)
	for b.Loop() {
		if err := c.Do(m); err != nil {
			b.Fatal(err)
		}
		c.Undo(m)
	}
}

func BenchmarkDeleteStakeholderAndUndoL(b *testing.B) {
	m := large(b)
	c := model.DeleteStakeholder(m.Stakeholders[3].ID)
	for b.Loop() {
		if err := c.Do(m); err != nil {
			b.Fatal(err)
		}
		c.Undo(m)
	}
	b.ReportMetric(float64(len(c.Touches())), "touched")
}

func BenchmarkDeleteStepAndUndoL(b *testing.B) {
	m := large(b)
	sc := m.Scenarios[0]
	c := model.DeleteStep(sc.ID, sc.Steps[5].ID)
	for b.Loop() {
		if err := c.Do(m); err != nil {
			b.Fatal(err)
		}
		c.Undo(m)
	}
	b.ReportMetric(float64(len(c.Touches())), "touched")
}

var (
	xlOnce sync.Once
	xlMap  *model.Map
)

func BenchmarkDeleteStakeholderAndUndoXL(b *testing.B) {
	if testing.Short() {
		b.Skip("XL map")
	}
	xlOnce.Do(func() { xlMap = sample.Generate(sample.XL) })
	m := xlMap.Clone()
	c := model.DeleteStakeholder(m.Stakeholders[3].ID)
	for b.Loop() {
		if err := c.Do(m); err != nil {
			b.Fatal(err)
		}
		c.Undo(m)
	}
	b.ReportMetric(float64(len(c.Touches())), "touched")
}
