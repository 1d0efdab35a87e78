package source

import (
	"bytes"
	"fmt"
	nurl "net/url"
	"strings"

	"github.com/markusmobius/go-trafilatura"

	"github.com/newsgraph/newsgraph/record"
)

// html extracts the main text and metadata of a web page with
// go-trafilatura (with its readability fallback).
func (r *reader) html(origin, pageURL string, b []byte) {
	in, err := extractHTML(b, pageURL)
	if err != nil {
		r.fail(origin, err)
		return
	}
	if in.ID == "" && pageURL == "" {
		in.ID = idFromPath(origin)
	}
	r.input(origin, in)
}

func extractHTML(b []byte, pageURL string) (Input, error) {
	opts := trafilatura.Options{EnableFallback: true, ExcludeComments: true}
	if pageURL != "" {
		if u, err := nurl.Parse(pageURL); err == nil {
			opts.OriginalURL = u
		}
	}
	res, err := trafilatura.Extract(bytes.NewReader(b), opts)
	if err != nil || res == nil {
		if err == nil {
			err = fmt.Errorf("no content")
		}
		return Input{}, fmt.Errorf("%w: %v", ErrNoText, err)
	}
	m := res.Metadata
	in := Input{URL: pageURL, Title: m.Title, Author: m.Author, Source: m.Sitename, Body: paragraphs(res.ContentText)}
	if in.URL == "" {
		in.URL = m.URL
	}
	if in.Source == "" {
		in.Source = m.Hostname
	}
	if !m.Date.IsZero() {
		in.Published, in.PublishedFrom = m.Date.Format("2006-01-02"), record.PublishedHTML
	}
	// The page's headline often opens the extracted text too; the record
	// already has it as its title.
	if t := strings.TrimSpace(in.Title); t != "" {
		if rest, ok := strings.CutPrefix(in.Body, t); ok && (rest == "" || rest[0] == '\n') {
			in.Body = strings.TrimLeft(rest, "\n")
		}
	}
	if strings.TrimSpace(in.Body) == "" {
		return Input{}, ErrNoText
	}
	return in, nil
}

// paragraphs tidies extracted text: trims each line, drops empty ones and
// keeps one paragraph per line.
func paragraphs(s string) string {
	var b strings.Builder
	for _, l := range strings.Split(s, "\n") {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(l)
	}
	return b.String()
}
