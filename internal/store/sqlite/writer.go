package sqlite

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
)

// writer is the connection Put writes on, taken from the pool at the first
// Put and kept until Close, with Put's statements prepared on it once.
//
// Put drives it through the driver's own interfaces (database/sql/driver),
// inside sql.Conn.Raw: database/sql would, for every statement, take the
// connection's lock, convert every argument into a new slice of newly boxed
// values and wrap the result, which was a tenth of Put's CPU and most of
// its allocations. Nothing converts the arguments: they must be
// driver.Values (int64, float64, string, []byte, nil), or the statement
// fails. Queries keep using the pool.
type writer struct {
	conn  *sql.Conn
	stmts map[string]driverStmt // by query; valid on conn only
	args  []driver.NamedValue   // reused by every statement
}

// driverConn is what Put needs of the driver's connection.
type driverConn interface {
	driver.Conn
	driver.ConnPrepareContext
	driver.ConnBeginTx
}

// driverStmt is what Put needs of the driver's statements.
type driverStmt interface {
	driver.Stmt
	driver.StmtExecContext
	driver.StmtQueryContext
}

// writer returns s's writer, taking a connection for it the first time;
// the caller holds s.mu.
func (s *Store) writer(ctx context.Context) (*writer, error) {
	if s.w != nil {
		return s.w, nil
	}
	c, err := s.db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	s.w = &writer{conn: c, stmts: map[string]driverStmt{}}
	return s.w, nil
}

// closeWriter finalizes the writer's statements, if any are left, and
// returns its connection to the pool; the caller holds s.mu.
func (s *Store) closeWriter() error {
	w := s.w
	if w == nil {
		return nil
	}
	s.w = nil
	var err error
	if len(w.stmts) > 0 {
		err = w.conn.Raw(func(any) error { return w.finalize() })
	}
	if cerr := w.conn.Close(); cerr != nil && !errors.Is(cerr, sql.ErrConnDone) {
		err = errors.Join(err, cerr)
	}
	return err
}

// finalize closes the prepared statements; only inside conn.Raw.
func (w *writer) finalize() error {
	var errs []error
	for q, st := range w.stmts {
		errs = append(errs, st.Close())
		delete(w.stmts, q)
	}
	return errors.Join(errs...)
}

// stmt returns the statement q prepared on c, the writer's driver
// connection, preparing it the first time.
func (w *writer) stmt(ctx context.Context, c driverConn, q string) (driverStmt, error) {
	if st, ok := w.stmts[q]; ok {
		return st, nil
	}
	ds, err := c.PrepareContext(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("cannot prepare %q: %w", q, err)
	}
	st, ok := ds.(driverStmt)
	if !ok {
		ds.Close()
		return nil, fmt.Errorf("cannot prepare %q: driver statement %T cannot execute with a context", q, ds)
	}
	w.stmts[q] = st
	return st, nil
}

// named returns args as the driver's arguments, in a slice reused by the
// next statement.
func (w *writer) named(args []any) []driver.NamedValue {
	w.args = w.args[:0]
	for i, a := range args {
		w.args = append(w.args, driver.NamedValue{Ordinal: i + 1, Value: a})
	}
	return w.args
}

// exec runs st with args (driver.Values).
func (w *writer) exec(ctx context.Context, st driverStmt, args ...any) (driver.Result, error) {
	r, err := st.ExecContext(ctx, w.named(args))
	clear(w.args) // drop references to the batch's values
	return r, err
}

// query runs st with args (driver.Values); the caller closes the rows.
func (w *writer) query(ctx context.Context, st driverStmt, args ...any) (driver.Rows, error) {
	rows, err := st.QueryContext(ctx, w.named(args))
	clear(w.args)
	return rows, err
}

// queryRow runs st with args (driver.Values) and reads its first row into
// dest; it reports whether there was a row.
func (w *writer) queryRow(ctx context.Context, st driverStmt, dest []driver.Value, args ...any) (bool, error) {
	rows, err := w.query(ctx, st, args...)
	if err != nil {
		return false, err
	}
	err = rows.Next(dest)
	if cerr := rows.Close(); err == nil || errors.Is(err, io.EOF) {
		if cerr != nil {
			return false, cerr
		}
		return err == nil, nil
	}
	return false, err
}
