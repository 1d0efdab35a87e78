package event_test

import (
	"github.com/newsgraph/newsgraph/internal/event"
	"github.com/newsgraph/newsgraph/internal/text"
	"os"
	"strings"
	"testing"
)

func TestDbg(t *testing.T) {
	in := os.Getenv("DBG")
	if in == "" {
		t.Skip()
	}
	for _, sent := range strings.Split(in, "|") {
		d := text.NewDocument("x", "", sent)
		d.Published = "2023-02-22"
		annotate(t, d)
		c, _ := event.Default()
		for si := range d.Sentences {
			t.Log(c.Explain(d, si))
		}
		for _, x := range d.Entities {
			if x.Actor != nil {
				t.Log("  ent ", d.Slice(x.Span), " ", x.Actor.Code)
			}
		}
		for _, x := range d.Mentions {
			if x.Actor != nil {
				t.Log("  men ", d.Slice(x.Span), " ", x.Actor.Code)
			}
		}
		for _, e := range d.Events {
			t.Log("  ", line(d, e))
		}
	}
}
