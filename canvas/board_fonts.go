package canvas

import (
	"fyne.io/fyne/v2"
	"golang.org/x/image/font/gofont/goitalic"

	"valueflow/canvas/scene"
)

// The board draws its text in the fonts the scene measured it in (the Go
// fonts, which the exporters embed too), not in the theme's: a line wrapped
// to a card's width then fits the card on screen as it does on paper.
// Italic text is measured in the regular font, whose advances the Go italic
// shares, and drawn in the italic as the exporters draw it.
var (
	fontRegular = fyne.NewStaticResource("GoRegular.ttf", scene.FontRegular)
	fontBold    = fyne.NewStaticResource("GoBold.ttf", scene.FontBold)
	fontItalic  = fyne.NewStaticResource("GoItalic.ttf", goitalic.TTF)
)

// boardFont is the font a scene text is drawn in.
func boardFont(t *scene.Text) fyne.Resource {
	switch {
	case t.Bold:
		return fontBold
	case t.Italic:
		return fontItalic
	}
	return fontRegular
}
