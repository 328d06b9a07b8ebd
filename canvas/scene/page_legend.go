package scene

// DefaultLegend explains the board's visual language on paper: roles
// (card borders), capitals (card colours), flow kinds (arrows) and the
// experience scale. The colours and strokes are legendStyle's, which mirror
// the board's.
func DefaultLegend() []LegendSection {
	st := legendStyle
	roles := LegendSection{Title: "Roles"}
	for _, r := range st.roles {
		roles.Entries = append(roles.Entries, LegendEntry{Label: r.label, Swatch: SwatchBox, Fill: Color{255, 255, 255, 255}, Stroke: r.stroke, StrokeWidth: r.width, Dashed: r.dashed})
	}
	capitals := LegendSection{Title: "Capitals"}
	for _, c := range st.capitals {
		capitals.Entries = append(capitals.Entries, LegendEntry{Label: c.label, Swatch: SwatchBox, Fill: c.fill, Stroke: Color{120, 120, 120, 255}, StrokeWidth: 0.5})
	}
	flows := LegendSection{Title: "Flows"}
	for _, f := range st.flows {
		flows.Entries = append(flows.Entries, LegendEntry{Label: f.label, Swatch: SwatchLine, Stroke: f.stroke, StrokeWidth: f.width, Dashed: f.dashed})
	}
	exp := LegendSection{Title: "Experience"}
	for _, e := range st.experience {
		exp.Entries = append(exp.Entries, LegendEntry{Label: e.label, Swatch: SwatchDot, Fill: e.fill, Stroke: Color{80, 80, 80, 255}, StrokeWidth: 0.4})
	}
	return []LegendSection{roles, capitals, flows, exp}
}

type legendStroke struct {
	label  string
	stroke Color
	width  float32
	dashed bool
}

type legendFill struct {
	label string
	fill  Color
}

// legendStyle is the board's visual language as the legend shows it.
var legendStyle = struct {
	roles, flows         []legendStroke
	capitals, experience []legendFill
}{
	roles: []legendStroke{
		{"lead", Color{30, 30, 30, 255}, 2, false},
		{"contributes", Color{80, 80, 80, 255}, 1, false},
		{"consulted", Color{110, 110, 110, 255}, 1, true},
		{"informed", Color{170, 170, 170, 255}, 0.6, true},
	},
	capitals: []legendFill{
		{"economic", Color{255, 236, 179, 255}},
		{"social", Color{200, 230, 201, 255}},
		{"cultural", Color{187, 222, 251, 255}},
		{"none", Color{245, 245, 245, 255}},
	},
	flows: []legendStroke{
		{"hand-off", Color{55, 71, 79, 255}, 1.4, false},
		{"referral", Color{21, 101, 192, 255}, 1.2, false},
		{"information", Color{96, 125, 139, 255}, 1, true},
		{"resource", Color{230, 81, 0, 255}, 1.2, false},
	},
	experience: []legendFill{
		{"−2", Color{198, 40, 40, 255}},
		{"−1", Color{239, 108, 0, 255}},
		{"0", Color{189, 189, 189, 255}},
		{"+1", Color{124, 179, 66, 255}},
		{"+2", Color{46, 125, 50, 255}},
	},
}
