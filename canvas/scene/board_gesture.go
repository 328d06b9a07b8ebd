package scene

import (
	"sort"

	"valueflow/model"
)

// The questions the board widget asks of the grid while the user drags a
// header, draws a selection band or walks the board by keyboard. All of
// them answer with model ids or grid positions, never with scene items.

// HeaderAt returns the step whose header is under p (the row at the top of
// the board) or the stakeholder whose lane header is under p (the column on
// the left). ok is false anywhere else, the experience band included.
func (g *BoardGeometry) HeaderAt(p Point) (Target, bool) {
	if g == nil || len(g.colX) == 0 || len(g.laneY) == 0 {
		return Target{}, false
	}
	if p.Y >= 0 && p.Y < boardStepHeader && p.X >= g.colX[0] && p.X < g.colX[len(g.colX)-1] {
		i := sort.Search(len(g.steps), func(i int) bool { return g.colX[i+1] > p.X })
		if i < len(g.steps) {
			return Target{Kind: model.EntityStep, ID: g.steps[i]}, true
		}
	}
	if p.X >= 0 && p.X < g.colX[0] && p.Y >= g.laneY[0] && p.Y < g.laneY[len(g.laneY)-1] {
		j := sort.Search(len(g.lanes), func(j int) bool { return g.laneY[j+1] > p.Y })
		if j < len(g.lanes) {
			return Target{Kind: model.EntityStakeholder, ID: g.lanes[j]}, true
		}
	}
	return Target{}, false
}

// StepSlot returns where a step header dropped at x goes: the column
// boundary nearest to x, 0 (before the first step) to len(steps) (after the
// last).
func (g *BoardGeometry) StepSlot(x float32) int { return nearestSlot(g.colX, x) }

// LaneSlot is StepSlot for lanes: the lane boundary nearest to y.
func (g *BoardGeometry) LaneSlot(y float32) int { return nearestSlot(g.laneY, y) }

func nearestSlot(edges []float32, v float32) int {
	best, bestD := 0, float32(-1)
	for i, e := range edges {
		if d := abs32(e - v); bestD < 0 || d < bestD {
			best, bestD = i, d
		}
	}
	return best
}

func abs32(v float32) float32 {
	if v < 0 {
		return -v
	}
	return v
}

// StepEdge is the x of column boundary i (0..len(steps)); LaneEdge the y of
// lane boundary j. They place the drop marker of a header drag.
func (g *BoardGeometry) StepEdge(i int) float32 { return edge(g.colX, i) }

// LaneEdge is the y of lane boundary j (0..len(lanes)).
func (g *BoardGeometry) LaneEdge(j int) float32 { return edge(g.laneY, j) }

func edge(edges []float32, i int) float32 {
	if len(edges) == 0 {
		return 0
	}
	return edges[max(0, min(i, len(edges)-1))]
}

// GridBottom and GridRight are where the lanes and the columns end.
func (g *BoardGeometry) GridBottom() float32 { return edge(g.laneY, len(g.laneY)-1) }

// GridRight is where the last column ends.
func (g *BoardGeometry) GridRight() float32 { return edge(g.colX, len(g.colX)-1) }

// StepHeaderRect is the header of a step at the top of the board.
func (g *BoardGeometry) StepHeaderRect(step model.ID) (Rect, bool) {
	if g == nil {
		return Rect{}, false
	}
	i := indexOf(g.steps, step)
	if i < 0 {
		return Rect{}, false
	}
	return Rect{g.colX[i], 0, g.colX[i+1] - g.colX[i], boardStepHeader}, true
}

// LaneHeaderRect is the header of a lane on the left of the board.
func (g *BoardGeometry) LaneHeaderRect(lane model.ID) (Rect, bool) {
	if g == nil {
		return Rect{}, false
	}
	j := indexOf(g.lanes, lane)
	if j < 0 {
		return Rect{}, false
	}
	return Rect{0, g.laneY[j], g.colX[0], g.laneY[j+1] - g.laneY[j]}, true
}

// CardsIn returns the cards that overlap r, in reading order (lane by lane,
// step by step, top of a stack first): what a selection band catches.
func (g *BoardGeometry) CardsIn(r Rect) []model.ID {
	if g == nil {
		return nil
	}
	var out []model.ID
	for id, c := range g.cards {
		if c.Intersects(r) {
			out = append(out, id)
		}
	}
	g.sortCards(out)
	return out
}

// CardsInCell returns the cards of one cell, top of the stack first.
func (g *BoardGeometry) CardsInCell(step, lane model.ID) []model.ID {
	if g == nil {
		return nil
	}
	i, j := indexOf(g.steps, step), indexOf(g.lanes, lane)
	if i < 0 || j < 0 {
		return nil
	}
	var out []model.ID
	for id, c := range g.cardCell {
		if c == [2]int{i, j} {
			out = append(out, id)
		}
	}
	g.sortCards(out)
	return out
}

func (g *BoardGeometry) sortCards(ids []model.ID) {
	sort.Slice(ids, func(a, b int) bool {
		ca, cb := g.cardCell[ids[a]], g.cardCell[ids[b]]
		if ca[1] != cb[1] {
			return ca[1] < cb[1]
		}
		if ca[0] != cb[0] {
			return ca[0] < cb[0]
		}
		ra, rb := g.cards[ids[a]], g.cards[ids[b]]
		if ra.Y != rb.Y {
			return ra.Y < rb.Y
		}
		return ids[a] < ids[b]
	})
}
