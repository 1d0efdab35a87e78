package quote

import (
	"bufio"
	"encoding/json"
	"os"
	"testing"

	"github.com/newsgraph/newsgraph/internal/devdata"
	"github.com/newsgraph/newsgraph/internal/text"
)

// BenchmarkWikinews annotates the 270 Wikinews articles of the shared
// development data (skipped when absent), segmented beforehand.
func BenchmarkWikinews(b *testing.B) {
	f, err := os.Open(devdata.File(b, "articles/wikinews.jsonl"))
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	var docs []*text.Document
	size := 0
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var in struct{ ID, Text string }
		if err := json.Unmarshal(sc.Bytes(), &in); err != nil {
			b.Fatal(err)
		}
		d := text.NewDocument(in.ID, "", in.Text)
		annotate(b, newAnnotator(b, Options{}), d)
		docs = append(docs, d)
		size += len(in.Text)
	}
	a := newAnnotator(b, Options{})
	b.ReportAllocs()
	b.SetBytes(int64(size))
	for b.Loop() {
		for _, d := range docs {
			d.Quotes = d.Quotes[:0]
			if err := a.Annotate(b.Context(), d); err != nil {
				b.Fatal(err)
			}
		}
	}
}
