package syntax

import (
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"strconv"
	"testing"

	"github.com/newsgraph/newsgraph/internal/conllu"
)

// TestXConvert converts a gzip model of the first format to zstd, pruned:
// XCONVERT=in.gz XOUT=out.zst XMIN=1.0.
func TestXConvert(t *testing.T) {
	in := os.Getenv("XCONVERT")
	if in == "" {
		t.Skip()
	}
	f, err := os.Open(in)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	m, err := decode(raw)
	if err != nil {
		t.Fatal(err)
	}
	th, _ := strconv.ParseFloat(os.Getenv("XMIN"), 64)
	m2 := &Model{tagger: m.tagger, parser: m.parser, lemmas: m.lemmas}
	m2.parser.model = m.parser.model.Prune(th)
	m2.tagger.model = m.tagger.model.Prune(th)
	w, _ := os.Create(os.Getenv("XOUT"))
	if err := m2.Write(w); err != nil {
		t.Fatal(err)
	}
	w.Close()
	if os.Getenv("XDEV") == "" {
		return
	}
	g, _ := os.Open(os.Getenv("XDEV"))
	gold, _ := conllu.ReadAll(g)
	var a Analysis
	n, u, l := 0, 0, 0
	for _, s := range gold {
		m2.Analyse(s.Forms(), &a)
		for i, x := range s.Words {
			n++
			if a.Heads[i]+1 == x.Head {
				u++
				if m2.parser.labels[a.Rels[i]] == x.Deprel {
					l++
				}
			}
		}
	}
	fi, _ := os.Stat(os.Getenv("XOUT"))
	fmt.Printf("min=%v parser features=%d weights=%d UAS=%.4f LAS=%.4f size=%d\n", th, m2.parser.model.Features(), m2.parser.model.Weights(), float64(u)/float64(n), float64(l)/float64(n), fi.Size())
}
