package event

import (
	"strings"

	"github.com/newsgraph/newsgraph/internal/text"
	"github.com/newsgraph/newsgraph/record"
)

// mergeRetellings folds an event told again later in the document (the
// title, then the lede, then a paragraph further down) into its first
// telling, which keeps the others as Mentions and the highest confidence:
// one record per event. Two tellings are one event when they have the same
// source, target, CAMEO code and modality, and dates and places that do
// not disagree: the same, or one of them unsaid (no place; the
// publication day, published, that an undated telling gets). Tellings in
// one sentence were already made one record per trigger and dyad.
func mergeRetellings(events []text.Event, published string) []text.Event {
	if len(events) < 2 {
		return events
	}
	if len(published) > 10 {
		published = published[:10]
	}
	same := make(map[string][]int, len(events))
	var b strings.Builder
	out := events[:0]
next:
	for _, e := range events {
		b.Reset()
		tgt := ""
		if e.Target != nil {
			tgt = e.Target.Code
		}
		for _, f := range []string{e.Source.Code, tgt, e.CAMEO, e.Mode} {
			b.WriteString(f)
			b.WriteByte('|')
		}
		k := b.String()
		if e.Source.Code != "" {
			for _, i := range same[k] {
				f := &out[i]
				if f.Sentence == e.Sentence || !agreeDate(f.Date, e.Date, published) || !agreePlace(f.Place, e.Place) {
					continue
				}
				f.Mentions = append(f.Mentions, text.EventMention{Sentence: e.Sentence, Trigger: e.Trigger})
				f.Confidence = max(f.Confidence, e.Confidence)
				if f.Date == published {
					f.Date = e.Date
				}
				if f.Place == nil {
					f.Place = e.Place
				}
				continue next
			}
		}
		same[k] = append(same[k], len(out))
		out = append(out, e)
	}
	return out
}

// agreeDate reports whether dates a and b may be one event's: equal, or
// one of them the publication day an undated telling gets.
func agreeDate(a, b, published string) bool {
	return a == b || a == published || b == published || a == "" || b == ""
}

// agreePlace reports whether places a and b may be one event's.
func agreePlace(a, b *record.EventPlace) bool {
	return a == nil || b == nil || a.Name == b.Name && a.Country == b.Country
}
