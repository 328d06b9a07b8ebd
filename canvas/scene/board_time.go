package scene

import (
	"strconv"

	"valueflow/model"
)

// The real time axis. Each step starts on its start day when it has one
// (a start day after day 0), and otherwise when the step before it ended
// plus its own waiting time, the running sum of the journey. A column is as
// wide as its duration (never narrower than a card); the space before it is
// the time since the step before it ended, or its waiting time when that is
// longer, so waiting and idle time are visible gaps; a step that starts
// while the one before still runs follows it directly. A day scale under the
// step headers says which days each column covers.

const (
	boardAxisBand = 16 // height of the day scale under the step headers
	boardMaxDayW  = 12 // units per day on the time axis, at most
	boardMinDayW  = 2
)

// stepDays are the first and last day of each step on the time axis.
func stepDays(steps []*model.Step) (start, end []int) {
	start, end = make([]int, len(steps)), make([]int, len(steps))
	prev := 0
	for i, st := range steps {
		s := prev + max(st.WaitDays, 0)
		if st.StartDay > 0 {
			s = st.StartDay
		}
		start[i], end[i] = s, s+max(st.DurationDays, 0)
		prev = end[i]
	}
	return start, end
}

// daySegment is a stretch of the day scale: days d0..d1 drawn over x0..x1.
type daySegment struct {
	x0, x1 float32
	d0, d1 int
}

// timeColumns lays the columns out on the time axis: colX as in
// BoardLayout, gap[i] the space before step i's column body, wait[i] the
// part of it that is the step's own waiting time (drawn grey, right before
// the body), and the segments of the day scale.
func timeColumns(steps []*model.Step, left float32) (colX, gap, wait []float32, segs []daySegment) {
	start, end := stepDays(steps)
	colX = make([]float32, len(steps)+1)
	gap, wait = make([]float32, len(steps)), make([]float32, len(steps))
	colX[0] = left
	// Long journeys (a year of check-ups) get fewer units per day, so the
	// board stays about two and a half columns wide per step.
	dayW := float32(boardMaxDayW)
	if n := len(steps); n > 0 {
		first, last := start[0], end[0]
		for i := range steps {
			first, last = min(first, start[i]), max(last, end[i])
		}
		if span := last - first; span > 0 {
			dayW = max(boardMinDayW, min(boardMaxDayW, float32(n)*boardColumn*2.5/float32(span)))
		}
	}
	for i, st := range steps {
		idle := 0
		if i > 0 {
			idle = start[i] - end[i-1]
		}
		if days := max(st.WaitDays, idle); days > 0 {
			gap[i] = max(boardMinGap, float32(days)*dayW)
		}
		if st.WaitDays > 0 {
			wait[i] = min(gap[i], max(boardMinGap, float32(st.WaitDays)*dayW))
		}
		body := colX[i] + gap[i]
		w := max(boardColumn, float32(end[i]-start[i])*dayW)
		colX[i+1] = body + w
		if i > 0 && idle > 0 && idle >= st.WaitDays {
			segs = append(segs, daySegment{colX[i], body, end[i-1], start[i]})
		}
		segs = append(segs, daySegment{body, colX[i+1], start[i], end[i]})
	}
	return colX, gap, wait, segs
}

// drawDayScale draws the day scale at the bottom of the band below the
// step headers: a tick per day (per week or four weeks when days are too
// close), and the day number (counted from 1) at each step's first day and
// wherever there is room.
func drawDayScale(s *Scene, ar *arena, segs []daySegment, unit string) {
	y := float32(boardStepHeader + boardAxisBand - 3)
	s.Add(Item{Group: "axis", Text: ar.text(Text{Rect: Rect{8, y - 11, boardLaneHeader - 16, 9}, Lines: []string{Ellipsis(unit, 7, boardLaneHeader-16, false)}, Size: 7, Color: boardMuted, Align: AlignRight})})
	lastLabel := float32(-1e9)
	label := func(x float32, day int) {
		text := strconv.Itoa(day + 1)
		w := MeasureText(text, 6.5, false)
		if x-w/2 < lastLabel+8 {
			return
		}
		lastLabel = x + w/2
		s.Add(Item{Group: "axis", Text: ar.text(Text{Rect: Rect{x - w/2 - 1, y - 12, w + 2, 8}, Lines: []string{text}, Size: 6.5, Color: boardMuted, Align: AlignCenter})})
	}
	for k, sg := range segs {
		days := sg.d1 - sg.d0
		per := float32(0)
		if days > 0 {
			per = (sg.x1 - sg.x0) / float32(days)
		}
		every := 1
		for _, e := range []int{1, 7, 28, 91, 364} {
			every = e
			if per*float32(e) >= 4 {
				break
			}
		}
		pts := []Point{{sg.x0, y}, {sg.x0, y - 5}, {sg.x0, y}}
		label(sg.x0, sg.d0)
		for d := sg.d0 + every; d <= sg.d1; d += every {
			x := sg.x0 + float32(d-sg.d0)*per
			// The last day of a step is the first of the next segment.
			if d == sg.d1 && k+1 < len(segs) && segs[k+1].x0-x < 1 {
				break
			}
			pts = append(pts, Point{x, y}, Point{x, y - 2.5}, Point{x, y})
			if per*float32(every) >= 26 || (d-sg.d0)%(every*7) == 0 {
				label(x, d)
			}
		}
		pts = append(pts, Point{sg.x1, y})
		s.Add(Item{Group: "axis", Path: ar.path(Path{Points: pts, Stroke: boardMuted, Width: 0.6})})
	}
}
