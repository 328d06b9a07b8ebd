package scene

import "valueflow/model"

// Sizes of the corner above the lane headers.
const (
	cornerX          = 8
	cornerW          = boardLaneHeader - 16
	cornerSmall      = 7.5 // size of the purpose, region and filter lines
	cornerLine       = 9.5 // their line height
	cornerMaxPurpose = 3
	// cornerNarrowW keeps a line clear of the experience scale (+2, 0, −2)
	// and the day scale's unit at the corner's right edge.
	cornerNarrowW = boardLaneHeader - 44
)

// drawCorner writes in the board's top-left corner what a printed board is
// about: the map's title, the scenario with the network stage, the filter
// or what-if shown (a coalition, a stakeholder left out), the region and
// the purpose ("stip op de horizon", wrapped and cut with an ellipsis to
// the lines left above bottom, at most three). Lines below narrowFrom keep clear of the
// scales at the corner's right edge. It returns the y below its last line.
func drawCorner(s *Scene, ar *arena, m *model.Map, sc *model.Scenario, opt BoardOptions, narrowFrom, bottom float32) float32 {
	width := func(y, h float32) float32 {
		if y+h > narrowFrom {
			return cornerNarrowW
		}
		return cornerW
	}
	title := WrapTextMax(m.Title, 10, cornerW, true, 2)
	y := float32(4)
	if len(title) > 0 && title[0] != "" {
		s.Add(Item{Group: "corner", Text: ar.text(Text{Rect: Rect{cornerX, y, cornerW, float32(len(title)) * 12}, Lines: title, Size: 10, Bold: true, Color: boardInk})})
		y += float32(len(title))*12 + 2
	}
	// The scenario shown, with the network stage.
	sub := sc.Name
	if m.Stage != model.StageNone {
		sub += " · " + opt.word("stage."+string(m.Stage))
	}
	s.Add(Item{Group: "corner", Text: ar.text(Text{Rect: Rect{cornerX, y, cornerW, 11}, Lines: []string{Ellipsis(sub, 8, cornerW, false)}, Size: 8, Italic: true, Color: boardMuted})})
	y += 12
	line := func(text string, bold bool, colour Color) {
		w := width(y, cornerLine)
		s.Add(Item{Group: "corner", Text: ar.text(Text{Rect: Rect{cornerX, y, w, cornerLine}, Lines: []string{Ellipsis(text, cornerSmall, w, bold)}, Size: cornerSmall, Bold: bold, Color: colour})})
		y += cornerLine
	}
	if co := m.Coalition(opt.Coalition); opt.Coalition != "" && co != nil {
		line(opt.word("Coalition")+": "+co.Name, true, boardInk)
	}
	if sh := m.Stakeholder(opt.Without); opt.Without != "" && sh != nil {
		line(opt.word("whatif.without")+" "+sh.Name, true, flowBroken)
	}
	if m.Region != "" {
		line(m.Region, false, boardMuted)
	}
	// The purpose takes the lines left; when a long title, a filter and a
	// what-if fill the corner it is left out (the printed page names it).
	if n := min(cornerMaxPurpose, int((bottom-y)/cornerLine)); m.Purpose != "" && n > 0 {
		text := opt.word("Purpose") + ": " + m.Purpose
		w := float32(cornerW)
		lines := WrapTextMax(text, cornerSmall, w, false, n)
		if w = width(y, float32(len(lines))*cornerLine); w != cornerW {
			lines = WrapTextMax(text, cornerSmall, w, false, n)
		}
		s.Add(Item{Group: "corner", Text: ar.text(Text{Rect: Rect{cornerX, y, w, float32(len(lines)) * cornerLine}, Lines: lines, Size: cornerSmall, Italic: true, Color: boardMuted})})
		y += float32(len(lines)) * cornerLine
	}
	return y
}
