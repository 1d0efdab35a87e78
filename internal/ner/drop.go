package ner

import "github.com/newsgraph/newsgraph/internal/text"

// dropOverlapping removes the entities of d from index first on that
// overlap one of spans, keeping the others in order.
func dropOverlapping(d *text.Document, first int, spans []text.Span) {
	kept := d.Entities[:first]
	for _, e := range d.Entities[first:] {
		over := false
		for _, sp := range spans {
			over = over || e.Overlaps(sp)
		}
		if !over {
			kept = append(kept, e)
		}
	}
	d.Entities = kept
}

// dropMarked removes the entities of d from index first on that a rule
// marked for removal with a negative Start, keeping the others in order.
func dropMarked(d *text.Document, first int) {
	kept := d.Entities[:first]
	for _, e := range d.Entities[first:] {
		if e.Start >= 0 {
			kept = append(kept, e)
		}
	}
	d.Entities = kept
}
