package scene

import (
	"math"
	"testing"

	"valueflow/model"
	"valueflow/model/sample"
	"valueflow/model/templates"
)

// luminance is the WCAG relative luminance of an opaque colour.
func luminance(c Color) float64 {
	ch := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.03928 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*ch(c.R) + 0.7152*ch(c.G) + 0.0722*ch(c.B)
}

func contrast(a, b Color) float64 {
	la, lb := luminance(a), luminance(b)
	return (math.Max(la, lb) + 0.05) / (math.Min(la, lb) + 0.05)
}

// over paints c with its alpha over an opaque background.
func over(c, bg Color) Color {
	a := float64(c.A) / 255
	mix := func(x, y uint8) uint8 { return uint8(math.Round(float64(x)*a + float64(y)*(1-a))) }
	return Color{mix(c.R, bg.R), mix(c.G, bg.G), mix(c.B, bg.B), 255}
}

// TestBoardTextHasEnoughContrast checks every text on the board of the
// sample and of each template against what lies under it: at least 4.5:1
// (WCAG AA). The board draws its own light paper in both themes, so one
// check covers the light and the dark theme. Dimmed text (the rest of the
// map while a chain is in focus) is left out on purpose.
func TestBoardTextHasEnoughContrast(t *testing.T) {
	maps := []*model.Map{sample.Map()}
	for _, tpl := range templates.All() {
		maps = append(maps, tpl.Map())
	}
	for _, m := range maps {
		s := Board(m, m.Scenarios[0].ID, BoardOptions{})
		for i, it := range s.Items {
			if it.Text == nil || it.Emphasis == Dimmed || len(it.Text.Lines) == 0 {
				continue
			}
			// The background is every filled box under the text's middle, painted in order.
			bg := s.Background
			mid := Point{it.Text.X + 2, it.Text.Y + it.Text.Size/2}
			for _, under := range s.Items[:i] {
				if under.Box != nil && under.Box.Fill.A > 0 && under.Box.Rect.Contains(mid) {
					bg = over(under.Box.Fill, bg)
				}
			}
			if c := contrast(over(it.Text.Color, bg), bg); c < 4.5 {
				t.Errorf("%s: %q has contrast %.2f:1 on its background", m.Title, it.Text.Lines[0], c)
			}
		}
	}
}
