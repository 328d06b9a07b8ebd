package scene

import (
	"strings"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// The fonts every view is measured in. The exporters embed the same bytes
// (the Go fonts), so a line breaks at the same word on screen, in the PDF,
// the SVG and the PNG.
var (
	FontRegular = goregular.TTF
	FontBold    = gobold.TTF
)

// fallbackAdvance is the advance (at size 1) of a rune the font lacks: about
// an average glyph, so unknown text still gets room.
const fallbackAdvance = 0.55

// latinRunes covers ASCII, Latin-1 and Latin Extended-A: every Dutch text.
// Their advances are read once into a table that needs no lock, so
// measuring a card's text costs a few array reads per rune.
const latinRunes = 0x250

var (
	textOnce  sync.Once
	textFonts [2]*sfnt.Font
	textTable [2][latinRunes]float32
	textMu    sync.Mutex
	textOther [2]map[rune]float32 // advances of rarer runes, filled on demand
)

func loadFonts() {
	for i, ttf := range [][]byte{FontRegular, FontBold} {
		f, err := sfnt.Parse(ttf)
		if err != nil {
			f = nil
		}
		textFonts[i] = f
		textOther[i] = map[rune]float32{}
		var buf sfnt.Buffer
		for r := rune(0); r < latinRunes; r++ {
			textTable[i][r] = glyphAdvance(f, &buf, r)
		}
	}
}

func glyphAdvance(f *sfnt.Font, buf *sfnt.Buffer, r rune) float32 {
	if f == nil {
		return fallbackAdvance
	}
	upem := f.UnitsPerEm()
	g, err := f.GlyphIndex(buf, r)
	if err != nil || g == 0 {
		return fallbackAdvance
	}
	adv, err := f.GlyphAdvance(buf, g, fixed.Int26_6(upem), font.HintingNone)
	if err != nil {
		return fallbackAdvance
	}
	return float32(adv) / float32(upem)
}

func runeAdvance(r rune, face int) float32 {
	if r >= 0 && r < latinRunes {
		return textTable[face][r]
	}
	textMu.Lock()
	defer textMu.Unlock()
	if a, ok := textOther[face][r]; ok {
		return a
	}
	var buf sfnt.Buffer
	a := glyphAdvance(textFonts[face], &buf, r)
	textOther[face][r] = a
	return a
}

// MeasureText returns the width of s (one line) at size in the Go font.
func MeasureText(s string, size float32, bold bool) float32 {
	textOnce.Do(loadFonts)
	face := 0
	if bold {
		face = 1
	}
	var w float32
	for _, r := range s {
		w += runeAdvance(r, face)
	}
	return w * size
}

// WrapText breaks s into lines no wider than width at size. Newlines in s
// start a new line; a word wider than width is broken between letters, so
// no line ever sticks out of its box.
func WrapText(s string, size, width float32, bold bool) []string {
	return WrapTextMax(s, size, width, bold, 0)
}

// WrapTextMax is WrapText keeping at most maxLines lines (0: no limit); when
// text is left over, the last line ends in an ellipsis that still fits.
func WrapTextMax(s string, size, width float32, bold bool, maxLines int) []string {
	var lines []string
	full := func() bool { return maxLines > 0 && len(lines) > maxLines }
	for _, para := range strings.Split(s, "\n") {
		line := ""
		lineW := float32(0)
		space := MeasureText(" ", size, bold)
		for _, word := range strings.Fields(para) {
			ww := MeasureText(word, size, bold)
			if line != "" && lineW+space+ww <= width {
				line += " " + word
				lineW += space + ww
				continue
			}
			if line != "" {
				lines = append(lines, line)
				if full() {
					break
				}
			}
			// A word longer than the line is cut into pieces that fit.
			for ww > width {
				head, rest := splitToWidth(word, size, width, bold)
				lines = append(lines, head)
				word = rest
				ww = MeasureText(word, size, bold)
			}
			line, lineW = word, ww
			if full() {
				break
			}
		}
		if full() {
			break
		}
		lines = append(lines, line)
	}
	if maxLines > 0 && len(lines) > maxLines {
		lines = lines[:maxLines]
		lines[maxLines-1] = Ellipsis(lines[maxLines-1]+"…", size, width, bold)
	}
	return lines
}

// Ellipsis shortens s to fit width, ending it in "…" when it had to cut.
func Ellipsis(s string, size, width float32, bold bool) string {
	if MeasureText(s, size, bold) <= width {
		return s
	}
	r := []rune(strings.TrimSuffix(s, "…"))
	for len(r) > 0 && MeasureText(string(r)+"…", size, bold) > width {
		r = r[:len(r)-1]
	}
	return strings.TrimRight(string(r), " ") + "…"
}

// splitToWidth returns the longest prefix of word (at least one rune) that
// fits width, and the rest.
func splitToWidth(word string, size, width float32, bold bool) (string, string) {
	face := 0
	if bold {
		face = 1
	}
	var w float32
	for i, r := range word {
		w += runeAdvance(r, face) * size
		if w > width && i > 0 {
			return word[:i], word[i:]
		}
	}
	return word, ""
}
