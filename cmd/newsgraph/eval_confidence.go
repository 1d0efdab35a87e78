package main

import (
	"fmt"

	"github.com/newsgraph/newsgraph/internal/eval"
	"github.com/newsgraph/newsgraph/internal/event"
	"github.com/newsgraph/newsgraph/internal/pipeline"
	"github.com/newsgraph/newsgraph/internal/source"
	"github.com/newsgraph/newsgraph/internal/text"
	"github.com/spf13/cobra"
)

// codeDocs runs the default pipeline with coder in the event stage over the
// documents at paths, calling f with each coded document.
func codeDocs(cmd *cobra.Command, paths []string, coder *event.Coder, f func(d *text.Document)) error {
	p, err := pipeline.Default()
	if err != nil {
		return err
	}
	chain, err := evalChain(p, text.LayerEvents, coder)
	if err != nil {
		return err
	}
	ctx := cmd.Context()
	for r := range chain.Process(ctx, source.Open(ctx, paths, source.Options{}), 0) {
		if r.Err != nil {
			return fmt.Errorf("%s: %w", r.Origin, r.Err)
		}
		f(r.Doc)
	}
	return ctx.Err()
}

func init() {
	var docs, judgments string
	cmd := &cobra.Command{
		Use:   "confidence",
		Short: "Score the event records' confidence against records judged by hand",
		Long: `Codes the documents (--docs: articles in any form annotate reads), matches
each event record to a judgment (--judgments: JSON Lines of {"key": [id,
sentence, source, CAMEO, trigger, target, mode], "right": bool}, the rule of
docs/EVENTS-JUDGED.md) and prints the share right, the log-loss and Brier
score of the confidences, their AUC, and precision at thresholds.`,
		RunE: func(cmd *cobra.Command, _ []string) error {
			judged, err := eval.ReadJudgments(judgments)
			if err != nil {
				return err
			}
			coder, err := event.New(event.Options{}, eventResolver())
			if err != nil {
				return err
			}
			var r eval.ConfidenceResult
			if err := codeDocs(cmd, []string{docs}, coder, func(d *text.Document) { r.Add(d, judged) }); err != nil {
				return err
			}
			r.Write(cmd.OutOrStdout())
			return nil
		},
	}
	cmd.Flags().StringVar(&docs, "docs", "", "articles to code (required)")
	cmd.Flags().StringVar(&judgments, "judgments", "", "judged records, JSON Lines (required)")
	cmd.MarkFlagRequired("docs")
	cmd.MarkFlagRequired("judgments")
	evalCmd.AddCommand(cmd)
}
