package eval

import (
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/internal/conllu"
	"github.com/newsgraph/newsgraph/internal/syntax"
)

// ParserScore counts a tagger and parser's agreement with gold trees on
// the gold tokenisation, every word (punctuation included) counted, as the
// CoNLL 2018 shared task scores with gold words.
type ParserScore struct {
	Words, UPOS, XPOS, UAS, LAS int
	Lemma                       int // lemmas equal to the gold's, case aside
	Sentences                   int
}

func (s *ParserScore) add(o ParserScore) {
	s.Words += o.Words
	s.UPOS += o.UPOS
	s.XPOS += o.XPOS
	s.UAS += o.UAS
	s.LAS += o.LAS
	s.Lemma += o.Lemma
	s.Sentences += o.Sentences
}

// Line formats the scores as `UPOS=0.xxx XPOS=0.xxx UAS=0.xxx LAS=0.xxx`.
func (s ParserScore) Line() string {
	return fmt.Sprintf("UPOS=%.3f XPOS=%.3f UAS=%.3f LAS=%.3f", ratio(s.UPOS, s.Words), ratio(s.XPOS, s.Words), ratio(s.UAS, s.Words), ratio(s.LAS, s.Words))
}

// ParserResult is the score overall and per genre (the `# newdoc id`
// prefix: EWT's weblog, newsgroup, ...; GUM's GUM_news, ...).
type ParserResult struct {
	All      ParserScore
	ByGenre  map[string]ParserScore
	Elapsed  time.Duration
	Relation map[string][2]int // gold relation → [LAS hits, total]
}

// NewsGenres are the news-like genres reported together.
var NewsGenres = []string{"GUM_news", "GUM_interview", "newsgroup", "weblog"}

// Parser scores m on gold sentences. Relations are compared on their
// universal part and subtype both ("obl:agent" ≠ "obl").
func Parser(m *syntax.Model, gold []*conllu.Sentence) ParserResult {
	r := ParserResult{ByGenre: map[string]ParserScore{}, Relation: map[string][2]int{}}
	tags, labels := m.Tagger().Tags(), m.Parser().Labels()
	var a syntax.Analysis
	t0 := time.Now()
	for _, s := range gold {
		m.Analyse(s.Forms(), &a)
		var sc ParserScore
		sc.Sentences = 1
		for i, w := range s.Words {
			sc.Words++
			t := tags[a.Tags[i]]
			if t.UPOS == w.UPOS {
				sc.UPOS++
			}
			if t.XPOS == w.XPOS {
				sc.XPOS++
			}
			if strings.EqualFold(a.Lemmas[i], w.Lemma) {
				sc.Lemma++
			}
			rel := r.Relation[w.Deprel]
			rel[1]++
			if a.Heads[i]+1 == w.Head {
				sc.UAS++
				if labels[a.Rels[i]] == w.Deprel {
					sc.LAS++
					rel[0]++
				}
			}
			r.Relation[w.Deprel] = rel
		}
		r.All.add(sc)
		g := r.ByGenre[s.Genre()]
		g.add(sc)
		r.ByGenre[s.Genre()] = g
	}
	r.Elapsed = time.Since(t0)
	return r
}

// ParserFile reads a CoNLL-U file and scores m on it.
func ParserFile(m *syntax.Model, path string) (ParserResult, error) {
	f, err := os.Open(path)
	if err != nil {
		return ParserResult{}, fmt.Errorf("cannot open gold: %w", err)
	}
	defer f.Close()
	sents, err := conllu.ReadAll(f)
	if err != nil {
		return ParserResult{}, err
	}
	return Parser(m, sents), nil
}

// Write prints the per-genre scores, the news-like genres together, the
// relations with the most errors, then the overall line last.
func (r ParserResult) Write(w io.Writer) {
	genres := slices.Sorted(maps.Keys(r.ByGenre))
	var news ParserScore
	for _, g := range genres {
		s := r.ByGenre[g]
		fmt.Fprintf(w, "%-16s %6d words  %s\n", g, s.Words, s.Line())
		if slices.Contains(NewsGenres, g) {
			news.add(s)
		}
	}
	if news.Words > 0 {
		fmt.Fprintf(w, "%-16s %6d words  %s\n", "news-like", news.Words, news.Line())
	}
	type relErr struct {
		rel      string
		hit, tot int
	}
	var errs []relErr
	for rel, v := range r.Relation {
		errs = append(errs, relErr{rel, v[0], v[1]})
	}
	slices.SortFunc(errs, func(a, b relErr) int { return (b.tot - b.hit) - (a.tot - a.hit) })
	fmt.Fprint(w, "most missed relations (LAS):")
	for _, e := range errs[:min(len(errs), 10)] {
		fmt.Fprintf(w, " %s %.2f/%d", e.rel, ratio(e.hit, e.tot), e.tot)
	}
	fmt.Fprintln(w)
	wps := float64(r.All.Words) / max(r.Elapsed.Seconds(), 1e-9)
	fmt.Fprintf(w, "%d sentences, %d words, %.0f words/s\n", r.All.Sentences, r.All.Words, wps)
	fmt.Fprintf(w, "lemmas %.3f (news-like %.3f)\n", ratio(r.All.Lemma, r.All.Words), ratio(news.Lemma, news.Words))
	fmt.Fprintln(w, r.All.Line())
}
