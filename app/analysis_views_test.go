package app

import (
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"valueflow/canvas/scene"
	"valueflow/model"
	"valueflow/model/sample"
)

// settle waits for the view's background work. The test driver runs
// fyne.Do inline on the calling goroutine, so tests must not touch widgets
// while that work runs.
func settle(v *sceneView) { v.pending.Wait() }

// capture writes the window to $VALUEFLOW_SHOTS/name.png when that is set,
// for looking at the views.
func capture(t *testing.T, w fyne.Window, name string) {
	dir := os.Getenv("VALUEFLOW_SHOTS")
	if dir == "" {
		return
	}
	f, err := os.Create(filepath.Join(dir, name+".png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, w.Canvas().Capture()); err != nil {
		t.Fatal(err)
	}
}

func TestNetworkViewLaysOutInTheBackgroundAndSelectsOnTap(t *testing.T) {
	test.NewTempApp(t)
	m := sample.Map()
	var got scene.Target
	v := NewNetworkView(m, "", func(tg scene.Target) { got = tg })
	settle(v.view)
	w := test.NewTempWindow(t, v)
	w.Resize(fyne.NewSize(1200, 800))
	capture(t, w, "network")

	// Tap the centre of the first stakeholder's node.
	var at scene.Point
	var items []scene.Item
	items = v.view.sc.Items
	for _, it := range items {
		if it.Circle != nil && it.Target.ID == m.Stakeholders[0].ID {
			at = it.Circle.Center
			break
		}
	}
	fyne.DoAndWait(func() { v.view.Tapped(&fyne.PointEvent{Position: fyne.NewPos(at.X, at.Y)}) })
	if got.Kind != model.EntityStakeholder || got.ID != m.Stakeholders[0].ID {
		t.Errorf("tap selected %+v", got)
	}

	// Dragging a node moves it, and only it, by the drag.
	centre := func(id model.ID) (c scene.Point) {
		var items []scene.Item
		items = v.view.sc.Items
		for _, it := range items {
			if it.Circle != nil && it.Target.ID == id {
				return it.Circle.Center
			}
		}
		return scene.Point{}
	}
	a0, b0 := centre(m.Stakeholders[0].ID), centre(m.Stakeholders[1].ID)
	var prev *scene.Scene
	prev = v.view.sc
	fyne.DoAndWait(func() {
		v.view.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(a0.X+30, a0.Y+20)}, Dragged: fyne.NewDelta(30, 20)})
		v.view.DragEnd()
	})
	settle(v.view)
	if v.view.sc == prev {
		t.Fatal("no new scene after the drag")
	}
	a1, b1 := centre(m.Stakeholders[0].ID), centre(m.Stakeholders[1].ID)
	if dx, dy := (a1.X-b1.X)-(a0.X-b0.X), (a1.Y-b1.Y)-(a0.Y-b0.Y); dx < 29 || dx > 31 || dy < 19 || dy > 21 {
		t.Errorf("the dragged node moved by %v,%v relative to another, want 30,20", dx, dy)
	}

	// What-if: choosing a stakeholder reports what breaks.
	var before *scene.Scene
	before = v.view.sc
	fyne.DoAndWait(func() { v.without.SetSelected(m.Stakeholders[3].Name) })
	settle(v.view)
	if !contains(v.status.Text, "8 flows break") || v.view.sc == before {
		t.Errorf("status %q", v.status.Text)
	}
	capture(t, w, "network-without")
}

func contains(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return true
		}
	}
	return false
}

func TestGridRolesAndInsightsViewsShowTheSample(t *testing.T) {
	test.NewTempApp(t)
	m := sample.Map()
	var got scene.Target
	var moved string
	grid := NewGridView(m, nil, func(id model.ID, inf, in int) { moved = fmt.Sprintf("%s %d %d", id, inf, in) })
	roles := NewRolesView(m, "", nil)
	settle(grid.(*container.Scroll).Content.(*sceneView))
	settle(roles.(*container.Scroll).Content.(*sceneView))
	tabs := container.NewAppTabs(
		container.NewTabItem("Grid", grid),
		container.NewTabItem("Roles", roles),
		container.NewTabItem("Insights", NewInsightsView(m, "", func(tg scene.Target) { got = tg })),
	)
	w := test.NewTempWindow(t, tabs)
	w.Resize(fyne.NewSize(1200, 800))
	for i, name := range []string{"grid", "roles", "insights"} {
		fyne.DoAndWait(func() { tabs.SelectIndex(i) })
		if name != "insights" {
			sv := tabs.Items[i].Content.(*container.Scroll).Content.(*sceneView)
			settle(sv)
		}
		capture(t, w, name)
	}
	// Dragging the GP's dot (influence 5, interest 3) one cell left sets interest 2.
	sv := tabs.Items[0].Content.(*container.Scroll).Content.(*sceneView)
	var at scene.Point
	var gridItems []scene.Item
	gridItems = sv.sc.Items
	for _, it := range gridItems {
		if it.Circle != nil && it.Target.ID == "sh5" {
			at = it.Circle.Center
		}
	}
	fyne.DoAndWait(func() {
		sv.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(at.X-150, at.Y)}, Dragged: fyne.NewDelta(-150, 0)})
		sv.DragEnd()
	})
	if moved != "sh5 5 2" {
		t.Errorf("drag reported %q", moved)
	}

	// The first finding's line links to its place.
	split := tabs.Items[2].Content.(*container.Split)
	list := split.Leading.(*fyne.Container).Objects[0].(*widget.List)
	fyne.DoAndWait(func() { list.Select(0) })
	if got.ID == "" {
		t.Error("selecting a finding selects nothing")
	}
}
