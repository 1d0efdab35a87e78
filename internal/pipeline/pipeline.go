// Package pipeline runs the chain of annotators over documents: in order for
// one document, in parallel across documents, with per-document errors that
// never stop a batch. It sits between the readers (internal/source) and the
// outputs (records, the store).
package pipeline

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"

	"github.com/newsgraph/newsgraph/internal/text"
)

// Annotator adds one layer to a document. Implementations load their models
// once, are immutable afterwards, and are safe for concurrent use.
type Annotator interface {
	Name() string
	Annotate(ctx context.Context, d *text.Document) error
}

// ErrRejected marks a document that was refused for what it is (empty,
// binary, oversize), as opposed to a stage that failed on it.
var ErrRejected = errors.New("pipeline: document rejected")

// Pipeline is an ordered list of annotators.
type Pipeline struct {
	stages []Annotator
}

// New returns a pipeline that runs stages in order.
func New(stages ...Annotator) *Pipeline { return &Pipeline{stages: stages} }

// Stages returns the pipeline's annotators in order.
func (p *Pipeline) Stages() []Annotator { return p.stages }

// Run annotates d with every stage in order. A panic in a stage is turned
// into an error naming the stage, so that one document cannot stop a batch.
func (p *Pipeline) Run(ctx context.Context, d *text.Document) (err error) {
	for _, s := range p.stages {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := runStage(ctx, s, d); err != nil {
			return err
		}
	}
	return nil
}

func runStage(ctx context.Context, s Annotator, d *text.Document) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("BUG: stage %s panicked on document %q: %v\n%s", s.Name(), d.ID, r, debug.Stack())
		}
	}()
	if err := s.Annotate(ctx, d); err != nil {
		return fmt.Errorf("stage %s: %w", s.Name(), err)
	}
	return nil
}
