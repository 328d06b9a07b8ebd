package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"valueflow/canvas/scene"
	"valueflow/model"
)

// memberPicker ticks the stakeholders of a coalition.
type memberPicker struct {
	*widget.CheckGroup
	ids []model.ID
}

func (mw *mainWindow) newMemberPicker(members []model.ID) *memberPicker {
	p := &memberPicker{}
	var names, selected []string
	in := map[model.ID]bool{}
	for _, id := range members {
		in[id] = true
	}
	for _, s := range mw.doc.m().Stakeholders {
		p.ids = append(p.ids, s.ID)
		names = append(names, s.Name)
		if in[s.ID] {
			selected = append(selected, s.Name)
		}
	}
	p.CheckGroup = widget.NewCheckGroup(names, nil)
	p.SetSelected(selected)
	return p
}

func (p *memberPicker) value() []model.ID {
	on := map[string]bool{}
	for _, s := range p.Selected {
		on[s] = true
	}
	var ids []model.ID
	for i, name := range p.Options {
		if on[name] {
			ids = append(ids, p.ids[i])
		}
	}
	return ids
}

// addCoalitionDialog creates a coalition: a named group of stakeholders
// that takes on one issue together.
func (mw *mainWindow) addCoalitionDialog() {
	name, issue := entry(""), multiline("")
	members := mw.newMemberPicker(nil)
	// Without a name the dialog says so under it and Add stays off, so
	// the issue and members typed are kept.
	items := []*widget.FormItem{
		nameItem(name, &name.Validator, T("A coalition needs a name.")),
		widget.NewFormItem(T("Issue"), issue),
		widget.NewFormItem(T("Members"), members),
	}
	d := dialog.NewForm(T("Add coalition"), T("Add"), T("Cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		id := mw.doc.m().NewID("co")
		if mw.do(model.AddCoalition(model.Coalition{ID: id, Name: strings.TrimSpace(name.Text), Issue: issue.Text, Members: members.value()})) {
			mw.selectTarget(scene.Target{Kind: model.EntityCoalition, ID: id})
		}
	}, mw.win)
	d.Resize(fyne.NewSize(520, 560))
	d.Show()
}

// coalitionsDialog lists the coalitions; choosing one opens it in the inspector.
func (mw *mainWindow) coalitionsDialog() {
	cs := mw.doc.m().Coalitions
	if len(cs) == 0 {
		dialog.ShowInformation(T("Coalitions"), T("There are no coalitions yet: add one with Insert → Coalition…"), mw.win)
		return
	}
	var d dialog.Dialog
	list := widget.NewList(func() int { return len(cs) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(cs[i].Name + " — " + Tn(len(cs[i].Members), "%d member", "%d members"))
		})
	list.OnSelected = func(i widget.ListItemID) {
		d.Hide()
		mw.selectTarget(scene.Target{Kind: model.EntityCoalition, ID: cs[i].ID})
	}
	d = dialog.NewCustom(T("Coalitions"), T("Close"), list, mw.win)
	d.Resize(fyne.NewSize(480, 360))
	d.Show()
}

func (mw *mainWindow) coalitionForm(c model.Coalition) fyne.CanvasObject {
	name, issue := entry(c.Name), multiline(c.Issue)
	m := mw.doc.m()
	name.Validator = func(text string) error {
		n := c
		n.Name = text
		return firstProblem(m, model.CheckCoalition(n).For("name"))
	}
	members := mw.newMemberPicker(c.Members)
	items := []*widget.FormItem{
		widget.NewFormItem(T("Name"), name),
		widget.NewFormItem(T("Issue"), issue),
		widget.NewFormItem(T("Members"), members),
	}
	return mw.editForm(items, func() (model.Command, error) {
		n := c
		n.Name, n.Issue, n.Members = name.Text, issue.Text, members.value()
		return model.UpdateCoalition(n), nil
	})
}
