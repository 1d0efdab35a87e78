package text

import (
	"fmt"

	"github.com/newsgraph/newsgraph/record"
)

// Clean applies newsgraph's one text rule (record.CleanText: invalid UTF-8
// repaired, NUL refused) to every field of a document made from outside
// input, in place. Every entry point calls it before annotation: the
// readers, the API and the queue worker. The error names the field and
// wraps record.ErrBadText. It must run before any layer is added.
func (d *Document) Clean() error {
	if len(d.Tokens) > 0 {
		panic("BUG: text: Clean after annotation")
	}
	fields := []struct {
		name string
		s    *string
	}{{"id", &d.ID}, {"url", &d.URL}, {"source", &d.Source}, {"author", &d.Author}, {"published", &d.Published}, {"language", &d.Language}}
	for _, f := range fields {
		c, err := record.CleanText(*f.s)
		if err != nil {
			return fmt.Errorf("%s: %w", f.name, err)
		}
		*f.s = c
	}
	title, err := record.CleanText(d.Title)
	if err != nil {
		return fmt.Errorf("title: %w", err)
	}
	body, err := record.CleanText(d.Text[d.BodyStart:])
	if err != nil {
		return fmt.Errorf("text: %w", err)
	}
	if title != d.Title || body != d.Text[d.BodyStart:] {
		n := NewDocument(d.ID, title, body)
		d.Title, d.Text, d.BodyStart = n.Title, n.Text, n.BodyStart
	}
	return nil
}
