package text

import (
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/newsgraph/newsgraph/record"
)

// ResolvePublished settles d.Published before annotation, the same way on
// every path: the readers, the API and the queue worker call it after
// Clean. A given date is checked by record.ParsePublished and kept in its
// normal form, or dropped with a warning (d.Warnings), so that "yesterday"
// or "2023-13-45" never reaches the record or an event date. When the
// document has no date (or a dropped one), ResolvePublished looks in its
// URL's path, then in its dateline ("MOSCOW, Feb 22 (AA) –"). A dateline
// without a year takes the year of a date in the URL's path ("/2023/"),
// else of batch, and else gives nothing: a year is not guessed. batch
// (YYYY-MM-DD or RFC 3339; ingest --published; may be empty) is the date
// of last resort, marked as given. d.PublishedFrom says which source won.
func (d *Document) ResolvePublished(batch string) {
	if strings.TrimSpace(d.Published) != "" {
		p, err := record.ParsePublished(d.Published)
		if err == nil {
			d.Published = p
			if d.PublishedFrom == "" {
				d.PublishedFrom = record.PublishedGiven
			}
			return
		}
		d.Warnings = append(d.Warnings, err.Error()+"; dropped")
	}
	d.Published, d.PublishedFrom = "", ""
	day, urlYear := urlDate(d.URL)
	if day != "" {
		d.Published, d.PublishedFrom = day, record.PublishedURL
		return
	}
	batchDay := ""
	if batch != "" {
		if p, err := record.ParsePublished(batch); err == nil {
			batch, batchDay = p, p[:10]
		} else {
			batch = ""
		}
	}
	if day := datelineDate(d.Text[d.BodyStart:], urlYear, batchDay); day != "" {
		d.Published, d.PublishedFrom = day, record.PublishedDateline
		return
	}
	if batch != "" {
		d.Published, d.PublishedFrom = batch, record.PublishedGiven
	}
}

const monthNames = `(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)`

// datePatterns are the expressions urlDate and datelineDate use, compiled
// on first use (not at program start: see TestStartupInitWork).
type datePatterns struct {
	// urlDates are dates in a URL's path: /2023/02/22/, /2023/feb/22/,
	// …/2023-02-22-…, /20230222/. The year is 19xx or 20xx and the parts
	// end at a separator, so ids and counts are not read as dates.
	urlDates []*regexp.Regexp
	// urlYear is a year alone as a path segment (/2023/, /2023/02/).
	urlYear *regexp.Regexp
	// dateline is a wire-copy opening: a place in capitals (perhaps with
	// its country or state), a date, perhaps the agency in brackets, and a
	// dash or colon: "MOSCOW, Feb 22 (AA) –", "LONDON, March 3, 2023
	// (Reuters) -", "KANDY, Sri Lanka 2024-03-11 -", "BERLIN, 4 May —".
	dateline *regexp.Regexp
}

var patterns = sync.OnceValue(func() *datePatterns {
	return &datePatterns{
		urlDates: []*regexp.Regexp{
			regexp.MustCompile(`(?:^|/)((?:19|20)\d\d)/(\d{1,2})/(\d{1,2})(?:$|[/._-])`),
			regexp.MustCompile(`(?i)(?:^|/)((?:19|20)\d\d)/(` + monthNames + `)[a-z]*/(\d{1,2})(?:$|[/._-])`),
			regexp.MustCompile(`(?:^|[/_-])((?:19|20)\d\d)-(\d\d)-(\d\d)(?:$|[/._-])`),
			regexp.MustCompile(`(?:^|/)((?:19|20)\d\d)(\d\d)(\d\d)(?:$|[/._-])`),
		},
		urlYear: regexp.MustCompile(`(?:^|/)((?:19|20)\d\d)(?:$|/)`),
		dateline: regexp.MustCompile(`^\s*[A-Z][A-Z'’.-]+(?:\s+[A-Z][A-Z'’.-]+){0,3}` +
			`(?:,\s*[A-Z][\pL'’.-]+(?:\s+[A-Z][\pL'’.-]+){0,3})?,?\s+` +
			`(?:(\d{4}-\d\d-\d\d)|(` + monthNames + `)\.?\s+(\d{1,2})(?:,?\s+(\d{4}))?|(\d{1,2})\s+(` + monthNames + `)\.?(?:,?\s+(\d{4}))?)` +
			`\s*(?:\([^()\n]{1,40}\)\s*)?[-–—:]`),
	}
})

// urlDate returns the date in raw's path (YYYY-MM-DD) and, with or
// without it, a year found there (0 when none).
func urlDate(raw string) (day string, year int) {
	if raw == "" {
		return "", 0
	}
	u, err := url.Parse(raw)
	if err != nil {
		return "", 0
	}
	path := u.Path
	for _, re := range patterns().urlDates {
		for _, m := range re.FindAllStringSubmatch(path, -1) {
			if day := ymd(m[1], m[2], m[3]); day != "" {
				return day, atoi(m[1])
			}
		}
	}
	if m := patterns().urlYear.FindStringSubmatch(path); m != nil {
		return "", atoi(m[1])
	}
	return "", 0
}

// datelineDate returns the date (YYYY-MM-DD) of the dateline that opens
// body, or "". A dateline without a year takes year when it is not 0, else
// the year of batchDay (YYYY-MM-DD) that puts the date at most a week
// after batchDay; with neither it gives "".
func datelineDate(body string, year int, batchDay string) string {
	if len(body) > 300 {
		body = body[:300]
	}
	if i := strings.IndexByte(body, '\n'); i >= 0 {
		body = body[:i]
	}
	m := patterns().dateline.FindStringSubmatch(body)
	if m == nil {
		return ""
	}
	if m[1] != "" {
		return ymd(m[1][:4], m[1][5:7], m[1][8:])
	}
	mon, dd, yy := m[2], m[3], m[4]
	if mon == "" {
		mon, dd, yy = m[6], m[5], m[7]
	}
	if yy != "" {
		return ymd(yy, mon, dd)
	}
	if year != 0 {
		return ymd(strconv.Itoa(year), mon, dd)
	}
	if batchDay == "" {
		return ""
	}
	ref, err := time.Parse(time.DateOnly, batchDay)
	if err != nil {
		return ""
	}
	day := ymd(strconv.Itoa(ref.Year()), mon, dd)
	if t, err := time.Parse(time.DateOnly, day); err == nil && t.After(ref.AddDate(0, 0, 7)) {
		day = ymd(strconv.Itoa(ref.Year()-1), mon, dd)
	}
	return day
}

// ymd returns the date of a year, a month (number or English name) and a
// day as YYYY-MM-DD, or "" when it is not a valid publication date.
func ymd(y, m, d string) string {
	mon := atoi(m)
	if mon == 0 {
		for i, name := range []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"} {
			if strings.HasPrefix(strings.ToLower(m), name) {
				mon = i + 1
				break
			}
		}
	}
	s := fmt.Sprintf("%04d-%02d-%02d", atoi(y), mon, atoi(d))
	if _, err := record.ParsePublished(s); err != nil {
		return ""
	}
	return s
}

// atoi returns the number s holds, or 0.
func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
