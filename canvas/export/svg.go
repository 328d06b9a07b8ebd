package export

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"

	"valueflow/canvas/scene"
)

// SVG writes the whole scene as one SVG drawing in points: text as text,
// and one <g> with an id per group of items (per lane, per card, per flow),
// so the drawing can be restyled or taken apart in other tools.
func SVG(w io.Writer, s *scene.Scene) error {
	return SVGProgress(context.Background(), w, s, nil)
}

// SVGProgress writes the SVG like SVG, calling progress (when not nil) as
// the groups are written and stopping with ctx.Err() when ctx is cancelled.
func SVGProgress(ctx context.Context, w io.Writer, s *scene.Scene, progress func(done, total int)) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	sv := &svgWriter{w: bw, bg: s.Background, ids: map[string]int{}}
	width, height := max(s.Width, 1), max(s.Height, 1)
	fmt.Fprintf(bw, `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="%spt" height="%spt" viewBox="0 0 %s %s" font-family="%s, 'Go Regular', 'DejaVu Sans', Arial, sans-serif">
`, num(width), num(height), num(width), num(height), fontFamily)
	if s.Title != "" {
		bw.WriteString("<title>")
		xmlText(bw, s.Title)
		bw.WriteString("</title>\n")
	}
	if s.Background.A > 0 {
		fmt.Fprintf(bw, `<rect width="%s" height="%s" %s/>`+"\n", num(width), num(height), paint("fill", s.Background))
	}
	runs := groupRuns(s.Items)
	for i, run := range runs {
		if i%512 == 511 {
			if err := ctx.Err(); err != nil {
				return err
			}
			if progress != nil {
				progress(i, len(runs))
			}
		}
		sv.group(run, s.Items)
	}
	bw.WriteString("</svg>\n")
	if err := bw.Flush(); err != nil {
		return err
	}
	if progress != nil {
		progress(len(runs), len(runs))
	}
	return nil
}

// groupRuns orders the items into runs that each become one <g>. Items of
// one group are pulled forward to the group's first item when nothing drawn
// in between overlaps them, which keeps the picture the same while a lane's
// band and its name (drawn apart by the board) end up in one element.
func groupRuns(items []scene.Item) [][]int {
	bounds := boundsOf(items)
	var runs [][]int
	open := map[string]int{} // group → index of its run
	lastRun := -1
	for i, it := range items {
		if it.Group == "" {
			runs = append(runs, []int{i})
			lastRun = -1
			continue
		}
		if r, ok := open[it.Group]; ok {
			if r == lastRun {
				runs[r] = append(runs[r], i)
				continue
			}
			// Could the item move back to run r without changing what is on top?
			clear := true
			for _, later := range runs[r+1:] {
				for _, j := range later {
					if bounds[j].Intersects(bounds[i]) {
						clear = false
						break
					}
				}
				if !clear {
					break
				}
			}
			if clear {
				runs[r] = append(runs[r], i)
				continue
			}
		}
		runs = append(runs, []int{i})
		lastRun = len(runs) - 1
		if _, ok := open[it.Group]; !ok {
			open[it.Group] = lastRun
		}
	}
	return runs
}

type svgWriter struct {
	w   *bufio.Writer
	bg  scene.Color
	ids map[string]int
	buf []segment
}

// name turns a group name ("card:c12") into an XML name ("card-c12").
func name(group string) string {
	var b strings.Builder
	for _, r := range group {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_', r == '.':
			b.WriteRune(r)
		default:
			b.WriteByte('-')
		}
	}
	n := b.String()
	if n == "" || !(n[0] >= 'a' && n[0] <= 'z' || n[0] >= 'A' && n[0] <= 'Z' || n[0] == '_') {
		n = "g-" + n
	}
	return n
}

// id returns a unique XML id for a group: its name, numbered from the
// second element on when one group had to be split.
func (sv *svgWriter) id(group string) string {
	id := name(group)
	sv.ids[id]++
	if n := sv.ids[id]; n > 1 {
		id += "-" + strconv.Itoa(n)
	}
	return id
}

func (sv *svgWriter) group(run []int, items []scene.Item) {
	w := sv.w
	g := items[run[0]].Group
	if g != "" {
		kind, _, _ := strings.Cut(g, ":")
		fmt.Fprintf(w, `<g id="%s" class="%s" data-group="`, sv.id(g), name(kind))
		xmlText(w, g)
		w.WriteString("\">\n")
	}
	for _, i := range run {
		sv.item(&items[i])
	}
	if g != "" {
		w.WriteString("</g>\n")
	}
}

func (sv *svgWriter) color(c scene.Color, e scene.Emphasis) scene.Color {
	if e == scene.Dimmed {
		return dimmed(c, sv.bg)
	}
	return c
}

func (sv *svgWriter) stroke(c scene.Color, width float32, dashed bool) string {
	if c.A == 0 || width <= 0 {
		return `stroke="none"`
	}
	s := paint("stroke", c) + ` stroke-width="` + num(width) + `"`
	if dashed {
		d, g := dashPattern(width)
		s += ` stroke-dasharray="` + num(d) + " " + num(g) + `"`
	}
	return s
}

func (sv *svgWriter) item(it *scene.Item) {
	w := sv.w
	switch {
	case it.Box != nil:
		b := it.Box
		fill := `fill="none"`
		if b.Fill.A > 0 {
			fill = paint("fill", sv.color(b.Fill, it.Emphasis))
		}
		rad := ""
		if b.Radius > 0 {
			r := num(min(b.Radius, b.W/2, b.H/2))
			rad = ` rx="` + r + `" ry="` + r + `"`
		}
		fmt.Fprintf(w, `<rect x="%s" y="%s" width="%s" height="%s"%s %s %s/>`+"\n",
			num(b.X), num(b.Y), num(b.W), num(b.H), rad, fill, sv.stroke(sv.color(b.Stroke, it.Emphasis), b.StrokeWidth, b.Dashed))
	case it.Circle != nil:
		c := it.Circle
		fill := `fill="none"`
		if c.Fill.A > 0 {
			fill = paint("fill", sv.color(c.Fill, it.Emphasis))
		}
		fmt.Fprintf(w, `<circle cx="%s" cy="%s" r="%s" %s %s/>`+"\n",
			num(c.Center.X), num(c.Center.Y), num(c.Radius), fill, sv.stroke(sv.color(c.Stroke, it.Emphasis), c.StrokeWidth, false))
	case it.Path != nil:
		sv.path(it.Path, it.Emphasis)
	case it.Text != nil:
		sv.text(it.Text, it.Emphasis)
	}
}

func (sv *svgWriter) path(pa *scene.Path, e scene.Emphasis) {
	w := sv.w
	sv.buf = pathSegments(pa, sv.buf)
	if len(sv.buf) == 0 {
		return
	}
	stroke := sv.color(pa.Stroke, e)
	var tip, left, right scene.Point
	arrow := false
	if pa.ArrowEnd && !pa.Closed {
		tip, left, right, arrow = arrowHead(sv.buf, pa.Width)
	}
	var d strings.Builder
	d.WriteString("M" + num(sv.buf[0].From.X) + " " + num(sv.buf[0].From.Y))
	for _, sg := range sv.buf {
		if sg.Curve {
			d.WriteString(" C" + num(sg.C1.X) + " " + num(sg.C1.Y) + " " + num(sg.C2.X) + " " + num(sg.C2.Y) + " " + num(sg.To.X) + " " + num(sg.To.Y))
		} else {
			d.WriteString(" L" + num(sg.To.X) + " " + num(sg.To.Y))
		}
	}
	fill := `fill="none"`
	if pa.Closed {
		d.WriteString(" Z")
		if pa.Fill.A > 0 {
			fill = paint("fill", sv.color(pa.Fill, e))
		}
	}
	fmt.Fprintf(w, `<path d="%s" %s %s stroke-linecap="round" stroke-linejoin="round"/>`+"\n", d.String(), fill, sv.stroke(stroke, pa.Width, pa.Dashed))
	if arrow && stroke.A > 0 {
		fmt.Fprintf(w, `<path d="M%s %s L%s %s L%s %s Z" %s/>`+"\n",
			num(tip.X), num(tip.Y), num(left.X), num(left.Y), num(right.X), num(right.Y), paint("fill", stroke))
	}
}

func (sv *svgWriter) text(t *scene.Text, e scene.Emphasis) {
	if len(t.Lines) == 0 || t.Color.A == 0 {
		return
	}
	w := sv.w
	x, anchor := t.X, "start"
	switch t.Align {
	case scene.AlignCenter:
		x, anchor = t.X+t.W/2, "middle"
	case scene.AlignRight:
		x, anchor = t.X+t.W, "end"
	}
	fmt.Fprintf(w, `<text font-size="%s" %s`, num(t.Size), paint("fill", sv.color(t.Color, e)))
	if anchor != "start" {
		fmt.Fprintf(w, ` text-anchor="%s"`, anchor)
	}
	if t.Bold {
		w.WriteString(` font-weight="bold"`)
	}
	if t.Italic {
		w.WriteString(` font-style="italic"`)
	}
	w.WriteString(` xml:space="preserve">`)
	for i, line := range t.Lines {
		fmt.Fprintf(w, `<tspan x="%s" y="%s">`, num(x), num(baseline(t, i)))
		xmlText(w, line)
		w.WriteString("</tspan>")
	}
	w.WriteString("</text>\n")
}

// paint writes a colour attribute with its opacity when not opaque.
func paint(attr string, c scene.Color) string {
	s := fmt.Sprintf(`%s="#%02x%02x%02x"`, attr, c.R, c.G, c.B)
	if c.A < 255 {
		s += fmt.Sprintf(` %s-opacity="%s"`, attr, num(float32(c.A)/255))
	}
	return s
}

// num formats a coordinate with at most two decimals.
func num(v float32) string {
	return strconv.FormatFloat(float64(int64(v*100+sign(v)*0.5))/100, 'f', -1, 64)
}

func sign(v float32) float32 {
	if v < 0 {
		return -1
	}
	return 1
}

// xmlText writes s escaped for XML text and attribute values, dropping
// characters XML 1.0 cannot carry at all.
func xmlText(w *bufio.Writer, s string) {
	for _, r := range s {
		switch {
		case r == '<':
			w.WriteString("&lt;")
		case r == '>':
			w.WriteString("&gt;")
		case r == '&':
			w.WriteString("&amp;")
		case r == '"':
			w.WriteString("&quot;")
		case r == '\'':
			w.WriteString("&apos;")
		case r == '\t' || r == '\n' || r == '\r':
			w.WriteString(" ")
		case r < 0x20 || r == 0xFFFE || r == 0xFFFF || (r >= 0xD800 && r <= 0xDFFF):
			// Not allowed in XML.
		default:
			w.WriteRune(r)
		}
	}
}
