package syntax

import (
	"fmt"
	"os"
	"testing"

	"github.com/newsgraph/newsgraph/internal/conllu"
)

func TestXPrune(t *testing.T) {
	p := os.Getenv("XPRUNE")
	if p == "" {
		t.Skip()
	}
	m, err := Open(p)
	if err != nil {
		t.Fatal(err)
	}
	f, _ := os.Open("/work/shared/data/ud-dev.conllu")
	gold, _ := conllu.ReadAll(f)
	for _, th := range []float64{0, 0.2, 0.5, 1, 2} {
		m2 := &Model{tagger: m.tagger, parser: m.parser, lemmas: m.lemmas}
		m2.parser.model = m.parser.model.Prune(th)
		m2.tagger.model = m.tagger.model.Prune(th)
		var a Analysis
		w, u, l := 0, 0, 0
		for _, s := range gold {
			m2.Analyse(s.Forms(), &a)
			for i, x := range s.Words {
				w++
				if a.Heads[i]+1 == x.Head {
					u++
					if m2.parser.labels[a.Rels[i]] == x.Deprel {
						l++
					}
				}
			}
		}
		fw, _ := os.Create(fmt.Sprintf("/tmp/pruned-%v.gz", th))
		m2.Write(fw)
		fw.Close()
		fi, _ := os.Stat(fmt.Sprintf("/tmp/pruned-%v.gz", th))
		fmt.Printf("th=%v feats=%d weights=%d UAS=%.4f LAS=%.4f size=%d\n", th, m2.parser.model.Features(), m2.parser.model.Weights(), float64(u)/float64(w), float64(l)/float64(w), fi.Size())
	}
}
