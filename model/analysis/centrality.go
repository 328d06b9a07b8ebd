package analysis

import (
	"fmt"
	"math/rand/v2"
	"slices"

	"gonum.org/v1/gonum/graph/network"
	"gonum.org/v1/gonum/graph/path"
)

// ExactUpTo is the largest connected group of stakeholders whose
// betweenness and closeness are exact; real care networks are far smaller.
// A larger group is searched from ExactUpTo of its members and its
// measures are estimated from those searches. Exact measures take one
// search from every stakeholder, so their cost grows with the square of
// the network: gonum took 550 ms on an XL map (400 stakeholders, 12,000
// links) against 5 ms on L. From a fixed number of members the cost grows
// with the network's size. On XL, 200 of 400 find 82 of the exact top
// 100 by betweenness, and closeness within 3 % (centrality_test.go).
const ExactUpTo = 200

// Estimate says how far the measures are estimated: Stakeholders in
// connected groups larger than ExactUpTo have their betweenness and
// closeness estimated from breadth-first searches from Pivots of them
// (zero and zero when every measure is exact).
type Estimate struct {
	Pivots       int
	Stakeholders int
}

// EstimateNote says that the measures are estimated: a fmt format of
// Pivots, Stakeholders and ExactUpTo, and the key of its translation.
const EstimateNote = "Betweenness and closeness are estimated from %d of %d stakeholders (exact for up to %d connected stakeholders)."

// Note is EstimateNote in the words of tr (nil keeps English), or "" when
// every measure is exact.
func (e Estimate) Note(tr func(string) string) string {
	if e.Pivots == 0 {
		return ""
	}
	format := EstimateNote
	if tr != nil {
		format = tr(format)
	}
	return fmt.Sprintf(format, e.Pivots, e.Stakeholders, ExactUpTo)
}

// pivotSeed fixes the members a large group is searched from, so the same
// map gives the same estimate every time, in the app and on the command line.
const pivotSeed = 0x76616c7565666c6f // "valueflo"

// centrality returns the betweenness (each unordered pair counted once)
// and the closeness scaled to 0..1 ((group size − 1) / sum of distances, 0
// for a stakeholder alone) of every node, and how far they are estimated.
// While no group is larger than ExactUpTo they are gonum's exact measures.
// Otherwise they come from Brandes' breadth-first searches, run from every
// member of a group up to ExactUpTo and from ExactUpTo members of a larger
// one. In a larger group betweenness is the pivots' dependencies times
// size / pivots (Brandes and Pich 2007). A pivot's closeness is exact; a
// non-pivot's is 1 / its mean distance to the pivots (Eppstein and Wang
// 2004). gonum offers no such estimate, hence the searches here; for
// groups up to ExactUpTo they give gonum's numbers, as the tests check.
func centrality(g *lanes) (bet, clo []float64, est Estimate) {
	groups := components(g)
	if largest(groups) <= ExactUpTo {
		bet, clo = exactCentrality(g, groups)
		return bet, clo, Estimate{}
	}
	return searchCentrality(g, groups, ExactUpTo)
}

// searchCentrality is centrality by breadth-first searches from every
// member of a group of up to limit members and from limit members of a
// larger one.
func searchCentrality(g *lanes, groups [][]int, limit int) (bet, clo []float64, est Estimate) {
	n := g.n
	bet, clo = make([]float64, n), make([]float64, n)
	s := newSearch(g)
	distSum := make([]int, n)
	for _, members := range groups {
		size := len(members)
		if size == 1 {
			continue
		}
		sources, scale := members, 1.0
		if size > limit {
			sources = pivots(members, limit)
			scale = float64(size) / float64(len(sources))
			est.Pivots += len(sources)
			est.Stakeholders += size
		}
		pivot := make(map[int]bool, len(sources))
		for _, src := range sources {
			pivot[src] = true
			sum := s.run(src)
			clo[src] = float64(size-1) / float64(sum)
			for _, w := range s.order[1:] {
				bet[w] += scale * s.delta[w] / 2
				distSum[w] += int(s.dist[w])
			}
		}
		if len(sources) == size {
			continue
		}
		for _, w := range members {
			if !pivot[w] {
				clo[w] = float64(len(sources)) / float64(distSum[w])
			}
		}
	}
	return bet, clo, est
}

// exactCentrality is gonum's Brandes betweenness, halved, and gonum's
// closeness scaled by the size of each node's group.
func exactCentrality(g *lanes, groups [][]int) (bet, clo []float64) {
	n := g.n
	bet, clo = make([]float64, n), make([]float64, n)
	gb := network.Betweenness(g)
	linked := false
	for i := 0; i < n; i++ {
		bet[i] = gb[int64(i)] / 2
		linked = linked || g.degree(i) > 0
	}
	if !linked {
		return bet, clo
	}
	gc := network.Closeness(g, path.DijkstraAllPaths(g))
	for _, members := range groups {
		if len(members) == 1 {
			continue // gonum gives +Inf for a node alone
		}
		for _, v := range members {
			clo[v] = gc[int64(v)] * float64(len(members)-1)
		}
	}
	return bet, clo
}

// pivots picks k members of a group, the same ones every time for the
// same group, in lane order.
func pivots(members []int, k int) []int {
	r := rand.New(rand.NewPCG(pivotSeed, uint64(len(members))))
	perm := r.Perm(len(members))[:k]
	out := make([]int, len(perm))
	for i, p := range perm {
		out[i] = members[p]
	}
	slices.Sort(out)
	return out
}

func largest(groups [][]int) int {
	m := 0
	for _, g := range groups {
		m = max(m, len(g))
	}
	return m
}

// search is one breadth-first search of Brandes' algorithm on the
// network, with its buffers kept between searches.
type search struct {
	adj   [][]int32
	dist  []int32
	sigma []float64 // shortest paths from the source
	delta []float64 // the source's dependency on each node
	order []int32   // nodes in the order reached
}

func newSearch(g *lanes) *search {
	s := &search{adj: make([][]int32, g.n), dist: make([]int32, g.n), sigma: make([]float64, g.n), delta: make([]float64, g.n)}
	for v, nbs := range g.adj {
		s.adj[v] = make([]int32, len(nbs))
		for i, w := range nbs {
			s.adj[v][i] = int32(w.ID())
		}
	}
	return s
}

// run searches from src, leaving each reached node's distance and the
// source's dependency on it in dist and delta, the nodes reached (src
// first) in order; it returns the sum of the distances.
func (s *search) run(src int) int {
	for i := range s.dist {
		s.dist[i], s.sigma[i], s.delta[i] = -1, 0, 0
	}
	s.dist[src], s.sigma[src] = 0, 1
	s.order = append(s.order[:0], int32(src))
	sum := 0
	for head := 0; head < len(s.order); head++ {
		v := s.order[head]
		dv := s.dist[v]
		sum += int(dv)
		for _, w := range s.adj[v] {
			if s.dist[w] < 0 {
				s.dist[w] = dv + 1
				s.order = append(s.order, w)
			}
			if s.dist[w] == dv+1 {
				s.sigma[w] += s.sigma[v]
			}
		}
	}
	for i := len(s.order) - 1; i > 0; i-- {
		w := s.order[i]
		dw := s.dist[w]
		for _, v := range s.adj[w] {
			if s.dist[v] == dw-1 {
				s.delta[v] += s.sigma[v] / s.sigma[w] * (1 + s.delta[w])
			}
		}
	}
	return sum
}
