package source

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"

	"github.com/newsgraph/newsgraph/internal/pipeline"
)

// jsonArray reads a JSON array of articles element by element, so that the
// size limit applies to each element and not to the array. An element that
// is too large, malformed or of the wrong shape is reported as
// "element N" (counting from 0, as its origin FILE#N does) and skipped; the
// rest of the array is read. Only a break in the array itself (a missing
// comma, the end of input before "]") stops the file.
func (r *reader) jsonArray(origin string, br *bufio.Reader) {
	if c, err := firstByte(br); err != nil || c != '[' {
		r.fail(origin, fmt.Errorf("%w: not a JSON array", errMalformed))
		return
	}
	br.Discard(1)
	var buf []byte
	for i := 0; ; i++ {
		c, err := firstByte(br)
		if err != nil {
			r.fail(origin, arrayErr(i, err))
			return
		}
		if c == ']' {
			br.Discard(1)
			if i > 0 {
				r.fail(origin, fmt.Errorf("%w: a comma before the closing ] of the JSON array", errMalformed))
			}
			break
		}
		var tooLarge bool
		buf, tooLarge, err = scanValue(br, r.opts.MaxBytes, buf[:0])
		if err != nil {
			r.fail(origin, arrayErr(i, err))
			return
		}
		if !r.element(origin, i, buf, tooLarge) {
			return
		}
		c, err = firstByte(br)
		if err != nil {
			r.fail(origin, arrayErr(i+1, err))
			return
		}
		br.Discard(1)
		if c == ']' {
			break
		}
		if c != ',' {
			r.fail(origin, fmt.Errorf("%w: after element %d: want , or ] but found %q", errMalformed, i, c))
			return
		}
	}
	if c, err := firstByte(br); err == nil {
		r.fail(origin, fmt.Errorf("%w: %q after the end of the JSON array", errMalformed, c))
	}
}

// element decodes and emits element i of a JSON array; it returns false
// when ctx is done.
func (r *reader) element(origin string, i int, b []byte, tooLarge bool) bool {
	if tooLarge {
		return r.fail(origin, fmt.Errorf("element %d: %w (> %d bytes)", i, ErrTooLarge, r.opts.MaxBytes))
	}
	var a jsonArticle
	if err := json.Unmarshal(b, &a); err != nil {
		return r.fail(origin, fmt.Errorf("element %d: %w: %v", i, errMalformed, jsonReason(err)))
	}
	d, err := r.document(a.input())
	if err != nil {
		return r.fail(origin, fmt.Errorf("element %d: %w", i, err))
	}
	return r.emit(pipeline.Item{Doc: d, Origin: origin + "#" + strconv.Itoa(i)})
}

func arrayErr(i int, err error) error {
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return fmt.Errorf("element %d: %w: the input ends inside the JSON array", i, errMalformed)
	}
	return fmt.Errorf("element %d: cannot read: %w", i, err)
}

// jsonReason shortens encoding/json's messages to the field at fault.
func jsonReason(err error) string {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		if te.Field != "" {
			return fmt.Sprintf("field %q: want %s, got JSON %s", te.Field, te.Type, te.Value)
		}
		return fmt.Sprintf("want an object, got JSON %s", te.Value)
	}
	return err.Error()
}

// scanValue appends the bytes of the next JSON value in br to buf, up to
// max of them; beyond that it reads on to the value's end without keeping
// anything and reports tooLarge. It finds the end by brackets and string
// quotes only; json.Unmarshal judges the bytes afterwards, so that a
// malformed element is still skipped as a whole.
func scanValue(br *bufio.Reader, max int64, buf []byte) (out []byte, tooLarge bool, err error) {
	var n int64
	depth := 0
	inStr, esc := false, false
	for {
		c, err := br.ReadByte()
		if err != nil {
			if errors.Is(err, io.EOF) && n > 0 && depth == 0 && !inStr {
				return buf, tooLarge, nil // a scalar at the end of input
			}
			if errors.Is(err, io.EOF) {
				err = io.ErrUnexpectedEOF
			}
			return buf, tooLarge, err
		}
		if !inStr && depth == 0 && n > 0 && (c == ',' || c == ']' || c == ' ' || c == '\t' || c == '\r' || c == '\n') {
			br.UnreadByte()
			return buf, tooLarge, nil
		}
		n++
		if !tooLarge {
			if n > max {
				tooLarge, buf = true, buf[:0]
			} else {
				buf = append(buf, c)
			}
		}
		switch {
		case inStr:
			switch {
			case esc:
				esc = false
			case c == '\\':
				esc = true
			case c == '"':
				inStr = false
				if depth == 0 {
					return buf, tooLarge, nil
				}
			}
		case c == '"':
			inStr = true
		case c == '{' || c == '[':
			depth++
		case c == '}' || c == ']':
			depth--
			if depth <= 0 {
				return buf, tooLarge, nil
			}
		}
	}
}
