package analysis

import (
	"testing"

	"valueflow/model/sample"
)

// BenchmarkAnalyzeBySize computes the network measures and findings of a
// generated map of each size (make bench: growth from L to XL).
func BenchmarkAnalyzeBySize(b *testing.B) {
	for _, size := range sample.Sizes {
		b.Run(string(size), func(b *testing.B) {
			m := sample.Generate(size)
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if _, err := Analyze(m, Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
