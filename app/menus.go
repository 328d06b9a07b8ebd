package app

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
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
		&fyne.MenuItem{Label: T("Cut"), Action: mw.orToFocused(&fyne.ShortcutCut{Clipboard: mw.app.Clipboard()}, mw.cutCards), Shortcut: &fyne.ShortcutCut{}},
		&fyne.MenuItem{Label: T("Copy"), Action: mw.orToFocused(&fyne.ShortcutCopy{Clipboard: mw.app.Clipboard()}, func() { mw.copyCards() }), Shortcut: &fyne.ShortcutCopy{}},
		&fyne.MenuItem{Label: T("Paste"), Action: mw.orToFocused(&fyne.ShortcutPaste{Clipboard: mw.app.Clipboard()}, mw.pasteCards), Shortcut: &fyne.ShortcutPaste{}},
		&fyne.MenuItem{Label: T("Duplicate"), Action: mw.duplicateCards, Shortcut: shortcutDuplicate},
		&fyne.MenuItem{Label: T("Select All Cards"), Action: mw.orToFocused(&fyne.ShortcutSelectAll{}, mw.selectAllCards), Shortcut: &fyne.ShortcutSelectAll{}},
		fyne.NewMenuItem(T("Delete"), mw.deleteSelected), fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem(T("Coalitions…"), mw.coalitionsDialog))
	insert := fyne.NewMenu(T("Insert"),
		fyne.NewMenuItem(T("Step"), mw.addStep),
		fyne.NewMenuItem(T("Stakeholder"), mw.addStakeholder),
		&fyne.MenuItem{Label: T("Card…"), Action: mw.addCardHere, Shortcut: shortcutAddCard},
		&fyne.MenuItem{Label: T("Flow…"), Action: mw.addFlowFromSelection, Shortcut: shortcutAddFlow},
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
	view := fyne.NewMenu(T("View"), realTime, mw.coalitionFilterItem(), fyne.NewMenuItemSeparator(),
		&fyne.MenuItem{Label: T("Zoom In"), Action: func() { mw.board.ZoomIn() }, Shortcut: shortcutPlus},
		&fyne.MenuItem{Label: T("Zoom Out"), Action: func() { mw.board.ZoomOut() }, Shortcut: shortcutMinus},
		&fyne.MenuItem{Label: T("Fit to Window"), Action: func() { mw.board.ZoomFit() }, Shortcut: shortcutFit},
	)
	help := fyne.NewMenu(T("Help"), fyne.NewMenuItem(T("Guide"), mw.showGuide),
		fyne.NewMenuItem(T("Mouse and Keyboard"), mw.showGestures), fyne.NewMenuItem(T("About Valueflow"), mw.about))
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
	mw.updateCoalitionMenu() // views.go
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
	// Ctrl and "+" as most keyboards type it (Shift and "="), and on the
	// number pad.
	shortcutPlusShifted = &desktop.CustomShortcut{KeyName: fyne.KeyEqual, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	shortcutPlusPad     = &desktop.CustomShortcut{KeyName: fyne.KeyPlus, Modifier: fyne.KeyModifierShortcutDefault}
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
	c.AddShortcut(shortcutPlusShifted, func(fyne.Shortcut) { mw.board.ZoomIn() })
	c.AddShortcut(shortcutPlusPad, func(fyne.Shortcut) { mw.board.ZoomIn() })
	c.AddShortcut(shortcutFit, func(fyne.Shortcut) { mw.board.ZoomFit() })
	mw.addKeyboardShortcuts()
	c.SetOnTypedKey(func(e *fyne.KeyEvent) {
		switch e.Name {
		case fyne.KeyDelete:
			mw.deleteSelected()
		case fyne.KeyEscape:
			if cancelTopDialog(c) { // a dialog with nothing focused in it
				return
			}
			mw.sel = boardSelection{clip: mw.sel.clip}
			mw.selectTarget(scene.Target{})
		}
	})
}

// showContextMenu offers what can be done with the element under the
// pointer: a card, several selected cards, a step, a lane, a flow or an
// empty cell.
func (mw *mainWindow) showContextMenu(t scene.Target, at fyne.Position) {
	if !(t.Kind == model.EntityContribution && slices.Contains(mw.selectedCards(), t.ID)) && t.ID != "" {
		// A right click on a card of the selection keeps the selection.
		mw.board.OnSelect(t)
	}
	m, sc := mw.doc.m(), mw.doc.current()
	item := func(label string, action func()) *fyne.MenuItem { return fyne.NewMenuItem(label, action) }
	withKey := func(i *fyne.MenuItem, s fyne.Shortcut) *fyne.MenuItem { i.Shortcut = s; return i }
	disabled := func(i *fyne.MenuItem, off bool) *fyne.MenuItem { i.Disabled = off; return i }
	paste := disabled(withKey(item(T("Paste"), mw.pasteCards), &fyne.ShortcutPaste{}), mw.sel.clip == nil)
	edit := withKey(item(T("Edit in place"), mw.editSelected), &desktop.CustomShortcut{KeyName: fyne.KeyReturn})
	del := item(T("Delete"), mw.deleteSelected)
	var items []*fyne.MenuItem
	switch t.Kind {
	case model.EntityContribution:
		if n := len(mw.selectedCards()); n > 1 {
			items = append(items,
				withKey(item(Tf("Copy %d cards", n), func() { mw.copyCards() }), &fyne.ShortcutCopy{}),
				withKey(item(Tf("Cut %d cards", n), mw.cutCards), &fyne.ShortcutCut{}),
				withKey(item(Tf("Duplicate %d cards", n), mw.duplicateCards), shortcutDuplicate),
				fyne.NewMenuItemSeparator(),
				item(Tf("Delete %d cards", n), mw.deleteSelected))
			break
		}
		items = append(items, edit,
			withKey(item(T("Add flow from here"), mw.addFlowFromSelection), shortcutAddFlow),
			item(T("Add flow from this card…"), mw.addFlowDialog),
			fyne.NewMenuItemSeparator(),
			withKey(item(T("Copy"), func() { mw.copyCards() }), &fyne.ShortcutCopy{}),
			withKey(item(T("Cut"), mw.cutCards), &fyne.ShortcutCut{}),
			withKey(item(T("Duplicate"), mw.duplicateCards), shortcutDuplicate),
			paste,
			fyne.NewMenuItemSeparator(), del)
	case model.EntityStep:
		i := sc.StepIndex(t.ID)
		items = append(items, withKey(item(T("Rename in place"), mw.editSelected), &desktop.CustomShortcut{KeyName: fyne.KeyReturn}),
			withKey(item(T("Add card here…"), mw.addCardHere), shortcutAddCard),
			item(T("Insert step after"), mw.addStep),
			fyne.NewMenuItemSeparator(),
			withKey(disabled(item(T("Move step left"), func() { mw.nudgeSelected(-1, 0) }), i <= 0), arrowShortcut(fyne.KeyLeft, fyne.KeyModifierAlt)),
			withKey(disabled(item(T("Move step right"), func() { mw.nudgeSelected(1, 0) }), i >= len(sc.Steps)-1), arrowShortcut(fyne.KeyRight, fyne.KeyModifierAlt)),
			paste, fyne.NewMenuItemSeparator(), del)
	case model.EntityStakeholder:
		j := m.StakeholderIndex(t.ID)
		items = append(items, withKey(item(T("Rename in place"), mw.editSelected), &desktop.CustomShortcut{KeyName: fyne.KeyReturn}),
			withKey(item(T("Add card here…"), mw.addCardHere), shortcutAddCard),
			item(T("Insert stakeholder below"), mw.addStakeholder),
			fyne.NewMenuItemSeparator(),
			withKey(disabled(item(T("Move lane up"), func() { mw.nudgeSelected(0, -1) }), j <= 0), arrowShortcut(fyne.KeyUp, fyne.KeyModifierAlt)),
			withKey(disabled(item(T("Move lane down"), func() { mw.nudgeSelected(0, 1) }), j >= len(m.Stakeholders)-1), arrowShortcut(fyne.KeyDown, fyne.KeyModifierAlt)),
			paste, fyne.NewMenuItemSeparator(), del)
	case model.EntityFlow:
		items = append(items, mw.flowMenuItems(t.ID)...) // app/flow_menu.go
	case model.EntityRelationship:
		items = append(items, del)
	default:
		if step, _ := mw.cursorCell(); step != "" {
			items = append(items, withKey(item(T("Add card here"), mw.editSelected), shortcutAddCard), paste, fyne.NewMenuItemSeparator())
		}
		items = append(items, item(T("Step"), mw.addStep), item(T("Stakeholder"), mw.addStakeholder))
	}
	widget.ShowPopUpMenuAtPosition(fyne.NewMenu("", items...), mw.win.Canvas(), at)
}

// showGestures lists what the mouse and the keys do on the board.
func (mw *mainWindow) showGestures() {
	text := widget.NewRichTextFromMarkdown(plainInline(T("help.gestures")))
	text.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom(T("Mouse and Keyboard"), T("Close"), container.NewVScroll(text), mw.win)
	d.Resize(fyne.NewSize(680, 560))
	d.Show()
}
