package actor

import (
	"sort"

	"github.com/newsgraph/newsgraph/internal/text"
	"github.com/newsgraph/newsgraph/record"
)

// ref is a reference to a person: a PER entity or a resolved pronoun.
type ref struct {
	sent   int32
	tok    int32
	chain  int32 // chain head entity
	gender byte
}

// pronoun classes.
const (
	pronSubject = iota + 1 // he, she
	pronObject             // him
	pronPoss               // his, her, hers, himself, herself
	pronPlural             // they, them, their
)

func pronounOf(w string) (byte, int) {
	switch w {
	case "he", "He", "HE":
		return 'm', pronSubject
	case "she", "She", "SHE":
		return 'f', pronSubject
	case "him", "Him":
		return 'm', pronObject
	case "his", "His", "himself", "Himself":
		return 'm', pronPoss
	case "her", "Her", "hers", "herself", "Herself":
		return 'f', pronPoss
	case "they", "They", "them", "Them", "their", "Their":
		return 0, pronPlural
	}
	return 0, 0
}

func compatible(a, b byte) bool { return a == 0 || b == 0 || a == b }

// pronouns resolves third-person pronouns outside quotations to the
// person they most likely mean. A pronoun that opens a sentence or follows
// a quotation ("…,” he said) takes the subject of the latest sentence that
// had one, so the speaker is the person the paragraph was about; within a
// sentence "he"/"his" takes the sentence's subject and "him" the nearest
// other person. Subjects are person references outside quotations not
// governed by a preposition or a verb before them.
func (r *Resolver) pronouns(d *text.Document, sc *scratch) {
	n := len(d.Entities)
	sc.refs = sc.refs[:0] // subjects of earlier sentences, in order
	chainLast := sc.person[:0:0]
	if n > 0 {
		chainLast = make([]int32, n)
	}
	ei := 0
	// Generic mentions come first in d.Mentions; this pass appends only
	// pronouns after them, so their count is fixed (counting them per
	// plural pronoun made long documents quadratic).
	generics := 0
	for generics < len(d.Mentions) && d.Mentions[generics].Kind == text.MentionGeneric {
		generics++
	}
	var sentRefs [16]ref
	for si := range d.Sentences {
		s := &d.Sentences[si]
		refs := sentRefs[:0]
		subj := -1 // index into refs
		for t := int32(s.FirstToken); t < int32(s.EndToken); t++ {
			// Entities starting at this token.
			for ei < n && d.Entities[ei].Start < d.Tokens[t].End {
				e := &d.Entities[ei]
				if e.Start >= d.Tokens[t].Start && e.Type == record.PER && sc.chain[ei] >= 0 {
					h := sc.chain[ei]
					chainLast[h] = int32(ei)
					rf := ref{sent: int32(si), tok: t, chain: h, gender: sc.gender[h]}
					if subj < 0 && !sc.inQuote[t] && !governed(d, sc, t) {
						subj = len(refs)
					}
					if len(refs) < cap(refs) {
						refs = append(refs, rf)
					}
				}
				ei++
			}
			if sc.inQuote[t] || d.Tokens[t].Kind != text.Word {
				continue
			}
			g, cls := pronounOf(d.TokenText(int(t)))
			if cls == 0 {
				continue
			}
			if cls == pronPlural {
				r.plural(d, t, si, generics)
				continue
			}
			chain := int32(-1)
			opening := t == int32(s.FirstToken) || afterQuote(d, sc, t)
			switch {
			case opening:
				chain = r.lastSubject(sc, g, si)
			case cls == pronObject:
				for k := len(refs) - 1; k >= 0; k-- {
					if k != subj && compatible(g, refs[k].gender) && (subj < 0 || refs[k].chain != refs[subj].chain) {
						chain = refs[k].chain
						break
					}
				}
				if chain < 0 {
					chain = r.lastSubject(sc, g, si)
				}
			default:
				if subj >= 0 && compatible(g, refs[subj].gender) {
					chain = refs[subj].chain
				} else {
					for k := len(refs) - 1; k >= 0; k-- {
						if compatible(g, refs[k].gender) {
							chain = refs[k].chain
							break
						}
					}
				}
				if chain < 0 {
					chain = r.lastSubject(sc, g, si)
				}
			}
			if chain < 0 {
				continue
			}
			ent := chainLast[chain]
			var a *record.Actor
			if x := d.Entities[ent].Actor; x != nil {
				c := *x
				a = &c
			}
			d.Mentions = append(d.Mentions, text.Mention{Span: d.Tokens[t].Span, Kind: text.MentionPronoun, Entity: int(ent), Actor: a})
			rf := ref{sent: int32(si), tok: t, chain: chain, gender: sc.gender[chain]}
			if rf.gender == 0 {
				rf.gender = g
			}
			if subj < 0 && cls == pronSubject {
				subj = len(refs)
			}
			if len(refs) < cap(refs) {
				refs = append(refs, rf)
			}
		}
		if subj >= 0 {
			sc.refs = append(sc.refs, refs[subj])
		}
	}
}

// lastSubject returns the chain of the latest earlier sentence subject of
// gender g within the window, or -1.
func (r *Resolver) lastSubject(sc *scratch, g byte, si int) int32 {
	for k := len(sc.refs) - 1; k >= 0; k-- {
		rf := sc.refs[k]
		if int(rf.sent) < si-r.opts.PronounWindow {
			break
		}
		if compatible(g, rf.gender) {
			return rf.chain
		}
	}
	return -1
}

// afterQuote reports whether token t follows a closing quotation mark
// (“…,” he said / "…" she added).
func afterQuote(d *text.Document, sc *scratch, t int32) bool {
	for k := t - 1; k >= 0 && k >= t-2; k-- {
		w := d.TokenText(int(k))
		switch w {
		case "”", "\"", "»":
			return sc.inQuote[k]
		case ",", "–", "—":
			continue
		}
		return false
	}
	return false
}

// governed reports whether the name at token t follows a preposition or a
// verb, looking back over its title and modifiers ("with China's senior
// diplomat Wang Yi").
func governed(d *text.Document, sc *scratch, t int32) bool {
	k := t - 1
	for k >= 0 && t-k <= 8 {
		if h := sc.hitOf[k]; h >= 0 {
			k = sc.hits[h].t0 - 1
			continue
		}
		sc.buf = appendFold(sc.buf[:0], d.TokenText(int(k)))
		if fillers[string(sc.buf)] && string(sc.buf) != "and" && string(sc.buf) != "of" {
			k--
			continue
		}
		break
	}
	if k < 0 {
		return false
	}
	sc.buf = appendFold(sc.buf[:0], d.TokenText(int(k)))
	return objectMarkers[string(sc.buf)]
}

// plural resolves they/them/their to the latest generic agent in this or
// the previous sentence. The generics generic mentions come first in
// d.Mentions, in text order (see Annotate).
func (r *Resolver) plural(d *text.Document, t int32, si, generics int) {
	off := d.Tokens[t].Start
	k := sort.Search(generics, func(i int) bool { return d.Mentions[i].Start >= off }) - 1
	if k < 0 {
		return
	}
	m := d.Mentions[k]
	if d.SentenceOf(m.Start) < si-1 {
		return
	}
	var a *record.Actor
	if m.Actor != nil {
		c := *m.Actor
		a = &c
	}
	d.Mentions = append(d.Mentions, text.Mention{Span: d.Tokens[t].Span, Kind: text.MentionPronoun, Entity: -1, Actor: a})
}
