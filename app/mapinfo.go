package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"valueflow/model"
)

// mapInfoFields are the map's properties as form items, and a way to read
// them back.
func mapInfoFields(info model.MapInfo) ([]*widget.FormItem, func() model.MapInfo) {
	title, purpose, region := entry(info.Title), multiline(info.Purpose), entry(info.Region)
	desc := multiline(info.Description)
	stage := newChoice(model.Stages, info.Stage, stageName, true)
	items := []*widget.FormItem{
		widget.NewFormItem(T("Title"), title),
		widget.NewFormItem(T("Purpose"), purpose),
		widget.NewFormItem(T("Region"), region),
		widget.NewFormItem(T("Network stage"), stage),
		widget.NewFormItem(T("field.description"), desc),
	}
	items[1].HintText = T("The point on the horizon the network works towards")
	items[3].HintText = T("Connecting, aligning or producing together")
	return items, func() model.MapInfo {
		return model.MapInfo{Title: title.Text, Purpose: purpose.Text, Region: region.Text, Description: desc.Text, Stage: stage.value()}
	}
}

func (mw *mainWindow) mapForm(info model.MapInfo) fyne.CanvasObject {
	items, read := mapInfoFields(info)
	return mw.editForm(items, func() (model.Command, error) { return model.SetMapInfo(read()), nil })
}

// mapPropertiesDialog edits the title, purpose ("stip op de horizon"),
// region, network stage and description in one undoable command; the board
// corner and every printed page show them.
func (mw *mainWindow) mapPropertiesDialog() {
	items, read := mapInfoFields(mw.doc.m().Info())
	if mw.readOnly() {
		d := dialog.NewCustom(T("Map properties"), T("Close"), readOnlyForm(items), mw.win)
		d.Resize(fyne.NewSize(560, 460))
		d.Show()
		return
	}
	var d *dialog.FormDialog
	d = dialog.NewForm(T("Map properties"), T("Save"), T("Cancel"), items, func(ok bool) {
		if ok && mw.doc.m().Info() != read() {
			mw.do(model.SetMapInfo(read()))
		}
	}, mw.win)
	submitOnEnter(nil, items, func() { d.Submit() })
	d.Resize(fyne.NewSize(560, 520))
	d.Show()
}
