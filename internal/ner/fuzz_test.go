package ner

import (
	"context"
	"testing"

	"github.com/newsgraph/newsgraph/internal/text"
)

// FuzzAnnotate runs the tagger and its document-level rules over arbitrary
// text: no panic, every entity a non-empty span inside the text, entities
// in text order.
func FuzzAnnotate(f *testing.F) {
	f.Add("MOSCOW (AA) – Russian President Vladimir Putin met Wang Yi.\nKANDY , Sri Lanka 2024-03-11\nSri Lanka won.")
	f.Add("TENNIS - SPAIN SEAL EASY WIN .\nSpain sealed an easy win. The striker scored a goal, the referee gave a penalty, the coach praised the squad in the match.\nResults: Leeds 2 Chelsea 1, Belgium 3 – 0 Panama.")
	f.Add("Pan-democrat Lam Cheuk-ting and Yau Wai-ching. Kennedy Space Center (KSC) staff; KSC said. Alabama, Arizona, Kentucky and Utah.")
	f.Add("Iodine deficiency. iodine. Firefox and Windows XP on the iPhone won the World Cup -- (X) ( ) - 3-1 A-b c-D")
	tg, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := text.NewDocument("f", "", s)
		if err := (text.Segmenter{}).Annotate(context.Background(), d); err != nil {
			return
		}
		if err := tg.Annotate(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		prev := 0
		for _, e := range d.Entities {
			if e.Start < 0 || e.End > len(s) || e.Start >= e.End {
				t.Fatalf("entity %q span %v outside text of %d bytes", e.Type, e.Span, len(s))
			}
			if e.Start < prev {
				t.Fatalf("entity %v before the one before it (start %d)", e.Span, prev)
			}
			prev = e.Start
		}
	})
}
