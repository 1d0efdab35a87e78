package store

import (
	"context"
	"errors"
	"fmt"
	"net"
	"testing"
)

// sqlState and sqliteErr stand in for the drivers' error types.
type sqlState string

func (s sqlState) Error() string    { return "pg: " + string(s) }
func (s sqlState) SQLState() string { return string(s) }

type sqliteErr int

func (c sqliteErr) Error() string { return fmt.Sprintf("sqlite: %d", int(c)) }
func (c sqliteErr) Code() int     { return int(c) }

func TestUnavailable(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	_, dial := net.Dial("tcp", addr)
	f := func(err error, want bool) {
		t.Helper()
		if got := Unavailable(err); got != want {
			t.Errorf("Unavailable(%v) = %v, want %v", err, got, want)
		}
	}
	f(fmt.Errorf("cannot list events: %w", dial), true)
	f(fmt.Errorf("x: %w", ErrUnavailable), true)
	f(sqlState("57P01"), true) // admin shutdown
	f(sqlState("08006"), true) // connection failure
	f(sqlState("53300"), true) // too many connections
	f(sqlState("23505"), false)
	f(sqlState("42P01"), false)
	f(sqliteErr(5), true)        // SQLITE_BUSY
	f(sqliteErr(5|(3<<8)), true) // SQLITE_BUSY_TIMEOUT
	f(sqliteErr(1), false)       // SQLITE_ERROR
	f(nil, false)
	f(ErrBadFilter, false)
	f(ErrNotFound, false)
	f(context.Canceled, false)
	f(errors.New("syntax error"), false)
}
