package main

import (
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/internal/eval"
	"github.com/newsgraph/newsgraph/internal/ner"
)

func init() {
	var gold, model string
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
			start := time.Now()
			s, err := eval.ScoreNER(cmd.Context(), eval.NERTagger{Tagger: tg}, docs)
			if err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "gold %s\n", gold)
			s.Write(cmd.OutOrStdout())
			fmt.Fprintf(cmd.OutOrStdout(), "  time %s\n", time.Since(start).Round(time.Millisecond))
			return nil
		},
	}
	cmd.Flags().StringVar(&gold, "gold", "", "gold file: .conll (GMB/CoNLL tokens) or .jsonl (text + code-point entity spans)")
	cmd.Flags().StringVar(&model, "model", "", "model file (default: the embedded model)")
	cmd.MarkFlagRequired("gold")
	evalCmd.AddCommand(cmd)
}
