package store

import (
	"encoding/base64"
	"fmt"
	"strconv"
	"strings"
)

const cursorPrefix = "v1\x1f"

// EncodeCursor makes an opaque page cursor from the sort key of a page's
// last row. Backends share it so that cursors look alike everywhere.
func EncodeCursor(parts ...string) string {
	return base64.RawURLEncoding.EncodeToString([]byte(cursorPrefix + strings.Join(parts, "\x1f")))
}

// DecodeCursor reads a cursor of n parts made by EncodeCursor, or returns
// an error wrapping ErrBadCursor.
func DecodeCursor(c string, n int) ([]string, error) {
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil || !strings.HasPrefix(string(b), cursorPrefix) {
		return nil, fmt.Errorf("%w: %q", ErrBadCursor, c)
	}
	parts := strings.Split(string(b[len(cursorPrefix):]), "\x1f")
	if len(parts) != n {
		return nil, fmt.Errorf("%w: %q", ErrBadCursor, c)
	}
	return parts, nil
}

// DecodeIntCursor reads a one-part numeric cursor; "" is 0.
func DecodeIntCursor(c string) (int64, error) {
	if c == "" {
		return 0, nil
	}
	p, err := DecodeCursor(c, 1)
	if err != nil {
		return 0, err
	}
	n, err := strconv.ParseInt(p[0], 10, 64)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("%w: %q", ErrBadCursor, c)
	}
	return n, nil
}
