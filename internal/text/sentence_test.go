package text

import (
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/devdata"
)

func TestSplit(t *testing.T) {
	f := func(in string, want ...string) {
		t.Helper()
		toks := Tokenize(nil, in)
		var got []string
		for _, s := range Split(nil, in, toks) {
			got = append(got, in[s.Start:s.End])
		}
		if strings.Join(got, "‖") != strings.Join(want, "‖") {
			t.Errorf("Split(%q)\n got %q\nwant %q", in, got, want)
		}
	}
	f("One. Two.", "One.", "Two.")
	f("Mr. Smith went to Washington. He met Gen. Allen.", "Mr. Smith went to Washington.", "He met Gen. Allen.")
	f("It rose 3.5 percent. Shares fell.", "It rose 3.5 percent.", "Shares fell.")
	f("“We agree,” he said. “Good.”", "“We agree,” he said.", "“Good.”")
	f("“Is it over?” she asked.", "“Is it over?” she asked.")
	f("He lived in the U.S. The move surprised him.", "He lived in the U.S.", "The move surprised him.")
	f("Apple Inc. said on Feb. 3 it would.", "Apple Inc. said on Feb. 3 it would.")
	f("Headline without stop\nMOSCOW (AA) – Body here.", "Headline without stop", "MOSCOW (AA) – Body here.")
	f("J. K. Rowling wrote it. (She denied it.) Then left.", "J. K. Rowling wrote it.", "(She denied it.)", "Then left.")
	f("Why? Nobody knows! Maybe...", "Why?", "Nobody knows!", "Maybe...")
	f("He said: \"Stop.\" They stopped.", "He said: \"Stop.\"", "They stopped.")
	f("Visit example.com. Then go.", "Visit example.com.", "Then go.")
}

func TestFixtureArticle(t *testing.T) {
	b, err := os.ReadFile("testdata/article.txt")
	if err != nil {
		t.Fatal(err)
	}
	d := &Document{Text: string(b)}
	Segmenter{}.Annotate(context.Background(), d)
	if len(d.Sentences) != 17 {
		for i, s := range d.Sentences {
			t.Logf("%d %q", i, d.Slice(s.Span))
		}
		t.Errorf("got %d sentences, want 17", len(d.Sentences))
	}
}

// TestSeed checks the canonical article: 15 sentences (the title and the
// body's 14) and every record span equal to its code-point slice.
func TestSeed(t *testing.T) {
	p := devdata.File(t, "seed/seed-article.json")
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	var in struct{ Title, Text string }
	if err := json.Unmarshal(b, &in); err != nil {
		t.Fatal(err)
	}
	d := NewDocument("seed", in.Title, in.Text)
	Segmenter{}.Annotate(context.Background(), d)
	r := d.Record()
	if r.Text != in.Title+"\n\n"+in.Text {
		t.Fatal("text is not title + blank line + body")
	}
	if len(r.Sentences) != 15 {
		t.Errorf("got %d sentences, want 15", len(r.Sentences))
	}
	runes := []rune(r.Text)
	if got := string(runes[r.Sentences[3].Start:r.Sentences[3].End]); !strings.HasPrefix(got, "“In this regard") || !strings.HasSuffix(got, "he said.") {
		t.Errorf("sentence 3 = %q", got)
	}
}
