package sqlite

import (
	"errors"
	"fmt"

	"github.com/newsgraph/newsgraph/internal/store"
)

// SQLite primary result codes (the low byte of an extended code).
const (
	codeBusy       = 5
	codeLocked     = 6
	codeIOErr      = 10
	codeFull       = 13
	codeCantOpen   = 14
	codeTooBig     = 18
	codeConstraint = 19
	codeMismatch   = 20
)

// resultCode returns the SQLite result code of err, or 0.
func resultCode(err error) int {
	var ce interface{ Code() int }
	if errors.As(err, &ce) {
		return ce.Code() & 0xff
	}
	return 0
}

// isDataErr reports whether SQLite refused a value: too big, a constraint,
// a type mismatch. Storing the same record again fails again.
func isDataErr(err error) bool {
	switch resultCode(err) {
	case codeTooBig, codeConstraint, codeMismatch:
		return true
	}
	return false
}

// classify wraps a Put error with store.ErrUnavailable when the database
// is locked, full or cannot be read or written for now.
func classify(err error) error {
	if err == nil || errors.Is(err, store.ErrBadRecord) {
		return err
	}
	switch resultCode(err) {
	case codeBusy, codeLocked, codeIOErr, codeFull, codeCantOpen:
		return fmt.Errorf("%w: %w", store.ErrUnavailable, err)
	}
	return err
}
