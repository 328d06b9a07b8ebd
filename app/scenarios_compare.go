package app

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"valueflow/canvas/export"
	"valueflow/canvas/scene"
	"valueflow/model"
	"valueflow/model/anonymise"
	"valueflow/model/compare"
)

// compareSide is one choice in the compare dialog: a scenario of the open
// map, or a scenario of one of the file's snapshots (read when chosen).
type compareSide struct {
	label    string
	snapshot int64 // 0: the open map
	scenario model.ID
}

func (mw *mainWindow) compareSides() []compareSide {
	var sides []compareSide
	for _, sc := range mw.doc.m().Scenarios {
		sides = append(sides, compareSide{label: sc.Name, scenario: sc.ID})
	}
	snaps, err := mw.doc.file.Snapshots()
	if err != nil {
		mw.showError(err)
	}
	for _, s := range snaps {
		m, err := mw.doc.file.SnapshotMap(s.ID)
		if err != nil {
			continue // a damaged snapshot is left out of the choice
		}
		name, _ := snapshotText(s)
		for _, sc := range m.Scenarios {
			sides = append(sides, compareSide{label: Tf("Snapshot %s: %s", name, sc.Name), snapshot: s.ID, scenario: sc.ID})
		}
	}
	// Two scenarios (or snapshots) may share a name; the choice must still
	// tell them apart, as the scenario selector does.
	seen := map[string]int{}
	for i := range sides {
		seen[sides[i].label]++
		if n := seen[sides[i].label]; n > 1 {
			sides[i].label = fmt.Sprintf("%s (%d)", sides[i].label, n)
		}
	}
	return sides
}

// resolve returns the map and scenario of a side: live is the open map as
// the compare saw it (one copy for both sides, so two scenarios of it share
// their stakeholders), a snapshot is read from the file.
func (mw *mainWindow) resolve(s compareSide, live *model.Map) (*model.Map, *model.Scenario, error) {
	m := live
	if s.snapshot != 0 {
		var err error
		if m, err = mw.doc.file.SnapshotMap(s.snapshot); err != nil {
			return nil, nil, err
		}
	}
	sc := m.Scenario(s.scenario)
	if sc == nil {
		return nil, nil, errorf(Tf("The scenario %q no longer exists.", string(s.scenario)))
	}
	return m, sc, nil
}

// defaultSides are the choices the compare dialog starts with: the first
// scenario against the one on the board, or against the next choice when
// the board shows the first, so the two differ whenever they can.
func defaultSides(sides []compareSide, current model.ID) (from, to int) {
	to = min(1, len(sides)-1)
	for i, s := range sides {
		if i > 0 && s.snapshot == 0 && s.scenario == current {
			to = i
		}
	}
	return 0, to
}

// compareDialog asks for two scenarios or snapshots and shows their compare
// board.
func (mw *mainWindow) compareDialog() {
	sides := mw.compareSides()
	labels := make([]string, len(sides))
	for i, s := range sides {
		labels[i] = s.label
	}
	from, to := newDialogSelect(labels, nil), newDialogSelect(labels, nil)
	f, t := defaultSides(sides, mw.doc.current().ID)
	from.SetSelectedIndex(f)
	to.SetSelectedIndex(t)
	d := dialog.NewForm(T("Compare"), T("Compare"), T("Cancel"), []*widget.FormItem{
		widget.NewFormItem(T("From"), from),
		widget.NewFormItem(T("To"), to),
	}, func(ok bool) {
		if !ok || from.SelectedIndex() < 0 || to.SelectedIndex() < 0 {
			return
		}
		mw.showCompare(sides[from.SelectedIndex()], sides[to.SelectedIndex()])
	}, mw.win)
	d.Resize(fyne.NewSize(460, 200))
	d.Show()
}

// compareView is one compare: both sides, their diff and its board.
type compareView struct {
	from, to compareSide
	ma, mb   *model.Map
	sa, sb   *model.Scenario
	diff     *compare.Diff
	scene    *scene.Scene
	status   map[scene.Target]scene.CompareStatus
}

// newCompareView compares sides a and b of maps ma and mb and lays out
// their board as it is printed.
func newCompareView(a, b compareSide, ma, mb *model.Map, sa, sb *model.Scenario) *compareView {
	return buildCompareView(a, b, ma, mb, sa, sb, false)
}

// buildCompareView compares and lays out; on screen the summary bar is
// left off the board (the window has its own under it).
func buildCompareView(a, b compareSide, ma, mb *model.Map, sa, sb *model.Scenario, screen bool) *compareView {
	v := &compareView{from: a, to: b, ma: ma, mb: mb, sa: sa, sb: sb}
	v.diff = compare.Compare(sa, sb, ma, mb)
	v.scene, v.status = scene.CompareBoard(sa, sb, ma, mb, v.diff, scene.CompareOptions{FromName: a.label, ToName: b.label, NoSummary: screen, Board: scene.BoardOptions{NoFocus: true, Translate: T}})
	return v
}

// names is how the compare calls its two sides, on screen and on paper.
func (v *compareView) names() string { return v.from.label + " → " + v.to.label }

// meta is what every printed page of the compare says: the map, both
// sides' names and the compare legend.
func (v *compareView) meta() export.Meta {
	return export.Meta{Title: v.mb.Title, Author: "Valueflow", Scenario: v.names(), Date: time.Now(), Legend: scene.CompareLegend(), Translate: T}
}

// exportBuilder lays the compare out again for the export dialog from both
// maps passed through private: themselves, or privacy-safe copies (one for
// both sides when they are scenarios of one map).
func (v *compareView) exportBuilder() sceneBuilder {
	return func(private privacy) (*scene.Scene, export.Meta, error) {
		am, bm, from, to := v.ma, v.mb, v.from, v.to
		if private(v.ma) != v.ma {
			// Privacy-safe: both sides as one, so a person has one name and
			// id on both; the sides' names lose the names too.
			ms := []*model.Map{v.ma}
			if v.mb != v.ma {
				ms = append(ms, v.mb)
			}
			cs := anonymise.Maps(T, ms...)
			am, bm = cs[0], cs[len(cs)-1]
			from.label, to.label = anonymise.Text(T, from.label, ms...), anonymise.Text(T, to.label, ms...)
		}
		cv := newCompareView(from, to, am, bm, am.Scenario(anonymise.IDs(v.ma, am)(v.sa.ID)), bm.Scenario(anonymise.IDs(v.mb, bm)(v.sb.ID)))
		return cv.scene, cv.meta(), nil
	}
}

// summary counts what was added, removed and changed per kind, as the
// printed board's summary bar does.
func (v *compareView) summary() string {
	if v.diff.Empty() {
		return T("no differences")
	}
	var lines []string
	for _, k := range compare.Kinds {
		if c := v.diff.Counts[k]; c != (compare.Counts{}) {
			lines = append(lines, fmt.Sprintf("%s: +%d −%d ~%d", T("compare.kind."+string(k)), c.Added, c.Removed, c.Changed))
		}
	}
	return strings.Join(lines, "  ·  ")
}

// details describes what happened to one element of the compare board, in
// the user's words: field names and values translated, references by name.
func (v *compareView) details(t scene.Target) string {
	if t.ID == "" {
		return T("Select an element to see what changed.")
	}
	switch v.status[t] {
	case scene.Added:
		return T("Added") + "\n" + v.itemName(t)
	case scene.Removed:
		return T("Removed") + "\n" + v.itemName(t)
	case scene.Changed:
		lines := []string{T("Changed"), v.itemName(t)}
		for _, c := range v.diff.Changed {
			if c.ID == t.ID && kindOf(c.Kind) == t.Kind {
				lines = append(lines, v.changeLine(c))
			}
		}
		return strings.Join(lines, "\n")
	}
	return T("Unchanged") + "\n" + v.itemName(t)
}

// itemName names an element of the board: its kind and name, from the
// side that has it.
func (v *compareView) itemName(t scene.Target) string {
	word := kindWord(t.Kind)
	for _, side := range []struct {
		m  *model.Map
		sc *model.Scenario
	}{{v.mb, v.sb}, {v.ma, v.sa}} {
		switch t.Kind {
		case model.EntityStakeholder:
			if s := side.m.Stakeholder(t.ID); s != nil {
				return word + ": " + s.Name
			}
		case model.EntityStep:
			if s := side.sc.Step(t.ID); s != nil {
				return word + ": " + s.Name
			}
		case model.EntityContribution:
			if c := side.sc.Contribution(t.ID); c != nil {
				return word + ": " + cardName(side.m, c)
			}
		case model.EntityFlow:
			if f := side.sc.Flow(t.ID); f != nil {
				return word + ": " + flowName(side.m, side.sc, f)
			}
		}
	}
	return word
}

func kindWord(k model.EntityKind) string {
	switch k {
	case model.EntityStakeholder:
		return T("Stakeholder")
	case model.EntityStep:
		return T("Step")
	case model.EntityContribution:
		return T("Card")
	case model.EntityFlow:
		return T("Flow")
	case model.EntityRelationship:
		return T("Relationship")
	case model.EntityCoalition:
		return T("Coalition")
	}
	return T("Map properties")
}

// cardName is a card's value with the stakeholder who adds it.
func cardName(m *model.Map, c *model.Contribution) string {
	if s := m.Stakeholder(c.Stakeholder); s != nil {
		return c.Value + " (" + s.Name + ")"
	}
	return c.Value
}

func flowName(m *model.Map, sc *model.Scenario, f *model.Flow) string {
	ends := make([]string, 2)
	for i, id := range []model.ID{f.From, f.To} {
		ends[i] = string(id)
		if c := sc.Contribution(id); c != nil {
			ends[i] = cardName(m, c)
		}
	}
	name := ends[0] + " → " + ends[1]
	if f.Label != "" {
		name = f.Label + ": " + name
	}
	return name
}

// fieldLabels are the inspector's words for the fields a change names.
var fieldLabels = map[string]string{
	"name": "Name", "kind": "Kind", "organisation": "Organisation", "colour": "Colour",
	"attitude": "Attitude", "influence": "Influence", "interest": "Interest",
	"informal_leader": "Informal leader", "notes": "Notes",
	"timing": "Timing", "start_day": "Start day", "duration_days": "Duration (days)",
	"wait_days": "Waiting time before (days)", "description": "field.description",
	"experience": "Patient experience", "carer_experience": "Carer experience", "pain_points": "Pain points",
	"step": "Step", "stakeholder": "Stakeholder", "value": "Value", "role": "Role",
	"capital": "Capital", "tangible": "Tangible", "evidence": "Evidence",
	"from": "From", "to": "To", "label": "Label", "criticality": "Criticality",
	"a": "Stakeholder A", "b": "Stakeholder B", "quality": "Quality",
	"issue": "Issue", "members": "Members",
	"title": "Title", "purpose": "Purpose", "region": "Region", "stage": "Network stage",
}

// changeLine is one changed field: "Role: lead → informed".
func (v *compareView) changeLine(c compare.Change) string {
	label := c.Field
	if key, ok := fieldLabels[c.Field]; ok {
		label = T(key)
	}
	return fmt.Sprintf("%s: %s → %s", label, v.value(c, true), v.value(c, false))
}

// value shows the before (or after) of a change as the user knows it:
// a role, kind or stage in their language, a reference by the name of what
// it points at on that side.
func (v *compareView) value(c compare.Change, before bool) string {
	raw, m, sc := c.After, v.mb, v.sb
	if before {
		raw, m, sc = c.Before, v.ma, v.sa
	}
	if c.Field == "members" {
		return v.members(c, before)
	}
	if raw == "" {
		return "—"
	}
	switch c.Field {
	case "role":
		return roleName(model.Role(raw))
	case "capital":
		return T("capital." + raw)
	case "evidence":
		return T("evidence." + raw)
	case "criticality":
		return T("criticality." + raw)
	case "stage":
		return stageName(model.Stage(raw))
	case "tangible", "informal_leader":
		if b, err := strconv.ParseBool(raw); err == nil {
			return yesNo(b)
		}
	case "kind":
		switch c.Kind {
		case compare.Stakeholder:
			return T("kind." + raw)
		case compare.Flow:
			return T("flow." + raw)
		}
	case "step":
		if s := sc.Step(model.ID(raw)); s != nil {
			return s.Name
		}
	case "stakeholder", "a", "b":
		if s := m.Stakeholder(model.ID(raw)); s != nil {
			return s.Name
		}
	case "from", "to":
		if card := sc.Contribution(model.ID(raw)); card != nil {
			return cardName(m, card)
		}
	}
	return raw
}

// members lists a coalition's members on one side by name.
func (v *compareView) members(c compare.Change, before bool) string {
	m, id := v.mb, c.ID
	if before {
		m = v.ma
		if c.FromID != "" {
			id = c.FromID
		}
	}
	co := m.Coalition(id)
	if co == nil || len(co.Members) == 0 {
		return "—"
	}
	names := make([]string, len(co.Members))
	for i, s := range co.Members {
		names[i] = string(s)
		if sh := m.Stakeholder(s); sh != nil {
			names[i] = sh.Name
		}
	}
	return strings.Join(names, ", ")
}

func yesNo(b bool) string {
	if b {
		return T("yes")
	}
	return T("no")
}

// mapChanges lists what changed in the parts of the map the board does not
// draw (its information, relationships and coalitions), or "" when none
// did: they differ only between two maps, a snapshot and now.
func (v *compareView) mapChanges() string {
	var lines []string
	mapPart := func(k compare.Kind) bool {
		return k == compare.Map || k == compare.Relationship || k == compare.Coalition
	}
	for _, it := range v.diff.Added {
		if mapPart(it.Kind) {
			lines = append(lines, "+ "+kindWord(kindOf(it.Kind))+": "+it.Name)
		}
	}
	for _, it := range v.diff.Removed {
		if mapPart(it.Kind) {
			lines = append(lines, "− "+kindWord(kindOf(it.Kind))+": "+it.Name)
		}
	}
	for _, c := range v.diff.Changed {
		if !mapPart(c.Kind) {
			continue
		}
		name := kindWord(kindOf(c.Kind))
		switch c.Kind {
		case compare.Relationship:
			if r := v.mb.Relationship(c.ID); r != nil {
				name += " " + relationshipName(v.mb, r)
			}
		case compare.Coalition:
			if co := v.mb.Coalition(c.ID); co != nil {
				name += " " + co.Name
			}
		}
		lines = append(lines, "~ "+name+" · "+v.changeLine(c))
	}
	if len(lines) == 0 {
		return ""
	}
	return T("Not on the board:") + "\n" + strings.Join(lines, "\n")
}

func relationshipName(m *model.Map, r *model.Relationship) string {
	name := func(id model.ID) string {
		if s := m.Stakeholder(id); s != nil {
			return s.Name
		}
		return string(id)
	}
	return name(r.A) + " – " + name(r.B)
}

func kindOf(k compare.Kind) model.EntityKind {
	switch k {
	case compare.Map:
		return model.EntityMap
	case compare.Stakeholder:
		return model.EntityStakeholder
	case compare.Relationship:
		return model.EntityRelationship
	case compare.Coalition:
		return model.EntityCoalition
	case compare.Step:
		return model.EntityStep
	case compare.Contribution:
		return model.EntityContribution
	}
	return model.EntityFlow
}
