package event

import (
	"context"
	"os"
	"testing"

	"github.com/newsgraph/newsgraph/internal/syntax"
	"github.com/newsgraph/newsgraph/internal/text"
)

// TestExplain prints the parse of $EVENT_EXPLAIN (a debugging aid).
func TestExplain(t *testing.T) {
	in := os.Getenv("EVENT_EXPLAIN")
	if in == "" {
		t.Skip("set EVENT_EXPLAIN to a sentence")
	}
	c := fixtureCoder(t)
	d := text.NewDocument("x", "", in)
	(text.Segmenter{}).Annotate(context.Background(), d)
	if err := syntax.Embedded().Annotate(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	for si := range d.Sentences {
		t.Log(c.Explain(d, si))
	}
}
