package scene

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
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

// graphvizMu guards one shared Graphviz instance: creating one instantiates
// its WebAssembly module, which costs far more than a small layout.
var (
	graphvizMu sync.Mutex
	graphvizGV *graphviz.Graphviz
)

// LayoutNetwork lays out the DOT text (as NetworkDOT writes it) with Graphviz
// and returns each node's centre in scene units (points, Y down, the top-left
// of the drawing at 0,0). Node names are the stakeholder ids. It can take tens
// of milliseconds: call it off the UI goroutine and cache the result.
func LayoutNetwork(ctx context.Context, dot string, engine Engine) (map[model.ID]Point, error) {
	switch engine {
	case "":
		engine = Neato
	case Neato, FDP, Dot:
	default:
		return nil, fmt.Errorf("unknown layout engine %q", engine)
	}
	graphvizMu.Lock()
	defer graphvizMu.Unlock()
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
	var buf bytes.Buffer
	graphvizGV.SetLayout(graphviz.Layout(engine))
	if err := graphvizGV.Render(ctx, g, graphviz.Format("plain"), &buf); err != nil {
		return nil, fmt.Errorf("laying out the network with %s: %w", engine, err)
	}
	return ParsePlain(buf.Bytes())
}

// ParsePlain reads node centres from Graphviz's "plain" output (inches, Y up)
// and returns them in points with Y down.
func ParsePlain(plain []byte) (map[model.ID]Point, error) {
	pos := map[model.ID]Point{}
	var height float64
	sc := bufio.NewScanner(bytes.NewReader(plain))
	sc.Buffer(make([]byte, 64*1024), 4*1024*1024)
	for sc.Scan() {
		f := plainFields(sc.Text())
		if len(f) == 0 {
			continue
		}
		switch f[0] {
		case "graph":
			if len(f) < 4 {
				return nil, fmt.Errorf("graphviz plain output: short graph line %q", sc.Text())
			}
			h, err := strconv.ParseFloat(f[3], 64)
			if err != nil {
				return nil, fmt.Errorf("graphviz plain output: graph height %q", f[3])
			}
			height = h
		case "node":
			if len(f) < 4 {
				return nil, fmt.Errorf("graphviz plain output: short node line %q", sc.Text())
			}
			x, err1 := strconv.ParseFloat(f[2], 64)
			y, err2 := strconv.ParseFloat(f[3], 64)
			if err1 != nil || err2 != nil {
				return nil, fmt.Errorf("graphviz plain output: node %q has no position", f[1])
			}
			pos[model.ID(f[1])] = Point{float32(x * 72), float32((height - y) * 72)}
		}
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

// dotQuote quotes s as a DOT string.
func dotQuote(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`).Replace(s) + `"`
}

// NetworkDOT writes the stakeholder network of r as an undirected DOT graph
// for layout only: node names are stakeholder ids, node sizes those the
// network scene will draw (so the layout leaves room for them), one edge per
// linked pair (relationships and flows in either direction merged), weighted
// by the number of flows so busy pairs sit closer.
func NetworkDOT(m *model.Map, r *analysis.Result, opt NetworkOptions) string {
	var b strings.Builder
	b.WriteString("graph network {\n")
	b.WriteString("  graph [overlap=false, splines=false, sep=\"+12\", outputorder=edgesfirst, start=1, K=1.2, nodesep=0.5, ranksep=0.8];\n")
	b.WriteString("  node [shape=circle, fixedsize=true, label=\"\"];\n")
	radius := nodeRadii(m, r, opt.SizeBy)
	for _, s := range m.Stakeholders {
		// Leave room for the name under the node.
		d := float64(2*radius[s.ID]+labelRoom) / 72
		fmt.Fprintf(&b, "  %s [width=%.3f, height=%.3f];\n", dotQuote(string(s.ID)), d, d)
	}
	type pair struct{ a, b model.ID }
	weight := map[pair]int{}
	var order []pair
	add := func(a, b model.ID, w int) {
		if a > b {
			a, b = b, a
		}
		k := pair{a, b}
		if _, ok := weight[k]; !ok {
			order = append(order, k)
		}
		weight[k] += w
	}
	for _, e := range r.Relations {
		add(e.From, e.To, 1)
	}
	for _, e := range r.FlowEdges {
		add(e.From, e.To, len(e.Flows))
	}
	for _, k := range order {
		w := weight[k]
		fmt.Fprintf(&b, "  %s -- %s [weight=%d, len=%.2f];\n", dotQuote(string(k.a)), dotQuote(string(k.b)), w, 1.6/(1+0.1*float64(min(w, 10))))
	}
	b.WriteString("}\n")
	return b.String()
}
