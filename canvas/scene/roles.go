package scene

import (
	"valueflow/model"
	"valueflow/model/analysis"
)

const (
	rolesMargin = 24
	rolesNameW  = 170
	rolesColW   = 80
	rolesRowH   = 24
	rolesHeadH  = 62
	rolesTitleH = 32
)

// roleStyles are the fills and text colours of role cells, strongest first.
var roleStyles = map[model.Role]struct{ fill, text, stroke Color }{
	model.RoleLead:        {Color{0, 105, 92, 255}, white, Color{}},
	model.RoleContributes: {Color{77, 182, 172, 255}, white, Color{}},
	model.RoleConsulted:   {Color{178, 223, 219, 255}, black, Color{}},
	model.RoleInformed:    {white, grey, Color{128, 203, 196, 255}},
}

var (
	noLeadFill   = Color{255, 235, 238, 255}
	twoLeadsFill = Color{255, 243, 224, 255}
	twoLeadsCol  = Color{230, 81, 0, 255}
)

func roleRank(r model.Role) int {
	for i, v := range model.Roles {
		if v == r {
			return i
		}
	}
	return len(model.Roles)
}

// Roles draws a stakeholder × step matrix of a scenario's roles: each cell the
// strongest role of the stakeholder's cards at that step (with "+n" for more
// cards), steps without a lead and with two leads marked in their column, and
// a red arrow where a stakeholder only informed at a step leads the next one.
// The names and step headers are the scene's frozen bands for tiled prints.
func Roles(m *model.Map, scenario model.ID) *Scene {
	lb := analysisLabels
	sc := &Scene{Title: lb.RolesTitle, Background: white}
	var s *model.Scenario
	for _, v := range m.Scenarios {
		if v.ID == scenario || scenario == "" && s == nil {
			s = v
		}
	}
	if s == nil {
		sc.Width, sc.Height = 400, 80
		sc.Add(Item{Text: &Text{Rect: Rect{rolesMargin, 12, 360, 20}, Lines: []string{lb.RolesTitle}, Size: 14, Bold: true, Color: black}})
		sc.Print = PrintHints{Default: FitWhenReadable, Heading: lb.RolesTitle}
		return sc
	}
	res, _ := analysis.Analyze(m, analysis.Options{Scenario: s.ID})
	noLead, twoLeads := map[model.ID]bool{}, map[model.ID]bool{}
	type cell struct{ step, sh model.ID }
	informedThen := map[cell]bool{}
	if res != nil {
		for _, f := range res.Findings {
			switch f.Kind {
			case analysis.KindNoLead:
				noLead[f.Steps[0]] = true
			case analysis.KindTwoLeads:
				twoLeads[f.Steps[0]] = true
			case analysis.KindInformedThenLeads:
				informedThen[cell{f.Steps[0], f.Stakeholders[0]}] = true
			}
		}
	}
	cards := map[cell][]*model.Contribution{}
	for _, c := range s.Contributions {
		k := cell{c.Step, c.Stakeholder}
		cards[k] = append(cards[k], c)
	}

	left := float32(rolesMargin + rolesNameW)
	top := float32(rolesTitleH + rolesHeadH)
	sc.LeftBand, sc.TopBand = left, top
	sc.Width = left + float32(len(s.Steps))*rolesColW + rolesMargin
	gridH := float32(len(m.Stakeholders)) * rolesRowH
	sc.Add(Item{Text: &Text{Rect: Rect{rolesMargin, 10, max(sc.Width-2*rolesMargin, 300), 20},
		Lines: []string{titleOf(m, lb.RolesTitle) + " — " + s.Name}, Size: 14, Bold: true, Color: black}})

	// Row stripes and names.
	for i, sh := range m.Stakeholders {
		y := top + float32(i)*rolesRowH
		tgt := Target{Kind: model.EntityStakeholder, ID: sh.ID}
		if i%2 == 1 {
			sc.Add(Item{Box: &Box{Rect: Rect{rolesMargin, y, sc.Width - 2*rolesMargin, rolesRowH}, Fill: Color{248, 248, 248, 255}}})
		}
		sc.Add(Item{Target: tgt, Group: "lane:" + string(sh.ID), Circle: &Circle{Center: Point{rolesMargin + 6, y + rolesRowH/2}, Radius: 4, Fill: kindColour(sh.Kind)}})
		sc.Add(Item{Target: tgt, Group: "lane:" + string(sh.ID), Text: &Text{Rect: Rect{rolesMargin + 14, y + 7, rolesNameW - 20, 11},
			Lines: []string{ellipsis(sh.Name, 8.5, rolesNameW-20)}, Size: 8.5, Color: black}})
	}
	// Columns: tint, header, marks.
	for j, st := range s.Steps {
		x := left + float32(j)*rolesColW
		tgt := Target{Kind: model.EntityStep, ID: st.ID}
		group := "step:" + string(st.ID)
		switch {
		case noLead[st.ID]:
			sc.Add(Item{Target: tgt, Group: group, Box: &Box{Rect: Rect{x, rolesTitleH, rolesColW, rolesHeadH + gridH}, Fill: noLeadFill}})
		case twoLeads[st.ID]:
			sc.Add(Item{Target: tgt, Group: group, Box: &Box{Rect: Rect{x, rolesTitleH, rolesColW, rolesHeadH + gridH}, Fill: twoLeadsFill}})
		}
		name := stepName(st)
		lines := wrapText(name, 8, rolesColW-8, true)
		if len(lines) > 3 {
			lines = lines[:3]
			lines[2] = ellipsis(lines[2]+"…", 8, rolesColW-8)
		}
		for i := range lines {
			lines[i] = ellipsis(lines[i], 8, rolesColW-8)
		}
		sc.Add(Item{Target: tgt, Group: group, Text: &Text{Rect: Rect{x + 4, rolesTitleH + 4, rolesColW - 8, 30}, Lines: lines, Size: 8, Bold: true, Color: black, Align: AlignCenter}})
		if st.Timing != "" {
			sc.Add(Item{Target: tgt, Group: group, Text: &Text{Rect: Rect{x + 4, rolesTitleH + 36, rolesColW - 8, 10}, Lines: []string{ellipsis(st.Timing, 7, rolesColW-8)}, Size: 7, Color: grey, Align: AlignCenter}})
		}
		mark := func(text string, col Color) {
			sc.Add(Item{Target: tgt, Group: group, Text: &Text{Rect: Rect{x + 2, top - 13, rolesColW - 4, 10}, Lines: []string{text}, Size: 7.5, Bold: true, Color: col, Align: AlignCenter}})
		}
		if noLead[st.ID] {
			mark("! "+lb.NoLead, highRed)
		} else if twoLeads[st.ID] {
			mark("! "+lb.TwoLeads, twoLeadsCol)
		}
		sc.Add(Item{Path: &Path{Points: []Point{{x, rolesTitleH}, {x, top + gridH}}, Stroke: lightGrey, Width: 0.6}})
	}
	sc.Add(Item{Path: &Path{Points: []Point{{rolesMargin, top}, {sc.Width - rolesMargin, top}}, Stroke: grey, Width: 1}})

	// Role cells.
	for i, sh := range m.Stakeholders {
		y := top + float32(i)*rolesRowH
		for j, st := range s.Steps {
			cs := cards[cell{st.ID, sh.ID}]
			if len(cs) == 0 {
				continue
			}
			best := cs[0]
			for _, c := range cs[1:] {
				if roleRank(c.Role) < roleRank(best.Role) {
					best = c
				}
			}
			style, ok := roleStyles[best.Role]
			if !ok {
				style = roleStyles[model.RoleInformed]
			}
			x := left + float32(j)*rolesColW
			r := Rect{x + 4, y + 3, rolesColW - 8, rolesRowH - 6}
			tgt := Target{Kind: model.EntityContribution, ID: best.ID}
			// Not "card:": a page with card groups is a board and
			// gets the board's legend, whose role colours are not these.
			group := "role:" + string(best.ID)
			b := &Box{Rect: r, Fill: style.fill, Radius: 3}
			if style.stroke.A > 0 {
				b.Stroke, b.StrokeWidth = style.stroke, 1
			}
			if informedThen[cell{st.ID, sh.ID}] {
				b.Stroke, b.StrokeWidth, b.Dashed = highRed, 1.5, true
			}
			sc.Add(Item{Target: tgt, Group: group, Box: b})
			text := lb.Roles[string(best.Role)]
			if text == "" {
				text = string(best.Role)
			}
			if len(cs) > 1 {
				text += " +" + gridTick(min(len(cs)-1, 9))
			}
			sc.Add(Item{Target: tgt, Group: group, Text: &Text{Rect: Rect{r.X, r.Y + 4, r.W, 10}, Lines: []string{ellipsis(text, 7.5, r.W-4)}, Size: 7.5, Bold: best.Role == model.RoleLead, Color: style.text, Align: AlignCenter}})
			if informedThen[cell{st.ID, sh.ID}] {
				sc.Add(Item{Target: tgt, Group: group, Path: &Path{Points: []Point{{r.X + r.W - 4, y + rolesRowH/2}, {r.X + r.W + 12, y + rolesRowH/2}},
					Stroke: highRed, Width: 1.5, ArrowEnd: true}})
			}
		}
	}

	// What pages print: the matrix without the title, which the page
	// header says, and without the legend, which the page foot prints;
	// tiles begin at a column's or a row's edge.
	matrixW := float32(len(s.Steps)) * rolesColW
	sc.Print = PrintHints{
		Default: FitWhenReadable,
		Area:    Rect{rolesMargin - 4, rolesTitleH, left + matrixW + 4 - (rolesMargin - 4), top + gridH + 6 - rolesTitleH},
		Heading: lb.RolesTitle,
		Legend:  rolesLegend(),
	}
	for j := range s.Steps {
		sc.Print.CutsX = append(sc.Print.CutsX, left+float32(j)*rolesColW)
	}
	for i := range m.Stakeholders {
		sc.Print.CutsY = append(sc.Print.CutsY, top+float32(i)*rolesRowH)
	}

	// Legend.
	y := top + gridH + 14
	x := float32(rolesMargin)
	for _, role := range model.Roles {
		st := roleStyles[role]
		b := &Box{Rect: Rect{x, y, 44, 14}, Fill: st.fill, Radius: 3}
		if st.stroke.A > 0 {
			b.Stroke, b.StrokeWidth = st.stroke, 1
		}
		sc.Add(Item{Box: b})
		sc.Add(Item{Text: &Text{Rect: Rect{x, y + 3, 44, 10}, Lines: []string{lb.Roles[string(role)]}, Size: 7, Color: st.text, Align: AlignCenter}})
		x += 52
	}
	x += 10
	legendMark := func(fill Color, text string, col Color) {
		sc.Add(Item{Box: &Box{Rect: Rect{x, y, 14, 14}, Fill: fill}})
		x += 18
		sc.Add(Item{Text: &Text{Rect: Rect{x, y + 3, MeasureText(text, 8, false) + 4, 10}, Lines: []string{text}, Size: 8, Color: col}})
		x += MeasureText(text, 8, false) + 16
	}
	legendMark(noLeadFill, lb.NoLead, grey)
	legendMark(twoLeadsFill, lb.TwoLeads, grey)
	sc.Add(Item{Box: &Box{Rect: Rect{x, y, 30, 14}, Stroke: highRed, StrokeWidth: 1.5, Dashed: true, Radius: 3}})
	sc.Add(Item{Path: &Path{Points: []Point{{x + 26, y + 7}, {x + 40, y + 7}}, Stroke: highRed, Width: 1.5, ArrowEnd: true}})
	x += 46
	sc.Add(Item{Text: &Text{Rect: Rect{x, y + 3, MeasureText(lb.InformedThenLeads, 8, false) + 4, 10}, Lines: []string{lb.InformedThenLeads}, Size: 8, Color: grey}})
	x += MeasureText(lb.InformedThenLeads, 8, false) + 10
	sc.Width = max(sc.Width, x+rolesMargin)
	sc.Height = y + 14 + rolesMargin
	return sc
}

func stepName(st *model.Step) string {
	if st.Name != "" {
		return st.Name
	}
	return string(st.ID)
}

// rolesLegend is the key of the roles matrix on paper: the cells' colours
// and the marks of a column without a lead, with two leads, and of a
// stakeholder only informed the step before it leads.
func rolesLegend() []LegendSection {
	roles := LegendSection{Title: "Roles"}
	for _, r := range model.Roles {
		st := roleStyles[r]
		e := LegendEntry{Label: "role." + string(r), Swatch: SwatchBox, Fill: st.fill, Stroke: st.fill, StrokeWidth: 0.5}
		if st.stroke.A > 0 {
			e.Stroke, e.StrokeWidth = st.stroke, 1
		}
		roles.Entries = append(roles.Entries, e)
	}
	en := englishLabels
	signals := LegendSection{Title: "Signals", Entries: []LegendEntry{
		{Label: en.NoLead, Swatch: SwatchBox, Fill: noLeadFill, Stroke: noLeadFill},
		{Label: en.TwoLeads, Swatch: SwatchBox, Fill: twoLeadsFill, Stroke: twoLeadsFill},
		{Label: en.InformedThenLeads, Swatch: SwatchBox, Stroke: highRed, StrokeWidth: 1.2, Dashed: true},
	}}
	return []LegendSection{roles, signals}
}
