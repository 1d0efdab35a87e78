package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/internal/amount"
	"github.com/newsgraph/newsgraph/internal/eval"
	"github.com/newsgraph/newsgraph/internal/timex"
)

func init() {
	var gold string
	var showErrors bool
	var opts amount.Options
	cmd := &cobra.Command{
		Use:   "amounts [--gold FILE]",
		Short: "Score amounts (span P/R/F1, value, unit and object accuracy) on a hand-written fixture",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			docs, err := eval.ReadAmountGold(gold)
			if err != nil {
				return err
			}
			tg, err := timex.New(timex.Options{})
			if err != nil {
				return err
			}
			at, err := amount.New(opts)
			if err != nil {
				return err
			}
			s, err := eval.ScoreAmounts(cmd.Context(), tg, at, docs)
			if err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "gold %s (%d docs)\n", gold, len(docs))
			s.Write(cmd.OutOrStdout(), showErrors)
			return nil
		},
	}
	cmd.Flags().StringVar(&gold, "gold", "internal/amount/testdata/amounts.jsonl", "fixture: JSONL with text and expected amounts")
	cmd.Flags().BoolVar(&showErrors, "errors", false, "print every mismatch")
	cmd.Flags().IntVar(&opts.MaxObjectWords, "max-object-words", 4, "longest object in words")
	evalCmd.AddCommand(cmd)
}
