package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// readmeCommand is one `go run ./cmd/newsgraph …` line of the README.
type readmeCommand struct {
	line   string
	args   []string
	stdout string // the file after "> ", if any
}

// readmeCommands returns the newsgraph commands of the README's sh blocks,
// split as the shell would split them (double quotes, a trailing comment,
// "> file").
func readmeCommands(t *testing.T, readme string) []readmeCommand {
	t.Helper()
	const prefix = "go run ./cmd/newsgraph "
	var cmds []readmeCommand
	inSh := false
	for _, line := range strings.Split(readme, "\n") {
		switch {
		case strings.HasPrefix(line, "```sh"):
			inSh = true
			continue
		case strings.HasPrefix(line, "```"):
			inSh = false
			continue
		}
		if !inSh || !strings.HasPrefix(line, prefix) {
			continue
		}
		var (
			c     = readmeCommand{line: line}
			word  strings.Builder
			has   bool
			quote bool
			words []string
		)
		rest := strings.TrimPrefix(line, prefix)
	scan:
		for i, r := range rest {
			switch {
			case r == '"':
				quote, has = !quote, true
			case quote:
				word.WriteRune(r)
			case r == '#' && (i == 0 || rest[i-1] == ' '):
				break scan
			case r == ' ':
				if has {
					words = append(words, word.String())
				}
				word.Reset()
				has = false
			default:
				word.WriteRune(r)
				has = true
			}
		}
		if quote {
			t.Fatalf("unbalanced quote in README line %q", line)
		}
		if has {
			words = append(words, word.String())
		}
		for i, w := range words {
			if w == ">" && i+1 < len(words) {
				c.stdout = words[i+1]
				words = append(words[:i:i], words[i+2:]...)
				break
			}
		}
		c.args = words
		cmds = append(cmds, c)
	}
	return cmds
}

// execute runs the command line args in this process as a new process
// would: every flag of every command back to its default and ctx as every
// command's context (cobra keeps both from one Execute to the next).
func execute(ctx context.Context, args ...string) error {
	var reset func(c *cobra.Command)
	reset = func(c *cobra.Command) {
		c.SetContext(ctx)
		c.Flags().VisitAll(func(f *pflag.Flag) {
			if sv, ok := f.Value.(pflag.SliceValue); ok {
				sv.Replace(nil)
			} else {
				f.Value.Set(f.DefValue)
			}
			f.Changed = false
		})
		for _, sub := range c.Commands() {
			reset(sub)
		}
	}
	reset(rootCmd)
	rootCmd.SetArgs(args)
	return rootCmd.ExecuteContext(ctx)
}

// TestREADME runs every `go run ./cmd/newsgraph …` command of the README,
// as written and in order, in a temporary folder holding the examples:
// each must succeed and (but serve) print something. serve gets
// --addr 127.0.0.1:0 so that it cannot collide with a running server, and
// stops after a few seconds.
func TestREADME(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping: ingests the examples (-short)")
	}
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	cmds := readmeCommands(t, string(readme))
	if len(cmds) < 7 || cmds[0].args[0] != "ingest" {
		t.Fatalf("README commands: %q", cmds)
	}
	dir := t.TempDir()
	if err := os.Symlink(filepath.Join(root, "examples"), filepath.Join(dir, "examples")); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	t.Setenv("NEWSGRAPH_DB", "")
	t.Setenv("NEWSGRAPH_TOKEN", "")
	stdout := os.Stdout
	defer func() { os.Stdout = stdout }()
	for i, c := range cmds {
		out := filepath.Join(dir, "stdout.txt")
		if c.stdout != "" {
			out = filepath.Join(dir, c.stdout)
		}
		f, err := os.Create(out)
		if err != nil {
			t.Fatal(err)
		}
		args := c.args
		ctx, cancel := context.WithCancel(context.Background())
		if args[0] == "serve" {
			args = append(args[:len(args):len(args)], "--addr", "127.0.0.1:0")
			ctx, cancel = context.WithTimeout(context.Background(), 3*time.Second)
		}
		os.Stdout = f
		err = execute(ctx, args...)
		os.Stdout = stdout
		cancel()
		f.Close()
		if err != nil {
			t.Errorf("README command %d, %q: %v", i+1, c.line, err)
			continue
		}
		b, _ := os.ReadFile(out)
		if len(b) == 0 && args[0] != "serve" {
			t.Errorf("README command %d, %q: printed nothing", i+1, c.line)
		}
		// The README shows what ingest prints; its counts of articles and
		// stories must be what the examples give (the event figures move
		// with the models).
		if i == 0 {
			_, shown, _ := strings.Cut(string(readme), "```text\n")
			shown, _, _ = strings.Cut(shown, ";")
			if shown == "" || !strings.HasPrefix(string(b), shown+";") {
				t.Errorf("ingest printed %q; the README shows %q", b, shown)
			}
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "newsgraph.db")); err != nil {
		t.Errorf("ingest wrote no ./newsgraph.db: %v", err)
	}
}
