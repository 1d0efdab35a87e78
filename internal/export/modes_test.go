package export

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"io"
	"testing"

	"github.com/parquet-go/parquet-go"

	"github.com/newsgraph/newsgraph/internal/store"
	"github.com/newsgraph/newsgraph/internal/store/storetest"
)

// TestModes checks that the event exports leave out the fixture's negated
// and hypothetical events unless the filter keeps every mode, and that the
// tables then say which they are.
func TestModes(t *testing.T) {
	s := fixtureStore(t, storetest.Fixture())
	write := func(f Format, all bool) []byte {
		t.Helper()
		var b bytes.Buffer
		if _, err := Write(context.Background(), s, &b, Options{Format: f, Added: testAdded, Filter: store.Filter{AllModes: all}}); err != nil {
			t.Fatalf("Write %s: %v", f, err)
		}
		return b.Bytes()
	}
	if n := len(parseGDELTEvents(t, write(GDELTEvents, false))); n != 7 {
		t.Errorf("gdelt-events: %d rows, want the 7 counted events", n)
	}
	if n := len(parseGDELTEvents(t, write(GDELTEvents, true))); n != 9 {
		t.Errorf("gdelt-events with every mode: %d rows, want 9", n)
	}
	modes := func(b []byte) map[string]int {
		t.Helper()
		rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		col := len(EventHeader) - 1
		if rows[0][col] != "mode" {
			t.Fatalf("last column %q, want mode", rows[0][col])
		}
		out := map[string]int{}
		for _, r := range rows[1:] {
			out[r[col]]++
		}
		return out
	}
	if got := modes(write(CSV, false)); got[""] != 7 || len(got) != 1 {
		t.Errorf("csv modes: %v, want 7 counted", got)
	}
	if got := modes(write(CSV, true)); got[""] != 7 || got[store.ModeNegated] != 1 || got[store.ModeHypothetical] != 1 {
		t.Errorf("csv modes with every mode: %v", got)
	}
	pr := parquet.NewGenericReader[EventRow](bytes.NewReader(write(Parquet, true)))
	rows := make([]EventRow, 12)
	k, err := pr.Read(rows)
	if err != nil && !errors.Is(err, io.EOF) {
		t.Fatal(err)
	}
	var uncounted int
	for _, r := range rows[:k] {
		if r.Mode != nil {
			uncounted++
		}
	}
	if k != 9 || uncounted != 2 {
		t.Errorf("parquet with every mode: %d rows, %d with a mode; want 9, 2", k, uncounted)
	}
}
