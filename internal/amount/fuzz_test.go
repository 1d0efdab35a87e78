package amount_test

import (
	"context"
	"math"
	"testing"

	"github.com/newsgraph/newsgraph/internal/amount"
	"github.com/newsgraph/newsgraph/internal/text"
	"github.com/newsgraph/newsgraph/internal/timex"
)

// FuzzParseDigits checks the digit parser never panics and returns finite
// non-negative values.
func FuzzParseDigits(f *testing.F) {
	for _, s := range []string{"185", "20,000", "1,234.75", ".5", "5.", "1,23", "9999999999999999999999", "1e9"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, ok := amount.ParseDigits(s)
		if ok && (math.IsNaN(v) || math.IsInf(v, 0) || v < 0) {
			t.Fatalf("ParseDigits(%q) = %g", s, v)
		}
	})
}

// FuzzTagger checks that no text makes the tagger panic or produce spans
// outside the text.
func FuzzTagger(f *testing.F) {
	for _, s := range []string{
		"$200 billion annual trade turnover", "the figure reached $185 billion", "185bn yuan", "€3.5m",
		"tens of thousands of protesters", "between 10 and 20 people", "half a million", "US $ 5", "5 to",
		"two hundred and", "1.5-million", "$", "between $", "from 10 -", "3.5 per cent of",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := text.NewDocument("f", "", s)
		ctx := context.Background()
		_ = (text.Segmenter{}).Annotate(ctx, d)
		_ = timex.Default().Annotate(ctx, d)
		if err := amount.Default().Annotate(ctx, d); err != nil {
			return
		}
		for _, a := range d.Amounts {
			if a.Start < 0 || a.End <= a.Start || a.End > len(d.Text) {
				t.Fatalf("bad span %v in %q", a.Span, s)
			}
			if a.Object != "" && (a.ObjectSpan.End > len(d.Text) || d.Slice(a.ObjectSpan) != a.Object) {
				t.Fatalf("bad object span %v in %q", a.ObjectSpan, s)
			}
			if math.IsNaN(a.Value) || math.IsInf(a.Value, 0) {
				t.Fatalf("bad value %g in %q", a.Value, s)
			}
		}
	})
}
