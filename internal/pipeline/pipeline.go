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

// Annotator adds its layers to a document (and declares them: see Layered).
// Implementations load their models once, are immutable afterwards, and
// are safe for concurrent use.
type Annotator interface {
	Name() string
	Annotate(ctx context.Context, d *text.Document) error
}

// ErrRejected marks a document that was refused for what it is (empty,
// binary, oversize), as opposed to a stage that failed on it.
var ErrRejected = errors.New("pipeline: document rejected")

// ErrTimeBudget marks a document that took longer than its time budget
// (Options.TimeBudget): the stage running when the budget ran out was
// stopped, and the document has no record.
var ErrTimeBudget = errors.New("pipeline: document exceeded its time budget")

// Pipeline is an ordered list of annotators.
type Pipeline struct {
	stages []Annotator
	opts   Options
}

// New returns a pipeline that runs stages in order, with default options,
// for a list of stages known to be in order (a fixed chain, a test): it
// panics when they are not. Build checks the order and returns the error.
func New(stages ...Annotator) *Pipeline {
	p, err := Build(stages...)
	if err != nil {
		panic("BUG: " + err.Error())
	}
	return p
}

// Build returns a pipeline that runs stages in order, with default
// options. It fails with an error wrapping ErrLayers, naming the stage and
// the layer, when a stage needs a layer that no earlier stage provides or
// when two stages provide one layer (see Layered).
func Build(stages ...Annotator) (*Pipeline, error) {
	return NewWithOptions(Options{}, stages...)
}

// NewWithOptions returns a pipeline that runs stages in order with opts
// (zero fields take their defaults), checking their layers as Build does.
func NewWithOptions(opts Options, stages ...Annotator) (*Pipeline, error) {
	opts.EnsureDefaults()
	if err := opts.Validate(); err != nil {
		return nil, err
	}
	if err := checkLayers(stages); err != nil {
		return nil, err
	}
	return &Pipeline{stages: stages, opts: opts}, nil
}

// Stages returns the pipeline's annotators in order.
func (p *Pipeline) Stages() []Annotator { return p.stages }

// Run annotates d with every stage in order. A panic in a stage is turned
// into an error naming the stage, so that one document cannot stop a batch.
// A document that exceeds its time budget (see Options) fails with an
// error that wraps ErrTimeBudget; when ctx itself ends, Run returns its
// error.
func (p *Pipeline) Run(ctx context.Context, d *text.Document) (err error) {
	budget := p.opts.budget(len(d.Text))
	if budget > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeoutCause(ctx, budget, ErrTimeBudget)
		defer cancel()
	}
	for _, s := range p.stages {
		err := ctx.Err()
		if err == nil {
			err = runStage(ctx, s, d)
		}
		if err == nil {
			continue
		}
		if errors.Is(context.Cause(ctx), ErrTimeBudget) {
			return fmt.Errorf("%w: document %q (%d bytes) took more than %v, stopped in stage %s",
				ErrTimeBudget, d.ID, len(d.Text), budget, s.Name())
		}
		return err
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
