package scene

import (
	"sort"

	"valueflow/model"
)

// BoardGeometry is the grid of a laid-out board: where each column, lane
// and card is. The widget uses it to turn a pointer position into a cell
// (dropping a card, double-clicking an empty cell) and to move the
// selection with the arrow keys, always by model id.
type BoardGeometry struct {
	colX     []float32 // column i spans colX[i]..colX[i+1]
	laneY    []float32 // lane j spans laneY[j]..laneY[j+1]
	steps    []model.ID
	lanes    []model.ID
	cards    map[model.ID]Rect
	cardCell map[model.ID][2]int // step index, lane index
	// cardItems is where each card's items are in the scene, for UpdateCard.
	cardItems map[model.ID][2]int
}

// CellAt returns the step and stakeholder of the cell under p.
func (g *BoardGeometry) CellAt(p Point) (step, stakeholder model.ID, ok bool) {
	if g == nil || len(g.steps) == 0 || len(g.lanes) == 0 {
		return "", "", false
	}
	i := sort.Search(len(g.steps), func(i int) bool { return g.colX[i+1] > p.X })
	j := sort.Search(len(g.lanes), func(j int) bool { return g.laneY[j+1] > p.Y })
	if p.X < g.colX[0] || p.Y < g.laneY[0] || i >= len(g.steps) || j >= len(g.lanes) {
		return "", "", false
	}
	return g.steps[i], g.lanes[j], true
}

// CellRect returns the rectangle of the cell of step and stakeholder.
func (g *BoardGeometry) CellRect(step, stakeholder model.ID) (Rect, bool) {
	if g == nil {
		return Rect{}, false
	}
	i, j := indexOf(g.steps, step), indexOf(g.lanes, stakeholder)
	if i < 0 || j < 0 {
		return Rect{}, false
	}
	return Rect{g.colX[i], g.laneY[j], g.colX[i+1] - g.colX[i], g.laneY[j+1] - g.laneY[j]}, true
}

// CardRect returns where the card with id is drawn.
func (g *BoardGeometry) CardRect(id model.ID) (Rect, bool) {
	if g == nil {
		return Rect{}, false
	}
	r, ok := g.cards[id]
	return r, ok
}

// CardAt returns the card under p.
func (g *BoardGeometry) CardAt(p Point) (model.ID, bool) {
	if g == nil {
		return "", false
	}
	for id, r := range g.cards {
		if r.Contains(p) {
			return id, true
		}
	}
	return "", false
}

// Neighbour returns the card next to card in the direction (dx, dy), one of
// the arrow keys: up and down go through the stack of a cell first, then to
// the nearest lane with a card in the same step; left and right to the
// nearest step with a card in the same lane. ok is false at the edge.
func (g *BoardGeometry) Neighbour(card model.ID, dx, dy int) (model.ID, bool) {
	if g == nil {
		return "", false
	}
	from, ok := g.cards[card]
	cell, ok2 := g.cardCell[card]
	if !ok || !ok2 {
		return "", false
	}
	var best model.ID
	bestD := float32(-1)
	for id, r := range g.cards {
		if id == card {
			continue
		}
		c := g.cardCell[id]
		var d float32
		switch {
		case dy != 0 && c[0] == cell[0]:
			d = (r.Y - from.Y) * float32(dy)
		case dx != 0 && c[1] == cell[1] && c[0] != cell[0]:
			d = (r.X - from.X) * float32(dx)
			if d > 0 {
				// Within a cell, the top card of the stack comes first.
				d += (r.Y - g.laneY[c[1]]) * 0.001
			}
		default:
			continue
		}
		if d <= 0 {
			continue
		}
		if bestD < 0 || d < bestD || (d == bestD && id < best) {
			best, bestD = id, d
		}
	}
	return best, bestD >= 0
}

// Steps and Stakeholders return the ids of the columns and lanes in order.
func (g *BoardGeometry) Steps() []model.ID        { return g.steps }
func (g *BoardGeometry) Stakeholders() []model.ID { return g.lanes }

func indexOf(ids []model.ID, id model.ID) int {
	for i, x := range ids {
		if x == id {
			return i
		}
	}
	return -1
}

// rectIndex answers "does this rectangle overlap anything placed?" in about
// constant time, by bucketing rectangles on a coarse grid over the board;
// the flow labels and routes of an L board would otherwise compare against
// every card. A rectangle beyond the grid goes to the buckets at its edge.
type rectIndex struct {
	cols, rows int
	buckets    [][]Rect
}

const rectBucket = 128

func newRectIndex(w, h float32) *rectIndex {
	cols, rows := int(max(w, 0)/rectBucket)+1, int(max(h, 0)/rectBucket)+1
	return &rectIndex{cols: cols, rows: rows, buckets: make([][]Rect, cols*rows)}
}

func (x *rectIndex) cell(v float32, n int) int {
	return min(max(int(v/rectBucket), 0), n-1)
}

// span calls fn with the index of each bucket r meets, until fn says stop.
func (x *rectIndex) span(r Rect, fn func(k int) bool) {
	c0, c1 := x.cell(r.X, x.cols), x.cell(r.X+r.W, x.cols)
	r0, r1 := x.cell(r.Y, x.rows), x.cell(r.Y+r.H, x.rows)
	for by := r0; by <= r1; by++ {
		for bx := c0; bx <= c1; bx++ {
			if !fn(by*x.cols + bx) {
				return
			}
		}
	}
}

func (x *rectIndex) add(r Rect) {
	x.span(r, func(k int) bool {
		x.buckets[k] = append(x.buckets[k], r)
		return true
	})
}

func (x *rectIndex) hits(r Rect) bool {
	hit := false
	x.span(r, func(k int) bool {
		for _, o := range x.buckets[k] {
			if r.Intersects(o) {
				hit = true
				return false
			}
		}
		return true
	})
	return hit
}

// CardCell returns the step and stakeholder of the cell a card is in.
func (g *BoardGeometry) CardCell(id model.ID) (step, stakeholder model.ID, ok bool) {
	if g == nil {
		return "", "", false
	}
	c, ok := g.cardCell[id]
	if !ok {
		return "", "", false
	}
	return g.steps[c[0]], g.lanes[c[1]], true
}

// arena hands out items' shapes from slabs: an L board has tens of
// thousands of them, and one allocation each made the garbage collector the
// largest cost of a layout. A slab that fills up is left to the items that
// point into it.
type arena struct {
	boxes   []Box
	texts   []Text
	paths   []Path
	circles []Circle
}

const arenaSlab = 512

func (a *arena) box(v Box) *Box {
	if len(a.boxes) == cap(a.boxes) {
		a.boxes = make([]Box, 0, arenaSlab)
	}
	a.boxes = append(a.boxes, v)
	return &a.boxes[len(a.boxes)-1]
}

func (a *arena) text(v Text) *Text {
	if len(a.texts) == cap(a.texts) {
		a.texts = make([]Text, 0, arenaSlab)
	}
	a.texts = append(a.texts, v)
	return &a.texts[len(a.texts)-1]
}

func (a *arena) path(v Path) *Path {
	if len(a.paths) == cap(a.paths) {
		a.paths = make([]Path, 0, arenaSlab)
	}
	a.paths = append(a.paths, v)
	return &a.paths[len(a.paths)-1]
}

func (a *arena) circle(v Circle) *Circle {
	if len(a.circles) == cap(a.circles) {
		a.circles = make([]Circle, 0, arenaSlab)
	}
	a.circles = append(a.circles, v)
	return &a.circles[len(a.circles)-1]
}
