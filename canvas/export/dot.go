package export

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"valueflow/model"
)

// DOT writes a scenario of the map as a Graphviz graph that `dot` lays out
// like the board: steps as ranks from left to right, one cluster per lane,
// the cards as nodes and the flows as labelled edges.
func DOT(w io.Writer, m *model.Map, scenario model.ID) error {
	var sc *model.Scenario
	for _, s := range m.Scenarios {
		if s.ID == scenario || (scenario == "" && sc == nil) {
			sc = s
		}
	}
	if sc == nil {
		return fmt.Errorf("scenario %q does not exist", scenario)
	}
	bw := bufio.NewWriter(w)
	name := m.Title
	if name == "" {
		name = "Value flow"
	}
	fmt.Fprintf(bw, "digraph %s {\n", quote(name))
	fmt.Fprintf(bw, "  label=%s; labelloc=t; fontname=\"Go,Helvetica\";\n", quote(name+" — "+sc.Name))
	bw.WriteString("  rankdir=LR; newrank=true; nodesep=0.25; ranksep=0.6;\n")
	bw.WriteString("  node [shape=box, style=\"rounded,filled\", fillcolor=\"#fff8e1\", fontname=\"Go,Helvetica\", fontsize=10];\n")
	bw.WriteString("  edge [fontname=\"Go,Helvetica\", fontsize=8];\n")

	steps := map[model.ID]int{}
	for i, st := range sc.Steps {
		steps[st.ID] = i
	}
	lanes := map[model.ID]bool{}
	for _, h := range m.Stakeholders {
		lanes[h.ID] = true
	}
	// The cards drawn: those in an existing step and lane.
	cardStep := map[model.ID]int{}
	for _, c := range sc.Contributions {
		if i, ok := steps[c.Step]; ok && lanes[c.Stakeholder] {
			cardStep[c.ID] = i
		}
	}
	depth := sameStepDepths(sc, cardStep)
	// Each step spans as many ranks as its deepest chain of same-step flows.
	width := make([]int, len(sc.Steps))
	for id, i := range cardStep {
		width[i] = max(width[i], depth[id]+1)
	}
	rankNode := func(step, d int) string {
		if d == 0 {
			return "step:" + string(sc.Steps[step].ID)
		}
		return fmt.Sprintf("rank:%d:%d", step, d)
	}

	// The lanes in board order; the "order" node below keeps them so.
	for li, h := range m.Stakeholders {
		fmt.Fprintf(bw, "  subgraph %s {\n", quote(fmt.Sprintf("cluster_%d", li)))
		fmt.Fprintf(bw, "    label=%s; labeljust=l; style=filled; color=\"#cfd8dc\"; fillcolor=%s;\n", quote(h.Name), quote(laneFill(h, li)))
		// An invisible node in the first rank keeps an empty lane visible.
		fmt.Fprintf(bw, "    %s [label=\"\", shape=point, width=0.01, style=invis];\n", quote("lane:"+string(h.ID)))
		for _, c := range sc.Contributions {
			if _, ok := cardStep[c.ID]; !ok || c.Stakeholder != h.ID {
				continue
			}
			attrs := fmt.Sprintf("label=%s", quote(c.Value))
			switch c.Role {
			case model.RoleLead:
				attrs += ", penwidth=2.2"
			case model.RoleConsulted:
				attrs += ", style=\"rounded,filled,dashed\""
			case model.RoleInformed:
				attrs += ", style=\"rounded,filled,dotted\", color=\"#9e9e9e\""
			}
			if f, ok := capitalFill[c.Capital]; ok {
				attrs += ", fillcolor=" + quote(f)
			}
			fmt.Fprintf(bw, "    %s [%s];\n", quote("card:"+string(c.ID)), attrs)
		}
		bw.WriteString("  }\n")
	}

	// The step headers form the top row (dot puts what comes last on top in
	// a left-to-right layout), chained invisibly to keep journey order.
	bw.WriteString("  subgraph steps {\n    node [shape=plaintext, style=\"\", fontsize=11];\n")
	bw.WriteString("    \"lanes\" [label=\"\"];\n")
	prev := "lanes"
	for i, st := range sc.Steps {
		label := st.Name
		if st.Timing != "" {
			label += "\n" + st.Timing
		}
		fmt.Fprintf(bw, "    %s [label=%s];\n", quote(rankNode(i, 0)), quote(label))
		for d := 0; d < max(width[i], 1); d++ {
			if d > 0 {
				fmt.Fprintf(bw, "    %s [label=\"\", shape=point, width=0.01, style=invis];\n", quote(rankNode(i, d)))
			}
			fmt.Fprintf(bw, "    %s -> %s [style=invis];\n", quote(prev), quote(rankNode(i, d)))
			prev = rankNode(i, d)
		}
	}
	bw.WriteString("  }\n")

	// Ranks: lane nodes with the "lanes" header; each card with its step, or
	// a rank after it when a flow in the same step leads to it, so no flow
	// runs within one rank (Graphviz 2.43 fails on such edges between
	// clusters with newrank).
	//
	// dot orders the clusters of a rank as it meets them on a walk of the
	// graph and then moves them to shorten crossing edges, which left the
	// patient 11th of 13 lanes on the sample. One invisible node before the
	// first rank with an edge to every lane's anchor, in board order and
	// kept in that order (ordering=out), stacks the lanes as on the board,
	// the first on top; the flows still route between them.
	bw.WriteString("  \"order\" [label=\"\", shape=point, width=0.01, style=invis, ordering=out];\n")
	for _, h := range m.Stakeholders {
		fmt.Fprintf(bw, "  \"order\" -> %s [style=invis];\n", quote("lane:"+string(h.ID)))
	}
	bw.WriteString("  { rank=same; \"lanes\";")
	for _, h := range m.Stakeholders {
		bw.WriteString(" " + quote("lane:"+string(h.ID)) + ";")
	}
	bw.WriteString(" }\n")
	members := make([][]string, 0)
	index := map[string]int{}
	for _, c := range sc.Contributions {
		i, ok := cardStep[c.ID]
		if !ok {
			continue
		}
		r := rankNode(i, depth[c.ID])
		k, ok := index[r]
		if !ok {
			k = len(members)
			index[r] = k
			members = append(members, []string{r})
		}
		members[k] = append(members[k], "card:"+string(c.ID))
	}
	for _, ms := range members {
		bw.WriteString("  { rank=same;")
		for _, n := range ms {
			bw.WriteString(" " + quote(n) + ";")
		}
		bw.WriteString(" }\n")
	}

	for _, f := range sc.Flows {
		_, ok1 := cardStep[f.From]
		_, ok2 := cardStep[f.To]
		if !ok1 || !ok2 {
			continue
		}
		label := f.Label
		if label == "" {
			label = string(f.Kind)
		}
		attrs := "label=" + quote(label)
		if st, ok := flowStyle[f.Kind]; ok {
			attrs += ", " + st
		}
		if f.Criticality == model.CriticalityHigh {
			attrs += ", penwidth=2.4, color=\"#c62828\""
		}
		// The steps alone set the ranks: flows only draw. (Flows as rank
		// constraints also make Graphviz 2.43 fail with "trouble in
		// init_rank" on big maps with clusters.)
		attrs += ", constraint=false"
		fmt.Fprintf(bw, "  %s -> %s [%s];\n", quote("card:"+string(f.From)), quote("card:"+string(f.To)), attrs)
	}
	bw.WriteString("}\n")
	return bw.Flush()
}

// sameStepDepths layers the cards of each step along the flows between
// cards of that same step: a card's depth is the length of the longest
// chain of such flows leading to it (flows closing a cycle are ignored).
func sameStepDepths(sc *model.Scenario, cardStep map[model.ID]int) map[model.ID]int {
	next := map[model.ID][]model.ID{}
	for _, f := range sc.Flows {
		fi, ok1 := cardStep[f.From]
		ti, ok2 := cardStep[f.To]
		if ok1 && ok2 && fi == ti && f.From != f.To {
			next[f.From] = append(next[f.From], f.To)
		}
	}
	depth := map[model.ID]int{}
	if len(next) == 0 {
		return depth
	}
	// Topological order by depth-first search; edges to a card still on
	// the stack close a cycle and are left out.
	const (
		unseen = iota
		onStack
		done
	)
	state := map[model.ID]int{}
	var order []model.ID
	var visit func(id model.ID)
	visit = func(id model.ID) {
		state[id] = onStack
		for _, n := range next[id] {
			if state[n] == unseen {
				visit(n)
			}
		}
		state[id] = done
		order = append(order, id)
	}
	for _, c := range sc.Contributions {
		if _, ok := cardStep[c.ID]; ok && state[c.ID] == unseen {
			visit(c.ID)
		}
	}
	// order is reverse topological; walk it backwards.
	pos := map[model.ID]int{}
	for i, id := range order {
		pos[id] = i
	}
	for i := len(order) - 1; i >= 0; i-- {
		id := order[i]
		for _, n := range next[id] {
			if pos[n] < i { // a forward edge in topological order
				depth[n] = max(depth[n], depth[id]+1)
			}
		}
	}
	return depth
}

var capitalFill = map[model.Capital]string{
	model.CapitalEconomic: "#ffecb3",
	model.CapitalSocial:   "#c8e6c9",
	model.CapitalCultural: "#bbdefb",
}

var flowStyle = map[model.FlowKind]string{
	model.FlowHandOff:     "color=\"#37474f\"",
	model.FlowReferral:    "color=\"#1565c0\"",
	model.FlowInformation: "color=\"#607d8b\", style=dashed",
	model.FlowResource:    "color=\"#e65100\"",
}

func laneFill(h *model.Stakeholder, i int) string {
	if len(h.Colour) == 7 && h.Colour[0] == '#' {
		// The lane colour, faded so card text stays readable.
		return h.Colour + "33"
	}
	if i%2 == 0 {
		return "#f6f8fa"
	}
	return "#ffffff"
}

// quote makes a DOT string: double quotes, with quotes and backslashes
// escaped and line breaks as \n.
func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\r', '\t':
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
