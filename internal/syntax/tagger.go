package syntax

import "github.com/newsgraph/newsgraph/internal/learn"

// Tag is one class of the tagger: a Universal POS tag with its Penn tag.
type Tag struct {
	UPOS, XPOS string
}

// Tagger assigns one Tag per word, greedily left to right.
type Tagger struct {
	model *learn.Model
	tags  []Tag
	// dict maps the normalised forms of frequent words that the training
	// data tags one way to that tag.
	dict map[uint64]uint16
	// lex maps the normalised forms of the words of a news corpus to their
	// commonest Penn tag there (an index into lexTags): the treebank is
	// mostly web text, and news names ("Beijing") are often unseen in it.
	lex     map[uint64]uint8
	lexTags []string
}

// Tags returns the tag set; a tag id indexes it.
func (t *Tagger) Tags() []Tag { return t.tags }

// Tagger feature templates.
const (
	tfBias = iota
	tfWord
	tfSuf1
	tfSuf2
	tfSuf3
	tfSuf4
	tfPre1
	tfPre2
	tfPre3
	tfShape
	tfFlags
	tfP1
	tfP2P1
	tfP1Word
	tfPrevWord
	tfPrevSuf3
	tfPrev2Word
	tfNextWord
	tfNextSuf3
	tfNext2Word
	tfPrevWordWord
	tfWordNextWord
	tfNextShape
	tfP1NextWord
	tfLex
	tfLexP1
	tfLexNext
	tfLexSuf
	numTagFeatures
)

const noTag = 0xFFFF

var (
	hNone  = learn.String("\x00none")
	hStart = learn.String("\x00start")
	hEnd   = learn.String("\x00end")
)

// tagFeatures writes the features of word i into f.
func tagFeatures(f *[numTagFeatures]uint64, info []wordInfo, i int, p1, p2 uint64) {
	w := &info[i]
	word := func(k int) uint64 {
		switch {
		case k < 0:
			return hStart
		case k >= len(info):
			return hEnd
		}
		return info[k].form
	}
	suf3 := func(k int) uint64 {
		if k < 0 || k >= len(info) {
			return hNone
		}
		return info[k].suf[2]
	}
	f[tfBias] = learn.Template(tfBias)
	f[tfWord] = learn.Hash1(tfWord, w.form)
	f[tfSuf1] = learn.Hash1(tfSuf1, w.suf[0])
	f[tfSuf2] = learn.Hash1(tfSuf2, w.suf[1])
	f[tfSuf3] = learn.Hash1(tfSuf3, w.suf[2])
	f[tfSuf4] = learn.Hash1(tfSuf4, w.suf[3])
	f[tfPre1] = learn.Hash1(tfPre1, w.pre[0])
	f[tfPre2] = learn.Hash1(tfPre2, w.pre[1])
	f[tfPre3] = learn.Hash1(tfPre3, w.pre[2])
	f[tfShape] = learn.Hash1(tfShape, w.shape)
	f[tfFlags] = learn.Hash1(tfFlags, w.flags)
	f[tfP1] = learn.Hash1(tfP1, p1)
	f[tfP2P1] = learn.Hash2(tfP2P1, p2, p1)
	f[tfP1Word] = learn.Hash2(tfP1Word, p1, w.form)
	f[tfPrevWord] = learn.Hash1(tfPrevWord, word(i-1))
	f[tfPrevSuf3] = learn.Hash1(tfPrevSuf3, suf3(i-1))
	f[tfPrev2Word] = learn.Hash1(tfPrev2Word, word(i-2))
	f[tfNextWord] = learn.Hash1(tfNextWord, word(i+1))
	f[tfNextSuf3] = learn.Hash1(tfNextSuf3, suf3(i+1))
	f[tfNext2Word] = learn.Hash1(tfNext2Word, word(i+2))
	f[tfPrevWordWord] = learn.Hash2(tfPrevWordWord, word(i-1), w.form)
	f[tfWordNextWord] = learn.Hash2(tfWordNextWord, w.form, word(i+1))
	ns := hEnd
	if i+1 < len(info) {
		ns = info[i+1].shape
	}
	f[tfNextShape] = learn.Hash2(tfNextShape, ns, w.flags&flagCap)
	f[tfP1NextWord] = learn.Hash2(tfP1NextWord, p1, word(i+1))
	f[tfLex] = learn.Hash2(tfLex, w.lex, w.flags&(flagCap|flagFirst))
	f[tfLexP1] = learn.Hash2(tfLexP1, w.lex, p1)
	nl := uint64(0xFFFF)
	if i+1 < len(info) {
		nl = info[i+1].lex
	}
	f[tfLexNext] = learn.Hash2(tfLexNext, w.lex, nl)
	f[tfLexSuf] = learn.Hash2(tfLexSuf, w.lex, w.suf[2])
}

// tagHash is the value a previous tag contributes to features.
func tagHash(t uint16) uint64 {
	if t == noTag {
		return hStart
	}
	return uint64(t) + 1
}

// tag writes one tag id per word into out, reading info; scores is
// working memory with room for every tag.
func (t *Tagger) tag(out []uint16, info []wordInfo, scores []int32) {
	var f [numTagFeatures]uint64
	p1, p2 := uint16(noTag), uint16(noTag)
	for i := range info {
		id, ok := t.dict[info[i].form]
		if !ok {
			tagFeatures(&f, info, i, tagHash(p1), tagHash(p2))
			clear(scores)
			t.model.Score(f[:], scores)
			best := 0
			for k := 1; k < len(scores); k++ {
				if scores[k] > scores[best] {
					best = k
				}
			}
			id = uint16(best)
		}
		out[i] = id
		p2, p1 = p1, id
	}
}

// Features returns how many features the tagger's model holds.
func (t *Tagger) Features() int { return t.model.Features() }
