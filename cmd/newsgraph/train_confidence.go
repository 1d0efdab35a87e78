package main

import (
	"bytes"
	"fmt"
	"os"

	"github.com/newsgraph/newsgraph/internal/eval"
	"github.com/newsgraph/newsgraph/internal/event"
	"github.com/newsgraph/newsgraph/internal/text"
	"github.com/spf13/cobra"
)

func init() {
	var docs, judgments, out string
	cmd := &cobra.Command{
		Use:   "confidence",
		Short: "Learn the event records' confidence from records judged by hand",
		Long: `Codes the documents (--docs), matches each event record to a judgment
(--judgments, as eval confidence reads them) and fits the confidence model, a
logistic regression over how each record was read, choosing its penalty by
cross-validation over documents. Writes the weights to --out
(internal/event/data/confidence.tsv is the embedded model).`,
		RunE: func(cmd *cobra.Command, _ []string) error {
			judged, err := eval.ReadJudgments(judgments)
			if err != nil {
				return err
			}
			coder, err := event.New(event.Options{KeepFeatures: true}, eventResolver())
			if err != nil {
				return err
			}
			var ex []event.ConfidenceExample
			records := 0
			err = codeDocs(cmd, []string{docs}, coder, func(d *text.Document) {
				for i := range d.Events {
					e := &d.Events[i]
					records++
					if right, ok := judged[eval.EventKey(d, e)]; ok {
						ex = append(ex, event.ConfidenceExample{X: e.Features, Right: right, Doc: d.ID})
					}
				}
			})
			if err != nil {
				return err
			}
			w := cmd.OutOrStdout()
			fmt.Fprintf(w, "records %d, judged %d\n", records, len(ex))
			m, err := event.TrainConfidence(ex, w)
			if err != nil {
				return err
			}
			var b bytes.Buffer
			if _, err := m.WriteTo(&b); err != nil {
				return err
			}
			if err := os.WriteFile(out, b.Bytes(), 0o644); err != nil {
				return fmt.Errorf("cannot write model: %w", err)
			}
			fmt.Fprintf(w, "wrote %s\n", out)
			return nil
		},
	}
	cmd.Flags().StringVar(&docs, "docs", "", "articles to code (required)")
	cmd.Flags().StringVar(&judgments, "judgments", "", "judged records, JSON Lines (required)")
	cmd.Flags().StringVar(&out, "out", "", "where to write the weights (required)")
	cmd.MarkFlagRequired("docs")
	cmd.MarkFlagRequired("judgments")
	cmd.MarkFlagRequired("out")
	trainCmd.AddCommand(cmd)
}
