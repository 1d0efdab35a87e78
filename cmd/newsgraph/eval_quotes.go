package main

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/internal/eval"
	"github.com/newsgraph/newsgraph/internal/pipeline"
	"github.com/newsgraph/newsgraph/internal/quote"
	"github.com/newsgraph/newsgraph/internal/text"
)

func init() {
	var gold string
	var showErrors, segmentOnly, scorePartial bool
	var opts quote.Options
	cmd := &cobra.Command{
		Use:   "quotes --gold FILE",
		Short: "Score quotes and speakers (content F1 by overlap and exact, speaker accuracy, source and cue F1) on PolNeAR-style JSONL",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			docs, err := eval.ReadQuoteGold(gold)
			if err != nil {
				return err
			}
			qa, err := quote.New(opts)
			if err != nil {
				return err
			}
			// The default chain up to quotes (segmentation, entities,
			// actors, places, ...) with the quote annotator under test in
			// its place; or, to measure quotes without the layers they
			// need, the segmenter alone before it (no pipeline: the
			// quote stage's needs are not met).
			run := func(ctx context.Context, d *text.Document) error {
				if err := (text.Segmenter{}).Annotate(ctx, d); err != nil {
					return err
				}
				return qa.Annotate(ctx, d)
			}
			if !segmentOnly {
				p, err := pipeline.Default()
				if err != nil {
					return err
				}
				chain, err := evalChain(p, text.LayerQuotes, qa)
				if err != nil {
					return err
				}
				run = chain.Run
			}
			s, err := eval.ScoreQuotes(cmd.Context(), run, docs, scorePartial, showErrors)
			if err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "gold %s (%d docs)\n", gold, s.Docs)
			s.Write(cmd.OutOrStdout())
			return nil
		},
	}
	cmd.Flags().StringVar(&gold, "gold", "../shared/data/polnear-dev.jsonl", "PolNeAR-style JSONL with text and attributions")
	cmd.Flags().BoolVar(&showErrors, "errors", false, "print misses, false alarms and wrong speakers")
	cmd.Flags().BoolVar(&segmentOnly, "segment-only", false, "run only segmentation before quotes (no entities or actors)")
	cmd.Flags().BoolVar(&scorePartial, "score-partial", false, "score partial (scare) quotes as attributions too")
	cmd.Flags().StringVar(&opts.Lexicon, "lexicon", "", "cue lexicon file (default: embedded cues.txt)")
	cmd.Flags().BoolVar(&opts.DropPartial, "drop-partial", false, "leave out partial (scare) quotes")
	cmd.Flags().BoolVar(&opts.NoNominal, "no-nominal", false, "ignore noun-phrase cues (criticized, praised, called for)")
	cmd.Flags().BoolVar(&opts.KeepUnknownSpeaker, "keep-unknown-speaker", false, "keep reported quotes whose speaker phrase is not recognised, without a speaker")
	cmd.Flags().IntVar(&opts.MaxPartialWords, "max-partial-words", 6, "most words of a cue-less quote inside a sentence to count as partial")
	evalCmd.AddCommand(cmd)
}
