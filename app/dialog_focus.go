package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// dialogClosed is called when a dialog over the board has closed, whether
// it was confirmed or cancelled: its fields let go of the keys, which go
// back to the board, where the keyboard user was.
//
// Fyne removes a closed dialog together with its focus manager without
// telling the field focused in it (internal.OverlayStack.Remove), and a
// text field that believes it has the keys blinks its cursor with an
// animation that repaints the whole window every frame until the app quits
// (250-800 ms of CPU a second on an L map). By the time a dialog's callback
// runs the dialog is gone, so each field is told; a field that was not
// focused only redraws.
func (mw *mainWindow) dialogClosed(items []*widget.FormItem) {
	for _, it := range items {
		walk(it.Widget, func(o fyne.CanvasObject) {
			if f, ok := o.(fyne.Focusable); ok {
				f.FocusLost()
			}
		})
	}
	mw.win.Canvas().Focus(mw.board)
}
