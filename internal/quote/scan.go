package quote

import "github.com/newsgraph/newsgraph/internal/text"

// Quotation mark kinds.
const (
	markOpen  = 1 // “ `` «
	markClose = 2 // ” '' »
	markBoth  = 3 // " (opens or closes depending on state)
)

// segment is one stretch of quoted text in one paragraph: token range
// [first, end) including the marks, with its byte span.
type segment struct {
	text.Span
	first, end int  // tokens, marks included
	closed     bool // a closing mark was found in the paragraph
	cont       bool // continues the previous segment from the paragraph before
}

// mark returns the kind of double quotation mark at token i and the number
// of tokens it spans (PTB “ and ” are two tokens), or 0.
func mark(s string, toks []text.Token, i int) (kind, n int) {
	t := toks[i]
	switch s[t.Start:t.End] {
	case "“", "«", "„":
		return markOpen, 1
	case "”", "»":
		return markClose, 1
	case "\"":
		return markBoth, 1
	case "`", "'":
		if i+1 < len(toks) && toks[i+1].Start == t.End && s[toks[i+1].Start:toks[i+1].End] == s[t.Start:t.End] {
			if s[t.Start] == '`' {
				return markOpen, 2
			}
			// '' closes PTB quotes, and opens and closes them in the
			// style of some papers (''This isn't reform,'' he said).
			return markBoth, 2
		}
	}
	return 0, 0
}

// scanSegments appends the double-quoted segments of the text to dst. It is
// one pass over the tokens. Single quotes are left alone: inside a double
// quote they are nested quotes and stay part of it. A quote still open at
// the end of a paragraph is closed there; when the next paragraph starts
// with an opening mark, that segment continues it (news style for quotes
// running over paragraphs).
func scanSegments(dst []segment, s string, toks []text.Token) []segment {
	open := -1 // token of the open mark, or -1
	cont := false
	for i := 0; i < len(toks); {
		kind, n := mark(s, toks, i)
		if n == 0 {
			n = 1
		}
		if open >= 0 && i > open && toks[i].Has(text.NewlineBefore) {
			// Paragraph ends inside a quote: close it at the paragraph end.
			dst = append(dst, segment{Span: text.Span{Start: toks[open].Start, End: toks[i-1].End}, first: open, end: i, cont: cont})
			open = -1
			cont = kind == markOpen || kind == markBoth
			if cont {
				open = i
				i += n
				continue
			}
		}
		switch {
		case kind == 0:
		case open < 0 && (kind == markOpen || kind == markBoth):
			open = i
			cont = false
		case open >= 0 && (kind == markClose || kind == markBoth):
			dst = append(dst, segment{Span: text.Span{Start: toks[open].Start, End: toks[i+n-1].End}, first: open, end: i + n, closed: true, cont: cont})
			open = -1
			cont = false
		case open >= 0 && kind == markOpen:
			// A second opening mark inside a quote: the first was stray.
			open = i
			cont = false
		}
		i += n
	}
	if open >= 0 {
		dst = append(dst, segment{Span: text.Span{Start: toks[open].Start, End: toks[len(toks)-1].End}, first: open, end: len(toks), cont: cont})
	}
	return dst
}
