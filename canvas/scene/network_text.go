package scene

import (
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// Text measuring for the analysis views with the Go fonts the exporters
// embed. TODO: switch to MeasureText from text.go once the board-engineer's
// version lands, so every view shares one implementation.
var (
	advOnce  sync.Once
	advMu    sync.Mutex
	advFonts [2]*sfnt.Font
	advCache [2]map[rune]float32 // advance per rune at size 1
)

func advance(r rune, bold bool) float32 {
	advOnce.Do(func() {
		advFonts[0], _ = sfnt.Parse(goregular.TTF)
		advFonts[1], _ = sfnt.Parse(gobold.TTF)
		advCache[0], advCache[1] = map[rune]float32{}, map[rune]float32{}
	})
	i := 0
	if bold {
		i = 1
	}
	advMu.Lock()
	defer advMu.Unlock()
	if a, ok := advCache[i][r]; ok {
		return a
	}
	a := float32(0.55)
	if f := advFonts[i]; f != nil {
		var buf sfnt.Buffer
		upem := f.UnitsPerEm()
		if g, err := f.GlyphIndex(&buf, r); err == nil && g != 0 {
			if adv, err := f.GlyphAdvance(&buf, g, fixed.Int26_6(upem), font.HintingNone); err == nil {
				a = float32(adv) / float32(upem)
			}
		}
	}
	advCache[i][r] = a
	return a
}

// textWidth returns the width of s at size in the Go font.
func textWidth(s string, size float32, bold bool) float32 {
	var w float32
	for _, r := range s {
		w += advance(r, bold)
	}
	return w * size
}
