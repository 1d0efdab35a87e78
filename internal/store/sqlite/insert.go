package sqlite

import (
	"context"
	"fmt"
	"strings"
)

// insert collects the rows of one table during a Put and writes them with
// multi-row INSERT statements: SQLite spends much of a one-row INSERT on
// starting the statement and opening the table's and indexes' cursors, which
// a statement of many rows pays once.
type insert struct {
	head    string // INSERT INTO t (a, b, c)
	ncols   int
	queries [len(insertChunks)]string // the statement of insertChunks[i] rows
	args    []any                     // the rows' values (driver.Values), ncols per row
}

// newInsert returns an empty insert; verb is "INSERT INTO t" or a variant
// such as "INSERT OR IGNORE INTO t".
func newInsert(verb string, cols ...string) *insert {
	in := &insert{head: verb + " (" + strings.Join(cols, ", ") + ")", ncols: len(cols)}
	for i, k := range insertChunks {
		in.queries[i] = in.query(k)
	}
	return in
}

// add appends one row; len(vals) must be the number of columns, and each
// value a driver.Value (int64, float64, string, []byte or nil).
func (in *insert) add(vals ...any) {
	if len(vals) != in.ncols {
		panic(fmt.Sprintf("BUG: sqlite: %d values for %d columns (%s)", len(vals), in.ncols, in.head))
	}
	in.args = append(in.args, vals...)
}

// insertChunks are the numbers of rows per statement, largest first; the
// remainder of a batch's rows takes the smaller ones. Each size is one
// statement per table, prepared once per Store.
var insertChunks = [...]int{32, 8, 1}

// flush writes the collected rows and empties in.
func (p *putter) flush(ctx context.Context, in *insert) error {
	args := in.args
	for i, k := range insertChunks {
		n := k * in.ncols
		for len(args) >= n {
			st, err := p.stmt(ctx, in.queries[i])
			if err != nil {
				return err
			}
			if _, err := p.w.exec(ctx, st, args[:n]...); err != nil {
				return err
			}
			args = args[n:]
		}
	}
	in.reset()
	return nil
}

// reset empties in, keeping its buffer unless a huge batch grew it.
func (in *insert) reset() {
	if cap(in.args) > 1<<16 {
		in.args = nil
		return
	}
	clear(in.args) // drop references to the batch's strings
	in.args = in.args[:0]
}

// query returns the INSERT statement of k rows.
func (in *insert) query(k int) string {
	row := "(" + strings.TrimSuffix(strings.Repeat("?, ", in.ncols), ", ") + ")"
	return in.head + " VALUES " + strings.TrimSuffix(strings.Repeat(row+", ", k), ", ")
}
