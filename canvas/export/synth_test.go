package export

import (
	"fmt"

	"valueflow/canvas/scene"
	"valueflow/model"
)

// synthScene builds a board-like scene without the board: a top band of
// step headers, a left band of lane names, cards with wrapped text, smooth
// flows with arrow heads and an experience curve. It lets the exporters be
// tested on every primitive before (and independently of) the real board.
func synthScene(lanes, steps int) (*scene.Scene, []string) {
	const left, top, colW, laneH, cardW, cardH = 150, 90, 170, 90, 150, 64
	s := &scene.Scene{Title: "Synthetic", Width: left + colW*float32(steps), Height: top + laneH*float32(lanes),
		LeftBand: left, TopBand: top, Background: scene.Color{R: 255, G: 255, B: 255, A: 255}}
	black := scene.Color{R: 30, G: 30, B: 30, A: 255}
	grey := scene.Color{R: 200, G: 200, B: 200, A: 255}
	var values []string
	for l := 0; l < lanes; l++ {
		y := top + laneH*float32(l)
		g := fmt.Sprintf("lane:h%d", l)
		fill := scene.Color{R: 246, G: 248, B: 250, A: 255}
		if l%2 == 1 {
			fill = scene.Color{R: 255, G: 255, B: 255, A: 255}
		}
		s.Add(scene.Item{Group: g, Target: scene.Target{Kind: model.EntityStakeholder, ID: model.ID(fmt.Sprintf("h%d", l))},
			Box: &scene.Box{Rect: scene.Rect{X: 0, Y: y, W: s.Width, H: laneH}, Fill: fill, Stroke: grey, StrokeWidth: 0.5}})
		s.Add(scene.Item{Group: g, Text: &scene.Text{Rect: scene.Rect{X: 8, Y: y + 8, W: left - 16, H: laneH - 16},
			Lines: []string{fmt.Sprintf("Lane %d", l), "Thuiszorg é ë ï"}, Size: 10, Bold: true, Color: black}})
	}
	for st := 0; st < steps; st++ {
		x := left + colW*float32(st)
		g := fmt.Sprintf("step:s%d", st)
		s.Add(scene.Item{Group: g, Box: &scene.Box{Rect: scene.Rect{X: x + 2, Y: 4, W: colW - 4, H: top - 8}, Fill: scene.Color{R: 227, G: 235, B: 245, A: 255}, Radius: 4}})
		s.Add(scene.Item{Group: g, Text: &scene.Text{Rect: scene.Rect{X: x + 6, Y: 10, W: colW - 12, H: 30},
			Lines: []string{fmt.Sprintf("Step %d", st+1), "week 1–2"}, Size: 10, Bold: true, Color: black, Align: scene.AlignCenter}})
	}
	// Experience curve in the top band.
	var pts []scene.Point
	for st := 0; st < steps; st++ {
		pts = append(pts, scene.Point{X: left + colW*float32(st) + colW/2, Y: 60 + float32((st*7)%5)*5})
	}
	s.Add(scene.Item{Group: "experience", Path: &scene.Path{Points: pts, Stroke: scene.Color{R: 198, G: 40, B: 40, A: 255}, Width: 2, Smooth: true}})
	for _, p := range pts {
		s.Add(scene.Item{Group: "experience", Circle: &scene.Circle{Center: p, Radius: 3, Fill: scene.Color{R: 46, G: 125, B: 50, A: 255}}})
	}
	type card struct{ x, y float32 }
	var cards []card
	n := 0
	for l := 0; l < lanes; l++ {
		for st := 0; st < steps; st++ {
			if (l*3+st)%4 == 1 {
				continue
			}
			n++
			x := left + colW*float32(st) + (colW-cardW)/2
			y := top + laneH*float32(l) + (laneH-cardH)/2
			id := model.ID(fmt.Sprintf("c%d", n))
			g := "card:" + string(id)
			value := fmt.Sprintf("Waarde %d: zorg & <overdracht>", n)
			values = append(values, value)
			s.Add(scene.Item{Group: g, Target: scene.Target{Kind: model.EntityContribution, ID: id},
				Box: &scene.Box{Rect: scene.Rect{X: x, Y: y, W: cardW, H: cardH}, Fill: scene.Color{R: 255, G: 236, B: 179, A: 255},
					Stroke: black, StrokeWidth: float32(1 + n%2), Radius: 5, Dashed: n%5 == 0}})
			s.Add(scene.Item{Group: g, Target: scene.Target{Kind: model.EntityContribution, ID: id},
				Text: &scene.Text{Rect: scene.Rect{X: x + 6, Y: y + 6, W: cardW - 12, H: cardH - 12},
					Lines: []string{value, "beschrijving van de", "bijdrage"}, Size: 9, Color: black}})
			cards = append(cards, card{x, y})
		}
	}
	for i := 1; i < len(cards); i += 2 {
		a, b := cards[i-1], cards[i]
		p0 := scene.Point{X: a.x + cardW, Y: a.y + cardH/2}
		p1 := scene.Point{X: b.x, Y: b.y + cardH/2}
		mid := scene.Point{X: (p0.X + p1.X) / 2, Y: (p0.Y+p1.Y)/2 + 10}
		s.Add(scene.Item{Group: fmt.Sprintf("flow:f%d", i), Path: &scene.Path{Points: []scene.Point{p0, mid, p1},
			Stroke: scene.Color{R: 21, G: 101, B: 192, A: 200}, Width: 1.5, Smooth: true, ArrowEnd: true, Dashed: i%3 == 0}})
	}
	return s, values
}
