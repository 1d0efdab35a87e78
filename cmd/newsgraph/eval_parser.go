package main

import (
	"github.com/newsgraph/newsgraph/internal/eval"
	"github.com/newsgraph/newsgraph/internal/syntax"
	"github.com/spf13/cobra"
)

func init() {
	var gold, model string
	cmd := &cobra.Command{
		Use:   "parser",
		Short: "Score the tagger and dependency parser on a CoNLL-U file (UPOS, XPOS, UAS, LAS on gold words)",
		RunE: func(cmd *cobra.Command, _ []string) error {
			var m *syntax.Model
			var err error
			if model != "" {
				m, err = syntax.Open(model)
			} else {
				m, err = syntax.Default()
			}
			if err != nil {
				return err
			}
			r, err := eval.ParserFile(m, gold)
			if err != nil {
				return err
			}
			r.Write(cmd.OutOrStdout())
			return nil
		},
	}
	cmd.Flags().StringVar(&gold, "gold", "", "gold treebank in CoNLL-U, e.g. ../shared/data/ud-dev.conllu (required)")
	cmd.Flags().StringVar(&model, "model", "", "model path (default: the embedded model)")
	cmd.MarkFlagRequired("gold")
	evalCmd.AddCommand(cmd)
}
