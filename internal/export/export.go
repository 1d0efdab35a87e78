// Package export writes the store's contents in formats other tools read:
// records as JSON Lines, events as CSV or Parquet, and GDELT 2.0's Event and
// GKG 2.1 tables (tab-separated, GDELT's column order) so that existing GDELT
// tooling reads newsgraph's output. It sits at the end of the flow, next to
// query and serve.
package export

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/newsgraph/newsgraph/internal/store"
)

// Format is an export format.
type Format string

// Formats.
const (
	JSONL       Format = "jsonl"        // one record.Record per line
	CSV         Format = "csv"          // events, one row each, with a header
	Parquet     Format = "parquet"      // events, one row each
	GDELTEvents Format = "gdelt-events" // GDELT 2.0 Event table, 61 columns
	GKG         Format = "gkg"          // GDELT GKG 2.1, 27 columns, one row per article
)

// Formats lists the formats in the order the CLI shows them.
var Formats = []Format{JSONL, CSV, Parquet, GDELTEvents, GKG}

// ErrFormat says that a format is unknown.
var ErrFormat = errors.New("export: unknown format")

// Options configures Write.
type Options struct {
	// Format is the output format; default JSONL.
	Format Format
	// Filter selects what is exported (articles for jsonl and gkg, events
	// for the others); Limit and Cursor are ignored. Default: everything.
	Filter store.Filter
	// Added is the time the rows are added, written as GDELT's DATEADDED
	// (and as GKG's DATE for an article without a publication date);
	// default the time of the export.
	Added time.Time
}

// EnsureDefaults fills in the defaults.
func (o *Options) EnsureDefaults() {
	if o.Format == "" {
		o.Format = JSONL
	}
	if o.Added.IsZero() {
		o.Added = time.Now().UTC()
	}
}

// Validate reports bad options.
func (o *Options) Validate() error {
	for _, f := range Formats {
		if o.Format == f {
			f := o.Filter
			f.EnsureDefaults()
			return f.Validate()
		}
	}
	return fmt.Errorf("%w %q (want jsonl, csv, parquet, gdelt-events or gkg)", ErrFormat, o.Format)
}

// Write exports the store's contents to w and returns the number of rows
// (records, events or articles) written.
func Write(ctx context.Context, s store.Store, w io.Writer, o Options) (int, error) {
	o.EnsureDefaults()
	if err := o.Validate(); err != nil {
		return 0, err
	}
	switch o.Format {
	case JSONL:
		return writeJSONL(ctx, s, w, o.Filter)
	case CSV:
		return writeCSV(ctx, s, w, o.Filter)
	case Parquet:
		return writeParquet(ctx, s, w, o.Filter)
	case GDELTEvents:
		return writeGDELTEvents(ctx, s, w, o)
	case GKG:
		return writeGKG(ctx, s, w, o)
	}
	panic("BUG: export: format validated but not handled: " + string(o.Format))
}

// eachEvent calls fn with every event matching f, page by page.
func eachEvent(ctx context.Context, s store.Store, f store.Filter, fn func(store.Event) error) error {
	f.Limit, f.Cursor = 10000, ""
	for {
		p, err := s.Events(ctx, f)
		if err != nil {
			return err
		}
		for _, e := range p.Items {
			if err := fn(e); err != nil {
				return err
			}
		}
		if p.Next == "" {
			return nil
		}
		f.Cursor = p.Next
	}
}
