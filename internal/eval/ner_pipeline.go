package eval

import (
	"context"

	"github.com/newsgraph/newsgraph/internal/text"
)

// NERPipeline adapts a whole annotation chain (a *pipeline.Pipeline; an
// interface here so that the stages' tests may import eval) to NERSystem:
// it scores the entities a record carries (the tagger's, with the places
// and actors the later stages add or correct), not the tagger's alone. It
// needs raw text, so given tokens are ignored.
type NERPipeline struct {
	Pipeline interface {
		Run(ctx context.Context, d *text.Document) error
	}
}

// Name returns "newsgraph pipeline".
func (NERPipeline) Name() string { return "newsgraph pipeline" }

// Entities runs the chain over doc's text.
func (p NERPipeline) Entities(ctx context.Context, doc *NERDoc) ([]NEREntity, error) {
	d := text.NewDocument(doc.ID, "", doc.Text)
	if err := p.Pipeline.Run(ctx, d); err != nil {
		return nil, err
	}
	out := make([]NEREntity, 0, len(d.Entities)+len(d.Places))
	for _, e := range d.RecordEntities() {
		out = append(out, NEREntity{Span: e.Span, Type: e.Type})
	}
	return out, nil
}
