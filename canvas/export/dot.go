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
	bw.WriteString("  rankdir=LR; newrank=true; nodesep=0.25; ranksep=0.6; compound=true;\n")
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
	cards := map[model.ID]bool{}
	cardSteps := map[model.ID]model.ID{}
	for _, c := range sc.Contributions {
		cardSteps[c.ID] = c.Step
	}
	// Lanes in reverse: dot stacks the nodes of a rank bottom-up in the
	// order it meets them, so the first lane ends up on top.
	for li := len(m.Stakeholders) - 1; li >= 0; li-- {
		h := m.Stakeholders[li]
		fmt.Fprintf(bw, "  subgraph %s {\n", quote(fmt.Sprintf("cluster_%d", li)))
		fmt.Fprintf(bw, "    label=%s; labeljust=l; style=filled; color=\"#cfd8dc\"; fillcolor=%s;\n", quote(h.Name), quote(laneFill(h, li)))
		// An invisible node in the first rank keeps an empty lane visible.
		fmt.Fprintf(bw, "    %s [label=\"\", shape=point, width=0.01, style=invis];\n", quote("lane:"+string(h.ID)))
		for _, c := range sc.Contributions {
			if c.Stakeholder != h.ID {
				continue
			}
			if _, ok := steps[c.Step]; !ok {
				continue
			}
			cards[c.ID] = true
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
	// The step headers form the top row (dot puts what comes last on top
	// in a left-to-right layout); a chain of invisible edges keeps
	// them, and so the ranks, in journey order.
	bw.WriteString("  subgraph steps {\n    node [shape=plaintext, style=\"\", fontsize=11];\n")
	bw.WriteString("    \"lanes\" [label=\"\"];\n")
	for _, st := range sc.Steps {
		label := st.Name
		if st.Timing != "" {
			label += "\n" + st.Timing
		}
		fmt.Fprintf(bw, "    %s [label=%s];\n", quote("step:"+string(st.ID)), quote(label))
	}
	prev := "lanes"
	for _, st := range sc.Steps {
		fmt.Fprintf(bw, "    %s -> %s [style=invis];\n", quote(prev), quote("step:"+string(st.ID)))
		prev = "step:" + string(st.ID)
	}
	bw.WriteString("  }\n")

	// Ranks: lane names with the "lanes" header, each card with its step.
	bw.WriteString("  { rank=same; \"lanes\";")
	for _, h := range m.Stakeholders {
		bw.WriteString(" " + quote("lane:"+string(h.ID)) + ";")
	}
	bw.WriteString(" }\n")
	for _, st := range sc.Steps {
		bw.WriteString("  { rank=same; " + quote("step:"+string(st.ID)) + ";")
		for _, c := range sc.Contributions {
			if c.Step == st.ID && cards[c.ID] {
				bw.WriteString(" " + quote("card:"+string(c.ID)) + ";")
			}
		}
		bw.WriteString(" }\n")
	}
	for _, f := range sc.Flows {
		if !cards[f.From] || !cards[f.To] {
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
		// A flow back in time must not pull the ranks out of journey order.
		if steps[cardSteps[f.From]] >= steps[cardSteps[f.To]] {
			attrs += ", constraint=false"
		}
		fmt.Fprintf(bw, "  %s -> %s [%s];\n", quote("card:"+string(f.From)), quote("card:"+string(f.To)), attrs)
	}
	bw.WriteString("}\n")
	return bw.Flush()
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
