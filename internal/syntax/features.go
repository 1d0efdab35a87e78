package syntax

import "github.com/newsgraph/newsgraph/internal/learn"

// Parser feature templates, after Zhang and Nivre (2011) for the
// arc-hybrid system: words (w), tags (t) and relations (l) of the top three
// stack words, the first three buffer words, and the outermost children of
// s0, s1 and b0; distances; valencies; the sets of relations taken.
const (
	pfS0w = iota
	pfS0t
	pfS0wt
	pfS1w
	pfS1t
	pfS1wt
	pfB0w
	pfB0t
	pfB0wt
	pfB1w
	pfB1t
	pfB1wt
	pfB2t
	pfS2t
	pfS0wtB0wt
	pfS0wB0w
	pfS0tB0t
	pfB0tB1t
	pfS1tS0t
	pfS1wS0w
	pfS1wtS0wt
	pfB0tB1tB2t
	pfS0tB0tB1t
	pfS1tS0tB0t
	pfS2tS1tS0t
	pfS0tS0LtB0t
	pfS0tB0tB0Lt
	pfS1tS1RtS0t
	pfS1tS0tS0Lt
	pfS1tS0tS0Rt
	pfDistS0tB0t
	pfDistS0wB0w
	pfDist1S1tS0t
	pfS0tVr
	pfS0tVl
	pfB0tVl
	pfS1tVr
	pfS0Lt
	pfS0Ll
	pfS0Rt
	pfS0Rl
	pfB0Lt
	pfB0Ll
	pfS1Lt
	pfS1Ll
	pfS1Rt
	pfS1Rl
	pfS0L2l
	pfS0R2l
	pfB0L2l
	pfS0tS0LtS0L2t
	pfS0tS0RtS0R2t
	pfB0tB0LtB0L2t
	pfS0tSr
	pfS0tSl
	pfB0tSl
	pfS1tSr
	pfS1tB0t
	pfS0LlS0RlS0t
	numParseFeatures
)

// sentence is what the parser reads of one sentence: the words' hashes
// and tags, with the root at index n.
type sentence struct {
	info []wordInfo
	tags []uint16
}

var hRoot = learn.String("\x00root")

func (x *sentence) word(i int) uint64 {
	switch {
	case i < 0:
		return hNone
	case i == len(x.info):
		return hRoot
	}
	return x.info[i].form
}

func (x *sentence) tag(i int) uint64 {
	switch {
	case i < 0:
		return 0
	case i == len(x.info):
		return 1
	}
	return uint64(x.tags[i]) + 2
}

func label(s *state, i int) uint64 {
	if i < 0 {
		return 0
	}
	return uint64(s.labels[i] + 2)
}

func dist(a, b int) uint64 {
	if a < 0 || b < 0 {
		return 0
	}
	d := b - a
	switch {
	case d < 0:
		d = -d
	}
	switch {
	case d >= 10:
		return 10
	case d >= 6:
		return 6
	}
	return uint64(d)
}

func val(a []int, i int) uint64 {
	if i < 0 {
		return 99
	}
	return uint64(min(a[i], 4))
}

func set(a []uint64, i int) uint64 {
	if i < 0 {
		return 1 << 63
	}
	return a[i]
}

// parseFeatures writes the features of state s into f.
func parseFeatures(f *[numParseFeatures]uint64, x *sentence, s *state) {
	s0, s1, s2 := s.stackAt(0), s.stackAt(1), s.stackAt(2)
	b0, b1, b2 := s.bufAt(0), s.bufAt(1), s.bufAt(2)
	s0L, s0R, s0L2, s0R2 := pick(s.lc1, s0), pick(s.rc1, s0), pick(s.lc2, s0), pick(s.rc2, s0)
	s1L, s1R := pick(s.lc1, s1), pick(s.rc1, s1)
	b0L, b0L2 := pick(s.lc1, b0), pick(s.lc2, b0)

	s0w, s0t := x.word(s0), x.tag(s0)
	s1w, s1t := x.word(s1), x.tag(s1)
	b0w, b0t := x.word(b0), x.tag(b0)
	b1w, b1t := x.word(b1), x.tag(b1)
	s0wt, s1wt, b0wt := learn.Add(s0w, s0t), learn.Add(s1w, s1t), learn.Add(b0w, b0t)

	h1, h2, h3 := learn.Hash1, learn.Hash2, learn.Hash3
	f[pfS0w] = h1(pfS0w, s0w)
	f[pfS0t] = h1(pfS0t, s0t)
	f[pfS0wt] = h1(pfS0wt, s0wt)
	f[pfS1w] = h1(pfS1w, s1w)
	f[pfS1t] = h1(pfS1t, s1t)
	f[pfS1wt] = h1(pfS1wt, s1wt)
	f[pfB0w] = h1(pfB0w, b0w)
	f[pfB0t] = h1(pfB0t, b0t)
	f[pfB0wt] = h1(pfB0wt, b0wt)
	f[pfB1w] = h1(pfB1w, b1w)
	f[pfB1t] = h1(pfB1t, b1t)
	f[pfB1wt] = h1(pfB1wt, learn.Add(b1w, b1t))
	f[pfB2t] = h1(pfB2t, x.tag(b2))
	f[pfS2t] = h1(pfS2t, x.tag(s2))

	f[pfS0wtB0wt] = h2(pfS0wtB0wt, s0wt, b0wt)
	f[pfS0wB0w] = h2(pfS0wB0w, s0w, b0w)
	f[pfS0tB0t] = h2(pfS0tB0t, s0t, b0t)
	f[pfB0tB1t] = h2(pfB0tB1t, b0t, b1t)
	f[pfS1tS0t] = h2(pfS1tS0t, s1t, s0t)
	f[pfS1wS0w] = h2(pfS1wS0w, s1w, s0w)
	f[pfS1wtS0wt] = h2(pfS1wtS0wt, s1wt, s0wt)

	f[pfB0tB1tB2t] = h3(pfB0tB1tB2t, b0t, b1t, x.tag(b2))
	f[pfS0tB0tB1t] = h3(pfS0tB0tB1t, s0t, b0t, b1t)
	f[pfS1tS0tB0t] = h3(pfS1tS0tB0t, s1t, s0t, b0t)
	f[pfS2tS1tS0t] = h3(pfS2tS1tS0t, x.tag(s2), s1t, s0t)
	f[pfS0tS0LtB0t] = h3(pfS0tS0LtB0t, s0t, x.tag(s0L), b0t)
	f[pfS0tB0tB0Lt] = h3(pfS0tB0tB0Lt, s0t, b0t, x.tag(b0L))
	f[pfS1tS1RtS0t] = h3(pfS1tS1RtS0t, s1t, x.tag(s1R), s0t)
	f[pfS1tS0tS0Lt] = h3(pfS1tS0tS0Lt, s1t, s0t, x.tag(s0L))
	f[pfS1tS0tS0Rt] = h3(pfS1tS0tS0Rt, s1t, s0t, x.tag(s0R))

	d := dist(s0, b0)
	f[pfDistS0tB0t] = h3(pfDistS0tB0t, s0t, b0t, d)
	f[pfDistS0wB0w] = h3(pfDistS0wB0w, s0w, b0w, d)
	d1 := dist(s1, s0)
	f[pfDist1S1tS0t] = h3(pfDist1S1tS0t, s1t, s0t, d1)

	f[pfS0tVr] = h2(pfS0tVr, s0t, val(s.nr, s0))
	f[pfS0tVl] = h2(pfS0tVl, s0t, val(s.nl, s0))
	f[pfB0tVl] = h2(pfB0tVl, b0t, val(s.nl, b0))
	f[pfS1tVr] = h2(pfS1tVr, s1t, val(s.nr, s1))

	f[pfS0Lt] = h1(pfS0Lt, x.tag(s0L))
	f[pfS0Ll] = h1(pfS0Ll, label(s, s0L))
	f[pfS0Rt] = h1(pfS0Rt, x.tag(s0R))
	f[pfS0Rl] = h1(pfS0Rl, label(s, s0R))
	f[pfB0Lt] = h1(pfB0Lt, x.tag(b0L))
	f[pfB0Ll] = h1(pfB0Ll, label(s, b0L))
	f[pfS1Lt] = h1(pfS1Lt, x.tag(s1L))
	f[pfS1Ll] = h1(pfS1Ll, label(s, s1L))
	f[pfS1Rt] = h1(pfS1Rt, x.tag(s1R))
	f[pfS1Rl] = h1(pfS1Rl, label(s, s1R))
	f[pfS0L2l] = h1(pfS0L2l, label(s, s0L2))
	f[pfS0R2l] = h1(pfS0R2l, label(s, s0R2))
	f[pfB0L2l] = h1(pfB0L2l, label(s, b0L2))
	f[pfS0tS0LtS0L2t] = h3(pfS0tS0LtS0L2t, s0t, x.tag(s0L), x.tag(s0L2))
	f[pfS0tS0RtS0R2t] = h3(pfS0tS0RtS0R2t, s0t, x.tag(s0R), x.tag(s0R2))
	f[pfB0tB0LtB0L2t] = h3(pfB0tB0LtB0L2t, b0t, x.tag(b0L), x.tag(b0L2))

	f[pfS0tSr] = h2(pfS0tSr, s0t, set(s.rset, s0))
	f[pfS0tSl] = h2(pfS0tSl, s0t, set(s.lset, s0))
	f[pfB0tSl] = h2(pfB0tSl, b0t, set(s.lset, b0))
	f[pfS1tSr] = h2(pfS1tSr, s1t, set(s.rset, s1))
	f[pfS1tB0t] = h2(pfS1tB0t, s1t, b0t)
	f[pfS0LlS0RlS0t] = h3(pfS0LlS0RlS0t, label(s, s0L), label(s, s0R), s0t)
}
