package text

import (
	"strings"
	"testing"
)

func TestTokenize(t *testing.T) {
	f := func(in, want string) {
		t.Helper()
		toks := Tokenize(nil, in)
		got := make([]string, len(toks))
		for i, tk := range toks {
			got[i] = in[tk.Start:tk.End]
		}
		if g := strings.Join(got, "|"); g != want {
			t.Errorf("Tokenize(%q)\n got %s\nwant %s", in, g, want)
		}
	}
	f("Hello, world.", "Hello|,|world|.")
	f("The U.S. and Mr. Smith met.", "The|U.S.|and|Mr.|Smith|met|.")
	f("Gen. J. R. Allen spoke on Feb. 24.", "Gen.|J.|R.|Allen|spoke|on|Feb.|24|.")
	f("China’s trade", "China|’s|trade")
	f("Russia's war", "Russia|'s|war")
	f("They don't know", "They|do|n't|know")
	f("$185 billion and 1.5bn yuan", "$|185|billion|and|1.5|bn|yuan")
	f("3.5% of 1,000,000", "3.5|%|of|1,000,000")
	f("“no limits” partnership", "“|no|limits|”|partnership")
	f("MOSCOW (AA) – Russian", "MOSCOW|(|AA|)|–|Russian")
	f("crisis — this", "crisis|—|this")
	f("Russian-Chinese relations", "Russian-Chinese|relations")
	f("see https://example.org/a?b=1. Next", "see|https://example.org/a?b=1|.|Next")
	f("mail press@example.org now", "mail|press@example.org|now")
	f("O'Brien said", "O'Brien|said")
	f("the 1990s and 21st century", "the|1990s|and|21st|century")
	f("F-16 jets and COVID-19", "F-16|jets|and|COVID-19")
	f("at 10:30 on 9/11", "at|10:30|on|9/11")
	f("AT&T Inc.", "AT&T|Inc.")
	f("wait...", "wait|...")
	f("", "")
	f("  \n ", "")
}

func TestTokenizeOffsetsValid(t *testing.T) {
	in := "Ünïcödé “quotes” — and 日本 text.\n\nNew para"
	toks := Tokenize(nil, in)
	prev := 0
	for _, tk := range toks {
		if tk.Start < prev || tk.End <= tk.Start || tk.End > len(in) {
			t.Fatalf("bad token %+v", tk)
		}
		prev = tk.End
	}
	last := toks[len(toks)-2]
	if !last.Has(ParagraphBefore) || in[last.Start:last.End] != "New" {
		t.Errorf("paragraph flag missing on %q", in[last.Start:last.End])
	}
}

func FuzzTokenize(f *testing.F) {
	f.Add("The U.S. said “no.” Mr. X's $1.5bn deal, 3.5% up — https://a.b/c.")
	f.Add("\xff\xfe bad utf8 \xc3")
	f.Fuzz(func(t *testing.T, s string) {
		toks := Tokenize(nil, s)
		prev := 0
		for _, tk := range toks {
			if tk.Start < prev || tk.End <= tk.Start || tk.End > len(s) {
				t.Fatalf("bad token %+v in %q", tk, s)
			}
			prev = tk.End
		}
		sents := Split(nil, s, toks)
		prevEnd := 0
		for _, se := range sents {
			if se.Start < prevEnd || se.End < se.Start || se.End > len(s) || se.FirstToken >= se.EndToken {
				t.Fatalf("bad sentence %+v in %q", se, s)
			}
			prevEnd = se.End
		}
	})
}
