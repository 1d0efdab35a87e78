package record

import (
	"errors"
	"testing"
)

func TestParsePublished(t *testing.T) {
	f := func(in, want string) {
		t.Helper()
		got, err := ParsePublished(in)
		if want == "" {
			if !errors.Is(err, ErrBadPublished) {
				t.Errorf("%q: got %q, %v; want ErrBadPublished", in, got, err)
			}
			return
		}
		if err != nil || got != want {
			t.Errorf("%q: got %q, %v; want %q", in, got, err, want)
		}
	}
	f("2023-02-22", "2023-02-22")
	f(" 2023-02-22 ", "2023-02-22")
	f("2023-02-22T10:30:00Z", "2023-02-22T10:30:00Z")
	f("2023-02-22T10:30:00.123+03:00", "2023-02-22T10:30:00.123+03:00")
	f("2023-02-22 10:30:00", "2023-02-22")
	f("2023-02-22T10:30", "2023-02-22")
	f("Wed, 22 Feb 2023 10:30:00 +0000", "2023-02-22T10:30:00Z")
	f("Wed, 22 Feb 2023 10:30:00 GMT", "2023-02-22T10:30:00Z")
	f("yesterday", "")
	f("", "")
	f("2023-13-45T99:99:99Z", "")
	f("2023-13-45", "")
	f("2023-02-30", "")
	f("2023-02-22T25:00:00Z", "")
	f("0001-01-01", "")
	f("9999-01-01", "")
	f("22/02/2023", "")
	f("2023-02-22junk", "")
}

func TestCheckPublished(t *testing.T) {
	f := func(published, from string, ok bool) {
		t.Helper()
		r := &Record{Schema: Schema, ID: "x", Text: "a", Published: published, PublishedFrom: from}
		if err := r.Check(); (err == nil) != ok {
			t.Errorf("published %q from %q: %v, want ok %v", published, from, err, ok)
		}
	}
	f("", "", true)
	f("2023-02-22", "", true)
	f("2023-02-22", PublishedDateline, true)
	f("2023-02-22T10:30:00Z", PublishedGiven, true)
	f("yesterday", PublishedGiven, false)
	f("2023-13-45T99:99:99Z", "", false)
	f("2023-02-22 10:30:00", "", false) // ParsePublished would have made it 2023-02-22
	f("", PublishedURL, false)
	f("2023-02-22", "guess", false)
}
