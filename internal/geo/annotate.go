package geo

import (
	"context"
	"sort"
	"sync"

	"github.com/newsgraph/newsgraph/internal/text"
)

// Annotator finds toponyms and resolves them. It is immutable after New
// and safe for concurrent use.
type Annotator struct {
	g    *Gazetteer
	opts Options
	pool sync.Pool
}

// New returns an annotator with opts (zero fields take their defaults).
func New(opts Options) (*Annotator, error) {
	if err := opts.EnsureDefaults(); err != nil {
		return nil, err
	}
	if err := opts.Validate(); err != nil {
		return nil, err
	}
	a := &Annotator{g: opts.Gazetteer, opts: opts}
	a.pool.New = func() any {
		return &state{countries: map[string]float64{}, groups: map[string]int32{}, persons: map[string]bool{},
			named: map[string][]int32{}, tally: newTally(), picked: map[pickKey]int32{}}
	}
	return a, nil
}

var (
	embeddedOnce sync.Once
	embeddedAnn  *Annotator
)

// Embedded returns the annotator with default options over the embedded
// gazetteer, for the default pipeline. The embedded gazetteer is checked
// by the package's tests, so a failure to load it is a broken build, not
// bad input.
func Embedded() *Annotator {
	embeddedOnce.Do(func() {
		a, err := New(Options{})
		if err != nil {
			panic("BUG: " + err.Error())
		}
		embeddedAnn = a
	})
	return embeddedAnn
}

// Name returns "geo".
func (*Annotator) Name() string { return "geo" }

// Annotate fills d.Places and d.Dateline; it does not write d.Entities
// (the record adds a LOC entity for every place no entity covers).
func (a *Annotator) Annotate(ctx context.Context, d *text.Document) error {
	if len(d.Tokens) == 0 && d.Text != "" {
		d.Tokens = text.Tokenize(d.Tokens, d.Text)
		d.Sentences = text.Split(d.Sentences, d.Text, d.Tokens)
	}
	st := a.pool.Get().(*state)
	defer a.pool.Put(st)
	st.reset(ctx, d)
	a.recognize(st, d)
	a.resolve(st, d)
	if st.err != nil {
		return st.err
	}
	a.emit(st, d)
	return ctx.Err()
}

// AnnotateSpans resolves the given toponym spans (byte offsets, e.g. gold
// spans in an evaluation) with the same scoring, using the rest of the
// document only as context. It fills d.Places.
func (a *Annotator) AnnotateSpans(ctx context.Context, d *text.Document, spans []text.Span) error {
	if len(d.Tokens) == 0 && d.Text != "" {
		d.Tokens = text.Tokenize(d.Tokens, d.Text)
		d.Sentences = text.Split(d.Sentences, d.Text, d.Tokens)
	}
	st := a.pool.Get().(*state)
	defer a.pool.Put(st)
	st.reset(ctx, d)
	for _, s := range spans {
		if s.Start < 0 || s.End > len(d.Text) || s.Start >= s.End {
			continue
		}
		st.key = st.key[:0]
		st.key = appendKey(st.key, d.Text[s.Start:s.End])
		c0 := int32(len(st.cands))
		st.lookup(a.g, st.key)
		if int32(len(st.cands)) == c0 {
			// "the Gaza Strip": try without a leading article.
			if k := trimArticle(st.key); len(k) < len(st.key) {
				st.lookup(a.g, k)
			}
		}
		if int32(len(st.cands)) == c0 {
			if cc, ok := a.g.demonyms[string(st.key)]; ok {
				if e, ok := a.g.country[cc]; ok {
					st.add(e)
				}
			}
		}
		m := mention{Span: s, first: d.TokenAt(s.Start), c0: c0, c1: int32(len(st.cands)), qual: -1, best: -1, tagged: true}
		m.end = d.TokenAt(s.End)
		if m.first >= 0 && m.end > m.first && m.end <= len(d.Tokens) {
			// The words around the span, as in recognition: "the state
			// of Washington", "X in northern Angola".
			m.kind, _ = a.kindOf(d, m.first, m.end)
			if q, ruled := a.container(st, d, &m); q >= 0 {
				m.qual, m.contained = q, true
			} else if ruled {
				m.ruled = true
			}
			a.partOf(st, d, &m)
		}
		st.ments = append(st.ments, m)
	}
	a.qualifiers(st, d, false)
	a.resolve(st, d)
	if st.err != nil {
		return st.err
	}
	for _, m := range st.ments {
		if m.best < 0 {
			continue
		}
		d.Places = append(d.Places, a.place(m))
	}
	return ctx.Err()
}

// mention is one toponym under resolution.
type mention struct {
	text.Span
	first, end int   // tokens [first, end)
	c0, c1     int32 // candidates st.cands[c0:c1]
	qual       int32 // entry of an explicit "City, Qualifier" region or country, or -1
	tagged     bool  // an earlier stage tagged it LOC (this span, not a longer name)
	contained  bool  // qual comes from a containment phrase ("in northern Angola")
	ruled      bool  // a qualifier or containment phrase names a region holding none of its candidates
	partOf     bool  // a part of a town the gazetteer does not know there: the town's candidates
	valley     bool  // "X Valley": the valley around X, X's candidates
	kind       byte  // kindTown or kindRegion when the words around it say so, else 0
	dateline   bool
	group      int32    // index of the first mention with the same text (any case)
	best       int32    // chosen entry, -1 before resolution
	sib        [2]int32 // the toponyms before and after it in a list ("Utah, Virginia and Washington"), or -1
	nearRegion [2]int32 // first-level regions named by the toponyms around it in its or the next sentence, or -1
	why        []string // the evidence for best (see settle)
	prev       int32    // entry chosen by the previous pass
}

// state is the per-document scratch space, pooled.
type state struct {
	ctx       context.Context
	err       error // ctx's error, once a loop has seen it
	steps     int   // loop steps since reset, for stopped
	ments     []mention
	soft      []mention // gazetteer matches rejected for their context
	cands     []int32
	alt       []bool             // parallel to cands: matched by a GeoNames alternate name only
	prior     []float64          // parallel to cands after pruning: prior(entry)
	persons   map[string]bool    // names seen as a person's in this article ("Dr. Dunn")
	groups    map[string]int32   // folded name -> its first mention, the name's group
	named     map[string][]int32 // folded name -> accepted mentions, for the soft ones
	tally     *tally             // the previous pass's evidence
	domain    string             // the country of the URL's domain, or ""
	picked    map[pickKey]int32  // a pass's choices: key -> mention that made it
	key       []byte
	buf       []byte
	buf2      []byte
	tmpC      []int32 // container candidates
	tmpA      []bool
	ent       []int32            // per token: covering entity index or -1
	covered   []bool             // per token: inside a mention (partsOf)
	countries map[string]float64 // evidence other than toponyms: demonyms, domain
}

// checkEvery is how many loop steps (tokens, mentions) pass between two
// looks at the context.
const checkEvery = 1024

// stopped counts a step of a long loop and reports, looking every
// checkEvery steps, whether the context has ended; the error stays in
// st.err. Long loops break on it.
func (st *state) stopped() bool {
	st.steps++
	if st.err == nil && st.steps%checkEvery == 0 {
		st.err = st.ctx.Err()
	}
	return st.err != nil
}

func (st *state) reset(ctx context.Context, d *text.Document) {
	st.ctx, st.err, st.steps = ctx, nil, 0
	st.ments = st.ments[:0]
	st.soft = st.soft[:0]
	st.cands = st.cands[:0]
	st.alt = st.alt[:0]
	st.key = st.key[:0]
	clear(st.persons)
	clear(st.groups)
	clear(st.named)
	if cap(st.ent) < len(d.Tokens) {
		st.ent = make([]int32, len(d.Tokens))
	}
	st.ent = st.ent[:len(d.Tokens)]
	for i := range st.ent {
		st.ent[i] = -1
	}
	for i, e := range d.Entities {
		for t := d.TokenAt(e.Start); t < len(d.Tokens) && d.Tokens[t].Start < e.End; t++ {
			st.ent[t] = int32(i)
		}
	}
	clear(st.countries)
}

// lookup appends the candidates named by the normalised key.
func (st *state) lookup(g *Gazetteer, key []byte) {
	st.cands, st.alt = g.lookupAlt(st.cands, st.alt, key)
}

// add appends candidate e.
func (st *state) add(e int32) {
	st.cands = append(st.cands, e)
	st.alt = append(st.alt, false)
}

// truncate drops the candidates from n on.
func (st *state) truncate(n int32) {
	st.cands = st.cands[:n]
	st.alt = st.alt[:n]
}

// place makes the output record of a resolved mention.
func (a *Annotator) place(m mention) text.Place {
	e := &a.g.entries[m.best]
	return text.Place{Span: m.Span, Name: e.Name, Country: e.Country, Lat: e.Lat, Lon: e.Lon,
		Feature: e.Feature, GeonameID: e.GeonameID, Why: m.why}
}

// emit appends the resolved places (the record makes a LOC entity of each
// place that no entity covers: text.Document.Record).
func (a *Annotator) emit(st *state, d *text.Document) {
	sort.Slice(st.ments, func(i, j int) bool { return st.ments[i].Start < st.ments[j].Start })
	for _, m := range st.ments {
		if m.best < 0 {
			continue
		}
		d.Places = append(d.Places, a.place(m))
		if m.dateline {
			s := m.Span
			d.Dateline = &s
		}
	}
}
