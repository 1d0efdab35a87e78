package main

import (
	"fmt"
	"os"
	"time"

	"github.com/newsgraph/newsgraph/internal/pos"
	"github.com/spf13/cobra"
)

func init() {
	var conll, out string
	var o pos.TrainOptions
	cmd := &cobra.Command{
		Use:   "pos",
		Short: "Train the part-of-speech tagger on a TOKEN<TAB>POS file (GMB)",
		RunE: func(cmd *cobra.Command, _ []string) error {
			f, err := os.Open(conll)
			if err != nil {
				return fmt.Errorf("cannot open corpus: %w", err)
			}
			sents, err := pos.ReadCoNLL(f)
			f.Close()
			if err != nil {
				return err
			}
			t0 := time.Now()
			m, err := pos.Train(sents, o)
			if err != nil {
				return err
			}
			w, err := os.Create(out)
			if err != nil {
				return fmt.Errorf("cannot create model: %w", err)
			}
			if err := m.Write(w); err != nil {
				w.Close()
				return fmt.Errorf("cannot write model: %w", err)
			}
			if err := w.Close(); err != nil {
				return fmt.Errorf("cannot write model: %w", err)
			}
			c, n := m.Accuracy(sents)
			fmt.Fprintf(cmd.OutOrStdout(), "trained on %d sentences in %s; train accuracy %.4f; wrote %s\n",
				len(sents), time.Since(t0).Round(time.Second), float64(c)/float64(n), out)
			return nil
		},
	}
	cmd.Flags().StringVar(&conll, "conll", "", "training corpus, TOKEN<TAB>POS per line (required)")
	cmd.Flags().StringVar(&out, "out", "internal/pos/data/pos.model.gz", "where to write the model")
	cmd.Flags().IntVar(&o.Iterations, "iterations", 5, "passes over the data")
	cmd.Flags().Uint64Var(&o.Seed, "seed", 1, "shuffle seed")
	cmd.Flags().Float64Var(&o.MinWeight, "min-weight", 0.002, "drop weights below this share of the largest")
	cmd.MarkFlagRequired("conll")
	trainCmd.AddCommand(cmd)
}
