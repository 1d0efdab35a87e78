package source

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html/charset"
)

// feedStream reads an RSS, RDF or Atom feed item by item, so that the size
// limit applies to each item and not to the feed. It cuts the feed at its
// <item> and <entry> elements with an XML tokenizer and hands each one to
// gofeed inside a small header made from the feed's own (see feedHead), so
// that every item is read as gofeed reads a whole feed. An item above the
// limit is reported by its index and skipped; a feed with no item is read
// whole, as before, under the limit. encoding/xml holds a whole token in
// memory, so a single token (one text node) above four times the limit
// ends the feed with an error.
func (r *reader) feedStream(origin string, br *bufio.Reader) {
	max := r.opts.MaxBytes
	// The tokenizer and the items cut out for gofeed see the same bytes:
	// UTF-8, converted from the charset the XML declaration names, with
	// invalid sequences replaced, so the decoder's offsets are offsets into
	// the bytes the tape keeps.
	src, converted, err := utf8Feed(br)
	if err != nil {
		r.fail(origin, fmt.Errorf("%w: invalid feed: %v", errMalformed, err))
		return
	}
	// One token may run to four times the limit, so that an item whose
	// text alone is above the limit is still skipped rather than ending
	// the feed.
	tp := &tape{src: src, max: 4 * max, converted: converted}
	d := xml.NewDecoder(tp)
	d.Strict = false
	d.Entity = xml.HTMLEntity
	d.CharsetReader = func(_ string, in io.Reader) (io.Reader, error) { return in, nil }

	var (
		head     []byte     // the feed's header, built at its first item
		closers  string     // the end tags that close head
		stack    []xml.Name // open elements
		opens    [][]byte   // their start tags, until the first item
		decl     []byte     // the XML declaration, which names the charset
		title    strings.Builder
		inTitle  bool
		chanName = "channel"
		inItem   bool
		depth    int   // len(stack) at the item's start
		start    int64 // the item's first byte
		tooLarge bool
		n        int // items seen
	)
	for {
		at := d.InputOffset()
		tp.token = at
		tok, err := d.RawToken()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			if head == nil && tp.err == nil {
				// Before the first item, gofeed has the last word on
				// what the tokenizer refuses, as it had on every feed.
				r.feedWhole(origin, tp)
				return
			}
			if tp.err != nil {
				err = tp.err
			} else {
				err = fmt.Errorf("%w: invalid feed: %v", errMalformed, err)
			}
			if inItem {
				err = fmt.Errorf("item %d: %w", n, err)
			}
			r.fail(origin, err)
			return
		}
		switch t := tok.(type) {
		case xml.ProcInst:
			if head == nil && t.Target == "xml" && decl == nil {
				decl = append([]byte{}, tp.slice(at, d.InputOffset())...)
				if converted {
					decl = []byte(`<?xml version="1.0" encoding="UTF-8"?>`)
				}
			}
		case xml.CharData:
			if inTitle {
				title.Write(t)
			}
		case xml.StartElement:
			if !inItem && isFeedItem(t.Name, stack) {
				if head == nil {
					head = feedHead(decl, opens, stack, chanName, title.String())
					for i := len(stack) - 1; i >= 0; i-- {
						closers += "</" + rawName(stack[i]) + ">"
					}
					opens = nil
				}
				inItem, depth, start, tooLarge = true, len(stack), at, false
				tp.trim(at)
			}
			if head == nil {
				if len(stack) > 0 {
					switch parent := strings.ToLower(stack[len(stack)-1].Local); {
					case strings.EqualFold(t.Name.Local, "title") && title.Len() == 0 && (parent == "channel" || parent == "feed"):
						inTitle = true
					case strings.EqualFold(t.Name.Local, "channel"):
						chanName = rawName(t.Name)
					}
				}
				opens = append(opens, append([]byte{}, tp.slice(at, d.InputOffset())...))
			}
			stack = append(stack, t.Name)
		case xml.EndElement:
			inTitle = false
			// Not strict: an end tag closes up to the element it names.
			for i := len(stack) - 1; i >= 0; i-- {
				if stack[i] == t.Name {
					stack = stack[:i]
					break
				}
			}
			if len(opens) > len(stack) {
				opens = opens[:len(stack)]
			}
			if inItem && len(stack) <= depth {
				end := d.InputOffset()
				if tooLarge {
					if !r.fail(origin, fmt.Errorf("item %d: %w (> %d bytes)", n, ErrTooLarge, max)) {
						return
					}
				} else if !r.feedItemRaw(origin, n, head, tp.slice(start, end), closers) {
					return
				}
				n++
				inItem = false
			}
		}
		switch {
		case inItem && !tooLarge && d.InputOffset()-start > max:
			tooLarge = true
		case head == nil && d.InputOffset() > max:
			r.fail(origin, fmt.Errorf("%w (the feed's header is above %d bytes)", ErrTooLarge, max))
			return
		}
		if head != nil && (!inItem || tooLarge) {
			tp.trim(d.InputOffset())
		}
	}
	if head == nil {
		// No item: the feed as a whole, so that gofeed names what is wrong.
		r.feed(origin, tp.slice(0, d.InputOffset()))
	}
}

// feedHead builds the header each item is parsed in: the XML declaration,
// the start tags of the elements open around the first item (which declare
// the namespaces) and the feed's title, which becomes each document's
// source. It is a few hundred bytes whatever the feed carries before its
// first item, so that parsing each item costs the item's size.
func feedHead(decl []byte, opens [][]byte, stack []xml.Name, chanName, title string) []byte {
	var b bytes.Buffer
	b.Write(decl)
	for _, o := range opens {
		b.Write(o)
	}
	title = strings.TrimSpace(title)
	if title == "" {
		return b.Bytes()
	}
	// In RSS and Atom the title sits in the element around the items; in
	// RDF the channel is a sibling of the items.
	parent := ""
	if len(stack) > 0 {
		parent = strings.ToLower(stack[len(stack)-1].Local)
	}
	rdf := parent != "channel" && parent != "feed"
	if rdf {
		b.WriteString("<" + chanName + ">")
	}
	tag := "title"
	if rdf {
		if i := strings.IndexByte(chanName, ':'); i >= 0 {
			tag = chanName[:i+1] + tag
		}
	} else if p := stack[len(stack)-1].Space; p != "" {
		tag = p + ":" + tag
	}
	b.WriteString("<" + tag + ">")
	xml.EscapeText(&b, []byte(title))
	b.WriteString("</" + tag + ">")
	if rdf {
		b.WriteString("</" + chanName + ">")
	}
	return b.Bytes()
}

// feedWhole reads the rest of the feed on tp, up to the size limit, and
// parses it whole.
func (r *reader) feedWhole(origin string, tp *tape) {
	b := append(append([]byte{}, tp.slice(0, tp.n)...), tp.rune...)
	if m := xmlEncoding.FindSubmatchIndex(b); m != nil && tp.converted {
		// The bytes are UTF-8 now.
		b = append(append(append([]byte{}, b[:m[2]]...), "UTF-8"...), b[m[3]:]...)
	}
	for int64(len(b)) <= r.opts.MaxBytes {
		c, _, err := tp.src.ReadRune()
		if err != nil {
			r.feed(origin, b)
			return
		}
		b = utf8.AppendRune(b, c)
	}
	r.fail(origin, fmt.Errorf("%w (> %d bytes)", ErrTooLarge, r.opts.MaxBytes))
}

// isFeedItem reports whether an element is a feed's item: <item> in an RSS
// channel or an RDF document, <entry> in an Atom feed.
func isFeedItem(n xml.Name, stack []xml.Name) bool {
	if len(stack) == 0 {
		return false
	}
	parent := strings.ToLower(stack[len(stack)-1].Local)
	switch strings.ToLower(n.Local) {
	case "item":
		return parent == "channel" || parent == "rdf" || parent == "rss"
	case "entry":
		return parent == "feed"
	}
	return false
}

func rawName(n xml.Name) string {
	if n.Space != "" {
		return n.Space + ":" + n.Local
	}
	return n.Local
}

// feedItemRaw parses one item inside the feed's header with gofeed and
// emits it as feed() would.
func (r *reader) feedItemRaw(origin string, i int, head, item []byte, closers string) bool {
	doc := make([]byte, 0, len(head)+len(item)+len(closers))
	doc = append(append(append(doc, head...), item...), closers...)
	f, err := gofeed.NewParser().Parse(bytes.NewReader(doc))
	if err != nil {
		return r.fail(origin, fmt.Errorf("item %d: %w: invalid feed item: %v", i, errMalformed, err))
	}
	if len(f.Items) != 1 {
		return r.fail(origin, fmt.Errorf("item %d: %w: not a feed item", i, errMalformed))
	}
	return r.feedItem(origin, i, f, f.Items[0])
}

// utf8Feed returns the feed in br as valid UTF-8: converted from the
// charset its XML declaration names, if any other, and with invalid bytes
// replaced by U+FFFD. It reports whether a charset was converted.
func utf8Feed(br *bufio.Reader) (io.RuneReader, bool, error) {
	head, _ := br.Peek(512)
	var rd io.Reader = br
	converted := false
	if m := xmlEncoding.FindSubmatch(head); m != nil {
		switch label := strings.ToLower(string(m[1])); label {
		case "utf-8", "utf8", "us-ascii", "ascii":
		default:
			c, err := charset.NewReaderLabel(label, br)
			if err != nil {
				return nil, false, fmt.Errorf("charset %q: %w", label, err)
			}
			rd, converted = c, true
		}
	}
	if converted {
		return bufio.NewReader(rd), true, nil
	}
	return br, false, nil
}

var xmlEncoding = regexp.MustCompile(`^\s*(?:\xef\xbb\xbf)?<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']`)

// tape is the feed's byte source. It keeps the bytes read since the last
// trim, so that an item can be cut out by the decoder's offsets, and stops
// the feed when one XML token (a text node, say) runs past max bytes,
// since encoding/xml holds a whole token in memory.
type tape struct {
	src  io.RuneReader
	rune []byte // the rest of the rune being read
	max  int64
	// converted says that src is converted to UTF-8 from another charset.
	converted bool
	buf       []byte
	base      int64 // offset of buf[0]
	n         int64 // bytes read
	token     int64 // offset where the current token began
	err       error
}

func (t *tape) ReadByte() (byte, error) {
	if t.n-t.token > t.max {
		t.err = fmt.Errorf("%w (an XML token of the feed is above %d bytes)", ErrTooLarge, t.max)
		return 0, t.err
	}
	if len(t.rune) == 0 {
		// A byte that is not UTF-8 comes back as utf8.RuneError, which is
		// written as U+FFFD.
		r, _, err := t.src.ReadRune()
		if err != nil {
			return 0, err
		}
		t.rune = utf8.AppendRune(t.rune[:0], r)
	}
	c := t.rune[0]
	t.rune = t.rune[1:]
	t.buf = append(t.buf, c)
	t.n++
	return c, nil
}

func (t *tape) Read(p []byte) (int, error) {
	for i := range p {
		c, err := t.ReadByte()
		if err != nil {
			return i, err
		}
		p[i] = c
	}
	return len(p), nil
}

// trim forgets the bytes before offset off.
func (t *tape) trim(off int64) {
	if off <= t.base {
		return
	}
	k := min(off-t.base, int64(len(t.buf)))
	t.buf = append(t.buf[:0], t.buf[k:]...)
	t.base += k
}

// slice returns the bytes from offset a to b, which must not have been
// trimmed.
func (t *tape) slice(a, b int64) []byte {
	if a < t.base || b-t.base > int64(len(t.buf)) || a > b {
		panic("BUG: feed tape slice " + strconv.FormatInt(a, 10) + ":" + strconv.FormatInt(b, 10) + " outside " +
			strconv.FormatInt(t.base, 10) + "+" + strconv.Itoa(len(t.buf)))
	}
	return t.buf[a-t.base : b-t.base]
}
