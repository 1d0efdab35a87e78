package source

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
)

// jsonArticle is the JSON shape of one article. text, title, url, source,
// published and id are the documented names; the others are common aliases.
type jsonArticle struct {
	ID        json.RawMessage `json:"id"`
	Text      string          `json:"text"`
	Body      string          `json:"body"`
	Content   string          `json:"content"`
	Title     string          `json:"title"`
	URL       string          `json:"url"`
	Link      string          `json:"link"`
	Source    string          `json:"source"`
	Author    string          `json:"author"`
	Published string          `json:"published"`
	Date      string          `json:"date"`
}

func (a *jsonArticle) input() Input {
	in := Input{ID: rawID(a.ID), Title: a.Title, URL: a.URL, Source: a.Source, Author: a.Author, Published: a.Published, Body: a.Text}
	if in.Body == "" {
		in.Body = a.Body
	}
	if in.Body == "" {
		in.Body = a.Content
	}
	if in.URL == "" {
		in.URL = a.Link
	}
	if in.Published == "" {
		in.Published = a.Date
	}
	return in
}

// rawID turns a JSON id (string or number) into a string.
func rawID(b json.RawMessage) string {
	b = bytes.TrimSpace(b)
	if len(b) == 0 || string(b) == "null" {
		return ""
	}
	if b[0] == '"' {
		var s string
		if json.Unmarshal(b, &s) == nil {
			return s
		}
	}
	return string(b)
}

// json reads one object or an array of objects (element by element, see
// jsonArray).
func (r *reader) json(origin string, b []byte) {
	t := bytes.TrimSpace(b)
	if len(t) > 0 && t[0] == '[' {
		r.jsonArray(origin, bufio.NewReader(bytes.NewReader(t)))
		return
	}
	var a jsonArticle
	if err := json.Unmarshal(t, &a); err != nil {
		r.fail(origin, fmt.Errorf("%w: invalid JSON: %v", errMalformed, err))
		return
	}
	r.input(origin, a.input())
}

var errMalformed = errors.New("source: malformed input")

// jsonl reads one JSON object per line. A malformed or oversize line is
// reported with its line number and the rest is read.
func (r *reader) jsonl(origin string, rd io.Reader) {
	br := bufio.NewReaderSize(rd, 64<<10)
	var line []byte
	for n := 1; ; n++ {
		line = line[:0]
		tooLong := false
		var err error
		for {
			var chunk []byte
			chunk, err = br.ReadSlice('\n')
			if !tooLong {
				if int64(len(line)+len(chunk)) > r.opts.MaxBytes {
					tooLong = true
					line = line[:0]
				} else {
					line = append(line, chunk...)
				}
			}
			if err != bufio.ErrBufferFull {
				break
			}
		}
		at := origin + ":" + strconv.Itoa(n)
		switch {
		case tooLong:
			if !r.fail(at, ErrTooLarge) {
				return
			}
		case len(bytes.TrimSpace(line)) == 0:
			// blank line
		default:
			var a jsonArticle
			if e := json.Unmarshal(line, &a); e != nil {
				if !r.fail(at, fmt.Errorf("%w: invalid JSON on line %d: %v", errMalformed, n, e)) {
					return
				}
			} else if !r.input(at, a.input()) {
				return
			}
		}
		if err != nil {
			if err != io.EOF {
				r.fail(at, fmt.Errorf("cannot read %s: %w", origin, err))
			}
			return
		}
	}
}
