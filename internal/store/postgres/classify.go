package postgres

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/newsgraph/newsgraph/internal/store"
)

// classify wraps a write error with store.ErrBadRecord when the server
// refused the data (SQLSTATE classes 22 data exception, 23 integrity
// constraint, 54 program limit such as an index row too large), and with
// store.ErrUnavailable when the connection failed or the server refused
// work for now (08 connection, 40 transaction rollback, 53 insufficient
// resources, 57 operator intervention, 58 system error). Other errors
// (a cancelled context, a bug) are returned as they are.
func classify(ctx context.Context, err error) error {
	if err == nil || errors.Is(err, store.ErrBadRecord) || errors.Is(err, store.ErrUnavailable) {
		return err
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch pe.Code[:min(2, len(pe.Code))] {
		case "22", "23", "54":
			return fmt.Errorf("%w: %w", store.ErrBadRecord, err)
		case "08", "40", "53", "57", "58":
			return fmt.Errorf("%w: %w", store.ErrUnavailable, err)
		}
		return err
	}
	if ctx.Err() != nil || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	if store.Unavailable(err) {
		return fmt.Errorf("%w: %w", store.ErrUnavailable, err)
	}
	// No answer from the server: the connection is the problem.
	return fmt.Errorf("%w: %w", store.ErrUnavailable, err)
}
