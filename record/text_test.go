package record

import (
	"errors"
	"strings"
	"testing"
)

func TestCheckText(t *testing.T) {
	f := func(s, want string) {
		t.Helper()
		err := CheckText(s)
		if want == "" {
			if err != nil {
				t.Errorf("CheckText(%q) = %v, want nil", s, err)
			}
			return
		}
		if !errors.Is(err, ErrBadText) || !strings.Contains(err.Error(), want) {
			t.Errorf("CheckText(%q) = %v, want %q", s, err, want)
		}
	}
	f("", "")
	f("plain – text \ufffd", "")
	f("a\x00b", "NUL character at byte 1")
	f("ab\xff", "invalid UTF-8 at byte 2")
	f("é\xc3", "invalid UTF-8 at byte 2")
}

func TestRecordCheckText(t *testing.T) {
	r := &Record{Schema: Schema, ID: "a", Text: "Putin spoke.",
		Entities: []Entity{{Text: "Putin", Actor: &Actor{Code: "RUS", Name: "Pu\x00tin"}}}}
	err := r.CheckText()
	if !errors.Is(err, ErrBadText) || !strings.HasPrefix(err.Error(), "entities[0].actor.name: ") {
		t.Errorf("CheckText = %v", err)
	}
	r.Entities[0].Actor.Name = "Putin"
	r.Title = "x\xffy"
	if err := r.CheckText(); err == nil || !strings.HasPrefix(err.Error(), "title: ") {
		t.Errorf("CheckText = %v", err)
	}
	r.Title = "ok"
	if err := r.CheckText(); err != nil {
		t.Errorf("CheckText = %v", err)
	}
}
