package text

import "sort"

// SpanIndex finds, in a list of spans kept in its own order (a layer of a
// Document), the index range that can overlap a given span, with binary
// searches: stages that look up the entity or mention at each of many
// places stay linear in the size of the document. It is exact for any
// order and fast when the spans are in order of Start, as layers mostly
// are.
type SpanIndex struct {
	maxStart []int // maxStart[i] is the largest Start among spans [0, i]
	maxLen   int   // the longest span
	sorted   bool  // the spans are in order of Start
}

// Build indexes n spans, the i-th given by at(i), reusing x's memory.
func (x *SpanIndex) Build(n int, at func(i int) Span) {
	x.maxStart, x.maxLen, x.sorted = x.maxStart[:0], 0, true
	m := -1
	for i := range n {
		s := at(i)
		x.sorted = x.sorted && s.Start >= m
		m = max(m, s.Start)
		x.maxStart = append(x.maxStart, m)
		x.maxLen = max(x.maxLen, s.End-s.Start)
	}
}

// Before returns the first index whose span, or an earlier one, starts at
// or after off: every span before it starts before off.
func (x *SpanIndex) Before(off int) int {
	return sort.SearchInts(x.maxStart, off)
}

// After returns an index from which every span starts at or after off:
// Before(off) when the spans are in order, else their number.
func (x *SpanIndex) After(off int) int {
	if !x.sorted {
		return len(x.maxStart)
	}
	return x.Before(off)
}

// From returns the first index from which a span may end after off: every
// span before it ends at or before off.
func (x *SpanIndex) From(off int) int {
	return sort.SearchInts(x.maxStart, off-x.maxLen+1)
}
