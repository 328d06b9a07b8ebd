package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"valueflow/canvas/scene"
	"valueflow/model"
)

// addStep inserts a new step after the selected one (or at the end) and
// selects it, so the inspector is ready to name it.
func (mw *mainWindow) addStep() {
	m, sc := mw.doc.m(), mw.doc.current()
	at := -1
	if mw.selected.Kind == model.EntityStep {
		if i := sc.StepIndex(mw.selected.ID); i >= 0 {
			at = i + 1
		}
	}
	id := m.NewID("st")
	if mw.do(model.AddStep(sc.ID, model.Step{ID: id, Name: T("New step")}, at)) {
		mw.selectTarget(scene.Target{Kind: model.EntityStep, ID: id})
	}
}

func (mw *mainWindow) addStakeholder() {
	m := mw.doc.m()
	at := -1
	if mw.selected.Kind == model.EntityStakeholder {
		if i := m.StakeholderIndex(mw.selected.ID); i >= 0 {
			at = i + 1
		}
	}
	id := m.NewID("sh")
	if mw.do(model.AddStakeholder(model.Stakeholder{ID: id, Name: T("New stakeholder"), Kind: model.KindOrganisation}, at)) {
		mw.selectTarget(scene.Target{Kind: model.EntityStakeholder, ID: id})
	}
}

// selectionCell is the step and stakeholder the selection points at.
func (mw *mainWindow) selectionCell() (step, lane model.ID) {
	sc := mw.doc.current()
	switch mw.selected.Kind {
	case model.EntityContribution:
		if c := sc.Contribution(mw.selected.ID); c != nil {
			return c.Step, c.Stakeholder
		}
	case model.EntityStep:
		return mw.selected.ID, ""
	case model.EntityStakeholder:
		return "", mw.selected.ID
	}
	return mw.cursorCell()
}

func (mw *mainWindow) addCardDialog() {
	m, sc := mw.doc.m(), mw.doc.current()
	if len(sc.Steps) == 0 || len(m.Stakeholders) == 0 {
		dialog.ShowInformation(T("Add card"), T("Add a step and a stakeholder first: a card sits where a step meets a stakeholder."), mw.win)
		return
	}
	stepID, laneID := mw.selectionCell()
	if stepID == "" {
		stepID = sc.Steps[0].ID
	}
	if laneID == "" {
		laneID = m.Stakeholders[0].ID
	}
	value := newDialogEntry()
	value.SetPlaceHolder(T("What value does this stakeholder add here?"))
	step, lane := mw.stepChoice(stepID), mw.laneChoice(laneID)
	role := newChoice(model.Roles, model.RoleContributes, roleName, false)
	items := []*widget.FormItem{
		widget.NewFormItem(T("Value"), value),
		widget.NewFormItem(T("Step"), step),
		widget.NewFormItem(T("Stakeholder"), lane),
		widget.NewFormItem(T("Role"), role),
	}
	d := dialog.NewForm(T("Add card"), T("Add"), T("Cancel"), items, func(ok bool) {
		mw.dialogClosed(items)
		if !ok {
			return
		}
		id := m.NewID("c")
		if mw.do(model.AddContribution(sc.ID, model.Contribution{ID: id, Step: step.value(), Stakeholder: lane.value(), Value: value.Text, Role: role.value()})) {
			mw.selectTarget(scene.Target{Kind: model.EntityContribution, ID: id})
		}
	}, mw.win)
	d.Resize(fyne.NewSize(520, 320))
	d.Show()
	mw.win.Canvas().Focus(value)
}

func (mw *mainWindow) addFlowDialog() {
	sc := mw.doc.current()
	if len(sc.Contributions) < 2 {
		dialog.ShowInformation(T("Add flow"), T("A flow connects two cards: add cards first."), mw.win)
		return
	}
	fromID := sc.Contributions[0].ID
	if mw.selected.Kind == model.EntityContribution {
		fromID = mw.selected.ID
	}
	from, to := mw.cardChoice(fromID), mw.cardChoice("")
	kind := newChoice(model.FlowKinds, model.FlowHandOff, tr[model.FlowKind]("flow."), false)
	crit := newChoice(model.Criticalities, model.CriticalityNormal, tr[model.Criticality]("criticality."), false)
	label := newDialogEntry()
	items := []*widget.FormItem{
		widget.NewFormItem(T("From"), from),
		widget.NewFormItem(T("To"), to),
		widget.NewFormItem(T("Kind"), kind),
		widget.NewFormItem(T("Label"), label),
		widget.NewFormItem(T("Criticality"), crit),
	}
	d := dialog.NewForm(T("Add flow"), T("Add"), T("Cancel"), items, func(ok bool) {
		mw.dialogClosed(items)
		if !ok {
			return
		}
		id := mw.doc.m().NewID("f")
		if mw.do(model.AddFlow(sc.ID, model.Flow{ID: id, From: from.value(), To: to.value(), Kind: kind.value(), Label: label.Text, Criticality: crit.value()})) {
			mw.selectTarget(scene.Target{Kind: model.EntityFlow, ID: id})
		}
	}, mw.win)
	d.Resize(fyne.NewSize(640, 340))
	d.Show()
}

func (mw *mainWindow) addRelationshipDialog() {
	m := mw.doc.m()
	if len(m.Stakeholders) < 2 {
		dialog.ShowInformation(T("Add relationship"), T("A relationship connects two stakeholders: add stakeholders first."), mw.win)
		return
	}
	a, b := mw.laneChoice(m.Stakeholders[0].ID), mw.laneChoice(m.Stakeholders[1].ID)
	kind := newDialogEntry()
	kind.SetPlaceHolder(T("e.g. collaboration, contract, referral"))
	quality := newScale(-2, 2, model.Int(0), false)
	items := []*widget.FormItem{
		widget.NewFormItem(T("Stakeholder A"), a),
		widget.NewFormItem(T("Stakeholder B"), b),
		widget.NewFormItem(T("Kind"), kind),
		widget.NewFormItem(T("Quality"), quality),
	}
	d := dialog.NewForm(T("Add relationship"), T("Add"), T("Cancel"), items, func(ok bool) {
		mw.dialogClosed(items)
		if ok {
			id := m.NewID("r")
			if mw.do(model.AddRelationship(model.Relationship{ID: id, A: a.value(), B: b.value(), Kind: kind.Text, Quality: *quality.value()})) {
				mw.selectTarget(scene.Target{Kind: model.EntityRelationship, ID: id})
			}
		}
	}, mw.win)
	d.Resize(fyne.NewSize(480, 300))
	d.Show()
}

// addScenarioDialog makes a copy of the scenario on the board, under a
// name the user gives (undoable).
func (mw *mainWindow) addScenarioDialog() { mw.addScenarioDialogWith(T("Desired situation")) }

// addScenarioDialogWith opens the New scenario dialog with text in the
// name: the proposed one, or what the user typed before being told the
// name is taken.
func (mw *mainWindow) addScenarioDialogWith(text string) {
	sc := mw.doc.current()
	name := newDialogEntry() // Escape in it cancels
	name.SetText(text)
	items := []*widget.FormItem{scenarioNameItem(name, &name.Validator)}
	d := dialog.NewForm(T("New scenario"), T("Add"), T("Cancel"), items, func(ok bool) {
		mw.dialogClosed(items)
		if !ok {
			return
		}
		mw.confirmScenarioName(name.Text, "", func() {
			// The board shows the new scenario; Undo goes back to the
			// one it was copied from (app/scenarios_snapshots.go).
			id := mw.doc.m().NewID("sc")
			add := model.AddScenario(sc.ID, model.Scenario{ID: id, Name: strings.TrimSpace(name.Text)})
			mw.do(mw.boardFollows(add, sc.ID, func(*model.Map) model.ID { return id }))
		}, func() { mw.addScenarioDialogWith(name.Text) })
	}, mw.win)
	name.OnSubmitted = func(string) { d.Submit() } // Enter adds, unless Add is off
	d.Resize(fyne.NewSize(420, 160))
	d.Show()
	mw.typeName(name) // typed at once, over the name proposed
}

// deleteSelected deletes the selection with what depends on it; Undo brings
// it all back.
func (mw *mainWindow) deleteSelected() {
	sc := mw.doc.current()
	t := mw.selected
	if cards := mw.selectedCards(); len(cards) > 0 {
		// The keyboard cursor stays where the card was, so the keys go on
		// from there.
		c := sc.Contribution(t.ID)
		mw.sel.cursor.step, mw.sel.cursor.lane = c.Step, c.Stakeholder
		mw.deleteCards(cards, plural(len(cards), "Delete card", "Delete cards"))
		return
	}
	var c model.Command
	switch t.Kind {
	case model.EntityStep:
		c = model.DeleteStep(sc.ID, t.ID)
	case model.EntityStakeholder:
		c = model.DeleteStakeholder(t.ID)
	case model.EntityContribution:
		c = model.DeleteContribution(sc.ID, t.ID)
	case model.EntityFlow:
		c = model.DeleteFlow(sc.ID, t.ID)
	case model.EntityRelationship:
		c = model.DeleteRelationship(t.ID)
	case model.EntityCoalition:
		c = model.DeleteCoalition(t.ID)
	default:
		return
	}
	if mw.do(c) {
		mw.selectTarget(scene.Target{})
	}
}

func (mw *mainWindow) about() {
	dialog.ShowInformation(T("About Valueflow"), T("Valueflow maps who adds which value at which moment of the patient journey, for regional care networks.")+"\n\n"+T("Version")+" "+version, mw.win)
}
