package ner

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/internal/learn"
)

// TrainOptions configures Train.
type TrainOptions struct {
	// Epochs is the number of passes over the corpus. Default 8.
	Epochs int
	// MinCount drops features seen fewer times in the corpus. Default 2.
	MinCount int
	// Seed fixes the shuffling order, so that training is reproducible.
	// Default 1.
	Seed uint64
	// CaseCopies adds, for one sentence in CaseCopies, a copy in capitals
	// and one in title case (headline style), so that the tagger learns
	// names in headlines and all-caps datelines, which news corpora rarely
	// tag. Default 20; negative for none.
	CaseCopies int
	// FirstNames lists given names (any case), a feature of their own and
	// of the word after them.
	FirstNames []string
	// Clusters configures the word clusters.
	Clusters ClusterOptions
	// Runs is the number of models trained with seeds Seed, Seed+1, ...
	// whose weights are averaged. Default 1.
	Runs int
	// Log receives progress lines; nil for none.
	Log io.Writer
}

// EnsureDefaults fills unset fields with their defaults.
func (o *TrainOptions) EnsureDefaults() {
	if o.Epochs == 0 {
		o.Epochs = 8
	}
	if o.MinCount == 0 {
		o.MinCount = 2
	}
	if o.Seed == 0 {
		o.Seed = 1
	}
	if o.Runs == 0 {
		o.Runs = 1
	}
	if o.CaseCopies == 0 {
		o.CaseCopies = 20
	}
}

// Validate reports an option out of range.
func (o *TrainOptions) Validate() error {
	if o.Epochs < 1 || o.Epochs > 100 {
		return fmt.Errorf("ner: epochs %d out of range 1..100", o.Epochs)
	}
	if o.MinCount < 1 {
		return fmt.Errorf("ner: min count %d below 1", o.MinCount)
	}
	if o.Runs < 1 || o.Runs > 16 {
		return fmt.Errorf("ner: runs %d out of range 1..16", o.Runs)
	}
	return nil
}

// trainer is one run of the averaged perceptron (learn.Trainer over the
// tags) with the lexicon its features read.
type trainer struct {
	lt *learn.Trainer
	lx lexicon
}

// model returns the averaged weights as a Model.
func (tr *trainer) model() (*Model, error) {
	lm, err := tr.lt.Average(learn.AverageOptions{})
	if err != nil {
		return nil, fmt.Errorf("cannot average the weights: %w", err)
	}
	return newModel(lm, tr.lx), nil
}

// featureTable interns the static features of the corpus, so that each
// word keeps int32 ids rather than 64-bit hashes.
type featureTable struct {
	ids   map[uint64]int32
	feats []uint64
}

func (ft *featureTable) id(f uint64) int32 {
	if id, ok := ft.ids[f]; ok {
		return id
	}
	id := int32(len(ft.feats))
	ft.ids[f] = id
	ft.feats = append(ft.feats, f)
	return id
}

// Train learns a model from tagged sentences with an averaged perceptron and
// greedy left-to-right decoding, the same decoding the tagger uses. Word
// clusters are built from the words of train and of unlabelled (sentences
// of words from other news text), and shipped in the model. When dev is not
// empty, the dev F1 is logged after each epoch. ctx cancels it.
func Train(ctx context.Context, train, dev []Sentence, unlabelled [][]string, o TrainOptions) (*Model, error) {
	o.EnsureDefaults()
	if err := o.Validate(); err != nil {
		return nil, err
	}
	logf := func(format string, a ...any) {
		if o.Log != nil {
			fmt.Fprintf(o.Log, format, a...)
		}
	}
	start := time.Now()
	corpus := make([][]string, 0, len(train)+len(unlabelled))
	for _, s := range train {
		corpus = append(corpus, s.Words)
	}
	corpus = append(corpus, unlabelled...)
	lx := lexicon{clusters: buildClusters(corpus, o.Clusters), firstNames: map[uint64]bool{}}
	for _, n := range o.FirstNames {
		lx.firstNames[lx.token(n).lower] = true
	}
	if o.CaseCopies > 0 {
		n := len(train)
		for i := 0; i < n; i += o.CaseCopies {
			train = append(train, recase(train[i], strings.ToUpper))
			if i+1 < n {
				train = append(train, recase(train[i+1], titleCase))
			}
		}
		logf("case copies: %d sentences\n", len(train)-n)
	}
	logf("clusters: %d words from %d sentences in %s\n", len(lx.clusters), len(corpus), time.Since(start).Round(time.Millisecond))
	// Static features of every word, computed once: count, then intern
	// those seen MinCount times.
	counts := map[uint64]int32{}
	var buf []uint64
	toksOf := func(s Sentence) []token {
		toks := make([]token, len(s.Words))
		for i, w := range s.Words {
			toks[i] = lx.token(w)
		}
		return toks
	}
	// Gazetteer: the whole corpus for the model, jackknifed for training.
	total := gazCounts{}
	folds := make([]gazCounts, gazFolds)
	for k := range folds {
		folds[k] = gazCounts{}
	}
	all := make([]sentInfo, len(train))
	for si, s := range train {
		toks := toksOf(s)
		total.add(s, toks)
		folds[si%gazFolds].add(s, toks)
		all[si].toks = toks
	}
	lx.gazetteer = make(map[uint64]uint8, len(total))
	for h, c := range total {
		lx.gazetteer[h] = majority(c, nil)
	}
	logf("gazetteer: %d names\n", len(lx.gazetteer))
	for si, s := range train {
		fold := folds[si%gazFolds]
		toks := all[si].toks
		markGazetteer(toks, func(h uint64) uint8 {
			c := total[h]
			if c == nil {
				return 0
			}
			return majority(c, fold[h])
		})
		caps := headline(toks)
		for i := range toks {
			buf = staticFeatures(buf[:0], toks, i, caps)
			for _, f := range buf {
				counts[f]++
			}
		}
		all[si] = sentInfo{toks: toks, tags: s.Tags}
	}
	ft := &featureTable{ids: map[uint64]int32{}}
	for si := range all {
		s := &all[si]
		caps := headline(s.toks)
		s.ids = make([][]int32, len(s.toks))
		for i := range s.toks {
			buf = staticFeatures(buf[:0], s.toks, i, caps)
			ids := make([]int32, 0, len(buf))
			for _, f := range buf {
				if counts[f] >= int32(o.MinCount) {
					ids = append(ids, ft.id(f))
				}
			}
			s.ids[i] = ids
		}
	}
	logf("features: %d kept of %d (min count %d) in %s\n", len(ft.feats), len(counts), o.MinCount, time.Since(start).Round(time.Millisecond))
	counts = nil
	var models []*learn.Model
	for r := 0; r < o.Runs; r++ {
		tr := &trainer{lt: learn.NewTrainer(numTags), lx: lx}
		if err := tr.run(ctx, all, ft.feats, dev, o.Seed+uint64(r), o.Epochs, start, logf); err != nil {
			return nil, err
		}
		if o.Runs == 1 {
			return tr.model()
		}
		lm, err := tr.lt.Average(learn.AverageOptions{})
		if err != nil {
			return nil, fmt.Errorf("cannot average the weights: %w", err)
		}
		models = append(models, lm)
	}
	lm, err := learn.Mean(models...)
	if err != nil {
		return nil, fmt.Errorf("cannot merge the runs: %w", err)
	}
	m := newModel(lm, lx)
	if len(dev) > 0 {
		logf("merged %d runs: dev F1 PER/ORG/LOC %.4f\n", len(models), ScoreSentences(m, dev))
	}
	return m, nil
}

// sentInfo is one training sentence with its cached static feature ids.
type sentInfo struct {
	ids  [][]int32
	toks []token
	tags []uint8
}

// run trains tr for epochs passes over all in an order shuffled with seed;
// feats maps the static feature ids of all to their hashes.
func (tr *trainer) run(ctx context.Context, all []sentInfo, feats []uint64, dev []Sentence, seed uint64, epochs int, start time.Time, logf func(string, ...any)) error {
	rng := rand.New(rand.NewPCG(seed, 0x6e6572))
	order := make([]int, len(all))
	for i := range order {
		order[i] = i
	}
	var fs []uint64
	for ep := 1; ep <= epochs; ep++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		errs, n := 0, 0
		for _, si := range order {
			s := &all[si]
			prev, prev2 := tagStart, tagStart
			for i := range s.toks {
				fs = fs[:0]
				for _, id := range s.ids[i] {
					fs = append(fs, feats[id])
				}
				fs = dynamicFeatures(fs, &s.toks[i], prev, prev2)
				var sc [numTags]float32
				tr.lt.Score(fs, sc[:])
				best := tagO
				for t := 1; t < numTags; t++ {
					if sc[t] > sc[best] && allowed(prev, t) {
						best = t
					}
				}
				gold := int(s.tags[i])
				n++
				// Update only where the gold tag could have been chosen:
				// after a wrong B-/I- the gold I- tag is out of reach,
				// and pushing it up there only distorts its weights.
				if best != gold && allowed(prev, gold) {
					errs++
					tr.lt.Update(fs, gold, best)
				}
				tr.lt.Tick()
				prev2, prev = prev, best
			}
		}
		msg := fmt.Sprintf("epoch %d: train token error %.4f, %d features, %s", ep, float64(errs)/float64(n), tr.lt.Features(), time.Since(start).Round(time.Millisecond))
		if len(dev) > 0 {
			m, err := tr.model()
			if err != nil {
				return err
			}
			msg += fmt.Sprintf(", dev F1 PER/ORG/LOC %.4f", ScoreSentences(m, dev))
		}
		logf("%s\n", msg)
	}
	return nil
}

// recase returns a copy of s with every word passed through f.
func recase(s Sentence, f func(string) string) Sentence {
	words := make([]string, len(s.Words))
	for i, w := range s.Words {
		words[i] = f(w)
	}
	return Sentence{Words: words, Tags: s.Tags}
}

// titleCase capitalises w's first letter, except for short function words,
// as headlines do.
func titleCase(w string) string {
	switch w {
	case "a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "by", "'s":
		return w
	}
	r, n := utf8.DecodeRuneInString(w)
	return string(unicode.ToUpper(r)) + w[n:]
}

// tagWords tags a sentence's words with m into d.tags.
func (m *Model) tagWords(d *decoder, words []string) {
	d.reset(len(words))
	for _, w := range words {
		d.toks = append(d.toks, m.token(w))
	}
	markGazetteer(d.toks, m.lookGaz)
	m.decode(d)
}

// ScoreSentences tags the words of each sentence with m and returns the
// overall F1 over PER, ORG and LOC (exact match).
func ScoreSentences(m *Model, sents []Sentence) float64 {
	var d decoder
	tp, fp, fn := 0, 0, 0
	var gold, pred []Entity
	for _, s := range sents {
		m.tagWords(&d, s.Words)
		gold = tagsToEntities(s.Tags, gold[:0])
		pred = tagsToEntities(d.tags, pred[:0])
		g := map[Entity]bool{}
		for _, e := range gold {
			if e.Type != "NORP" {
				g[e] = true
			}
		}
		for _, e := range pred {
			if e.Type == "NORP" {
				continue
			}
			if g[e] {
				tp++
				delete(g, e)
			} else {
				fp++
			}
		}
		fn += len(g)
	}
	if tp == 0 {
		return 0
	}
	p, r := float64(tp)/float64(tp+fp), float64(tp)/float64(tp+fn)
	return 2 * p * r / (p + r)
}
