package tone

import "github.com/newsgraph/newsgraph/internal/text"

// Needs returns the layers the annotator reads: tokens and sentences.
func (*Annotator) Needs() []text.Layer {
	return []text.Layer{text.LayerTokens, text.LayerSentences}
}

// Provides returns the layer the annotator writes: the tone of the article
// and of each sentence.
func (*Annotator) Provides() []text.Layer { return []text.Layer{text.LayerTone} }
