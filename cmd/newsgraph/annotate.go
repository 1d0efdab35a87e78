package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/internal/conllu"
	"github.com/newsgraph/newsgraph/internal/pipeline"
	"github.com/newsgraph/newsgraph/internal/source"
	"github.com/newsgraph/newsgraph/internal/syntax"
)

// sourceFlags maps reader flags onto source.Options.
func sourceFlags(cmd *cobra.Command, o *source.Options) {
	f := cmd.Flags()
	f.StringVar(&o.Published, "published", "", "date (YYYY-MM-DD or RFC 3339) of articles that give none: not in the input, the page's metadata, the URL or a dateline (a dateline without a year takes this year)")
	f.Int64Var(&o.MaxBytes, "max-bytes", 10<<20, "largest document accepted, in bytes")
	f.BoolVar(&o.AllowPrivate, "allow-private", false, "let URLs reach private and loopback addresses")
	f.DurationVar(&o.Timeout, "timeout", 30*time.Second, "time limit for one URL fetch")
	f.BoolVar(&o.FollowLinks, "follow-links", false, "fetch the page of each feed item instead of its summary")
}

func newAnnotateCmd() *cobra.Command {
	var (
		opts    source.Options
		pretty  bool
		workers int
		format  string
		layers  string
	)
	cmd := &cobra.Command{
		Use:   "annotate [flags] [FILE|DIR|URL|-]...",
		Short: "Annotate articles and write one JSON record per article to stdout",
		Long: `Annotate reads articles (plain text, HTML, JSON, JSONL, RSS/Atom feeds,
folders, URLs, or - for standard input) and writes one JSON record per
article to standard output (JSON Lines; --pretty for humans), or with
--format conllu the dependency trees as CoNLL-U (as UDPipe and Stanza
write them). --layers +syntax adds every token with its tags, lemma and
head to the records. Documents that
cannot be read or annotated are reported on standard error with their origin
and reason; the exit code is 1 when any failed.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.EnsureDefaults()
			if err := opts.Validate(); err != nil {
				return err
			}
			if format != "json" && format != "conllu" {
				return fmt.Errorf("unknown --format %q: json or conllu", format)
			}
			var withSyntax bool
			switch layers {
			case "":
			case "+syntax":
				withSyntax = true
			default:
				return fmt.Errorf("unknown --layers %q: the optional layer is +syntax", layers)
			}
			p, err := pipeline.Default()
			if err != nil {
				return fmt.Errorf("cannot build the pipeline: %w", err)
			}
			ctx := cmd.Context()
			w := bufio.NewWriterSize(os.Stdout, 256<<10)
			defer w.Flush()
			enc := json.NewEncoder(w)
			enc.SetEscapeHTML(false)
			if pretty {
				enc.SetIndent("", "  ")
			}
			cw := conllu.NewWriter(w)
			defer cw.Flush()
			prog := newProgress(os.Stderr, "annotated")
			defer prog.stop()
			for r := range p.Process(ctx, source.Open(ctx, args, opts), workers) {
				if r.Err != nil {
					prog.fail(r.Origin, r.Err)
					continue
				}
				prog.warn(r.Origin, r.Doc.Warnings)
				if format == "conllu" {
					for _, s := range syntax.CoNLLU(r.Doc) {
						if err := cw.Write(s); err != nil {
							return fmt.Errorf("cannot write CoNLL-U: %w", err)
						}
					}
				} else {
					if withSyntax {
						r.Record.Tokens = r.Doc.TokenRecords()
					}
					if err := enc.Encode(r.Record); err != nil {
						return fmt.Errorf("cannot write record: %w", err)
					}
				}
				prog.done(len(r.Doc.Text))
			}
			prog.stop()
			prog.summary()
			if ctx.Err() != nil {
				return ctx.Err()
			}
			if prog.failed() > 0 {
				return errFailed
			}
			return nil
		},
	}
	sourceFlags(cmd, &opts)
	cmd.Flags().BoolVar(&pretty, "pretty", false, "indent the JSON for humans")
	cmd.Flags().StringVar(&format, "format", "json", "output: json (one record per article) or conllu (dependency trees)")
	cmd.Flags().StringVar(&layers, "layers", "", "optional record layers to add: +syntax (tokens with tags, lemma, head)")
	cmd.Flags().IntVar(&workers, "workers", 0, "documents annotated in parallel (0: one per CPU)")
	return cmd
}

func init() { rootCmd.AddCommand(newAnnotateCmd()) }
