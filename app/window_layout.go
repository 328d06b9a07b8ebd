package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
)

// inspectorWidth is the inspector's width in text sizes: its widest form
// (the map's properties, in English and Dutch) fits.
const inspectorWidth = 30

// fixedWidth lays out one object at the width it is given and asks for a
// width of its own that does not follow its content: the inspector keeps
// its width whatever form it shows, so the board beside it in the split
// does not jump with every selection.
type fixedWidth struct{ width func() float32 }

func (l fixedWidth) MinSize([]fyne.CanvasObject) fyne.Size {
	return fyne.NewSize(l.width(), 0)
}

func (l fixedWidth) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

// newInspectorPane wraps the inspector's content: scrolled (both ways, so
// a form wider than the pane, with a large text size, can still be read)
// at a width of its own.
func newInspectorPane(content fyne.CanvasObject) fyne.CanvasObject {
	width := func() float32 { return inspectorWidth * theme.TextSize() }
	return container.New(fixedWidth{width: width}, container.NewScroll(content))
}
