// Command gen rebuilds the workbench's embedded world outline,
// internal/server/web/static/world.json, from Natural Earth's 1:110m
// countries as packaged by the npm package world-atlas (public domain data,
// ISC-licensed packaging). It fetches the package with `npm pack` into a
// temporary directory, decodes the TopoJSON, projects it equirectangularly
// (x = lon, y = -lat), rounds to 0.1 degree and writes one SVG path per
// country.
//
// Run from the repository root:
//
//	go run ./internal/server/gen
package main

import (
	"archive/tar"
	"compress/gzip"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

const pkg = "world-atlas@2.0.2"

func main() {
	out := flag.String("out", "internal/server/web/static/world.json", "output file")
	in := flag.String("in", "", "countries-110m.json to read instead of fetching "+pkg)
	flag.Parse()
	if err := run(*in, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(in, out string) error {
	if in == "" {
		dir, err := os.MkdirTemp("", "world-atlas")
		if err != nil {
			return fmt.Errorf("cannot make temp dir: %w", err)
		}
		defer os.RemoveAll(dir)
		if in, err = fetch(dir); err != nil {
			return err
		}
	}
	data, err := os.ReadFile(in)
	if err != nil {
		return fmt.Errorf("cannot read topology: %w", err)
	}
	countries, err := convert(data)
	if err != nil {
		return fmt.Errorf("cannot convert %s: %w", in, err)
	}
	b, err := json.Marshal(countries)
	if err != nil {
		return fmt.Errorf("cannot encode outline: %w", err)
	}
	if err := os.WriteFile(out, append(b, '\n'), 0o644); err != nil {
		return fmt.Errorf("cannot write outline: %w", err)
	}
	fmt.Printf("wrote %s: %d countries, %d bytes\n", out, len(countries), len(b))
	return nil
}

// fetch runs npm pack in dir and extracts countries-110m.json from the tarball.
func fetch(dir string) (string, error) {
	cmd := exec.Command("npm", "pack", pkg, "--silent")
	cmd.Dir = dir
	cmd.Stderr = os.Stderr
	name, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("cannot npm pack %s: %w", pkg, err)
	}
	f, err := os.Open(filepath.Join(dir, strings.TrimSpace(string(name))))
	if err != nil {
		return "", fmt.Errorf("cannot open tarball: %w", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return "", fmt.Errorf("cannot read tarball: %w", err)
	}
	tr := tar.NewReader(zr)
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return "", errors.New("countries-110m.json not in tarball")
		}
		if err != nil {
			return "", fmt.Errorf("cannot read tarball: %w", err)
		}
		if h.Name != "package/countries-110m.json" {
			continue
		}
		p := filepath.Join(dir, "countries-110m.json")
		b, err := io.ReadAll(io.LimitReader(tr, 64<<20))
		if err != nil {
			return "", fmt.Errorf("cannot extract topology: %w", err)
		}
		return p, os.WriteFile(p, b, 0o644)
	}
}

// Country is one outline: ISO 3166-1 numeric id, name, SVG path.
type Country struct {
	ID   string `json:"id,omitempty"`
	Name string `json:"name"`
	D    string `json:"d"`
}

type topology struct {
	Transform struct {
		Scale     [2]float64 `json:"scale"`
		Translate [2]float64 `json:"translate"`
	} `json:"transform"`
	Arcs    [][][2]float64 `json:"arcs"`
	Objects struct {
		Countries struct {
			Geometries []struct {
				Type       string          `json:"type"`
				ID         string          `json:"id"`
				Arcs       json.RawMessage `json:"arcs"`
				Properties struct {
					Name string `json:"name"`
				} `json:"properties"`
			} `json:"geometries"`
		} `json:"countries"`
	} `json:"objects"`
}

func convert(data []byte) ([]Country, error) {
	var t topology
	if err := json.Unmarshal(data, &t); err != nil {
		return nil, err
	}
	// Decode the delta-encoded, quantised arcs into lon/lat.
	arcs := make([][][2]float64, len(t.Arcs))
	for i, a := range t.Arcs {
		var x, y float64
		pts := make([][2]float64, len(a))
		for j, p := range a {
			x += p[0]
			y += p[1]
			pts[j] = [2]float64{x*t.Transform.Scale[0] + t.Transform.Translate[0], y*t.Transform.Scale[1] + t.Transform.Translate[1]}
		}
		arcs[i] = pts
	}
	ring := func(idx []int) [][2]float64 {
		var r [][2]float64
		for k, i := range idx {
			var pts [][2]float64
			if i >= 0 {
				pts = arcs[i]
			} else {
				src := arcs[^i]
				pts = make([][2]float64, len(src))
				for j := range src {
					pts[j] = src[len(src)-1-j]
				}
			}
			if k > 0 {
				pts = pts[1:] // shared with the previous arc's end
			}
			r = append(r, pts...)
		}
		return r
	}
	var out []Country
	for _, g := range t.Objects.Countries.Geometries {
		var polys [][][]int
		switch g.Type {
		case "Polygon":
			var p [][]int
			if err := json.Unmarshal(g.Arcs, &p); err != nil {
				return nil, fmt.Errorf("%s: %w", g.Properties.Name, err)
			}
			polys = [][][]int{p}
		case "MultiPolygon":
			if err := json.Unmarshal(g.Arcs, &polys); err != nil {
				return nil, fmt.Errorf("%s: %w", g.Properties.Name, err)
			}
		default:
			continue
		}
		if g.ID == "010" { // Antarctica: off the map's latitude range
			continue
		}
		var d strings.Builder
		for _, p := range polys {
			for _, idx := range p {
				writeRing(&d, ring(idx))
			}
		}
		if d.Len() > 0 {
			out = append(out, Country{ID: g.ID, Name: g.Properties.Name, D: d.String()})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

// writeRing appends one closed ring as absolute M/L commands at 0.1 degree,
// dropping points that round onto the previous one. A ring that crosses the
// antimeridian (Russia's Chukotka, Fiji) is unwrapped into continuous
// longitudes and drawn twice, 360 degrees apart, so that the map's viewBox
// clips each copy instead of drawing a band across the world.
func writeRing(d *strings.Builder, r [][2]float64) {
	type pt struct{ x, y int }
	var pts []pt
	shift := 0
	minX, maxX := 1<<30, -(1 << 30)
	for i, p := range r {
		q := pt{round(p[0]*10) + shift, round(-p[1] * 10)}
		if i > 0 {
			prev := pts[len(pts)-1]
			if q.x-prev.x > 1800 {
				shift -= 3600
				q.x -= 3600
			} else if prev.x-q.x > 1800 {
				shift += 3600
				q.x += 3600
			}
			if prev == q {
				continue
			}
		}
		pts = append(pts, q)
		minX, maxX = min(minX, q.x), max(maxX, q.x)
	}
	if len(pts) < 3 {
		return
	}
	offsets := []int{0}
	if maxX > 1800 {
		offsets = append(offsets, -3600)
	}
	if minX < -1800 {
		offsets = append(offsets, 3600)
	}
	for _, off := range offsets {
		for i, p := range pts {
			if i == 0 {
				d.WriteByte('M')
			} else {
				d.WriteByte('L')
			}
			d.WriteString(dec(p.x + off))
			d.WriteByte(' ')
			d.WriteString(dec(p.y))
		}
		d.WriteByte('Z')
	}
}

func round(f float64) int {
	if f < 0 {
		return int(f - 0.5)
	}
	return int(f + 0.5)
}

// dec formats tenths as a decimal: 1234 → "123.4", -5 → "-0.5".
func dec(n int) string {
	s := ""
	if n < 0 {
		s, n = "-", -n
	}
	s += strconv.Itoa(n / 10)
	if r := n % 10; r != 0 {
		s += "." + strconv.Itoa(r)
	}
	return s
}
