package record

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// Where Record.Published came from (Record.PublishedFrom), most trusted
// first. A reader takes the first that gives a date.
const (
	// PublishedGiven: the input's own date (a JSON "published" or "date"
	// field, a feed item's date, the API's "published"), or the batch's
	// date (ingest --published) when nothing below gave one.
	PublishedGiven = "given"
	// PublishedHTML: the web page's metadata and markup, read by go-htmldate.
	PublishedHTML = "html"
	// PublishedURL: a date in the URL's path (/2023/02/22/, /2023-02-22-…).
	PublishedURL = "url"
	// PublishedDateline: the month and day of the article's dateline
	// ("MOSCOW, Feb 22 (AA) –"), with the year the dateline gives, else
	// the year of a date in the URL's path, else the batch's date.
	PublishedDateline = "dateline"
)

// ErrBadPublished says that a publication date is not a date newsgraph can
// use. Entry points drop such a value and report it; it never reaches a
// record or an event date.
var ErrBadPublished = errors.New("record: published is not a date")

// MinPublishedYear is the earliest year accepted as a publication date.
const MinPublishedYear = 1800

// ParsePublished checks a publication date and returns it in one of the two
// forms a record holds: YYYY-MM-DD, or an RFC 3339 time with its zone. It
// also takes a date and time without a zone ("2023-02-22 10:30:00", kept as
// the date) and the RFC 1123 times of feeds and mail headers ("Wed, 22 Feb
// 2023 10:30:00 +0000", rewritten as RFC 3339). The date must exist
// ("2023-13-45" does not) and its year lie between MinPublishedYear and next
// year. Anything else ("yesterday") is ErrBadPublished.
func ParsePublished(s string) (string, error) {
	s = strings.TrimSpace(s)
	bad := func(why string) (string, error) {
		return "", fmt.Errorf("%w: %q %s", ErrBadPublished, s, why)
	}
	if s == "" {
		return bad("is empty")
	}
	var (
		t   time.Time
		out string
		ok  bool
	)
	if t, ok = parseLayout(time.DateOnly, s); ok {
		out = s
	} else if t, ok = parseLayout(time.RFC3339Nano, s); ok {
		out = s
	} else {
		for _, layout := range []string{"2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02T15:04", "2006-01-02 15:04"} {
			if t, ok = parseLayout(layout, s); ok {
				out = t.Format(time.DateOnly)
				break
			}
		}
		for _, layout := range []string{time.RFC1123Z, time.RFC1123, "Mon, 2 Jan 2006 15:04:05 -0700", "2 Jan 2006 15:04:05 -0700"} {
			if out != "" {
				break
			}
			if t, ok = parseLayout(layout, s); ok {
				out = t.Format(time.RFC3339)
			}
		}
	}
	if out == "" {
		return bad("is not YYYY-MM-DD or an RFC 3339 time")
	}
	if y := t.Year(); y < MinPublishedYear || y > time.Now().Year()+1 {
		return bad(fmt.Sprintf("has year %d, outside %d to next year", y, MinPublishedYear))
	}
	return out, nil
}

// parseLayout parses s with layout, reporting whether it matched.
func parseLayout(layout, s string) (time.Time, bool) {
	t, err := time.Parse(layout, s)
	return t, err == nil
}
