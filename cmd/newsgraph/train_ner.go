package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/internal/ner"
	"github.com/newsgraph/newsgraph/internal/text"
)

func init() {
	var (
		o     ner.TrainOptions
		conll string
		dev   string
		out   string
		prune float32
		unlab []string
		names string
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
			var unlabelled [][]string
			for _, p := range unlab {
				u, err := readUnlabelled(p)
				if err != nil {
					return err
				}
				unlabelled = append(unlabelled, u...)
			}
			if names != "" {
				b, err := os.ReadFile(names)
				if err != nil {
					return fmt.Errorf("cannot read names: %w", err)
				}
				o.FirstNames = strings.Fields(string(b))
			}
			m, err := ner.Train(cmd.Context(), train, devSents, unlabelled, o)
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
	f.IntVar(&o.Epochs, "epochs", 0, "passes over the corpus (default 8)")
	f.IntVar(&o.MinCount, "min-count", 0, "drop features seen fewer times (default 2)")
	f.Uint64Var(&o.Seed, "seed", 0, "shuffling seed (default 1)")
	f.Float32Var(&prune, "prune", 0.05, "drop averaged weights of smaller magnitude from the saved model")
	f.StringSliceVar(&unlab, "unlabelled", nil, "unlabelled news text for word clusters: .jsonl (field text), .conll or plain text; repeatable")
	f.StringVar(&names, "first-names", "", "optional list of given names, one a line (internal/ner/data/first-names.txt)")
	f.IntVar(&o.Runs, "runs", 0, "train this many models with successive seeds and average them (default 1)")
	f.IntVar(&o.CaseCopies, "case-copies", 0, "add an upper-case and a title-case copy of one sentence in N (default 20; negative for none)")
	f.IntVar(&o.Clusters.MinCount, "cluster-min-count", 0, "minimum frequency of a clustered word (default 3)")
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

// readUnlabelled reads the sentences of a text corpus as words: the text
// field of each line of a .jsonl file, the words of a .conll file, or a
// plain text file, segmented with the project's tokenizer.
func readUnlabelled(path string) ([][]string, error) {
	if strings.HasSuffix(path, ".conll") {
		s, err := readNERCorpus(path)
		if err != nil {
			return nil, err
		}
		out := make([][]string, len(s))
		for i := range s {
			out[i] = s[i].Words
		}
		return out, nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read unlabelled text: %w", err)
	}
	var texts []string
	if strings.HasSuffix(path, ".jsonl") {
		sc := bufio.NewScanner(strings.NewReader(string(b)))
		sc.Buffer(make([]byte, 1<<20), 64<<20)
		for sc.Scan() {
			var doc struct{ Text string }
			if err := json.Unmarshal(sc.Bytes(), &doc); err != nil {
				return nil, fmt.Errorf("cannot read unlabelled text %s: %w", path, err)
			}
			texts = append(texts, doc.Text)
		}
		if err := sc.Err(); err != nil {
			return nil, fmt.Errorf("cannot read unlabelled text %s: %w", path, err)
		}
	} else {
		texts = []string{string(b)}
	}
	var out [][]string
	for _, t := range texts {
		toks := text.Tokenize(nil, t)
		for _, s := range text.Split(nil, t, toks) {
			words := make([]string, 0, s.EndToken-s.FirstToken)
			for _, tk := range toks[s.FirstToken:s.EndToken] {
				words = append(words, t[tk.Start:tk.End])
			}
			out = append(out, words)
		}
	}
	return out, nil
}
