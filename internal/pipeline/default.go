package pipeline

import (
	"github.com/newsgraph/newsgraph/internal/actor"
	"github.com/newsgraph/newsgraph/internal/ner"
	"github.com/newsgraph/newsgraph/internal/text"
)

// Default returns the full article-to-record chain with the embedded models
// and dictionaries. Stages run in this order; each may rely on the layers of
// the ones before it.
func Default() (*Pipeline, error) {
	stages := []Annotator{
		text.Segmenter{}, // tokens, sentences
		ner.Embedded(),   // entities
		actor.Embedded(), // actors
		// places (internal/geo)
		// dates (internal/timex)
		// amounts (internal/amount)
		// quotes (internal/quote)
		// tone (internal/tone)
		// events (internal/event)
	}
	return New(stages...), nil
}
