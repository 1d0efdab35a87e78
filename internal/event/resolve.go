package event

import (
	"github.com/newsgraph/newsgraph/internal/text"
	"github.com/newsgraph/newsgraph/record"
)

// Resolver says which actor a noun-phrase span refers to. The actor stage
// (internal/actor) provides one; the default reads the entity and mention
// layers that it filled.
type Resolver interface {
	Resolve(d *text.Document, s text.Span) (*record.Actor, bool)
}

// LayerResolver resolves a span from the actors already set on
// Document.Entities and Document.Mentions: the last one inside the span
// (the head of "China's senior diplomat Wang Yi").
type LayerResolver struct{}

// Resolve returns the actor of the rightmost entity or mention in s.
func (LayerResolver) Resolve(d *text.Document, s text.Span) (*record.Actor, bool) {
	var best *record.Actor
	bestEnd := -1
	for i := range d.Entities {
		e := &d.Entities[i]
		if e.Actor != nil && e.Actor.Code != "" && s.Contains(e.Span) && e.End > bestEnd {
			best, bestEnd = e.Actor, e.End
		}
	}
	for i := range d.Mentions {
		m := &d.Mentions[i]
		if m.Actor != nil && m.Actor.Code != "" && s.Contains(m.Span) && m.End > bestEnd {
			best, bestEnd = m.Actor, m.End
		}
	}
	return best, best != nil
}
