package quote

import "github.com/newsgraph/newsgraph/internal/text"

// Needs returns the layers the annotator reads: tokens, sentences, the
// entities and mentions that name speakers, and the places (a dateline or
// a place before a colon is no speaker's label).
func (*Annotator) Needs() []text.Layer {
	return []text.Layer{text.LayerTokens, text.LayerSentences, text.LayerEntities, text.LayerMentions, text.LayerPlaces}
}

// Provides returns the layer the annotator writes: the quotes.
func (*Annotator) Provides() []text.Layer { return []text.Layer{text.LayerQuotes} }
