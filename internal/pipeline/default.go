package pipeline

import (
	"runtime/debug"
	"sync"

	"github.com/newsgraph/newsgraph/internal/actor"
	"github.com/newsgraph/newsgraph/internal/amount"
	"github.com/newsgraph/newsgraph/internal/event"
	"github.com/newsgraph/newsgraph/internal/geo"
	"github.com/newsgraph/newsgraph/internal/ner"
	"github.com/newsgraph/newsgraph/internal/quote"
	"github.com/newsgraph/newsgraph/internal/syntax"
	"github.com/newsgraph/newsgraph/internal/text"
	"github.com/newsgraph/newsgraph/internal/timex"
	"github.com/newsgraph/newsgraph/internal/tone"
)

// Default returns the full article-to-record chain with the embedded models
// and dictionaries. Stages run in this order; each declares the layers it
// needs and provides (see Layered), and Build checks that every need is
// met by an earlier stage.
func Default() (*Pipeline, error) {
	loadEmbedded()
	stages := []Annotator{
		text.Segmenter{},  // tokens, sentences
		syntax.Embedded(), // syntax: part-of-speech tags, lemmas, dependency trees
		ner.Embedded(),    // names
		actor.Embedded(),  // entities, mentions
		geo.Embedded(),    // places
		timex.Default(),   // dates
		amount.Default(),  // amounts
		quote.Default(),   // quotes
		tone.Default(),    // tone
		event.Embedded(),  // events
	}
	return Build(stages...)
}

// loadEmbedded decodes the embedded models and dictionaries side by side.
// Each takes tens of milliseconds of CPU (the syntax model, the gazetteer
// and the entity model most) and they share only the actor dictionary, which its sync.Once
// guards, so a one-article command waits for the slowest, not the sum. The
// garbage collector is off meanwhile: what is decoded stays live, so its
// cycles would find little to free (a third of the loading time of
// `annotate` on one article; the peak heap grows by about 10 MB).
func loadEmbedded() {
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	var wg sync.WaitGroup
	wg.Go(func() { ner.Embedded() })
	wg.Go(func() { geo.Embedded() })
	wg.Go(func() { event.Embedded() }) // loads the actor dictionary too
	// The model's error, if any, is Embedded's to report, in Default.
	wg.Go(func() { syntax.Default() })
	wg.Wait()
}
