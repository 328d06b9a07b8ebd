package app

import "fyne.io/fyne/v2"

const (
	prefWindowWidth  = "window-width"
	prefWindowHeight = "window-height"
)

// defaultWindowSize fits a 1366 × 768 laptop screen with its panel and the
// window's title bar (Fyne cannot ask the screen's size before the window
// exists), so the status line is never below the screen's edge.
var defaultWindowSize = fyne.NewSize(1280, 680)

// minWindowSize keeps a remembered size usable: the board, the inspector
// and the toolbar need about this much.
var minWindowSize = fyne.NewSize(800, 500)

// startWindowSize is the size the window had when it was last closed, or the
// default on a first start.
func startWindowSize(p fyne.Preferences) fyne.Size {
	w := float32(p.FloatWithFallback(prefWindowWidth, 0))
	h := float32(p.FloatWithFallback(prefWindowHeight, 0))
	if w < minWindowSize.Width || h < minWindowSize.Height {
		return defaultWindowSize
	}
	return fyne.NewSize(w, h)
}

// rememberWindowSize keeps the window's size for the next start.
func rememberWindowSize(p fyne.Preferences, s fyne.Size) {
	if s.Width < minWindowSize.Width || s.Height < minWindowSize.Height {
		return
	}
	p.SetFloat(prefWindowWidth, float64(s.Width))
	p.SetFloat(prefWindowHeight, float64(s.Height))
}
