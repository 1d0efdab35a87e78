package source

import (
	"bytes"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

type format int

const (
	formatUnknown format = iota
	formatText
	formatHTML
	formatJSON
	formatJSONL
	formatFeed
)

// formatOf names a file's format by its extension.
func formatOf(p string) format {
	switch strings.ToLower(filepath.Ext(p)) {
	case ".txt", ".text":
		return formatText
	case ".html", ".htm", ".xhtml":
		return formatHTML
	case ".json":
		return formatJSON
	case ".jsonl", ".ndjson":
		return formatJSONL
	case ".rss", ".atom", ".xml", ".feed":
		return formatFeed
	}
	return formatUnknown
}

// sniff guesses a format from the first bytes of content.
func sniff(b []byte) format {
	head := bytes.TrimLeft(b[:min(len(b), 1024)], " \t\r\n\ufeff")
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	switch {
	case len(head) == 0:
		return formatText
	case head[0] == '{':
		// One object, or one per line.
		if i := bytes.IndexByte(b, '\n'); i > 0 && i < len(bytes.TrimRight(b, " \t\r\n")) {
			rest := bytes.TrimLeft(b[i:], " \t\r\n")
			if len(rest) > 0 && rest[0] == '{' {
				return formatJSONL
			}
		}
		return formatJSON
	case head[0] == '[':
		return formatJSON
	case head[0] == '<':
		l := bytes.ToLower(head)
		if bytes.Contains(l, []byte("<rss")) || bytes.Contains(l, []byte("<feed")) || bytes.Contains(l, []byte("<rdf:rdf")) ||
			bytes.Contains(l, []byte(":feed xmlns")) {
			return formatFeed
		}
		return formatHTML
	}
	return formatText
}

// looksBinary reports whether s holds binary data: NUL bytes or many
// control characters in its first 8 KB.
func looksBinary(s string) bool {
	n := min(len(s), 8192)
	ctl := 0
	for i := 0; i < n; i++ {
		c := s[i]
		if c == 0 {
			return true
		}
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
			ctl++
		}
	}
	return n > 0 && ctl*20 > n
}

// normalise repairs invalid UTF-8 (each bad byte becomes U+FFFD), turns
// CRLF and CR into LF and drops a byte-order mark, so that offsets are
// stable whatever the input's line ends.
func normalise(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\ufffd")
	}
	s = strings.TrimPrefix(s, "\ufeff")
	if strings.IndexByte(s, '\r') >= 0 {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		s = strings.ReplaceAll(s, "\r", "\n")
	}
	return s
}

func isURL(a string) bool {
	return strings.HasPrefix(a, "http://") || strings.HasPrefix(a, "https://")
}
