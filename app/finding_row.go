package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// findingRow is one line of the Insights findings: cut with "…" where it
// is too long for the view. Fyne has no tooltips, so resting the pointer
// on the line reports it (onHover), and the view shows it in full under
// the list. The row draws the list's hover shade itself: the list item
// around it no longer hears the pointer.
type findingRow struct {
	widget.BaseWidget
	label   *widget.Label
	shade   *canvas.Rectangle
	onHover func(r *findingRow, in bool)
}

func newFindingRow(onHover func(*findingRow, bool)) *findingRow {
	r := &findingRow{label: widget.NewLabel(""), shade: canvas.NewRectangle(color.Transparent), onHover: onHover}
	r.label.Truncation = fyne.TextTruncateEllipsis
	r.ExtendBaseWidget(r)
	return r
}

func (r *findingRow) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(r.shade, r.label))
}

// SetText shows a finding.
func (r *findingRow) SetText(s string) { r.label.SetText(s) }

// cut reports whether the line is too long to show whole.
func (r *findingRow) cut() bool {
	room := r.label.Size().Width - 2*theme.InnerPadding()
	return fyne.MeasureText(r.label.Text, theme.TextSize(), r.label.TextStyle).Width > room
}

func (r *findingRow) MouseIn(*desktop.MouseEvent) {
	r.shade.FillColor = theme.Color(theme.ColorNameHover)
	r.shade.Refresh()
	if r.onHover != nil {
		r.onHover(r, true)
	}
}

func (r *findingRow) MouseMoved(*desktop.MouseEvent) {}

func (r *findingRow) MouseOut() {
	r.shade.FillColor = color.Transparent
	r.shade.Refresh()
	if r.onHover != nil {
		r.onHover(r, false)
	}
}

// fixedLines is a layout as tall as lines of text at any content, so the
// list above does not move as the text changes under the pointer.
type fixedLines struct{ lines int }

func (l fixedLines) MinSize(objects []fyne.CanvasObject) fyne.Size {
	line := fyne.MeasureText("Mg", theme.TextSize(), fyne.TextStyle{}).Height
	var w float32
	for _, o := range objects {
		w = max(w, o.MinSize().Width)
	}
	return fyne.NewSize(w, float32(l.lines)*(line+theme.LineSpacing())+2*theme.InnerPadding())
}

func (l fixedLines) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}
