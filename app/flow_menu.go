package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"valueflow/canvas/scene"
	"valueflow/model"
)

// flowMenuItems are the context menu of a flow: edit its label in place,
// change its kind or criticality, reverse it, go to either of its cards,
// delete it. Each change is one undoable command; on a read-only map the
// changes are greyed out.
func (mw *mainWindow) flowMenuItems(id model.ID) []*fyne.MenuItem {
	f := mw.doc.current().Flow(id)
	if f == nil {
		return nil
	}
	ro := mw.readOnly()
	item := func(label string, off bool, action func()) *fyne.MenuItem {
		i := fyne.NewMenuItem(label, action)
		i.Disabled = off
		return i
	}
	edit := item(T("Edit label in place"), ro, mw.editSelected)
	edit.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyReturn}

	var kinds []*fyne.MenuItem
	for _, k := range model.FlowKinds {
		i := item(T("flow."+string(k)), ro, func() { mw.editFlow(id, func(f *model.Flow) { f.Kind = k }) })
		i.Checked = f.Kind == k
		kinds = append(kinds, i)
	}
	kind := item(T("Kind"), ro, nil)
	kind.ChildMenu = fyne.NewMenu("", kinds...)

	var levels []*fyne.MenuItem
	for _, c := range model.Criticalities {
		i := item(T("criticality."+string(c)), ro, func() { mw.editFlow(id, func(f *model.Flow) { f.Criticality = c }) })
		i.Checked = f.Criticality == c
		levels = append(levels, i)
	}
	crit := item(T("Criticality"), ro, nil)
	crit.ChildMenu = fyne.NewMenu("", levels...)

	reverse := item(T("Reverse direction"), ro, func() {
		mw.editFlow(id, func(f *model.Flow) { f.From, f.To = f.To, f.From })
	})
	from := item(T("Select source card"), false, func() { mw.selectAndShow(f.From) })
	from.Shortcut = arrowShortcut(fyne.KeyLeft, 0)
	to := item(T("Select target card"), false, func() { mw.selectAndShow(f.To) })
	to.Shortcut = arrowShortcut(fyne.KeyRight, 0)
	del := item(T("Delete"), ro, mw.deleteSelected)
	del.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyDelete}
	return []*fyne.MenuItem{edit, kind, crit, reverse, fyne.NewMenuItemSeparator(), from, to, fyne.NewMenuItemSeparator(), del}
}

// editFlow changes one flow as one undoable command and keeps it selected.
func (mw *mainWindow) editFlow(id model.ID, change func(*model.Flow)) {
	sc := mw.doc.current()
	f := sc.Flow(id)
	if f == nil {
		return
	}
	n := *f
	change(&n)
	if n == *f {
		return // the kind or criticality it already has: nothing to undo
	}
	mw.doSelecting(model.UpdateFlow(sc.ID, n), scene.Target{Kind: model.EntityFlow, ID: id})
}
