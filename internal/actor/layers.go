package actor

import "github.com/newsgraph/newsgraph/internal/text"

// Needs returns the layers the resolver reads: tokens, sentences and the
// tagger's names. It also reads Document.Dateline when a caller set it
// before (the pipeline's geo stage runs later).
func (*Resolver) Needs() []text.Layer {
	return []text.Layer{text.LayerTokens, text.LayerSentences, text.LayerNames}
}

// Provides returns the layers the resolver writes: the entities (the
// names typed again, completed from the dictionary, with their actors) and
// the mentions.
func (*Resolver) Provides() []text.Layer {
	return []text.Layer{text.LayerEntities, text.LayerMentions}
}
