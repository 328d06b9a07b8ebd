package export

import (
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/goregular"
)

// The fonts every format embeds or names. They are the Go fonts, whose
// metrics the board's text wrapping uses, so lines break the same on paper.
var (
	fontRegular = goregular.TTF
	fontBold    = gobold.TTF
	fontItalic  = goitalic.TTF
)

// fontFamily is the family name in PDF and SVG.
const fontFamily = "Go"
