package main

import (
	"fmt"
	"os"
	"time"

	"github.com/newsgraph/newsgraph/internal/conllu"
	"github.com/newsgraph/newsgraph/internal/eval"
	"github.com/newsgraph/newsgraph/internal/syntax"
	"github.com/spf13/cobra"
)

func readCoNLLU(path string) ([]*conllu.Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("cannot open treebank: %w", err)
	}
	defer f.Close()
	s, err := conllu.ReadAll(f)
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %w", path, err)
	}
	return s, nil
}

func init() {
	var train, dev, out, lexicon string
	var o syntax.TrainOptions
	cmd := &cobra.Command{
		Use:   "parser",
		Short: "Train the tagger, lemmatiser and dependency parser on a CoNLL-U treebank",
		RunE: func(cmd *cobra.Command, _ []string) error {
			sents, err := readCoNLLU(train)
			if err != nil {
				return err
			}
			w := cmd.OutOrStdout()
			o.Log = w
			if lexicon != "" {
				f, err := os.Open(lexicon)
				if err != nil {
					return fmt.Errorf("cannot open lexicon: %w", err)
				}
				rows, err := conllu.ReadColumns(f, 2)
				f.Close()
				if err != nil {
					return fmt.Errorf("cannot read lexicon %s: %w", lexicon, err)
				}
				for _, r := range rows {
					for _, c := range r.Cols {
						o.Lexicon = append(o.Lexicon, [2]string{c[0], c[1]})
					}
				}
			}
			if dev != "" {
				gold, err := readCoNLLU(dev)
				if err != nil {
					return err
				}
				o.Checkpoint = func(pass int, m *syntax.Model) {
					fmt.Fprintf(w, "  dev after pass %d: %s\n", pass, eval.Parser(m, gold).All.Line())
					if f, err := os.Create(fmt.Sprintf("%s.pass%d", out, pass)); err == nil {
						m.Write(f)
						f.Close()
					}
				}
				defer func() {
					if m, err := syntax.Open(out); err == nil {
						fmt.Fprintf(w, "dev: %s\n", eval.Parser(m, gold).All.Line())
					}
				}()
			}
			t0 := time.Now()
			m, err := syntax.Train(sents, o)
			if err != nil {
				return err
			}
			f, err := os.Create(out)
			if err != nil {
				return fmt.Errorf("cannot create model: %w", err)
			}
			if err := m.Write(f); err != nil {
				f.Close()
				return fmt.Errorf("cannot write model: %w", err)
			}
			if err := f.Close(); err != nil {
				return fmt.Errorf("cannot write model: %w", err)
			}
			fi, _ := os.Stat(out)
			fmt.Fprintf(w, "trained on %d sentences in %s; wrote %s (%d bytes; tagger %d features, parser %d features, %d weights)\n",
				len(sents), time.Since(t0).Round(time.Second), out, fi.Size(),
				m.Tagger().Features(), m.Parser().Features(), m.Parser().Weights())
			return nil
		},
	}
	cmd.Flags().StringVar(&train, "conllu", "", "training treebank in CoNLL-U, e.g. ../shared/data/ud-train.conllu (required)")
	cmd.Flags().StringVar(&dev, "dev", "", "dev treebank scored (and the model saved as OUT.passN) every third pass and after training")
	cmd.Flags().StringVar(&lexicon, "lexicon", "", "news corpus of words with Penn tags in its second column (e.g. ../shared/data/gmb-train.conll) for the tagger's news lexicon")
	cmd.Flags().StringVar(&out, "out", "internal/syntax/data/syntax.model.zst", "where to write the model")
	cmd.Flags().IntVar(&o.Iterations, "iterations", 0, "parser passes (default 15)")
	cmd.Flags().IntVar(&o.TagIterations, "tag-iterations", 0, "tagger passes (default 8)")
	cmd.Flags().IntVar(&o.Folds, "folds", 0, "jackknife folds for the parser's training tags (default 5)")
	cmd.Flags().Uint64Var(&o.Seed, "seed", 1, "seed of shuffles and exploration")
	cmd.Flags().IntVar(&o.Seeds, "seeds", 0, "parsers trained with seeds SEED, SEED+1, ... and averaged into one (default 1)")
	cmd.Flags().IntVar(&o.TagSeeds, "tag-seeds", 0, "final taggers trained with seeds SEED, SEED+1, ... and averaged into one (default 1)")
	cmd.Flags().Float64Var(&o.MinWeight, "min-weight", 0, "drop averaged weights below this (default 1.5)")
	cmd.MarkFlagRequired("conllu")
	trainCmd.AddCommand(cmd)
}
