package event

import "github.com/newsgraph/newsgraph/internal/text"

// Child relations of a token in the dependency tree, as bits; the coder
// reads them from the sentence's tree once per sentence (childRels).
const (
	childNsubj uint16 = 1 << iota
	childNsubjPass
	childAux
	childAuxPass
	childDet
	childObj
	childCase
	childCop
)

// childRels fills dst (one entry per token of the sentence) with the
// relations of each token's dependents in tree t.
func (t *tree) childRels(dst []uint16) []uint16 {
	dst = append(dst[:0], make([]uint16, len(t.head))...)
	for k, h := range t.head {
		if h < 0 {
			continue
		}
		var b uint16
		switch t.rel[k] {
		case "nsubj":
			b = childNsubj
		case "nsubj:pass":
			b = childNsubjPass
		case "aux":
			b = childAux
		case "aux:pass":
			b = childAuxPass
		case "det", "nmod:poss":
			b = childDet
		case "obj":
			b = childObj
		case "case":
			b = childCase
		case "cop":
			b = childCop
		}
		dst[h] |= b
	}
	return dst
}

// pennTag is the Penn tag the chunker (parse.go) reads for token k of the
// document, taken from the syntax layer and brought to the conventions
// the chunker was written for: "to" is always TO, brackets are LRB/RRB,
// and the tree settles what a tag alone leaves open. A past form with a
// subject and no auxiliary is finite (VBD: "Police arrested ..."), one
// with an auxiliary or modifying a noun is a participle (VBN: "has
// arrested", "the men arrested"); an adjective that heads a subject or
// object is a noun ("a Chinese official said").
func pennTag(d *text.Document, k int, w string, child uint16) string {
	sx := &d.Syntax[k]
	t := sx.XPOS
	switch t {
	case "-LRB-":
		return "LRB"
	case "-RRB-":
		return "RRB"
	case "IN":
		if w == "to" || w == "To" {
			return "TO"
		}
	case "VBN":
		if child&(childNsubj) != 0 && child&(childAux|childAuxPass|childNsubjPass) == 0 && sx.Rel != "amod" && sx.Rel != "acl" {
			return "VBD"
		}
	case "VBD":
		if child&(childAux|childAuxPass|childNsubjPass) != 0 || sx.Rel == "amod" || sx.Rel == "acl" {
			return "VBN"
		}
	case "JJ":
		if child&childCop == 0 && child&(childDet|childCase) != 0 {
			switch sx.Rel {
			case "nsubj", "nsubj:pass", "obj", "iobj", "obl", "obl:agent", "nmod":
				if w != "" && w[len(w)-1] == 's' {
					return "NNS"
				}
				return "NN"
			}
		}
	}
	return t
}

// nameTags marks in dst (one entry per token of sentence si) the tokens
// the entity layer found inside a name: 1 for a proper name (person,
// organisation, place), 2 for a nationality or group word (NORP). The
// entity tagger decides names, so its spans overrule a part-of-speech
// slip of the syntax layer ("Britain/VB mobilized", "Italy/RB announced").
func nameTags(dst []uint8, d, v *text.Document, si int) []uint8 {
	sent := d.Sentences[si]
	n := sent.EndToken - sent.FirstToken
	dst = append(dst[:0], make([]uint8, n)...)
	k := sent.FirstToken
	for _, e := range v.Entities {
		var m uint8 = 1
		switch e.Type {
		case "NORP":
			m = 2
		case "PER", "ORG", "LOC", "GPE", "FAC":
		default:
			continue
		}
		for k < sent.EndToken && d.Tokens[k].End <= e.Start {
			k++
		}
		for j := k; j < sent.EndToken && d.Tokens[j].Start < e.End; j++ {
			dst[j-sent.FirstToken] = m
		}
	}
	return dst
}

// nameTag corrects tag t of word w in a name (nameTags' mark m): a
// capitalised word of a name is a proper noun, of a nationality word an
// adjective or a plural proper noun, whatever else the tagger said.
func nameTag(t, w string, m uint8) string {
	if m == 0 || !isUpperWord(w) {
		return t
	}
	switch t {
	case "NNP", "NNPS", "NN", "NNS", "CD", "POS":
		if m == 2 && (t == "NN" || t == "NNP") && !pluralName(w) {
			return "JJ"
		}
		if m == 2 && t == "NNPS" {
			return "NNS" // "Palestinians", as a common noun of a group
		}
		return t
	case "JJ":
		if m == 1 {
			return "NNP"
		}
		return t
	}
	if m == 2 {
		if pluralName(w) {
			return "NNS"
		}
		return "JJ"
	}
	return "NNP"
}

func pluralName(w string) bool { return len(w) > 3 && w[len(w)-1] == 's' }
