package main

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/internal/eval"
	"github.com/newsgraph/newsgraph/internal/geo"
	"github.com/newsgraph/newsgraph/internal/pipeline"
	"github.com/newsgraph/newsgraph/internal/text"
)

// geoSystem runs the stages before geo, then the geo annotator.
type geoSystem struct {
	pre []pipeline.Annotator
	geo *geo.Annotator
}

func (s geoSystem) doc(ctx context.Context, g *eval.GeoDoc) (*text.Document, error) {
	d := text.NewDocument(g.ID, "", g.Text)
	d.URL = g.URL
	for _, a := range s.pre {
		if err := a.Annotate(ctx, d); err != nil {
			return nil, err
		}
	}
	return d, nil
}

func (s geoSystem) Places(ctx context.Context, g *eval.GeoDoc) ([]text.Place, error) {
	d, err := s.doc(ctx, g)
	if err != nil {
		return nil, err
	}
	err = s.geo.Annotate(ctx, d)
	return d.Places, err
}

func (s geoSystem) Resolve(ctx context.Context, g *eval.GeoDoc) ([]text.Place, error) {
	d, err := s.doc(ctx, g)
	if err != nil {
		return nil, err
	}
	spans := make([]text.Span, len(g.Toponyms))
	for i, t := range g.Toponyms {
		spans[i] = t.Span
	}
	err = s.geo.AnnotateSpans(ctx, d, spans)
	return d.Places, err
}

func init() {
	var (
		gold, gazetteer, pre string
		errors               bool
		opts                 geo.Options
	)
	cmd := &cobra.Command{
		Use:   "geo --gold FILE",
		Short: "Score toponym recognition (P/R/F1, span overlap) and resolution (accuracy@161 km, median km) against a population baseline",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			docs, err := eval.ReadGeoGold(gold)
			if err != nil {
				return err
			}
			if gazetteer != "" {
				start := time.Now()
				if opts.Gazetteer, err = geo.Open(gazetteer); err != nil {
					return err
				}
				fmt.Fprintf(cmd.OutOrStdout(), "gazetteer %s loaded in %s\n", gazetteer, time.Since(start).Round(time.Millisecond))
			}
			// The stages before geo are those the layer named by --pre
			// depends on in the default chain.
			layer, ok := map[string]text.Layer{"ner,actor": text.LayerEntities, "ner": text.LayerNames, "none": text.LayerSentences, "": text.LayerSentences}[strings.ReplaceAll(pre, " ", "")]
			if !ok {
				return fmt.Errorf("unknown stages %q in --pre (want ner,actor, ner or none)", pre)
			}
			def, err := pipeline.Default()
			if err != nil {
				return err
			}
			before, err := def.For(layer)
			if err != nil {
				return err
			}
			stages := before.Stages()
			start := time.Now()
			sys, err := geo.New(opts)
			if err != nil {
				return err
			}
			base := opts
			base.Baseline = true
			bsys, err := geo.New(base)
			if err != nil {
				return err
			}
			w := cmd.OutOrStdout()
			fmt.Fprintf(w, "gold %s (%d documents), stages before geo: %s\n", gold, len(docs), pre)
			for _, x := range []struct {
				name string
				a    *geo.Annotator
			}{{"newsgraph geo", sys}, {"baseline: largest population", bsys}} {
				s, err := eval.ScoreGeo(cmd.Context(), x.name, geoSystem{pre: stages, geo: x.a}, docs)
				if err != nil {
					return err
				}
				s.Write(w)
				if errors && x.a == sys {
					for _, e := range s.Errors {
						fmt.Fprintln(w, "   ", e)
					}
					for _, e := range s.SpanErrors {
						fmt.Fprintln(w, "   ", e)
					}
				}
			}
			fmt.Fprintf(w, "time %s\n", time.Since(start).Round(time.Millisecond))
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&gold, "gold", "", "gold .jsonl with code-point toponym spans and lat/lon, e.g. ../shared/data/geovirus.jsonl (required)")
	f.StringVar(&gazetteer, "gazetteer", "", "gazetteer file written by internal/geo/gen (default: the embedded one)")
	f.StringVar(&pre, "pre", "ner,actor", "stages run before geo: ner,actor (the entities), ner (the tagger's names) or none (the segmenter alone)")
	f.BoolVar(&errors, "errors", false, "list every missed (FN) and spurious (FP) toponym, every recognised one (far) and every gold span (span) resolved farther than 161 km, with its context")
	f.BoolVar(&opts.NoGazetteerMatch, "no-gazetteer-match", false, "keep only toponyms tagged LOC by earlier stages (and datelines)")
	f.Int64Var(&opts.MinPopulation, "min-population", 0, "drop gazetteer-only toponyms whose candidates are all smaller than this")
	f.Float64Var(&opts.NearKm, "near-km", 400, "radius in km within which other toponyms support a candidate")
	cmd.MarkFlagRequired("gold")
	evalCmd.AddCommand(cmd)
}
