package event

import "github.com/newsgraph/newsgraph/internal/text"

// Needs returns the layers the coder reads: tokens, sentences, the
// syntax tree its senses are checked on (sense.go), the entities and
// mentions its actors come from, the places and the dates of its events,
// and the quotations whose content is a verbal act of their speaker
// (quoted.go).
func (*Coder) Needs() []text.Layer {
	return []text.Layer{text.LayerTokens, text.LayerSentences, text.LayerSyntax, text.LayerEntities, text.LayerMentions,
		text.LayerPlaces, text.LayerDates, text.LayerQuotes}
}

// Provides returns the layer the coder writes: the events.
func (*Coder) Provides() []text.Layer { return []text.Layer{text.LayerEvents} }
