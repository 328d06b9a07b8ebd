package scene

import (
	"context"
	"math"
	"sort"
	"strings"

	"valueflow/model"
	"valueflow/model/analysis"
)

// NetworkOptions chooses how the network view is drawn.
type NetworkOptions struct {
	// SizeBy is the measure nodes are sized by (one of SizeByMeasures);
	// empty means DefaultSizeBy.
	SizeBy string
	// Engine lays the network out when Positions is nil.
	Engine Engine
	// Positions are node centres from NetworkLayout.Run (cached by the
	// caller, possibly moved by the user); nil lays out now, on this
	// goroutine.
	Positions map[model.ID]Point
	// Pinned are nodes the user placed, in the frame of the positions they
	// were placed among: the layout keeps them there and fits the rest
	// around them.
	Pinned map[model.ID]Point
	// Start, when set, are where a new layout starts from (the positions
	// on the screen): it stays close to them.
	Start map[model.ID]Point
	// Selected highlights a stakeholder and its neighbours, dimming the rest.
	Selected model.ID
	// Coalition highlights the members of a coalition, dimming the rest.
	Coalition model.ID
	// Origin, when set, is the top-left corner of the drawing in the frame
	// of Positions (NetworkOrigin); it moves only to take in a node
	// dragged beyond it.
	Origin *Point
	// HideRelations or HideFlows leave those edges out.
	HideRelations, HideFlows bool
}

// The measures a node can be sized by.
const (
	SizeByDegree      = "degree"
	SizeByBetweenness = "betweenness"
	SizeByCloseness   = "closeness"
	SizeByFlows       = "flows"
)

// SizeByMeasures lists them in the order the network view offers them.
var SizeByMeasures = []string{SizeByDegree, SizeByBetweenness, SizeByCloseness, SizeByFlows}

// DefaultSizeBy is the measure of the network view and of
// `valueflow export --view network`: betweenness, so brokers stand out.
const DefaultSizeBy = SizeByBetweenness

const (
	netMargin   = 36
	labelRoom   = 26 // space under a node for its name, part of the layout size
	labelWidth  = 110
	labelSize   = 8
	minRadius   = 9
	extraRadius = 17
)

var (
	black     = Color{33, 33, 33, 255}
	grey      = Color{117, 117, 117, 255}
	lightGrey = Color{224, 224, 224, 255}
	white     = Color{255, 255, 255, 255}
	flowBlue  = Color{69, 106, 160, 210}
	highRed   = Color{211, 47, 47, 230}
	goldBadge = Color{240, 180, 0, 255}
	brokerPur = Color{123, 31, 162, 255}
)

// kindColours colours nodes by stakeholder kind.
var kindColours = map[model.StakeholderKind]Color{
	model.KindOrganisation: {100, 149, 237, 255},
	model.KindProfessional: {77, 182, 172, 255},
	model.KindPatient:      {240, 98, 146, 255},
	model.KindCarer:        {255, 167, 38, 255},
	model.KindFunder:       {149, 117, 205, 255},
	model.KindGovernment:   {161, 136, 127, 255},
}

var otherKindColour = Color{176, 190, 197, 255}

func kindColour(k model.StakeholderKind) Color {
	if c, ok := kindColours[k]; ok {
		return c
	}
	return otherKindColour
}

var coalitionColours = []Color{{0, 137, 123, 255}, {94, 53, 177, 255}, {230, 81, 0, 255}, {2, 119, 189, 255}, {124, 179, 66, 255}, {194, 24, 91, 255}}

// wrapText breaks s into lines no wider than width (long words stay whole).
func wrapText(s string, size, width float32, bold bool) []string {
	var lines []string
	cur := ""
	for _, w := range strings.Fields(s) {
		try := w
		if cur != "" {
			try = cur + " " + w
		}
		if cur != "" && MeasureText(try, size, bold) > width {
			lines = append(lines, cur)
			cur = w
			continue
		}
		cur = try
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	return lines
}

func measureValue(ms *analysis.Measure, by string) float64 {
	switch by {
	case SizeByDegree:
		return float64(ms.Degree)
	case SizeByCloseness:
		return ms.Closeness
	case SizeByFlows:
		return float64(ms.Flows)
	}
	return ms.Betweenness
}

// nodeName wraps a stakeholder's name under its node (two lines at most)
// and returns the lines with their width and height.
func nodeName(name string) (lines []string, w, h float32) {
	lines = wrapText(name, labelSize, labelWidth, false)
	if len(lines) > 2 {
		lines = append(lines[:1], strings.Join(lines[1:], " "))
		lines[1] = ellipsis(lines[1], labelSize, labelWidth)
	}
	for _, l := range lines {
		w = max(w, MeasureText(l, labelSize, false))
	}
	return lines, w, float32(len(lines)) * labelSize * 1.25
}

// nodeRadii sizes each node by the chosen measure relative to the largest.
func nodeRadii(m *model.Map, r *analysis.Result, by string) map[model.ID]float32 {
	out := make(map[model.ID]float32, len(m.Stakeholders))
	var top float64
	for i := range r.Measures {
		top = math.Max(top, measureValue(&r.Measures[i], by))
	}
	for _, s := range m.Stakeholders {
		rad := float32(minRadius)
		if ms := r.Measure(s.ID); ms != nil && top > 0 {
			rad += float32(extraRadius * math.Sqrt(measureValue(ms, by)/top))
		}
		out[s.ID] = rad
	}
	return out
}

// circleLayout places nodes on a circle: the fallback when Graphviz fails.
func circleLayout(m *model.Map) map[model.ID]Point {
	pos := map[model.ID]Point{}
	n := len(m.Stakeholders)
	rad := float64(max(120, n*16))
	for i, s := range m.Stakeholders {
		a := 2*math.Pi*float64(i)/float64(max(n, 1)) - math.Pi/2
		pos[s.ID] = Point{float32(rad + rad*math.Cos(a)), float32(rad + rad*math.Sin(a))}
	}
	return pos
}

// Network lays out the stakeholder network of r (from analysis.Analyze on m):
// nodes coloured by kind and sized by a measure, badges for informal leaders
// (L) and brokers (B), relationship edges (coloured by quality, labelled with
// their kind), flow edges aggregated per pair (width by number, red when any
// is high-criticality, dashed when they break in r's what-if) and coalitions
// as outlined groups that leave every non-member outside.
func Network(m *model.Map, r *analysis.Result, opt NetworkOptions) *Scene {
	lb := analysisLabels
	radius := nodeRadii(m, r, opt.SizeBy)
	pos := opt.Positions
	if pos == nil {
		var err error
		pos, err = NewNetworkLayout(m, r, opt).Run(context.Background())
		if err != nil {
			pos = circleLayout(m)
		}
	}
	names := map[model.ID][]string{}
	nameW := map[model.ID]float32{}
	for _, s := range m.Stakeholders {
		names[s.ID], nameW[s.ID], _ = nodeName(s.Name)
	}
	// Nodes the layout does not know (added since) go on a row below.
	minX, minY, maxX, maxY := nodeBounds(m, pos, radius)
	if o := opt.Origin; o != nil {
		minX, minY = min(minX, o.X), min(minY, o.Y)
	}
	place := map[model.ID]Point{}
	extraX := minX
	for _, s := range m.Stakeholders {
		if p, ok := pos[s.ID]; ok {
			place[s.ID] = p
			continue
		}
		place[s.ID] = Point{extraX + labelWidth/2, maxY + 40}
		extraX += labelWidth + 10
	}
	if extraX > minX {
		maxY += 80
		maxX = max(maxX, extraX)
	}
	sc := &Scene{Title: lb.NetworkTitle, Background: white}
	sc.Width = max(maxX-minX+2*netMargin, 420)
	sc.Add(Item{Text: &Text{Rect: Rect{netMargin, 12, sc.Width - 2*netMargin, 20}, Lines: []string{titleOf(m, lb.NetworkTitle)}, Size: 14, Bold: true, Color: black}})
	// The key goes under the title, where it is in view however small the
	// window; on paper the page prints it at its foot instead.
	legend := networkLegend(m, r, opt)
	top := addSceneLegend(sc, legend, 40, netMargin, sc.Width-netMargin) + 30
	sc.Height = top + maxY - minY + netMargin
	drawing := len(sc.Items)
	dx, dy := netMargin-minX, top-minY
	for id, p := range place {
		place[id] = Point{p.X + dx, p.Y + dy}
	}

	// Focus: the selected stakeholder and its neighbours, or a coalition's members.
	focus := map[model.ID]bool{}
	focused := opt.Selected != ""
	if focused {
		focus[opt.Selected] = true
		for _, e := range r.Relations {
			if e.From == opt.Selected || e.To == opt.Selected {
				focus[e.From], focus[e.To] = true, true
			}
		}
		for _, e := range r.FlowEdges {
			if e.From == opt.Selected || e.To == opt.Selected {
				focus[e.From], focus[e.To] = true, true
			}
		}
	} else if co := m.Coalition(opt.Coalition); co != nil {
		focused = true
		for _, id := range co.Members {
			focus[id] = true
		}
	}
	emph := func(id model.ID) Emphasis {
		switch {
		case !focused:
			return Normal
		case id == opt.Selected:
			return Selected
		case focus[id]:
			return Highlighted
		}
		return Dimmed
	}
	edgeEmph := func(a, b model.ID) Emphasis {
		switch {
		case !focused:
			return Normal
		case opt.Selected != "" && (a == opt.Selected || b == opt.Selected):
			return Highlighted
		case opt.Selected == "" && focus[a] && focus[b]:
			return Highlighted
		}
		return Dimmed
	}

	// Coalitions underneath everything.
	for i, co := range m.Coalitions {
		addCoalition(sc, m, co, coalitionColours[i%len(coalitionColours)], place, radius, focused && opt.Coalition != co.ID)
	}

	// Names go on top of the edges, but their white plates go underneath,
	// so a name stays readable and an arrow into a node from below still shows.
	for _, s := range m.Stakeholders {
		p, rad := place[s.ID], radius[s.ID]
		tw, th := nameW[s.ID], float32(len(names[s.ID]))*labelSize*1.25
		sc.Add(Item{Target: Target{Kind: model.EntityStakeholder, ID: s.ID}, Group: "stakeholder:" + string(s.ID), Emphasis: emph(s.ID),
			Box: &Box{Rect: Rect{p.X - tw/2 - 2, p.Y + rad + 2, tw + 4, th + 1}, Fill: Color{255, 255, 255, 210}, Radius: 2}})
	}

	// Relationship edges: the colour and dashes say the quality, the label
	// the kind (in a small network, or around the selected stakeholder).
	if !opt.HideRelations {
		var nodeRects []Rect
		for _, s := range m.Stakeholders {
			p, bx := place[s.ID], boxOf(s, radius[s.ID])
			nodeRects = append(nodeRects, Rect{p.X - bx.left + boxGapX/2, p.Y - bx.top + boxGapY/2, bx.left + bx.right - boxGapX, bx.top + bx.bottom - boxGapY})
		}
		labelAll := len(r.Relations) <= 40
		for _, e := range r.Relations {
			a, b := place[e.From], place[e.To]
			style := relationStyle(e.Quality)
			em := edgeEmph(e.From, e.To)
			tgt := Target{Kind: model.EntityRelationship, ID: e.Relationships[0]}
			sc.Add(Item{Target: tgt, Group: "relationship:" + string(e.Relationships[0]), Emphasis: em,
				Path: &Path{Points: []Point{a, b}, Stroke: style.colour, Width: style.width, Dashed: style.dashed}})
			if e.Kind == "" || !(labelAll || em == Highlighted) {
				continue
			}
			text := ellipsis(e.Kind, 6.5, 90)
			w := MeasureText(text, 6.5, false) + 4
			mid := labelSpot(a, b, w, 10, nodeRects)
			sc.Add(Item{Target: tgt, Group: "relationship:" + string(e.Relationships[0]), Emphasis: em,
				Box: &Box{Rect: Rect{mid.X - w/2, mid.Y - 5, w, 10}, Fill: Color{255, 255, 255, 200}, Radius: 2}})
			sc.Add(Item{Target: tgt, Group: "relationship:" + string(e.Relationships[0]), Emphasis: em,
				Text: &Text{Rect: Rect{mid.X - w/2, mid.Y - 4, w, 9}, Lines: []string{text}, Size: 6.5, Italic: true, Color: style.text, Align: AlignCenter}})
		}
	}

	// Flow edges, bent apart when both directions exist.
	if !opt.HideFlows {
		both := map[[2]model.ID]bool{}
		for _, e := range r.FlowEdges {
			both[[2]model.ID{e.From, e.To}] = true
		}
		// In a dense network (a generated map) solid edges hide everything.
		dense := len(r.FlowEdges) > 4*len(m.Stakeholders)
		for _, e := range r.FlowEdges {
			a, b := place[e.From], place[e.To]
			ra, rb := radius[e.From]+2, radius[e.To]+4
			vx, vy := b.X-a.X, b.Y-a.Y
			l := float32(math.Hypot(float64(vx), float64(vy)))
			if l < ra+rb+2 {
				continue
			}
			ux, uy := vx/l, vy/l
			var bend float32
			if both[[2]model.ID{e.To, e.From}] {
				bend = 10
			}
			mid := Point{(a.X+b.X)/2 - uy*bend, (a.Y+b.Y)/2 + ux*bend}
			start := towards(a, mid, ra)
			end := towards(b, mid, rb)
			col := flowBlue
			if e.High {
				col = highRed
			}
			if dense {
				col.A = 110
			}
			broken := r.Without != "" && (e.From == r.Without || e.To == r.Without)
			pts := []Point{start, end}
			if bend != 0 {
				pts = []Point{start, mid, end}
			}
			sc.Add(Item{Target: Target{Kind: model.EntityFlow, ID: e.Flows[0]}, Group: "flows:" + string(e.From) + ">" + string(e.To),
				Emphasis: edgeEmph(e.From, e.To),
				Path:     &Path{Points: pts, Stroke: col, Width: min(0.8+0.9*float32(len(e.Flows)), 9), Smooth: bend != 0, ArrowEnd: true, Dashed: broken}})
		}
	}

	// Nodes, badges and names.
	for _, s := range m.Stakeholders {
		p, rad := place[s.ID], radius[s.ID]
		tgt := Target{Kind: model.EntityStakeholder, ID: s.ID}
		group := "stakeholder:" + string(s.ID)
		e := emph(s.ID)
		stroke, sw := Color{255, 255, 255, 255}, float32(1.5)
		if s.ID == opt.Selected {
			stroke, sw = black, 2.5
		}
		fill := kindColour(s.Kind)
		if s.ID == r.Without {
			fill, stroke = lightGrey, highRed
			e = Dimmed
		}
		sc.Add(Item{Target: tgt, Group: group, Emphasis: e, Circle: &Circle{Center: p, Radius: rad, Fill: fill, Stroke: stroke, StrokeWidth: sw}})
		ms := r.Measure(s.ID)
		if s.InformalLeader {
			addBadge(sc, tgt, group, e, Point{p.X + rad*0.75, p.Y - rad*0.75}, goldBadge, lb.Informal)
		}
		if ms != nil && ms.Broker {
			addBadge(sc, tgt, group, e, Point{p.X - rad*0.75, p.Y - rad*0.75}, brokerPur, lb.Broker)
		}
		lines := names[s.ID]
		th := float32(len(lines)) * labelSize * 1.25
		sc.Add(Item{Target: tgt, Group: group, Emphasis: e, Text: &Text{Rect: Rect{p.X - labelWidth/2, p.Y + rad + 2, labelWidth, th},
			Lines: lines, Size: labelSize, Color: black, Align: AlignCenter}})
	}
	sc.Print = PrintHints{Default: FitByDefault, Area: itemsBounds(sc, sc.Items[drawing:], 8), Heading: lb.NetworkTitle, Legend: printLegend(legend)}
	return sc
}

// nodeBounds is the box around the positioned nodes with their names.
func nodeBounds(m *model.Map, pos map[model.ID]Point, radius map[model.ID]float32) (minX, minY, maxX, maxY float32) {
	minX, minY, maxX, maxY = math.MaxFloat32, math.MaxFloat32, -math.MaxFloat32, -math.MaxFloat32
	for _, s := range m.Stakeholders {
		if p, ok := pos[s.ID]; ok {
			bx := boxOf(s, radius[s.ID])
			minX, maxX = min(minX, p.X-bx.left), max(maxX, p.X+bx.right)
			minY, maxY = min(minY, p.Y-bx.top), max(maxY, p.Y+bx.bottom)
		}
	}
	if minX > maxX {
		return 0, 0, 0, 0
	}
	return minX, minY, maxX, maxY
}

// NetworkOrigin is the top-left corner, in the positions' frame, of the
// drawing Network makes with opt.Positions: a view passes it back as
// opt.Origin while the user drags nodes, so the others stay where they are
// on the screen.
func NetworkOrigin(m *model.Map, r *analysis.Result, opt NetworkOptions) Point {
	minX, minY, _, _ := nodeBounds(m, opt.Positions, nodeRadii(m, r, opt.SizeBy))
	if o := opt.Origin; o != nil {
		minX, minY = min(minX, o.X), min(minY, o.Y)
	}
	return Point{minX, minY}
}

// labelSpot is the middle of a w×h label on the line a–b: halfway, or
// nearer one end when a node's box is in the way there.
func labelSpot(a, b Point, w, h float32, nodes []Rect) Point {
	var spot Point
	for _, t := range []float32{0.5, 0.4, 0.6, 0.3, 0.7} {
		spot = Point{a.X + (b.X-a.X)*t, a.Y + (b.Y-a.Y)*t}
		r := Rect{spot.X - w/2, spot.Y - h/2, w, h}
		free := true
		for _, n := range nodes {
			if r.Intersects(n) {
				free = false
				break
			}
		}
		if free {
			return spot
		}
	}
	return Point{(a.X + b.X) / 2, (a.Y + b.Y) / 2}
}

// relationLook is how a relationship of a quality (-2..2) is drawn.
type relationLook struct {
	colour, text Color
	width        float32
	dashed       bool
}

var (
	relationGood    = Color{67, 160, 71, 255}
	relationNeutral = Color{158, 158, 158, 255}
	relationBad     = Color{229, 115, 115, 255}
)

func relationStyle(q int) relationLook {
	w := 1.1 + 0.45*float32(min(abs(q), 2))
	switch {
	case q > 0:
		return relationLook{relationGood, Color{46, 125, 50, 255}, w, false}
	case q < 0:
		return relationLook{relationBad, Color{183, 28, 28, 255}, w, true}
	}
	return relationLook{relationNeutral, grey, w, false}
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}

// addCoalition draws a coalition as a dashed outline around its members
// that keeps every other node outside (groupOutline), tinted when it has no
// holes, with the coalition's name at its top.
func addCoalition(sc *Scene, m *model.Map, co *model.Coalition, col Color, place map[model.ID]Point, radius map[model.ID]float32, dim bool) {
	member := map[model.ID]bool{}
	var members, others []disc
	for _, id := range co.Members {
		if p, ok := place[id]; ok && !member[id] {
			member[id] = true
			members = append(members, disc{p, radius[id] + 10})
		}
	}
	if len(members) == 0 {
		return
	}
	for _, s := range m.Stakeholders {
		if !member[s.ID] {
			others = append(others, disc{place[s.ID], radius[s.ID] + 5})
		}
	}
	outer, holes := groupOutline(members, others, 7)
	if len(outer) == 0 {
		return
	}
	tgt := Target{Kind: model.EntityCoalition, ID: co.ID}
	group := "coalition:" + string(co.ID)
	em := Normal
	if dim {
		em = Dimmed
	}
	fill := col
	fill.A = 22
	if len(holes) > 0 {
		fill = Color{}
	}
	for _, loop := range append(outer, holes...) {
		// The first point again at the end: a polyline closes on screen too.
		pts := append(append([]Point(nil), loop...), loop[0])
		sc.Add(Item{Target: tgt, Group: group, Emphasis: em, Path: &Path{Points: pts, Stroke: col, Width: 1.2, Dashed: true, Closed: true, Fill: fill}})
	}
	top := outer[0][0] // loops start at their topmost point
	name := co.Name
	w := MeasureText(name, 8, true) + 4
	sc.Add(Item{Target: tgt, Group: group, Emphasis: em, Box: &Box{Rect: Rect{top.X - w/2, top.Y - 12, w, 11}, Fill: Color{255, 255, 255, 220}, Radius: 2}})
	sc.Add(Item{Target: tgt, Group: group, Emphasis: em, Text: &Text{Rect: Rect{top.X - w/2, top.Y - 12, w, 11}, Lines: []string{name}, Size: 8, Bold: true, Color: col, Align: AlignCenter}})
}

// networkLegend explains the colours, badges and lines of the network:
// the kinds of its stakeholders, the badges, the qualities of relationship
// it has and the flows, breaks and coalitions it draws.
func networkLegend(m *model.Map, r *analysis.Result, opt NetworkOptions) []legendGroup {
	lb, en := analysisLabels, englishLabels
	kinds := map[model.StakeholderKind]bool{}
	var order []model.StakeholderKind
	for _, s := range m.Stakeholders {
		k := s.Kind
		if _, known := kindColours[k]; !known {
			k = ""
		}
		if !kinds[k] {
			kinds[k] = true
			order = append(order, k)
		}
	}
	sort.SliceStable(order, func(i, j int) bool { return kindRank(order[i]) < kindRank(order[j]) })
	who := legendGroup{title: "Stakeholders"}
	for _, k := range order {
		key, word := "kind.other", lb.OtherKind
		if k != "" {
			key, word = "kind."+string(k), lb.Kinds[string(k)]
		}
		who.add(word, LegendEntry{Label: key, Swatch: SwatchDot, Fill: kindColour(k), Stroke: kindColour(k)})
	}
	who.add(lb.LegendLeader, LegendEntry{Label: en.LegendLeader, Swatch: SwatchBadge, Mark: lb.Informal, Fill: goldBadge, Stroke: white})
	who.add(lb.LegendBroker, LegendEntry{Label: en.LegendBroker, Swatch: SwatchBadge, Mark: lb.Broker, Fill: brokerPur, Stroke: white})
	groups := []legendGroup{who}
	if !opt.HideRelations && len(r.Relations) > 0 {
		q := map[int]bool{}
		for _, e := range r.Relations {
			q[max(-1, min(1, e.Quality))] = true
		}
		rel := legendGroup{title: "Relationships"}
		for _, v := range []struct {
			q         int
			word, key string
		}{{1, lb.LegendGoodRelation, en.LegendGoodRelation}, {0, lb.LegendRelation, en.LegendRelation}, {-1, lb.LegendNegative, en.LegendNegative}} {
			if q[v.q] {
				st := relationStyle(v.q)
				rel.add(v.word, LegendEntry{Label: v.key, Swatch: SwatchCurve, Stroke: st.colour, StrokeWidth: st.width, Dashed: st.dashed})
			}
		}
		rel.add(lb.LegendRelationKind, LegendEntry{Label: en.LegendRelationKind, Swatch: SwatchWord, Stroke: grey})
		groups = append(groups, rel)
	}
	if !opt.HideFlows {
		flows := legendGroup{title: "Flows"}
		flows.add(lb.LegendFlows, LegendEntry{Label: en.LegendFlows, Swatch: SwatchLine, Stroke: flowBlue, StrokeWidth: 2.2})
		flows.add(lb.LegendHigh, LegendEntry{Label: en.LegendHigh, Swatch: SwatchLine, Stroke: highRed, StrokeWidth: 2.2})
		if r.Without != "" {
			flows.add(lb.LegendBroken, LegendEntry{Label: en.LegendBroken, Swatch: SwatchLine, Stroke: flowBlue, StrokeWidth: 2, Dashed: true})
		}
		groups = append(groups, flows)
	}
	if len(m.Coalitions) > 0 {
		co := legendGroup{title: "Coalitions"}
		co.add(lb.LegendCoalition, LegendEntry{Label: en.LegendCoalition, Swatch: SwatchBox, Stroke: coalitionColours[0], StrokeWidth: 1, Dashed: true})
		groups = append(groups, co)
	}
	return groups
}

func kindRank(k model.StakeholderKind) int {
	for i, v := range model.StakeholderKinds {
		if v == k {
			return i
		}
	}
	return len(model.StakeholderKinds)
}

func titleOf(m *model.Map, view string) string {
	if m.Title == "" {
		return view
	}
	return m.Title + " — " + view
}

func addBadge(sc *Scene, tgt Target, group string, e Emphasis, c Point, col Color, letter string) {
	sc.Add(Item{Target: tgt, Group: group, Emphasis: e, Circle: &Circle{Center: c, Radius: 6, Fill: col, Stroke: white, StrokeWidth: 1}})
	sc.Add(Item{Target: tgt, Group: group, Emphasis: e, Text: &Text{Rect: Rect{c.X - 6, c.Y - 4.5, 12, 9}, Lines: []string{letter}, Size: 7, Bold: true, Color: white, Align: AlignCenter}})
}

// towards returns the point at distance d from p in the direction of q.
func towards(p, q Point, d float32) Point {
	vx, vy := q.X-p.X, q.Y-p.Y
	l := float32(math.Hypot(float64(vx), float64(vy)))
	if l == 0 {
		return p
	}
	return Point{p.X + vx/l*d, p.Y + vy/l*d}
}

func ellipsis(s string, size, width float32) string {
	if MeasureText(s, size, false) <= width {
		return s
	}
	r := []rune(s)
	for len(r) > 0 && MeasureText(string(r)+"…", size, false) > width {
		r = r[:len(r)-1]
	}
	return string(r) + "…"
}
