package text

import (
	"errors"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/record"
)

func TestClean(t *testing.T) {
	f := func(title, body, source, wantErr, wantText string) {
		t.Helper()
		d := NewDocument("a1", title, body)
		d.Source = source
		err := d.Clean()
		if wantErr != "" {
			if err == nil || !errors.Is(err, record.ErrBadText) || !strings.Contains(err.Error(), wantErr) {
				t.Errorf("Clean(%q, %q, %q) = %v, want error with %q", title, body, source, err, wantErr)
			}
			return
		}
		if err != nil {
			t.Fatalf("Clean(%q, %q, %q): %v", title, body, source, err)
		}
		if d.Text != wantText || d.Text[d.BodyStart:] != strings.TrimPrefix(wantText, d.Title+"\n\n") {
			t.Errorf("Clean(%q, %q, %q): text %q (body at %d), want %q", title, body, source, d.Text, d.BodyStart, wantText)
		}
	}
	f("Title", "Body.", "Wire", "", "Title\n\nBody.")
	f("Ti\x00tle", "Body.", "Wire", "title: record: text cannot be stored: NUL character at byte 2", "")
	f("Title", "Bo\x00dy.", "Wire", "text: record: text cannot be stored: NUL", "")
	f("Title", "Body.", "Wi\x00re", "source: record: text cannot be stored: NUL", "")
	f("T\xffitle", "B\xfe\xffody.", "Wire", "", "T\ufffditle\n\nB\ufffdody.")
	f("", "B\xffody.", "Wire", "", "B\ufffdody.")
}

// FuzzClean: a cleaned document satisfies the text rule in every field, or
// Clean refuses it for a NUL; the body stays where BodyStart says.
func FuzzClean(f *testing.F) {
	f.Add("Title", "Body.", "Wire")
	f.Add("T\xffitle", "B\xfe\xffody\x00.", "W\x00")
	f.Add("", "\xc3", "")
	f.Fuzz(func(t *testing.T, title, body, source string) {
		d := NewDocument("id", title, body)
		d.Source = source
		err := d.Clean()
		hasNUL := strings.ContainsRune(title+body+source, 0)
		if err != nil {
			if !hasNUL || !errors.Is(err, record.ErrBadText) {
				t.Fatalf("Clean(%q, %q, %q): %v", title, body, source, err)
			}
			return
		}
		if hasNUL {
			t.Fatalf("Clean(%q, %q, %q) kept a NUL", title, body, source)
		}
		if err := d.Record().CheckText(); err != nil {
			t.Fatalf("Clean(%q, %q, %q) left %v", title, body, source, err)
		}
		if d.Title != "" && d.Text[:d.BodyStart] != d.Title+"\n\n" {
			t.Fatalf("BodyStart %d does not follow the title %q in %q", d.BodyStart, d.Title, d.Text)
		}
	})
}
