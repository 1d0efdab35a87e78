package ner

import "github.com/newsgraph/newsgraph/internal/text"

// Chinese and Korean names are romanised with a hyphenated given name after
// the family name: "Lam Cheuk-ting", "Hui Chi-fung", "Kim Jong-un". The
// tokenizer keeps a hyphenated word whole, and the tagger, which saw few
// such names, often finds only the capitalised half of the given name
// (inside the word, see subEntities) and tags the family name apart, or not
// at all. givenNames mends that: a person entity that is the first part of
// a word shaped like a romanised given name takes the whole word, and then
// the family name right before it: a one-word entity there (whatever the
// tagger typed it), or an untagged capitalised word that is not a title.

// givenNames applies the rule to the entities of d from index first on,
// which are in text order.
func givenNames(d *text.Document, first int) {
	merged := false
	for k := first; k < len(d.Entities); k++ {
		e := &d.Entities[k]
		if e.Decided {
			continue
		}
		j, end := d.TokenAt(e.Start), d.TokenAt(e.End)
		if end == j+2 && d.Tokens[j].Kind == text.Word && e.End == d.Tokens[j+1].End &&
			givenNameCut(d.TokenText(j+1)) > 0 && d.Text[d.Tokens[j].End:d.Tokens[j+1].Start] == " " {
			e.Type, e.Origin = "PER", "ner:given" // "Kwok Wai-keung" taken whole
			continue
		}
		tk := d.Tokens[j]
		cut := givenNameCut(d.Text[tk.Start:tk.End])
		if tk.Start != e.Start || cut < 0 || e.End != tk.Start+cut {
			continue
		}
		family := j > 0 && d.Text[d.Tokens[j-1].End:tk.Start] == " "
		if e.Type != "PER" && !(family && k > first && d.Entities[k-1].Span == d.Tokens[j-1].Span && d.Entities[k-1].Type == "PER") {
			continue
		}
		e.End, e.Type = tk.End, "PER"
		e.Origin = "ner:given"
		if !family {
			continue
		}
		p := d.Tokens[j-1]
		if k > first && d.Entities[k-1].Span == p.Span {
			prev := &d.Entities[k-1]
			prev.End, prev.Type, prev.Origin = e.End, "PER", "ner:given"
			prev.Prob = min(prev.Prob, e.Prob)
			e.Start = -1 // merged into prev
			merged = true
			continue
		}
		if fw := d.Text[p.Start:p.End]; p.Kind == text.Word && isCapital(fw) && !isTitle(fw) && !isLinkWord(fw) &&
			(k == first || d.Entities[k-1].End <= p.Start) {
			e.Start = p.Start
		}
	}
	if merged {
		dropMarked(d, first)
	}
}

// givenNameCut returns the byte offset of the hyphen in w when w is shaped
// like a romanised two-syllable given name, a capitalised syllable, a
// hyphen and a lower-case one ("Cheuk-ting", "Jong-un"), and -1 otherwise.
func givenNameCut(w string) int {
	cut := -1
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c == '-':
			if cut >= 0 {
				return -1
			}
			cut = i
		case i == 0:
			if c < 'A' || c > 'Z' {
				return -1
			}
		case c < 'a' || c > 'z':
			return -1
		}
	}
	if cut < 2 || cut > 7 || len(w)-cut-1 < 2 || len(w)-cut-1 > 5 || compoundTails[w[cut+1:]] {
		return -1
	}
	return cut
}

// compoundTails are English words that follow a name in a hyphenated
// compound ("Trump-led", "Obama-era", "Orlando-based"): after one, the
// first part is a name but the word is no given name.
var compoundTails = map[string]bool{
	"led": true, "era": true, "style": true, "based": true, "area": true, "type": true,
	"like": true, "born": true, "run": true, "owned": true, "free": true, "held": true,
	"made": true, "wide": true, "ism": true, "isms": true, "ite": true, "ites": true,
	"ian": true, "ians": true, "ish": true, "ist": true, "ists": true, "level": true,
	"spent": true, "eyed": true, "aged": true, "size": true, "sized": true, "year": true,
	"day": true, "week": true, "time": true, "long": true, "old": true, "new": true,
	"up": true, "out": true, "gate": true, "care": true, "land": true, "town": true,
	"side": true, "bound": true, "proof": true, "ready": true, "only": true, "lite": true,
	"esque": true, "mania": true, "speak": true, "ward": true, "wards": true, "first": true,
	"class": true, "team": true, "camp": true, "party": true, "state": true, "city": true,
	"bred": true, "raised": true, "funded": true, "rich": true, "poor": true, "short": true,
}
