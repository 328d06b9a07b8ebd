package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"valueflow/canvas"
)

// fitted wraps a board that shows its whole scene once it has its real
// size, and again when its window is resized, until the user zooms: a board
// fitted before its window is shown is fitted to no size at all and opens
// shrunk in a corner.
func fitted(b *canvas.Board) (fyne.CanvasObject, *fitLayout) {
	l := &fitLayout{board: b}
	return container.New(l, b), l
}

type fitLayout struct {
	board *canvas.Board
	size  fyne.Size
	zoom  float32 // the zoom the last fit gave; 0 before the first
}

func (l *fitLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Resize(size)
		o.Move(fyne.NewPos(0, 0))
	}
	if size == l.size || size.Width <= 0 || size.Height <= 0 {
		return
	}
	l.size = size
	if l.zoom == 0 || l.board.Zoom() == l.zoom {
		l.board.ZoomFit()
		l.zoom = l.board.Zoom()
	}
}

func (l *fitLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	return l.board.MinSize()
}

// refit fits the board again: after its scene changed, or when asked.
func (l *fitLayout) refit() {
	l.board.ZoomFit()
	l.zoom = l.board.Zoom()
}
