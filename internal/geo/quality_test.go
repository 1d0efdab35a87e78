package geo

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/text"
)

// fixtureDoc is one article of testdata/fixture.txt with its marked
// toponyms.
type fixtureDoc struct {
	text  string
	spans []text.Span
	cc    []string
}

// readFixture parses testdata/fixture.txt: toponyms marked [[name|ISO3]],
// articles separated by "---" lines, # comments.
func readFixture(t testing.TB) []fixtureDoc {
	t.Helper()
	b, err := os.ReadFile("testdata/fixture.txt")
	if err != nil {
		t.Fatal(err)
	}
	var docs []fixtureDoc
	var lines []string
	for _, l := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(l, "#") {
			continue
		}
		lines = append(lines, l)
	}
	for _, art := range strings.Split(strings.Join(lines, "\n"), "\n---\n") {
		var d fixtureDoc
		var sb strings.Builder
		for {
			i := strings.Index(art, "[[")
			if i < 0 {
				sb.WriteString(art)
				break
			}
			j := strings.Index(art[i:], "]]")
			if j < 0 {
				t.Fatalf("unclosed mark in %q", art[i:])
			}
			name, cc, _ := strings.Cut(art[i+2:i+j], "|")
			sb.WriteString(art[:i])
			d.spans = append(d.spans, text.Span{Start: sb.Len(), End: sb.Len() + len(name)})
			d.cc = append(d.cc, cc)
			sb.WriteString(name)
			art = art[i+j+2:]
		}
		d.text = strings.TrimSpace(sb.String())
		docs = append(docs, d)
	}
	return docs
}

// TestFixtureQuality is the committed quality floor: recognition F1 and
// the share of recognised toponyms placed in the right country on
// hand-written articles, with the gazetteer alone (no tagger).
func TestFixtureQuality(t *testing.T) {
	a, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	// Recognition counts (internal/eval's PRF would be an import cycle:
	// eval -> ner -> actor -> geo).
	var prf struct{ TP, FP, FN int }
	right, n := 0, 0
	for _, fd := range readFixture(t) {
		d := text.NewDocument("fixture", "", fd.text)
		if err := a.Annotate(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		used := make([]bool, len(d.Places))
		for i, s := range fd.spans {
			hit := -1
			for j, p := range d.Places {
				if !used[j] && p.Overlaps(s) {
					hit = j
					break
				}
			}
			if hit < 0 {
				prf.FN++
				t.Logf("missed %q", d.Slice(s))
				continue
			}
			used[hit] = true
			prf.TP++
			n++
			p := d.Places[hit]
			if want := strings.TrimPrefix(fd.cc[i], "-"); p.Country == want {
				right++
			} else {
				t.Logf("%q -> %s %s (%s), want %s", d.Slice(s), p.Name, p.Country, p.Feature, fd.cc[i])
			}
		}
		for j, u := range used {
			if !u {
				prf.FP++
				t.Logf("spurious %q -> %s %s", d.Slice(d.Places[j].Span), d.Places[j].Name, d.Places[j].Country)
			}
		}
	}
	acc := float64(right) / float64(n)
	p := float64(prf.TP) / float64(prf.TP+prf.FP)
	r := float64(prf.TP) / float64(prf.TP+prf.FN)
	f1 := 2 * p * r / (p + r)
	t.Logf("recognition P=%.3f R=%.3f F1=%.3f, country accuracy %.3f (%d/%d)", p, r, f1, acc, right, n)
	if f1 < 0.90 {
		t.Errorf("recognition F1 %.3f below the floor 0.90", f1)
	}
	if acc < 0.93 {
		t.Errorf("country accuracy %.3f below the floor 0.93", acc)
	}
}
