package amount

import "github.com/newsgraph/newsgraph/internal/text"

// Needs returns the layers the tagger reads: tokens, sentences and the
// dates (numbers inside a date are no amounts).
func (*Tagger) Needs() []text.Layer {
	return []text.Layer{text.LayerTokens, text.LayerSentences, text.LayerDates}
}

// Provides returns the layer the tagger writes: the amounts.
func (*Tagger) Provides() []text.Layer { return []text.Layer{text.LayerAmounts} }
