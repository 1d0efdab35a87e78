package source

import "testing"

// TestHTMLDateInText checks that a page whose only date is written out in
// its text gets it. htmldate reads the first two itself; it hands the last
// two (Spanish month names) to go-dateparser, whose locale tables
// newsgraph's copy builds on first use (third_party/go-dateparser) instead
// of at program start.
func TestHTMLDateInText(t *testing.T) {
	f := func(byline, want string) {
		t.Helper()
		page := `<html><head><title>Rain</title></head><body><article><h1>Rain</h1>` +
			`<p class="byline">` + byline + `</p>` +
			`<p>Heavy rain fell across the region for a third day, and officials said rivers were close to their banks in several districts.</p>` +
			`<p>Schools stayed closed and the army was sent to help move families away from the water.</p></article></body></html>`
		in, err := extractHTML([]byte(page), "")
		if err != nil {
			t.Fatalf("%s: %v", byline, err)
		}
		if in.Published != want {
			t.Errorf("%s: published %q, want %q", byline, in.Published, want)
		}
	}
	f("Veröffentlicht am 3. Juli 2024", "2024-07-03")
	f("Published July 3rd, 2024", "2024-07-03")
	f(`<time datetime="3 de julio de 2024">3 de julio de 2024</time>`, "2024-07-03")
	f(`<meta itemprop="datePublished" content="julio 3, 2024">`, "2024-07-03")
}
