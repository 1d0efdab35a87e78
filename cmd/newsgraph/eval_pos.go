package main

import (
	"github.com/newsgraph/newsgraph/internal/eval"
	"github.com/newsgraph/newsgraph/internal/pos"
	"github.com/spf13/cobra"
)

func init() {
	var gold, model string
	cmd := &cobra.Command{
		Use:   "pos",
		Short: "Score the part-of-speech tagger on a TOKEN<TAB>POS file (tag accuracy)",
		RunE: func(cmd *cobra.Command, _ []string) error {
			m, err := pos.Default()
			if model != "" {
				m, err = pos.Open(model)
			}
			if err != nil {
				return err
			}
			r, err := eval.POSFile(m, gold)
			if err != nil {
				return err
			}
			r.Write(cmd.OutOrStdout())
			return nil
		},
	}
	cmd.Flags().StringVar(&gold, "gold", "", "gold file, TOKEN<TAB>POS per line, e.g. ../shared/data/gmb-dev.conll (required)")
	cmd.Flags().StringVar(&model, "model", "", "model path (default: the embedded model)")
	cmd.MarkFlagRequired("gold")
	evalCmd.AddCommand(cmd)
}
