package scene

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/goccy/go-graphviz"

	"valueflow/model"
	"valueflow/model/analysis"
)

// Engine is a Graphviz layout engine for the network view.
type Engine string

const (
	Neato Engine = "neato"
	FDP   Engine = "fdp"
	Dot   Engine = "dot"
)

// Engines lists the engines the network view offers.
var Engines = []Engine{Neato, FDP, Dot}

// LayoutTies is how many of its strongest ties (most flows, then
// relationships) each stakeholder brings into the graph Graphviz lays out.
// A generated L map links almost every pair: laid out with all 650 links,
// neato's result is a hairball whatever the settings, and dot spends 14 s
// (native) on crossings of edges that span thirty ranks. With each
// stakeholder's five strongest ties the drawing shows who works closely
// with whom, dot takes milliseconds, and every link is still drawn.
const LayoutTies = 5

// MaxDotStakeholders is the largest network the layered (dot) layout is
// offered for: above it, it takes seconds in Graphviz's WebAssembly, which
// cannot be interrupted.
const MaxDotStakeholders = 150

// ErrTooLargeForDot says the network has more than MaxDotStakeholders.
var ErrTooLargeForDot = errors.New("the network is too large for the layered layout")

// graphvizMu guards the one Graphviz instance: go-graphviz runs all of
// Graphviz in a single WebAssembly module, which is not safe for concurrent
// use and cannot be stopped in the middle of a call (closing it on a
// cancelled context would close it for the whole process). A cancelled
// request is dropped before it reaches Graphviz and between its steps.
var (
	graphvizMu sync.Mutex
	graphvizGV *graphviz.Graphviz
	// waitingForGraphviz, when set (by a test), is called just before a
	// request waits for the instance.
	waitingForGraphviz func()
)

// NetworkLayout is a network prepared for Graphviz, and what is done after
// Graphviz, in Go: the nodes the user placed exactly where they were put,
// and overlapping nodes (with their names) pushed apart.
type NetworkLayout struct {
	Engine Engine
	// Key is the engine and the graph Graphviz lays out, without start
	// positions or pins: what a cache of Graphviz's results (Graphviz) is
	// keyed by. neato and fdp are given the same graph, so the engine's
	// name leads it. For neato and fdp it leaves out the node sizes too
	// (overlaps are removed afterwards), so sizing nodes by another measure
	// needs no new layout.
	Key    string
	ids    []model.ID
	boxes  []nodeBox
	edges  []layoutEdge
	pinned map[model.ID]Point
	start  map[model.ID]Point
	dot    string
}

// nodeBox is the room a node needs around its centre: the circle, its
// badges and its name under it, plus a gap to its neighbours.
type nodeBox struct{ left, right, top, bottom float32 }

const (
	boxGapX = 8
	boxGapY = 4
)

// NewNetworkLayout prepares the layout of r's network as Network(m, r, opt)
// draws it. Nodes start at opt.Start (the positions on the screen, so a
// new layout stays close to what the user saw) or, without it, where
// classical scaling of the network's distances puts them (so neato needs
// few iterations and the same network always gives the same picture);
// opt.Pinned nodes are fixed.
func NewNetworkLayout(m *model.Map, r *analysis.Result, opt NetworkOptions) *NetworkLayout {
	engine := opt.Engine
	if engine == "" {
		engine = Neato
	}
	l := &NetworkLayout{Engine: engine, pinned: map[model.ID]Point{}, start: opt.Start}
	radius := nodeRadii(m, r, opt.SizeBy)
	index := make(map[model.ID]int, len(m.Stakeholders))
	for i, s := range m.Stakeholders {
		index[s.ID] = i
		l.ids = append(l.ids, s.ID)
		l.boxes = append(l.boxes, boxOf(s, radius[s.ID]))
		if p, ok := opt.Pinned[s.ID]; ok {
			l.pinned[s.ID] = p
		}
	}
	l.edges = layoutEdges(r, index)
	l.Key = "engine " + string(engine) + "\n" + l.write(nil)
	return l
}

// DOT is the text Graphviz is given: the graph of Key with the start
// positions and the pins.
func (l *NetworkLayout) DOT() string {
	if l.dot == "" {
		var start [][2]float64
		if l.Engine != Dot {
			start = l.startPositions()
		}
		l.dot = l.write(start)
	}
	return l.dot
}

// write writes the layout graph as DOT, with start positions (inches, Y
// up) and pins when start is not nil.
func (l *NetworkLayout) write(start [][2]float64) string {
	var b strings.Builder
	b.WriteString("graph network {\n")
	// overlap=true: overlaps are removed afterwards, in Go (removeOverlaps).
	// Graphviz's own removal (prism) took a third of the time in its
	// WebAssembly and moves pinned nodes.
	b.WriteString("  graph [overlap=true, splines=false, outputorder=edgesfirst, start=1, epsilon=0.001, nodesep=0.3, ranksep=0.6, nslimit=4, nslimit1=4, mclimit=0.5];\n")
	if l.Engine == Dot {
		b.WriteString("  node [shape=box, fixedsize=true, label=\"\"];\n")
	} else {
		// Node sizes matter only to overlaps, and those are removed later.
		b.WriteString("  node [shape=circle, width=0.1, fixedsize=true, label=\"\"];\n")
	}
	for i, id := range l.ids {
		b.WriteString("  ")
		b.WriteString(dotQuote(string(id)))
		var attrs []string
		if l.Engine == Dot {
			bx := l.boxes[i]
			attrs = append(attrs, fmt.Sprintf("width=%.2f, height=%.2f", (bx.left+bx.right)/72, (bx.top+bx.bottom)/72))
		}
		if start != nil {
			if p, ok := l.pinned[id]; ok {
				attrs = append(attrs, fmt.Sprintf("pos=\"%.3f,%.3f!\"", p.X/72, -p.Y/72))
			} else if !math.IsNaN(start[i][0]) {
				attrs = append(attrs, fmt.Sprintf("pos=\"%.3f,%.3f\"", start[i][0], start[i][1]))
			}
		}
		if len(attrs) > 0 {
			b.WriteString(" [" + strings.Join(attrs, ", ") + "]")
		}
		b.WriteString(";\n")
	}
	for _, e := range l.edges {
		fmt.Fprintf(&b, "  %s -- %s [weight=%d, len=%.2f];\n", dotQuote(string(l.ids[e.a])), dotQuote(string(l.ids[e.b])), e.weight, e.len)
	}
	b.WriteString("}\n")
	return b.String()
}

// NetworkDOT returns the DOT text NewNetworkLayout gives Graphviz.
func NetworkDOT(m *model.Map, r *analysis.Result, opt NetworkOptions) string {
	return NewNetworkLayout(m, r, opt).DOT()
}

// startPositions are where the nodes start, in inches with Y up: the
// positions given (Start), a new node at the middle of its neighbours that
// have one (NaN, no start, when none has); without any given, classical
// scaling. The scaling is moved so the pinned nodes start, on average,
// where they are pinned (the pins are in the frame of an earlier layout).
func (l *NetworkLayout) startPositions() [][2]float64 {
	n := len(l.ids)
	out := make([][2]float64, n)
	if len(l.start) > 0 {
		for i, id := range l.ids {
			if p, ok := l.start[id]; ok {
				out[i] = [2]float64{float64(p.X) / 72, -float64(p.Y) / 72}
			} else {
				out[i] = [2]float64{math.NaN(), math.NaN()}
			}
		}
		for _, e := range l.edges {
			for _, ab := range [][2]int{{e.a, e.b}, {e.b, e.a}} {
				if _, ok := l.start[l.ids[ab[0]]]; !ok && !math.IsNaN(out[ab[1]][0]) && math.IsNaN(out[ab[0]][0]) {
					out[ab[0]] = [2]float64{out[ab[1]][0] + 0.3, out[ab[1]][1] - 0.3}
				}
			}
		}
		return out
	}
	out = classicalScaling(n, l.edges)
	var dx, dy float64
	k := 0
	for i, id := range l.ids {
		if p, ok := l.pinned[id]; ok {
			dx += float64(p.X)/72 - out[i][0]
			dy += -float64(p.Y)/72 - out[i][1]
			k++
		}
	}
	if k > 0 {
		for i := range out {
			out[i][0] += dx / float64(k)
			out[i][1] += dy / float64(k)
		}
	}
	return out
}

// boxOf is the room of a stakeholder's node of radius rad.
func boxOf(s *model.Stakeholder, rad float32) nodeBox {
	_, tw, th := nodeName(s.Name)
	half := max(rad+badgeOverhang(rad), tw/2+2)
	return nodeBox{left: half + boxGapX/2, right: half + boxGapX/2,
		top: rad + badgeOverhang(rad) + boxGapY/2, bottom: rad + 3 + th + boxGapY/2}
}

// badgeOverhang is how far a badge sticks out of a node of radius rad.
func badgeOverhang(rad float32) float32 { return max(0, rad*0.75+6-rad) }

// layoutEdge is a pair of stakeholders (lane indexes) in the layout graph.
type layoutEdge struct {
	a, b   int
	weight int     // flows between them, plus one per relationship
	len    float64 // the distance neato aims for, in inches
}

// layoutEdges merges relationships and flows in either direction into one
// edge per pair and keeps, of each stakeholder, its LayoutTies strongest.
func layoutEdges(r *analysis.Result, index map[model.ID]int) []layoutEdge {
	weight := map[[2]int]int{}
	var order [][2]int
	add := func(a, b model.ID, w int) {
		i, okA := index[a]
		j, okB := index[b]
		if !okA || !okB || i == j {
			return
		}
		if i > j {
			i, j = j, i
		}
		k := [2]int{i, j}
		if _, ok := weight[k]; !ok {
			order = append(order, k)
		}
		weight[k] += w
	}
	for _, e := range r.Relations {
		add(e.From, e.To, len(e.Relationships))
	}
	for _, e := range r.FlowEdges {
		add(e.From, e.To, len(e.Flows))
	}
	w := make([]int, len(order))
	ties := make([][]int, len(index)) // stakeholder → indexes into order
	for i, k := range order {
		w[i] = weight[k]
		ties[k[0]] = append(ties[k[0]], i)
		ties[k[1]] = append(ties[k[1]], i)
	}
	keep := make([]bool, len(order))
	for _, list := range ties {
		sort.SliceStable(list, func(x, y int) bool { return w[list[x]] > w[list[y]] })
		for _, i := range list[:min(len(list), LayoutTies)] {
			keep[i] = true
		}
	}
	var out []layoutEdge
	for i, k := range order {
		if keep[i] {
			out = append(out, layoutEdge{a: k[0], b: k[1], weight: w[i], len: 1.9 - 0.05*float64(min(w[i], 10))})
		}
	}
	return out
}

// Run lays the network out: Graphviz, then Place.
func (l *NetworkLayout) Run(ctx context.Context) (map[model.ID]Point, error) {
	raw, err := l.Graphviz(ctx)
	if err != nil {
		return nil, err
	}
	return l.Place(raw), nil
}

// Graphviz runs Graphviz on DOT and returns its node centres, moved into
// the frame of the pins (or, without pins, of the start positions given):
// Graphviz moves the whole drawing to its own origin. This is the slow
// part; its result depends only on Key and the starts and pins. Call it
// off the UI goroutine; ctx drops a request that is no longer wanted before
// Graphviz starts on it or between its steps.
func (l *NetworkLayout) Graphviz(ctx context.Context) (map[model.ID]Point, error) {
	if l.Engine == Dot && len(l.ids) > MaxDotStakeholders {
		return nil, ErrTooLargeForDot
	}
	raw, err := LayoutNetwork(ctx, l.DOT(), l.Engine)
	if err != nil {
		return nil, err
	}
	// neato and fdp keep the pins; dot does not, and is only kept from
	// jumping away from where the nodes were.
	anchors := l.pinned
	if len(anchors) == 0 || l.Engine == Dot {
		anchors = l.start
	}
	var dx, dy float32
	k := 0
	for id, p := range anchors {
		if q, ok := raw[id]; ok {
			dx, dy = dx+p.X-q.X, dy+p.Y-q.Y
			k++
		}
	}
	if k > 0 {
		for id, q := range raw {
			raw[id] = Point{q.X + dx/float32(k), q.Y + dy/float32(k)}
		}
	}
	return raw, nil
}

// Place puts the pinned nodes exactly at their place and pushes overlapping
// nodes apart; it is quick, so sizing nodes by another measure or pinning
// a dropped node redraws with it alone.
func (l *NetworkLayout) Place(raw map[model.ID]Point) map[model.ID]Point {
	pos := make([]Point, len(l.ids))
	fixed := make([]bool, len(l.ids))
	for i, id := range l.ids {
		pos[i] = raw[id]
		if p, ok := l.pinned[id]; ok {
			pos[i], fixed[i] = p, true
		}
	}
	removeOverlaps(pos, l.boxes, fixed)
	out := make(map[model.ID]Point, len(pos))
	for i, id := range l.ids {
		out[id] = pos[i]
	}
	return out
}

// LayoutNetwork lays out DOT text with Graphviz and returns each node's
// centre in scene units (points, Y down; the frame is Graphviz's with Y
// turned over). Node names are the stakeholder ids. Nothing is done about
// overlaps here (NetworkLayout.Run does that).
func LayoutNetwork(ctx context.Context, dot string, engine Engine) (map[model.ID]Point, error) {
	switch engine {
	case "":
		engine = Neato
	case Neato, FDP, Dot:
	default:
		return nil, fmt.Errorf("unknown layout engine %q", engine)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if waitingForGraphviz != nil {
		waitingForGraphviz()
	}
	graphvizMu.Lock()
	defer graphvizMu.Unlock()
	// A newer request may have cancelled this one while it waited.
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if graphvizGV == nil {
		gv, err := graphviz.New(ctx)
		if err != nil {
			return nil, fmt.Errorf("starting Graphviz: %w", err)
		}
		graphvizGV = gv
	}
	g, err := graphviz.ParseBytes([]byte(dot))
	if err != nil {
		return nil, fmt.Errorf("reading the network's DOT: %w", err)
	}
	defer g.Close()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	graphvizGV.SetLayout(graphviz.Layout(engine))
	if err := graphvizGV.Render(ctx, g, graphviz.Format("plain"), &buf); err != nil {
		return nil, fmt.Errorf("laying out the network with %s: %w", engine, err)
	}
	return ParsePlain(buf.Bytes())
}

// ParsePlain reads node centres from Graphviz's "plain" output (inches, Y up)
// and returns them in points with Y down (Y turned over, not moved).
func ParsePlain(plain []byte) (map[model.ID]Point, error) {
	pos := map[model.ID]Point{}
	sc := bufio.NewScanner(bytes.NewReader(plain))
	sc.Buffer(make([]byte, 64*1024), 4*1024*1024)
	for sc.Scan() {
		f := plainFields(sc.Text())
		if len(f) == 0 || f[0] != "node" {
			continue
		}
		if len(f) < 4 {
			return nil, fmt.Errorf("graphviz plain output: short node line %q", sc.Text())
		}
		x, err1 := strconv.ParseFloat(f[2], 64)
		y, err2 := strconv.ParseFloat(f[3], 64)
		if err1 != nil || err2 != nil {
			return nil, fmt.Errorf("graphviz plain output: node %q has no position", f[1])
		}
		pos[model.ID(f[1])] = Point{float32(x * 72), float32(-y * 72)}
	}
	return pos, sc.Err()
}

// plainFields splits a plain-output line into fields, unquoting "..." names.
func plainFields(line string) []string {
	var out []string
	for i := 0; i < len(line); {
		switch {
		case line[i] == ' ':
			i++
		case line[i] == '"':
			var b strings.Builder
			j := i + 1
			for ; j < len(line) && line[j] != '"'; j++ {
				if line[j] == '\\' && j+1 < len(line) {
					j++
				}
				b.WriteByte(line[j])
			}
			out = append(out, b.String())
			i = j + 1
		default:
			j := strings.IndexByte(line[i:], ' ')
			if j < 0 {
				j = len(line) - i
			}
			out = append(out, line[i:i+j])
			i += j
		}
	}
	return out
}

var dotEscapes = strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`)

// dotQuote quotes s as a DOT string.
func dotQuote(s string) string { return `"` + dotEscapes.Replace(s) + `"` }

// removeOverlaps pushes apart nodes whose boxes overlap, each pair along
// the axis where they overlap least, until none do (or after 200 rounds).
// Fixed nodes stay; the other node of a pair then moves the whole way.
func removeOverlaps(pos []Point, boxes []nodeBox, fixed []bool) {
	n := len(pos)
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	left := func(i int) float32 { return pos[i].X - boxes[i].left }
	right := func(i int) float32 { return pos[i].X + boxes[i].right }
	for round := 0; round < 200; round++ {
		sort.Slice(order, func(a, b int) bool { return left(order[a]) < left(order[b]) })
		moved := false
		for a := 0; a < n; a++ {
			i := order[a]
			for b := a + 1; b < n; b++ {
				j := order[b]
				if left(j) >= right(i) {
					break // sorted by left edge: no later box reaches i
				}
				ox := min(right(i), right(j)) - max(left(i), left(j))
				oy := min(pos[i].Y+boxes[i].bottom, pos[j].Y+boxes[j].bottom) - max(pos[i].Y-boxes[i].top, pos[j].Y-boxes[j].top)
				if ox <= 0 || oy <= 0 || fixed[i] && fixed[j] {
					continue
				}
				wi, wj := float32(0.5), float32(0.5)
				if fixed[i] {
					wi, wj = 0, 1
				} else if fixed[j] {
					wi, wj = 1, 0
				}
				// The centres of the boxes decide which way each goes;
				// for two at the same place, lane order does.
				ci := Point{pos[i].X + (boxes[i].right-boxes[i].left)/2, pos[i].Y + (boxes[i].bottom-boxes[i].top)/2}
				cj := Point{pos[j].X + (boxes[j].right-boxes[j].left)/2, pos[j].Y + (boxes[j].bottom-boxes[j].top)/2}
				if ox <= oy {
					d := ox + 0.5
					if cj.X < ci.X || cj.X == ci.X && j < i {
						d = -d
					}
					pos[i].X -= d * wi
					pos[j].X += d * wj
				} else {
					d := oy + 0.5
					if cj.Y < ci.Y || cj.Y == ci.Y && j < i {
						d = -d
					}
					pos[i].Y -= d * wi
					pos[j].Y += d * wj
				}
				moved = true
			}
		}
		if !moved {
			return
		}
	}
}

// classicalScaling places n nodes by classical (Torgerson) scaling of their
// shortest-path distances along the edges (in inches): the two leading
// eigenvectors of the double-centred squared distances, found by power
// iteration (a full eigendecomposition costs 7 ms for 60 nodes and 1.8 s
// for 400). Nodes in other components sit one long edge further than the
// farthest pair.
func classicalScaling(n int, edges []layoutEdge) [][2]float64 {
	out := make([][2]float64, n)
	if n < 2 {
		return out
	}
	d := shortestPaths(n, edges)
	far := 0.0
	for _, v := range d {
		if !math.IsInf(v, 1) {
			far = math.Max(far, v)
		}
	}
	for i, v := range d {
		if math.IsInf(v, 1) {
			d[i] = far + 2
		}
	}
	// B = -1/2 J D² J.
	row := make([]float64, n)
	var all float64
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			sq := d[i*n+j] * d[i*n+j]
			d[i*n+j] = sq
			row[i] += sq
		}
		all += row[i]
		row[i] /= float64(n)
	}
	all /= float64(n * n)
	shift := 0.0 // Gershgorin: B + shift·I has no negative eigenvalue
	for i := 0; i < n; i++ {
		sum := 0.0
		for j := 0; j < n; j++ {
			v := -0.5 * (d[i*n+j] - row[i] - row[j] + all)
			d[i*n+j] = v
			sum += math.Abs(v)
		}
		shift = math.Max(shift, sum)
	}
	mul := func(dst, v []float64) {
		for i := 0; i < n; i++ {
			s := shift * v[i]
			for j, x := range d[i*n : i*n+n] {
				s += x * v[j]
			}
			dst[i] = s
		}
	}
	var vecs [2][]float64
	for k := 0; k < 2; k++ {
		v := make([]float64, n)
		for i := range v {
			v[i] = math.Sin(float64(i+1) * float64(k+1) * 1.7)
		}
		w := make([]float64, n)
		for it := 0; it < 100; it++ {
			mul(w, v)
			// Stay off the constant vector (eigenvalue shift) and the
			// vectors found already.
			center(w)
			if k == 1 {
				orthogonalise(w, vecs[0])
			}
			norm := math.Sqrt(dotProduct(w, w))
			if norm == 0 {
				break
			}
			change := 0.0
			for i := range w {
				w[i] /= norm
				change = math.Max(change, math.Abs(w[i]-v[i]))
			}
			v, w = w, v
			if change < 1e-4 {
				break
			}
		}
		vecs[k] = v
	}
	for k, v := range vecs {
		mul(row, v)
		lambda := math.Max(dotProduct(v, row)-shift, 0)
		// Same network, same orientation: the first lanes left and on top.
		var lean float64
		for i, x := range v {
			lean += x * (float64(i) - float64(n-1)/2)
		}
		sign := 1.0
		if lean > 0 == (k == 0) {
			sign = -1
		}
		for i := range out {
			out[i][k] = sign * v[i] * math.Sqrt(lambda)
		}
	}
	return out
}

func center(v []float64) {
	var mean float64
	for _, x := range v {
		mean += x
	}
	mean /= float64(len(v))
	for i := range v {
		v[i] -= mean
	}
}

func orthogonalise(v, u []float64) {
	p := dotProduct(v, u)
	for i := range v {
		v[i] -= p * u[i]
	}
}

func dotProduct(a, b []float64) float64 {
	var s float64
	for i := range a {
		s += a[i] * b[i]
	}
	return s
}

// shortestPaths returns the n×n distances along the edges (Dijkstra with a
// binary heap from every node; +Inf between components).
func shortestPaths(n int, edges []layoutEdge) []float64 {
	type arc struct {
		to int
		w  float64
	}
	adj := make([][]arc, n)
	for _, e := range edges {
		adj[e.a] = append(adj[e.a], arc{e.b, e.len})
		adj[e.b] = append(adj[e.b], arc{e.a, e.len})
	}
	d := make([]float64, n*n)
	for i := range d {
		d[i] = math.Inf(1)
	}
	type item struct {
		node int
		d    float64
	}
	var q []item
	push := func(it item) {
		q = append(q, it)
		for i := len(q) - 1; i > 0; {
			p := (i - 1) / 2
			if q[p].d <= q[i].d {
				break
			}
			q[p], q[i] = q[i], q[p]
			i = p
		}
	}
	pop := func() item {
		top := q[0]
		last := len(q) - 1
		q[0] = q[last]
		q = q[:last]
		for i := 0; ; {
			c := 2*i + 1
			if c >= last {
				break
			}
			if c+1 < last && q[c+1].d < q[c].d {
				c++
			}
			if q[i].d <= q[c].d {
				break
			}
			q[i], q[c] = q[c], q[i]
			i = c
		}
		return top
	}
	for s := 0; s < n; s++ {
		dist := d[s*n : s*n+n]
		dist[s] = 0
		q = append(q[:0], item{s, 0})
		for len(q) > 0 {
			it := pop()
			if it.d > dist[it.node] {
				continue // a shorter way was found after this was queued
			}
			for _, a := range adj[it.node] {
				if v := it.d + a.w; v < dist[a.to] {
					dist[a.to] = v
					push(item{a.to, v})
				}
			}
		}
	}
	return d
}
