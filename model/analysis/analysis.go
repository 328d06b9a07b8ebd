// Package analysis derives the stakeholder network of a value-flow map and
// finds gaps and risks in the journey: network measures, brokers, findings
// and what-if ("without stakeholder X"). It reads the map and never changes it.
package analysis

import (
	"fmt"
	"math"
	"slices"
	"sort"

	"valueflow/model"
)

// Options chooses what to analyse.
type Options struct {
	// Scenario to analyse; empty means the map's first scenario.
	Scenario model.ID
	// FromStep and ToStep restrict the journey to a step range (inclusive,
	// in journey order); empty means the first or last step.
	FromStep, ToStep model.ID
	// Without asks what breaks when this stakeholder drops out; empty for none.
	Without model.ID
	// Drop, with Without, analyses the map as it would be without that
	// stakeholder: it is left out of the network and the measures, its
	// cards and the flows from or to them out of the journey, and the
	// findings are those of that map, led by what breaks (KindJourneyCut,
	// one KindBrokenFlow per flow; a step it alone led is a KindNoLead
	// that names it). Without Drop the map is analysed whole and the
	// what-if only fills Result.Broken, Leaderless and JourneyCut, for the
	// network view to draw over the whole network.
	Drop bool
	// Translate turns the English finding sentences (fmt formats, used as
	// keys) into the user's language; nil keeps English.
	Translate func(format string) string
	// FlowsOnly leaves the map's relationships out of the network, so the
	// measures describe only who works with whom in the chosen steps.
	FlowsOnly bool
}

// Error is a problem with what Analyze was asked (a scenario, step or
// stakeholder that is not in the map): Format is an English fmt format,
// the key of its translation in the GUI, and Args its values.
type Error struct {
	Format string
	Args   []any
}

func (e *Error) Error() string { return fmt.Sprintf(e.Format, e.Args...) }

func errorf(format string, args ...any) error { return &Error{Format: format, Args: args} }

// Measure holds the network measures of one stakeholder.
//
// The network is undirected for Degree, Betweenness and Closeness: two
// stakeholders are adjacent when a relationship links them or a flow in the
// step range runs between their cards (in either direction). InDegree and
// OutDegree count distinct stakeholders that send flows to, or receive flows
// from, this one. Betweenness is gonum's Brandes betweenness on the
// undirected network halved, so each unordered pair counts once (the
// textbook undirected definition). Closeness is gonum's closeness (1 / sum of
// distances) on the same network, scaled by (reachable nodes − 1) so it lies
// in 0..1 and compares across components; 0 for an isolated stakeholder.
// In a connected group larger than ExactUpTo both are estimates (see
// centrality and Result.Estimate).
type Measure struct {
	Stakeholder    model.ID
	Degree         int
	InDegree       int
	OutDegree      int
	Flows          int // flows in the range that start or end at this stakeholder's cards (own lane included)
	Betweenness    float64
	Closeness      float64
	Broker         bool
	InformalLeader bool
}

// Finding kinds, used as stable keys (JSON, translations).
const (
	KindNoLead            = "no-lead"
	KindTwoLeads          = "two-leads"
	KindCrossOrganisation = "cross-organisation-hand-off"
	KindSinglePoint       = "single-point-of-failure"
	KindUnconnectedCard   = "unconnected-card"
	KindNegativeInfluence = "negative-high-influence"
	KindIdleCoalition     = "coalition-leads-nothing"
	KindInformedThenLeads = "informed-then-leads"
	KindBrokerNotLeader   = "broker-not-informal-leader"
	KindLeaderNotBroker   = "informal-leader-not-broker"
	// What-if kinds (Options.Drop): the journey's flows no longer run from
	// the first step to the last, and a flow that breaks.
	KindJourneyCut = "journey-cut"
	KindBrokenFlow = "broken-flow"
)

// Finding is one gap or risk, with the places in the map it points at.
type Finding struct {
	Kind          string
	Message       string
	Steps         []model.ID
	Stakeholders  []model.ID
	Contributions []model.ID
	Flows         []model.ID
}

// Edge is a pair of stakeholders linked in the network. A < B in lane order
// for relationship edges; for flow edges From sends to To.
type Edge struct {
	From, To      model.ID
	Relationships []model.ID // relationship edges only
	Flows         []model.ID // flow edges only, in scenario order
	High          bool       // any of Flows is high-criticality
	Quality       int        // relationship quality (of the first relationship)
	Kind          string     // relationship kind (of the first relationship)
}

// Result is what Analyze found.
type Result struct {
	Scenario model.ID
	Steps    []model.ID // the steps in range, in journey order
	Measures []Measure  // in lane order
	Findings []Finding
	// The network: relationship edges (undirected) and flow edges aggregated
	// per ordered pair of stakeholders; flows within one lane are left out.
	Relations []Edge
	FlowEdges []Edge
	// Estimate says whose betweenness and closeness are estimated
	// (a connected group larger than ExactUpTo); zero when all are exact.
	Estimate Estimate
	// What-if, when Options.Without is set.
	Without    model.ID
	Broken     []model.ID // flows from or to the stakeholder's cards
	Leaderless []model.ID // steps that had a lead and have none without the stakeholder
	JourneyCut bool       // the first step's cards no longer reach the last step's cards
}

// Measure returns the measures of a stakeholder, or nil.
func (r *Result) Measure(id model.ID) *Measure {
	for i := range r.Measures {
		if r.Measures[i].Stakeholder == id {
			return &r.Measures[i]
		}
	}
	return nil
}

// index holds the lookups the analysis needs, built once per call.
type index struct {
	tr       func(string) string
	m        *model.Map
	sc       *model.Scenario
	lane     map[model.ID]int // stakeholder → lane index
	stepAt   map[model.ID]int // step → position in journey
	from, to int              // step range (positions, inclusive)
	card     map[model.ID]*model.Contribution
	flows    []*model.Flow // flows whose both cards are in range
}

func (x *index) inRange(step model.ID) bool {
	i, ok := x.stepAt[step]
	return ok && i >= x.from && i <= x.to
}

func newIndex(m *model.Map, opt Options) (*index, error) {
	if m == nil || len(m.Scenarios) == 0 {
		return nil, errorf("the map has no scenario")
	}
	x := &index{tr: opt.Translate, m: m, lane: make(map[model.ID]int, len(m.Stakeholders)), stepAt: map[model.ID]int{}, card: map[model.ID]*model.Contribution{}}
	x.sc = m.Scenarios[0]
	if opt.Scenario != "" {
		x.sc = nil
		for _, sc := range m.Scenarios {
			if sc.ID == opt.Scenario {
				x.sc = sc
			}
		}
		if x.sc == nil {
			return nil, errorf("scenario %q does not exist", opt.Scenario)
		}
	}
	for i, s := range m.Stakeholders {
		x.lane[s.ID] = i
	}
	if opt.Without != "" {
		if _, ok := x.lane[opt.Without]; !ok {
			return nil, errorf("stakeholder %q does not exist", opt.Without)
		}
	}
	for i, st := range x.sc.Steps {
		x.stepAt[st.ID] = i
	}
	x.from, x.to = 0, len(x.sc.Steps)-1
	if opt.FromStep != "" {
		i, ok := x.stepAt[opt.FromStep]
		if !ok {
			return nil, errorf("step %q does not exist in scenario %q", opt.FromStep, x.sc.ID)
		}
		x.from = i
	}
	if opt.ToStep != "" {
		i, ok := x.stepAt[opt.ToStep]
		if !ok {
			return nil, errorf("step %q does not exist in scenario %q", opt.ToStep, x.sc.ID)
		}
		x.to = i
	}
	if len(x.sc.Steps) > 0 && x.from > x.to {
		return nil, errorf("step %q comes after step %q", x.sc.Steps[x.from].ID, x.sc.Steps[x.to].ID)
	}
	for _, c := range x.sc.Contributions {
		if x.inRange(c.Step) {
			if _, ok := x.lane[c.Stakeholder]; ok {
				x.card[c.ID] = c
			}
		}
	}
	for _, f := range x.sc.Flows {
		if x.card[f.From] != nil && x.card[f.To] != nil {
			x.flows = append(x.flows, f)
		}
	}
	return x, nil
}

// Analyze computes the network, its measures and the findings of a scenario,
// optionally for a step range and with a what-if. It does not change m.
func Analyze(m *model.Map, opt Options) (*Result, error) {
	x, err := newIndex(m, opt)
	if err != nil {
		return nil, err
	}
	r := &Result{Scenario: x.sc.ID}
	for _, st := range x.sc.Steps[x.from : x.to+1] {
		r.Steps = append(r.Steps, st.ID)
	}
	if opt.Drop && opt.Without != "" {
		return x.dropped(r, opt)
	}
	x.network(r, opt)
	x.findings(r)
	if opt.Without != "" {
		x.whatIf(r, opt.Without)
	}
	return r, nil
}

// network builds the edges and the measures.
func (x *index) network(r *Result, opt Options) {
	n := len(x.m.Stakeholders)
	g := newLanes(n)
	link := g.link
	if !opt.FlowsOnly {
		rel := map[[2]int]int{} // pair → index in r.Relations
		for _, rs := range x.m.Relationships {
			a, okA := x.lane[rs.A]
			b, okB := x.lane[rs.B]
			if !okA || !okB || a == b {
				continue
			}
			if a > b {
				a, b = b, a
			}
			k := [2]int{a, b}
			if i, ok := rel[k]; ok {
				r.Relations[i].Relationships = append(r.Relations[i].Relationships, rs.ID)
				continue
			}
			rel[k] = len(r.Relations)
			r.Relations = append(r.Relations, Edge{From: x.m.Stakeholders[a].ID, To: x.m.Stakeholders[b].ID,
				Relationships: []model.ID{rs.ID}, Quality: rs.Quality, Kind: rs.Kind})
			link(a, b)
		}
	}
	flowCount := make([]int, n)
	in := make([]map[int]bool, n)
	out := make([]map[int]bool, n)
	pair := map[[2]int]int{}
	for _, f := range x.flows {
		a, b := x.lane[x.card[f.From].Stakeholder], x.lane[x.card[f.To].Stakeholder]
		flowCount[a]++
		if b != a {
			flowCount[b]++
		} else {
			continue
		}
		if out[a] == nil {
			out[a] = map[int]bool{}
		}
		if in[b] == nil {
			in[b] = map[int]bool{}
		}
		out[a][b], in[b][a] = true, true
		k := [2]int{a, b}
		i, ok := pair[k]
		if !ok {
			i = len(r.FlowEdges)
			pair[k] = i
			r.FlowEdges = append(r.FlowEdges, Edge{From: x.m.Stakeholders[a].ID, To: x.m.Stakeholders[b].ID})
		}
		e := &r.FlowEdges[i]
		e.Flows = append(e.Flows, f.ID)
		e.High = e.High || f.Criticality == model.CriticalityHigh
		link(a, b)
	}

	bet, closeness, est := centrality(g)
	r.Estimate = est
	r.Measures = make([]Measure, n)
	for i, s := range x.m.Stakeholders {
		r.Measures[i] = Measure{
			Stakeholder:    s.ID,
			Degree:         g.degree(i),
			InDegree:       len(in[i]),
			OutDegree:      len(out[i]),
			Flows:          flowCount[i],
			Betweenness:    bet[i],
			Closeness:      closeness[i],
			InformalLeader: s.InformalLeader,
		}
	}
	markBrokers(r.Measures)
}

// components returns the connected groups of nodes, each in node order,
// ordered by their first node.
func components(g *lanes) [][]int {
	seen := make([]bool, g.n)
	var groups [][]int
	for s := 0; s < g.n; s++ {
		if seen[s] {
			continue
		}
		members := []int{s}
		seen[s] = true
		for head := 0; head < len(members); head++ {
			for _, nb := range g.adj[members[head]] {
				if w := int(nb.ID()); !seen[w] {
					seen[w] = true
					members = append(members, w)
				}
			}
		}
		slices.Sort(members)
		groups = append(groups, members)
	}
	return groups
}

// BrokerQuantile is the share of stakeholders, by betweenness, that can be
// brokers: a stakeholder is a broker when its betweenness is above zero and
// at least the betweenness of the stakeholder at rank ceil(n/4) from the top
// (the top quartile; ties at the cut-off are all brokers).
const BrokerQuantile = 0.25

func markBrokers(ms []Measure) {
	if len(ms) == 0 {
		return
	}
	b := make([]float64, len(ms))
	for i, m := range ms {
		b[i] = m.Betweenness
	}
	sort.Sort(sort.Reverse(sort.Float64Slice(b)))
	k := int(math.Ceil(float64(len(b))*BrokerQuantile)) - 1
	cut := b[max(k, 0)]
	for i := range ms {
		ms[i].Broker = ms[i].Betweenness > 0 && ms[i].Betweenness >= cut-1e-9
	}
}
