package app

import (
	"errors"
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
	name := widget.NewEntry()
	name.SetText(sc.Name)
	notes := widget.NewMultiLineEntry()
	notes.SetText(sc.Notes)
	d := dialog.NewForm(T("Rename scenario"), T("Save"), T("Cancel"), []*widget.FormItem{
		widget.NewFormItem(T("Name"), name),
		widget.NewFormItem(T("Notes"), notes),
	}, func(ok bool) {
		if ok {
			mw.do(model.UpdateScenario(sc.ID, name.Text, notes.Text))
		}
	}, mw.win)
	d.Resize(fyne.NewSize(420, 240))
	d.Show()
}

// deleteScenario deletes the scenario on the board after asking; Undo
// brings it back, and the last one cannot be deleted.
func (mw *mainWindow) deleteScenario() {
	sc := mw.doc.current()
	if len(mw.doc.m().Scenarios) == 1 {
		mw.showError(model.ErrLastScenario)
		return
	}
	dialog.ShowConfirm(T("Delete scenario"), Tf("Delete the scenario %q with its steps, cards and flows? Undo brings it back.", sc.Name), func(ok bool) {
		if ok && mw.do(model.DeleteScenario(sc.ID)) {
			mw.doc.current() // falls back to the first scenario
			mw.refresh()
		}
	}, mw.win)
}

// snapshotsDialog lists the file's snapshots with their time and note, and
// takes, restores (undoable) and deletes them.
func (mw *mainWindow) snapshotsDialog() {
	file := mw.doc.file
	var snaps []model.SnapshotInfo
	selected := -1
	list := widget.NewList(
		func() int { return len(snaps) },
		func() fyne.CanvasObject {
			return container.NewVBox(widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), widget.NewLabel(""))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			s := snaps[i]
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Label).SetText(s.Name)
			line := time.Unix(s.Time, 0).Format("2006-01-02 15:04")
			if s.Note != "" {
				line += " · " + s.Note
			}
			box.Objects[1].(*widget.Label).SetText(line)
		})
	reload := func() {
		var err error
		if snaps, err = file.Snapshots(); err != nil {
			mw.showError(err)
		}
		selected = -1
		list.UnselectAll()
		list.Refresh()
	}
	list.OnSelected = func(i widget.ListItemID) { selected = i }

	take := widget.NewButton(T("Take snapshot…"), func() {
		name := widget.NewEntry()
		name.SetText(time.Now().Format("2006-01-02 15:04"))
		note := widget.NewEntry()
		dialog.ShowForm(T("Take snapshot"), T("Save"), T("Cancel"), []*widget.FormItem{
			widget.NewFormItem(T("Name"), name),
			widget.NewFormItem(T("Note"), note),
		}, func(ok bool) {
			if !ok {
				return
			}
			if _, err := file.TakeSnapshot(name.Text, note.Text); err != nil {
				mw.showError(err)
			}
			reload()
		}, mw.win)
	})
	restore := widget.NewButton(T("Restore"), func() {
		if selected < 0 {
			return
		}
		m, err := file.SnapshotMap(snaps[selected].ID)
		if err != nil {
			mw.showError(err)
			return
		}
		if mw.do(model.ReplaceMap(m)) {
			mw.doc.current()
			mw.refresh()
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
		dialog.ShowConfirm(T("Delete snapshot"), Tf("Delete the snapshot %q? This cannot be undone.", s.Name), func(ok bool) {
			if !ok {
				return
			}
			if err := file.DeleteSnapshot(s.ID); err != nil && !errors.Is(err, storage.ErrNoSnapshot) {
				mw.showError(err)
			}
			reload()
		}, mw.win)
	})
	if file.ReadOnly() {
		take.Disable()
		restore.Disable()
		del.Disable()
	}
	reload()
	content := container.NewBorder(nil, container.NewHBox(take, open, restore, del), nil, nil, list)
	d := dialog.NewCustom(T("Snapshots"), T("Close"), content, mw.win)
	d.Resize(fyne.NewSize(520, 420))
	d.Show()
}

// showSnapshot opens a window that shows a snapshot's board, read-only:
// looking back never changes anything.
func (mw *mainWindow) showSnapshot(info model.SnapshotInfo) fyne.Window {
	m, err := mw.doc.file.SnapshotMap(info.ID)
	if err != nil {
		mw.showError(err)
		return nil
	}
	board := canvas.NewBoard()
	names := make([]string, len(m.Scenarios))
	for i, sc := range m.Scenarios {
		names[i] = sc.Name
	}
	pick := widget.NewSelect(names, func(name string) {
		for _, sc := range m.Scenarios {
			if sc.Name == name {
				board.SetScene(scene.Board(m, sc.ID, scene.BoardOptions{Translate: T}))
				board.ZoomFit()
			}
		}
	})
	w := mw.app.NewWindow(Tf("Snapshot %s (read-only)", info.Name))
	top := container.NewHBox(widget.NewLabel(T("Scenario:")), pick, widget.NewLabel(time.Unix(info.Time, 0).Format("2006-01-02 15:04")+"  "+info.Note))
	w.SetContent(container.NewBorder(top, nil, nil, nil, board))
	w.Resize(fyne.NewSize(1200, 760))
	pick.SetSelectedIndex(0)
	w.Show()
	return w
}
