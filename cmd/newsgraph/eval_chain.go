package main

import (
	"github.com/newsgraph/newsgraph/internal/pipeline"
	"github.com/newsgraph/newsgraph/internal/text"
)

// evalChain returns the stages of p up to the one that provides layer l,
// with a (the annotator under test, with the command's options) in that
// stage's place: what an eval of layer l runs.
func evalChain(p *pipeline.Pipeline, l text.Layer, a pipeline.Annotator) (*pipeline.Pipeline, error) {
	until, err := p.Until(l)
	if err != nil {
		return nil, err
	}
	return until.With(a)
}
