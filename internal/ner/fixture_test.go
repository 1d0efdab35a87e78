package ner

import (
	"bufio"
	"os"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/devdata"
)

// readFixture parses lines with [TYPE words] marks into text and typed
// byte spans.
func readFixture(t *testing.T, path string) (string, map[[3]any]bool) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var b strings.Builder
	gold := map[[3]any]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		l := sc.Text()
		if strings.HasPrefix(l, "#") || l == "" {
			continue
		}
		for {
			i := strings.Index(l, "[")
			if i < 0 {
				b.WriteString(l)
				break
			}
			b.WriteString(l[:i])
			j := strings.Index(l[i:], "]")
			sp := strings.IndexByte(l[i:], ' ')
			if j < 0 || sp < 0 || sp > j {
				t.Fatalf("bad mark in %q", l)
			}
			typ, name := l[i+1:i+sp], l[i+sp+1:i+j]
			gold[[3]any{b.Len(), b.Len() + len(name), typ}] = true
			b.WriteString(name)
			l = l[i+j+1:]
		}
		b.WriteByte('\n')
	}
	return b.String(), gold
}

// TestFixtureFloor fails when the embedded model's quality on the
// hand-written fixture drops below its floor.
func TestFixtureFloor(t *testing.T) {
	txt, gold := readFixture(t, "testdata/fixture.txt")
	d := tagText(t, txt)
	tp, fp := 0, 0
	for _, e := range d.Entities {
		k := [3]any{e.Start, e.End, e.Type}
		if gold[k] {
			tp++
			delete(gold, k)
		} else {
			fp++
			t.Logf("FP %s %q", e.Type, d.Slice(e.Span))
		}
	}
	for k := range gold {
		t.Logf("FN %s %q", k[2], txt[k[0].(int):k[1].(int)])
	}
	fn := len(gold)
	f1 := 2 * float64(tp) / float64(2*tp+fp+fn)
	t.Logf("fixture: tp=%d fp=%d fn=%d F1=%.3f", tp, fp, fn, f1)
	const floor = 0.80
	if f1 < floor {
		t.Errorf("fixture F1 %.3f below floor %.2f", f1, floor)
	}
}

// TestGMBDev checks the dev F1 over PER/ORG/LOC of the embedded model.
// The floor is issue 3's target.
func TestGMBDev(t *testing.T) {
	f, err := os.Open(devdata.File(t, "gmb-dev.conll"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sents, err := ReadCoNLL(f)
	if err != nil {
		t.Fatal(err)
	}
	m, err := DefaultModel()
	if err != nil {
		t.Fatal(err)
	}
	f1 := ScoreSentences(m, sents)
	t.Logf("gmb-dev F1 PER/ORG/LOC %.4f", f1)
	const floor = 0.85
	if f1 < floor {
		t.Errorf("gmb-dev F1 %.4f below floor %.2f", f1, floor)
	}
}
