package canvas

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"valueflow/canvas/scene"
	"valueflow/model"
	"valueflow/model/sample"
)

func boardWith(t *testing.T, m *model.Map, size fyne.Size) (*Board, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	b := NewBoard()
	b.SetScene(scene.Board(m, m.Scenarios[0].ID, scene.BoardOptions{}))
	w := test.NewWindow(b)
	w.SetPadded(false)
	w.Resize(size)
	t.Cleanup(w.Close)
	return b, w
}

// cardAt returns the screen position of the middle of a card.
func cardAt(b *Board, id model.ID) fyne.Position {
	for _, it := range b.Scene().Items {
		if it.Target.Kind == model.EntityContribution && it.Target.ID == id && it.Box != nil {
			p := scene.Point{X: it.Box.X + it.Box.W/2, Y: it.Box.Y + it.Box.H/2}
			return fyne.NewPos((p.X-b.offset.X)*b.zoom, (p.Y-b.offset.Y)*b.zoom)
		}
	}
	return fyne.Position{}
}

func TestTappingACardSelectsIt(t *testing.T) {
	m := sample.Map()
	b, _ := boardWith(t, m, fyne.NewSize(1200, 800))
	var got scene.Target
	b.OnSelect = func(tg scene.Target) { got = tg }
	card := m.Scenarios[0].Contributions[0].ID
	test.TapAt(b, cardAt(b, card))
	if got != (scene.Target{Kind: model.EntityContribution, ID: card}) {
		t.Fatalf("tapping card %s selected %+v", card, got)
	}
	test.TapAt(b, fyne.NewPos(2, 2))
	if got.ID != "" {
		t.Fatalf("tapping the empty corner selected %+v", got)
	}
}

func TestZoomChangesTheDrawnSize(t *testing.T) {
	m := sample.Map()
	b, _ := boardWith(t, m, fyne.NewSize(1200, 800))
	before := b.Zoom()
	b.ZoomIn()
	if b.Zoom() <= before {
		t.Fatalf("zoom in went from %.2f to %.2f", before, b.Zoom())
	}
	b.ZoomFit()
	s := b.Scene()
	if b.Zoom()*s.Width > 1200+1 || b.Zoom()*s.Height > 800+1 {
		t.Fatalf("fit leaves the scene %.0f×%.0f on a 1200×800 board", b.Zoom()*s.Width, b.Zoom()*s.Height)
	}
}

// TestOnlyVisibleItemsAreDrawn checks the renderer makes objects for what
// is in the viewport only: a small window on an L map draws a fraction.
func TestOnlyVisibleItemsAreDrawn(t *testing.T) {
	m := sample.Generate(sample.L)
	b, _ := boardWith(t, m, fyne.NewSize(800, 600))
	b.SetZoom(1)
	r := test.WidgetRenderer(b).(*boardRenderer)
	drawn := r.visible
	total := len(b.Scene().Items)
	if drawn == 0 || drawn*10 > total {
		t.Fatalf("%d items drawn of %d in an 800×600 view", drawn, total)
	}
	// Panning reuses the pooled objects instead of making new ones.
	pooled := len(r.rects) + len(r.texts) + len(r.lines) + len(r.circles)
	for i := 0; i < 5; i++ {
		b.pan(-300, 0)
	}
	b.pan(1500, 0)
	if again := len(r.rects) + len(r.texts) + len(r.lines) + len(r.circles); again > pooled*3 {
		t.Fatalf("panning back and forth grew the pools from %d to %d objects", pooled, again)
	}
}

// bigText is the default theme with a larger text size, as a user who set a
// larger text scale has it.
type bigText struct{ fyne.Theme }

func (t bigText) Size(n fyne.ThemeSizeName) float32 {
	if n == theme.SizeNameText {
		return 21
	}
	return t.Theme.Size(n)
}

func TestTheBoardFollowsTheTextScale(t *testing.T) {
	m := sample.Map()
	b, w := boardWith(t, m, fyne.NewSize(800, 600))
	normal := b.Zoom()
	fyne.CurrentApp().Settings().SetTheme(bigText{theme.DefaultTheme()})
	b2 := NewBoard()
	b2.SetScene(scene.Board(m, m.Scenarios[0].ID, scene.BoardOptions{}))
	w.SetContent(b2)
	w.Resize(fyne.NewSize(801, 600))
	if got := b2.Zoom(); got < normal*1.4 {
		t.Fatalf("with text size 21 the board opens at %.2f, with 14 at %.2f", got, normal)
	}
}
