package backend

import (
	"context"
	"io"
	"net"
	"strings"
	"testing"
	"time"
)

// TestOpenWait: a store whose server comes up after the first attempts is
// opened once it is there, instead of failing at once; a wrong database
// fails at once.
func TestOpenWait(t *testing.T) {
	c, err := net.DialTimeout("tcp", "127.0.0.1:5432", time.Second)
	if err != nil {
		t.Skipf("skipping: PostgreSQL is not running on 127.0.0.1:5432 (%v)", err)
	}
	c.Close()
	// A port with nothing behind it yet.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	dsn := "postgres://postgres@" + addr + "/test?sslmode=disable&connect_timeout=2"
	go func() {
		time.Sleep(1500 * time.Millisecond)
		ln, err := net.Listen("tcp", addr)
		if err != nil {
			t.Error(err)
			return
		}
		t.Cleanup(func() { ln.Close() })
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			u, err := net.Dial("tcp", "127.0.0.1:5432")
			if err != nil {
				c.Close()
				continue
			}
			go func() { io.Copy(u, c); u.Close() }()
			go func() { io.Copy(c, u); c.Close() }()
		}
	}()
	retries := 0
	t0 := time.Now()
	s, err := OpenWait(context.Background(), dsn, true, time.Second, func(err error, next time.Duration) { retries++ })
	if err != nil {
		t.Fatalf("OpenWait: %v", err)
	}
	s.Close()
	if retries == 0 || time.Since(t0) < time.Second {
		t.Errorf("opened after %d retries in %v: the server was not down", retries, time.Since(t0))
	}
	// Not an outage: no retry.
	retries = 0
	_, err = OpenWait(context.Background(), "postgres://postgres@127.0.0.1:5432/no_such_db_storeq?sslmode=disable", true, time.Second,
		func(error, time.Duration) { retries++ })
	if err == nil || retries != 0 || !strings.Contains(err.Error(), "no_such_db_storeq") {
		t.Errorf("missing database: %v after %d retries", err, retries)
	}
}
