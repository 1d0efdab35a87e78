package postgres

import (
	"context"
	"testing"

	"github.com/newsgraph/newsgraph/internal/store/storetest"
)

// BenchmarkPut stores batches of 64 synthetic articles with three events
// each, as a worker does.
func BenchmarkPut(b *testing.B) {
	s := openTemp(b)
	defer s.Close()
	const batch = 64
	recs := storetest.Synthetic(batch*(b.N+1), 3)
	size := 0
	for _, r := range recs[:batch] {
		size += len(r.Text)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := s.Put(context.Background(), recs[i*batch:(i+1)*batch]); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N*batch)/b.Elapsed().Seconds(), "articles/s")
}
