package export

import (
	"io"
	"testing"
	"time"

	"valueflow/canvas/scene"
	"valueflow/model/sample"
)

// BenchmarkExportPDFBySize prints the real board of a generated map of each
// size fitted on one A3 landscape page, so make bench can show how export
// grows with the number of things drawn from L to XL. Fitted, because at
// 100% an XL board would need over 5,000 pages, which PDF refuses (limit
// 999). The scene is built once, outside the timer: only the PDF is measured.
var fitSetup = scene.PageSetup{Paper: scene.A3, Landscape: true, Fit: true}

func BenchmarkExportPDFBySize(b *testing.B) {
	for _, size := range sample.Sizes {
		b.Run(string(size), func(b *testing.B) {
			m := sample.Generate(size)
			s := scene.Board(m, m.Scenarios[0].ID, scene.BoardOptions{})
			meta := Meta{Title: string(size), Scenario: m.Scenarios[0].Name, Date: time.Now()}
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if err := PDF(io.Discard, s, fitSetup, meta); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
