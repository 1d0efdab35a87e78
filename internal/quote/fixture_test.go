package quote

import (
	"os"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/text"
	"github.com/newsgraph/newsgraph/record"
)

// TestFixtureFloor scores the annotator on a hand-annotated news-like
// fixture and fails when content F1 (overlap) or speaker accuracy drops
// below its floor.
func TestFixtureFloor(t *testing.T) {
	raw, err := os.ReadFile("testdata/article.txt")
	if err != nil {
		t.Fatal(err)
	}
	goldRaw, err := os.ReadFile("testdata/article.gold")
	if err != nil {
		t.Fatal(err)
	}
	in := string(raw)
	type gold struct {
		span text.Span
		name string
	}
	var golds []gold
	for _, l := range strings.Split(string(goldRaw), "\n") {
		if l == "" || l[0] == '#' {
			continue
		}
		f := strings.Split(l, "|")
		if len(f) != 3 {
			t.Fatalf("bad gold line %q", l)
		}
		i := strings.Index(in, f[1])
		if i < 0 {
			t.Fatalf("gold content %q not in the fixture", f[1])
		}
		golds = append(golds, gold{text.Span{Start: i, End: i + len(f[1])}, f[2]})
	}
	d := text.NewDocument("fixture", "", in)
	annotate(t, newAnnotator(t, Options{}), d)
	var sys []text.Quote
	for _, q := range d.Quotes {
		if q.Kind != record.QuotePartial {
			sys = append(sys, q)
		}
	}
	used := make([]bool, len(sys))
	tp, named, right := 0, 0, 0
	for _, g := range golds {
		best, bo := -1, 0
		for i, q := range sys {
			if o := min(q.End, g.span.End) - max(q.Start, g.span.Start); !used[i] && o > bo {
				best, bo = i, o
			}
		}
		if best < 0 {
			t.Logf("missed %q", d.Slice(g.span))
			continue
		}
		used[best] = true
		tp++
		if g.name == "" {
			continue
		}
		named++
		last := g.name[strings.LastIndexByte(g.name, ' ')+1:]
		if sp := sys[best].Speaker; sp != nil && strings.Contains(sp.Name, last) {
			right++
		} else {
			t.Logf("speaker of %q: got %+v, want %s", d.Slice(g.span), sp, g.name)
		}
	}
	p, r := float64(tp)/float64(len(sys)), float64(tp)/float64(len(golds))
	f1 := 2 * p * r / (p + r)
	acc := float64(right) / float64(named)
	t.Logf("fixture: content P=%.3f R=%.3f F1=%.3f, speaker accuracy %.3f (%d/%d)", p, r, f1, acc, right, named)
	if f1 < 0.90 {
		t.Errorf("content F1 %.3f below floor 0.90", f1)
	}
	if acc < 0.90 {
		t.Errorf("speaker accuracy %.3f below floor 0.90", acc)
	}
}

func BenchmarkAnnotate(b *testing.B) {
	raw, err := os.ReadFile("testdata/article.txt")
	if err != nil {
		b.Fatal(err)
	}
	a := newAnnotator(b, Options{})
	d := text.NewDocument("bench", "", string(raw))
	annotate(b, a, d)
	b.ReportAllocs()
	b.SetBytes(int64(len(raw)))
	for b.Loop() {
		d.Quotes = d.Quotes[:0]
		if err := a.Annotate(b.Context(), d); err != nil {
			b.Fatal(err)
		}
	}
}

func FuzzAnnotate(f *testing.F) {
	for _, s := range []string{
		"“A,” he said, “B.”", "\"open\nno close", "``PTB'' said X.", "According to", ", said", "WALLACE:",
		"He said that", "“\n“\n”", "'' `` \" “ ” ‘ ’", "X, who, said, Y.",
	} {
		f.Add(s)
	}
	a := newAnnotator(f, Options{})
	f.Fuzz(func(t *testing.T, s string) {
		d := text.NewDocument("fuzz", "", s)
		annotate(t, a, d)
		for _, q := range d.Quotes {
			spans := []text.Span{q.Span}
			if q.Cue != nil {
				spans = append(spans, *q.Cue)
			}
			if q.Speaker != nil {
				spans = append(spans, q.Speaker.Span)
			}
			for _, sp := range spans {
				if sp.Start < 0 || sp.End > len(s) || sp.Start >= sp.End {
					t.Fatalf("bad span %+v in %q", sp, s)
				}
			}
		}
	})
}
