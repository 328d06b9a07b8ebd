package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"valueflow/canvas"
	"valueflow/canvas/scene"
	"valueflow/model"
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
		for _, sc := range m.Scenarios {
			sides = append(sides, compareSide{label: Tf("Snapshot %s: %s", s.Name, sc.Name), snapshot: s.ID, scenario: sc.ID})
		}
	}
	return sides
}

// resolve returns the map and scenario of a side.
func (mw *mainWindow) resolve(s compareSide) (*model.Map, *model.Scenario, error) {
	m := mw.doc.m()
	if s.snapshot != 0 {
		var err error
		if m, err = mw.doc.file.SnapshotMap(s.snapshot); err != nil {
			return nil, nil, err
		}
	}
	sc := m.Scenario(s.scenario)
	if sc == nil {
		return nil, nil, fmt.Errorf("scenario %q does not exist", s.scenario)
	}
	return m, sc, nil
}

// compareDialog asks for two scenarios or snapshots and shows their compare
// board.
func (mw *mainWindow) compareDialog() {
	sides := mw.compareSides()
	labels := make([]string, len(sides))
	for i, s := range sides {
		labels[i] = s.label
	}
	from, to := widget.NewSelect(labels, nil), widget.NewSelect(labels, nil)
	from.SetSelectedIndex(0)
	to.SetSelectedIndex(min(1, len(labels)-1))
	for i, s := range sides {
		if s.snapshot == 0 && s.scenario == mw.doc.current().ID {
			to.SetSelectedIndex(i)
		}
	}
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

// showCompare opens a window with the compare board of a and b and, for
// the element selected on it, what changed (before → after).
func (mw *mainWindow) showCompare(a, b compareSide) fyne.Window {
	ma, sa, err := mw.resolve(a)
	if err != nil {
		mw.showError(err)
		return nil
	}
	mb, sb, err := mw.resolve(b)
	if err != nil {
		mw.showError(err)
		return nil
	}
	d := compare.Compare(sa, sb, ma, mb)
	s, status := scene.CompareBoard(sa, sb, ma, mb, d, scene.CompareOptions{FromName: a.label, ToName: b.label, Board: scene.BoardOptions{NoFocus: true, Translate: T}})
	board := canvas.NewBoard()
	board.SetScene(s)
	details := widget.NewLabel(T("Select an element to see what changed."))
	details.Wrapping = fyne.TextWrapWord
	board.OnSelect = func(t scene.Target) {
		details.SetText(compareDetails(d, status, t))
	}
	w := mw.app.NewWindow(T("Compare") + ": " + a.label + " → " + b.label)
	right := container.NewVScroll(container.NewPadded(details))
	split := container.NewHSplit(board, right)
	split.Offset = 0.78
	w.SetContent(split)
	w.Resize(fyne.NewSize(1200, 760))
	w.Show()
	board.ZoomFit()
	return w
}

// compareDetails describes what happened to one element of a compare board.
func compareDetails(d *compare.Diff, status map[scene.Target]scene.CompareStatus, t scene.Target) string {
	switch status[t] {
	case scene.Added:
		return T("Added")
	case scene.Removed:
		return T("Removed")
	case scene.Changed:
		var lines []string
		for _, c := range d.Changed {
			if c.ID == t.ID && kindOf(c.Kind) == t.Kind {
				lines = append(lines, fmt.Sprintf("%s: %s → %s", c.Field, c.Before, c.After))
			}
		}
		return T("Changed") + "\n" + strings.Join(lines, "\n")
	}
	return T("Unchanged")
}

func kindOf(k compare.Kind) model.EntityKind {
	switch k {
	case compare.Stakeholder:
		return model.EntityStakeholder
	case compare.Step:
		return model.EntityStep
	case compare.Contribution:
		return model.EntityContribution
	}
	return model.EntityFlow
}
