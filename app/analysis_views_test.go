package app

import (
	"image/png"
	"os"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"valueflow/canvas/scene"
	"valueflow/model"
	"valueflow/model/sample"
)

// waitFor polls until cond holds or a few seconds pass.
func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	for end := time.Now().Add(5 * time.Second); time.Now().Before(end); time.Sleep(20 * time.Millisecond) {
		var ok bool
		fyne.DoAndWait(func() { ok = cond() })
		if ok {
			return
		}
	}
	t.Fatal("timed out")
}

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
	w := test.NewTempWindow(t, v)
	w.Resize(fyne.NewSize(1200, 800))
	waitFor(t, func() bool { return v.view.sc != nil })
	capture(t, w, "network")

	// Tap the centre of the first stakeholder's node.
	var at scene.Point
	for _, it := range v.view.sc.Items {
		if it.Circle != nil && it.Target.ID == m.Stakeholders[0].ID {
			at = it.Circle.Center
			break
		}
	}
	v.view.Tapped(&fyne.PointEvent{Position: fyne.NewPos(at.X, at.Y)})
	if got.Kind != model.EntityStakeholder || got.ID != m.Stakeholders[0].ID {
		t.Errorf("tap selected %+v", got)
	}

	// What-if: choosing a stakeholder reports what breaks.
	before := v.view.sc
	v.without.SetSelected(m.Stakeholders[3].Name)
	waitFor(t, func() bool { return contains(v.status.Text, "8 flows break") && v.view.sc != before })
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
	tabs := container.NewAppTabs(
		container.NewTabItem("Grid", NewGridView(m, nil)),
		container.NewTabItem("Roles", NewRolesView(m, "", nil)),
		container.NewTabItem("Insights", NewInsightsView(m, "", func(tg scene.Target) { got = tg })),
	)
	w := test.NewTempWindow(t, tabs)
	w.Resize(fyne.NewSize(1200, 800))
	for i, name := range []string{"grid", "roles", "insights"} {
		tabs.SelectIndex(i)
		if name != "insights" {
			sv := tabs.Items[i].Content.(*container.Scroll).Content.(*sceneView)
			waitFor(t, func() bool { return sv.sc != nil })
		}
		capture(t, w, name)
	}
	// The first finding's line links to its place.
	split := tabs.Items[2].Content.(*container.Split)
	list := split.Leading.(*fyne.Container).Objects[0].(*widget.List)
	list.Select(0)
	if got.ID == "" {
		t.Error("selecting a finding selects nothing")
	}
}
