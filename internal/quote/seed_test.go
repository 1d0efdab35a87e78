package quote

import (
	"context"
	"encoding/json"
	"os"
	"testing"

	"github.com/newsgraph/newsgraph/internal/devdata"
	"github.com/newsgraph/newsgraph/internal/text"
)

func annotateText(t testing.TB, a *Annotator, d *text.Document) {
	t.Helper()
	if err := (text.Segmenter{}).Annotate(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if err := a.Annotate(context.Background(), d); err != nil {
		t.Fatal(err)
	}
}

func dump(t testing.TB, d *text.Document) {
	t.Helper()
	for _, q := range d.Quotes {
		sp, name, cue := "", "", ""
		if q.Speaker != nil {
			sp, name = d.Slice(q.Speaker.Span), q.Speaker.Name
		}
		if q.Cue != nil {
			cue = d.Slice(*q.Cue)
		}
		t.Logf("%-8s spk=%q name=%q cue=%q | %.90q", q.Kind, sp, name, cue, d.Slice(q.Span))
	}
}

func TestSeedDump(t *testing.T) {
	p := devdata.File(t, "seed/seed-article.json")
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	var in struct{ Title, Text string }
	if err := json.Unmarshal(b, &in); err != nil {
		t.Fatal(err)
	}
	a, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	d := text.NewDocument("seed", in.Title, in.Text)
	annotateText(t, a, d)
	dump(t, d)
}

func TestFixtureDump(t *testing.T) {
	b, _ := os.ReadFile("testdata/article.txt")
	a, _ := New(Options{})
	d := text.NewDocument("fx", "", string(b))
	annotateText(t, a, d)
	dump(t, d)
}
