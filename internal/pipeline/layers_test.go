package pipeline

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/text"
)

// probe is a test stage with declared layers that does nothing (a pointer,
// so that stages compare by identity).
type probe struct {
	name           string
	needs, provide []text.Layer
}

func (p *probe) Name() string                                  { return p.name }
func (p *probe) Needs() []text.Layer                           { return p.needs }
func (p *probe) Provides() []text.Layer                        { return p.provide }
func (*probe) Annotate(context.Context, *text.Document) error  { return nil }
func layers(ls ...text.Layer) []text.Layer                     { return ls }
func stage(name string, needs, provide []text.Layer) Annotator { return &probe{name, needs, provide} }

func TestBuildChecksLayers(t *testing.T) {
	seg := text.Segmenter{}
	names := stage("ner", layers(text.LayerTokens, text.LayerSentences), layers(text.LayerNames))
	ents := stage("actors", layers(text.LayerNames), layers(text.LayerEntities, text.LayerMentions))
	places := stage("geo", layers(text.LayerEntities), layers(text.LayerPlaces))
	f := func(want string, stages ...Annotator) {
		t.Helper()
		_, err := Build(stages...)
		if want == "" {
			if err != nil {
				t.Errorf("%v: %v", stageNames(stages), err)
			}
			return
		}
		if !errors.Is(err, ErrLayers) || err.Error() != "pipeline: stages out of order: "+want {
			t.Errorf("%v: got %v, want ErrLayers: %s", stageNames(stages), err, want)
		}
	}
	f("", seg, names, ents, places)
	f("", seg, names)          // a prefix
	f("", seg, stall{}, names) // a stage that declares nothing
	f("stage geo needs layer entities, which stage actors provides after it", seg, names, places, ents)
	f("stage ner needs layer tokens, which stage segment provides after it", names, seg)
	f("stage geo needs layer entities, which no stage provides", seg, names, places)
	f("stages actors and geo both provide layer entities", seg, names, ents,
		stage("geo", layers(text.LayerEntities), layers(text.LayerPlaces, text.LayerEntities)))
	f("stages segment and segment both provide layer tokens", seg, seg)

	// New is for chains known to be in order: it panics on the others.
	defer func() {
		if r := recover(); r == nil || !strings.Contains(r.(string), "BUG: pipeline: stages out of order") {
			t.Errorf("New out of order: got panic %v", r)
		}
	}()
	New(names, seg)
}

func stageNames(stages []Annotator) []string {
	var out []string
	for _, s := range stages {
		out = append(out, s.Name())
	}
	return out
}

// TestDefaultDeclaresLayers checks that every stage of the default chain
// declares its layers, that every layer has its writer there, and that
// the real stages refuse a wrong order.
func TestDefaultDeclaresLayers(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	written := map[text.Layer]string{}
	for _, s := range p.Stages() {
		l, ok := s.(Layered)
		if !ok || len(l.Provides()) == 0 {
			t.Errorf("stage %s declares no layers", s.Name())
			continue
		}
		for _, x := range l.Provides() {
			written[x] = s.Name()
		}
	}
	for _, l := range []text.Layer{text.LayerTokens, text.LayerSentences, text.LayerSyntax, text.LayerNames, text.LayerEntities,
		text.LayerMentions, text.LayerPlaces, text.LayerDates, text.LayerAmounts, text.LayerQuotes,
		text.LayerTone, text.LayerEvents} {
		if written[l] == "" {
			t.Errorf("no stage of Default provides layer %s", l)
		}
	}
	byName := map[string]Annotator{}
	for _, s := range p.Stages() {
		byName[s.Name()] = s
	}
	seg, tagger, actors, geo := byName["segment"], byName["ner"], byName["actors"], byName["geo"]
	// The actor stage before the tagger; geo before the actor stage.
	if _, err := Build(seg, actors, tagger); err == nil || !strings.Contains(err.Error(), "stage actors needs layer names, which stage ner provides after it") {
		t.Errorf("actors before ner: got %v", err)
	}
	if _, err := Build(seg, tagger, geo, actors); err == nil || !strings.Contains(err.Error(), "stage geo needs layer entities") {
		t.Errorf("geo before actors: got %v", err)
	}
}

// TestUntilWith checks that the partial chains of the eval commands
// (Until a layer, With the annotator under test) equal what the commands
// spliced by stage name before.
func TestUntilWith(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	st := p.Stages()
	index := func(name string) int {
		i := slices.IndexFunc(st, func(s Annotator) bool { return s.Name() == name })
		if i < 0 {
			t.Fatalf("no stage %s in Default", name)
		}
		return i
	}
	f := func(l text.Layer, under Annotator, want []Annotator) {
		t.Helper()
		u, err := p.Until(l)
		if err != nil {
			t.Fatal(err)
		}
		w, err := u.With(under)
		if err != nil {
			t.Fatal(err)
		}
		if got := w.Stages(); !slices.Equal(got, want) {
			t.Errorf("Until(%s).With(%s) = %v, want %v", l, under.Name(), stageNames(got), stageNames(want))
		}
	}
	// eval quotes: the stages before "quote", then the annotator.
	q := &probe{"quote under test", st[index("quote")].(Layered).Needs(), layers(text.LayerQuotes)}
	f(text.LayerQuotes, q, append(slices.Clone(st[:index("quote")]), q))
	// eval events: every stage but "events", then the coder.
	e := &probe{"coder under test", st[index("events")].(Layered).Needs(), layers(text.LayerEvents)}
	var want []Annotator
	for _, s := range st {
		if s.Name() != "events" {
			want = append(want, s)
		}
	}
	f(text.LayerEvents, e, append(want, e))
	// eval actors: the tagger, then the resolver (after the segmenter,
	// without the syntax stage, whose layer neither reads).
	r := &probe{"resolver under test", layers(text.LayerNames), layers(text.LayerEntities, text.LayerMentions)}
	fr, err := p.For(text.LayerEntities)
	if err != nil {
		t.Fatal(err)
	}
	if w, err := fr.With(r); err != nil || !slices.Equal(w.Stages(), []Annotator{st[index("segment")], st[index("ner")], r}) {
		t.Errorf("For(entities).With(resolver) = %v, %v; want segment, ner, the resolver", w, err)
	}
	// For keeps what a layer needs, transitively, in order.
	if fa, err := p.For(text.LayerAmounts); err != nil || !slices.Equal(fa.Stages(), []Annotator{st[index("segment")], st[index("dates")], st[index("amounts")]}) {
		t.Errorf("For(amounts) = %v, %v", fa, err)
	}
	if _, err := p.For("nothing"); !errors.Is(err, ErrLayers) {
		t.Errorf("For an unknown layer: %v", err)
	}

	if _, err := p.Until("nothing"); !errors.Is(err, ErrLayers) {
		t.Errorf("Until an unknown layer: %v", err)
	}
	if _, err := p.With(&probe{"x", nil, layers(text.LayerEntities)}); !errors.Is(err, ErrLayers) {
		t.Errorf("With a stage providing part of a stage's layers: %v", err)
	}
	if _, err := p.With(&probe{"x", layers(text.LayerEvents), layers(text.LayerQuotes)}); err == nil || !strings.Contains(err.Error(), "stage x needs layer events, which stage events provides after it") {
		t.Errorf("With a stage whose needs are not met: %v", err)
	}
}
