package analysis

import (
	"math"

	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/iterator"
	"gonum.org/v1/gonum/graph/simple"
)

// lanes is the undirected stakeholder network as a gonum graph.Undirected
// with node ids 0..n-1 (lane order), adjacency lists and a bit matrix.
// gonum's map-based simple.UndirectedGraph made betweenness and all-pairs
// shortest paths on an XL map (400 stakeholders) take about 2 s; the edge
// lookups these algorithms do per step are what slices make cheap.
type lanes struct {
	n     int
	nodes []graph.Node
	adj   [][]graph.Node
	has   []bool // n × n
}

func newLanes(n int) *lanes {
	g := &lanes{n: n, nodes: make([]graph.Node, n), adj: make([][]graph.Node, n), has: make([]bool, n*n)}
	for i := range g.nodes {
		g.nodes[i] = simple.Node(i)
	}
	return g
}

// link adds the edge a–b once; self-loops are ignored.
func (g *lanes) link(a, b int) {
	if a == b || g.has[a*g.n+b] {
		return
	}
	g.has[a*g.n+b], g.has[b*g.n+a] = true, true
	g.adj[a] = append(g.adj[a], g.nodes[b])
	g.adj[b] = append(g.adj[b], g.nodes[a])
}

func (g *lanes) ok(id int64) bool { return id >= 0 && id < int64(g.n) }

func (g *lanes) Node(id int64) graph.Node {
	if !g.ok(id) {
		return nil
	}
	return g.nodes[id]
}

func (g *lanes) Nodes() graph.Nodes { return iterator.NewOrderedNodes(g.nodes) }

func (g *lanes) From(id int64) graph.Nodes {
	if !g.ok(id) || len(g.adj[id]) == 0 {
		return graph.Empty
	}
	return iterator.NewOrderedNodes(g.adj[id])
}

func (g *lanes) HasEdgeBetween(x, y int64) bool {
	return g.ok(x) && g.ok(y) && g.has[x*int64(g.n)+y]
}

func (g *lanes) Edge(u, v int64) graph.Edge { return g.EdgeBetween(u, v) }

func (g *lanes) EdgeBetween(x, y int64) graph.Edge {
	if !g.HasEdgeBetween(x, y) {
		return nil
	}
	return simple.Edge{F: g.nodes[x], T: g.nodes[y]}
}

func (g *lanes) degree(i int) int { return len(g.adj[i]) }

var _ graph.Undirected = (*lanes)(nil)

// Weight and WeightedEdge make the network a graph.Weighted with unit
// weights, so all-pairs shortest paths read the bit matrix directly rather
// than allocating an edge per lookup.
func (g *lanes) Weight(x, y int64) (float64, bool) {
	switch {
	case x == y:
		return 0, true
	case g.HasEdgeBetween(x, y):
		return 1, true
	}
	return math.Inf(1), false
}

func (g *lanes) WeightedEdge(u, v int64) graph.WeightedEdge {
	if !g.HasEdgeBetween(u, v) {
		return nil
	}
	return simple.WeightedEdge{F: g.nodes[u], T: g.nodes[v], W: 1}
}

var _ graph.Weighted = (*lanes)(nil)
