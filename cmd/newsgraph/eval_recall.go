package main

import (
	"github.com/newsgraph/newsgraph/internal/eval"
	"github.com/newsgraph/newsgraph/internal/event"
	"github.com/newsgraph/newsgraph/internal/text"
	"github.com/spf13/cobra"
)

func init() {
	var docs, gold string
	var misses bool
	cmd := &cobra.Command{
		Use:   "recall",
		Short: "Score how many of the events a careful coder listed the records find",
		Long: `Codes the documents (--docs) and counts the events of --gold (JSON Lines of
{"story", "sentence", "source", "target", "cameo", "what"}: every event a careful
coder records in a story, the rule of docs/EVENTS-JUDGED.md) that an asserted or
intended record of the same story finds: the same CAMEO root and the same source
and target, by country (an international body by its first six letters; a bare
IGO matches any), and by the same codes.`,
		RunE: func(cmd *cobra.Command, _ []string) error {
			g, err := eval.ReadGoldEvents(gold)
			if err != nil {
				return err
			}
			want := map[string]bool{}
			for _, e := range g {
				want[e.Story] = true
			}
			coder, err := event.New(event.Options{}, eventResolver())
			if err != nil {
				return err
			}
			r := eval.NewRecall(g)
			if err := codeDocs(cmd, []string{docs}, coder, func(d *text.Document) {
				if want[d.ID] {
					r.Add(d)
				}
			}); err != nil {
				return err
			}
			r.Write(cmd.OutOrStdout(), misses)
			return nil
		},
	}
	cmd.Flags().StringVar(&docs, "docs", "", "articles to code (required)")
	cmd.Flags().StringVar(&gold, "gold", "", "the events a careful coder lists, JSON Lines (required)")
	cmd.Flags().BoolVar(&misses, "misses", false, "list the gold events not found")
	cmd.MarkFlagRequired("docs")
	cmd.MarkFlagRequired("gold")
	evalCmd.AddCommand(cmd)
}
