package main

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
)

// TestStartupInitWork checks that no linked package does heavy work when
// the program starts: every command, --help included, pays for every
// package's init. go-dateparser's locale tables (78 MB and 200 ms of
// regexp compilation, pulled in by go-trafilatura) are built on first use by
// the copy in third_party/go-dateparser; models and dictionaries load when
// a command builds the pipeline. The check counts bytes allocated by each
// package's init (GODEBUG=inittrace=1) in this test binary, which links the
// same packages as the command, so it does not depend on the machine's speed.
func TestStartupInitWork(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, "-test.run=^$")
	cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%v\n%s", err, stderr.String())
	}
	const perPackage, total = 4 << 20, 16 << 20
	var sum, lines int
	sc := bufio.NewScanner(&stderr)
	for sc.Scan() {
		// init github.com/x/y @1.2 ms, 0.5 ms clock, 1234 bytes, 5 allocs
		f := strings.Fields(sc.Text())
		if len(f) < 9 || f[0] != "init" || f[8] != "bytes," {
			continue
		}
		n, err := strconv.Atoi(f[7])
		if err != nil {
			t.Fatalf("cannot read %q: %v", sc.Text(), err)
		}
		lines++
		sum += n
		if n > perPackage {
			t.Errorf("package %s allocates %d bytes at init (limit %d)", f[1], n, perPackage)
		}
	}
	if lines < 50 {
		t.Fatalf("only %d init lines in the trace; has GODEBUG=inittrace changed its format?\n%s", lines, stderr.String())
	}
	if sum > total {
		t.Errorf("package inits allocate %d bytes in all (limit %d)", sum, total)
	}
}
