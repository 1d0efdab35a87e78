package syntax

import (
	"math"

	"github.com/newsgraph/newsgraph/internal/learn"
)

// Parser is the arc-hybrid dependency parser.
type Parser struct {
	model  *learn.Model
	labels []string
	root   int // id of the "root" relation, -1 if the treebank has none
}

// setLabels sets the relation names and finds the root relation.
func (p *Parser) setLabels(labels []string) {
	p.labels, p.root = labels, -1
	for i, l := range labels {
		if l == "root" {
			p.root = i
		}
	}
}

// allowed reports whether class move m with label l can be taken in s: the
// move must be valid, an arc to the root must carry the root relation and
// no other arc may.
func (p *Parser) allowed(s *state, m, l int) bool {
	if !s.valid(m) {
		return false
	}
	switch {
	case m == moveShift || p.root < 0:
		return true
	case m == moveLeft && s.b0 == s.n:
		return l == p.root
	}
	return l != p.root
}

// Labels returns the relation names; a label id indexes it.
func (p *Parser) Labels() []string { return p.labels }

// classMove returns the move and label of class c given L labels.
func classMove(c, nl int) (move, label int) {
	switch {
	case c == 0:
		return moveShift, -1
	case c <= nl:
		return moveLeft, c - 1
	}
	return moveRight, c - 1 - nl
}

// parse fills s.heads and s.labels for the words of x. scores has room for
// every class.
func (p *Parser) parse(x *sentence, s *state, scores []int32) {
	var f [numParseFeatures]uint64
	nl := len(p.labels)
	s.reset(len(x.info))
	for !s.terminal() {
		// A forced move needs no scores: with an empty stack only a
		// shift is possible, and with the root alone in the buffer and
		// one word on the stack only that word's arc to the root.
		switch {
		case len(s.stack) == 0:
			s.apply(moveShift, -1)
			continue
		case s.b0 == s.n && len(s.stack) == 1 && p.root >= 0:
			s.apply(moveLeft, p.root)
			continue
		}
		parseFeatures(&f, x, s)
		clear(scores)
		p.model.Score(f[:], scores)
		m, l := classMove(p.best(s, scores), nl)
		s.apply(m, l)
	}
}

// best returns the class of highest score among those allowed in s, the
// first of equals: the classes that allowed admits, visited in order
// without testing each. A class that allowed refuses within a range is
// given the lowest score, which no sum of weights reaches.
func (p *Parser) best(s *state, scores []int32) int {
	nl := len(p.labels)
	best, bestScore := -1, int32(math.MinInt32)
	if s.valid(moveShift) {
		best, bestScore = 0, scores[0]
	}
	if p.root >= 0 {
		if s.valid(moveLeft) && s.b0 == s.n {
			if c := 1 + p.root; best < 0 || scores[c] > bestScore {
				best, bestScore = c, scores[c]
			}
		}
		scores[1+p.root] = math.MinInt32
		scores[1+nl+p.root] = math.MinInt32
	}
	if s.valid(moveLeft) && (p.root < 0 || s.b0 < s.n) {
		best, bestScore = argmax(scores[1:1+nl], 1, best, bestScore)
	}
	if s.valid(moveRight) {
		best, _ = argmax(scores[1+nl:1+2*nl], 1+nl, best, bestScore)
	}
	return best
}

// argmax returns the first class of highest score in sc (whose first is
// class base) if it scores above bestScore, else best and bestScore.
func argmax(sc []int32, base, best int, bestScore int32) (int, int32) {
	for l, v := range sc {
		if v > bestScore {
			best, bestScore = base+l, v
		}
	}
	return best, bestScore
}

// Features returns how many features the parser's model holds.
func (p *Parser) Features() int { return p.model.Features() }

// Weights returns how many weights the parser's model holds.
func (p *Parser) Weights() int { return p.model.Weights() }
