package app

import (
	"regexp"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

const prefSeenGuide = "seen-guide"

// showGuide explains the method and where each part of it lives in the app;
// it opens by itself on the first start.
func (mw *mainWindow) showGuide() {
	text := widget.NewRichTextFromMarkdown(plainInline(T("guide.text")))
	text.Wrapping = fyne.TextWrapWord
	scroll := container.NewVScroll(text)
	d := dialog.NewCustom(T("Guide"), T("Close"), scroll, mw.win)
	d.Resize(fyne.NewSize(720, 560))
	d.Show()
}

var inlineEmphasis = regexp.MustCompile(`\*\*([^*\n]+)\*\*|\*([^*\s][^*\n]*)\*`)

// plainInline drops bold and italic inside paragraphs: Fyne 2.7's RichText
// wraps a line that mixes styled segments badly (a styled word that meets the
// right edge is split one letter per line, or a break appears after it).
// Headings and lists keep their structure.
func plainInline(md string) string {
	return inlineEmphasis.ReplaceAllString(md, "$1$2")
}
