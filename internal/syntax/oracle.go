package syntax

// oracle gives the cost of each move against a gold tree: the number of
// gold arcs the move makes unreachable (Goldberg and Nivre 2013, for the
// arc-hybrid system). Gold heads use the parser's numbering: words
// 0..n-1, the root n.
type oracle struct {
	heads   []int
	deps    [][]int // gold dependents of each word
	inStack []bool
}

func (o *oracle) reset(heads []int) {
	n := len(heads)
	o.heads = heads
	if cap(o.deps) < n+1 {
		o.deps = make([][]int, n+1)
		o.inStack = make([]bool, n+1)
	}
	o.deps, o.inStack = o.deps[:n+1], o.inStack[:n+1]
	for i := range o.deps {
		o.deps[i] = o.deps[i][:0]
		o.inStack[i] = false
	}
	for d, h := range heads {
		o.deps[h] = append(o.deps[h], d)
	}
}

func (o *oracle) syncStack(s *state) {
	for i := range o.inStack {
		o.inStack[i] = false
	}
	for _, w := range s.stack {
		o.inStack[w] = true
	}
}

// depsInBuffer counts the gold dependents of w at or after the buffer front.
func (o *oracle) depsInBuffer(s *state, w int) int {
	c := 0
	for _, d := range o.deps[w] {
		if d >= s.b0 {
			c++
		}
	}
	return c
}

// cost returns the cost of move m in s; s must allow m.
func (o *oracle) cost(s *state, m int) int {
	switch m {
	case moveShift:
		b := s.b0
		c := 0
		if h := o.heads[b]; h < b && o.inStack[h] && h != s.stackAt(0) {
			c++
		}
		for _, d := range o.deps[b] {
			if d < b && o.inStack[d] {
				c++
			}
		}
		return c
	case moveLeft:
		s0 := s.stackAt(0)
		c := o.depsInBuffer(s, s0)
		if h := o.heads[s0]; h == s.stackAt(1) || h > s.b0 {
			c++
		}
		return c
	default:
		s0 := s.stackAt(0)
		c := o.depsInBuffer(s, s0)
		if o.heads[s0] >= s.b0 {
			c++
		}
		return c
	}
}
