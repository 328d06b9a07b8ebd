package scene

import (
	"math"
	"sort"
)

// flowRouter draws flows so they pass no card where they can. A flow between
// neighbouring columns (or within one) runs in the gutter between them, so it
// never meets a card. A flow over more columns takes its direct curve when
// that meets no card, and otherwise goes round: out of its card into the
// gutter beside the column, along the gutter between two lanes, and down
// the gutter before the target's column into the card. Flows sharing a
// gutter take parallel tracks, so they stay apart where they can.
type flowRouter struct {
	cards *rectIndex // the cards' rectangles, nothing else
	// vx[i] is the clear band left of column i (i == len: right of the
	// last column): between the cards of column i-1 and those of column i.
	vx [][2]float32
	// hy[j] is the clear band at the top of lane j (j == len: below the
	// last lane): every card keeps boardCardPad from its lane's edges.
	hy      [][2]float32
	laneY   []float32
	vtracks []tracks
	htracks []tracks
}

// tracks are the parallel lines of one gutter, with the stretches (in y for
// a column gutter, in x for a lane gutter) each already carries.
type tracks [][][2]float32

// trackOrder is the order in which a gutter's tracks are handed out: the
// middle first, then alternately right and left of it.
var trackOrder = [...]int{0, 1, -1, 2, -2}

// take returns the track (an index into trackOrder) with the least overlap
// with lo..hi, and marks the stretch as used.
func (t *tracks) take(lo, hi float32) int {
	if len(*t) == 0 {
		*t = make(tracks, len(trackOrder))
	}
	best, bestOverlap := 0, float32(-1)
	for k, used := range *t {
		var overlap float32
		for _, s := range used {
			if o := min(hi, s[1]) - max(lo, s[0]); o > -3 {
				overlap += max(o, 0) + 3
			}
		}
		if bestOverlap < 0 || overlap < bestOverlap {
			best, bestOverlap = k, overlap
		}
		if overlap == 0 {
			break
		}
	}
	(*t)[best] = append((*t)[best], [2]float32{lo, hi})
	return best
}

// load is how much of lo..hi the gutter's tracks already carry.
func (t tracks) load(lo, hi float32) float32 {
	var sum float32
	for _, used := range t {
		for _, s := range used {
			if o := min(hi, s[1]) - max(lo, s[0]); o > 0 {
				sum += o
			}
		}
	}
	return sum
}

// trackAt is the position of track k in the band b.
func trackAt(b [2]float32, k int) float32 {
	mid := (b[0] + b[1]) / 2
	step := min((b[1]-b[0]-3)/float32(len(trackOrder)-1), 2.5)
	return mid + float32(trackOrder[k])*max(step, 0)
}

func newFlowRouter(cards *rectIndex, colX, cardLeft []float32, laneY []float32, width float32) *flowRouter {
	n := len(cardLeft)
	r := &flowRouter{cards: cards, laneY: laneY, vx: make([][2]float32, n+1), hy: make([][2]float32, len(laneY)), vtracks: make([]tracks, n+1), htracks: make([]tracks, len(laneY))}
	for i := 0; i <= n; i++ {
		lo, hi := colX[0], width
		if i > 0 {
			lo = cardLeft[i-1] + boardCardW
		}
		if i < n {
			hi = cardLeft[i]
		}
		r.vx[i] = [2]float32{lo, hi}
	}
	for j := range laneY {
		lo, hi := laneY[j]-boardCardPad, laneY[j]+boardCardPad
		if j == 0 {
			lo = laneY[0]
		}
		r.hy[j] = [2]float32{lo, hi}
	}
	return r
}

// crosses reports whether the polyline pts passes through a card other than
// the two rectangles it joins.
func (r *flowRouter) crosses(pts []Point, a, b Rect) bool {
	for k := 1; k < len(pts); k++ {
		p, q := pts[k-1], pts[k]
		box := Rect{min(p.X, q.X), min(p.Y, q.Y), routeAbs(q.X - p.X), routeAbs(q.Y - p.Y)}
		hit := false
		r.cards.span(box, func(key int) bool {
			for _, c := range r.cards.buckets[key] {
				if c == a || c == b {
					continue
				}
				if segmentCrosses(p, q, Rect{c.X + 0.5, c.Y + 0.5, c.W - 1, c.H - 1}) {
					hit = true
					return false
				}
			}
			return true
		})
		if hit {
			return true
		}
	}
	return false
}

// route returns the way from card a (in column i) to card b (in column k)
// round the cards: out of the side of a that faces b, along the column
// gutter next to a, along the lane gutter h, along the column gutter next to
// b and into b. It also returns the label spot on the lane gutter run.
func (r *flowRouter) route(a, b Rect, i, k, laneA, laneB int) ([]Point, Point) {
	ay, by := a.Y+a.H/2, b.Y+b.H/2
	var p0, p3 Point
	var g1, g2 int // column gutters
	if k > i {
		p0, p3 = Point{a.X + a.W, ay}, Point{b.X, by}
		g1, g2 = i+1, k
	} else {
		p0, p3 = Point{a.X, ay}, Point{b.X + b.W, by}
		g1, g2 = i, k+1
	}
	// Of the two lane gutters at the ends of the way (next to a, next to
	// b), take the one less used over the stretch.
	h1, h2 := laneA+1, laneB
	switch {
	case laneB < laneA:
		h1, h2 = laneA, laneB+1
	case laneB == laneA:
		h1, h2 = laneA, laneA+1
		if mid := (ay + by) / 2; mid-r.laneY[laneA] > r.laneY[laneA+1]-mid {
			// Both cards sit low in the lane: below is nearer.
			h1, h2 = h2, h1
		}
	}
	x1, x2 := (r.vx[g1][0]+r.vx[g1][1])/2, (r.vx[g2][0]+r.vx[g2][1])/2
	lo, hi := min(x1, x2), max(x1, x2)
	h := h1
	if r.htracks[h2].load(lo, hi) < r.htracks[h1].load(lo, hi) {
		h = h2
	}
	yh := trackAt(r.hy[h], r.htracks[h].take(lo, hi))
	x1 = trackAt(r.vx[g1], r.vtracks[g1].take(min(ay, yh), max(ay, yh)))
	x2 = trackAt(r.vx[g2], r.vtracks[g2].take(min(by, yh), max(by, yh)))
	pts := roundCorners([]Point{p0, {x1, ay}, {x1, yh}, {x2, yh}, {x2, by}, p3}, 4)
	mid := (r.hy[h][0] + r.hy[h][1]) / 2
	return pts, Point{(x1 + x2) / 2, mid}
}

// inColumn returns the way between two cards of one column: out of the
// right edge of a, along the gutter right of the column, into b's right edge.
func (r *flowRouter) inColumn(a, b Rect, i int) []Point {
	ay, by := a.Y+a.H/2, b.Y+b.H/2
	g := r.vx[i+1]
	x := trackAt([2]float32{a.X + a.W, g[1]}, r.vtracks[i+1].take(min(ay, by), max(ay, by)))
	return roundCorners([]Point{{a.X + a.W, ay}, {x, ay}, {x, by}, {b.X + b.W, by}}, 4)
}

// roundCorners replaces each corner of an orthogonal polyline by a short
// arc of at most radius, leaving out points that repeat.
func roundCorners(pts []Point, radius float32) []Point {
	clean := pts[:0:0]
	for _, p := range pts {
		if len(clean) > 0 && clean[len(clean)-1] == p {
			continue
		}
		clean = append(clean, p)
	}
	out := make([]Point, 0, len(clean)*4)
	out = append(out, clean[0])
	for k := 1; k < len(clean)-1; k++ {
		p, c, q := clean[k-1], clean[k], clean[k+1]
		l1, l2 := dist32(p, c), dist32(c, q)
		rad := min(radius, l1/2, l2/2)
		if rad < 0.5 {
			out = append(out, c)
			continue
		}
		// From c back towards p, and from c on towards q, by rad.
		s := Point{c.X + (p.X-c.X)/l1*rad, c.Y + (p.Y-c.Y)/l1*rad}
		e := Point{c.X + (q.X-c.X)/l2*rad, c.Y + (q.Y-c.Y)/l2*rad}
		// A quadratic curve with c as its control point: close to a
		// quarter circle, in three pieces.
		out = append(out, s)
		for _, t := range [...]float32{1.0 / 3, 2.0 / 3} {
			u := 1 - t
			out = append(out, Point{u*u*s.X + 2*u*t*c.X + t*t*e.X, u*u*s.Y + 2*u*t*c.Y + t*t*e.Y})
		}
		out = append(out, e)
	}
	return append(out, clean[len(clean)-1])
}

// segmentCrosses reports whether the segment p–q passes through r
// (Liang–Barsky clipping).
func segmentCrosses(p, q Point, r Rect) bool {
	t0, t1 := float32(0), float32(1)
	dx, dy := q.X-p.X, q.Y-p.Y
	for _, e := range [4][2]float32{{-dx, p.X - r.X}, {dx, r.X + r.W - p.X}, {-dy, p.Y - r.Y}, {dy, r.Y + r.H - p.Y}} {
		if e[0] == 0 {
			if e[1] < 0 {
				return false
			}
			continue
		}
		t := e[1] / e[0]
		if e[0] < 0 {
			t0 = max(t0, t)
		} else {
			t1 = min(t1, t)
		}
		if t0 > t1 {
			return false
		}
	}
	return true
}

func dist32(a, b Point) float32 {
	return float32(math.Hypot(float64(b.X-a.X), float64(b.Y-a.Y)))
}

// gutterSpots are the places for the label of a routed flow: on its run
// along the lane gutter, from the middle outwards one half column at a
// time, a few of them.
func gutterSpots(spots []Point, mid Point, pts []Point) []Point {
	lo, hi := mid.X, mid.X
	for _, p := range pts {
		if routeAbs(p.Y-mid.Y) < boardCardPad {
			lo, hi = min(lo, p.X), max(hi, p.X)
		}
	}
	spots = append(spots, mid)
	for d := float32(boardColumn / 2); d < 3*boardColumn && (mid.X-d > lo || mid.X+d < hi); d += boardColumn / 2 {
		if mid.X+d < hi {
			spots = append(spots, Point{mid.X + d, mid.Y})
		}
		if mid.X-d > lo {
			spots = append(spots, Point{mid.X - d, mid.Y})
		}
	}
	return spots
}

func routeAbs(v float32) float32 {
	if v < 0 {
		return -v
	}
	return v
}

// labelSpots appends to spots the places for the label of a flow drawn as
// pts, best first: for a routed flow (routed is set) its run along a lane
// gutter; then where the line crosses a gutter between two lanes, nearest
// its middle first (a label there, centred on the gutter, covers no card
// however wide it is); then a few points of the line itself.
func labelSpots(spots []Point, pts []Point, routed *Point, laneY []float32) []Point {
	if routed != nil {
		spots = gutterSpots(spots, *routed, pts)
	}
	n := len(pts) - 1
	found := 0
	for d := 0; d <= n && found < 6; d++ {
		for _, k := range [2]int{n/2 + 1 + d, n/2 - d} {
			if d == 0 && k == n/2 {
				continue
			}
			if k < 1 || k > n {
				continue
			}
			p, q := pts[k-1], pts[k]
			if p.Y == q.Y {
				continue
			}
			lo, hi := min(p.Y, q.Y), max(p.Y, q.Y)
			j := sort.Search(len(laneY), func(j int) bool { return laneY[j] > lo })
			for ; j > 0 && j < len(laneY)-1 && laneY[j] <= hi; j++ {
				t := (laneY[j] - p.Y) / (q.Y - p.Y)
				spots = append(spots, Point{p.X + (q.X-p.X)*t, laneY[j]})
				found++
			}
		}
	}
	return append(spots, pts[len(pts)/2], pts[len(pts)/4], pts[len(pts)*3/4])
}
