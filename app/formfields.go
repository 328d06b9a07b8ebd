package app

import (
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	fynecanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"valueflow/model"
)

// formEntry is an entry of the inspector and the map dialog. Tab and
// Shift+Tab move to the next or previous field, also out of a multi-line
// entry (Fyne's own keeps Tab, which traps a keyboard user in the form);
// Enter applies the form from a single-line entry, Ctrl+Enter (or
// Shift+Enter) from a multi-line one.
type formEntry struct {
	widget.Entry
	submit func()
}

func newFormEntry(text string, multiLine bool) *formEntry {
	e := &formEntry{}
	e.MultiLine = multiLine
	if multiLine {
		e.Wrapping = fyne.TextWrapWord
	}
	e.ExtendBaseWidget(e)
	if multiLine {
		e.SetMinRowsVisible(3)
	}
	e.SetText(text)
	e.OnSubmitted = func(string) { e.submitForm() }
	return e
}

// AcceptsTab keeps Tab for moving between fields.
func (e *formEntry) AcceptsTab() bool { return false }

// TypedShortcut applies the form on Ctrl+Enter.
func (e *formEntry) TypedShortcut(s fyne.Shortcut) {
	if cs, ok := s.(*desktop.CustomShortcut); ok && (cs.KeyName == fyne.KeyReturn || cs.KeyName == fyne.KeyEnter) &&
		cs.Modifier&(fyne.KeyModifierControl|fyne.KeyModifierSuper) != 0 {
		e.submitForm()
		return
	}
	e.Entry.TypedShortcut(s)
}

func (e *formEntry) submitForm() {
	if e.submit != nil {
		e.submit()
	}
}

// newSelect is widget.NewSelect saying "(choose)" in the user's language
// before anything is chosen: Fyne's own placeholder, "(Select one)", is
// English only. Every Select of the app is made here, by newDialogSelect
// (one in a dialog, which Escape cancels) or by embeddedSelect.
func newSelect(opts []string, changed func(string)) *widget.Select {
	s := widget.NewSelect(opts, changed)
	s.PlaceHolder = choosePlaceHolder()
	return s
}

// choosePlaceHolder is what an empty choice says.
func choosePlaceHolder() string { return T("(choose)") }

// colourField is a colour typed as #rrggbb or chosen in Fyne's colour
// picker. It validates like its entry, so the form shows the message beside it.
type colourField struct {
	widget.BaseWidget
	entry  *formEntry
	swatch *swatch
	button *widget.Button
}

func (mw *mainWindow) newColourField(hex string) *colourField {
	f := &colourField{entry: newFormEntry(hex, false)}
	f.swatch = newSwatch()
	f.swatch.set(hex)
	f.button = widget.NewButtonWithIcon(T("Choose…"), theme.ColorPaletteIcon(), func() {
		p := dialog.NewColorPicker(T("Colour"), T("The colour of the lane on the board"), func(c color.Color) {
			f.entry.SetText(colourHex(c))
		}, mw.win)
		p.Advanced = true
		if c, ok := parseColour(f.entry.Text); ok {
			p.SetColor(c)
		}
		p.Show()
	})
	f.entry.OnChanged = func(s string) { f.swatch.set(s) }
	f.ExtendBaseWidget(f)
	return f
}

func (f *colourField) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewBorder(nil, nil, f.swatch.Rectangle, f.button, f.entry)) // the rectangle itself: the painter knows no wrapper
}

// Validate and SetOnValidationChanged make the form show the entry's
// message beside the field.
func (f *colourField) Validate() error                       { return f.entry.Validate() }
func (f *colourField) SetOnValidationChanged(cb func(error)) { f.entry.SetOnValidationChanged(cb) }

func (f *colourField) text() string { return strings.TrimSpace(f.entry.Text) }

// newSwatch shows a colour beside its code; transparent when there is none.
func newSwatch() *swatch {
	r := fynecanvas.NewRectangle(color.Transparent)
	r.StrokeColor = theme.Color(theme.ColorNameInputBorder)
	r.StrokeWidth = 1
	r.CornerRadius = 3
	r.SetMinSize(fyne.NewSquareSize(theme.IconInlineSize() + theme.Padding()))
	return &swatch{r}
}

type swatch struct{ *fynecanvas.Rectangle }

func (s *swatch) set(hex string) {
	if c, ok := parseColour(hex); ok {
		s.FillColor = c
	} else {
		s.FillColor = color.Transparent
	}
	s.Refresh()
}

// colourHex writes a colour as #rrggbb.
func colourHex(c color.Color) string {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	return fmt.Sprintf("#%02x%02x%02x", n.R, n.G, n.B)
}

// parseColour reads #rrggbb.
func parseColour(s string) (color.Color, bool) {
	s = strings.TrimSpace(s)
	var r, g, b uint8
	if len(s) != 7 || s[0] != '#' {
		return nil, false
	}
	if _, err := fmt.Sscanf(s, "#%02x%02x%02x", &r, &g, &b); err != nil {
		return nil, false
	}
	return color.NRGBA{R: r, G: g, B: b, A: 255}, true
}

// problemError is a model problem shown beside its field.
type problemError struct{ msg string }

func (e problemError) Error() string { return e.msg }

// firstProblem is the first of ps as a translated error, or nil.
func firstProblem(m *model.Map, ps model.Problems) error {
	if len(ps) == 0 {
		return nil
	}
	return problemError{capitaliseFirst(problemText(m, ps[0]))}
}

func capitaliseFirst(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	return strings.ToUpper(string(r[0])) + string(r[1:])
}

func colourValidator(m *model.Map, s model.Stakeholder) func(string) error {
	return func(text string) error {
		s.Colour = strings.TrimSpace(text)
		return firstProblem(m, model.CheckStakeholder(s).For("colour"))
	}
}
