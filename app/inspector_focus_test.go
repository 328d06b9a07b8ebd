package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"valueflow/canvas/scene"
	"valueflow/model"
)

// TestAClickPutsTheFocusInTheStepsNumberFields: Start day, Duration and
// Waiting time take the focus when clicked, as the desktop driver delivers
// a click (a mouse-down; the test driver's Tap would focus them itself).
func TestAClickPutsTheFocusInTheStepsNumberFields(t *testing.T) {
	mw, _ := openSample(t)
	step := mw.doc.current().Steps[0]
	mw.selectTarget(scene.Target{Kind: model.EntityStep, ID: step.ID})
	var numbers []*numberEntry
	walk(mw.inspector, func(o fyne.CanvasObject) {
		if n, ok := o.(*numberEntry); ok {
			numbers = append(numbers, n)
		}
	})
	if len(numbers) != 3 {
		t.Fatalf("the step's form has %d number fields, want start day, duration and waiting time", len(numbers))
	}
	for _, n := range numbers {
		mw.win.Canvas().Unfocus()
		ev := &desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(4, 4)}, Button: desktop.MouseButtonPrimary}
		n.MouseDown(ev)
		n.MouseUp(ev)
		if got := mw.win.Canvas().Focused(); got != fyne.Focusable(n) {
			t.Errorf("a click on %s focuses %T", n.field, got)
		}
	}
}
