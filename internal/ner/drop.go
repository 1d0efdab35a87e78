package ner

import "github.com/newsgraph/newsgraph/internal/text"

// dropOverlapping removes the entities of d from index first on that
// overlap one of spans, keeping the others in order. Entities and spans
// are in text order (and spans do not overlap each other), so one walk
// over both does.
func dropOverlapping(d *text.Document, first int, spans []text.Span) {
	kept := d.Entities[:first]
	k := 0
	for _, e := range d.Entities[first:] {
		for k < len(spans) && spans[k].End <= e.Start {
			k++
		}
		over := false
		for m := k; m < len(spans) && spans[m].Start < e.End && !over; m++ {
			over = e.Overlaps(spans[m])
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
