package canvas

import (
	"image"
	"testing"

	"fyne.io/fyne/v2"
	fynecanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"valueflow/canvas/scene"
)

func on(img image.Image, x, y int) bool {
	_, _, _, a := img.At(x, y).RGBA()
	return a > 0
}

func TestADashRunPaintsItsDashesAlongItsLength(t *testing.T) {
	d := newDashRun()
	d.dash, d.gap, d.horizontal = 6, 4, true
	d.col.A = 255
	d.raster.Resize(fyne.NewSize(30, 1))
	img := d.paint(30, 1)
	for x := 0; x < 30; x++ {
		if want := x%10 < 6; on(img, x, 0) != want {
			t.Fatalf("pixel %d: on=%v, want %v (dash 6, gap 4)", x, !want, want)
		}
	}
	// Started 3 units into its pattern (it continues a dash of the path).
	d.phase = 3
	img = d.paint(30, 1)
	for x := 0; x < 30; x++ {
		if want := (x+3)%10 < 6; on(img, x, 0) != want {
			t.Fatalf("with phase 3, pixel %d: on=%v, want %v", x, !want, want)
		}
	}
	// Drawn from its far end (a flow going up), the pattern starts there.
	d.phase, d.horizontal, d.reverse = 0, false, true
	d.raster.Resize(fyne.NewSize(1, 30))
	img = d.paint(1, 30)
	for y := 0; y < 30; y++ {
		if want := (29-y)%10 < 6; on(img, 0, y) != want {
			t.Fatalf("reversed, pixel %d: on=%v, want %v", y, !want, want)
		}
	}
}

func TestTheDashStateAdvancesAsTheDashesAreWalked(t *testing.T) {
	for _, length := range []float32{0.5, 3, 6, 7.5, 10, 23.25} {
		st := dashState{dash: 6, gap: 4, on: true, left: 6}
		st.advance(length)
		// Walked dash by dash, as the line objects are.
		on, left, rest := true, float32(6), length
		for rest > 0 {
			step := min(left, rest)
			rest, left = rest-step, left-step
			if left <= 0 {
				on = !on
				left = 6
				if !on {
					left = 4
				}
			}
		}
		if st.on != on || abs(st.left-left) > 1e-3 {
			t.Errorf("after %v: on=%v left=%v, walking gives on=%v left=%v", length, st.on, st.left, on, left)
		}
	}
}

func TestALongDashedFlowIsOneObjectPerStraightRun(t *testing.T) {
	test.NewTempApp(t)
	s := &scene.Scene{Width: 400, Height: 300}
	s.Add(scene.Item{Path: &scene.Path{Points: []scene.Point{{X: 10, Y: 10}, {X: 300, Y: 10}, {X: 300, Y: 250}}, Stroke: scene.Color{A: 255}, Width: 1, Dashed: true}})
	b := NewBoard()
	b.SetScene(s)
	w := test.NewWindow(b)
	defer w.Close()
	w.Resize(fyne.NewSize(420, 320))
	b.SetZoom(1)
	var rasters, lines int
	for _, o := range test.WidgetRenderer(b).(*boardRenderer).panes[paneCells].box.Objects {
		switch o.(type) {
		case *fynecanvas.Raster:
			rasters++
		case *fynecanvas.Line:
			lines++
		}
	}
	if rasters != 2 || lines != 0 {
		t.Fatalf("a dashed path of two straight runs drew %d rasters and %d lines, want 2 and 0", rasters, lines)
	}
}

func TestADashedBoxHasADashedOutlineAndNoSolidStroke(t *testing.T) {
	test.NewTempApp(t)
	s := &scene.Scene{Width: 400, Height: 300}
	s.Add(scene.Item{Box: &scene.Box{Rect: scene.Rect{X: 20, Y: 20, W: 200, H: 80}, Fill: scene.Color{R: 250, A: 255}, Stroke: scene.Color{R: 200, A: 255}, StrokeWidth: 1.5, Dashed: true}})
	b := NewBoard()
	b.SetScene(s)
	w := test.NewWindow(b)
	defer w.Close()
	w.Resize(fyne.NewSize(420, 320))
	b.SetZoom(1)
	var rasters int
	for _, o := range test.WidgetRenderer(b).(*boardRenderer).panes[paneCells].box.Objects {
		switch o := o.(type) {
		case *fynecanvas.Raster:
			rasters++
		case *fynecanvas.Rectangle:
			if o.StrokeWidth > 0 {
				t.Errorf("the box is stroked solid (%v wide)", o.StrokeWidth)
			}
		}
	}
	if rasters != 4 {
		t.Fatalf("a dashed box drew %d dashed edges, want 4", rasters)
	}
}
