package main

import (
	"github.com/newsgraph/newsgraph/internal/eval"
	"github.com/newsgraph/newsgraph/internal/event"
	"github.com/newsgraph/newsgraph/internal/pipeline"
	"github.com/newsgraph/newsgraph/internal/text"
	"github.com/spf13/cobra"
)

func init() {
	var gold string
	var verbose bool
	var o event.Options
	cmd := &cobra.Command{
		Use:   "events",
		Short: "Score the event coder on PLOVER GSR or PETRARCH-2 GSR sentences (.jsonl)",
		Long: `Runs the default pipeline and the event coder on each gold sentence and prints
PLOVER top-event type accuracy, any-match rate and sentences without an event
(PLOVER GSR), or CAMEO full-code and root accuracy, dyad accuracy and false
events on no-event sentences (PETRARCH-2 GSR).`,
		RunE: func(cmd *cobra.Command, _ []string) error {
			p, err := pipeline.Default()
			if err != nil {
				return err
			}
			coder, err := event.New(o, eventResolver())
			if err != nil {
				return err
			}
			chain, err := evalChain(p, text.LayerEvents, coder)
			if err != nil {
				return err
			}
			r, err := eval.EventsFile(gold, func(d *text.Document) error { return chain.Run(cmd.Context(), d) })
			if err != nil {
				return err
			}
			r.Write(cmd.OutOrStdout(), verbose)
			return nil
		},
	}
	cmd.Flags().StringVar(&gold, "gold", "", "gold file: ../shared/data/plover-gsr-dev.jsonl or petr2-gsr.jsonl (required)")
	cmd.Flags().BoolVarP(&verbose, "verbose", "v", false, "print confusions and every error")
	cmd.Flags().StringVar(&o.Dictionary, "dictionary", "", "folder with codes.tsv and verbs.txt (default: embedded)")
	cmd.Flags().BoolVar(&o.Statements, "statements", false, "also code plain statements (CAMEO 010)")
	cmd.Flags().BoolVar(&o.Unresolved, "unresolved", false, "accept noun phrases without a resolved actor (measures coding apart from actors)")
	cmd.MarkFlagRequired("gold")
	evalCmd.AddCommand(cmd)
}
