package event

import (
	"sort"

	"github.com/newsgraph/newsgraph/internal/text"
)

// views holds, for every sentence of a document, the entities, mentions,
// places and dates that overlap it, in their document order. Coding a
// sentence looks only at those (an actor, a place, a date inside the
// sentence), so reading them from the sentence's view instead of the whole
// document keeps the stage linear in the size of the document.
type views struct {
	ents   bucket[text.Entity]
	ments  bucket[text.Mention]
	places bucket[text.Place]
	dates  bucket[text.Date]
	doc    text.Document // the view handed out, rebuilt per sentence
}

// bucket is a layer split by sentence: items[off[si]:off[si+1]] overlap
// sentence si.
type bucket[T any] struct {
	items []T
	off   []int
}

// build fills b from items, whose spans span(x) returns.
func (b *bucket[T]) build(d *text.Document, items []T, span func(*T) text.Span) {
	n := len(d.Sentences)
	b.off = append(b.off[:0], make([]int, n+1)...)
	each := func(x *T, f func(si int)) {
		s := span(x)
		// The first sentence that ends after s starts, then those that
		// start before s ends.
		si := sort.Search(n, func(i int) bool { return d.Sentences[i].End > s.Start })
		for ; si < n && d.Sentences[si].Start < s.End; si++ {
			f(si)
		}
	}
	for i := range items {
		each(&items[i], func(si int) { b.off[si+1]++ })
	}
	for si := range n {
		b.off[si+1] += b.off[si]
	}
	if cap(b.items) < b.off[n] {
		b.items = make([]T, b.off[n])
	}
	b.items = b.items[:b.off[n]]
	next := append([]int(nil), b.off[:n]...)
	for i := range items {
		each(&items[i], func(si int) {
			b.items[next[si]] = items[i]
			next[si]++
		})
	}
}

// of returns the items of sentence si.
func (b *bucket[T]) of(si int) []T { return b.items[b.off[si]:b.off[si+1]] }

// build splits d's layers by sentence.
func (v *views) build(d *text.Document) {
	v.ents.build(d, d.Entities, func(e *text.Entity) text.Span { return e.Span })
	v.ments.build(d, d.Mentions, func(m *text.Mention) text.Span { return m.Span })
	v.places.build(d, d.Places, func(p *text.Place) text.Span { return p.Span })
	v.dates.build(d, d.Dates, func(x *text.Date) text.Span { return x.Span })
}

// of returns a shallow copy of d whose entities, mentions, places and
// dates are those of sentence si only. It is valid until the next call.
func (v *views) of(d *text.Document, si int) *text.Document {
	v.doc = *d
	v.doc.Entities, v.doc.Mentions = v.ents.of(si), v.ments.of(si)
	v.doc.Places, v.doc.Dates = v.places.of(si), v.dates.of(si)
	return &v.doc
}
