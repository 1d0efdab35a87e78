package store

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"

	"github.com/newsgraph/newsgraph/record"
)

// pickyStore fails a whole batch when it holds a record whose id is in
// bad, without naming it (as a database's data error does), and fails
// everything while down.
type pickyStore struct {
	Store
	bad    map[string]bool
	down   bool
	stored []string
	puts   int
}

func (s *pickyStore) Put(_ context.Context, recs []*record.Record) (PutResult, error) {
	s.puts++
	if s.down {
		return PutResult{}, fmt.Errorf("%w: connection refused", ErrUnavailable)
	}
	for _, r := range recs {
		if s.bad[r.ID] {
			return PutResult{}, fmt.Errorf("%w: value too long", ErrBadRecord)
		}
	}
	for _, r := range recs {
		s.stored = append(s.stored, r.ID)
	}
	return PutResult{Added: len(recs)}, nil
}

func TestPutSplit(t *testing.T) {
	recs := func(n int) []*record.Record {
		var out []*record.Record
		for i := range n {
			out = append(out, &record.Record{ID: fmt.Sprint(i), Text: "x"})
		}
		return out
	}
	f := func(n int, bad []string, wantPuts int) {
		t.Helper()
		s := &pickyStore{bad: map[string]bool{}}
		for _, id := range bad {
			s.bad[id] = true
		}
		res, rej, err := PutSplit(context.Background(), s, recs(n))
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, r := range rej {
			if !errors.Is(r.Err, ErrBadRecord) {
				t.Errorf("rejected %s: %v", r.Record.ID, r.Err)
			}
			got = append(got, r.Record.ID)
		}
		if !slices.Equal(got, bad) || res.Added != n-len(bad) || len(s.stored) != n-len(bad) || s.puts != wantPuts {
			t.Errorf("n=%d bad=%v: rejected %v, added %d, stored %v, %d puts (want %d)", n, bad, got, res.Added, s.stored, s.puts, wantPuts)
		}
	}
	f(8, nil, 1)
	f(8, []string{"5"}, 7)       // 8 → 4 ok + 4 → 2 ok + 2 → 1 ok + 1 bad
	f(8, []string{"0", "7"}, 11) // bisects both halves
	f(1, []string{"0"}, 1)
	f(16, []string{"3", "4", "5", "6"}, 15)
}

func TestPutSplitRecordError(t *testing.T) {
	// A store that names the bad record: set aside without bisecting.
	s := &namingStore{}
	recs := []*record.Record{{ID: "a"}, {ID: "b", Title: "x\x00"}, {ID: "c"}}
	res, rej, err := PutSplit(context.Background(), s, recs)
	if err != nil || res.Added != 2 || len(rej) != 1 || rej[0].Record.ID != "b" || s.puts != 2 {
		t.Errorf("PutSplit: %+v %+v %v, %d puts", res, rej, err, s.puts)
	}
	if recs[1].ID != "b" {
		t.Error("PutSplit changed the caller's slice")
	}
}

type namingStore struct {
	Store
	puts int
}

func (s *namingStore) Put(_ context.Context, recs []*record.Record) (PutResult, error) {
	s.puts++
	if err := CheckRecords(recs); err != nil {
		return PutResult{}, err
	}
	return PutResult{Added: len(recs)}, nil
}

func TestPutSplitUnavailable(t *testing.T) {
	s := &pickyStore{down: true}
	_, rej, err := PutSplit(context.Background(), s, []*record.Record{{ID: "a"}, {ID: "b"}})
	if !errors.Is(err, ErrUnavailable) || len(rej) != 0 || s.puts != 1 {
		t.Errorf("store down: rejected %v, err %v, %d puts", rej, err, s.puts)
	}
}
