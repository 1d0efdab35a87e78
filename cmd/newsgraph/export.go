package main

import (
	"bufio"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/internal/export"
)

func newExportCmd() *cobra.Command {
	var (
		q   queryFlags // --format is the export format here
		out string
	)
	cmd := &cobra.Command{
		Use:   "export --format jsonl|csv|parquet|gdelt-events|gkg [flags]",
		Short: "Write the database's records or events in a format other tools read",
		Long: `Export writes what the database holds (--db, default ./newsgraph.db):

  jsonl         one full record per article (the annotate output)
  csv           one row per event, with a header
  parquet       the same rows as a Parquet file (zstd)
  gdelt-events  GDELT 2.0 Event table: 61 tab-separated columns, GDELT's order
  gkg           GDELT GKG 2.1: 27 tab-separated columns, one row per article

The query filters (--dyad, --actor, --from, ...) restrict what is written.
docs/STORE.md says how our fields map onto GDELT's.`,
		Example: `  newsgraph export --format gdelt-events > events.tsv
  newsgraph export --format parquet --dyad RUS:CHN -o rus-chn.parquet
  newsgraph export --format gkg --from 2023-01-01 > gkg.tsv`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			f, err := q.filter()
			if err != nil {
				return err
			}
			opts := export.Options{Format: export.Format(q.format), Filter: f}
			opts.EnsureDefaults()
			if err := opts.Validate(); err != nil {
				return err
			}
			st, err := openStore(cmd.Context(), q.db, true)
			if err != nil {
				return err
			}
			defer st.Close()
			var w io.Writer = os.Stdout
			var file *os.File
			if out != "" && out != "-" {
				if file, err = os.Create(out); err != nil {
					return fmt.Errorf("cannot create %s: %w", out, err)
				}
				defer file.Close()
				w = file
			}
			bw := bufio.NewWriterSize(w, 1<<20)
			n, err := export.Write(cmd.Context(), st, bw, opts)
			if err != nil {
				return err
			}
			if err := bw.Flush(); err != nil {
				return fmt.Errorf("cannot write: %w", err)
			}
			if file != nil {
				if err := file.Close(); err != nil {
					return fmt.Errorf("cannot write %s: %w", out, err)
				}
			}
			fmt.Fprintf(os.Stderr, "export: %d rows as %s\n", n, opts.Format)
			return nil
		},
	}
	q.add(cmd)
	// Paging flags mean nothing to an export.
	for _, name := range []string{"limit", "cursor", "all", "event"} {
		cmd.Flags().MarkHidden(name)
	}
	cmd.Flags().Lookup("format").Usage = "jsonl, csv, parquet, gdelt-events or gkg (default jsonl)"
	cmd.Flags().StringVarP(&out, "output", "o", "", "file to write (default: standard output)")
	return cmd
}

func init() { rootCmd.AddCommand(newExportCmd()) }
