package text

import "testing"

// TestSpanIndex checks that the range an index gives holds every span
// that overlaps the query, in order or not.
func TestSpanIndex(t *testing.T) {
	f := func(spans []Span, q Span) {
		t.Helper()
		var x SpanIndex
		x.Build(len(spans), func(i int) Span { return spans[i] })
		lo, hi := x.From(q.Start), x.After(q.End)
		for i, s := range spans {
			if s.Overlaps(q) && (i < lo || i >= hi) {
				t.Errorf("spans %v, query %v: span %d overlaps but the range is [%d, %d)", spans, q, i, lo, hi)
			}
		}
	}
	sorted := []Span{{0, 5}, {6, 30}, {10, 12}, {31, 35}, {40, 41}}
	f(sorted, Span{11, 11 + 1})
	f(sorted, Span{20, 32})
	f(sorted, Span{0, 1})
	f(sorted, Span{41, 50})
	unsorted := []Span{{10, 12}, {0, 5}, {40, 41}, {6, 30}, {31, 35}}
	f(unsorted, Span{11, 12})
	f(unsorted, Span{2, 3})
	f(unsorted, Span{33, 40})
	f(nil, Span{0, 1})
}
