package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"valueflow/canvas/scene"
	"valueflow/model"
)

var shortcutDuplicate = &desktop.CustomShortcut{KeyName: fyne.KeyD, Modifier: fyne.KeyModifierShortcutDefault}

// addClipboardShortcuts wires copy, cut, paste and duplicate of cards. They
// reach the window when no text field has the focus (a text field keeps its
// own copy and paste).
func (mw *mainWindow) addClipboardShortcuts() {
	c := mw.win.Canvas()
	c.AddShortcut(&fyne.ShortcutCopy{}, func(fyne.Shortcut) { mw.copyCard() })
	c.AddShortcut(&fyne.ShortcutCut{}, func(fyne.Shortcut) {
		if mw.copyCard() {
			mw.deleteSelected()
		}
	})
	c.AddShortcut(&fyne.ShortcutPaste{}, func(fyne.Shortcut) { mw.pasteCard() })
	c.AddShortcut(shortcutDuplicate, func(fyne.Shortcut) {
		if mw.copyCard() {
			mw.pasteCard()
		}
	})
}

// copyCard keeps the selected card for pasting, and puts its value on the
// system clipboard for other programs.
func (mw *mainWindow) copyCard() bool {
	if mw.selected.Kind != model.EntityContribution {
		return false
	}
	c := mw.doc.current().Contribution(mw.selected.ID)
	if c == nil {
		return false
	}
	cp := *c
	mw.copied = &cp
	if cb := mw.app.Clipboard(); cb != nil {
		cb.SetContent(c.Value)
	}
	return true
}

// pasteCard adds a copy of the kept card: into the selected card's cell, at
// the selected step or in the selected lane, else where it came from.
func (mw *mainWindow) pasteCard() {
	if mw.copied == nil {
		return
	}
	m, sc := mw.doc.m(), mw.doc.current()
	n := *mw.copied
	switch mw.selected.Kind {
	case model.EntityContribution:
		if at := sc.Contribution(mw.selected.ID); at != nil {
			n.Step, n.Stakeholder = at.Step, at.Stakeholder
		}
	case model.EntityStep:
		n.Step = mw.selected.ID
	case model.EntityStakeholder:
		n.Stakeholder = mw.selected.ID
	}
	if sc.Step(n.Step) == nil && len(sc.Steps) > 0 {
		n.Step = sc.Steps[0].ID // copied from another scenario
	}
	n.ID = m.NewID("c")
	if mw.do(model.AddContribution(sc.ID, n)) {
		mw.selectTarget(scene.Target{Kind: model.EntityContribution, ID: n.ID})
	}
}
