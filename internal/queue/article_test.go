package queue

import (
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/text"
)

// TestArticleDocumentPublished checks that a message's publication date is
// checked as the readers check theirs: a bad one is dropped with a warning
// (and the URL's date taken), a reader's source is kept.
func TestArticleDocumentPublished(t *testing.T) {
	f := func(a Article, want string, warnings int) {
		t.Helper()
		d, err := a.Document()
		if err != nil {
			t.Fatal(err)
		}
		if got := d.Published + "|" + d.PublishedFrom; got != want || len(d.Warnings) != warnings {
			t.Errorf("%+v: got %s %q, want %s and %d warnings", a, got, d.Warnings, want, warnings)
		}
	}
	f(Article{ID: "a", Body: "Talks.", Published: "yesterday"}, "|", 1)
	f(Article{ID: "a", Body: "Talks.", Published: "2023-13-45T99:99:99Z", URL: "https://x.org/2023/02/22/a"}, "2023-02-22|url", 1)
	f(Article{ID: "a", Body: "Talks.", Published: "2023-02-21", PublishedFrom: "dateline"}, "2023-02-21|dateline", 0)
	f(Article{ID: "a", Body: "Talks.", Published: "2023-02-21"}, "2023-02-21|given", 0)
	// The message carries where the reader found the date.
	m := FromDocument(mustDoc(t, Article{ID: "a", Body: "MOSCOW, Feb 22 (AA) – Talks.", URL: "https://x.org/2023/a"}))
	if m.Published != "2023-02-22" || m.PublishedFrom != "dateline" || !strings.HasPrefix(m.Body, "MOSCOW") {
		t.Errorf("message %+v", m)
	}
}

func mustDoc(t *testing.T, a Article) *text.Document {
	t.Helper()
	d, err := a.Document()
	if err != nil {
		t.Fatal(err)
	}
	return d
}
