package app

import (
	"errors"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"valueflow/canvas"
	"valueflow/canvas/scene"
	"valueflow/model"
	"valueflow/storage"
)

// renameScenarioDialog renames the scenario on the board (undoable).
func (mw *mainWindow) renameScenarioDialog() {
	sc := mw.doc.current()
	mw.renameScenarioDialogWith(sc, sc.Name, sc.Notes)
}

// renameScenarioDialogWith opens the rename dialog filled in with name and
// notes: the scenario's own, or what the user typed before being told the
// name is taken.
func (mw *mainWindow) renameScenarioDialogWith(sc *model.Scenario, text, note string) {
	name := newDialogEntry() // Escape in either field cancels
	name.SetText(text)
	notes := newDialogMultiLineEntry()
	notes.SetText(note)
	items := []*widget.FormItem{
		scenarioNameItem(name, &name.Validator),
		widget.NewFormItem(T("Notes"), notes),
	}
	d := dialog.NewForm(T("Rename scenario"), T("Save"), T("Cancel"), items, func(ok bool) {
		mw.dialogClosed(items)
		if !ok {
			return
		}
		mw.confirmScenarioName(name.Text, sc.ID, func() {
			mw.do(model.UpdateScenario(sc.ID, strings.TrimSpace(name.Text), notes.Text))
		}, func() { mw.renameScenarioDialogWith(sc, name.Text, notes.Text) })
	}, mw.win)
	name.OnSubmitted = func(string) { d.Submit() } // Enter saves, unless Save is off
	d.Resize(fyne.NewSize(420, 240))
	d.Show()
	mw.typeName(name)
}

// typeName gives the keys to a dialog's name field with its text selected,
// so what the user types replaces the name proposed (or the old one), and
// the arrow keys keep it to edit.
func (mw *mainWindow) typeName(name *dialogEntry) {
	mw.win.Canvas().Focus(name)
	name.TypedShortcut(&fyne.ShortcutSelectAll{})
}

// scenarioNameItem is the Name field of the new and rename scenario
// dialogs, name an entry and validator its Validator: without a name (or
// only spaces) it says under the field that a scenario needs one, and the
// dialog's button stays off.
func scenarioNameItem(name fyne.CanvasObject, validator *fyne.StringValidator) *widget.FormItem {
	return nameItem(name, validator, T("A scenario needs a name.")) // app/name_item.go
}

// confirmScenarioName runs then when no other scenario than self is called
// name, or self already was; otherwise it first warns that the two will be
// hard to tell apart, and runs then only if the user keeps the name (else
// again, when set).
func (mw *mainWindow) confirmScenarioName(name string, self model.ID, then, again func()) {
	taken := false
	if sc := mw.doc.m().Scenario(self); sc != nil && strings.TrimSpace(sc.Name) == strings.TrimSpace(name) {
		then() // not renamed: nothing new to warn about
		return
	}
	for _, sc := range mw.doc.m().Scenarios {
		taken = taken || (sc.ID != self && strings.EqualFold(strings.TrimSpace(sc.Name), strings.TrimSpace(name)))
	}
	if !taken {
		then()
		return
	}
	d := dialog.NewConfirm(T("Name already used"), Tf("Another scenario is already called %q: on the board, in the selector and on paper the two are hard to tell apart. Keep this name anyway?", strings.TrimSpace(name)), func(keep bool) {
		if keep {
			then()
		} else if again != nil {
			again()
		}
	}, mw.win)
	d.SetConfirmText(T("Keep the name"))
	d.SetDismissText(T("Choose another"))
	d.Show()
}

// deleteScenario deletes the scenario on the board after asking; Undo
// brings it back, and the last one cannot be deleted.
func (mw *mainWindow) deleteScenario() {
	sc := mw.doc.current()
	if len(mw.doc.m().Scenarios) == 1 {
		mw.showError(errorf(T("The last scenario of a map cannot be deleted: a map always has one.")))
		return
	}
	dialog.ShowConfirm(T("Delete scenario"), Tf("Delete the scenario %q with its steps, cards and flows? Undo brings it back.", sc.Name), func(ok bool) {
		if ok {
			// The board goes to the first scenario left; Undo shows
			// the deleted one again, Redo goes where the delete went.
			mw.do(mw.boardFollows(model.DeleteScenario(sc.ID), sc.ID, func(m *model.Map) model.ID { return m.Scenarios[0].ID }))
		}
	}, mw.win)
}

// boardFollows makes the board follow c, a command that adds or deletes a
// scenario, whether it is made, undone or redone: when c is done and the
// board shows before (the scenario it showed when c was made) or a
// scenario that is gone, it shows after(m), the scenario c leaves in view;
// when c is undone the board shows before again, as it was before c. The
// document alone knows which scenario is on the board, and the editor
// undoes and redoes the command, not the window's view of it.
func (mw *mainWindow) boardFollows(c model.Command, before model.ID, after func(m *model.Map) model.ID) model.Command {
	return &scenarioShown{Command: c, mw: mw, before: before, after: after}
}

type scenarioShown struct {
	model.Command
	mw     *mainWindow
	before model.ID
	after  func(m *model.Map) model.ID
}

func (c *scenarioShown) Do(m *model.Map) error {
	if err := c.Command.Do(m); err != nil {
		return err
	}
	if d := c.mw.doc; d.scenario == c.before || m.Scenario(d.scenario) == nil {
		c.show(c.after(m))
	}
	return nil
}

func (c *scenarioShown) Undo(m *model.Map) {
	c.Command.Undo(m)
	if m.Scenario(c.before) != nil {
		c.show(c.before)
	}
}

// show puts scenario id on the board, as choosing it in the selector does:
// the selection was in the other one.
func (c *scenarioShown) show(id model.ID) {
	if c.mw.doc.scenario != id {
		c.mw.doc.scenario = id
		c.mw.selected = scene.Target{}
	}
}

// snapshotText is a snapshot's name and note in the user's words: the one
// taken automatically before a format update is stored in English.
func snapshotText(s model.SnapshotInfo) (name, note string) {
	if from, to, ok := storage.MigrationSnapshot(s); ok {
		return Tf("Before the update to format version %d", to), Tf("taken automatically; the file had format version %d", from)
	}
	return s.Name, s.Note
}

// snapshotsDialog lists the file's snapshots with their time and note, and
// takes, restores (undoable) and deletes them.
func (mw *mainWindow) snapshotsDialog() {
	file := mw.doc.file
	var snaps []model.SnapshotInfo
	selected := -1
	list := newDialogList(
		func() int { return len(snaps) },
		func() fyne.CanvasObject {
			return container.NewVBox(widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), widget.NewLabel(""))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			name, note := snapshotText(snaps[i])
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Label).SetText(name)
			line := time.Unix(snaps[i].Time, 0).Format("2006-01-02 15:04")
			if note != "" {
				line += " · " + note
			}
			box.Objects[1].(*widget.Label).SetText(line)
		})
	// Open, Restore and Delete act on the snapshot chosen in the list: off
	// until one is (Restore and Delete stay off in a read-only file).
	var chosen []*widget.Button
	var writes map[*widget.Button]bool
	empty := widget.NewLabel(T("No snapshots yet: Take snapshot… keeps the map as it is now, to look back at or restore."))
	empty.Wrapping = fyne.TextWrapWord
	enable := func() {
		for _, b := range chosen {
			if selected < 0 || (writes[b] && file.ReadOnly()) {
				b.Disable()
			} else {
				b.Enable()
			}
		}
		if len(snaps) == 0 {
			empty.Show()
		} else {
			empty.Hide()
		}
	}
	reload := func() {
		var err error
		if snaps, err = file.Snapshots(); err != nil {
			mw.showError(err)
		}
		selected = -1
		list.UnselectAll()
		list.Refresh()
		enable()
	}
	list.OnSelected = func(i widget.ListItemID) { selected = i; enable() }
	list.OnUnselected = func(widget.ListItemID) { selected = -1; enable() }

	take := widget.NewButton(T("Take snapshot…"), func() {
		name := newDialogEntry() // Escape in either field cancels
		name.SetText(time.Now().Format("2006-01-02 15:04"))
		name.Validator = func(s string) error {
			if strings.TrimSpace(s) == "" {
				return errors.New(T("A snapshot needs a name."))
			}
			return nil
		}
		note := newDialogEntry()
		form := dialog.NewForm(T("Take snapshot"), T("Save"), T("Cancel"), []*widget.FormItem{
			widget.NewFormItem(T("Name"), name),
			widget.NewFormItem(T("Note"), note),
		}, func(ok bool) {
			// Over the Snapshots dialog: the fields let go of the keys
			// (see dialogClosed), which stay in that dialog.
			name.FocusLost()
			note.FocusLost()
			if !ok {
				return
			}
			if _, err := file.TakeSnapshot(name.Text, note.Text); errors.Is(err, storage.ErrSnapshotName) {
				mw.showError(errorf(T("A snapshot needs a name.")))
			} else if err != nil {
				mw.showError(err)
			}
			reload()
		}, mw.win)
		name.OnSubmitted = func(string) { form.Submit() }
		form.Resize(fyne.NewSize(440, 220))
		form.Show()
		mw.typeName(name)
	})
	var d *dialog.CustomDialog
	restore := widget.NewButton(T("Restore"), func() {
		if selected < 0 {
			return
		}
		s := snaps[selected]
		m, err := file.SnapshotMap(s.ID)
		if err != nil {
			mw.showError(err)
			return
		}
		if mw.do(model.ReplaceMap(m)) {
			mw.doc.current()
			mw.refresh()
			// The board behind the dialog is the snapshot's now: the
			// dialog goes, and the status line says what happened and
			// how to go back.
			d.Hide()
			name, _ := snapshotText(s)
			mw.status.SetText(Tf("Snapshot %q restored: Edit → Undo (Ctrl+Z) brings the map back as it was.", name))
		}
	})
	open := widget.NewButton(T("Open read-only"), func() {
		if selected < 0 {
			return
		}
		mw.showSnapshot(snaps[selected])
	})
	del := widget.NewButton(T("Delete"), func() {
		if selected < 0 {
			return
		}
		s := snaps[selected]
		name, _ := snapshotText(s)
		dialog.ShowConfirm(T("Delete snapshot"), Tf("Delete the snapshot %q? This cannot be undone.", name), func(ok bool) {
			if !ok {
				return
			}
			if err := file.DeleteSnapshot(s.ID); err != nil && !errors.Is(err, storage.ErrNoSnapshot) {
				mw.showError(err)
			}
			reload()
		}, mw.win)
	})
	chosen, writes = []*widget.Button{open, restore, del}, map[*widget.Button]bool{restore: true, del: true}
	if file.ReadOnly() {
		take.Disable()
	}
	reload()
	content := container.NewBorder(empty, container.NewHBox(take, open, restore, del), nil, nil, list)
	d = dialog.NewCustom(T("Snapshots"), T("Close"), content, mw.win)
	d.Resize(fyne.NewSize(520, 420))
	d.Show()
}

// dialogList is a list in a dialog: Escape cancels the dialog. A click on
// an item gives the list the keys, so without it Escape in the Snapshots
// dialog did nothing once a snapshot was chosen.
type dialogList struct{ widget.List }

func newDialogList(length func() int, create func() fyne.CanvasObject, update func(widget.ListItemID, fyne.CanvasObject)) *dialogList {
	l := &dialogList{}
	l.Length, l.CreateItem, l.UpdateItem = length, create, update
	l.ExtendBaseWidget(l)
	return l
}

func (l *dialogList) TypedKey(k *fyne.KeyEvent) {
	if !cancelDialogOf(l, k) {
		l.List.TypedKey(k)
	}
}

// showSnapshot opens a window that shows a snapshot's board, read-only:
// looking back never changes anything.
func (mw *mainWindow) showSnapshot(info model.SnapshotInfo) fyne.Window {
	m, err := mw.doc.file.SnapshotMap(info.ID)
	if err != nil {
		mw.showError(err)
		return nil
	}
	// The board opens as the journey board does: readable at the top left,
	// the whole of it when that fits at 90 % or more (fitted, an L map's
	// text could not be read); Fit to Window shows all of it.
	board := canvas.NewBoard()
	pick := newSelect(scenarioLabels(m), nil)
	pick.OnChanged = func(string) {
		if i := pick.SelectedIndex(); i >= 0 {
			board.SetScene(scene.Board(m, m.Scenarios[i].ID, scene.BoardOptions{Translate: T}))
		}
	}
	name, note := snapshotText(info)
	w := mw.app.NewWindow(Tf("Snapshot %s (read-only)", name))
	// The choice is as wide as a long scenario name, not its first letters.
	choice := container.NewGridWrap(fyne.NewSize(300, pick.MinSize().Height), pick)
	title := widget.NewLabelWithStyle(Tf("Snapshot %s (read-only)", name), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	when := time.Unix(info.Time, 0).Format("2006-01-02 15:04")
	if note != "" {
		when += " · " + note
	}
	about := widget.NewLabel(when)
	about.Truncation = fyne.TextTruncateEllipsis
	fit := widget.NewButton(T("Fit to Window"), board.ZoomFit)
	top := container.NewBorder(nil, nil, container.NewHBox(title, widget.NewLabel(T("Scenario:")), choice), fit, about)
	w.SetContent(container.NewBorder(top, nil, nil, nil, board))
	c := w.Canvas()
	for s, do := range map[fyne.Shortcut]func(){
		shortcutPlus: board.ZoomIn, shortcutPlusShifted: board.ZoomIn, shortcutPlusPad: board.ZoomIn,
		shortcutMinus: board.ZoomOut, shortcutFit: board.ZoomFit,
	} {
		c.AddShortcut(s, func(fyne.Shortcut) { do() })
	}
	w.Resize(fyne.NewSize(1200, 700)) // fits a 1366 × 768 laptop screen
	pick.SetSelectedIndex(0)
	w.Show()
	return w
}
