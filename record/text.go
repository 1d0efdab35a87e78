package record

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"unicode/utf8"
)

// ErrBadText says that a text field holds what a store cannot keep: a NUL
// character (PostgreSQL refuses U+0000 in TEXT, and it marks binary data)
// or invalid UTF-8. It is the one rule for text in newsgraph: the readers,
// the API and the queue apply it where articles come in (CleanText), and
// both store backends check it again before writing (Record.CheckText).
var ErrBadText = errors.New("record: text cannot be stored")

// CheckText reports whether s satisfies the text rule: valid UTF-8 without
// NUL. The error wraps ErrBadText and gives the byte offset.
func CheckText(s string) error {
	if i := strings.IndexByte(s, 0); i >= 0 {
		return fmt.Errorf("%w: NUL character at byte %d", ErrBadText, i)
	}
	if !utf8.ValidString(s) {
		for i, r := range s {
			if r == utf8.RuneError {
				if _, n := utf8.DecodeRuneInString(s[i:]); n == 1 {
					return fmt.Errorf("%w: invalid UTF-8 at byte %d", ErrBadText, i)
				}
			}
		}
	}
	return nil
}

// CleanText applies the text rule to text read from outside: invalid UTF-8
// is repaired (each run of bad bytes becomes U+FFFD, as a browser shows it)
// and a NUL is refused, since no text a person wrote holds one.
func CleanText(s string) (string, error) {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\ufffd")
	}
	if err := CheckText(s); err != nil {
		return "", err
	}
	return s, nil
}

// CheckText checks every text field of r, annotations included, against
// the text rule. The error names the first bad field by its JSON path
// ("title", "entities[3].actor.name").
func (r *Record) CheckText() error {
	// The spans' texts are slices of Text; when Text passes, only the
	// other fields need the walk, but the walk is cheap next to a write.
	return checkValue(reflect.ValueOf(r).Elem(), "")
}

// checkValue walks v's strings; path is v's JSON path.
func checkValue(v reflect.Value, path string) error {
	switch v.Kind() {
	case reflect.String:
		if err := CheckText(v.String()); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			return checkValue(v.Elem(), path)
		}
	case reflect.Slice, reflect.Array:
		if v.Type().Elem().Kind() == reflect.Uint8 {
			return nil // bytes, not text
		}
		for i := 0; i < v.Len(); i++ {
			if err := checkValue(v.Index(i), fmt.Sprintf("%s[%d]", path, i)); err != nil {
				return err
			}
		}
	case reflect.Map:
		it := v.MapRange()
		for it.Next() {
			p := fmt.Sprintf("%s[%v]", path, it.Key())
			if err := checkValue(it.Key(), p); err != nil {
				return err
			}
			if err := checkValue(it.Value(), p); err != nil {
				return err
			}
		}
	case reflect.Struct:
		t := v.Type()
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			if !f.IsExported() {
				continue
			}
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if name == "" || name == "-" {
				name = f.Name
			}
			if path != "" {
				name = path + "." + name
			}
			if err := checkValue(v.Field(i), name); err != nil {
				return err
			}
		}
	}
	return nil
}
