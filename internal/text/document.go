// Package text holds the Document that flows through the pipeline: the
// immutable article text, its tokens and sentences, and every annotation
// layer as byte-offset spans. It sits between the readers (internal/source)
// and the annotators; the public record is made from it by Record.
package text

import "github.com/newsgraph/newsgraph/record"

// Span is a half-open byte range [Start, End) of Document.Text.
type Span struct {
	Start, End int
}

// Len returns the span's length in bytes.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether o lies inside s.
func (s Span) Contains(o Span) bool { return o.Start >= s.Start && o.End <= s.End }

// Overlaps reports whether s and o share at least one byte.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }

// Document is one article under analysis. Text never changes after
// NewDocument; annotators only append layers.
type Document struct {
	ID        string
	URL       string
	Source    string
	Title     string
	Author    string
	Published string // YYYY-MM-DD or RFC 3339 once ResolvePublished ran; may be empty
	// PublishedFrom says where Published came from (record.PublishedGiven,
	// ...); empty when Published is.
	PublishedFrom string
	Language      string
	// Warnings are what an entry point changed in the input and the user
	// should hear about, with the document's origin: a publication date
	// that was not a date and was dropped. They are not failures.
	Warnings []string

	// Text is title + "\n\n" + body when there is a title, else the body.
	Text string
	// BodyStart is the byte offset where the body begins in Text.
	BodyStart int

	Tokens    []Token
	Sentences []Sentence
	// Syntax is parallel to Tokens: tags, lemma, head and relation of each
	// token. Nil until the syntax stage runs.
	Syntax []TokenSyntax

	Entities []Entity
	// Mentions are references to actors that are not names: pronouns ("he"),
	// nominals ("the Russian leader"), generic agents ("police", "Russian
	// troops"). Filled by actor resolution; used by quotes and events.
	Mentions []Mention
	Places   []Place
	Dates    []Date
	Amounts  []Amount
	Quotes   []Quote
	Events   []Event
	Tone     *record.Tone
	// SentenceTone is the tone of each sentence, parallel to Sentences.
	SentenceTone []record.Tone
	// Dateline is the span of a leading dateline place ("MOSCOW (AA) –"), if any.
	Dateline *Span
}

// NewDocument makes a Document from a title and a body. The text is
// title + "\n\n" + body when title is not empty.
func NewDocument(id, title, body string) *Document {
	d := &Document{ID: id, Title: title, Language: "en"}
	if title != "" {
		d.Text = title + "\n\n" + body
		d.BodyStart = len(title) + 2
	} else {
		d.Text = body
	}
	return d
}

// Slice returns the text of s.
func (d *Document) Slice(s Span) string { return d.Text[s.Start:s.End] }

// TokenText returns the text of token i.
func (d *Document) TokenText(i int) string {
	t := d.Tokens[i]
	return d.Text[t.Start:t.End]
}

// SentenceOf returns the index of the sentence containing byte offset off,
// or -1.
func (d *Document) SentenceOf(off int) int {
	lo, hi := 0, len(d.Sentences)
	for lo < hi {
		m := (lo + hi) / 2
		if d.Sentences[m].End <= off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(d.Sentences) && d.Sentences[lo].Start <= off {
		return lo
	}
	return -1
}

// TokenAt returns the index of the first token that ends after byte offset
// off (the token containing off, or the next one).
func (d *Document) TokenAt(off int) int {
	lo, hi := 0, len(d.Tokens)
	for lo < hi {
		m := (lo + hi) / 2
		if d.Tokens[m].End <= off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}
