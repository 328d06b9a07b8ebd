package storage

import (
	"fmt"
	"testing"

	"valueflow/model/sample"
)

// BenchmarkSnapshotBySize takes a snapshot of an open map of each size
// (make bench: growth from L to XL). Each snapshot is deleted again outside
// the timer, so every size is measured on a file holding one map: left in,
// a thousand L snapshots made the L figure larger than the few XL ones.
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
				info, err := f.TakeSnapshot(fmt.Sprintf("snapshot %d", i), "")
				if err != nil {
					b.Fatal(err)
				}
				b.StopTimer()
				if err := f.DeleteSnapshot(info.ID); err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
			}
		})
	}
}
