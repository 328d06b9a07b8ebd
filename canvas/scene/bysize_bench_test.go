package scene

import (
	"testing"

	"valueflow/model/sample"
)

// BenchmarkBoardBuildBySize builds the whole board scene of a generated map
// of each size (make bench reads the growth from L to XL; issue 10 wants it
// about linear).
func BenchmarkBoardBuildBySize(b *testing.B) {
	for _, size := range sample.Sizes {
		b.Run(string(size), func(b *testing.B) {
			m := sample.Generate(size)
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				Board(m, m.Scenarios[0].ID, BoardOptions{})
			}
		})
	}
}
