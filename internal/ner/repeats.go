package ner

import (
	"github.com/newsgraph/newsgraph/internal/text"
)

// A name the tagger found once is the same name where the document repeats
// it, but the tagger judges every sentence apart and misses some repeats,
// above all in odd contexts: a results line ("Brazil 3 Chile 1"), a
// caption, a list. repeats tags every untagged repeat of a name tagged
// elsewhere in the document with that name's type. A repeat must stand
// alone: a capitalised word right before (other than a sentence's first
// word) or right after it makes it part of a longer name, which is left
// to the tagger. Only names the tagger was sure of are spread, and a
// one-word name only when the document never writes it in lower case and
// the tagger tagged it at least as often as it left it out. A
// repeat of a name of several words that the tagger cut into pieces ("Sri"
// PER, "Lanka" LOC after "Sri Lanka") becomes the one name.

// repeatMinProb is the tagger's least confidence in a name for its repeats
// to be tagged: an unsure name ("Polaroids" LOC) is not spread.
const repeatMinProb = 0.8

// repeatScratch is the reusable state of repeats (one per decoder).
type repeatScratch struct {
	owner []int32          // token index → 1 + index of its entity in d.Entities, or 0
	names []repeatName     // the names to spread
	first map[string]int32 // first word → index in names of its last name
	lower map[uint64]int32 // lower-case hash of a one-word name → its index
}

// repeatName is one name to spread: the tokens of its first occurrence.
type repeatName struct {
	i, end int
	typ    string
	prev   int32 // the previous name with the same first word, or -1
	common bool  // a one-word name the document also writes in lower case
	// tagged and untagged count a one-word name's occurrences that the
	// tagger tagged and left out.
	tagged, untagged int32
}

// repeats applies the rule to the entities of d from index first on, which
// are in text order, and leaves them in text order.
func repeats(d *text.Document, first int) { new(repeatScratch).apply(d, first) }

func (sc *repeatScratch) apply(d *text.Document, first int) {
	ents := d.Entities[first:]
	if len(ents) == 0 {
		return
	}
	if sc.first == nil {
		sc.first, sc.lower = map[string]int32{}, map[uint64]int32{}
	}
	defer func() { // keys are slices of d.Text: let the document go
		clear(sc.first)
		clear(sc.lower)
		sc.names = sc.names[:0]
	}()
	sc.owner = append(sc.owner[:0], make([]int32, len(d.Tokens))...)
	for x, e := range ents {
		i, end := d.TokenAt(e.Start), d.TokenAt(e.End)
		if end > len(d.Tokens) || i >= end || d.Tokens[i].Start != e.Start || d.Tokens[end-1].End != e.End {
			continue // inside a hyphenated word
		}
		for j := i; j < end; j++ {
			sc.owner[j] = int32(first + x + 1)
		}
		w := d.TokenText(i)
		if e.Type == "NORP" || e.Prob < repeatMinProb || !isCapital(w) || e.End-e.Start < 2 {
			continue
		}
		prev, ok := sc.first[w]
		if !ok {
			prev = -1
		}
		known := int32(-1)
		for k := prev; k >= 0 && known < 0; k = sc.names[k].prev {
			if n := sc.names[k]; n.end-n.i == end-i && sameWords(d, n.i, i, end-i) {
				known = k
			}
		}
		if known >= 0 {
			sc.names[known].tagged++
			continue
		}
		sc.first[w] = int32(len(sc.names))
		if end == i+1 {
			sc.lower[lowerHash(w)] = int32(len(sc.names))
		}
		sc.names = append(sc.names, repeatName{i: i, end: end, typ: e.Type, prev: prev, tagged: 1})
	}
	if len(sc.names) == 0 {
		return
	}
	if len(sc.lower) > 0 {
		var initials uint32 // first letters of the one-word names, lower case
		for _, nm := range sc.names {
			if nm.end-nm.i == 1 {
				initials |= letterBit(d.TokenText(nm.i)[0] | 0x20)
			}
		}
		for j, tk := range d.Tokens {
			if w := d.TokenText(j); tk.Kind == text.Word && w[0] >= 'a' && w[0] <= 'z' && initials&letterBit(w[0]) != 0 {
				if k, ok := sc.lower[lowerHash(w)]; ok {
					sc.names[k].common = true
				}
			}
		}
	}
	// Where the tagger left a one-word name out more often than it tagged
	// it, the name is doubtful ("TV", "Oz"): it is not spread.
	for j, tk := range d.Tokens {
		if tk.Kind != text.Word || sc.owner[j] != 0 || !isCapital(d.TokenText(j)) {
			continue
		}
		k, ok := sc.first[d.TokenText(j)]
		for ; ok && k >= 0; k = sc.names[k].prev {
			if sc.names[k].end-sc.names[k].i == 1 {
				sc.names[k].untagged++
			}
		}
	}
	n := len(d.Entities)
	merged := false
	for _, s := range d.Sentences {
		for j := s.FirstToken; j < s.EndToken; j++ {
			if o := sc.owner[j]; d.Tokens[j].Kind != text.Word || !isCapital(d.TokenText(j)) || o != 0 && d.Entities[o-1].Start != d.Tokens[j].Start {
				continue
			}
			k, ok := sc.first[d.TokenText(j)]
			for ; ok && k >= 0; k = sc.names[k].prev {
				nm := sc.names[k]
				end := j + nm.end - nm.i
				if nm.common || end-j == 1 && nm.untagged > nm.tagged || end > s.EndToken || !sameWords(d, nm.i, j, end-j) {
					continue
				}
				pieces, fits := sc.pieces(d, j, end)
				if !fits || pieces > 0 && end-j < 2 {
					continue
				}
				if j > s.FirstToken && isCapitalWord(d, j-1) && sc.owner[j-1] == 0 || end < s.EndToken && isCapitalWord(d, end) && sc.owner[end] == 0 {
					continue
				}
				for t := j; t < end; t++ {
					if o := sc.owner[t]; o != 0 {
						d.Entities[o-1].Start = -1 // a piece of the name: merged
						merged = true
					}
				}
				d.Entities = append(d.Entities, text.Entity{
					Span: text.Span{Start: d.Tokens[j].Start, End: d.Tokens[end-1].End},
					Type: nm.typ, Prob: 0.5, Origin: "ner:repeat",
				})
				for t := j; t < end; t++ {
					sc.owner[t] = int32(len(d.Entities))
				}
				j = end - 1
				break
			}
		}
	}
	if merged {
		dropMarked(d, first)
	}
	if len(d.Entities) > n || merged {
		sortEntities(d.Entities[first:])
	}
}

// pieces counts the entities inside tokens [j, end) of a repeat. fits is
// false when an entity crosses the repeat's edges, is decided, or is the
// repeat itself (nothing to do).
func (sc *repeatScratch) pieces(d *text.Document, j, end int) (n int, fits bool) {
	span := text.Span{Start: d.Tokens[j].Start, End: d.Tokens[end-1].End}
	last := int32(0)
	for t := j; t < end; t++ {
		o := sc.owner[t]
		if o == 0 || o == last {
			continue
		}
		e := d.Entities[o-1]
		if e.Start < span.Start || e.End > span.End || e.Span == span || e.Decided {
			return 0, false
		}
		last = o
		n++
	}
	return n, true
}

// letterBit returns the bit of lower-case ASCII letter c in a set of
// letters, 0 for any other byte.
func letterBit(c byte) uint32 {
	if c < 'a' || c > 'z' {
		return 0
	}
	return 1 << (c - 'a')
}

// lowerHash returns the FNV-1a hash of w with ASCII letters lower-cased,
// so that a word and its capitalised form meet without allocating.
func lowerHash(w string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		h = (h ^ uint64(c)) * 1099511628211
	}
	return h
}

// sameWords reports whether the n tokens from a and from b have the same
// texts.
func sameWords(d *text.Document, a, b, n int) bool {
	for k := 0; k < n; k++ {
		if d.TokenText(a+k) != d.TokenText(b+k) {
			return false
		}
	}
	return true
}

// isCapitalWord reports whether token j is a word starting with a capital.
func isCapitalWord(d *text.Document, j int) bool {
	return d.Tokens[j].Kind == text.Word && isCapital(d.TokenText(j))
}
