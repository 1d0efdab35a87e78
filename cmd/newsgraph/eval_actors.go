package main

import (
	"fmt"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/internal/actor"
	"github.com/newsgraph/newsgraph/internal/pipeline"
	"github.com/newsgraph/newsgraph/internal/text"
)

func init() {
	var petr, plover, docs, dict string
	var gold, misses bool
	cmd := &cobra.Command{
		Use:   "actors [--petr FILE] [--plover FILE] [--docs FILE [--gold-entities]]",
		Short: "Score actor resolution: gold actor codes of PETRARCH and PLOVER sentences, and actor coverage of PER entities",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if petr == "" && plover == "" && docs == "" {
				return fmt.Errorf("give --petr, --plover or --docs")
			}
			r, err := actor.New(actor.Options{Dictionary: dict})
			if err != nil {
				return err
			}
			// The stages of the default chain the entities need
			// (segmenter, tagger) with the resolver under test as the
			// actor stage.
			p, err := pipeline.Default()
			if err != nil {
				return err
			}
			forEntities, err := p.For(text.LayerEntities)
			if err != nil {
				return err
			}
			chain, err := forEntities.With(r)
			if err != nil {
				return err
			}
			full := chain.Run
			out := cmd.OutOrStdout()
			if petr != "" {
				f, err := os.Open(petr)
				if err != nil {
					return fmt.Errorf("cannot read gold: %w", err)
				}
				defer f.Close()
				s, err := r.ScorePETR(cmd.Context(), f, full)
				if err != nil {
					return fmt.Errorf("cannot score %s: %w", petr, err)
				}
				fmt.Fprintf(out, "gold %s\n", petr)
				s.Write(out, misses)
			}
			if plover != "" {
				f, err := os.Open(plover)
				if err != nil {
					return fmt.Errorf("cannot read gold: %w", err)
				}
				defer f.Close()
				s, err := r.ScorePLOVER(cmd.Context(), f, full)
				if err != nil {
					return fmt.Errorf("cannot score %s: %w", plover, err)
				}
				fmt.Fprintf(out, "gold %s\n", plover)
				s.Write(out, misses)
			}
			if docs != "" {
				f, err := os.Open(docs)
				if err != nil {
					return fmt.Errorf("cannot read documents: %w", err)
				}
				defer f.Close()
				ann := full
				if gold {
					ann = r.Annotate
				}
				start := time.Now()
				c, err := r.ScoreCoverage(cmd.Context(), f, ann, gold)
				if err != nil {
					return fmt.Errorf("cannot score %s: %w", docs, err)
				}
				fmt.Fprintf(out, "docs %s (gold entities: %v)\n", docs, gold)
				c.Write(out)
				fmt.Fprintf(out, "  time %s\n", time.Since(start).Round(time.Millisecond))
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&petr, "petr", "", "PETRARCH gold sentences (petr2-gsr.jsonl)")
	cmd.Flags().StringVar(&plover, "plover", "", "PLOVER gold records with actor phrases and codes (plover-gsr-dev.jsonl)")
	cmd.Flags().StringVar(&docs, "docs", "", "JSONL articles for coverage (wikinews.jsonl, gum-news.jsonl)")
	cmd.Flags().BoolVar(&gold, "gold-entities", false, "use the file's gold entities instead of the tagger")
	cmd.Flags().BoolVar(&misses, "misses", false, "list the gold actors not found")
	cmd.Flags().StringVar(&dict, "dictionary", "", "actor dictionary folder (default: the embedded dictionary)")
	evalCmd.AddCommand(cmd)
}
