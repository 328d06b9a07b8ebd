package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

const prefSeenGuide = "seen-guide"

// showGuide explains the method and where each part of it lives in the app;
// it opens by itself on the first start.
func (mw *mainWindow) showGuide() {
	text := widget.NewRichTextFromMarkdown(T("guide.text"))
	text.Wrapping = fyne.TextWrapWord
	scroll := container.NewVScroll(text)
	d := dialog.NewCustom(T("Guide"), T("Close"), scroll, mw.win)
	d.Resize(fyne.NewSize(720, 560))
	d.Show()
}
