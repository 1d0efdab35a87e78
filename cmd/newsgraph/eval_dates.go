package main

import (
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/internal/eval"
	"github.com/newsgraph/newsgraph/internal/timex"
)

func init() {
	var gold, errKinds string
	var opts timex.Options
	cmd := &cobra.Command{
		Use:   "dates --gold FILE",
		Short: "Score time expressions (TempEval-3: strict/relaxed span F1, type accuracy, value F1) on a TIMEX3 .jsonl gold file",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			docs, err := eval.ReadTimexGold(gold)
			if err != nil {
				return err
			}
			tg, err := timex.New(opts)
			if err != nil {
				return err
			}
			start := time.Now()
			s, err := eval.ScoreDates(cmd.Context(), tg, docs, errKinds != "")
			if err != nil {
				return err
			}
			el := time.Since(start)
			w := cmd.OutOrStdout()
			fmt.Fprintf(w, "gold %s\n", gold)
			s.Write(w)
			fmt.Fprintf(w, "time %s (%.1f MB/s incl. segmentation)\n", el.Round(time.Millisecond), float64(s.Bytes)/1e6/el.Seconds())
			for _, e := range s.Errors {
				if errKinds != "all" && errKinds != e.Kind {
					continue
				}
				fmt.Fprintf(w, "%-8s %s pub=%s gold=%q %s %s sys=%q %s %s | %s\n", e.Kind, e.Doc, e.Published,
					e.Gold.Text, e.Gold.Type, e.Gold.Value, e.System.Text, e.System.Type, e.System.Value, e.Where)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&gold, "gold", "", "gold file: JSONL with text, published/dct and timex spans (code points)")
	cmd.Flags().StringVar(&errKinds, "errors", "", "also print errors: missed, spurious, span, value or all")
	cmd.Flags().StringVar(&opts.Anchor, "anchor", "", "reference date YYYY-MM-DD for every document (default: each document's published/dct)")
	cmd.MarkFlagRequired("gold")
	evalCmd.AddCommand(cmd)
}
