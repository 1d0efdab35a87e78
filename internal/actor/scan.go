package actor

import (
	"github.com/newsgraph/newsgraph/internal/text"
)

// hit is a dictionary phrase found in the text: tokens [t0, t1).
type hit struct {
	t0, t1 int32
	t      target
}

// scratch is the per-document working memory, reused through a pool so
// that steady-state annotation does not allocate per token.
type scratch struct {
	buf          []byte
	hits         []hit
	hitOf        []int32 // per token: index of the hit covering it, or -1
	inQuote      []bool  // per token: inside a quotation
	cands        []target
	chain        []int32 // per entity: index of the first entity of its person chain, or -1
	person       []int32 // per chain head entity: dictionary person, or -1
	gender       []byte  // per chain head entity
	refs         []ref
	drop         []bool           // per entity: replaced by a dictionary name
	names        map[string]int32 // name word → latest PER entity with it
	dateline     int32            // first token of the dateline place, or -1
	datelineHome bool             // the article's country comes from its dateline
}

// proper reports whether phrases of kind k must start with a capital.
func proper(k kind) bool { return k != kindAgent && k != kindTitle }

// match returns the length in tokens of the longest dictionary phrase
// starting at token i of toks (from d.Text) and fills sc.cands with its
// targets, or returns 0.
func (dc *Dictionary) match(sc *scratch, src string, toks []text.Token, i, end int) int {
	w := src[toks[i].Start:toks[i].End]
	// "Saudi-led", "US-led": the leader's name alone.
	led := len(w) > 4 && w[len(w)-4:] == "-led"
	if led {
		w = w[:len(w)-4]
	}
	upper := isUpperStart(w)
	best := 0
	sc.cands = sc.cands[:0]
	sc.buf = appendFold(sc.buf[:0], w)
	n1 := len(sc.buf)
	if !led && i+1 < end {
		// Phrases of two words or more, by their first two words.
		sc.buf = append(sc.buf, ' ')
		sc.buf = appendFold(sc.buf, src[toks[i+1].Start:toks[i+1].End])
		best = dc.matchIn(sc, dc.second[string(sc.buf)], src, toks, i, end, w, upper, led)
	}
	if best > 0 {
		return best
	}
	return dc.matchIn(sc, dc.first[string(sc.buf[:n1])], src, toks, i, end, w, upper, led)
}

// matchIn is match over one index bucket ids, longest phrase first.
func (dc *Dictionary) matchIn(sc *scratch, ids []int32, src string, toks []text.Token, i, end int, w string, upper, led bool) int {
	best := 0
	for _, id := range ids {
		p := &dc.phrases[id]
		n := len(p.toks)
		if n < best {
			break // longest first
		}
		if led && n > 1 {
			continue
		}
		if n == 1 && dc.acronym[p.toks[0]] && hasLower(w) {
			continue // "Who" in "Doctor Who" is not the WHO
		}
		if i+n > end || (proper(p.t.kind) && !upper && !(n > 1 && p.toks[0] == "the" && isUpperStart(src[toks[i+1].Start:toks[i+1].End]))) {
			continue
		}
		ok := true
		for k := 1; k < n; k++ {
			t := toks[i+k]
			if !equalFold(src[t.Start:t.End], p.toks[k], sc) {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		best = n
		sc.cands = append(sc.cands, p.t)
	}
	return best
}

// hasLower reports whether w has a lower-case ASCII letter.
func hasLower(w string) bool {
	for i := 0; i < len(w); i++ {
		if 'a' <= w[i] && w[i] <= 'z' {
			return true
		}
	}
	return false
}

// equalFold reports whether word folds to key.
func equalFold(word, key string, sc *scratch) bool {
	if len(word) == len(key) {
		eq := true
		for i := 0; i < len(word); i++ {
			c := word[i]
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != key[i] {
				eq = false
				break
			}
		}
		if eq {
			return true
		}
	}
	n := len(sc.buf)
	sc.buf = appendFold(sc.buf, word)
	eq := string(sc.buf[n:]) == key
	sc.buf = sc.buf[:n]
	return eq
}

// scan finds the dictionary phrases of d, longest match first, left to right.
func (r *Resolver) scan(d *text.Document, sc *scratch) {
	toks := d.Tokens
	sc.hits = sc.hits[:0]
	sc.hitOf = grow(sc.hitOf, len(toks))
	for i := range sc.hitOf {
		sc.hitOf[i] = -1
	}
	date := day(d.Published)
	for i := 0; i < len(toks); {
		if toks[i].Kind != text.Word {
			i++
			continue
		}
		n := r.dict.match(sc, d.Text, toks, i, len(toks))
		if n == 0 {
			i++
			continue
		}
		h := hit{t0: int32(i), t1: int32(i + n), t: r.dict.best(sc.cands, date)}
		for k := i; k < i+n; k++ {
			sc.hitOf[k] = int32(len(sc.hits))
		}
		sc.hits = append(sc.hits, h)
		i += n
	}
}

// quotes marks the tokens inside quotation marks; a paragraph closes any
// quotation left open.
func quotes(d *text.Document, sc *scratch) {
	sc.inQuote = growBool(sc.inQuote, len(d.Tokens))
	in := false
	for i, t := range d.Tokens {
		if t.Has(text.NewlineBefore) {
			in = false
		}
		if t.Kind == text.Punct {
			switch d.Text[t.Start:t.End] {
			case "“", "«", "„":
				in = true
			case "”", "»":
				sc.inQuote[i] = true
				in = false
				continue
			case "\"":
				if in {
					sc.inQuote[i] = true
				}
				in = !in
				continue
			}
		}
		sc.inQuote[i] = in
	}
}

func grow(s []int32, n int) []int32 {
	if cap(s) < n {
		return make([]int32, n, n+n/4)
	}
	return s[:n]
}

func growBool(s []bool, n int) []bool {
	if cap(s) < n {
		return make([]bool, n, n+n/4)
	}
	return s[:n]
}

func growByte(s []byte, n int) []byte {
	if cap(s) < n {
		return make([]byte, n, n+n/4)
	}
	return s[:n]
}
