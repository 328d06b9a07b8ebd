package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
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

// Escape cancels a dialog, as in any desktop program: wherever the keys are
// in it, it does what the dialog's Cancel (Close, No, OK) button does, so
// nothing is applied. Fyne's dialogs do not listen to Escape, and a key
// goes to the focused widget alone: the window's handler hears it only when
// nothing in the dialog has the focus (see the menus' canvas handler), and
// each kind of field the app puts in a dialog hears it itself: formEntry,
// dialogEntry, dialogSelect, dialogCheck and the choices (choice, idChoice,
// scale). Fyne's own buttons do not, so a dialog button focused with Tab
// lets Escape pass.

// cancelDialogOf presses the cancelling button of the dialog on top of o's
// window when k is Escape; it reports whether it did. While a dialog is
// open only its fields have the keys, so o is in it.
func cancelDialogOf(o fyne.CanvasObject, k *fyne.KeyEvent) bool {
	if k.Name != fyne.KeyEscape {
		return false
	}
	c := fyne.CurrentApp().Driver().CanvasForObject(o)
	return c != nil && cancelTopDialog(c)
}

// cancelTopDialog presses the cancelling button of the dialog on top of c,
// if one is open; it reports whether it did. The button is the one Fyne
// gives the cancel icon (a form's or a confirmation's), else the one that
// says Cancel, Close or OK (a dialog with one button, or the app's own
// buttons), looked for in the dialog's row of buttons first. A drop-down
// or the in-place editor on top is no dialog: it has no such button.
func cancelTopDialog(c fyne.Canvas) bool {
	pop, ok := c.Overlays().Top().(*widget.PopUp)
	if !ok || !pop.Visible() || pop.Content == nil {
		return false
	}
	var where []fyne.CanvasObject
	// Fyne 2.7 lays a dialog out as icon, background, content, buttons, title.
	if box, ok := pop.Content.(*fyne.Container); ok && len(box.Objects) == 5 {
		where = append(where, box.Objects[3])
	}
	where = append(where, pop.Content)
	labels := map[string]bool{T("Cancel"): true, T("Close"): true, T("OK"): true}
	for _, root := range where {
		var byIcon, byText *widget.Button
		walk(root, func(o fyne.CanvasObject) {
			b, ok := o.(*widget.Button)
			if !ok || !b.Visible() || b.Disabled() || b.OnTapped == nil {
				return
			}
			if byIcon == nil && b.Icon != nil && b.Icon.Name() == theme.CancelIcon().Name() {
				byIcon = b
			}
			if byText == nil && labels[b.Text] {
				byText = b
			}
		})
		if byIcon == nil {
			byIcon = byText
		}
		if byIcon != nil {
			byIcon.OnTapped()
			return true
		}
	}
	return false
}

// dialogEntry is a text field of a dialog: Escape cancels the dialog.
type dialogEntry struct{ widget.Entry }

func newDialogEntry() *dialogEntry {
	e := &dialogEntry{}
	e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip)
	e.ExtendBaseWidget(e)
	return e
}

func newDialogMultiLineEntry() *dialogEntry {
	e := newDialogEntry()
	e.MultiLine = true
	return e
}

func (e *dialogEntry) TypedKey(k *fyne.KeyEvent) {
	if !cancelDialogOf(e, k) {
		e.Entry.TypedKey(k)
	}
}

// dialogSelect is newSelect for a dialog: Escape cancels the dialog.
type dialogSelect struct{ widget.Select }

func newDialogSelect(opts []string, changed func(string)) *dialogSelect {
	s := &dialogSelect{}
	s.Options, s.OnChanged, s.PlaceHolder = opts, changed, choosePlaceHolder()
	s.ExtendBaseWidget(s)
	return s
}

func (s *dialogSelect) TypedKey(k *fyne.KeyEvent) {
	if !cancelDialogOf(s, k) {
		s.Select.TypedKey(k)
	}
}

// dialogCheck is a check box of a dialog: Escape cancels the dialog.
type dialogCheck struct{ widget.Check }

func newDialogCheck(label string, changed func(bool)) *dialogCheck {
	c := &dialogCheck{}
	c.Text, c.OnChanged = label, changed
	c.ExtendBaseWidget(c)
	return c
}

func (c *dialogCheck) TypedKey(k *fyne.KeyEvent) {
	if !cancelDialogOf(c, k) {
		c.Check.TypedKey(k)
	}
}

// The inspector's fields appear in dialogs too (map properties, the add
// dialogs' choices).

func (e *formEntry) TypedKey(k *fyne.KeyEvent) {
	if !cancelDialogOf(e, k) {
		e.Entry.TypedKey(k)
	}
}

// numberEntry is extended as itself, so the window knows it by that name.
func (n *numberEntry) TypedKey(k *fyne.KeyEvent) {
	if !cancelDialogOf(n, k) {
		n.Entry.TypedKey(k)
	}
}

func (c *choice[T]) TypedKey(k *fyne.KeyEvent) {
	if !cancelDialogOf(c, k) {
		c.Select.TypedKey(k)
	}
}

func (c *idChoice) TypedKey(k *fyne.KeyEvent) {
	if !cancelDialogOf(c, k) {
		c.Select.TypedKey(k)
	}
}

func (s *scale) TypedKey(k *fyne.KeyEvent) {
	if !cancelDialogOf(s, k) {
		s.Select.TypedKey(k)
	}
}
