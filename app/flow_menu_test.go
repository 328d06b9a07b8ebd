package app

import (
	"reflect"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"valueflow/canvas/scene"
	"valueflow/model"
)

// flowOnBoard finds a flow of the sample whose line can be clicked at its
// middle (no other flow or card drawn over that point), scrolls it into
// view and returns it with that widget position.
func flowOnBoard(t *testing.T, mw *mainWindow) (*model.Flow, fyne.Position) {
	t.Helper()
	for _, f := range mw.doc.current().Flows {
		target := scene.Target{Kind: model.EntityFlow, ID: f.ID}
		for _, it := range mw.scene.Items {
			if it.Target != target || it.Path == nil {
				continue
			}
			mid := it.Path.Points[len(it.Path.Points)/2]
			p := onBoard(t, mw, scene.Rect{X: mid.X - 1, Y: mid.Y - 1, W: 2, H: 2})
			test.TapAt(mw.board, p)
			if mw.selected == target {
				mw.selectTarget(scene.Target{})
				return f, p
			}
			break
		}
	}
	t.Fatal("no flow of the sample can be clicked on its line")
	return nil, fyne.Position{}
}

// openMenu returns the items of the open pop-up menu.
func openMenu(t *testing.T, mw *mainWindow) *widget.Menu {
	t.Helper()
	top := mw.win.Canvas().Overlays().Top()
	if top != nil {
		if v := reflect.ValueOf(top).Elem().FieldByName("Content"); v.IsValid() {
			if pm, ok := v.Interface().(*widget.PopUpMenu); ok {
				return pm.Menu
			}
		}
	}
	t.Fatalf("no context menu is open (top overlay %T)", top)
	return nil
}

// menuLabels are the labels of a menu's items, "-" for a separator.
func menuLabels(menu *widget.Menu) []string {
	var labels []string
	for _, o := range menu.Items {
		v := reflect.ValueOf(o).Elem().FieldByName("Item")
		if !v.IsValid() {
			labels = append(labels, "-")
			continue
		}
		labels = append(labels, v.Interface().(*fyne.MenuItem).Label)
	}
	return labels
}

// subMenuItem opens a submenu of the open context menu as the pointer does
// (resting on its item) and finds one of its items.
func subMenuItem(t *testing.T, mw *mainWindow, parent, label string) (fyne.Tappable, *fyne.MenuItem) {
	t.Helper()
	p := menuItem(t, mw, parent)
	p.(desktop.Hoverable).MouseIn(&desktop.MouseEvent{})
	child := reflect.ValueOf(p).MethodByName("Child").Call(nil)[0].Interface().(*widget.Menu)
	if child == nil || !child.Visible() {
		t.Fatalf("%q opens no submenu", parent)
	}
	for _, o := range child.Items {
		item := reflect.ValueOf(o).Elem().FieldByName("Item").Interface().(*fyne.MenuItem)
		if item.Label == label {
			return o.(fyne.Tappable), item
		}
	}
	t.Fatalf("the submenu %q has no %q, only %q", parent, label, menuLabels(child))
	return nil, nil
}

func TestAFlowsContextMenuOffersWhatAUserExpects(t *testing.T) {
	mw, _ := openSample(t)
	f, at := flowOnBoard(t, mw)
	test.TapSecondaryAt(mw.board, at)
	if mw.selected != (scene.Target{Kind: model.EntityFlow, ID: f.ID}) {
		t.Fatalf("the right click selected %+v, not the flow", mw.selected)
	}
	want := []string{T("Edit label in place"), T("Kind"), T("Criticality"), T("Reverse direction"), "-",
		T("Select source card"), T("Select target card"), "-", T("Delete")}
	if got := menuLabels(openMenu(t, mw)); !slices.Equal(got, want) {
		t.Fatalf("the flow's menu is %q, want %q", got, want)
	}
	// The submenus tick what the flow is now.
	for _, sub := range []struct{ parent, current string }{
		{T("Kind"), T("flow." + string(f.Kind))},
		{T("Criticality"), T("criticality." + string(f.Criticality))},
	} {
		if _, item := subMenuItem(t, mw, sub.parent, sub.current); !item.Checked {
			t.Errorf("%s: %q, the flow's own, is not ticked", sub.parent, sub.current)
		}
	}
}

func TestEachChangeFromAFlowsMenuIsOneUndoableCommand(t *testing.T) {
	otherKind := func(k model.FlowKind) model.FlowKind {
		if k == model.FlowInformation {
			return model.FlowResource
		}
		return model.FlowInformation
	}
	otherLevel := func(c model.Criticality) model.Criticality {
		if c == model.CriticalityHigh {
			return model.CriticalityLow
		}
		return model.CriticalityHigh
	}
	for _, tc := range []struct {
		name string
		// do picks the item (and does what it asks for); it returns what the
		// flow must be after.
		do func(t *testing.T, mw *mainWindow, f model.Flow) model.Flow
	}{
		{"the label is edited in place", func(t *testing.T, mw *mainWindow, f model.Flow) model.Flow {
			test.Tap(menuItem(t, mw, T("Edit label in place")))
			typeInPlace(t, mw, "Ontslagbrief met medicatie")
			f.Label = "Ontslagbrief met medicatie"
			return f
		}},
		{"the kind is changed", func(t *testing.T, mw *mainWindow, f model.Flow) model.Flow {
			f.Kind = otherKind(f.Kind)
			item, _ := subMenuItem(t, mw, T("Kind"), T("flow."+string(f.Kind)))
			test.Tap(item)
			return f
		}},
		{"the criticality is changed", func(t *testing.T, mw *mainWindow, f model.Flow) model.Flow {
			f.Criticality = otherLevel(f.Criticality)
			item, _ := subMenuItem(t, mw, T("Criticality"), T("criticality."+string(f.Criticality)))
			test.Tap(item)
			return f
		}},
		{"the direction is reversed", func(t *testing.T, mw *mainWindow, f model.Flow) model.Flow {
			test.Tap(menuItem(t, mw, T("Reverse direction")))
			f.From, f.To = f.To, f.From
			return f
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			mw, _ := openSample(t)
			f, at := flowOnBoard(t, mw)
			before := mw.doc.m().Clone()
			test.TapSecondaryAt(mw.board, at)
			want := tc.do(t, mw, *f)
			got := mw.doc.current().Flow(f.ID)
			if got == nil || *got != want {
				t.Fatalf("the flow is %+v, want %+v", got, want)
			}
			if saved := fileMap(t, mw).Scenarios[0].Flow(f.ID); saved == nil || *saved != want {
				t.Fatalf("the file has %+v", saved)
			}
			if mw.selected != (scene.Target{Kind: model.EntityFlow, ID: f.ID}) {
				t.Errorf("after the change %+v is selected, not the flow", mw.selected)
			}
			undoOnce(mw)
			if !reflect.DeepEqual(mw.doc.m(), before) {
				t.Fatal("one undo did not restore the map")
			}
		})
	}
}

func TestAFlowsMenuGoesToItsCardsAndDeletesIt(t *testing.T) {
	mw, _ := openSample(t)
	f, at := flowOnBoard(t, mw)
	before := mw.doc.m().Clone()
	for _, tc := range []struct {
		item string
		want model.ID
	}{{T("Select source card"), f.From}, {T("Select target card"), f.To}} {
		test.TapSecondaryAt(mw.board, at)
		test.Tap(menuItem(t, mw, tc.item))
		if mw.selected != card(tc.want) {
			t.Errorf("%s selected %+v, want card %s", tc.item, mw.selected, tc.want)
		}
		r := cardRect(t, mw, tc.want)
		if !mw.board.InView(r) {
			t.Errorf("%s left the card out of view", tc.item)
		}
	}
	if _, ok := mw.doc.editor.CanUndo(); ok {
		t.Fatal("selecting a card left something to undo")
	}
	_, at = flowOnBoard(t, mw) // back where the flow is
	test.TapSecondaryAt(mw.board, at)
	test.Tap(menuItem(t, mw, T("Delete")))
	if mw.doc.current().Flow(f.ID) != nil {
		t.Fatal("Delete left the flow")
	}
	if len(mw.doc.current().Contributions) != len(before.Scenarios[0].Contributions) {
		t.Fatal("deleting the flow took cards with it")
	}
	undoOnce(mw)
	if !reflect.DeepEqual(mw.doc.m(), before) {
		t.Fatal("one undo did not bring the flow back")
	}
}
