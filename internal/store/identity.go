package store

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"

	"github.com/newsgraph/newsgraph/record"
)

// The modes of a stored event that are left out of counts by default
// (Event.Mode): what the text denies, and what it only weighs (a modal, a
// condition, a claim). A requested act ("urged Moscow to free": the
// freeing) carries the hypothetical flag and is left out with them; the
// request is a record of its own. Asserted and intended events (recoded to
// the codebook's intent codes, 03x and 13x) are counted.
const (
	ModeNegated      = "negated"
	ModeHypothetical = "hypothetical"
)

// EventMode returns the mode under which ev is stored: ModeNegated or
// ModeHypothetical for an event that counts leave out unless asked
// (Filter.AllModes), "" for one they count (asserted, intended).
// A record's flags decide when its mode is missing (records written before
// the mode field).
func EventMode(ev *record.Event) string {
	switch {
	case ev.Negated || ev.Mode == ModeNegated:
		return ModeNegated
	case ev.Hypothetical || ev.Mode == ModeHypothetical:
		return ModeHypothetical
	}
	return ""
}

// EventKey returns the identity of event ev as reported by r: its day, the
// source and target actor codes, the CAMEO code and the place, joined by
// '|', and for a negated or hypothetical event its mode after one more '|'
// (so that "did not attack" never merges with an attack told as fact, and
// counted events keep the ids they always had). The day is the event's own
// date when it has one, else the article's publication day. ok is false
// for events that are not stored as real-world events, those without a
// CAMEO code or source actor; they stay in the article's record.
func EventKey(r *record.Record, ev *record.Event) (key, day string, ok bool) {
	if ev.CAMEO == "" || ev.Source.Code == "" {
		return "", "", false
	}
	day = Day(ev.Date)
	if day == "" {
		day = Day(r.Published)
	}
	tgt := ""
	if ev.Target != nil {
		tgt = ev.Target.Code
	}
	place := ""
	if ev.Place != nil {
		place = strings.ToLower(strings.TrimSpace(ev.Place.Name)) + "/" + ev.Place.Country
	}
	key = day + "|" + ev.Source.Code + "|" + tgt + "|" + ev.CAMEO + "|" + place
	if m := EventMode(ev); m != "" {
		key += "|" + m
	}
	return key, day, true
}

// EventID returns the public id of the event with the given key: 16 hex
// digits of its SHA-256, stable across stores and runs.
func EventID(key string) string {
	h := sha256.Sum256([]byte(key))
	return hex.EncodeToString(h[:8])
}

// ArticleSource returns the outlet of r for NumSources: its Source, else the
// host of its URL, else "".
func ArticleSource(r *record.Record) string {
	if r.Source != "" {
		return strings.ToLower(r.Source)
	}
	u := r.URL
	if i := strings.Index(u, "://"); i >= 0 {
		u = u[i+3:]
	}
	if i := strings.IndexAny(u, "/?#"); i >= 0 {
		u = u[:i]
	}
	return strings.TrimPrefix(strings.ToLower(u), "www.")
}

// ArticleTone returns what the articles table stores of r's tone: the
// score and the word count it was measured over, words (the article's own
// count) when the record has none.
func ArticleTone(r *record.Record, words int) (tone float64, n int) {
	if r.Tone != nil {
		tone, n = r.Tone.Tone, r.Tone.WordCount
	}
	if n == 0 {
		n = words
	}
	return tone, n
}

// EventTarget returns what the events table stores of ev's target: its
// code, country, name and ActorKey, all "" when the event has none.
func EventTarget(ev *record.Event) (code, country, name, key string) {
	if ev.Target == nil {
		return "", "", "", ""
	}
	t := ev.Target
	return t.Code, t.Country, t.Name, ActorKey(t.Code, t.Country)
}

// QuoteSpeaker returns what the quotes table stores of q's speaker: the
// resolved name (else the span's text) and the actor code, "" when unknown.
func QuoteSpeaker(q *record.Quote) (name, code string) {
	if q.Speaker == nil {
		return "", ""
	}
	name = q.Speaker.Name
	if name == "" {
		name = q.Speaker.Text
	}
	if q.Speaker.Actor != nil {
		code = q.Speaker.Actor.Code
	}
	return name, code
}

// ActorKey returns the three-letter key of an event side for dyads and
// actor filters: the country when known, else the first three letters of
// the code (CAMEO codes start with a country or an international-actor
// code such as IGO, NGO).
func ActorKey(code, country string) string {
	if country != "" {
		return country
	}
	if len(code) > 3 {
		return code[:3]
	}
	return code
}

// MatchActor reports whether the actor filter x (upper case) selects an
// event side: for three letters or fewer, x must equal the side's ActorKey;
// for a longer code, the key must equal its first three letters and the
// side's code must start with x. Backends implement this rule in their
// query language.
func MatchActor(x, code, country string) bool {
	key := ActorKey(code, country)
	if len(x) <= 3 {
		return key == x
	}
	return key == x[:3] && strings.HasPrefix(code, x)
}
