package syntax

import (
	"fmt"
	"io"
	"math/rand/v2"
	"time"

	"github.com/newsgraph/newsgraph/internal/conllu"
	"github.com/newsgraph/newsgraph/internal/learn"
)

// TrainOptions configure Train. Zero values take the defaults in the
// comments.
type TrainOptions struct {
	// TagIterations is the number of passes of the tagger (default 8).
	TagIterations int
	// Iterations is the number of passes of the parser (default 15).
	Iterations int
	// Folds is the number of jackknife folds that tag the parser's training
	// data with taggers that did not see it, so the parser learns from tags
	// as good as those it will get (default 5; 1 uses the final tagger).
	Folds int
	// Explore is the probability of following the parser's own move, right
	// or wrong, after the first pass (default 0.9; dynamic oracle).
	Explore float64
	// Seed seeds the shuffles and the exploration (default 1).
	Seed uint64
	// Seeds is the number of parsers trained, the first with Seed and the
	// others with Seed+1, Seed+2, ..., whose weights are averaged into the
	// one model (default 1): an ensemble scored at the cost of one parser,
	// pruned by MinWeight after the mean. Seeds 3 and TagSeeds 3 gave
	// ud-dev UAS 0.843 -> 0.845, LAS 0.809 -> 0.812 and a model of 5.3 MB
	// instead of 6.1, for 2.4 times the training time, but PETRARCH-2 dyads
	// 0.712 -> 0.682, so the embedded model is a single run.
	Seeds int
	// TagSeeds is the same for the final tagger (default 1; the jackknife
	// taggers are single).
	TagSeeds int
	// MinWeight drops averaged weights below it (default 1.5: the
	// embedded model loses 0.003 LAS against 0.05 for a third of the size).
	MinWeight float64
	// Lexicon is a news corpus of words with Penn tags (word, tag pairs;
	// GMB's gmb-train.conll in the Makefile); each word seen at least
	// twice there gives the tagger its commonest tag as a feature. Nil
	// trains without.
	Lexicon [][2]string
	// Log receives progress lines; nil discards them.
	Log io.Writer
	// Checkpoint, when set, is called with the averaged model after every
	// third parser pass (an eval on a dev set, say); with several Seeds,
	// during the first parser's training only, its last pass included.
	Checkpoint func(pass int, m *Model)
}

// EnsureDefaults fills the zero fields with their defaults.
func (o *TrainOptions) EnsureDefaults() {
	if o.TagIterations == 0 {
		o.TagIterations = 8
	}
	if o.Iterations == 0 {
		o.Iterations = 15
	}
	if o.Folds == 0 {
		o.Folds = 5
	}
	if o.Explore == 0 {
		o.Explore = 0.9
	}
	if o.Seed == 0 {
		o.Seed = 1
	}
	if o.MinWeight == 0 {
		o.MinWeight = 1.5
	}
	if o.Seeds == 0 {
		o.Seeds = 1
	}
	if o.TagSeeds == 0 {
		o.TagSeeds = 1
	}
	if o.Log == nil {
		o.Log = io.Discard
	}
}

// example is one training sentence in the model's ids.
type example struct {
	words []string
	info  []wordInfo
	tags  []uint16 // gold
	pred  []uint16 // jackknifed predictions, for the parser
	heads []int    // parser numbering: root = n
	rels  []int
}

// Train trains a tagger, lemmatiser and parser on sents.
func Train(sents []*conllu.Sentence, o TrainOptions) (*Model, error) {
	o.EnsureDefaults()
	m := &Model{lemmas: map[string]string{}}
	tagID := map[Tag]uint16{}
	labelID := map[string]int{}
	var exs []*example
	for _, s := range sents {
		ex := &example{words: s.Forms()}
		ok := true
		for _, w := range s.Words {
			if w.Head < 0 {
				ok = false
				break
			}
			t := Tag{w.UPOS, w.XPOS}
			id, seen := tagID[t]
			if !seen {
				id = uint16(len(m.tagger.tags))
				tagID[t] = id
				m.tagger.tags = append(m.tagger.tags, t)
			}
			ex.tags = append(ex.tags, id)
			l, seen := labelID[w.Deprel]
			if !seen {
				l = len(m.parser.labels)
				labelID[w.Deprel] = l
				m.parser.labels = append(m.parser.labels, w.Deprel)
			}
			h := w.Head - 1
			if w.Head == 0 {
				h = len(s.Words)
			}
			ex.heads = append(ex.heads, h)
			ex.rels = append(ex.rels, l)
		}
		if !ok {
			continue
		}
		ex.info = make([]wordInfo, len(ex.words))
		exs = append(exs, ex)
	}
	if len(exs) == 0 {
		return nil, fmt.Errorf("syntax: no training sentences with heads")
	}
	m.parser.setLabels(m.parser.labels)
	if len(m.parser.labels) > 63 {
		return nil, fmt.Errorf("syntax: %d relations, at most 63", len(m.parser.labels))
	}
	m.tagger.lex, m.tagger.lexTags = newsLexicon(o.Lexicon)
	for _, ex := range exs {
		describe(ex.info, ex.words, nil, m.tagger.lex)
	}
	fmt.Fprintf(o.Log, "%d sentences, %d tags, %d relations, news lexicon of %d words\n", len(exs), len(m.tagger.tags), len(m.parser.labels), len(m.tagger.lex))
	m.tagger.dict = tagDict(exs, len(m.tagger.tags))
	m.lemmas = lemmaTable(sents)
	rng := rand.New(rand.NewPCG(o.Seed, 7))

	// Jackknife: tag each fold with a tagger trained on the others.
	if o.Folds > 1 {
		for k := 0; k < o.Folds; k++ {
			var train, held []*example
			for i, ex := range exs {
				if i%o.Folds == k {
					held = append(held, ex)
				} else {
					train = append(train, ex)
				}
			}
			t := m.tagger
			tr := trainTagger(train, &t, o, rng)
			var err error
			if t.model, err = tr.Average(learn.AverageOptions{MinWeight: o.MinWeight}); err != nil {
				return nil, err
			}
			for _, ex := range held {
				ex.pred = make([]uint16, len(ex.words))
				t.tag(ex.pred, ex.info, make([]int32, len(t.tags)))
			}
			fmt.Fprintf(o.Log, "fold %d tagged\n", k+1)
		}
	}
	tagTrainers := []*learn.Trainer{trainTagger(exs, &m.tagger, o, rng)}
	for i := 1; i < o.TagSeeds; i++ {
		r := rand.New(rand.NewPCG(o.Seed+uint64(i), 7))
		tagTrainers = append(tagTrainers, trainTagger(exs, &m.tagger, o, r))
	}
	var err error
	if m.tagger.model, err = learn.Ensemble(learn.AverageOptions{MinWeight: o.MinWeight}, tagTrainers...); err != nil {
		return nil, err
	}
	if o.Folds <= 1 {
		for _, ex := range exs {
			ex.pred = make([]uint16, len(ex.words))
			m.tagger.tag(ex.pred, ex.info, make([]int32, len(m.tagger.tags)))
		}
	}
	parseTrainers := []*learn.Trainer{trainParser(exs, m, o, rng, o.Checkpoint)}
	for i := 1; i < o.Seeds; i++ {
		fmt.Fprintf(o.Log, "parser with seed %d\n", o.Seed+uint64(i))
		r := rand.New(rand.NewPCG(o.Seed+uint64(i), 7))
		parseTrainers = append(parseTrainers, trainParser(exs, m, o, r, nil))
	}
	if m.parser.model, err = learn.Ensemble(learn.AverageOptions{MinWeight: o.MinWeight}, parseTrainers...); err != nil {
		return nil, err
	}
	return m, nil
}

// newsLexicon keeps, for each word seen at least twice in pairs, its
// commonest tag.
func newsLexicon(pairs [][2]string) (map[uint64]uint8, []string) {
	if len(pairs) == 0 {
		return nil, nil
	}
	tagID := map[string]uint8{}
	var tags []string
	counts := map[uint64]map[uint8]int{}
	var buf []byte
	for _, p := range pairs {
		id, ok := tagID[p[1]]
		if !ok {
			if len(tags) == 255 {
				continue
			}
			id = uint8(len(tags))
			tagID[p[1]] = id
			tags = append(tags, p[1])
		}
		buf = norm(buf[:0], p[0])
		k := learn.Bytes(buf)
		if counts[k] == nil {
			counts[k] = map[uint8]int{}
		}
		counts[k][id]++
	}
	lex := map[uint64]uint8{}
	for k, c := range counts {
		best, total := -1, 0
		for t, n := range c {
			total += n
			if best < 0 || n > c[uint8(best)] || (n == c[uint8(best)] && int(t) < best) {
				best = int(t)
			}
		}
		if total >= 2 {
			lex[k] = uint8(best)
		}
	}
	return lex, tags
}

// tagDict lists the words seen at least 20 times with one tag 99% of the
// time.
func tagDict(exs []*example, ntags int) map[uint64]uint16 {
	counts := map[uint64][]int{}
	for _, ex := range exs {
		for i, t := range ex.tags {
			c := counts[ex.info[i].form]
			if c == nil {
				c = make([]int, ntags)
				counts[ex.info[i].form] = c
			}
			c[t]++
		}
	}
	d := map[uint64]uint16{}
	for w, c := range counts {
		total, best := 0, 0
		for t, n := range c {
			total += n
			if n > c[best] {
				best = t
			}
		}
		if total >= 20 && float64(c[best]) >= 0.99*float64(total) {
			d[w] = uint16(best)
		}
	}
	return d
}

// lemmaTable keeps the treebank's lemma for a form and tag where the rules
// give another, when the treebank agrees with itself on it.
func lemmaTable(sents []*conllu.Sentence) map[string]string {
	counts := map[string]map[string]int{}
	for _, s := range sents {
		for _, w := range s.Words {
			if w.Lemma == "_" || w.Lemma == "" {
				continue
			}
			k := lemmaKey(w.XPOS, w.Form)
			if counts[k] == nil {
				counts[k] = map[string]int{}
			}
			counts[k][w.Lemma]++
		}
	}
	out := map[string]string{}
	for k, c := range counts {
		best, total := "", 0
		for l, n := range c {
			total += n
			if best == "" || n > c[best] || (n == c[best] && l < best) {
				best = l
			}
		}
		xpos, form := splitKey(k)
		if best != lemmaRule(form, xpos) && c[best]*2 > total {
			out[k] = best
		}
	}
	return out
}

func splitKey(k string) (xpos, form string) {
	for i := 0; i < len(k); i++ {
		if k[i] == 0 {
			return k[:i], k[i+1:]
		}
	}
	return "", k
}

func shuffle[T any](rng *rand.Rand, s []T) {
	rng.Shuffle(len(s), func(i, j int) { s[i], s[j] = s[j], s[i] })
}

func trainTagger(exs []*example, t *Tagger, o TrainOptions, rng *rand.Rand) *learn.Trainer {
	tr := learn.NewTrainer(len(t.tags))
	order := append([]*example(nil), exs...)
	var f [numTagFeatures]uint64
	scores := make([]float32, len(t.tags))
	for it := 0; it < o.TagIterations; it++ {
		shuffle(rng, order)
		right, total := 0, 0
		for _, ex := range order {
			p1, p2 := uint16(noTag), uint16(noTag)
			for i := range ex.words {
				gold := ex.tags[i]
				guess, ok := t.dict[ex.info[i].form]
				if !ok {
					tagFeatures(&f, ex.info, i, tagHash(p1), tagHash(p2))
					clear(scores)
					tr.Score(f[:], scores)
					best := 0
					for k := 1; k < len(scores); k++ {
						if scores[k] > scores[best] {
							best = k
						}
					}
					guess = uint16(best)
					tr.Update(f[:], int(gold), best)
					tr.Tick()
				}
				if guess == gold {
					right++
				}
				total++
				p2, p1 = p1, guess
			}
		}
		fmt.Fprintf(o.Log, "tagger pass %d: %.4f on training data, %d features\n", it+1, float64(right)/float64(total), tr.Features())
	}
	return tr
}

// trainParser trains one parser; checkpoint, when not nil, is called as
// o.Checkpoint is.
func trainParser(exs []*example, m *Model, o TrainOptions, rng *rand.Rand, checkpoint func(int, *Model)) *learn.Trainer {
	nl := len(m.parser.labels)
	ncls := 1 + 2*nl
	tr := learn.NewTrainer(ncls)
	order := append([]*example(nil), exs...)
	var f [numParseFeatures]uint64
	scores := make([]float32, ncls)
	var st state
	var or oracle
	for it := 0; it < o.Iterations; it++ {
		start := time.Now()
		shuffle(rng, order)
		good, total := 0, 0
		for _, ex := range order {
			x := sentence{info: ex.info, tags: ex.pred}
			st.reset(len(ex.words))
			or.reset(ex.heads)
			for !st.terminal() {
				parseFeatures(&f, &x, &st)
				clear(scores)
				tr.Score(f[:], scores)
				or.syncStack(&st)
				var cost [3]int
				minCost := -1
				for mv := 0; mv < 3; mv++ {
					cost[mv] = -1
					if st.valid(mv) {
						cost[mv] = or.cost(&st, mv)
						if minCost < 0 || cost[mv] < minCost {
							minCost = cost[mv]
						}
					}
				}
				s0 := st.stackAt(0)
				// The right label of an arc is the dependent's gold
				// relation; an arc to the root takes root (the only label
				// allowed there), and a wrong arc for the gold root word
				// may take any label.
				right := func(mv, l int) bool {
					switch {
					case cost[mv] != minCost:
						return false
					case mv == moveShift, mv == moveLeft && st.b0 == st.n:
						return true // an arc to the root has one label
					case ex.rels[s0] == m.parser.root:
						return true // a wrong arc for the root word
					}
					return l == ex.rels[s0]
				}
				pred, gold := -1, -1
				for c := 0; c < ncls; c++ {
					mv, l := classMove(c, nl)
					if cost[mv] < 0 || !m.parser.allowed(&st, mv, l) {
						continue
					}
					if pred < 0 || scores[c] > scores[pred] {
						pred = c
					}
					if right(mv, l) && (gold < 0 || scores[c] > scores[gold]) {
						gold = c
					}
				}
				pm, pl := classMove(pred, nl)
				predRight := right(pm, pl)
				if !predRight && gold >= 0 {
					tr.Update(f[:], gold, pred)
				} else {
					good++
				}
				total++
				tr.Tick()
				next := gold
				if it > 0 && rng.Float64() < o.Explore {
					next = pred
				}
				mv, l := classMove(next, nl)
				st.apply(mv, l)
			}
		}
		fmt.Fprintf(o.Log, "parser pass %d: %.4f of moves right, %d features, %s\n", it+1, float64(good)/float64(total), tr.Features(), time.Since(start).Round(time.Second))
		// The first of several parsers is scored after its last pass
		// too, against which the ensemble can be judged.
		if checkpoint != nil && it%3 == 2 && (it < o.Iterations-1 || o.Seeds > 1) {
			if pm, err := tr.Average(learn.AverageOptions{MinWeight: o.MinWeight}); err == nil {
				m.parser.model = pm
				checkpoint(it+1, m)
			}
		}
	}
	return tr
}
