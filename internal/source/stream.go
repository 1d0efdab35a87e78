package source

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// peekBytes is how much of a stream is looked at to tell its format.
const peekBytes = 64 << 10

// stream reads standard input or a file without holding more than one
// document of it: a collection (JSON Lines, a JSON array, a feed) is read
// document by document, each under the size limit, and only a single
// document (a text, a page, one JSON object) is read whole. The format is f, or
// found from the first bytes when f is formatUnknown; gzip and zstd are
// recognised by their magic bytes and read through.
func (r *reader) stream(origin string, f format, rd io.Reader) {
	br := bufio.NewReaderSize(rd, peekBytes)
	if f == formatUnknown {
		head, _ := br.Peek(4)
		if c := compressionMagic(head); c != compressNone {
			z, err := decompress(c, br)
			if err != nil {
				r.fail(origin, fmt.Errorf("cannot read %s: %w", origin, err))
				return
			}
			defer z.Close()
			br = bufio.NewReaderSize(z, peekBytes)
		}
		head, err := br.Peek(peekBytes)
		if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
			r.fail(origin, fmt.Errorf("cannot read %s: %w", origin, err))
			return
		}
		f = sniffStream(head)
	}
	switch f {
	case formatJSONL:
		r.jsonl(origin, br)
		return
	case formatFeed:
		r.feedStream(origin, br)
		return
	case formatJSON:
		if c, err := firstByte(br); err == nil && c == '[' {
			r.jsonArray(origin, br)
			return
		}
	}
	b, err := readAll(br, r.opts.MaxBytes)
	if err != nil {
		if errors.Is(err, ErrTooLarge) {
			r.fail(origin, err)
		} else {
			r.fail(origin, fmt.Errorf("cannot read %s: %w", origin, err))
		}
		return
	}
	r.bytes(origin, f, b)
}

// sniffStream guesses the format of a stream from its first bytes. A
// stream that opens with an object is JSON Lines unless its first line is
// not a JSON value of its own (a pretty-printed object); one whose first
// line runs past head is JSON Lines too, which reads a single long object
// as well.
func sniffStream(head []byte) format {
	f := sniff(head)
	if f != formatJSON && f != formatJSONL {
		return f
	}
	t := bytes.TrimLeft(head, " \t\r\n")
	t = bytes.TrimPrefix(t, []byte("\xef\xbb\xbf"))
	if len(t) == 0 || t[0] != '{' {
		return f
	}
	i := bytes.IndexByte(t, '\n')
	if i < 0 || json.Valid(t[:i]) {
		return formatJSONL
	}
	return formatJSON
}

// firstByte returns the first byte that is not white space or a byte-order
// mark, without consuming it.
func firstByte(br *bufio.Reader) (byte, error) {
	for {
		b, err := br.Peek(3)
		if len(b) == 0 {
			return 0, err
		}
		switch {
		case bytes.HasPrefix(b, []byte("\xef\xbb\xbf")):
			br.Discard(3)
		case b[0] == ' ' || b[0] == '\t' || b[0] == '\r' || b[0] == '\n':
			br.Discard(1)
		default:
			return b[0], nil
		}
	}
}
