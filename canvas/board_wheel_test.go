package canvas

import (
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"valueflow/canvas/scene"
	"valueflow/model"
	"valueflow/model/sample"
)

// wheelBoard shows a generated M map (12 lanes, 20 steps) at 100 % in a
// window, scrolled to the middle of the board, so there is room to zoom
// and pan every way; it returns the card nearest the middle of the view.
func wheelBoard(t *testing.T) (*Board, fyne.Window, model.ID) {
	t.Helper()
	m := sample.Generate(sample.M)
	b, w := boardOf(t, m, scene.BoardOptions{}, fyne.NewSize(1000, 480))
	s, size := b.Scene(), b.Size()
	b.offset = scene.Point{X: (s.Width - size.Width) / 2, Y: (s.Height - size.Height) / 2}
	b.Refresh()
	centre := b.toScene(fyne.NewPos(size.Width/2, size.Height/2))
	var mid model.ID
	best := float32(math.MaxFloat32)
	for _, c := range m.Scenarios[0].Contributions {
		r, _ := b.Geometry().CardRect(c.ID)
		dx, dy := r.X+r.W/2-centre.X, r.Y+r.H/2-centre.Y
		if d := dx*dx + dy*dy; d < best {
			mid, best = c.ID, d
		}
	}
	w.Canvas().Focus(b)
	return b, w, mid
}

// wheel scrolls over the board at a widget position the way the desktop
// driver reports a mouse wheel: to the widget under the pointer, with the
// pointer's position in it. Fyne's test.Scroll finds the widget but leaves
// the position out, and a zoom around the pointer needs it.
func wheel(b *Board, at fyne.Position, dx, dy float32) {
	abs := fyne.CurrentApp().Driver().AbsolutePositionForObject(b).Add(at)
	b.Scrolled(&fyne.ScrollEvent{PointEvent: fyne.PointEvent{Position: at, AbsolutePosition: abs}, Scrolled: fyne.NewDelta(dx, dy)})
}

func near(a, b scene.Point) bool {
	return math.Abs(float64(a.X-b.X)) < 0.01 && math.Abs(float64(a.Y-b.Y)) < 0.01
}

func TestCtrlWheelZoomsAroundThePointerAndAPlainWheelPans(t *testing.T) {
	ctrl := &fyne.KeyEvent{Name: desktop.KeyControlLeft}
	for _, tc := range []struct {
		name    string
		dy      float32
		factor  float32 // the zoom after, over the zoom before
		wantPan bool
	}{
		{"Ctrl+wheel away from the user zooms in", 10, 1.15, false},
		{"Ctrl+wheel towards the user zooms out", -10, 1 / 1.15, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, _, mid := wheelBoard(t)
			r, _ := b.Geometry().CardRect(mid)
			// The pointer on the card, clear of the fixed header bands.
			at := b.screen(scene.Point{X: r.X + r.W/3, Y: r.Y + r.H/2})
			under := b.toScene(at)
			z := b.Zoom()
			b.KeyDown(ctrl)
			wheel(b, at, 0, tc.dy)
			b.KeyUp(ctrl)
			if got, want := b.Zoom(), z*tc.factor; math.Abs(float64(got-want)) > 1e-4 {
				t.Fatalf("the zoom went from %.3f to %.3f, want %.3f", z, got, want)
			}
			if got := b.toScene(at); !near(got, under) {
				t.Errorf("the pointer was over scene point %v, after the zoom over %v", under, got)
			}
			if got := b.hit(at); got != (scene.Target{Kind: model.EntityContribution, ID: mid}) {
				t.Errorf("the pointer is over %+v after the zoom, not the card it was over", got)
			}
			if _, size := b.widgetRect(r); math.Abs(float64(size.Width-r.W*b.Zoom())) > 0.01 {
				t.Errorf("the card is drawn %.1f wide at zoom %.3f", size.Width, b.Zoom())
			}
		})
	}

	t.Run("a plain wheel pans and keeps the zoom", func(t *testing.T) {
		b, w, _ := wheelBoard(t)
		z, off := b.Zoom(), b.offset
		at := fyne.NewPos(600, 400)
		// Found by Fyne's test driver as the widget under the pointer.
		test.Scroll(w.Canvas(), fyne.CurrentApp().Driver().AbsolutePositionForObject(b).Add(at), 0, -40)
		if b.Zoom() != z {
			t.Fatalf("a plain wheel changed the zoom from %.3f to %.3f", z, b.Zoom())
		}
		if want := off.Y + 40/z; math.Abs(float64(b.offset.Y-want)) > 0.01 || b.offset.X != off.X {
			t.Fatalf("the wheel moved the board from %v to %v, want it %.0f down", off, b.offset, 40/z)
		}
		off = b.offset
		wheel(b, at, -30, 0)
		if want := off.X + 30/z; math.Abs(float64(b.offset.X-want)) > 0.01 || b.offset.Y != off.Y {
			t.Fatalf("a sideways wheel moved the board from %v to %v", off, b.offset)
		}
	})

	t.Run("after Ctrl is let go the wheel pans again", func(t *testing.T) {
		b, _, _ := wheelBoard(t)
		at := fyne.NewPos(600, 400)
		b.KeyDown(ctrl)
		wheel(b, at, 0, 10)
		b.KeyUp(ctrl)
		z, off := b.Zoom(), b.offset
		wheel(b, at, 0, -20)
		if b.Zoom() != z || b.offset == off {
			t.Fatalf("without Ctrl the wheel zoomed (%.3f to %.3f) or did not pan", z, b.Zoom())
		}
	})

	t.Run("Ctrl held while the board lost the focus is forgotten", func(t *testing.T) {
		b, w, _ := wheelBoard(t)
		b.KeyDown(ctrl)
		w.Canvas().Unfocus() // the key's release goes elsewhere
		z := b.Zoom()
		wheel(b, fyne.NewPos(600, 400), 0, -20)
		if b.Zoom() != z {
			t.Fatalf("a wheel after the focus left zoomed from %.3f to %.3f", z, b.Zoom())
		}
	})

	t.Run("the zoom stops at 400 % and 5 %", func(t *testing.T) {
		b, _, _ := wheelBoard(t)
		at := fyne.NewPos(600, 400)
		b.KeyDown(ctrl)
		for range 40 {
			wheel(b, at, 0, 10)
		}
		if b.Zoom() != 4 {
			t.Errorf("zoomed in all the way the board is at %.3f", b.Zoom())
		}
		for range 80 {
			wheel(b, at, 0, -10)
		}
		if math.Abs(float64(b.Zoom()-0.05)) > 1e-6 {
			t.Errorf("zoomed out all the way the board is at %.3f", b.Zoom())
		}
		b.KeyUp(ctrl)
	})
}
