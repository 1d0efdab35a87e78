package text

import "context"

// Segmenter is the first annotator: it tokenizes the text and splits it into
// sentences.
type Segmenter struct{}

// Name returns "segment".
func (Segmenter) Name() string { return "segment" }

// Needs returns no layer: the segmenter reads the text alone.
func (Segmenter) Needs() []Layer { return nil }

// Provides returns the tokens and sentences layers.
func (Segmenter) Provides() []Layer { return []Layer{LayerTokens, LayerSentences} }

// Annotate fills d.Tokens and d.Sentences.
func (Segmenter) Annotate(_ context.Context, d *Document) error {
	d.Tokens = Tokenize(d.Tokens[:0], d.Text)
	d.Sentences = Split(d.Sentences[:0], d.Text, d.Tokens)
	return nil
}
