package main

import (
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/internal/eval"
	"github.com/newsgraph/newsgraph/internal/ner"
	"github.com/newsgraph/newsgraph/internal/pipeline"
)

func init() {
	var gold, model string
	var errors, whole bool
	cmd := &cobra.Command{
		Use:   "ner --gold FILE [--model PATH]",
		Short: "Score the entity tagger (P/R/F1 per type, exact span and type) on a .conll or .jsonl gold file",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			docs, err := eval.ReadNERGold(gold)
			if err != nil {
				return err
			}
			var tg *ner.Tagger
			if model != "" {
				m, err := ner.Open(model)
				if err != nil {
					return err
				}
				tg = ner.New(m)
			} else if tg, err = ner.Default(); err != nil {
				return err
			}
			systems := []eval.NERSystem{eval.NERTagger{Tagger: tg}}
			if whole {
				p, err := pipeline.Default()
				if err != nil {
					return err
				}
				systems = append(systems, eval.NERPipeline{Pipeline: p})
			}
			out := cmd.OutOrStdout()
			fmt.Fprintf(out, "gold %s\n", gold)
			for _, sys := range systems {
				start := time.Now()
				s, err := eval.ScoreNER(cmd.Context(), sys, docs)
				if err != nil {
					return err
				}
				s.Write(out)
				fmt.Fprintf(out, "  time %s\n", time.Since(start).Round(time.Millisecond))
				if errors {
					s.WriteMisses(out)
				}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&gold, "gold", "", "gold file: .conll (GMB/CoNLL tokens) or .jsonl (text + code-point entity spans)")
	cmd.Flags().StringVar(&model, "model", "", "model file (default: the embedded model)")
	cmd.Flags().BoolVar(&errors, "errors", false, "list every false positive (FP) and false negative (FN) with its context")
	cmd.Flags().BoolVar(&whole, "pipeline", false, "also score the entities of the whole default chain (places and actors included), as records carry them; raw text only")
	cmd.MarkFlagRequired("gold")
	evalCmd.AddCommand(cmd)
}
