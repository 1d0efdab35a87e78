package main

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/internal/eval"
)

func newEvalSentencesCmd() *cobra.Command {
	var (
		gold  string
		chunk int
		min   float64
	)
	cmd := &cobra.Command{
		Use:   "sentences --gold FILE.conll",
		Short: "Score the sentence splitter on a CoNLL file (text rebuilt from tokens)",
		RunE: func(cmd *cobra.Command, args []string) error {
			sents, err := eval.ReadConll(gold)
			if err != nil {
				return err
			}
			s := eval.Sentences(sents, chunk)
			fmt.Fprintf(os.Stdout, "gold: %s\n", gold)
			s.Write(os.Stdout)
			if s.Accuracy() < min {
				return fmt.Errorf("sentence accuracy %.4f below the floor %.4f", s.Accuracy(), min)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&gold, "gold", "", "CoNLL file with gold sentences (required)")
	cmd.Flags().IntVar(&chunk, "chunk", 20, "sentences joined into one paragraph")
	cmd.Flags().Float64Var(&min, "min", 0, "fail when accuracy is below this")
	cmd.MarkFlagRequired("gold")
	return cmd
}

func init() { evalCmd.AddCommand(newEvalSentencesCmd()) }
