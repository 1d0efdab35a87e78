package record

import (
	"fmt"
	"unicode/utf8"
)

// Check verifies a record's invariants: Published is empty or a date in
// ParsePublished's form, PublishedFrom names a known source of it; every
// span lies inside Text with start <= end and carries exactly its
// code-point slice; events point at a sentence that exists. It returns the
// first problem found.
func (r *Record) Check() error {
	if r.Schema != Schema {
		return fmt.Errorf("record %s: schema %q, want %q", r.ID, r.Schema, Schema)
	}
	if r.Published != "" {
		if p, err := ParsePublished(r.Published); err != nil || p != r.Published {
			return fmt.Errorf("record %s: published %q is not YYYY-MM-DD or an RFC 3339 time", r.ID, r.Published)
		}
	}
	switch r.PublishedFrom {
	case "":
	case PublishedGiven, PublishedHTML, PublishedURL, PublishedDateline:
		if r.Published == "" {
			return fmt.Errorf("record %s: published_from %q without a published date", r.ID, r.PublishedFrom)
		}
	default:
		return fmt.Errorf("record %s: published_from %q is none of given, html, url, dateline", r.ID, r.PublishedFrom)
	}
	runes := []rune(r.Text)
	if !utf8.ValidString(r.Text) {
		return fmt.Errorf("record %s: text is not valid UTF-8", r.ID)
	}
	span := func(what string, i, start, end int, txt string) error {
		if start < 0 || end < start || end > len(runes) {
			return fmt.Errorf("record %s: %s %d: [%d,%d) outside text of %d code points", r.ID, what, i, start, end, len(runes))
		}
		if got := string(runes[start:end]); got != txt {
			return fmt.Errorf("record %s: %s %d: text %q but slice [%d,%d) is %q", r.ID, what, i, txt, start, end, got)
		}
		return nil
	}
	for i, s := range r.Sentences {
		if s.Start < 0 || s.End < s.Start || s.End > len(runes) {
			return fmt.Errorf("record %s: sentence %d [%d,%d) outside text", r.ID, i, s.Start, s.End)
		}
	}
	for i, t := range r.Tokens {
		if err := span("token", i, t.Start, t.End, t.Text); err != nil {
			return err
		}
		if t.Head < -1 || t.Head >= len(r.Tokens) {
			return fmt.Errorf("record %s: token %d: head %d outside %d tokens", r.ID, i, t.Head, len(r.Tokens))
		}
	}
	for i, e := range r.Entities {
		if err := span("entity", i, e.Start, e.End, e.Text); err != nil {
			return err
		}
	}
	for i, p := range r.Places {
		if err := span("place", i, p.Start, p.End, p.Text); err != nil {
			return err
		}
	}
	for i, d := range r.Dates {
		if err := span("date", i, d.Start, d.End, d.Text); err != nil {
			return err
		}
	}
	for i, a := range r.Amounts {
		if err := span("amount", i, a.Start, a.End, a.Text); err != nil {
			return err
		}
	}
	for i, q := range r.Quotes {
		if err := span("quote", i, q.Start, q.End, q.Text); err != nil {
			return err
		}
		if q.Speaker != nil {
			if err := span("quote speaker", i, q.Speaker.Start, q.Speaker.End, q.Speaker.Text); err != nil {
				return err
			}
		}
		if q.Cue != nil {
			if err := span("quote cue", i, q.Cue.Start, q.Cue.End, q.Cue.Text); err != nil {
				return err
			}
		}
	}
	for i, e := range r.Events {
		if err := span("event trigger", i, e.Start, e.End, e.Trigger); err != nil {
			return err
		}
		if err := span("event source", i, e.Source.Start, e.Source.End, e.Source.Text); err != nil {
			return err
		}
		if e.Target != nil {
			if err := span("event target", i, e.Target.Start, e.Target.End, e.Target.Text); err != nil {
				return err
			}
		}
		if e.Sentence < 0 || e.Sentence >= len(r.Sentences) {
			return fmt.Errorf("record %s: event %d: sentence %d does not exist", r.ID, i, e.Sentence)
		}
	}
	return nil
}
