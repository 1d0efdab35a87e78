package geo

import "github.com/newsgraph/newsgraph/internal/text"

// Needs returns the layers the annotator reads: tokens, sentences and the
// entities (the LOC ones are toponyms; the others are not places).
func (*Annotator) Needs() []text.Layer {
	return []text.Layer{text.LayerTokens, text.LayerSentences, text.LayerEntities}
}

// Provides returns the layer the annotator writes: the places (and the
// dateline).
func (*Annotator) Provides() []text.Layer { return []text.Layer{text.LayerPlaces} }
