package scene

import (
	"slices"

	"valueflow/model"
)

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

// legendGroup is one section of a view's key: each entry with its words as
// the view shows them (already in the user's language) and, in the entry,
// the English key the printed page translates (PrintHints.Legend).
type legendGroup struct {
	title   string // a key: "Stakeholders"
	entries []LegendEntry
	words   []string
}

func (g *legendGroup) add(word string, e LegendEntry) {
	g.entries = append(g.entries, e)
	g.words = append(g.words, word)
}

// printLegend is the key as the page foot prints it.
func printLegend(groups []legendGroup) []LegendSection {
	out := make([]LegendSection, 0, len(groups))
	for _, g := range groups {
		out = append(out, LegendSection{Title: g.title, Entries: slices.Clone(g.entries)})
	}
	return out
}

// Sizes of a key drawn in a view (on the screen, and in an SVG or PNG).
const (
	keyTextSize = 8
	keyRowH     = 16
	keyLabelGap = 14
)

// addSceneLegend draws the key in the view, in rows from y (the middle of
// the first) between left and right, each entry its sample and its words;
// it returns the bottom of the last row.
func addSceneLegend(sc *Scene, groups []legendGroup, y, left, right float32) float32 {
	x := left
	for _, g := range groups {
		for k, e := range g.entries {
			word := g.words[k]
			tw := MeasureText(word, keyTextSize, false)
			sw := float32(27)
			switch e.Swatch {
			case SwatchDot:
				sw = 13
			case SwatchBadge:
				sw = 15
			case SwatchWord:
				sw = 0
			}
			if x > left && x+sw+tw > right {
				x, y = left, y+keyRowH
			}
			sx := x
			switch e.Swatch {
			case SwatchDot:
				sc.Add(Item{Group: "legend", Circle: &Circle{Center: Point{sx + 5, y}, Radius: 5, Fill: e.Fill}})
			case SwatchBadge:
				addBadge(sc, Target{}, "legend", Normal, Point{sx + 6, y}, e.Fill, e.Mark)
			case SwatchLine, SwatchCurve:
				sc.Add(Item{Group: "legend", Path: &Path{Points: []Point{{sx, y}, {sx + 22, y}}, Stroke: e.Stroke, Width: e.StrokeWidth, Dashed: e.Dashed}})
			case SwatchBox:
				sc.Add(Item{Group: "legend", Box: &Box{Rect: Rect{sx, y - 5, 22, 10}, Fill: e.Fill, Stroke: e.Stroke, StrokeWidth: e.StrokeWidth, Dashed: e.Dashed, Radius: 4}})
			}
			x += sw
			sc.Add(Item{Group: "legend", Text: &Text{Rect: Rect{x, y - 5, tw + 4, 10}, Lines: []string{word}, Size: keyTextSize, Italic: e.Swatch == SwatchWord, Color: grey}})
			x += tw + keyLabelGap
		}
	}
	return y + keyRowH/2
}
