package store

import (
	"errors"
	"reflect"
	"testing"
)

// fakeRows yields the numbers 1..n, then err.
type fakeRows struct {
	i, n int
	err  error
}

func (r *fakeRows) Next() bool { r.i++; return r.i <= r.n }
func (r *fakeRows) Err() error { return r.err }

func TestCollectPage(t *testing.T) {
	scan := func(r *fakeRows) (int, string, error) { return r.i, string(rune('a' + r.i - 1)), nil }
	f := func(n, limit int, want Page[int]) {
		t.Helper()
		got, err := CollectPage(&fakeRows{n: n}, limit, scan)
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("%d rows, limit %d: %+v, %v; want %+v", n, limit, got, err, want)
		}
	}
	f(0, 2, Page[int]{})
	f(2, 2, Page[int]{Items: []int{1, 2}})
	f(3, 2, Page[int]{Items: []int{1, 2}, Next: "b"})
	bad := errors.New("broken")
	if _, err := CollectPage(&fakeRows{n: 1, err: bad}, 2, scan); !errors.Is(err, bad) {
		t.Errorf("row error: %v", err)
	}
}
