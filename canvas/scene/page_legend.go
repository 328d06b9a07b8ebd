package scene

import "valueflow/model"

// DefaultLegend explains the board's visual language on paper, drawn with
// the board's own colours and strokes so a printed sheet reads like the
// screen: the role badge on each card, the capital and evidence words in
// its small print, every kind of flow line and how criticality thickens
// it, and the experience curves. Labels are translation keys or English
// words; pagination puts them through PageInfo.Translate.
func DefaultLegend() []LegendSection {
	roles := LegendSection{Title: "Roles"}
	for _, r := range model.Roles {
		roles.Entries = append(roles.Entries, LegendEntry{Label: "role." + string(r), Swatch: SwatchBox, Fill: roleColours[r], Stroke: roleColours[r], StrokeWidth: 0.5})
	}
	// Cards name their capital and evidence in muted small print; the key
	// shows the same words in the same ink.
	capitals := LegendSection{Title: "Capital"}
	for _, c := range model.Capitals {
		capitals.Entries = append(capitals.Entries, LegendEntry{Label: "capital." + string(c), Swatch: SwatchWord, Stroke: boardMuted})
	}
	evidence := LegendSection{Title: "Evidence"}
	for _, e := range model.Evidences {
		evidence.Entries = append(evidence.Entries, LegendEntry{Label: "evidence." + string(e), Swatch: SwatchWord, Stroke: boardMuted})
	}
	flows := LegendSection{Title: "Flows"}
	for _, k := range model.FlowKinds {
		st := FlowStyle(k, model.CriticalityNormal)
		flows.Entries = append(flows.Entries, LegendEntry{Label: "flow." + string(k), Swatch: SwatchLine, Stroke: st.Stroke, StrokeWidth: st.Width, Dashed: st.Dashed})
	}
	crit := LegendSection{Title: "Criticality"}
	for _, c := range model.Criticalities {
		st := FlowStyle(model.FlowHandOff, c)
		crit.Entries = append(crit.Entries, LegendEntry{Label: "criticality." + string(c), Swatch: SwatchLine, Stroke: st.Stroke, StrokeWidth: st.Width, Dashed: st.Dashed})
	}
	exp := LegendSection{Title: "Experience", Entries: []LegendEntry{
		{Label: "patient", Swatch: SwatchCurve, Stroke: boardCurve, StrokeWidth: 1.6},
		{Label: "carer", Swatch: SwatchCurve, Stroke: boardCarer, StrokeWidth: 1.6},
		{Label: "−2 … +2", Swatch: SwatchDot, Fill: boardCurve, Stroke: boardCurve, StrokeWidth: 0.4},
	}}
	return []LegendSection{roles, capitals, evidence, flows, crit, exp}
}
