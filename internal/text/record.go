package text

import (
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/record"
)

// offsets maps byte offsets of a text to code-point offsets.
type offsets struct {
	ascii bool
	runes []int32 // runes[b] = code points before byte b, for b in [0, len]
}

func newOffsets(s string) offsets {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return offsets{ascii: true}
	}
	r := make([]int32, len(s)+1)
	n := int32(0)
	for i := 0; i < len(s); i++ {
		r[i] = n
		if !utf8.RuneStart(s[i]) {
			continue
		}
		n++
	}
	// A continuation byte maps to the rune after its own; spans never
	// start or end inside a rune, so only rune starts are ever looked up.
	r[len(s)] = n
	return offsets{runes: r}
}

func (o offsets) at(b int) int {
	if o.ascii {
		return b
	}
	return int(o.runes[b])
}

// Record converts the document into the public record, turning every byte
// offset into a code-point offset once.
func (d *Document) Record() *record.Record {
	o := newOffsets(d.Text)
	span := func(s Span) (int, int, string) { return o.at(s.Start), o.at(s.End), d.Text[s.Start:s.End] }
	r := &record.Record{
		Schema: record.Schema, ID: d.ID, URL: d.URL, Source: d.Source, Title: d.Title, Author: d.Author,
		Published: d.Published, PublishedFrom: d.PublishedFrom, Language: d.Language, Text: d.Text,
		Sentences: make([]record.Sentence, 0, len(d.Sentences)),
		Entities:  make([]record.Entity, 0, len(d.Entities)),
		Places:    make([]record.Place, 0, len(d.Places)),
		Dates:     make([]record.Date, 0, len(d.Dates)),
		Amounts:   make([]record.Amount, 0, len(d.Amounts)),
		Quotes:    make([]record.Quote, 0, len(d.Quotes)),
		Events:    make([]record.Event, 0, len(d.Events)),
		Tone:      d.Tone,
	}
	for _, s := range d.Sentences {
		r.Sentences = append(r.Sentences, record.Sentence{Start: o.at(s.Start), End: o.at(s.End)})
	}
	for _, e := range d.RecordEntities() {
		a, b, t := span(e.Span)
		r.Entities = append(r.Entities, record.Entity{Start: a, End: b, Text: t, Type: e.Type, Actor: e.Actor})
	}
	for _, p := range d.Places {
		a, b, t := span(p.Span)
		r.Places = append(r.Places, record.Place{Start: a, End: b, Text: t, Name: p.Name, Country: p.Country,
			Lat: p.Lat, Lon: p.Lon, Feature: p.Feature, GeonameID: p.GeonameID, Why: p.Why})
	}
	for _, x := range d.Dates {
		a, b, t := span(x.Span)
		r.Dates = append(r.Dates, record.Date{Start: a, End: b, Text: t, Type: x.Type, Value: x.Value, Mod: x.Mod})
	}
	for _, x := range d.Amounts {
		a, b, t := span(x.Span)
		r.Amounts = append(r.Amounts, record.Amount{Start: a, End: b, Text: t, Value: x.Value, Unit: x.Unit, Object: x.Object})
	}
	for _, q := range d.Quotes {
		a, b, t := span(q.Span)
		rq := record.Quote{Start: a, End: b, Text: t, Kind: q.Kind}
		if q.Speaker != nil {
			sa, sb, st := span(q.Speaker.Span)
			rq.Speaker = &record.Speaker{Start: sa, End: sb, Text: st, Name: q.Speaker.Name, Actor: q.Speaker.Actor}
		}
		if q.Cue != nil {
			ca, cb, ct := span(*q.Cue)
			rq.Cue = &record.Span{Start: ca, End: cb, Text: ct}
		}
		r.Quotes = append(r.Quotes, rq)
	}
	actor := func(e EventActor) record.EventActor {
		a, b, t := span(e.Span)
		return record.EventActor{Start: a, End: b, Text: t, Code: e.Code, Country: e.Country, Name: e.Name}
	}
	for _, e := range d.Events {
		a, b, t := span(e.Trigger)
		re := record.Event{Source: actor(e.Source), CAMEO: e.CAMEO, PLOVER: e.PLOVER, PLOVERMode: e.PLOVERMode, Mode: e.Mode,
			QuadClass: e.QuadClass, Goldstein: e.Goldstein, Sentence: e.Sentence, Start: a, End: b, Trigger: t,
			Date: e.Date, Place: e.Place, Negated: e.Negated, Hypothetical: e.Hypothetical, Future: e.Future,
			Speaker: e.Speaker, Confidence: e.Confidence}
		if e.Target != nil {
			ta := actor(*e.Target)
			re.Target = &ta
		}
		for _, m := range e.Mentions {
			a, b, t := span(m.Trigger)
			re.Mentions = append(re.Mentions, record.EventMention{Sentence: m.Sentence, Start: a, End: b, Trigger: t})
		}
		r.Events = append(r.Events, re)
	}
	return r
}

// TokenRecords returns the syntax layer of the record: every token with
// its tags, lemma, head and relation, offsets in code points. It returns
// nil when the syntax stage did not run.
func (d *Document) TokenRecords() []record.Token {
	if d.Syntax == nil {
		return nil
	}
	o := newOffsets(d.Text)
	out := make([]record.Token, len(d.Tokens))
	for i, t := range d.Tokens {
		x := d.Syntax[i]
		out[i] = record.Token{Start: o.at(t.Start), End: o.at(t.End), Text: d.Text[t.Start:t.End],
			UPOS: x.UPOS, XPOS: x.XPOS, Lemma: x.Lemma, Head: x.Head, Rel: x.Rel}
	}
	return out
}

// RecordEntities returns the entities as the record carries them: Entities,
// then a LOC entity (Origin "gazetteer") for each place that no entity
// overlaps, in the order of Places. Those belong to the places layer, so
// that Entities keeps one writer (the actor stage).
func (d *Document) RecordEntities() []Entity {
	var idx SpanIndex
	idx.Build(len(d.Entities), func(i int) Span { return d.Entities[i].Span })
	out := d.Entities[:len(d.Entities):len(d.Entities)] // appending copies
	for _, p := range d.Places {
		covered := false
		for i := idx.From(p.Start); i < min(len(d.Entities), idx.After(p.End)); i++ {
			if d.Entities[i].Overlaps(p.Span) {
				covered = true
				break
			}
		}
		if !covered {
			out = append(out, Entity{Span: p.Span, Type: record.LOC, Origin: "gazetteer"})
		}
	}
	return out
}
