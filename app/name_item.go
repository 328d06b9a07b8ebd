package app

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// nameItem is the Name field of a dialog that makes or renames something
// that needs a name (a scenario, a coalition): name is an entry and
// validator its Validator. Without a name, or with only spaces, it says
// missing (translated) under the field, and the dialog's button stays off,
// so nothing typed is lost.
func nameItem(name fyne.CanvasObject, validator *fyne.StringValidator, missing string) *widget.FormItem {
	item := widget.NewFormItem(T("Name"), name)
	*validator = func(s string) error {
		if strings.TrimSpace(s) == "" {
			// Fyne shows a field's error only once the user has left it;
			// the hint is shown while typing, so it says it at once.
			item.HintText = missing
			return errors.New(missing)
		}
		item.HintText = ""
		return nil
	}
	return item
}
