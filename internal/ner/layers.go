package ner

import "github.com/newsgraph/newsgraph/internal/text"

// Needs returns the layers the tagger reads: tokens and sentences.
func (*Tagger) Needs() []text.Layer {
	return []text.Layer{text.LayerTokens, text.LayerSentences}
}

// Provides returns the layer the tagger writes: the names in
// Document.Entities, which the actor stage turns into entities.
func (*Tagger) Provides() []text.Layer { return []text.Layer{text.LayerNames} }
