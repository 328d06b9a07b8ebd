package app

import (
	"image"
	"image/color"

	"fyne.io/fyne/v2"
	fynecanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"valueflow/canvas"
	"valueflow/canvas/scene"
)

// compareWindow is the window of one compare. Its board opens readable (at
// the zoom the journey board opens at) on the first change, and Previous
// and Next walk from change to change; Fit to Window shows the whole union.
// The counts and the legend are in a bar under the board, in view however
// far it is scrolled.
type compareWindow struct {
	v       *compareView
	win     fyne.Window
	board   *canvas.Board
	changes []scene.ChangedPlace
	// at is the change shown last (-1 before the first); readable is the
	// zoom the board opened at (0 until it had a size).
	at       int
	readable float32

	details    *widget.Label
	position   *widget.Label
	prev, next *widget.Button
}

// showCompare opens a window with the compare board of a and b and, for
// the element selected on it, what changed (before → after); what belongs
// to the whole map and is not drawn on the board is listed beside it.
func (mw *mainWindow) showCompare(a, b compareSide) fyne.Window {
	// A copy: the window and its exports keep showing the map as it was
	// compared while the map is edited on.
	live := mw.doc.m().Clone()
	ma, sa, err := mw.resolve(a, live)
	if err != nil {
		mw.showError(err)
		return nil
	}
	mb, sb, err := mw.resolve(b, live)
	if err != nil {
		mw.showError(err)
		return nil
	}
	v := buildCompareView(a, b, ma, mb, sa, sb, true)
	cw := &compareWindow{v: v, at: -1, board: canvas.NewBoard()}
	cw.changes = scene.CompareChanges(v.scene, v.status)
	cw.board.SetScene(v.scene)
	cw.win = mw.app.NewWindow(T("Compare") + ": " + v.names())

	cw.details = widget.NewLabel(T("Select an element to see what changed."))
	cw.details.Wrapping = fyne.TextWrapWord
	cw.board.OnSelect = cw.selected
	side := container.NewVBox(cw.details)
	if text := v.mapChanges(); text != "" {
		more := widget.NewLabel(text)
		more.Wrapping = fyne.TextWrapWord
		side.Add(widget.NewSeparator())
		side.Add(more)
	}
	right := container.NewVScroll(container.NewPadded(side))
	left := container.NewBorder(nil, cw.summaryBar(), nil, nil, container.New(&compareOpening{cw: cw}, cw.board))
	split := container.NewHSplit(left, right)
	split.Offset = 0.75

	export := func() { mw.exportScene(cw.win, T("Compare"), v.exportBuilder()) }
	cw.position = widget.NewLabel("")
	cw.prev = widget.NewButtonWithIcon(T("Previous change"), theme.NavigateBackIcon(), func() { cw.show(cw.at - 1) })
	cw.next = widget.NewButtonWithIcon(T("Next change"), theme.NavigateNextIcon(), func() { cw.show(cw.at + 1) })
	cw.next.IconPlacement = widget.ButtonIconTrailingText
	if len(cw.changes) == 0 {
		cw.prev.Disable()
		cw.next.Disable()
		cw.position.SetText(T("no differences"))
	}
	fit := widget.NewButton(T("Fit to Window"), cw.board.ZoomFit)
	exp := widget.NewButton(T("Export…"), export)
	names := widget.NewLabelWithStyle(v.names(), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	names.Truncation = fyne.TextTruncateEllipsis
	top := container.NewBorder(nil, nil, nil, container.NewHBox(cw.prev, cw.position, cw.next, widget.NewSeparator(), fit, exp), names)

	cw.win.SetMainMenu(fyne.NewMainMenu(
		fyne.NewMenu(T("File"),
			fyne.NewMenuItem(T("Export…"), export),
			fyne.NewMenuItemSeparator(),
			// The last item of the first menu marked as the quit item:
			// otherwise Fyne adds a Quit that ends the whole program.
			&fyne.MenuItem{Label: T("Close"), Action: cw.win.Close, IsQuit: true}),
		fyne.NewMenu(T("View"),
			&fyne.MenuItem{Label: T("Previous change"), Action: func() { cw.show(cw.at - 1) }, Disabled: len(cw.changes) == 0},
			&fyne.MenuItem{Label: T("Next change"), Action: func() { cw.show(cw.at + 1) }, Disabled: len(cw.changes) == 0},
			fyne.NewMenuItemSeparator(),
			&fyne.MenuItem{Label: T("Zoom In"), Action: cw.board.ZoomIn, Shortcut: shortcutPlus},
			&fyne.MenuItem{Label: T("Zoom Out"), Action: cw.board.ZoomOut, Shortcut: shortcutMinus},
			&fyne.MenuItem{Label: T("Fit to Window"), Action: cw.board.ZoomFit, Shortcut: shortcutFit}),
	))
	c := cw.win.Canvas()
	for s, do := range map[fyne.Shortcut]func(){
		shortcutPlus: cw.board.ZoomIn, shortcutPlusShifted: cw.board.ZoomIn, shortcutPlusPad: cw.board.ZoomIn,
		shortcutMinus: cw.board.ZoomOut, shortcutFit: cw.board.ZoomFit,
	} {
		c.AddShortcut(s, func(fyne.Shortcut) { do() })
	}
	cw.win.SetContent(container.NewBorder(top, nil, nil, nil, split))
	cw.win.Resize(fyne.NewSize(1200, 700)) // fits a 1366 × 768 laptop screen
	cw.win.Show()
	return cw.win
}

// summaryBar is the compare's counts per kind and its legend, as the
// printed board has them under it.
func (cw *compareWindow) summaryBar() fyne.CanvasObject {
	counts := widget.NewLabel(cw.v.summary())
	counts.Wrapping = fyne.TextWrapWord
	legend := container.NewHBox()
	for _, e := range scene.CompareLegend()[0].Entries {
		legend.Add(container.NewCenter(newLegendSwatch(e)))
		legend.Add(widget.NewLabel(T(e.Label)))
	}
	return container.NewBorder(widget.NewSeparator(), nil, nil, legend, counts)
}

// show scrolls to change i (counted round: after the last comes the first)
// at least at the readable zoom, and says what changed there.
func (cw *compareWindow) show(i int) {
	n := len(cw.changes)
	if n == 0 {
		return
	}
	i = (i%n + n) % n
	if cw.readable > 0 && cw.board.Zoom() < cw.readable {
		cw.board.SetZoom(cw.readable) // after Fit to Window: readable again
	}
	cw.board.ShowRect(cw.changes[i].Rect)
	cw.board.Select(cw.changes[i].Target)
	cw.selected(cw.changes[i].Target)
}

// selected shows what happened to t; a change clicked on the board is where
// Previous and Next go on from.
func (cw *compareWindow) selected(t scene.Target) {
	cw.details.SetText(cw.v.details(t))
	for i, c := range cw.changes {
		if c.Target == t {
			cw.at = i
		}
	}
	if cw.at >= 0 {
		cw.position.SetText(Tf("Change %d of %d", cw.at+1, len(cw.changes)))
	}
}

// compareOpening lays the board out, at the readable zoom on the change it
// shows, until the user zooms or scrolls away from it: the window is laid
// out at its least size before it is shown, and again when it is resized.
type compareOpening struct {
	cw   *compareWindow
	size fyne.Size
	zoom float32 // the zoom it set last; 0 before
}

func (l *compareOpening) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	cw := l.cw
	follow := len(cw.changes) > 0 && (l.zoom == 0 || (cw.board.Zoom() == l.zoom && cw.board.InView(cw.changes[max(cw.at, 0)].Rect)))
	for _, o := range objects {
		o.Resize(size)
		o.Move(fyne.NewPos(0, 0))
	}
	if size == l.size || size.Width <= 0 || size.Height <= 0 {
		return
	}
	l.size = size
	cw.readable = readableZoom(cw.board.Scene(), size)
	if !follow {
		return
	}
	// From the top left, as a board opened at this size: a rectangle the
	// size of the whole scene scrolls there.
	cw.board.SetZoom(cw.readable)
	if s := cw.board.Scene(); s != nil {
		cw.board.ShowRect(scene.Rect{W: s.Width, H: s.Height})
	}
	cw.show(max(cw.at, 0))
	l.zoom = cw.board.Zoom()
}

func (l *compareOpening) MinSize([]fyne.CanvasObject) fyne.Size { return l.cw.board.MinSize() }

// readableZoom is the zoom the journey board opens at in a view of size: the
// whole scene when it fits at 90 % or more, else 90 %, larger with a larger
// text size in the theme.
func readableZoom(s *scene.Scene, size fyne.Size) float32 {
	fit := float32(1)
	if s != nil && s.Width > 0 && s.Height > 0 {
		fit = min(1, size.Width/s.Width, size.Height/s.Height)
	}
	return max(fit, 0.9) * max(theme.TextSize()/14, 0.5)
}

// newLegendSwatch draws a legend entry's box as the board does: its tint,
// and its outline, dashed for what was removed.
func newLegendSwatch(e scene.LegendEntry) fyne.CanvasObject {
	rgba := func(c scene.Color) color.NRGBA { return color.NRGBA{c.R, c.G, c.B, c.A} }
	fill, stroke := rgba(e.Fill), rgba(e.Stroke)
	r := fynecanvas.NewRaster(func(w, h int) image.Image {
		img := image.NewNRGBA(image.Rect(0, 0, w, h))
		edge := max(1, int(float32(w)/22*e.StrokeWidth+0.5)) // the stroke in pixels at this scale
		dash := max(2, 3*edge)
		for y := 0; y < h; y++ {
			for x := 0; x < w; x++ {
				c := fill
				across, along := y < edge || y >= h-edge, x < edge || x >= w-edge
				if across || along {
					c = stroke
					at := x // along the top and bottom edge; y along the sides
					if !across {
						at = y
					}
					if e.Dashed && (at/dash)%2 == 1 {
						c = fill
					}
				}
				img.SetNRGBA(x, y, c)
			}
		}
		return img
	})
	r.SetMinSize(fyne.NewSize(22, 12))
	return r
}
