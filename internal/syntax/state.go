package syntax

// Transitions of the arc-hybrid system. Words are 0..n-1 and the root is
// word n, the last of the buffer. A labelled transition is a class:
// shift is 0, left with label l is 1+l, right with label l is 1+L+l.
const (
	moveShift = iota
	moveLeft  // s0 ← b0: the top of the stack takes the buffer's front as head; pop
	moveRight // s1 → s0: the top of the stack takes the word below it as head; pop
)

// state is a parser configuration with the bookkeeping features read.
type state struct {
	n      int
	stack  []int
	b0     int
	heads  []int
	labels []int
	// two leftmost and two rightmost children, and the number of each side
	lc1, lc2, rc1, rc2 []int
	nl, nr             []int
	lset, rset         []uint64
}

func (s *state) reset(n int) {
	s.n = n
	s.stack = s.stack[:0]
	s.b0 = 0
	grow := func(a []int) []int {
		if cap(a) < n+1 {
			return make([]int, n+1)
		}
		return a[:n+1]
	}
	s.heads, s.labels = grow(s.heads), grow(s.labels)
	s.lc1, s.lc2, s.rc1, s.rc2 = grow(s.lc1), grow(s.lc2), grow(s.rc1), grow(s.rc2)
	s.nl, s.nr = grow(s.nl), grow(s.nr)
	if cap(s.lset) < n+1 {
		s.lset, s.rset = make([]uint64, n+1), make([]uint64, n+1)
	}
	s.lset, s.rset = s.lset[:n+1], s.rset[:n+1]
	for i := 0; i <= n; i++ {
		s.heads[i], s.labels[i] = -1, -1
		s.lc1[i], s.lc2[i], s.rc1[i], s.rc2[i] = -1, -1, -1, -1
		s.nl[i], s.nr[i] = 0, 0
		s.lset[i], s.rset[i] = 0, 0
	}
}

func (s *state) terminal() bool { return len(s.stack) == 0 && s.b0 == s.n }

// valid reports whether move m can be taken. The root takes a dependent
// only when the stack holds one word, so a sentence has exactly one root.
func (s *state) valid(m int) bool {
	switch m {
	case moveShift:
		return s.b0 < s.n
	case moveLeft:
		return len(s.stack) > 0 && (s.b0 < s.n || len(s.stack) == 1)
	default:
		return len(s.stack) > 1
	}
}

func (s *state) apply(m, label int) {
	switch m {
	case moveShift:
		s.stack = append(s.stack, s.b0)
		s.b0++
	case moveLeft:
		d := s.stack[len(s.stack)-1]
		s.stack = s.stack[:len(s.stack)-1]
		s.arc(s.b0, d, label)
	default:
		d := s.stack[len(s.stack)-1]
		s.stack = s.stack[:len(s.stack)-1]
		s.arc(s.stack[len(s.stack)-1], d, label)
	}
}

func (s *state) arc(h, d, label int) {
	s.heads[d], s.labels[d] = h, label
	if d < h {
		s.nl[h]++
		s.lset[h] |= 1 << (uint(label) & 63)
		switch {
		case s.lc1[h] < 0 || d < s.lc1[h]:
			s.lc2[h], s.lc1[h] = s.lc1[h], d
		case s.lc2[h] < 0 || d < s.lc2[h]:
			s.lc2[h] = d
		}
	} else {
		s.nr[h]++
		s.rset[h] |= 1 << (uint(label) & 63)
		switch {
		case d > s.rc1[h]:
			s.rc2[h], s.rc1[h] = s.rc1[h], d
		case d > s.rc2[h]:
			s.rc2[h] = d
		}
	}
}

// stackAt returns the k-th word from the top of the stack, or -1.
func (s *state) stackAt(k int) int {
	if k < len(s.stack) {
		return s.stack[len(s.stack)-1-k]
	}
	return -1
}

// bufAt returns the k-th word of the buffer (the root included), or -1.
func (s *state) bufAt(k int) int {
	if s.b0+k <= s.n {
		return s.b0 + k
	}
	return -1
}

func pick(a []int, i int) int {
	if i < 0 {
		return -1
	}
	return a[i]
}
