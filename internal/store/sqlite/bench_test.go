package sqlite

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/newsgraph/newsgraph/internal/store"
	"github.com/newsgraph/newsgraph/internal/store/storetest"
	"github.com/newsgraph/newsgraph/record"
)

// distinct returns n copies of the fixture records with their own ids,
// URLs and texts, so that none is a duplicate.
func distinct(n int) []*record.Record {
	fx := storetest.Fixture()
	out := make([]*record.Record, 0, n)
	for i := 0; len(out) < n; i++ {
		for _, r := range fx {
			c := *r
			c.ID = fmt.Sprintf("%s-%d", r.ID, i)
			if c.URL != "" {
				c.URL = fmt.Sprintf("%s?%d", r.URL, i)
			}
			c.Text = fmt.Sprintf("%s Copy %d.", r.Text, i)
			out = append(out, &c)
		}
	}
	return out[:n]
}

func BenchmarkPut(b *testing.B) {
	s, err := Open(context.Background(), Options{Path: filepath.Join(b.TempDir(), "b.db")})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	const batch = 64
	recs := distinct(batch * (b.N + 1))
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

var big struct {
	once sync.Once
	path string
	err  error
}

// bigStore returns a store of 25,000 synthetic articles with 4 events each
// (100,000 events), built once per test binary.
func bigStore(b *testing.B) *Store {
	big.once.Do(func() {
		dir, err := os.MkdirTemp("", "newsgraph-bench")
		if err != nil {
			big.err = err
			return
		}
		big.path = filepath.Join(dir, "big.db")
		s, err := Open(context.Background(), Options{Path: big.path})
		if err != nil {
			big.err = err
			return
		}
		defer s.Close()
		recs := storetest.Synthetic(25000, 4)
		for i := 0; i < len(recs); i += 1000 {
			if _, err := s.Put(context.Background(), recs[i:min(i+1000, len(recs))]); err != nil {
				big.err = err
				return
			}
		}
	})
	if big.err != nil {
		b.Fatal(big.err)
	}
	s, err := Open(context.Background(), Options{Path: big.path, ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	st, _ := s.Stats(context.Background())
	if st.Events < 99000 {
		b.Fatalf("big store has %d events", st.Events)
	}
	return s
}

// BenchmarkQuery100k times the listings and the dyad series on 100,000
// events; each must answer in well under 100 ms.
func BenchmarkQuery100k(b *testing.B) {
	s := bigStore(b)
	defer s.Close()
	ctx := context.Background()
	dyad, _ := store.ParseDyad("RUS:CHN")
	cases := []struct {
		name string
		run  func() error
	}{
		{"events/all", func() error { _, err := s.Events(ctx, store.Filter{}); return err }},
		{"events/dyad", func() error { _, err := s.Events(ctx, store.Filter{Dyad: dyad}); return err }},
		{"events/actor+quad", func() error { _, err := s.Events(ctx, store.Filter{Actor: "USA", QuadClass: 4}); return err }},
		{"events/cameo+dates", func() error {
			_, err := s.Events(ctx, store.Filter{CAMEO: "04", From: "2022-01-01", To: "2022-06-30"})
			return err
		}},
		{"events/place", func() error { _, err := s.Events(ctx, store.Filter{Place: "Kyiv", Limit: 1000}); return err }},
		{"events/bbox", func() error {
			_, err := s.Events(ctx, store.Filter{BBox: &store.BBox{MinLat: 30, MinLon: 30, MaxLat: 40, MaxLon: 60}})
			return err
		}},
		{"events/text", func() error { _, err := s.Events(ctx, store.Filter{Text: "w17"}); return err }},
		{"events/rare-dyad", func() error {
			_, err := s.Events(ctx, store.Filter{Dyad: &store.Dyad{A: "RUSMIL", B: "UKRGOV", Directed: true}})
			return err
		}},
		{"articles/text", func() error { _, err := s.Articles(ctx, store.Filter{Text: "w42"}); return err }},
		{"articles/dyad", func() error { _, err := s.Articles(ctx, store.Filter{Dyad: dyad}); return err }},
		{"dyad/month", func() error {
			_, err := s.Dyad(ctx, store.DyadQuery{Dyad: *dyad, By: store.ByMonth})
			return err
		}},
		{"dyad/day", func() error {
			_, err := s.Dyad(ctx, store.DyadQuery{Dyad: store.Dyad{A: "USA", B: "CHN"}, By: store.ByDay})
			return err
		}},
		{"stats", func() error { _, err := s.Stats(ctx); return err }},
		{"all-modes/events/dyad", func() error { _, err := s.Events(ctx, store.Filter{Dyad: dyad, AllModes: true}); return err }},
		{"all-modes/dyad/month", func() error {
			_, err := s.Dyad(ctx, store.DyadQuery{Dyad: *dyad, By: store.ByMonth, AllModes: true})
			return err
		}},
		{"all-modes/event-places/actor", func() error {
			_, err := s.EventPlaces(ctx, store.Filter{Actor: "USA", AllModes: true})
			return err
		}},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := c.run(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
