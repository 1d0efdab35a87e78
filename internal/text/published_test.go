package text

import (
	"strings"
	"testing"
)

func TestResolvePublished(t *testing.T) {
	// f resolves a document with the given published value, URL and body
	// against batch, and wants "published from" and the number of warnings.
	f := func(published, url, body, batch, want string, warnings int) {
		t.Helper()
		d := NewDocument("x", "A title", body)
		d.Published, d.URL = published, url
		if strings.HasPrefix(published, "html:") {
			d.Published, d.PublishedFrom = strings.TrimPrefix(published, "html:"), "html"
		}
		d.ResolvePublished(batch)
		got := d.Published + " " + d.PublishedFrom
		if d.Published == "" {
			got = "undated"
		}
		if got != want || len(d.Warnings) != warnings {
			t.Errorf("published %q url %q body %.30q batch %q:\ngot  %s, warnings %q\nwant %s, %d warnings", published, url, body, batch, got, d.Warnings, want, warnings)
		}
	}
	const plain = "Officials met on Tuesday."
	// Given values are checked and normalised, or dropped with a warning.
	f("2023-02-22", "", plain, "", "2023-02-22 given", 0)
	f("2023-02-22 10:30:00", "", plain, "", "2023-02-22 given", 0)
	f("yesterday", "", plain, "", "undated", 1)
	f("2023-13-45T99:99:99Z", "", plain, "", "undated", 1)
	f("2023-13-45T99:99:99Z", "", plain, "2024-01-05", "2024-01-05 given", 1)
	f("html:2024-07-03", "https://x.org/2020/01/01/a", plain, "", "2024-07-03 html", 0)
	// The URL's path, in its common forms; ids are not dates.
	f("", "https://x.org/world/2023/02/22/talks.html", plain, "", "2023-02-22 url", 0)
	f("", "https://x.org/world/2023/feb/22/talks", plain, "", "2023-02-22 url", 0)
	f("", "https://x.org/news/2023-02-22-talks-resume", plain, "", "2023-02-22 url", 0)
	f("", "https://x.org/20230222/talks", plain, "", "2023-02-22 url", 0)
	f("", "https://x.org/story/123456789", plain, "", "undated", 0)
	f("", "https://x.org/2023/13/45/talks", plain, "", "undated", 0)
	f("", "https://x.org/a?date=2023-02-22", plain, "", "undated", 0)
	// URL before dateline, dateline before the batch's date.
	f("", "https://x.org/2023/02/22/a", "MOSCOW, March 1 (AA) – Talks.", "", "2023-02-22 url", 0)
	f("", "", "MOSCOW, Feb 22 (AA) – Russian President Vladimir Putin met China's top diplomat.", "2023-03-01", "2023-02-22 dateline", 0)
	f("", "", "LONDON, March 3, 2021 (Reuters) - Talks.", "", "2021-03-03 dateline", 0)
	f("", "", "KANDY, Sri Lanka 2024-03-11 - Talks.", "", "2024-03-11 dateline", 0)
	f("", "", "BERLIN, 4 May — Talks.", "2023-05-10", "2023-05-04 dateline", 0)
	f("", "", "NEW YORK, Dec. 30 (AP) — Talks.", "2024-01-02", "2023-12-30 dateline", 0)
	f("", "https://x.org/2019/news/talks", "MOSCOW, Feb 22 (AA) – Talks.", "2023-03-01", "2019-02-22 dateline", 0)
	// A dateline without a year, and no year elsewhere: undated, not guessed.
	f("", "", "MOSCOW, Feb 22 (AA) – Talks.", "", "undated", 0)
	f("", "", "MOSCOW, Feb 30 (AA) – Talks.", "2023-03-01", "2023-03-01 given", 0)
	// Not datelines: a section label, a sentence that starts in capitals.
	f("", "", "TENNIS - SPAIN WIN.", "", "undated", 0)
	f("", "", "UN officials said on Feb 22 - nothing.", "", "undated", 0)
	f("", "", plain, "2023-03-01", "2023-03-01 given", 0)
}
