package pipeline

import (
	"context"
	"os"
	"testing"

	"github.com/newsgraph/newsgraph/internal/actor"
	"github.com/newsgraph/newsgraph/internal/amount"
	"github.com/newsgraph/newsgraph/internal/ner"
	"github.com/newsgraph/newsgraph/internal/quote"
	"github.com/newsgraph/newsgraph/internal/text"
	"github.com/newsgraph/newsgraph/internal/timex"
	"github.com/newsgraph/newsgraph/internal/tone"
)

// BenchmarkIssue5Annotators times the four annotators of issue 5 (timex,
// amount, quote, tone; target ≥ 5 MB/s per core together) on a realistic
// article. Segmentation, entities and actors run once outside the timed
// loop; each iteration starts from that prepared document with its own
// output layers emptied (their backing arrays reused, as in a worker that
// recycles documents). The sub-benchmarks time each annotator alone.
func BenchmarkIssue5Annotators(b *testing.B) {
	raw, err := os.ReadFile("../text/testdata/article.txt")
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	prep := text.NewDocument("bench", "", string(raw))
	prep.Published = "2024-03-05"
	for _, a := range []Annotator{text.Segmenter{}, ner.Embedded(), actor.Embedded()} {
		if err := a.Annotate(ctx, prep); err != nil {
			b.Fatalf("cannot prepare the document: %s: %v", a.Name(), err)
		}
	}
	stages := []Annotator{timex.Default(), amount.Default(), quote.Default(), tone.Default()}
	run := func(b *testing.B, stages ...Annotator) {
		w := *prep
		b.SetBytes(int64(len(raw)))
		b.ReportAllocs()
		for b.Loop() {
			// The input layers are read-only for these stages; restore
			// their headers anyway and empty the outputs.
			w.Tokens, w.Sentences, w.Entities, w.Mentions = prep.Tokens, prep.Sentences, prep.Entities, prep.Mentions
			w.Dates, w.Amounts, w.Quotes = w.Dates[:0], w.Amounts[:0], w.Quotes[:0]
			w.Tone, w.SentenceTone = nil, w.SentenceTone[:0]
			for _, a := range stages {
				if err := a.Annotate(ctx, &w); err != nil {
					b.Fatalf("%s: %v", a.Name(), err)
				}
			}
		}
		if len(w.Dates) == 0 && stages[0].Name() == "dates" {
			b.Fatal("no dates found: the fixture or the tagger changed")
		}
	}
	b.Run("all", func(b *testing.B) { run(b, stages...) })
	for _, a := range stages {
		b.Run(a.Name(), func(b *testing.B) { run(b, a) })
	}
}
