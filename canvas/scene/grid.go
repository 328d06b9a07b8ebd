package scene

import (
	"strings"

	"valueflow/model"
)

// GridOptions chooses how the stakeholder grid is drawn.
type GridOptions struct {
	// Selected emphasises one stakeholder.
	Selected model.ID
}

const (
	gridMargin  = 36
	gridAxis    = 46  // room left of the cells for the influence ticks and title
	gridCellW   = 140 // the grid prints at 100 % across A4 landscape and A3 portrait
	gridMinRowH = 64
	gridLineH   = 14
	gridHigh    = 4 // influence or interest 4–5 is high (the same bar as the analysis findings)
)

// attitudeColours runs from very negative (-2) to very positive (+2).
var attitudeColours = [5]Color{{198, 40, 40, 255}, {239, 108, 0, 255}, {158, 158, 158, 255}, {124, 179, 66, 255}, {46, 125, 50, 255}}

func attitudeColour(a int) Color {
	return attitudeColours[min(max(a, -2), 2)+2]
}

// gridLayout places the 5 × 5 cells: interest 1..5 left to right, influence
// 5..1 top to bottom; a row is as tall as its fullest cell needs.
type gridLayout struct {
	top   float32
	rowY  [6]float32 // rowY[i] is the top of the row for influence 5-i; rowY[5] the bottom
	cells map[[2]int][]*model.Stakeholder
	none  []*model.Stakeholder
}

func layoutGrid(m *model.Map) *gridLayout {
	g := &gridLayout{top: 70, cells: map[[2]int][]*model.Stakeholder{}}
	for _, s := range m.Stakeholders {
		if s.Influence < 1 || s.Influence > 5 || s.Interest < 1 || s.Interest > 5 {
			g.none = append(g.none, s)
			continue
		}
		k := [2]int{s.Influence, s.Interest}
		g.cells[k] = append(g.cells[k], s)
	}
	y := g.top
	for row := 0; row < 5; row++ {
		g.rowY[row] = y
		n := 0
		for x := 1; x <= 5; x++ {
			n = max(n, len(g.cells[[2]int{5 - row, x}]))
		}
		y += max(gridMinRowH, float32(n)*gridLineH+14)
	}
	g.rowY[5] = y
	return g
}

func (g *gridLayout) cellRect(influence, interest int) Rect {
	row := 5 - influence
	return Rect{gridMargin + gridAxis + float32(interest-1)*gridCellW, g.rowY[row], gridCellW, g.rowY[row+1] - g.rowY[row]}
}

// GridValueAt returns the influence and interest of the grid cell at p in
// Grid(m, opt), so dropping a dragged dot there can set them; ok is false
// outside the cells.
func GridValueAt(m *model.Map, p Point) (influence, interest int, ok bool) {
	g := layoutGrid(m)
	for inf := 1; inf <= 5; inf++ {
		for in := 1; in <= 5; in++ {
			if g.cellRect(inf, in).Contains(p) {
				return inf, in, true
			}
		}
	}
	return 0, 0, false
}

// Grid draws the stakeholders on an influence × interest grid (1–5), the four
// quadrants named (high = 4–5), each stakeholder a dot coloured by attitude
// with its name. Stakeholders without both values are listed underneath.
func Grid(m *model.Map, opt GridOptions) *Scene {
	lb := analysisLabels
	g := layoutGrid(m)
	left := float32(gridMargin + gridAxis)
	right := left + 5*gridCellW
	sc := &Scene{Title: lb.GridTitle, Background: white, Width: right + gridMargin}
	sc.Add(Item{Text: &Text{Rect: Rect{gridMargin, 12, sc.Width - 2*gridMargin, 20}, Lines: []string{titleOf(m, lb.GridTitle)}, Size: 14, Bold: true, Color: black}})

	// Quadrants: high influence on top, high interest on the right.
	split := g.cellRect(gridHigh, gridHigh)
	bottom := g.rowY[5]
	quads := []struct {
		r    Rect
		fill Color
		name string
	}{
		{Rect{split.X, g.top, right - split.X, split.Y + split.H - g.top}, Color{255, 235, 238, 255}, lb.ManageClosely},
		{Rect{left, g.top, split.X - left, split.Y + split.H - g.top}, Color{255, 243, 224, 255}, lb.KeepSatisfied},
		{Rect{split.X, split.Y + split.H, right - split.X, bottom - split.Y - split.H}, Color{227, 242, 253, 255}, lb.KeepInformed},
		{Rect{left, split.Y + split.H, split.X - left, bottom - split.Y - split.H}, Color{245, 245, 245, 255}, lb.Monitor},
	}
	for _, q := range quads {
		sc.Add(Item{Group: "quadrant", Box: &Box{Rect: q.r, Fill: q.fill}})
	}
	// Cell lines, then the quadrant borders on top.
	for i := 0; i <= 5; i++ {
		x := left + float32(i)*gridCellW
		sc.Add(Item{Path: &Path{Points: []Point{{x, g.top}, {x, bottom}}, Stroke: lightGrey, Width: 0.6}})
		sc.Add(Item{Path: &Path{Points: []Point{{left, g.rowY[i]}, {right, g.rowY[i]}}, Stroke: lightGrey, Width: 0.6}})
	}
	sc.Add(Item{Path: &Path{Points: []Point{{split.X, g.top}, {split.X, bottom}}, Stroke: grey, Width: 1.5}})
	sc.Add(Item{Path: &Path{Points: []Point{{left, split.Y + split.H}, {right, split.Y + split.H}}, Stroke: grey, Width: 1.5}})
	sc.Add(Item{Box: &Box{Rect: Rect{left, g.top, right - left, bottom - g.top}, Stroke: grey, StrokeWidth: 1.5}})
	// Quadrant names above the grid and below it, at their quadrant's side.
	qname := func(x, w, y float32, s string, align Align) {
		sc.Add(Item{Group: "quadrant", Text: &Text{Rect: Rect{x, y, w, 14}, Lines: []string{s}, Size: 11, Bold: true, Color: grey, Align: align}})
	}
	qname(left, split.X-left-6, g.top-18, lb.KeepSatisfied, AlignLeft)
	qname(split.X+6, right-split.X-6, g.top-18, lb.ManageClosely, AlignRight)
	qname(left, split.X-left-6, bottom+4, lb.Monitor, AlignLeft)
	qname(split.X+6, right-split.X-6, bottom+4, lb.KeepInformed, AlignRight)

	// Axes: ticks and titles.
	for v := 1; v <= 5; v++ {
		c := g.cellRect(v, v)
		sc.Add(Item{Text: &Text{Rect: Rect{c.X, bottom + 20, gridCellW, 12}, Lines: []string{gridTick(v)}, Size: 9, Color: grey, Align: AlignCenter}})
		sc.Add(Item{Text: &Text{Rect: Rect{left - 20, c.Y + c.H/2 - 6, 14, 12}, Lines: []string{gridTick(v)}, Size: 9, Color: grey, Align: AlignRight}})
	}
	sc.Add(Item{Text: &Text{Rect: Rect{left, bottom + 34, right - left, 14}, Lines: []string{lb.Interest + " →"}, Size: 10, Bold: true, Color: black, Align: AlignCenter}})
	sc.Add(Item{Text: &Text{Rect: Rect{gridMargin - 10, g.top - 34, gridAxis + 40, 14}, Lines: []string{lb.Influence + " ↑"}, Size: 10, Bold: true, Color: black}})

	// Dots with names.
	for key, ss := range g.cells {
		c := g.cellRect(key[0], key[1])
		for i, s := range ss {
			y := c.Y + 10 + float32(i)*gridLineH
			addGridDot(sc, s, Point{c.X + 12, y + 5}, c.W-28, opt.Selected)
		}
	}
	y := bottom + 56
	// Stakeholders not (fully) assessed.
	if len(g.none) > 0 {
		sc.Add(Item{Text: &Text{Rect: Rect{gridMargin, y, right, 12}, Lines: []string{lb.NotAssessed + ":"}, Size: 9, Bold: true, Color: black}})
		y += 16
		x := float32(gridMargin)
		for _, s := range g.none {
			w := min(MeasureText(s.Name, 8, false)+26, gridCellW*1.5)
			if x+w > right {
				x = gridMargin
				y += gridLineH
			}
			addGridDot(sc, s, Point{x + 6, y + 5}, w-20, opt.Selected)
			x += w
		}
		y += gridLineH + 8
	}
	// Legend: attitude colours, and the badge where a stakeholder has one.
	area := Rect{gridMargin - 12, g.top - 38, right + 12 - (gridMargin - 12), y - (g.top - 38)}
	legend := []legendGroup{{title: "Attitude"}}
	for a := -2; a <= 2; a++ {
		legend[0].add(lb.Attitudes[a+2], LegendEntry{Label: englishLabels.Attitudes[a+2], Swatch: SwatchDot, Fill: attitudeColour(a), Stroke: attitudeColour(a)})
	}
	for _, s := range m.Stakeholders {
		if s.InformalLeader {
			g := legendGroup{title: "Stakeholders"}
			g.add(lb.LegendLeader, LegendEntry{Label: englishLabels.LegendLeader, Swatch: SwatchBadge, Mark: lb.Informal, Fill: goldBadge, Stroke: white})
			legend = append(legend, g)
			break
		}
	}
	sc.Height = addSceneLegend(sc, legend, y+6, gridMargin, right) + gridMargin/2
	// Tiles begin at a cell's edge: a sheet holds whole cells.
	var cutsX, cutsY []float32
	for i := 0; i <= 5; i++ {
		cutsX = append(cutsX, left+float32(i)*gridCellW)
		cutsY = append(cutsY, g.rowY[i])
	}
	sc.Print = PrintHints{Default: FitByDefault, Area: area, Heading: lb.GridTitle, Legend: printLegend(legend), CutsX: cutsX, CutsY: cutsY}
	return sc
}

func addGridDot(sc *Scene, s *model.Stakeholder, c Point, width float32, selected model.ID) {
	tgt := Target{Kind: model.EntityStakeholder, ID: s.ID}
	group := "stakeholder:" + string(s.ID)
	e := Normal
	stroke, sw := white, float32(1)
	if selected != "" {
		e = Dimmed
		if s.ID == selected {
			e, stroke, sw = Selected, black, 2
		}
	}
	sc.Add(Item{Target: tgt, Group: group, Emphasis: e, Circle: &Circle{Center: c, Radius: 5, Fill: attitudeColour(s.Attitude), Stroke: stroke, StrokeWidth: sw}})
	if s.InformalLeader {
		width -= 14
	}
	name := ellipsis(strings.TrimSpace(s.Name), 8, width)
	sc.Add(Item{Target: tgt, Group: group, Emphasis: e, Text: &Text{Rect: Rect{c.X + 9, c.Y - 5, width + 12, 11}, Lines: []string{name}, Size: 8, Color: black}})
	if s.InformalLeader {
		addBadge(sc, tgt, group, e, Point{c.X + 9 + MeasureText(name, 8, false) + 9, c.Y}, goldBadge, analysisLabels.Informal)
	}
}

func gridTick(v int) string {
	if v >= 0 && v <= 9 {
		return string(rune('0' + v))
	}
	return "?"
}
