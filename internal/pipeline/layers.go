package pipeline

import (
	"errors"
	"fmt"
	"slices"

	"github.com/newsgraph/newsgraph/internal/text"
)

// Layered is what a stage declares about the layers of the Document (see
// text.Layer): the ones it reads, which earlier stages must provide, and
// the ones it writes, which no other stage of the pipeline may write.
// Every stage of Default declares its layers; a stage that does not (a
// test's probe) is taken to read and write none.
type Layered interface {
	Needs() []text.Layer
	Provides() []text.Layer
}

// ErrLayers says that a pipeline's stages are out of order: a stage needs
// a layer that no earlier stage provides, or two stages write one layer.
var ErrLayers = errors.New("pipeline: stages out of order")

// needs returns the layers s declares it reads.
func needs(s Annotator) []text.Layer {
	if l, ok := s.(Layered); ok {
		return l.Needs()
	}
	return nil
}

// provides returns the layers s declares it writes.
func provides(s Annotator) []text.Layer {
	if l, ok := s.(Layered); ok {
		return l.Provides()
	}
	return nil
}

// checkLayers returns an error wrapping ErrLayers, naming the stage and
// the layer, when a stage needs a layer no earlier stage provides or when
// a layer has two writers.
func checkLayers(stages []Annotator) error {
	writer := map[text.Layer]int{}
	for i, s := range stages {
		for _, l := range provides(s) {
			if j, ok := writer[l]; ok {
				return fmt.Errorf("%w: stages %s and %s both provide layer %s", ErrLayers, stages[j].Name(), s.Name(), l)
			}
			writer[l] = i
		}
	}
	for i, s := range stages {
		for _, l := range needs(s) {
			j, ok := writer[l]
			switch {
			case !ok:
				return fmt.Errorf("%w: stage %s needs layer %s, which no stage provides", ErrLayers, s.Name(), l)
			case j >= i:
				return fmt.Errorf("%w: stage %s needs layer %s, which stage %s provides after it", ErrLayers, s.Name(), l, stages[j].Name())
			}
		}
	}
	return nil
}

// Until returns the pipeline of p's stages up to and including the one
// that provides layer l, with p's options: the part of the chain an
// evaluation of that layer runs. It fails with ErrLayers when no stage of p
// provides l.
func (p *Pipeline) Until(l text.Layer) (*Pipeline, error) {
	for i, s := range p.stages {
		if slices.Contains(provides(s), l) {
			return NewWithOptions(p.opts, slices.Clone(p.stages[:i+1])...)
		}
	}
	return nil, fmt.Errorf("%w: no stage provides layer %s", ErrLayers, l)
}

// For returns the pipeline of the stages of p that layer l depends on: the
// one that provides l and, transitively, those that provide what it needs,
// in p's order and with p's options. It leaves out the stages whose layers
// l does not need (the syntax stage for entities); it fails with ErrLayers
// when no stage of p provides l or one of the layers it needs.
func (p *Pipeline) For(l text.Layer) (*Pipeline, error) {
	writer := map[text.Layer]int{}
	for i, s := range p.stages {
		for _, x := range provides(s) {
			writer[x] = i
		}
	}
	keep := make([]bool, len(p.stages))
	todo := []text.Layer{l}
	for len(todo) > 0 {
		x := todo[len(todo)-1]
		todo = todo[:len(todo)-1]
		i, ok := writer[x]
		if !ok {
			return nil, fmt.Errorf("%w: no stage provides layer %s", ErrLayers, x)
		}
		if !keep[i] {
			keep[i] = true
			todo = append(todo, needs(p.stages[i])...)
		}
	}
	var stages []Annotator
	for i, s := range p.stages {
		if keep[i] {
			stages = append(stages, s)
		}
	}
	return NewWithOptions(p.opts, stages...)
}

// With returns the pipeline p with a in place of the stage that provides
// the same layers (an annotator under test with other options or data). It
// fails with ErrLayers when a provides no layer, when no stage of p
// provides exactly a's layers, or when a's needs are not met there.
func (p *Pipeline) With(a Annotator) (*Pipeline, error) {
	want := provides(a)
	if len(want) == 0 {
		return nil, fmt.Errorf("%w: stage %s declares no layer to replace", ErrLayers, a.Name())
	}
	for i, s := range p.stages {
		if sameLayers(provides(s), want) {
			stages := slices.Clone(p.stages)
			stages[i] = a
			return NewWithOptions(p.opts, stages...)
		}
	}
	return nil, fmt.Errorf("%w: no stage provides layers %v to be replaced by stage %s", ErrLayers, want, a.Name())
}

// sameLayers reports whether a and b hold the same layers.
func sameLayers(a, b []text.Layer) bool {
	if len(a) != len(b) {
		return false
	}
	for _, l := range a {
		if !slices.Contains(b, l) {
			return false
		}
	}
	return true
}
