package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"valueflow/canvas/scene"
	"valueflow/model"
	"valueflow/model/templates"
)

func (mw *mainWindow) toolbar() fyne.CanvasObject {
	tb := widget.NewToolbar(
		widget.NewToolbarAction(theme.ContentUndoIcon(), mw.undo),
		widget.NewToolbarAction(theme.ContentRedoIcon(), mw.redo),
		widget.NewToolbarSeparator(),
		widget.NewToolbarAction(theme.ZoomInIcon(), func() { mw.board.ZoomIn() }),
		widget.NewToolbarAction(theme.ZoomOutIcon(), func() { mw.board.ZoomOut() }),
		widget.NewToolbarAction(theme.ZoomFitIcon(), func() { mw.board.ZoomFit() }),
	)
	buttons := []fyne.CanvasObject{
		widget.NewButtonWithIcon(T("Step"), theme.ContentAddIcon(), mw.addStep),
		widget.NewButtonWithIcon(T("Stakeholder"), theme.ContentAddIcon(), mw.addStakeholder),
		widget.NewButtonWithIcon(T("Card"), theme.ContentAddIcon(), mw.addCardDialog),
		widget.NewButtonWithIcon(T("Flow"), theme.ContentAddIcon(), mw.addFlowDialog),
		widget.NewButtonWithIcon(T("Delete"), theme.DeleteIcon(), mw.deleteSelected),
	}
	for _, b := range buttons {
		b.(*widget.Button).Importance = widget.LowImportance
	}
	scenario := widget.NewLabel(T("Scenario:"))
	row := append([]fyne.CanvasObject{tb}, buttons...)
	// Wide enough for "Huidige situatie" and "Gewenste situatie".
	pick := container.NewGridWrap(fyne.NewSize(230, mw.scenarios.MinSize().Height), mw.scenarios)
	row = append(row, widget.NewSeparator(), scenario, pick)
	return newFlowRow(row...)
}

func (mw *mainWindow) makeMenu() {
	recent := fyne.NewMenuItem(T("Open Recent"), nil)
	recent.ChildMenu = fyne.NewMenu("")
	fromTemplate := fyne.NewMenuItem(T("New from Template"), nil)
	fromTemplate.ChildMenu = fyne.NewMenu("")
	for _, t := range templates.All() {
		t := t
		fromTemplate.ChildMenu.Items = append(fromTemplate.ChildMenu.Items, fyne.NewMenuItem(t.Title, func() { mw.newFromTemplate(t) }))
	}
	file := fyne.NewMenu(T("File"),
		&fyne.MenuItem{Label: T("New…"), Action: func() { mw.newFromTemplate(templates.All()[0]) }, Shortcut: shortcutN},
		fromTemplate,
		&fyne.MenuItem{Label: T("Open…"), Action: mw.openDialog, Shortcut: shortcutO},
		recent,
		fyne.NewMenuItemSeparator(),
		&fyne.MenuItem{Label: T("Save As…"), Action: mw.saveAsDialog, Shortcut: shortcutSaveAs},
		fyne.NewMenuItem(T("Import file (JSON, XLSX)…"), mw.importFileDialog),
		fyne.NewMenuItem(T("Import CSV folder…"), mw.importFolderDialog),
		fyne.NewMenuItem(T("Export…"), mw.exportDialog),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem(T("Map Properties…"), mw.mapPropertiesDialog),
		fyne.NewMenuItem(T("Preferences…"), mw.preferencesDialog),
	)
	mw.undoItem = &fyne.MenuItem{Label: T("Undo"), Action: mw.undo, Shortcut: shortcutUndo}
	mw.redoItem = &fyne.MenuItem{Label: T("Redo"), Action: mw.redo, Shortcut: shortcutRedo}
	edit := fyne.NewMenu(T("Edit"), mw.undoItem, mw.redoItem, fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem(T("Delete"), mw.deleteSelected), fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem(T("Coalitions…"), mw.coalitionsDialog))
	insert := fyne.NewMenu(T("Insert"),
		fyne.NewMenuItem(T("Step"), mw.addStep),
		fyne.NewMenuItem(T("Stakeholder"), mw.addStakeholder),
		fyne.NewMenuItem(T("Card…"), mw.addCardDialog),
		fyne.NewMenuItem(T("Flow…"), mw.addFlowDialog),
		fyne.NewMenuItem(T("Relationship…"), mw.addRelationshipDialog),
		fyne.NewMenuItem(T("Coalition…"), mw.addCoalitionDialog),
		fyne.NewMenuItem(T("Scenario (copy of this one)…"), mw.addScenarioDialog),
	)
	realTime := fyne.NewMenuItem(T("Real Time Axis"), nil)
	realTime.Action = func() {
		mw.realTime = !mw.realTime
		realTime.Checked = mw.realTime
		mw.refresh()
	}
	scenarios := fyne.NewMenu(T("Scenario"),
		fyne.NewMenuItem(T("Scenario (copy of this one)…"), mw.addScenarioDialog),
		fyne.NewMenuItem(T("Rename scenario…"), mw.renameScenarioDialog),
		fyne.NewMenuItem(T("Delete scenario"), mw.deleteScenario),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem(T("Compare…"), mw.compareDialog),
		fyne.NewMenuItem(T("Snapshots…"), mw.snapshotsDialog),
	)
	view := fyne.NewMenu(T("View"), realTime, fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem(T("Zoom In"), func() { mw.board.ZoomIn() }),
		fyne.NewMenuItem(T("Zoom Out"), func() { mw.board.ZoomOut() }),
		fyne.NewMenuItem(T("Fit to Window"), func() { mw.board.ZoomFit() }),
	)
	help := fyne.NewMenu(T("Help"), fyne.NewMenuItem(T("Guide"), mw.showGuide), fyne.NewMenuItem(T("About Valueflow"), mw.about))
	mw.mainMenu = fyne.NewMainMenu(file, edit, insert, scenarios, view, help)
	mw.win.SetMainMenu(mw.mainMenu)
	mw.updateRecentMenu()
}

// updateMenus shows what Undo and Redo would do ("Undo Add card").
func (mw *mainWindow) updateMenus() {
	if mw.undoItem == nil {
		return
	}
	if label, ok := mw.doc.editor.CanUndo(); ok {
		mw.undoItem.Label, mw.undoItem.Disabled = T("Undo")+" "+T(label), false
	} else {
		mw.undoItem.Label, mw.undoItem.Disabled = T("Undo"), true
	}
	if label, ok := mw.doc.editor.CanRedo(); ok {
		mw.redoItem.Label, mw.redoItem.Disabled = T("Redo")+" "+T(label), false
	} else {
		mw.redoItem.Label, mw.redoItem.Disabled = T("Redo"), true
	}
	mw.mainMenu.Refresh()
}

var (
	shortcutUndo   = &desktop.CustomShortcut{KeyName: fyne.KeyZ, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutRedo   = &desktop.CustomShortcut{KeyName: fyne.KeyZ, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	shortcutRedoY  = &desktop.CustomShortcut{KeyName: fyne.KeyY, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutN      = &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutO      = &desktop.CustomShortcut{KeyName: fyne.KeyO, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutSaveAs = &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	shortcutPlus   = &desktop.CustomShortcut{KeyName: fyne.KeyEqual, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutMinus  = &desktop.CustomShortcut{KeyName: fyne.KeyMinus, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutFit    = &desktop.CustomShortcut{KeyName: fyne.Key0, Modifier: fyne.KeyModifierShortcutDefault}
)

func (mw *mainWindow) addShortcuts() {
	c := mw.win.Canvas()
	c.AddShortcut(shortcutUndo, func(fyne.Shortcut) { mw.undo() })
	c.AddShortcut(shortcutRedo, func(fyne.Shortcut) { mw.redo() })
	c.AddShortcut(shortcutRedoY, func(fyne.Shortcut) { mw.redo() })
	// The desktop driver turns Ctrl+Z and Ctrl+Y into fyne.ShortcutUndo and
	// fyne.ShortcutRedo before it looks at custom shortcuts, so the custom ones
	// above alone never fire from the keyboard (only Ctrl+Shift+Z does).
	c.AddShortcut(&fyne.ShortcutUndo{}, func(fyne.Shortcut) { mw.undo() })
	c.AddShortcut(&fyne.ShortcutRedo{}, func(fyne.Shortcut) { mw.redo() })
	c.AddShortcut(shortcutN, func(fyne.Shortcut) { mw.newFromTemplate(templates.All()[0]) })
	c.AddShortcut(shortcutO, func(fyne.Shortcut) { mw.openDialog() })
	c.AddShortcut(shortcutSaveAs, func(fyne.Shortcut) { mw.saveAsDialog() })
	c.AddShortcut(shortcutPlus, func(fyne.Shortcut) { mw.board.ZoomIn() })
	c.AddShortcut(shortcutMinus, func(fyne.Shortcut) { mw.board.ZoomOut() })
	c.AddShortcut(shortcutFit, func(fyne.Shortcut) { mw.board.ZoomFit() })
	c.SetOnTypedKey(func(e *fyne.KeyEvent) {
		switch e.Name {
		case fyne.KeyDelete:
			mw.deleteSelected()
		case fyne.KeyEscape:
			mw.selectTarget(scene.Target{})
		}
	})
}

// showContextMenu offers the actions for the element under the pointer.
func (mw *mainWindow) showContextMenu(t scene.Target, at fyne.Position) {
	mw.selectTarget(t)
	items := []*fyne.MenuItem{}
	switch t.Kind {
	case model.EntityContribution:
		items = append(items, fyne.NewMenuItem(T("Add flow from this card…"), mw.addFlowDialog))
	case model.EntityStep, model.EntityStakeholder:
		items = append(items, fyne.NewMenuItem(T("Add card here…"), mw.addCardDialog))
	}
	if t.ID != "" {
		items = append(items, fyne.NewMenuItem(T("Delete"), mw.deleteSelected))
	} else {
		items = append(items, fyne.NewMenuItem(T("Step"), mw.addStep), fyne.NewMenuItem(T("Stakeholder"), mw.addStakeholder))
	}
	widget.ShowPopUpMenuAtPosition(fyne.NewMenu("", items...), mw.win.Canvas(), at)
}
