package text

import (
	"unicode"
	"unicode/utf8"
)

// Split appends the sentences of s, given its tokens, to dst and returns it.
// Every newline ends a sentence (news paragraphs and headlines are lines);
// within a line, '.', '!', '?' and '…' end one when what follows starts a new
// sentence, with closing quotes and brackets kept in the sentence they close.
func Split(dst []Sentence, s string, toks []Token) []Sentence {
	n := len(toks)
	start := 0
	emit := func(end int) {
		if end > start {
			dst = append(dst, Sentence{Span: Span{toks[start].Start, toks[end-1].End}, FirstToken: start, EndToken: end})
		}
		start = end
	}
	for i := 0; i < n; i++ {
		if i > start && toks[i].Has(NewlineBefore) {
			emit(i)
		}
		if !endsSentence(s, toks, i) {
			continue
		}
		j := i + 1
		for j < n && !toks[j].Has(SpaceBefore) && isCloser(s, toks[j]) {
			j++
		}
		// Straight quote after a space may still close: `."` handled above;
		// `. "` opens the next sentence.
		if j == n {
			continue
		}
		if toks[j].Has(NewlineBefore) {
			continue // the newline rule will split
		}
		if startsSentence(s, toks, i, j) {
			emit(j)
			i = j - 1
		}
	}
	emit(n)
	return dst
}

// endsSentence reports whether token i can end a sentence.
func endsSentence(s string, toks []Token, i int) bool {
	t := toks[i]
	w := s[t.Start:t.End]
	switch t.Kind {
	case Punct:
		switch w {
		case ".", "!", "?", "…", "?!", "!?":
			return true
		}
		if len(w) >= 3 && w[0] == '.' { // ellipsis
			return true
		}
		return false
	case Word:
		return t.Has(AbbrevPeriod)
	}
	return false
}

// startsSentence reports whether the token j, after a possible end at i,
// begins a new sentence.
func startsSentence(s string, toks []Token, i, j int) bool {
	end := toks[i]
	next := toks[j]
	if !next.Has(SpaceBefore) && j == i+1 {
		return false // "3.5", "Yahoo!Inc", "...!" glued
	}
	nw := s[next.Start:next.End]
	r, _ := utf8.DecodeRuneInString(nw)
	// Opening quotes or brackets: look at the word after them.
	k := j
	for k < len(toks) && isOpener(s, toks[k]) {
		k++
	}
	if k < len(toks) && k != j {
		r, _ = utf8.DecodeRuneInString(s[toks[k].Start:toks[k].End])
	}
	upper := unicode.IsUpper(r) || unicode.IsDigit(r) || (r >= utf8.RuneSelf && unicode.IsLetter(r) && !unicode.IsLower(r))
	if !upper {
		return false
	}
	if end.Kind == Word { // an abbreviation with its period
		word := s[end.Start : end.End-1]
		switch abbrevClass(word) {
		case abbrevMid:
			return false
		case abbrevDate:
			if unicode.IsDigit(r) {
				return false
			}
			return sentenceStarters[nw]
		default:
			return sentenceStarters[s[toks[k].Start:toks[k].End]] || k != j
		}
	}
	w := s[end.Start:end.End]
	if len(w) >= 3 && w[0] == '.' { // ellipsis: only before a clear capital start
		return true
	}
	return true
}

func isCloser(s string, t Token) bool {
	if t.Kind != Punct {
		return false
	}
	switch s[t.Start:t.End] {
	case "\"", "'", "”", "’", ")", "]", "}", "»", "''":
		return true
	}
	return false
}

func isOpener(s string, t Token) bool {
	if t.Kind != Punct {
		return false
	}
	switch s[t.Start:t.End] {
	case "\"", "'", "“", "‘", "(", "[", "{", "«", "``":
		return true
	}
	return false
}
