package store

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"

	"github.com/newsgraph/newsgraph/record"
)

// EventKey returns the identity of event ev as reported by r: its day, the
// source and target actor codes, the CAMEO code and the place, joined by
// '|'. The day is the event's own date when it has one, else the article's
// publication day. ok is false for events that are not stored as real-world
// events: negated or hypothetical ones, and those without a CAMEO code or
// source actor; they stay in the article's record.
func EventKey(r *record.Record, ev *record.Event) (key, day string, ok bool) {
	if ev.Negated || ev.Hypothetical || ev.CAMEO == "" || ev.Source.Code == "" {
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
	return day + "|" + ev.Source.Code + "|" + tgt + "|" + ev.CAMEO + "|" + place, day, true
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
