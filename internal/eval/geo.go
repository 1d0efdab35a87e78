package eval

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/internal/text"
)

// GeoDoc is one gold document for toponym scoring, with byte spans.
type GeoDoc struct {
	ID       string
	URL      string
	Text     string
	Toponyms []GeoToponym
}

// GeoToponym is a gold toponym: its byte span and its point.
type GeoToponym struct {
	text.Span
	Lat, Lon float64
}

// GeoSystem is a toponym recogniser and resolver under evaluation.
type GeoSystem interface {
	// Places returns the places the system finds in doc.
	Places(ctx context.Context, doc *GeoDoc) ([]text.Place, error)
	// Resolve returns the places the system gives to the gold spans.
	Resolve(ctx context.Context, doc *GeoDoc) ([]text.Place, error)
}

// GeoAccKm is the distance within which a resolution counts as right
// (161 km = 100 miles, the usual threshold).
const GeoAccKm = 161

// GeoScore holds one system's figures.
type GeoScore struct {
	Name string
	// Recognition counts overlapping spans, each gold and each predicted
	// toponym matched at most once.
	Recognition PRF
	// Matched are the errors in km of the recognised gold toponyms.
	Matched []float64
	// MatchedClass is the class of the place given to each: "country"
	// (countries, continents, world regions, seas), "region" (first- and
	// second-level divisions) or "town".
	MatchedClass []string
	// Gold are the errors in km of the resolutions of the gold spans,
	// math.Inf(1) when the system gave no place.
	Gold []float64
	// Errors lists the missed and spurious toponyms and the recognised
	// ones resolved farther than GeoAccKm, in document order.
	Errors []GeoError
	// SpanErrors lists the gold spans resolved farther than GeoAccKm
	// (kind "span").
	SpanErrors []GeoError
}

// GeoError is one recognition or resolution error.
type GeoError struct {
	Doc  string
	Kind string // "FN" (missed), "FP" (spurious), "far" (recognised, resolved too far) or "span" (gold span resolved too far)
	// Span is the gold span for FN and far, the system's for FP.
	Span    text.Span
	Context string // the text around the span, the span in [brackets]
	Gold    [2]float64
	Place   text.Place // the system's place (FP, far)
	Km      float64
}

// String formats the error on one line.
func (e GeoError) String() string {
	switch e.Kind {
	case "FN":
		return fmt.Sprintf("%s FN %s  gold=(%.2f,%.2f)", e.Doc, e.Context, e.Gold[0], e.Gold[1])
	case "FP":
		return fmt.Sprintf("%s FP %s  -> %s %s %s why=%s", e.Doc, e.Context, e.Place.Name, e.Place.Country, e.Place.Feature, strings.Join(e.Place.Why, ","))
	}
	return fmt.Sprintf("%s %s %.0fkm %s  gold=(%.2f,%.2f) -> %s %s %s (%.2f,%.2f) why=%s", e.Doc, e.Kind, e.Km, e.Context,
		e.Gold[0], e.Gold[1], e.Place.Name, e.Place.Country, e.Place.Feature, e.Place.Lat, e.Place.Lon, strings.Join(e.Place.Why, ","))
}

// snippet returns the text around span s with s in brackets, on one line.
func snippet(t string, s text.Span) string {
	a, b := max(0, s.Start-60), min(len(t), s.End+60)
	for a > 0 && a < len(t) && t[a]&0xC0 == 0x80 {
		a--
	}
	for b < len(t) && t[b]&0xC0 == 0x80 {
		b++
	}
	out := t[a:s.Start] + "[" + t[s.Start:s.End] + "]" + t[s.End:b]
	return strings.Join(strings.Fields(out), " ")
}

// ReadGeoGold reads a .jsonl gold file with code-point toponym offsets
// ({"id","text","toponyms":[{"start","end","lat","lon"}]}).
func ReadGeoGold(path string) ([]GeoDoc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read gold: %w", err)
	}
	defer f.Close()
	docs, err := readGeoJSONL(f)
	if err != nil {
		return nil, fmt.Errorf("cannot read gold %s: %w", path, err)
	}
	return docs, nil
}

func readGeoJSONL(r io.Reader) ([]GeoDoc, error) {
	var docs []GeoDoc
	err := eachJSONL(r, func(line int, b []byte) error {
		var in struct {
			ID       string `json:"id"`
			URL      string `json:"url"`
			Text     string `json:"text"`
			Toponyms []struct {
				Start, End int
				Lat, Lon   float64
			} `json:"toponyms"`
		}
		if err := json.Unmarshal(b, &in); err != nil {
			return fmt.Errorf("line %d: %w", line, err)
		}
		off := runeOffsets(in.Text)
		d := GeoDoc{ID: in.ID, URL: in.URL, Text: in.Text}
		for _, t := range in.Toponyms {
			if t.Start < 0 || t.End > len(off)-1 || t.Start >= t.End {
				return fmt.Errorf("line %d: toponym [%d,%d) outside the text", line, t.Start, t.End)
			}
			d.Toponyms = append(d.Toponyms, GeoToponym{Span: text.Span{Start: off[t.Start], End: off[t.End]}, Lat: t.Lat, Lon: t.Lon})
		}
		docs = append(docs, d)
		return nil
	})
	return docs, err
}

// runeOffsets returns the byte offset of every code point of s and len(s).
func runeOffsets(s string) []int {
	off := make([]int, 0, len(s)+1)
	for i := range s {
		off = append(off, i)
	}
	return append(off, len(s))
}

// ScoreGeo runs sys over docs and scores recognition and resolution.
func ScoreGeo(ctx context.Context, name string, sys GeoSystem, docs []GeoDoc) (*GeoScore, error) {
	s := &GeoScore{Name: name}
	for i := range docs {
		d := &docs[i]
		places, err := sys.Places(ctx, d)
		if err != nil {
			return nil, fmt.Errorf("document %s: %w", d.ID, err)
		}
		used := make([]bool, len(places))
		for _, g := range d.Toponyms {
			hit := -1
			for j, p := range places {
				if !used[j] && p.Overlaps(g.Span) {
					hit = j
					break
				}
			}
			if hit < 0 {
				s.Recognition.FN++
				s.Errors = append(s.Errors, GeoError{Doc: d.ID, Kind: "FN", Span: g.Span, Context: snippet(d.Text, g.Span), Gold: [2]float64{g.Lat, g.Lon}})
				continue
			}
			used[hit] = true
			s.Recognition.TP++
			km := distanceKm(g.Lat, g.Lon, places[hit].Lat, places[hit].Lon)
			if km > GeoAccKm {
				s.Errors = append(s.Errors, GeoError{Doc: d.ID, Kind: "far", Span: g.Span, Context: snippet(d.Text, g.Span),
					Gold: [2]float64{g.Lat, g.Lon}, Place: places[hit], Km: km})
			}
			s.Matched = append(s.Matched, km)
			s.MatchedClass = append(s.MatchedClass, featureClass(places[hit].Feature))
		}
		for j, u := range used {
			if !u {
				s.Recognition.FP++
				s.Errors = append(s.Errors, GeoError{Doc: d.ID, Kind: "FP", Span: places[j].Span, Context: snippet(d.Text, places[j].Span), Place: places[j]})
			}
		}
		res, err := sys.Resolve(ctx, d)
		if err != nil {
			return nil, fmt.Errorf("document %s: %w", d.ID, err)
		}
		for _, g := range d.Toponyms {
			e := math.Inf(1)
			for _, p := range res {
				if p.Span == g.Span {
					e = distanceKm(g.Lat, g.Lon, p.Lat, p.Lon)
					if e > GeoAccKm {
						s.SpanErrors = append(s.SpanErrors, GeoError{Doc: d.ID, Kind: "span", Span: g.Span, Context: snippet(d.Text, g.Span),
							Gold: [2]float64{g.Lat, g.Lon}, Place: p, Km: e})
					}
					break
				}
			}
			s.Gold = append(s.Gold, e)
		}
	}
	return s, nil
}

// featureClass groups GeoNames feature codes for the breakdown.
func featureClass(f string) string {
	switch {
	case strings.HasPrefix(f, "PPL"):
		return "town"
	case strings.HasPrefix(f, "ADM"):
		return "region"
	default:
		return "country"
	}
}

// AccuracyAt returns the share of errors within km.
func AccuracyAt(errs []float64, km float64) float64 {
	if len(errs) == 0 {
		return 0
	}
	n := 0
	for _, e := range errs {
		if e <= km {
			n++
		}
	}
	return float64(n) / float64(len(errs))
}

// MedianKm returns the median error (+Inf counts as the largest).
func MedianKm(errs []float64) float64 {
	if len(errs) == 0 {
		return 0
	}
	s := append([]float64(nil), errs...)
	sort.Float64s(s)
	return s[len(s)/2]
}

// AUC returns the area under the curve of log errors (Gritta et al. 2018):
// the mean of ln(1+err)/ln(20039), 0 is perfect, 1 the worst.
func AUC(errs []float64) float64 {
	if len(errs) == 0 {
		return 0
	}
	const maxKm = 20039
	sum := 0.0
	for _, e := range errs {
		sum += math.Log1p(math.Min(e, maxKm)) / math.Log1p(maxKm)
	}
	return sum / float64(len(errs))
}

// Write prints the figures.
func (s *GeoScore) Write(w io.Writer) {
	fmt.Fprintf(w, "%s\n", s.Name)
	s.Recognition.WriteRow(w, "  recognition")
	fmt.Fprintf(w, "  resolution of recognised toponyms  n=%-5d acc@161=%.3f median=%.0f km AUC=%.3f\n",
		len(s.Matched), AccuracyAt(s.Matched, GeoAccKm), MedianKm(s.Matched), AUC(s.Matched))
	fmt.Fprintf(w, "  resolution of gold spans           n=%-5d acc@161=%.3f median=%.0f km AUC=%.3f\n",
		len(s.Gold), AccuracyAt(s.Gold, GeoAccKm), MedianKm(s.Gold), AUC(s.Gold))
	for _, class := range []string{"country", "region", "town"} {
		var errs []float64
		for i, c := range s.MatchedClass {
			if c == class {
				errs = append(errs, s.Matched[i])
			}
		}
		fmt.Fprintf(w, "    resolved to a %-8s n=%-5d acc@161=%.3f median=%.0f km\n", class, len(errs), AccuracyAt(errs, GeoAccKm), MedianKm(errs))
	}
	all := float64(s.Recognition.TP + s.Recognition.FN) // end to end: unrecognised gold count as wrong
	if all > 0 {
		fmt.Fprintf(w, "  end to end (recognised and within 161 km, over all gold) acc@161=%.3f\n",
			AccuracyAt(s.Matched, GeoAccKm)*float64(len(s.Matched))/all)
	}
}

// distanceKm is the great-circle distance in kilometres.
func distanceKm(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0
	const rad = math.Pi / 180
	dlat := (lat2 - lat1) * rad
	dlon := (lon2 - lon1) * rad
	h := math.Sin(dlat/2)*math.Sin(dlat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dlon/2)*math.Sin(dlon/2)
	return 2 * r * math.Asin(math.Min(1, math.Sqrt(h)))
}
