package source

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"github.com/mmcdole/gofeed"
)

// feed reads an RSS, Atom or JSON feed; each item becomes a document. The
// item's own content (HTML stripped) is the body, unless FollowLinks asks
// for the linked page.
func (r *reader) feed(origin string, b []byte) {
	f, err := gofeed.NewParser().Parse(bytes.NewReader(b))
	if err != nil {
		r.fail(origin, fmt.Errorf("%w: invalid feed: %v", errMalformed, err))
		return
	}
	for i, it := range f.Items {
		if !r.feedItem(origin, i, f, it) {
			return
		}
	}
}

// feedItem emits item i of feed f: the item's own content (HTML stripped),
// or the linked page when FollowLinks asks for it. It returns false when
// ctx is done.
func (r *reader) feedItem(origin string, i int, f *gofeed.Feed, it *gofeed.Item) bool {
	at := origin + "#" + strconv.Itoa(i)
	if it.Link != "" {
		at = it.Link
	}
	if r.opts.FollowLinks && isURL(it.Link) {
		r.url(it.Link)
		return r.ctx.Err() == nil
	}
	body := it.Content
	if len(strings.TrimSpace(body)) < len(strings.TrimSpace(it.Description)) {
		body = it.Description
	}
	in := Input{ID: it.GUID, URL: it.Link, Title: it.Title, Source: f.Title, Body: htmlText(body)}
	if in.ID == "" {
		in.ID = it.Link
	}
	if it.Author != nil {
		in.Author = it.Author.Name
	}
	if it.PublishedParsed != nil {
		in.Published = it.PublishedParsed.UTC().Format("2006-01-02")
	} else if it.UpdatedParsed != nil {
		in.Published = it.UpdatedParsed.UTC().Format("2006-01-02")
	}
	return r.input(at, in)
}
