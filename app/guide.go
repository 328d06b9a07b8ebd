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
// it opens by itself on the first start. Escape closes it, as it does the
// other dialogs of a desktop program.
func (mw *mainWindow) showGuide() {
	text := widget.NewRichTextFromMarkdown(plainInline(T("guide.text")))
	text.Wrapping = fyne.TextWrapWord
	keys := newEscapeCatcher(container.NewVScroll(text))
	d := dialog.NewCustom(T("Guide"), T("Close"), keys, mw.win)
	keys.onEscape = d.Hide
	c := mw.win.Canvas()
	// Escape also closes it when nothing has the focus.
	previous := c.OnTypedKey()
	c.SetOnTypedKey(func(e *fyne.KeyEvent) {
		if e.Name == fyne.KeyEscape {
			d.Hide()
			return
		}
		if previous != nil {
			previous(e)
		}
	})
	d.SetOnClosed(func() { c.SetOnTypedKey(previous) })
	d.Resize(fyne.NewSize(720, 560))
	d.Show()
	c.Focus(keys)
}

// escapeCatcher holds content and takes the focus, so Escape reaches it;
// Up, Down, Page Up and Page Down scroll the content.
type escapeCatcher struct {
	widget.BaseWidget
	scroll   *container.Scroll
	onEscape func()
}

func newEscapeCatcher(scroll *container.Scroll) *escapeCatcher {
	e := &escapeCatcher{scroll: scroll}
	e.ExtendBaseWidget(e)
	return e
}

func (e *escapeCatcher) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(e.scroll)
}

func (e *escapeCatcher) FocusGained()   {}
func (e *escapeCatcher) FocusLost()     {}
func (e *escapeCatcher) TypedRune(rune) {}

func (e *escapeCatcher) TypedKey(k *fyne.KeyEvent) {
	step := float32(0)
	switch k.Name {
	case fyne.KeyEscape:
		if e.onEscape != nil {
			e.onEscape()
		}
		return
	case fyne.KeyDown:
		step = 40
	case fyne.KeyUp:
		step = -40
	case fyne.KeyPageDown:
		step = e.scroll.Size().Height * 0.9
	case fyne.KeyPageUp:
		step = -e.scroll.Size().Height * 0.9
	default:
		return
	}
	max := e.scroll.Content.MinSize().Height - e.scroll.Size().Height
	e.scroll.Offset.Y = min(max32(e.scroll.Offset.Y+step, 0), max32(max, 0))
	e.scroll.Refresh()
}

func max32(a, b float32) float32 {
	if a > b {
		return a
	}
	return b
}

var inlineEmphasis = regexp.MustCompile(`\*\*([^*\n]+)\*\*|\*([^*\s][^*\n]*)\*`)

// plainInline drops bold and italic inside paragraphs: Fyne 2.7's RichText
// wraps a line that mixes styled segments badly (a styled word that meets the
// right edge is split one letter per line, or a break appears after it).
// Headings and lists keep their structure.
func plainInline(md string) string {
	return inlineEmphasis.ReplaceAllString(md, "$1$2")
}

// welcome shows the guide on the first start, once: the window opens on the
// sample map with the guide over it.
func (mw *mainWindow) welcome() {
	p := mw.app.Preferences()
	if p.Bool(prefSeenGuide) {
		return
	}
	p.SetBool(prefSeenGuide, true)
	mw.showGuide()
}
