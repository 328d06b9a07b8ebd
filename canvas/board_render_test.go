package canvas

import (
	"math"
	"testing"

	"fyne.io/fyne/v2"
	fynecanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"valueflow/canvas/scene"
	"valueflow/model"
	"valueflow/model/sample"
)

// laidOutBoard shows the board of m with its geometry at 100 %.
func laidOutBoard(t *testing.T, m *model.Map, size fyne.Size) *Board {
	t.Helper()
	b, _ := boardWith(t, m, size)
	b.SetBoard(scene.BoardLayout(m, m.Scenarios[0].ID, scene.BoardOptions{}))
	b.SetZoom(1)
	return b
}

// paneTexts returns the text objects of one pane of the board.
func paneTexts(r *boardRenderer, pane int) []*fynecanvas.Text {
	var out []*fynecanvas.Text
	for _, o := range r.panes[pane].box.Objects {
		if t, ok := o.(*fynecanvas.Text); ok {
			out = append(out, t)
		}
	}
	return out
}

func allTexts(r *boardRenderer) []*fynecanvas.Text {
	var out []*fynecanvas.Text
	for p := range r.panes {
		out = append(out, paneTexts(r, p)...)
	}
	return out
}

// TestTextIsDrawnInTheFontsTheSceneMeasured checks every line on the board
// fits the box the scene wrapped it for, measured the way Fyne draws it: in
// the theme's font (Noto Sans, wider than the Go fonts the scene measures
// in) the step names, lane names and card marks ran out of their boxes.
func TestTextIsDrawnInTheFontsTheSceneMeasured(t *testing.T) {
	for _, zoom := range []float32{1, 0.9, 1.5} {
		m := sample.Map()
		b, _ := boardWith(t, m, fyne.NewSize(1400, 900))
		b.SetZoom(zoom)
		r := test.WidgetRenderer(b).(*boardRenderer)
		texts := allTexts(r)
		if len(texts) < 50 {
			t.Fatalf("at %.0f %% the sample board drew %d texts", zoom*100, len(texts))
		}
		d := fyne.CurrentApp().Driver()
		for _, o := range texts {
			got, _ := d.RenderedTextSize(o.Text, o.TextSize, o.TextStyle, o.FontSource)
			if got.Width > o.Size().Width+0.5 {
				t.Errorf("at %.0f %% %q is %.1f wide in a box of %.1f", zoom*100, o.Text, got.Width, o.Size().Width)
			}
		}
	}
}

// TestTheHeaderBandsStayWhileTheCellsPan pans an L board right and down:
// the lane names stay at the left, the step headers at the top, and a
// click on a fixed lane name selects the lane drawn there.
func TestTheHeaderBandsStayWhileTheCellsPan(t *testing.T) {
	m := sample.Generate(sample.L)
	b := laidOutBoard(t, m, fyne.NewSize(1200, 800))
	b.pan(-2000, -1500)
	if b.offset.X < 1000 || b.offset.Y < 1000 {
		t.Fatalf("the pan went to %+v", b.offset)
	}
	r := test.WidgetRenderer(b).(*boardRenderer)
	left, top := b.bands()
	if left != b.Scene().LeftBand || top != b.Scene().TopBand {
		t.Fatalf("bands %v×%v at 100 %% on 1200×800, the scene has %v×%v", left, top, b.Scene().LeftBand, b.Scene().TopBand)
	}
	names := map[string]bool{}
	for _, sh := range m.Stakeholders {
		names[sh.Name] = true
	}
	laneNames := 0
	for _, o := range paneTexts(r, paneLeft) {
		p := r.panes[paneLeft].origin.Add(o.Position())
		if names[o.Text] {
			laneNames++
			if p.X > left*b.zoom {
				t.Errorf("lane name %q drawn at x %.0f, right of the band", o.Text, p.X)
			}
		}
	}
	if laneNames < 5 {
		t.Fatalf("%d lane names in the fixed band after panning down", laneNames)
	}
	steps := map[string]bool{}
	for _, st := range m.Scenarios[0].Steps {
		steps[st.Name] = true
	}
	stepNames := 0
	for _, o := range paneTexts(r, paneTop) {
		if steps[o.Text] {
			stepNames++
		}
	}
	if stepNames < 3 {
		t.Fatalf("%d step names in the fixed top band after panning right", stepNames)
	}

	// The lane under the pointer in the band is the one drawn at that
	// height of the panned cells.
	at := fyne.NewPos(40, top*b.zoom+200)
	_, lane, ok := b.Geometry().CellAt(scene.Point{X: b.offset.X + 600, Y: b.offset.Y + at.Y/b.zoom})
	if !ok {
		t.Fatal("no lane at that height")
	}
	q := b.scenePoint(at)
	_, got, _ := b.Geometry().CellAt(scene.Point{X: left + 1, Y: q.Y})
	if q.X >= left || got != lane {
		t.Fatalf("the pointer at %v in the band is at scene %v in lane %s, want the name of lane %s", at, q, got, lane)
	}
}

// TestZoomedOutTheBoardIsAnOverview fits an L board into the window: no
// text is drawn, each card is one rectangle in its role's colour, and the
// objects stay a small multiple of the cards (not the 40,000 of the full
// drawing).
func TestZoomedOutTheBoardIsAnOverview(t *testing.T) {
	m := sample.Generate(sample.L)
	b := laidOutBoard(t, m, fyne.NewSize(1200, 800))
	b.ZoomFit()
	if b.Zoom() >= overviewZoom {
		t.Fatalf("fit zoom %.2f is not below the overview's %.2f", b.Zoom(), overviewZoom)
	}
	r := test.WidgetRenderer(b).(*boardRenderer)
	if n := len(allTexts(r)); n != 0 {
		t.Errorf("the overview draws %d texts", n)
	}
	cards := len(m.Scenarios[0].Contributions)
	if n := r.drawn(); n > 5*cards {
		t.Errorf("the overview draws %d objects for %d cards", n, cards)
	}
	c := m.Scenarios[0].Contributions[0]
	want := nrgba(lighten(scene.RoleColour(c.Role), 0.45), scene.Normal)
	rect, ok := b.Geometry().CardRect(c.ID)
	if !ok {
		t.Fatal("no card rectangle")
	}
	found := 0
	for k, sl := range r.slots {
		if k.item.target == (scene.Target{Kind: model.EntityContribution, ID: c.ID}) && len(sl.objects) > 0 {
			found += len(sl.objects)
			if o, ok := sl.objects[0].(*fynecanvas.Rectangle); !ok || o.FillColor != want {
				t.Errorf("card %s is drawn as %T %+v, want a rectangle in %v", c.ID, sl.objects[0], sl.objects[0], want)
			} else if got := o.Size().Width; got < rect.W*b.Zoom()-0.5 || got > rect.W*b.Zoom()+0.5 {
				t.Errorf("card %s is %.1f wide, want %.1f", c.ID, got, rect.W*b.Zoom())
			}
		}
	}
	if found != 1 {
		t.Errorf("card %s has %d objects in the overview, want 1", c.ID, found)
	}
}

// TestAPanKeepsEachItemsObjects checks the pool is keyed by the items: a
// small pan moves a card's text object without giving it other text, so
// nothing has to be drawn anew.
func TestAPanKeepsEachItemsObjects(t *testing.T) {
	m := sample.Generate(sample.L)
	b, _ := boardWith(t, m, fyne.NewSize(1200, 800))
	b.SetZoom(1)
	b.pan(-300, -300)
	r := test.WidgetRenderer(b).(*boardRenderer)
	before := map[*fynecanvas.Text]string{}
	for _, o := range paneTexts(r, paneCells) {
		before[o] = o.Text
	}
	b.pan(-12, -7)
	kept := 0
	for _, o := range paneTexts(r, paneCells) {
		if text, ok := before[o]; ok {
			kept++
			if text != o.Text {
				t.Fatalf("a pan gave a text object %q instead of %q", o.Text, text)
			}
		}
	}
	if kept*10 < len(before)*9 {
		t.Fatalf("after a 12×7 pixel pan %d of %d text objects are the same", kept, len(before))
	}
}

// TestRefreshesWhileOneWaitsAreFolded checks a burst of refreshes while
// the main loop has not come round (the state Refresh leaves on the desktop
// driver) places the objects once more, not once per event.
func TestRefreshesWhileOneWaitsAreFolded(t *testing.T) {
	m := sample.Generate(sample.L)
	b, _ := boardWith(t, m, fyne.NewSize(1200, 800))
	b.SetZoom(1)
	r := test.WidgetRenderer(b).(*boardRenderer)
	gen := r.gen
	r.pending = true
	for i := 0; i < 10; i++ {
		b.pan(-10, 0)
	}
	if r.gen != gen {
		t.Fatalf("10 scroll events while a refresh waited placed the objects %d times", r.gen-gen)
	}
	r.flush()
	if r.gen != gen+1 {
		t.Fatalf("the waiting refresh placed the objects %d times, want once", r.gen-gen)
	}
	view := r.panes[paneCells].view
	if want := b.offset.X + b.Scene().LeftBand; view.X != want {
		t.Fatalf("after the folded refresh the cells show x %.0f, the board is at %.0f", view.X, want)
	}
}

// TestCurvesAreDrawnWithFewSegmentsCloseToThem checks the simplification of
// paths: points on a straight run go, a curve keeps enough points that no
// sample of it is further than the tolerance from the lines drawn.
func TestCurvesAreDrawnWithFewSegmentsCloseToThem(t *testing.T) {
	var straight []scene.Point
	for i := 0; i <= 8; i++ {
		straight = append(straight, scene.Point{X: 10, Y: float32(i) * 5})
	}
	if got := simplify(nil, straight, 0.3); len(got) != 2 || got[0] != straight[0] || got[1] != straight[8] {
		t.Fatalf("a straight run of 9 points became %v", got)
	}
	var curve []scene.Point
	for i := 0; i <= 16; i++ {
		a := float64(i) / 16 * math.Pi
		curve = append(curve, scene.Point{X: float32(100 * math.Cos(a)), Y: float32(100 * math.Sin(a))})
	}
	const tol = 2
	got := simplify(nil, curve, tol)
	if len(got) >= len(curve) || len(got) < 4 {
		t.Fatalf("a half circle of %d points became %d", len(curve), len(got))
	}
	for _, p := range curve {
		if !nearPath(got, p, tol+1e-3) {
			t.Errorf("point %v of the curve is further than %v from the lines drawn", p, tol)
		}
	}
}
