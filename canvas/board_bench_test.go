package canvas

import (
	"fmt"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"valueflow/canvas/scene"
	"valueflow/model"
	"valueflow/model/sample"
)

// BenchmarkBoardBuildL is the floor the board benchmarks compare with:
// laying out the whole L board from scratch (the same as in canvas/scene,
// repeated here so one run prints the ratios).
func BenchmarkBoardBuildL(b *testing.B) {
	m := sample.Generate(sample.L)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		scene.BoardLayout(m, m.Scenarios[0].ID, scene.BoardOptions{})
	}
}

func lBoard(b *testing.B) (*Board, *model.Map) {
	b.Helper()
	return sizedBoard(b, sample.L)
}

// sizedBoard is the board widget of a generated map of the given size in a
// laptop-sized window at 100 %.
func sizedBoard(b *testing.B, size sample.Size) (*Board, *model.Map) {
	b.Helper()
	test.NewTempApp(b)
	m := sample.Generate(size)
	board := NewBoard()
	board.SetBoard(scene.BoardLayout(m, m.Scenarios[0].ID, scene.BoardOptions{}))
	w := test.NewWindow(board)
	w.SetPadded(false)
	w.Resize(fyne.NewSize(1280, 800))
	board.SetZoom(1)
	b.Cleanup(w.Close)
	return board, m
}

// BenchmarkBoardEditL is one edit of a card's text on an L map: the
// command, the card redrawn in place in the scene (scene.UpdateCard) and a
// refresh of the widget.
func BenchmarkBoardEditL(b *testing.B) {
	board, m := lBoard(b)
	editCards(b, board, m)
}

// BenchmarkBoardEditBySize is BenchmarkBoardEditL on a generated map of
// each size; make bench shows its growth from L to XL and its ratio to
// building the same board from scratch, which it times right after the
// edits and reports as ns/build: two figures taken at the same moment, so
// other work on a shared machine disturbs both alike.
func BenchmarkBoardEditBySize(b *testing.B) {
	for _, size := range sample.Sizes {
		b.Run(string(size), func(b *testing.B) {
			board, m := sizedBoard(b, size)
			b.ReportAllocs()
			editCards(b, board, m)
			b.StopTimer()
			b.ReportMetric(buildTime(m), "ns/build")
		})
	}
}

// buildTime is the mean time of laying out m's whole board from scratch
// (BenchmarkBoardBuildL's work), over at least three layouts and 100 ms.
func buildTime(m *model.Map) float64 {
	start := time.Now()
	n := 0
	for n < 3 || time.Since(start) < 100*time.Millisecond {
		scene.BoardLayout(m, m.Scenarios[0].ID, scene.BoardOptions{})
		n++
	}
	return float64(time.Since(start).Nanoseconds()) / float64(n)
}

// editCards times b.N edits of the text of the card in the middle of the
// board's scenario: the command, the card redrawn in place in the scene and
// a refresh of the widget.
func editCards(b *testing.B, board *Board, m *model.Map) {
	b.Helper()
	sc := m.Scenarios[0]
	c := *sc.Contributions[len(sc.Contributions)/2]
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		c.Value = fmt.Sprintf("Waarde %d", i)
		if err := model.UpdateContribution(sc.ID, c).Do(m); err != nil {
			b.Fatal(err)
		}
		if !scene.UpdateCard(board.Scene(), board.Geometry(), m, sc.ID, c.ID, scene.BoardOptions{}) {
			b.Fatal("the edit needed a new layout")
		}
		board.Refresh()
	}
}

// BenchmarkBoardSelectL is a click that selects another card on an L
// board: its chain focused and the rest dimmed in place (scene.Refocus) and
// the widget refreshed.
func BenchmarkBoardSelectL(b *testing.B) {
	board, m := lBoard(b)
	sc := m.Scenarios[0]
	cards := []model.ID{sc.Contributions[10].ID, sc.Contributions[len(sc.Contributions)/2].ID}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		opt := scene.BoardOptions{Selected: scene.Target{Kind: model.EntityContribution, ID: cards[i%2]}}
		if !scene.Refocus(board.Scene(), board.Geometry(), m, sc.ID, opt) {
			b.Fatal("the selection needed a new layout")
		}
		board.Refresh()
	}
}

// BenchmarkBoardEditRelayoutL is the same edit when it needs a new layout
// of the whole board (a card moved, a lane added): the command, the layout
// and the refresh.
func BenchmarkBoardEditRelayoutL(b *testing.B) {
	board, m := lBoard(b)
	sc := m.Scenarios[0]
	c := *sc.Contributions[len(sc.Contributions)/2]
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		c.Value = fmt.Sprintf("Waarde %d", i)
		if err := model.UpdateContribution(sc.ID, c).Do(m); err != nil {
			b.Fatal(err)
		}
		board.SetBoard(scene.BoardLayout(m, sc.ID, scene.BoardOptions{}))
	}
}

// BenchmarkBoardPanL is one scroll step on an L board at 100 %: the
// renderer places pooled objects for the visible items only.
func BenchmarkBoardPanL(b *testing.B) {
	board, _ := lBoard(b)
	r := test.WidgetRenderer(board).(*boardRenderer)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		dx := float32(-40)
		if i%50 >= 25 {
			dx = 40
		}
		board.pan(dx, 0)
	}
	b.ReportMetric(float64(r.visible), "visible-items")
	b.ReportMetric(float64(len(board.Scene().Items)), "items")
}

// BenchmarkBoardZoomStepL is one Ctrl+wheel step in and out around the
// fitted L board: the overview, all of it in view, drawn at a new zoom.
func BenchmarkBoardZoomStepL(b *testing.B) {
	board, _ := lBoard(b)
	board.ZoomFit()
	fit := board.Zoom()
	at := fyne.NewPos(400, 300)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		z := fit * 1.15
		if i%2 == 1 {
			z = fit
		}
		board.zoomAround(z, at)
	}
}

// BenchmarkBoardZoomOutL refreshes the whole L board fitted into the
// window, the worst case for the renderer: texts too small to read are left
// out, everything else is drawn.
func BenchmarkBoardZoomOutL(b *testing.B) {
	board, _ := lBoard(b)
	board.ZoomFit()
	r := test.WidgetRenderer(board).(*boardRenderer)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r.Refresh()
	}
	b.ReportMetric(float64(r.drawn()), "objects")
}
