package scene

import "valueflow/model"

// LineStyle is how a line is stroked: the board draws each flow with the
// style of its kind and criticality, and the printed legend draws its key
// with the same, so paper and screen read alike.
type LineStyle struct {
	Stroke Color
	Width  float32
	Dashed bool
}

// Flow colours, each with at least 3:1 contrast on every lane (the lanes
// are light tints) and told apart by hue and, for the two kinds that pass
// knowledge or means rather than the patient, by a dashed line.
var (
	flowHandOff     = Color{52, 58, 64, 255}   // dark grey, solid: the patient passes on
	flowReferral    = Color{111, 66, 193, 255} // purple, solid
	flowInformation = Color{11, 114, 133, 255} // teal, dashed
	flowResource    = Color{176, 80, 0, 255}   // burnt orange, dashed
	flowBroken      = Color{200, 35, 51, 255}  // red, dashed: breaks in a what-if
)

// Flow widths by criticality.
const (
	flowWidthLow    = 0.8
	flowWidthNormal = 1.2
	flowWidthHigh   = 2.6
)

// FlowStyle is the line of a flow of kind and criticality on the board. An
// unknown kind is drawn as a hand-off.
func FlowStyle(kind model.FlowKind, criticality model.Criticality) LineStyle {
	st := LineStyle{Stroke: flowHandOff, Width: flowWidth(criticality)}
	switch kind {
	case model.FlowReferral:
		st.Stroke = flowReferral
	case model.FlowInformation:
		st.Stroke, st.Dashed = flowInformation, true
	case model.FlowResource:
		st.Stroke, st.Dashed = flowResource, true
	}
	return st
}

// BrokenFlowStyle is the line of a flow that breaks when a stakeholder
// drops out (BoardOptions.Without), whatever its kind.
func BrokenFlowStyle(criticality model.Criticality) LineStyle {
	return LineStyle{Stroke: flowBroken, Width: max(flowWidth(criticality), flowWidthNormal), Dashed: true}
}

func flowWidth(c model.Criticality) float32 {
	switch c {
	case model.CriticalityHigh:
		return flowWidthHigh
	case model.CriticalityLow:
		return flowWidthLow
	}
	return flowWidthNormal
}
