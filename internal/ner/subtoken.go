package ner

import (
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/internal/text"
)

// The tokenizer keeps hyphenated words whole ("Russian-Chinese",
// "Russia-China"), as GMB does, but the stages after the tagger need the
// names inside them. subEntities finds them: each capitalised part of a
// hyphenated word is scored in the word's place and context; a part whose
// best tag is a B- tag becomes an entity. A hyphenated word that the tagger
// took whole is split only when the model's lexicon does not know it as one
// word (so "Bosnia-Herzegovina" stays whole) and knows every part, and every
// part is a name (so "Al-Ain" stays whole too).

// hyphenParts appends the byte ranges of the parts of w split at hyphens,
// relative to w, and returns them; nil when w has no hyphen.
func hyphenParts(dst [][2]int, w string) [][2]int {
	start := 0
	for i, r := range w {
		if r == '-' || r == '‐' || r == '‑' {
			if i > start {
				dst = append(dst, [2]int{start, i})
			}
			start = i + utf8.RuneLen(r)
		}
	}
	if start == 0 {
		return dst[:0]
	}
	if start < len(w) {
		dst = append(dst, [2]int{start, len(w)})
	}
	return dst
}

// isPrefix reports whether the part of a hyphenated word before a name
// makes the name a modifier: any lower-case part ("pro-", "al-") and the
// capitalised forms of the common prefixes ("Anti-NATO" opening a
// sentence).
func isPrefix(p string) bool {
	if !capitalised(p) {
		return true
	}
	switch p {
	case "Pro", "Anti", "Ex", "Non", "Post", "Pre", "Neo", "PRO", "ANTI":
		return true
	}
	return false
}

// capitalised reports whether w starts with an upper-case letter.
func capitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// partTags tags the parts of token i of the decoded sentence as if the
// word had been split at its hyphens ("Russian - Chinese"), in a window of
// two words either side, and leaves in dec.partTag and dec.partProb the tag
// and probability of each part.
func (m *Model) partTags(dec *decoder, i int, w string) {
	sub := dec.sub
	if sub == nil {
		sub = new(decoder)
		dec.sub = sub
	}
	lo, hi := max(0, i-2), min(len(dec.toks), i+3)
	n := (i - lo) + 2*len(dec.parts) - 1 + (hi - i - 1)
	sub.reset(n)
	sub.toks = append(sub.toks, dec.toks[lo:i]...)
	for k, p := range dec.parts {
		if k > 0 {
			sub.toks = append(sub.toks, m.token("-"))
		}
		sub.toks = append(sub.toks, m.token(w[p[0]:p[1]]))
	}
	sub.toks = append(sub.toks, dec.toks[i+1:hi]...)
	m.decode(sub)
	dec.partTag = dec.partTag[:0]
	dec.partProb = dec.partProb[:0]
	for k := range dec.parts {
		j := i - lo + 2*k
		t := int(sub.tags[j])
		if !isBegin(t) && t != tagO {
			t-- // I-X after the hyphen: its own name here
		}
		dec.partTag = append(dec.partTag, uint8(t))
		dec.partProb = append(dec.partProb, sub.probs[j])
	}
}

// subEntities appends the entities inside hyphenated token i (absolute
// index in d.Tokens; rel is its index in the sentence). whole says the
// tagger tagged the token as (part of) an entity; it then returns ok=false
// unless the token should be split.
func (t *Tagger) subEntities(dec *decoder, d *text.Document, i, rel int, whole bool, dst []text.Entity) ([]text.Entity, bool) {
	tk := d.Tokens[i]
	w := d.Text[tk.Start:tk.End]
	dec.parts = hyphenParts(dec.parts[:0], w)
	if len(dec.parts) < 2 {
		return dst, false
	}
	if whole && t.m.cluster(w) != 0 {
		return dst, false
	}
	n := len(dst)
	t.m.partTags(dec, rel, w)
	for k, p := range dec.parts {
		part := w[p[0]:p[1]]
		// After a lower-case prefix the name is a modifier, not a
		// mention: "pro-Beijing", "anti-NATO", "ex-Soviet", "al-Qaeda".
		afterPrefix := k > 0 && isPrefix(w[dec.parts[k-1][0]:dec.parts[k-1][1]])
		if !capitalised(part) || afterPrefix || whole && t.m.cluster(part) == 0 {
			if whole {
				return dst[:n], false
			}
			continue
		}
		tag, prob := int(dec.partTag[k]), dec.partProb[k]
		if tag == tagO {
			if whole {
				return dst[:n], false
			}
			continue
		}
		dst = append(dst, text.Entity{
			Span:   text.Span{Start: tk.Start + p[0], End: tk.Start + p[1]},
			Type:   tagType(tag),
			Prob:   float64(prob),
			Origin: "ner",
		})
	}
	return dst, len(dst) > n
}
