package scene

import (
	"fmt"
	"strings"

	"valueflow/model"
)

// BoardOptions chooses what the journey board emphasises.
type BoardOptions struct {
	// Selected is highlighted; a card also highlights its upstream and
	// downstream chain, a stakeholder its lane and flows, and the rest dims.
	Selected Target
	// RealTime makes column widths follow the steps' days.
	RealTime bool
	// NoFocus keeps the selection outlined without dimming the rest (the
	// focus on a card's chain or a lane's flows is on by default).
	NoFocus bool
	// Without shows the board as if this stakeholder dropped out, without
	// changing the map (model/analysis's what-if, the same answer the
	// network view shows): its lane greyed and its cards dimmed, the flows
	// into or out of its cards drawn broken (red, dashed), and each step
	// that would be left without a lead marked "no lead" in its header.
	// Empty, or not a stakeholder of the map: the board as it is.
	Without model.ID
	// Coalition emphasises the lanes of the coalition's members, their
	// cards and the flows into or out of them, and dims the rest, like the
	// focus on a stakeholder; with a selection, only what both keep bright
	// stays bright. Empty, or not a coalition of the map: no filter.
	Coalition model.ID
	// Translate turns the board's words (keys like "role.lead",
	// "Experience") into the user's language; nil prints English.
	Translate func(key string) string
}

// boardWords are the English words of the board, by translation key.
var boardWords = map[string]string{
	"Experience": "Experience", "patient": "patient", "carer": "informal carer",
	"role.lead": "lead", "role.contributes": "contributes", "role.consulted": "consulted", "role.informed": "informed",
	"capital.economic": "economic", "capital.social": "social", "capital.cultural": "cultural",
	"evidence.interview": "interview", "evidence.data": "data", "evidence.assumption": "assumption",
	"kind.organisation": "organisation", "kind.professional": "professional", "kind.patient": "patient",
	"kind.carer": "informal carer", "kind.funder": "funder", "kind.government": "government",
	"informal leader": "informal leader", "wait": "wait", "axis.days": "days",
	"no lead": "no lead", "whatif.out": "drops out", "whatif.without": "without", "Coalition": "Coalition", "Purpose": "Purpose",
	"compare.kind.stakeholder": "stakeholders", "compare.kind.step": "steps", "compare.kind.contribution": "contributions", "compare.kind.flow": "flows",
	"flow.hand-off": "hand-off", "flow.referral": "referral", "flow.information": "information", "flow.resource": "resource",
	"hint.empty":      "Start here: add the steps of the patient's journey with + Step and the stakeholders with + Stakeholder; then double-click where a step meets a lane to add a card.",
	"hint.cards":      "Now add the value each stakeholder brings: double-click where a step's column meets a stakeholder's lane, or use + Card.",
	"stage.verbinden": "connecting", "stage.richten": "aligning", "stage.produceren": "producing",
}

func (o BoardOptions) word(key string) string {
	if o.Translate != nil {
		if w := o.Translate(key); w != "" && w != key {
			return w
		}
	}
	if w, ok := boardWords[key]; ok {
		return w
	}
	return key
}

// Board sizes in scene units.
const (
	boardLaneHeader = 170
	boardStepHeader = 46
	boardCurveBand  = 70
	boardColumn     = 176
	boardCardW      = 160
	boardCardPad    = 6
	boardCardText   = 9
	boardCardMinH   = 40
	boardLaneMinH   = 58
	boardMinGap     = 28 // the narrowest wait that still reads as a gap
	// selectedFlowWidth is what a selected flow's line gains in width.
	selectedFlowWidth = 1.4
)

var (
	boardInk    = Color{33, 37, 41, 255}
	boardMuted  = Color{73, 80, 87, 255}
	boardGrid   = Color{222, 226, 230, 255}
	boardHeader = Color{241, 243, 245, 255}
	boardCard   = Color{255, 255, 255, 255}
	boardSelect = Color{13, 110, 253, 255}
	boardCurve  = Color{214, 51, 132, 255}
	boardCarer  = Color{253, 126, 20, 255}
	boardPain   = Color{200, 35, 51, 255}
	boardWait   = Color{238, 240, 243, 255}
	boardOut    = Color{134, 142, 150, 255} // the lane of a stakeholder left out in a what-if
	// boardFlowInk is the hand-off's ink, kept for the legend of older code;
	// FlowStyle gives each kind its own.
	boardFlowInk = flowHandOff
	roleColours  = map[model.Role]Color{
		model.RoleLead:        {25, 135, 84, 255},
		model.RoleContributes: {13, 110, 253, 255},
		model.RoleConsulted:   {255, 193, 7, 255},
		model.RoleInformed:    {173, 181, 189, 255},
	}
)

// RoleColour is the badge colour of a role, shared with the legend.
func RoleColour(r model.Role) Color { return roleColours[r] }

// cardLayout is where one card went.
type cardLayout struct {
	rect  Rect
	lines []string
}

// Board lays out the journey board of one scenario: steps as columns on a
// time axis, the experience curves above the lanes, stakeholders as lanes,
// cards in the cells and flows as arrows between cards.
func Board(m *model.Map, scenario model.ID, opt BoardOptions) *Scene {
	s, _ := BoardLayout(m, scenario, opt)
	return s
}

// BoardLayout is Board plus the geometry of its grid, which the widget
// needs to turn a pointer position into a cell or a card.
func BoardLayout(m *model.Map, scenario model.ID, opt BoardOptions) (*Scene, *BoardGeometry) {
	sc := m.Scenario(scenario)
	s := &Scene{Title: m.Title, Background: Color{255, 255, 255, 255}}
	var ar arena
	if sc != nil {
		// About what a board holds per card, flow, step and lane, so the
		// item slice grows once.
		s.Items = make([]Item, 0, 8*len(sc.Contributions)+3*len(sc.Flows)+12*len(sc.Steps)+6*len(m.Stakeholders)+16)
	}
	g := &BoardGeometry{cards: map[model.ID]Rect{}, cardCell: map[model.ID][2]int{}}
	if sc == nil {
		return s, g
	}
	focus := focus{}
	if !opt.NoFocus {
		focus = focusSet(m, sc, opt.Selected)
	}
	focus = focus.narrow(coalitionFocus(m, sc, opt.Coalition), opt.Selected)
	whatIf := whatIfOf(m, sc, opt.Without)
	if whatIf != nil {
		focus.gone = map[Target]bool{}
		for _, c := range sc.CardsForStakeholder(whatIf.out) {
			focus.gone[Target{Kind: model.EntityContribution, ID: c.ID}] = true
		}
	}

	// Columns: equal widths, or following the days on a real time axis
	// (see timeColumns), where a column may start with a gap: its waiting
	// time (wait, drawn grey) and the idle days before it.
	var colX, gap, wait []float32
	var days []daySegment
	axis := float32(0)
	if opt.RealTime {
		colX, gap, wait, days = timeColumns(sc.Steps, boardLaneHeader)
		axis = boardAxisBand
	} else {
		colX = make([]float32, len(sc.Steps)+1)
		gap, wait = make([]float32, len(sc.Steps)), make([]float32, len(sc.Steps))
		colX[0] = boardLaneHeader
		for i := range sc.Steps {
			colX[i+1] = colX[i] + boardColumn
		}
	}
	stepIndex := make(map[model.ID]int, len(sc.Steps))
	for i, st := range sc.Steps {
		stepIndex[st.ID] = i
	}
	laneIndex := make(map[model.ID]int, len(m.Stakeholders))
	for i, sh := range m.Stakeholders {
		laneIndex[sh.ID] = i
	}

	// Card text first: it decides the lane heights.
	type cell struct{ step, lane int }
	cells := map[cell][]*model.Contribution{}
	for _, c := range sc.Contributions {
		i, ok1 := stepIndex[c.Step]
		j, ok2 := laneIndex[c.Stakeholder]
		if ok1 && ok2 {
			cells[cell{i, j}] = append(cells[cell{i, j}], c)
		}
	}
	wrapped := map[model.ID][]string{}
	laneH := make([]float32, len(m.Stakeholders))
	for j := range laneH {
		laneH[j] = boardLaneMinH
	}
	for k, cards := range cells {
		h := float32(boardCardPad)
		for _, c := range cards {
			lines := WrapTextMax(c.Value, boardCardText, boardCardW-2*boardCardPad-14, false, 4)
			wrapped[c.ID] = lines
			h += cardHeight(len(lines)) + boardCardPad
		}
		laneH[k.lane] = max(laneH[k.lane], h)
	}
	top := boardStepHeader + axis + boardCurveBand
	laneY := make([]float32, len(m.Stakeholders)+1)
	laneY[0] = top
	for j := range m.Stakeholders {
		laneY[j+1] = laneY[j] + laneH[j]
	}
	s.Width = colX[len(sc.Steps)] + 20
	s.Height = laneY[len(m.Stakeholders)] + 20
	s.LeftBand, s.TopBand = boardLaneHeader, top

	// An empty map says where to begin; one without cards, where they go.
	if len(sc.Steps) == 0 || len(m.Stakeholders) == 0 || len(sc.Contributions) == 0 {
		key := "hint.empty"
		if len(sc.Steps) > 0 && len(m.Stakeholders) > 0 {
			key = "hint.cards"
		}
		hint := WrapText(opt.word(key), 12, 420, false)
		s.Add(Item{Box: ar.box(Box{Rect: Rect{boardLaneHeader + 20, top + 20, 460, float32(len(hint))*15 + 24}, Fill: Color{255, 249, 219, 255}, Stroke: Color{255, 193, 7, 255}, StrokeWidth: 1, Radius: 8})})
		s.Add(Item{Text: ar.text(Text{Rect: Rect{boardLaneHeader + 40, top + 32, 420, float32(len(hint)) * 15}, Lines: hint, Size: 12, Color: boardInk})})
		s.Width = max(s.Width, boardLaneHeader+500)
		s.Height = max(s.Height, top+float32(len(hint))*15+80)
	}

	// The top-left corner says what the board shows (see drawCorner), above
	// the key of the experience curves.
	curves := 0
	for _, has := range [2]func(*model.Step) bool{
		func(st *model.Step) bool { return st.Experience != nil },
		func(st *model.Step) bool { return st.CarerExperience != nil },
	} {
		for _, st := range sc.Steps {
			if has(st) {
				curves++
				break
			}
		}
	}
	keyH := float32(15 + 12*curves)
	narrowFrom := float32(boardStepHeader + 8 - 5) // the +2 of the experience scale
	if opt.RealTime {
		narrowFrom = boardStepHeader + 2 // the day scale's unit
	}
	cornerEnd := drawCorner(s, &ar, m, sc, opt, narrowFrom, top-keyH-4)

	// Step headers with the time axis.
	noLead := opt.word("no lead")
	for i, st := range sc.Steps {
		t := Target{Kind: model.EntityStep, ID: st.ID}
		g := "step:" + string(st.ID)
		if wait[i] > 0 {
			// The wait before the step: a grey gap through the board, with
			// its days on the time axis.
			x := colX[i] + gap[i] - wait[i]
			s.Add(Item{Target: t, Group: g, Box: ar.box(Box{Rect: Rect{x, 0, wait[i], laneY[len(m.Stakeholders)]}, Fill: boardWait})})
			lines := []string{Ellipsis(opt.word("wait"), 7, wait[i]-2, false), fmt.Sprintf("%d d", st.WaitDays)}
			s.Add(Item{Target: t, Group: g, Text: ar.text(Text{Rect: Rect{x + 1, 12, wait[i] - 2, 20}, Lines: lines, Size: 7, Color: boardMuted, Align: AlignCenter})})
		}
		r := Rect{colX[i] + gap[i] + 2, 2, colX[i+1] - colX[i] - gap[i] - 4, boardStepHeader - 4}
		stroke, width := selectedStroke(opt.Selected, t), float32(2)
		leaderless := whatIf != nil && whatIf.leaderless[st.ID]
		if leaderless && stroke.A == 0 {
			stroke, width = flowBroken, 1.6
		}
		s.Add(Item{Target: t, Group: g, Emphasis: focus.of(t), Box: ar.box(Box{Rect: r, Fill: boardHeader, Radius: 4, Stroke: stroke, StrokeWidth: width})})
		name := WrapTextMax(st.Name, 9.5, r.W-8, true, 2)
		s.Add(Item{Target: t, Group: g, Text: ar.text(Text{Rect: Rect{r.X + 4, r.Y + 3, r.W - 8, 26}, Lines: name, Size: 9.5, Bold: true, Color: boardInk})})
		timingW := r.W - 8
		if leaderless {
			// The what-if leaves this step without a lead: a red badge in
			// the header's bottom right, where the timing ends.
			word := Ellipsis(noLead, 7, r.W/2, true)
			bw := MeasureText(word, 7, true) + 8
			b := Rect{r.X + r.W - bw - 4, r.Y + r.H - 12, bw, 10}
			s.Add(Item{Target: t, Group: g, Box: ar.box(Box{Rect: b, Fill: flowBroken, Radius: 5})})
			s.Add(Item{Target: t, Group: g, Text: ar.text(Text{Rect: Rect{b.X, b.Y + 0.5, bw, 9}, Lines: []string{word}, Size: 7, Bold: true, Color: Color{255, 255, 255, 255}, Align: AlignCenter})})
			timingW -= bw + 4
		}
		if st.Timing != "" {
			s.Add(Item{Target: t, Group: g, Text: ar.text(Text{Rect: Rect{r.X + 4, r.Y + r.H - 12, timingW, 11}, Lines: []string{Ellipsis(st.Timing, 8, timingW, false)}, Size: 8, Color: boardMuted})})
		}
		// Column rule through the lanes.
		s.Add(Item{Path: ar.path(Path{Points: []Point{{colX[i+1], top}, {colX[i+1], laneY[len(m.Stakeholders)]}}, Stroke: boardGrid, Width: 0.6})})
	}

	// Experience band: -2 at the bottom, +2 at the top. Each curve is drawn
	// before its points, so the points sit on the line; a pain point is a
	// red marker above the patient's point, where it cannot be mistaken for
	// a value on the curve.
	if days != nil {
		drawDayScale(s, &ar, days, opt.word("axis.days"))
	}
	bandTop := boardStepHeader + axis + 8
	bandH := float32(boardCurveBand - 16)
	right := colX[len(sc.Steps)]
	keyTop := max(bandTop, cornerEnd+3)
	s.Add(Item{Text: ar.text(Text{Rect: Rect{12, keyTop, boardLaneHeader - 40, 12}, Lines: []string{opt.word("Experience")}, Size: 8, Bold: true, Color: boardMuted})})
	for _, v := range []int{2, 0, -2} {
		y := bandTop + bandH/2 - float32(v)*bandH/4
		label := map[int]string{2: "+2", 0: "0", -2: "−2"}[v]
		s.Add(Item{Text: ar.text(Text{Rect: Rect{boardLaneHeader - 22, y - 5, 16, 10}, Lines: []string{label}, Size: 7, Color: boardMuted, Align: AlignRight})})
		s.Add(Item{Path: ar.path(Path{Points: []Point{{boardLaneHeader, y}, {right, y}}, Stroke: boardGrid, Width: 0.6, Dashed: v == 0})})
	}
	legendY := keyTop + 15
	legend := func(word string, colour Color) {
		s.Add(Item{Path: ar.path(Path{Points: []Point{{12, legendY + 5}, {26, legendY + 5}}, Stroke: colour, Width: 1.8})})
		s.Add(Item{Text: ar.text(Text{Rect: Rect{30, legendY, boardLaneHeader - 60, 10}, Lines: []string{word}, Size: 7.5, Color: boardMuted})})
		legendY += 12
	}
	curve := func(get func(*model.Step) *int, colour Color, word string, pain bool) {
		var pts []Point
		var at []*model.Step
		for i, st := range sc.Steps {
			if v := get(st); v != nil {
				pts = append(pts, Point{(colX[i] + gap[i] + colX[i+1]) / 2, bandTop + bandH/2 - float32(*v)*bandH/4})
				at = append(at, st)
			}
		}
		if len(pts) == 0 {
			return
		}
		legend(word, colour)
		if len(pts) > 1 {
			s.Add(Item{Path: ar.path(Path{Points: pts, Stroke: colour, Width: 1.6, Smooth: true})})
		}
		for k, p := range pts {
			st := at[k]
			t := Target{Kind: model.EntityStep, ID: st.ID}
			g := "step:" + string(st.ID)
			s.Add(Item{Target: t, Group: g, Circle: ar.circle(Circle{Center: p, Radius: 3.2, Fill: colour, Stroke: Color{255, 255, 255, 255}, StrokeWidth: 1})})
			if pain && st.PainPoints != "" {
				c := Point{p.X, p.Y - 10}
				if p.Y-10 < bandTop {
					c.Y = p.Y + 10
				}
				s.Add(Item{Target: t, Group: g, Box: ar.box(Box{Rect: Rect{c.X - 5, c.Y - 5, 10, 10}, Fill: boardPain, Radius: 5})})
				s.Add(Item{Target: t, Group: g, Text: ar.text(Text{Rect: Rect{c.X - 5, c.Y - 5, 10, 10}, Lines: []string{"!"}, Size: 7.5, Bold: true, Color: Color{255, 255, 255, 255}, Align: AlignCenter})})
			}
		}
	}
	curve(func(st *model.Step) *int { return st.Experience }, boardCurve, opt.word("patient"), true)
	curve(func(st *model.Step) *int { return st.CarerExperience }, boardCarer, opt.word("carer"), false)

	// Lanes.
	for j, sh := range m.Stakeholders {
		t := Target{Kind: model.EntityStakeholder, ID: sh.ID}
		g := "lane:" + string(sh.ID)
		colour := Hex(sh.Colour, Color{200, 205, 210, 255})
		out := whatIf != nil && whatIf.out == sh.ID
		if out {
			// Dropped out in a what-if: the lane turns grey.
			colour = boardOut
		}
		band := Rect{0, laneY[j], s.Width, laneH[j]}
		tint := colour
		tint.A = 36
		if out {
			tint.A = 90
		}
		s.Add(Item{Target: t, Group: g, Emphasis: focus.of(t), Box: ar.box(Box{Rect: band, Fill: tint})})
		s.Add(Item{Group: g, Box: ar.box(Box{Rect: Rect{0, laneY[j], 6, laneH[j]}, Fill: colour})})
		s.Add(Item{Group: g, Path: ar.path(Path{Points: []Point{{0, laneY[j+1]}, {s.Width, laneY[j+1]}}, Stroke: boardGrid, Width: 0.6})})
		head := Rect{10, laneY[j] + 6, boardLaneHeader - 16, laneH[j] - 12}
		s.Add(Item{Target: t, Group: g, Box: ar.box(Box{Rect: head, Stroke: selectedStroke(opt.Selected, t), StrokeWidth: 2, Radius: 4})})
		name := WrapTextMax(sh.Name, 9.5, head.W, true, 2)
		s.Add(Item{Target: t, Group: g, Text: ar.text(Text{Rect: Rect{head.X, head.Y, head.W, 26}, Lines: name, Size: 9.5, Bold: true, Color: boardInk})})
		sub := laneSubtitle(sh, opt, out, head.W, head.Y+head.H-(head.Y+float32(len(name))*12+2))
		if len(sub) > 0 {
			s.Add(Item{Target: t, Group: g, Text: ar.text(Text{Rect: Rect{head.X, head.Y + float32(len(name))*12 + 2, head.W, float32(len(sub)) * laneSubLine}, Lines: sub, Size: laneSubSize, Color: boardMuted})})
		}
	}

	// Cards.
	rects := g.cards
	occupied := newRectIndex(s.Width, s.Height)
	for k, cards := range cells {
		y := laneY[k.lane] + boardCardPad
		x := colX[k.step] + gap[k.step] + (colX[k.step+1]-colX[k.step]-gap[k.step]-boardCardW)/2
		for _, c := range cards {
			lines := wrapped[c.ID]
			r := Rect{x, y, boardCardW, cardHeight(len(lines))}
			rects[c.ID] = r
			g.cardCell[c.ID] = [2]int{k.step, k.lane}
			occupied.add(r)
			y += r.H + boardCardPad
		}
	}
	g.colX, g.laneY = colX, laneY
	for _, st := range sc.Steps {
		g.steps = append(g.steps, st.ID)
	}
	for _, sh := range m.Stakeholders {
		g.lanes = append(g.lanes, sh.ID)
	}
	// Flows are drawn under the cards, and routed round them (see
	// flowRouter), so a line seldom runs behind a card it does not join.
	cardLeft := make([]float32, len(sc.Steps))
	for i := range cardLeft {
		cardLeft[i] = colX[i] + gap[i] + (colX[i+1]-colX[i]-gap[i]-boardCardW)/2
	}
	router := newFlowRouter(occupied, colX, cardLeft, laneY, s.Width)
	var labels []flowLabel
	for _, f := range sc.Flows {
		a, ok1 := rects[f.From]
		b, ok2 := rects[f.To]
		if !ok1 || !ok2 {
			continue
		}
		t := Target{Kind: model.EntityFlow, ID: f.ID}
		ca, cb := g.cardCell[f.From], g.cardCell[f.To]
		var pts []Point
		var routed *Point
		switch i, k := ca[0], cb[0]; {
		case k == i:
			pts = router.inColumn(a, b, i)
		case k > i:
			// Forward in time: an S-curve from the right edge to the left edge.
			p0, p3 := Point{a.X + a.W, a.Y + a.H/2}, Point{b.X, b.Y + b.H/2}
			dx := (p3.X - p0.X) / 2
			pts = bezier(p0, Point{p0.X + dx, p0.Y}, Point{p3.X - dx, p3.Y}, p3, 16)
		default:
			// Back in time: from the left edge to the previous card's right edge.
			p0, p3 := Point{a.X, a.Y + a.H/2}, Point{b.X + b.W, b.Y + b.H/2}
			dx := (p0.X - p3.X) / 2
			pts = bezier(p0, Point{p0.X - dx, p0.Y}, Point{p3.X + dx, p3.Y}, p3, 16)
		}
		if i, k := ca[0], cb[0]; (k > i+1 || k < i-1) && router.crosses(pts, a, b) {
			var spot Point
			pts, spot = router.route(a, b, i, k, ca[1], cb[1])
			routed = &spot
		}
		st := FlowStyle(f.Kind, f.Criticality)
		if whatIf != nil && whatIf.broken[f.ID] {
			st = BrokenFlowStyle(f.Criticality)
		}
		if opt.Selected == t {
			st.Stroke, st.Width = boardSelect, st.Width+selectedFlowWidth
		}
		s.Add(Item{Target: t, Group: "flow:" + string(f.ID), Emphasis: focus.of(t), Path: ar.path(Path{Points: pts, Stroke: st.Stroke, Width: st.Width, Dashed: st.Dashed, ArrowEnd: true})})
		if f.Label != "" {
			labels = append(labels, flowLabel{t, f.Label, pts, routed})
		}
	}
	cp := cardPainter{opt: opt, ar: &ar, roles: map[model.Role]string{}, marks: map[[2]string]string{}}
	g.cardItems = make(map[model.ID][2]int, len(sc.Contributions))
	for _, c := range sc.Contributions {
		r, ok := rects[c.ID]
		if !ok {
			continue
		}
		start := len(s.Items)
		cp.paint(s, c, r, wrapped[c.ID], focus.of(Target{Kind: model.EntityContribution, ID: c.ID}))
		g.cardItems[c.ID] = [2]int{start, len(s.Items)}
	}

	// Flow labels go where they cover no card, or are left out (the
	// inspector shows them): a label over a card would hide its value.
	var spots []Point
	for _, l := range labels {
		w := min(MeasureText(l.text, 7, false)+6, 120)
		spots = labelSpots(spots[:0], l.pts, l.routed, laneY)
		for _, mid := range spots {
			// Kept inside the board, right of the lane headers.
			x := max(min(mid.X-w/2, s.Width-w-2), boardLaneHeader+2)
			r := Rect{x, mid.Y - 5.5, w, 11}
			if occupied.hits(r) {
				continue
			}
			occupied.add(r)
			g := "flow:" + string(l.target.ID)
			s.Add(Item{Target: l.target, Group: g, Emphasis: focus.of(l.target), Box: ar.box(Box{Rect: r, Fill: Color{255, 255, 255, 230}, Radius: 3})})
			s.Add(Item{Target: l.target, Group: g, Emphasis: focus.of(l.target), Text: ar.text(Text{Rect: Rect{r.X + 3, r.Y + 0.5, w - 6, 10}, Lines: []string{l.text}, Size: 7, Color: boardMuted, Align: AlignCenter})})
			break
		}
	}
	return s, g
}

// flowLabel is a flow's label with the places it may go, best first.
type flowLabel struct {
	target Target
	text   string
	pts    []Point
	routed *Point // the middle of a routed flow's run along a lane gutter
}

func cardHeight(lines int) float32 {
	return max(boardCardMinH, float32(lines)*11+20)
}

func selectedStroke(sel, t Target) Color {
	if sel == t && t.ID != "" {
		return boardSelect
	}
	return Color{}
}

// bezier samples a cubic curve into n segments.
func bezier(p0, p1, p2, p3 Point, n int) []Point {
	out := make([]Point, 0, n+1)
	for i := 0; i <= n; i++ {
		t := float32(i) / float32(n)
		u := 1 - t
		out = append(out, Point{
			u*u*u*p0.X + 3*u*u*t*p1.X + 3*u*t*t*p2.X + t*t*t*p3.X,
			u*u*u*p0.Y + 3*u*u*t*p1.Y + 3*u*t*t*p2.Y + t*t*t*p3.Y,
		})
	}
	return out
}

// focus says which elements stay bright when something is selected.
type focus struct {
	active bool
	on     map[Target]bool
	gone   map[Target]bool // dimmed whatever the focus: a what-if's cards
}

func (f focus) of(t Target) Emphasis {
	if f.gone[t] {
		return Dimmed
	}
	if !f.active {
		return Normal
	}
	if f.on[t] {
		return Highlighted
	}
	return Dimmed
}

func focusSet(m *model.Map, sc *model.Scenario, sel Target) focus {
	on := map[Target]bool{}
	switch sel.Kind {
	case model.EntityContribution:
		if sc.Contribution(sel.ID) == nil {
			return focus{}
		}
		chain := map[model.ID]bool{sel.ID: true}
		for _, id := range sc.Upstream(sel.ID) {
			chain[id] = true
		}
		for _, id := range sc.Downstream(sel.ID) {
			chain[id] = true
		}
		for id := range chain {
			on[Target{Kind: model.EntityContribution, ID: id}] = true
		}
		for _, f := range sc.Flows {
			if chain[f.From] && chain[f.To] {
				on[Target{Kind: model.EntityFlow, ID: f.ID}] = true
			}
		}
	case model.EntityStakeholder:
		if m.Stakeholder(sel.ID) == nil {
			return focus{}
		}
		on[sel] = true
		mine := map[model.ID]bool{}
		for _, c := range sc.CardsForStakeholder(sel.ID) {
			mine[c.ID] = true
			on[Target{Kind: model.EntityContribution, ID: c.ID}] = true
		}
		for _, f := range sc.Flows {
			if mine[f.From] || mine[f.To] {
				on[Target{Kind: model.EntityFlow, ID: f.ID}] = true
				on[Target{Kind: model.EntityContribution, ID: f.From}] = true
				on[Target{Kind: model.EntityContribution, ID: f.To}] = true
			}
		}
	case model.EntityFlow:
		// A flow lights its two cards: a thin line alone is hard to find.
		f := sc.Flow(sel.ID)
		if f == nil {
			return focus{}
		}
		on[sel] = true
		on[Target{Kind: model.EntityContribution, ID: f.From}] = true
		on[Target{Kind: model.EntityContribution, ID: f.To}] = true
	default:
		return focus{}
	}
	for _, sh := range m.Stakeholders {
		t := Target{Kind: model.EntityStakeholder, ID: sh.ID}
		if sel.Kind != model.EntityStakeholder {
			on[t] = true
		}
	}
	for _, st := range sc.Steps {
		on[Target{Kind: model.EntityStep, ID: st.ID}] = true
	}
	return focus{active: true, on: on}
}

// tint mixes c with white: a light, opaque background for dark text.
func tint(c Color, amount float32) Color {
	mix := func(v uint8) uint8 { return uint8(255 - (255-float32(v))*amount) }
	return Color{mix(c.R), mix(c.G), mix(c.B), 255}
}

// cardPainter draws cards; it looks the same few words up once per layout.
type cardPainter struct {
	opt   BoardOptions
	ar    *arena
	roles map[model.Role]string
	marks map[[2]string]string
}

func (p *cardPainter) paint(s *Scene, c *model.Contribution, r Rect, lines []string, em Emphasis) {
	opt, ar := p.opt, p.ar
	t := Target{Kind: model.EntityContribution, ID: c.ID}
	g := "card:" + string(c.ID)
	stroke, width := Color{173, 181, 189, 255}, float32(0.8)
	if opt.Selected == t {
		stroke, width = boardSelect, 2.2
	}
	s.Add(Item{Target: t, Group: g, Emphasis: em, Box: ar.box(Box{Rect: r, Fill: boardCard, Stroke: stroke, StrokeWidth: width, Radius: 5})})
	s.Add(Item{Target: t, Group: g, Emphasis: em, Box: ar.box(Box{Rect: Rect{r.X, r.Y, 5, r.H}, Fill: roleColours[c.Role], Radius: 2})})
	s.Add(Item{Target: t, Group: g, Emphasis: em, Text: ar.text(Text{Rect: Rect{r.X + 10, r.Y + 4, r.W - 16, r.H - 16}, Lines: lines, Size: boardCardText, Color: boardInk})})
	// The role as a tinted badge, then capital and evidence in small
	// print: the role is what a reader scans for first.
	role, ok := p.roles[c.Role]
	if !ok {
		role = opt.word("role." + string(c.Role))
		p.roles[c.Role] = role
	}
	bw := MeasureText(role, 7, true) + 8
	s.Add(Item{Target: t, Group: g, Emphasis: em, Box: ar.box(Box{Rect: Rect{r.X + 9, r.Y + r.H - 13, bw, 10}, Fill: tint(roleColours[c.Role], 0.22), Radius: 5})})
	s.Add(Item{Target: t, Group: g, Emphasis: em, Text: ar.text(Text{Rect: Rect{r.X + 9, r.Y + r.H - 12.5, bw, 9}, Lines: []string{role}, Size: 7, Bold: true, Color: boardInk, Align: AlignCenter})})
	mk := [2]string{string(c.Capital), string(c.Evidence)}
	marks, ok := p.marks[mk]
	if !ok {
		var words []string
		if c.Capital != "" {
			words = append(words, opt.word("capital."+string(c.Capital)))
		}
		if c.Evidence != "" {
			words = append(words, opt.word("evidence."+string(c.Evidence)))
		}
		marks = strings.Join(words, " · ")
		p.marks[mk] = marks
	}
	if len(marks) > 0 {
		mw := r.W - bw - 22
		line := Ellipsis(marks, 7, mw, false)
		s.Add(Item{Target: t, Group: g, Emphasis: em, Text: ar.text(Text{Rect: Rect{r.X + 13 + bw, r.Y + r.H - 12.5, mw, 9}, Lines: []string{line}, Size: 7, Color: boardMuted})})
	}
}

// UpdateCard redraws one card of a laid-out board in place after an edit
// of its text, role, capital or evidence, without laying out the rest: the
// common edit on a large map. It reports false, changing nothing, when the
// edit needs a new layout (the card moved, its height or number of items
// changed, or it is gone); the caller then builds the board again.
func UpdateCard(s *Scene, g *BoardGeometry, m *model.Map, scenario model.ID, card model.ID, opt BoardOptions) bool {
	sc := m.Scenario(scenario)
	if s == nil || g == nil || sc == nil {
		return false
	}
	c := sc.Contribution(card)
	span, ok1 := g.cardItems[card]
	r, ok2 := g.cards[card]
	if c == nil || !ok1 || !ok2 {
		return false
	}
	if step, sh, ok := g.CardCell(card); !ok || step != c.Step || sh != c.Stakeholder {
		return false
	}
	lines := WrapTextMax(c.Value, boardCardText, boardCardW-2*boardCardPad-14, false, 4)
	if cardHeight(len(lines)) != r.H {
		return false
	}
	// The card's emphasis stays what the layout gave it: the focus depends
	// on flows and the selection, not on the card's own fields.
	em := s.Items[span[0]].Emphasis
	var ar arena
	cp := cardPainter{opt: opt, ar: &ar, roles: map[model.Role]string{}, marks: map[[2]string]string{}}
	tmp := Scene{Items: make([]Item, 0, span[1]-span[0])}
	cp.paint(&tmp, c, r, lines, em)
	if len(tmp.Items) != span[1]-span[0] {
		return false
	}
	copy(s.Items[span[0]:span[1]], tmp.Items)
	return true
}
