package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// notedField is a form field with its hint, or its problem while it has
// one, under it in small type wrapped to the field's width. Fyne's form
// writes both on one line that never wraps and that is as wide as its
// text, so a long message ("Waiting time before (days): "…" is not a whole
// number") made the whole form wider than the inspector and pushed Apply
// out of sight.
type notedField struct {
	widget.BaseWidget
	field fyne.CanvasObject
	check fyne.Validatable // the field, when it validates; else nil
	hint  string
	note  *widget.RichText
	// problem is the message shown now, "" while the field is fine.
	problem string
}

// newNotedField wraps field; a field that is not a fyne.Validatable only
// shows its hint.
func newNotedField(field fyne.CanvasObject, hint string) *notedField {
	f := &notedField{field: field, hint: hint, note: widget.NewRichText()}
	f.note.Wrapping = fyne.TextWrapWord
	if v, ok := field.(fyne.Validatable); ok {
		f.check = v
		// The field may already hold a problem (a value the model took
		// before its checks were stricter).
		if err := v.Validate(); err != nil {
			f.problem = err.Error()
		}
		v.SetOnValidationChanged(func(err error) { f.show(err, nil) })
	}
	f.show(nil, nil)
	f.ExtendBaseWidget(f)
	return f
}

// show puts the problem of err, or the hint, under the field, and tells the
// form (onChanged) what changed.
func (f *notedField) show(err error, onChanged func(error)) {
	f.problem = ""
	if err != nil {
		f.problem = err.Error()
	}
	seg := &widget.TextSegment{Text: f.hint, Style: widget.RichTextStyle{
		ColorName: theme.ColorNamePlaceHolder, SizeName: theme.SizeNameCaptionText, Inline: true,
	}}
	if f.problem != "" {
		seg.Text, seg.Style.ColorName = f.problem, theme.ColorNameError
	}
	f.note.Segments = []widget.RichTextSegment{seg}
	if seg.Text == "" {
		f.note.Hide()
	} else {
		f.note.Show()
	}
	f.note.Refresh()
	if onChanged != nil {
		onChanged(err)
	}
}

// Note is the text under the field now: its problem, its hint or "".
func (f *notedField) Note() string {
	if f.problem != "" {
		return f.problem
	}
	return f.hint
}

// Validate and SetOnValidationChanged let the form hold Apply back while
// the field has a problem, as it does for a bare field.
func (f *notedField) Validate() error {
	if f.check == nil {
		return nil
	}
	return f.check.Validate()
}

func (f *notedField) SetOnValidationChanged(cb func(error)) {
	if f.check == nil {
		return
	}
	f.check.SetOnValidationChanged(func(err error) { f.show(err, cb) })
}

func (f *notedField) CreateRenderer() fyne.WidgetRenderer {
	// The note sits close under its field, as Fyne's own hint does.
	return widget.NewSimpleRenderer(container.New(layout.NewCustomPaddedVBoxLayout(0), f.field, f.note))
}

// noteFields puts each item's hint and problem under its field (see
// notedField); the form is given none of its own to write on one line.
func noteFields(items []*widget.FormItem) {
	for _, it := range items {
		if it.HintText == "" && !hasValidator(it.Widget) {
			continue
		}
		it.Widget = newNotedField(it.Widget, it.HintText)
		it.HintText = ""
	}
}

// hasValidator reports whether a field of ours checks what is typed.
func hasValidator(o fyne.CanvasObject) bool {
	switch w := o.(type) {
	case *formEntry:
		return w.Validator != nil
	case *numberEntry:
		return w.Validator != nil
	case *colourField:
		return w.entry.Validator != nil
	case *widget.Entry:
		return w.Validator != nil
	}
	return false
}
