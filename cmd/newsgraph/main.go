// Command newsgraph reads news articles and writes down who did what to
// whom, when, where, with what tone, what they said and which figures they
// cited. Each subcommand lives in its own file.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/spf13/cobra"
)

var rootCmd = &cobra.Command{
	Use:           "newsgraph",
	Short:         "Turn news articles into structured, queryable event and knowledge records",
	SilenceUsage:  true,
	SilenceErrors: true,
}

// evalCmd groups the quality evaluations, one subcommand per stage.
var evalCmd = &cobra.Command{
	Use:   "eval",
	Short: "Score an extraction stage against a gold file",
}

// trainCmd groups the model trainers.
var trainCmd = &cobra.Command{
	Use:   "train",
	Short: "Train a model from a corpus",
}

func init() {
	rootCmd.AddCommand(evalCmd, trainCmd)
}

// errFailed says that some documents failed; they were reported already.
var errFailed = errors.New("some documents failed")

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := rootCmd.ExecuteContext(ctx); err != nil {
		if !errors.Is(err, errFailed) {
			fmt.Fprintln(os.Stderr, "newsgraph:", err)
		}
		os.Exit(1)
	}
}
