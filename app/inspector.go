package app

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"valueflow/model"
)

func newFlowRow(objs ...fyne.CanvasObject) *fyne.Container { return container.NewHBox(objs...) }

// showInspector fills the panel on the right with a form for the selection,
// or the map's properties when nothing is selected.
func (mw *mainWindow) showInspector() {
	mw.inspector.RemoveAll()
	m, sc := mw.doc.m(), mw.doc.current()
	id := mw.selected.ID
	var title string
	var form fyne.CanvasObject
	switch mw.selected.Kind {
	case model.EntityStep:
		if s := sc.Step(id); s != nil {
			title, form = T("Step"), mw.stepForm(sc.ID, *s)
		}
	case model.EntityStakeholder:
		if s := m.Stakeholder(id); s != nil {
			title, form = T("Stakeholder"), mw.stakeholderForm(*s)
		}
	case model.EntityContribution:
		if c := sc.Contribution(id); c != nil {
			title, form = T("Card"), mw.cardForm(sc.ID, *c)
		}
	case model.EntityFlow:
		if f := sc.Flow(id); f != nil {
			title, form = T("Flow"), mw.flowForm(sc.ID, *f)
		}
	case model.EntityRelationship:
		if r := m.Relationship(id); r != nil {
			title, form = T("Relationship"), mw.relationshipForm(*r)
		}
	case model.EntityCoalition:
		if c := m.Coalition(id); c != nil {
			title, form = T("Coalition"), mw.coalitionForm(*c)
		}
	}
	if form == nil {
		title, form = T("Map properties"), mw.mapForm(m.Info())
	}
	heading := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	mw.inspector.Add(heading)
	mw.inspector.Add(form)
}

// editForm is a form whose Apply runs one command built from the fields.
// Each entry shows its problem beside it as it is typed (Apply waits until
// there is none); a command the model still refuses shows its message under
// the form and changes nothing. Enter (Ctrl+Enter in a multi-line entry)
// applies, Tab moves through every field to Apply. A read-only map shows
// the values as text, readable, with nothing to apply.
func (mw *mainWindow) editForm(items []*widget.FormItem, build func() (model.Command, error)) fyne.CanvasObject {
	if mw.readOnly() {
		return readOnlyForm(items)
	}
	problem := widget.NewLabel("")
	problem.Wrapping = fyne.TextWrapWord
	problem.Importance = widget.DangerImportance
	problem.Hide()
	noteFields(items)
	form := widget.NewForm(items...)
	form.SubmitText = T("Apply")
	form.OnSubmit = func() {
		c, err := build()
		if err == nil {
			err = mw.doc.editor.Do(c)
		}
		if err != nil {
			problem.SetText(errorMessage(mw.doc.m(), err))
			problem.Show()
			return
		}
		mw.refreshAfter(c)
	}
	submitOnEnter(form, items, func() {
		if form.Validate() == nil {
			form.OnSubmit()
		}
	})
	return container.NewVBox(form, problem)
}

// submitOnEnter lets every entry of the items apply the form.
func submitOnEnter(form *widget.Form, items []*widget.FormItem, submit func()) {
	for _, it := range items {
		field := it.Widget
		if n, ok := field.(*notedField); ok {
			field = n.field
		}
		switch w := field.(type) {
		case *formEntry:
			w.submit = submit
		case *numberEntry:
			w.submit = submit
		case *colourField:
			w.entry.submit = submit
		}
	}
}

// readOnlyForm shows the items' values as labels: disabled entries are
// too faint to read.
func readOnlyForm(items []*widget.FormItem) fyne.CanvasObject {
	ro := make([]*widget.FormItem, 0, len(items))
	for _, it := range items {
		text := readOnlyText(it.Widget)
		label := widget.NewLabel(text)
		label.Wrapping = fyne.TextWrapWord
		label.Selectable = true
		ro = append(ro, widget.NewFormItem(it.Text, label))
	}
	return widget.NewForm(ro...)
}

// readOnlyText is what a form field holds, as text.
func readOnlyText(w fyne.CanvasObject) string {
	switch w := w.(type) {
	case *formEntry:
		return orDash(w.Text)
	case *numberEntry:
		return orDash(w.Text)
	case *colourField:
		return orDash(w.entry.Text)
	case *widget.Entry:
		return orDash(w.Text)
	case *widget.Select:
		return orDash(w.Selected)
	case *scale:
		return orDash(w.Selected)
	case *idChoice:
		return orDash(w.Selected)
	case *widget.Check:
		if w.Checked {
			return "✓ " + w.Text
		}
		return "✗ " + w.Text
	case *memberPicker:
		return orDash(strings.Join(w.Selected, ", "))
	case *widget.CheckGroup:
		return orDash(strings.Join(w.Selected, ", "))
	}
	if sel, ok := w.(interface{ selectedText() string }); ok { // a choice[T]
		return orDash(sel.selectedText())
	}
	return "—"
}

func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "—"
	}
	return s
}

type simpleError string

func (e simpleError) Error() string { return string(e) }

func errorf(s string) error { return simpleError(s) }

func entry(text string) *formEntry { return newFormEntry(text, false) }

func multiline(text string) *formEntry { return newFormEntry(text, true) }

// numberEntry edits a whole number of days; it says beside itself when the
// text is not one or the model refuses the number.
type numberEntry struct {
	*formEntry
	field string
}

func newNumber(field string, v int) *numberEntry {
	// The form holds n, so the entry must know n as itself (as
	// embeddedSelect does for a Select): an entry extended as the inner
	// formEntry asks for the focus of a widget that is not in the window,
	// and a click leaves the field unfocused.
	n := &numberEntry{formEntry: &formEntry{}, field: field}
	n.ExtendBaseWidget(n)
	n.SetText(strconv.Itoa(v))
	n.OnSubmitted = func(string) { n.submitForm() }
	n.Validator = func(string) error { _, err := n.value(); return err }
	return n
}

// check adds the model's judgement of a parsed value (negative days).
func (n *numberEntry) check(problems func(v int) model.Problems, m *model.Map) {
	n.Validator = func(string) error {
		v, err := n.value()
		if err != nil {
			return err
		}
		return firstProblem(m, problems(v))
	}
}

func (n *numberEntry) value() (int, error) {
	s := strings.TrimSpace(n.Text)
	if s == "" {
		return 0, nil
	}
	v, err := strconv.Atoi(s)
	if err != nil {
		return 0, errorf(Tf("%s: %q is not a whole number", T(n.field), s))
	}
	return v, nil
}

// embeddedSelect makes the Select of a type that embeds one (scale,
// choice, idChoice). The form holds the outer value, so the Select must know
// that value as itself (ExtendBaseWidget on it, which only works once, so
// not widget.NewSelect): otherwise its drop-down finds no window to open in
// and the desktop driver crashes (the test driver does not notice).
func embeddedSelect(opts []string) *widget.Select {
	return &widget.Select{Options: opts, PlaceHolder: choosePlaceHolder()}
}

// scale picks a value from lo..hi, or "not filled in" when optional.
type scale struct {
	*widget.Select
	lo       int
	optional bool
}

func newScale(lo, hi int, v *int, optional bool) *scale {
	var opts []string
	if optional {
		opts = append(opts, "—")
	}
	for i := lo; i <= hi; i++ {
		opts = append(opts, signed(i, lo < 0))
	}
	s := &scale{Select: embeddedSelect(opts), lo: lo, optional: optional}
	s.ExtendBaseWidget(s)
	if v == nil {
		s.SetSelectedIndex(0)
	} else {
		s.SetSelected(signed(*v, lo < 0))
	}
	return s
}

func signed(i int, withSign bool) string {
	if withSign && i > 0 {
		return "+" + strconv.Itoa(i)
	}
	return strconv.Itoa(i)
}

func (s *scale) value() *int {
	i := s.SelectedIndex()
	if i < 0 || (s.optional && i == 0) {
		return nil
	}
	if s.optional {
		i--
	}
	return model.Int(s.lo + i)
}

// choice selects one of a list of model values shown with translated names.
type choice[T ~string] struct {
	*widget.Select
	values []T
}

func newChoice[T ~string](values []T, current T, name func(T) string, allowEmpty bool) *choice[T] {
	c := &choice[T]{values: values}
	if allowEmpty {
		c.values = append([]T{""}, values...)
	}
	opts := make([]string, len(c.values))
	for i, v := range c.values {
		if v == "" {
			opts[i] = "—"
		} else {
			opts[i] = name(v)
		}
	}
	c.Select = embeddedSelect(opts)
	c.ExtendBaseWidget(c)
	for i, v := range c.values {
		if v == current {
			c.SetSelectedIndex(i)
		}
	}
	return c
}

func (c *choice[T]) selectedText() string { return c.Selected }

func (c *choice[T]) value() T {
	if i := c.SelectedIndex(); i >= 0 {
		return c.values[i]
	}
	return ""
}

func tr[T ~string](prefix string) func(T) string {
	return func(v T) string { return T2(prefix + string(v)) }
}

// T2 is T for generic helpers (T is a type parameter name there).
func T2(key string) string { return T(key) }

func (mw *mainWindow) stepForm(scenario model.ID, s model.Step) fyne.CanvasObject {
	name, timing := entry(s.Name), entry(s.Timing)
	start, dur, wait := newNumber("Start day", s.StartDay), newNumber("Duration (days)", s.DurationDays), newNumber("Waiting time before (days)", s.WaitDays)
	desc, pains := multiline(s.Description), multiline(s.PainPoints)
	exp, carer := newScale(-2, 2, s.Experience, true), newScale(-2, 2, s.CarerExperience, true)
	items := []*widget.FormItem{
		widget.NewFormItem(T("Name"), name),
		widget.NewFormItem(T("Timing"), timing),
		widget.NewFormItem(T("Start day"), start),
		widget.NewFormItem(T("Duration (days)"), dur),
		widget.NewFormItem(T("Waiting time before (days)"), wait),
		widget.NewFormItem(T("Patient experience"), exp),
		widget.NewFormItem(T("Carer experience"), carer),
		widget.NewFormItem(T("Pain points"), pains),
		widget.NewFormItem(T("field.description"), desc),
	}
	items[1].HintText = T("e.g. day 1, week 2–6")
	m := mw.doc.m()
	name.Validator = func(text string) error {
		st := s
		st.Name = text
		return firstProblem(m, model.CheckStep(scenario, st).For("name"))
	}
	for _, d := range []struct {
		e     *numberEntry
		field string
		set   func(st *model.Step, v int)
	}{
		{start, "start day", func(st *model.Step, v int) { st.StartDay = v }},
		{dur, "duration", func(st *model.Step, v int) { st.DurationDays = v }},
		{wait, "waiting time", func(st *model.Step, v int) { st.WaitDays = v }},
	} {
		d.e.check(func(v int) model.Problems {
			st := s
			d.set(&st, v)
			return model.CheckStep(scenario, st).For(d.field)
		}, m)
	}
	return mw.editForm(items, func() (model.Command, error) {
		st := s
		var err error
		st.Name, st.Timing, st.Description, st.PainPoints = name.Text, timing.Text, desc.Text, pains.Text
		if st.StartDay, err = start.value(); err != nil {
			return nil, err
		}
		if st.DurationDays, err = dur.value(); err != nil {
			return nil, err
		}
		if st.WaitDays, err = wait.value(); err != nil {
			return nil, err
		}
		st.Experience, st.CarerExperience = exp.value(), carer.value()
		return model.UpdateStep(scenario, st), nil
	})
}

func (mw *mainWindow) stakeholderForm(s model.Stakeholder) fyne.CanvasObject {
	name, org, colour, notes := entry(s.Name), entry(s.Organisation), mw.newColourField(s.Colour), multiline(s.Notes)
	m := mw.doc.m()
	name.Validator = func(text string) error {
		st := s
		st.Name = text
		return firstProblem(m, model.CheckStakeholder(st).For("name"))
	}
	colour.entry.Validator = colourValidator(m, s)
	kind := newChoice(model.StakeholderKinds, s.Kind, tr[model.StakeholderKind]("kind."), true)
	attitude := newScale(-2, 2, model.Int(s.Attitude), false)
	influence := newScale(1, 5, optionalScore(s.Influence), true)
	interest := newScale(1, 5, optionalScore(s.Interest), true)
	leader := widget.NewCheck(T("Informal leader"), nil)
	leader.SetChecked(s.InformalLeader)
	items := []*widget.FormItem{
		widget.NewFormItem(T("Name"), name),
		widget.NewFormItem(T("Kind"), kind),
		widget.NewFormItem(T("Organisation"), org),
		widget.NewFormItem(T("Colour"), colour),
		widget.NewFormItem(T("Attitude"), attitude),
		widget.NewFormItem(T("Influence"), influence),
		widget.NewFormItem(T("Interest"), interest),
		widget.NewFormItem("", leader),
		widget.NewFormItem(T("Notes"), notes),
	}
	items[3].HintText = T("e.g. #3d8bd4, or choose one")
	return container.NewVBox(mw.editForm(items, func() (model.Command, error) {
		st := s
		st.Name, st.Kind, st.Organisation, st.Colour, st.Notes = name.Text, kind.value(), org.Text, colour.text(), notes.Text
		st.Attitude = *attitude.value()
		st.Influence, st.Interest = scoreOf(influence.value()), scoreOf(interest.value())
		st.InformalLeader = leader.Checked
		return model.UpdateStakeholder(st), nil
	}), mw.laneButtons(s.ID))
}

// laneButtons move a lane up or down.
func (mw *mainWindow) laneButtons(id model.ID) fyne.CanvasObject {
	up := widget.NewButtonWithIcon(T("Move up"), theme.MoveUpIcon(), func() {
		if i := mw.doc.m().StakeholderIndex(id); i > 0 {
			mw.do(model.MoveStakeholder(id, i-1))
		}
	})
	down := widget.NewButtonWithIcon(T("Move down"), theme.MoveDownIcon(), func() {
		if i := mw.doc.m().StakeholderIndex(id); i >= 0 && i < len(mw.doc.m().Stakeholders)-1 {
			mw.do(model.MoveStakeholder(id, i+1))
		}
	})
	return container.NewHBox(up, down)
}

func optionalScore(v int) *int {
	if v == 0 {
		return nil
	}
	return model.Int(v)
}

func scoreOf(v *int) int {
	if v == nil {
		return 0
	}
	return *v
}

func (mw *mainWindow) cardForm(scenario model.ID, c model.Contribution) fyne.CanvasObject {
	value, desc := entry(c.Value), multiline(c.Description)
	role := newChoice(model.Roles, c.Role, roleName, false)
	capital := newChoice(model.Capitals, c.Capital, tr[model.Capital]("capital."), true)
	evidence := newChoice(model.Evidences, c.Evidence, tr[model.Evidence]("evidence."), true)
	tangible := widget.NewCheck(T("Tangible"), nil)
	tangible.SetChecked(c.Tangible)
	step, lane := mw.stepChoice(c.Step), mw.laneChoice(c.Stakeholder)
	m := mw.doc.m()
	value.Validator = func(text string) error {
		n := c
		n.Value = text
		return firstProblem(m, model.CheckContribution(scenario, n).For("value"))
	}
	items := []*widget.FormItem{
		widget.NewFormItem(T("Value"), value),
		widget.NewFormItem(T("Role"), role),
		widget.NewFormItem(T("Step"), step),
		widget.NewFormItem(T("Stakeholder"), lane),
		widget.NewFormItem(T("Capital"), capital),
		widget.NewFormItem("", tangible),
		widget.NewFormItem(T("Evidence"), evidence),
		widget.NewFormItem(T("field.description"), desc),
	}
	return mw.editForm(items, func() (model.Command, error) {
		n := c
		n.Value, n.Description, n.Role, n.Capital, n.Evidence, n.Tangible = value.Text, desc.Text, role.value(), capital.value(), evidence.value(), tangible.Checked
		n.Step, n.Stakeholder = step.value(), lane.value()
		return model.UpdateContribution(scenario, n), nil
	})
}

func (mw *mainWindow) flowForm(scenario model.ID, f model.Flow) fyne.CanvasObject {
	label := entry(f.Label)
	kind := newChoice(model.FlowKinds, f.Kind, tr[model.FlowKind]("flow."), false)
	crit := newChoice(model.Criticalities, f.Criticality, tr[model.Criticality]("criticality."), false)
	from, to := mw.cardChoice(f.From), mw.cardChoice(f.To)
	items := []*widget.FormItem{
		widget.NewFormItem(T("From"), from),
		widget.NewFormItem(T("To"), to),
		widget.NewFormItem(T("Kind"), kind),
		widget.NewFormItem(T("Label"), label),
		widget.NewFormItem(T("Criticality"), crit),
	}
	return mw.editForm(items, func() (model.Command, error) {
		n := f
		n.Label, n.Kind, n.Criticality, n.From, n.To = label.Text, kind.value(), crit.value(), from.value(), to.value()
		return model.UpdateFlow(scenario, n), nil
	})
}

func (mw *mainWindow) relationshipForm(r model.Relationship) fyne.CanvasObject {
	a, b := mw.laneChoice(r.A), mw.laneChoice(r.B)
	kind, notes := entry(r.Kind), multiline(r.Notes)
	quality := newScale(-2, 2, model.Int(r.Quality), false)
	items := []*widget.FormItem{
		widget.NewFormItem(T("Stakeholder A"), a),
		widget.NewFormItem(T("Stakeholder B"), b),
		widget.NewFormItem(T("Kind"), kind),
		widget.NewFormItem(T("Quality"), quality),
		widget.NewFormItem(T("Notes"), notes),
	}
	return mw.editForm(items, func() (model.Command, error) {
		n := r
		n.A, n.B, n.Kind, n.Notes, n.Quality = a.value(), b.value(), kind.Text, notes.Text, *quality.value()
		return model.UpdateRelationship(n), nil
	})
}

// idChoice selects an element by a readable name and gives back its id.
type idChoice struct {
	*widget.Select
	ids []model.ID
}

func newIDChoice(ids []model.ID, names []string, current model.ID) *idChoice {
	c := &idChoice{Select: embeddedSelect(names), ids: ids}
	c.ExtendBaseWidget(c)
	for i, id := range ids {
		if id == current {
			c.SetSelectedIndex(i)
		}
	}
	return c
}

func (c *idChoice) value() model.ID {
	if i := c.SelectedIndex(); i >= 0 {
		return c.ids[i]
	}
	return ""
}

func (mw *mainWindow) stepChoice(current model.ID) *idChoice {
	var ids []model.ID
	var names []string
	for i, s := range mw.doc.current().Steps {
		ids = append(ids, s.ID)
		names = append(names, strconv.Itoa(i+1)+". "+s.Name)
	}
	return newIDChoice(ids, names, current)
}

func (mw *mainWindow) laneChoice(current model.ID) *idChoice {
	var ids []model.ID
	var names []string
	for _, s := range mw.doc.m().Stakeholders {
		ids = append(ids, s.ID)
		names = append(names, s.Name)
	}
	return newIDChoice(ids, names, current)
}

// cardChoice lists the cards as "step · stakeholder · value".
func (mw *mainWindow) cardChoice(current model.ID) *idChoice {
	m, sc := mw.doc.m(), mw.doc.current()
	var ids []model.ID
	var names []string
	for _, c := range sc.Contributions {
		step, lane := "?", "?"
		if s := sc.Step(c.Step); s != nil {
			step = s.Name
		}
		if s := m.Stakeholder(c.Stakeholder); s != nil {
			lane = s.Name
		}
		ids = append(ids, c.ID)
		names = append(names, step+" · "+lane+" · "+c.Value)
	}
	return newIDChoice(ids, names, current)
}
