package main

import (
	"fmt"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/internal/ner"
)

func init() {
	var (
		o     ner.TrainOptions
		conll string
		dev   string
		out   string
		prune float32
	)
	cmd := &cobra.Command{
		Use:   "ner --conll FILE [--dev FILE] [--out PATH]",
		Short: "Train the entity tagger (averaged perceptron) from a CoNLL/GMB token file",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			o.Log = cmd.ErrOrStderr()
			train, err := readNERCorpus(conll)
			if err != nil {
				return err
			}
			var devSents []ner.Sentence
			if dev != "" {
				if devSents, err = readNERCorpus(dev); err != nil {
					return err
				}
			}
			m, err := ner.Train(cmd.Context(), train, devSents, o)
			if err != nil {
				return fmt.Errorf("cannot train: %w", err)
			}
			f, err := os.Create(out)
			if err != nil {
				return fmt.Errorf("cannot write model: %w", err)
			}
			n, err := m.WriteTo(f, prune)
			if cerr := f.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				return fmt.Errorf("cannot write model %s: %w", out, err)
			}
			fmt.Fprintf(cmd.OutOrStdout(), "wrote %s: %d bytes, %d features before pruning\n", out, n, m.Features())
			if len(devSents) > 0 {
				start := time.Now()
				pm, err := ner.Open(out)
				if err != nil {
					return err
				}
				fmt.Fprintf(cmd.OutOrStdout(), "reloaded in %s: %d features, dev F1 PER/ORG/LOC %.4f\n",
					time.Since(start).Round(time.Millisecond), pm.Features(), ner.ScoreSentences(pm, devSents))
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&conll, "conll", "", "training corpus (CoNLL or GMB token file)")
	f.StringVar(&dev, "dev", "", "optional dev corpus, scored after each epoch")
	f.StringVar(&out, "out", "internal/ner/model.bin.gz", "where to write the model")
	f.IntVar(&o.Epochs, "epochs", 0, "passes over the corpus (default 10)")
	f.IntVar(&o.MinCount, "min-count", 0, "drop features seen fewer times (default 2)")
	f.Uint64Var(&o.Seed, "seed", 0, "shuffling seed (default 1)")
	f.Float32Var(&prune, "prune", 0.05, "drop averaged weights of smaller magnitude from the saved model")
	cmd.MarkFlagRequired("conll")
	trainCmd.AddCommand(cmd)
}

// readNERCorpus reads a token corpus with ner.ReadCoNLL.
func readNERCorpus(path string) ([]ner.Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read corpus: %w", err)
	}
	defer f.Close()
	s, err := ner.ReadCoNLL(f)
	if err != nil {
		return nil, fmt.Errorf("cannot read corpus %s: %w", path, err)
	}
	return s, nil
}
