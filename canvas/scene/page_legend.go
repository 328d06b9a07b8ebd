package scene

import "valueflow/model"

// DefaultLegend explains the board's visual language on paper, drawn with
// the board's own colours and strokes so a printed sheet reads like the
// screen: the role badge on each card, the flow lines, and the experience
// curves. Capitals and evidence are printed as words on the cards, so they
// need no key. Labels are translation keys or English words; pagination puts
// them through PageInfo.Translate.
func DefaultLegend() []LegendSection {
	roles := LegendSection{Title: "Roles"}
	for _, r := range model.Roles {
		roles.Entries = append(roles.Entries, LegendEntry{Label: "role." + string(r), Swatch: SwatchBox, Fill: roleColours[r], Stroke: roleColours[r], StrokeWidth: 0.5})
	}
	flows := LegendSection{Title: "Flows", Entries: []LegendEntry{
		{Label: "flow.hand-off", Swatch: SwatchLine, Stroke: boardFlowInk, StrokeWidth: 1.1},
		{Label: "flow.information", Swatch: SwatchLine, Stroke: boardFlowInk, StrokeWidth: 1.1, Dashed: true},
		{Label: "high criticality", Swatch: SwatchLine, Stroke: boardFlowInk, StrokeWidth: 2.4},
	}}
	exp := LegendSection{Title: "Experience", Entries: []LegendEntry{
		{Label: "patient", Swatch: SwatchLine, Stroke: boardCurve, StrokeWidth: 1.6},
		{Label: "carer", Swatch: SwatchLine, Stroke: boardCarer, StrokeWidth: 1.6},
		{Label: "−2 … +2", Swatch: SwatchDot, Fill: boardCurve, Stroke: boardCurve, StrokeWidth: 0.4},
	}}
	return []LegendSection{roles, flows, exp}
}
