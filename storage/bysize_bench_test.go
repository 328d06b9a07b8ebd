package storage

import (
	"fmt"
	"testing"

	"valueflow/model/sample"
)

// BenchmarkSnapshotBySize takes a snapshot of an open map of each size
// (make bench: growth from L to XL; the file grows by one snapshot per
// iteration, as it does for a user).
func BenchmarkSnapshotBySize(b *testing.B) {
	for _, size := range sample.Sizes {
		b.Run(string(size), func(b *testing.B) {
			f, err := Open(sizedFile(b, size))
			if err != nil {
				b.Fatal(err)
			}
			defer f.Close()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if _, err := f.TakeSnapshot(fmt.Sprintf("snapshot %d", i), ""); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
