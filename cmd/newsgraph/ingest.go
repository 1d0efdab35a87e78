package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/internal/pipeline"
	"github.com/newsgraph/newsgraph/internal/queue"
	"github.com/newsgraph/newsgraph/internal/source"
	"github.com/newsgraph/newsgraph/internal/store"
	"github.com/newsgraph/newsgraph/internal/store/ingest"
)

// errInterrupted says that ingest stopped on a signal after storing the
// batch in hand.
var errInterrupted = errors.New("interrupted; what was read so far is stored, run the same command again to continue")

// dbFlag adds --db to cmd; NEWSGRAPH_DB is its default when set.
func dbFlag(cmd *cobra.Command, path *string) {
	cmd.Flags().StringVar(path, "db", envOr("NEWSGRAPH_DB", "newsgraph.db"), "the database: a SQLite file, or postgres://… (env NEWSGRAPH_DB)")
}

func newIngestCmd() *cobra.Command {
	var (
		src     source.Options
		opts    ingest.Options
		db      string
		workers int
		quiet   bool
		qo      queue.Options
		requeue bool
	)
	cmd := &cobra.Command{
		Use:   "ingest [flags] SOURCE...",
		Short: "Annotate articles and store them in the database",
		Long: `Ingest reads articles (files, folders, JSON, JSONL, RSS/Atom feeds, URLs,
or - for standard input), annotates them and stores the records in the
database (--db, default ./newsgraph.db), one transaction per batch.

Re-ingesting an article already stored (same id, URL or normalised text)
changes nothing; near-duplicates (syndicated copies) join the original's
story; an event reported by several articles is stored once with its
mentions. Interrupting (Ctrl-C) stores the batch in hand and stops; a crash
loses only uncommitted batches, and running the same command again
completes the database. Failed documents are reported with their origin and
reason; the exit code is 1 when any failed.

With --queue, ingest publishes the articles to the NATS JetStream work
queue for workers (newsgraph worker) instead. An article id the stream saw
within its de-duplication window (24 h) is not published again, unless
--requeue; with --db (the workers' store) the store decides: what it holds
is skipped and the rest is published.`,
		Example: `  newsgraph ingest examples/
  newsgraph ingest --db news.db feed.xml https://example.org/article.html
  cat articles.jsonl | newsgraph ingest -`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			src.EnsureDefaults()
			if err := src.Validate(); err != nil {
				return err
			}
			opts.EnsureDefaults()
			if err := opts.Validate(); err != nil {
				return err
			}
			ctx, cancel := context.WithCancel(cmd.Context())
			defer cancel()
			if qo.URL != "" {
				po := publishOptions{requeue: requeue}
				if cmd.Flags().Changed("db") || os.Getenv("NEWSGRAPH_DB") != "" {
					po.db = db
				}
				return publish(ctx, args, src, qo, po)
			}
			st, err := createStore(ctx, db)
			if err != nil {
				return err
			}
			defer st.Close()
			p, err := pipeline.Default()
			if err != nil {
				return fmt.Errorf("cannot build the pipeline: %w", err)
			}
			prog := newIngestProgress(os.Stderr, countInputs(args))
			defer prog.stop()
			opts.OnResult = prog.result
			opts.OnRejected = prog.rejected
			// Articles already stored are not annotated again (a re-run
			// after a crash resumes quickly); Put would skip them anyway.
			items := ingest.SkipStored(ctx, st, source.Open(ctx, args, src), prog.skip)
			results := p.Process(ctx, items, workers)
			sum, err := ingest.Run(ctx, st, results, opts)
			prog.stop()
			if err != nil {
				return err
			}
			prog.summary(sum)
			if !quiet {
				stats, err := st.Stats(context.WithoutCancel(ctx))
				if err != nil {
					return err
				}
				printFound(os.Stdout, db, stats)
			}
			if sum.Interrupted {
				return errInterrupted
			}
			if sum.Failed > 0 {
				return errFailed
			}
			return nil
		},
	}
	sourceFlags(cmd, &src)
	dbFlag(cmd, &db)
	queueFlags(cmd, &qo)
	cmd.Flags().IntVar(&opts.BatchSize, "batch", 64, "records stored per transaction")
	cmd.Flags().IntVar(&workers, "workers", 0, "documents annotated in parallel (0: one per CPU)")
	cmd.Flags().BoolVarP(&quiet, "quiet", "q", false, "do not print what the database holds at the end")
	cmd.Flags().BoolVar(&requeue, "requeue", false, "with --queue: publish articles the stream saw within its de-duplication window again")
	return cmd
}

func init() { rootCmd.AddCommand(newIngestCmd()) }

// quadNames are the CAMEO quad classes.
var quadNames = [5]string{"", "verbal cooperation", "material cooperation", "verbal conflict", "material conflict"}

// printFound writes what the database holds: articles, events by quad
// class, top dyads.
func printFound(w io.Writer, db string, st store.Stats) {
	fmt.Fprintf(w, "%s: %d articles in %d stories; %d events from %d mentions", db, st.Articles, st.Stories, st.Events, st.Mentions)
	if st.FirstDate != "" {
		fmt.Fprintf(w, ", %s to %s", st.FirstDate, st.LastDate)
	}
	if st.Undated > 0 {
		fmt.Fprintf(w, ", %d undated", st.Undated)
	}
	if st.Uncounted > 0 {
		fmt.Fprintf(w, " (and %d negated or hypothetical, not counted)", st.Uncounted)
	}
	fmt.Fprintf(w, "\n  %d entities, %d places, %d quotes, %d amounts\n", st.Entities, st.Places, st.Quotes, st.Amounts)
	if st.Events > 0 {
		var parts []string
		for q := 1; q <= 4; q++ {
			parts = append(parts, fmt.Sprintf("%s %d", quadNames[q], st.Quad[q]))
		}
		fmt.Fprintf(w, "  events by quad class: %s\n", strings.Join(parts, ", "))
	}
	if len(st.TopDyads) > 0 {
		var parts []string
		for _, d := range st.TopDyads {
			parts = append(parts, fmt.Sprintf("%s–%s %d", d.A, d.B, d.Events))
		}
		fmt.Fprintf(w, "  top dyads: %s\n", strings.Join(parts, ", "))
	}
}
