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
// word (so "Bosnia-Herzegovina" stays whole) and every part is a name.

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

// capitalised reports whether w starts with an upper-case letter.
func capitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// partTag scores word w in place of token i of the decoded sentence and
// returns its best tag (O or a B- tag) and that tag's probability.
func (m *Model) partTag(dec *decoder, i int, w string) (int, float32) {
	saved := dec.toks[i]
	dec.toks[i] = m.token(w)
	prev, prev2 := tagStart, tagStart
	if i > 0 {
		prev = int(dec.tags[i-1])
	}
	if i > 1 {
		prev2 = int(dec.tags[i-2])
	}
	dec.feats = staticFeatures(dec.feats[:0], dec.toks, i, false)
	dec.feats = dynamicFeatures(dec.feats, &dec.toks[i], prev, prev2)
	dec.toks[i] = saved
	var sc [numTags]float32
	m.score(&sc, dec.feats)
	best := tagO
	for t := 1; t < numTags; t++ {
		if isBegin(t) && sc[t] > sc[best] {
			best = t
		}
	}
	return best, softmaxOf(&sc, best, -1)
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
	for _, p := range dec.parts {
		part := w[p[0]:p[1]]
		if !capitalised(part) {
			if whole {
				return dst[:n], false
			}
			continue
		}
		tag, prob := t.m.partTag(dec, rel, part)
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
