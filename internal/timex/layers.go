package timex

import "github.com/newsgraph/newsgraph/internal/text"

// Needs returns the layers the tagger reads: tokens and sentences.
func (*Tagger) Needs() []text.Layer {
	return []text.Layer{text.LayerTokens, text.LayerSentences}
}

// Provides returns the layer the tagger writes: the dates.
func (*Tagger) Provides() []text.Layer { return []text.Layer{text.LayerDates} }
