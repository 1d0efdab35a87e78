package source

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/pipeline"
)

// TestFeedStreamAsWhole checks that streamed feed items read as the
// whole feed's items do, on feeds with a declared charset, HTML entities,
// unclosed HTML, CDATA, comments, namespaced fields and prefixes.
func TestFeedStreamAsWhole(t *testing.T) {
	feeds := []string{
		`<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><title>Caf` + "\xe9" + ` News</title><item><title>A</title><description>Caf` + "\xe9" + ` &nbsp; opened.<br>Second line.</description></item><!-- c --><item><title>B</title><description><![CDATA[x]]]]><![CDATA[>y]]></description><source url="http://s">S</source></item></channel></rss>`,
		`<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en"><title type="html">A &amp;amp; B</title><author><name>Feed Author</name></author><entry><title>E1</title><link rel="alternate" href="http://x/1"/><summary>Sum one.</summary><published>2024-01-02T00:00:00Z</published></entry><entry><title>E2</title><link href="http://x/2"/><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Para <b>two</b>.</p></div></content></entry></feed>`,
		`<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>T</title><image><title>Img</title><url>u</url></image><item><title>I</title><dc:creator>Bob</dc:creator><dc:date>2023-03-04</dc:date><media:content url="m"/><description>Body text here.</description></item></channel></rss>`,
		`<?xml version="1.0" encoding="windows-1252"?><rss version="2.0"><channel><title>A < B</title><item><title>Q</title><description>` + "\x93Quoted\x94" + ` words.</description></item></channel></rss>`,
		`<atom:feed xmlns:atom="http://www.w3.org/2005/Atom"><atom:title>Prefixed</atom:title><atom:entry><atom:title>P1</atom:title><atom:content>Prefixed body.</atom:content></atom:entry></atom:feed>`,
	}
	for i, f := range feeds {
		whole := make(chan pipeline.Item, 16)
		r := &reader{ctx: context.Background(), opts: Options{MaxBytes: 1 << 20}, out: whole}
		go func() { r.feed("-", []byte(f)); close(whole) }()
		var want, got []string
		for it := range whole {
			want = append(want, showItem(it))
		}
		for it := range Open(context.Background(), []string{"-"}, Options{Stdin: strings.NewReader(f)}) {
			got = append(got, showItem(it))
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("feed %d:\nstream:\n%s\nwhole:\n%s", i, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}

	// Bytes that are not UTF-8 in a feed that declares no charset: gofeed
	// refuses the whole feed; streamed, they become U+FFFD, as in every
	// other document.
	bad := `<rss version="2.0"><channel><title>Bad ` + "\xff" + ` byte</title><item><title>Z</title><description>Text ` + "\xfe" + ` here.</description></item></channel></rss>`
	var got []string
	for it := range Open(context.Background(), []string{"-"}, Options{Stdin: strings.NewReader(bad)}) {
		got = append(got, showItem(it))
	}
	if want := "-#0|sha256:e8e9552e378f3684ba7b41ca|Z|Bad \ufffd byte|||\"Z\\n\\nText \ufffd here.\""; strings.Join(got, "\n") != want {
		t.Errorf("invalid UTF-8 feed:\n%s\nwant\n%s", strings.Join(got, "\n"), want)
	}
}

func showItem(it pipeline.Item) string {
	if it.Err != nil {
		return it.Origin + " ERR " + it.Err.Error()
	}
	d := it.Doc
	return fmt.Sprintf("%s|%s|%s|%s|%s|%s|%q", it.Origin, d.ID, d.Title, d.Source, d.Author, d.Published, d.Text)
}
