package store

import (
	"database/sql"
	"database/sql/driver"
	"errors"
	"io"
	"net"
	"strings"
	"syscall"
)

// ErrUnavailable says that the store cannot be reached now: the same
// request may succeed later. A backend may wrap it; Unavailable also knows
// the drivers' own errors.
var ErrUnavailable = errors.New("store: unavailable")

// Unavailable reports whether err says that the store is out of reach for
// now (connection refused, reset or lost, the database shutting down,
// starting up, out of connections or locked) rather than that the request
// or the data is wrong. The server answers it with 503 instead of 500.
func Unavailable(err error) bool {
	if err == nil {
		return false
	}
	if errors.Is(err, ErrUnavailable) || errors.Is(err, driver.ErrBadConn) || errors.Is(err, sql.ErrConnDone) ||
		errors.Is(err, io.ErrUnexpectedEOF) {
		return true
	}
	for _, e := range []syscall.Errno{syscall.ECONNREFUSED, syscall.ECONNRESET, syscall.ECONNABORTED, syscall.EPIPE,
		syscall.ETIMEDOUT, syscall.EHOSTUNREACH, syscall.ENETUNREACH} {
		if errors.Is(err, e) {
			return true
		}
	}
	if _, ok := errors.AsType[*net.OpError](err); ok {
		return true
	}
	if _, ok := errors.AsType[*net.DNSError](err); ok {
		return true
	}
	// PostgreSQL: connection exceptions (class 08), operator intervention
	// (57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect
	// now) and insufficient resources (class 53, e.g. too many clients).
	if e, ok := errors.AsType[interface {
		error
		SQLState() string
	}](err); ok {
		c := e.SQLState()
		if strings.HasPrefix(c, "08") || strings.HasPrefix(c, "57P") || strings.HasPrefix(c, "53") {
			return true
		}
	}
	// pgx marks the errors that happened before anything was sent.
	if e, ok := errors.AsType[interface {
		error
		SafeToRetry() bool
	}](err); ok && e.SafeToRetry() {
		return true
	}
	// SQLite: SQLITE_BUSY (5), SQLITE_LOCKED (6), SQLITE_CANTOPEN (14); the
	// low byte is the primary result code.
	if e, ok := errors.AsType[interface {
		error
		Code() int
	}](err); ok {
		switch e.Code() & 0xff {
		case 5, 6, 14:
			return true
		}
	}
	return false
}
