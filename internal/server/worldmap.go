package server

import (
	"encoding/json"
	"fmt"
	"html/template"
	"math"
	"net/url"
	"strings"
)

// worldOutline is the embedded country outlines as SVG paths, made by
// ./gen from Natural Earth 1:110m (world-atlas). Coordinates are degrees,
// x = longitude, y = -latitude.
type country struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	D    string `json:"d"`
}

// loadWorld renders the outline once as SVG <path> elements.
func loadWorld() (template.HTML, error) {
	b, err := webFS.ReadFile("web/static/world.json")
	if err != nil {
		return "", fmt.Errorf("cannot read world outline: %w", err)
	}
	var cs []country
	if err := json.Unmarshal(b, &cs); err != nil {
		return "", fmt.Errorf("cannot decode world outline: %w", err)
	}
	var s strings.Builder
	s.WriteString(`<g class="land">`)
	for _, c := range cs {
		fmt.Fprintf(&s, `<path d="%s"><title>%s</title></path>`, template.HTMLEscapeString(c.D), template.HTMLEscapeString(c.Name))
	}
	s.WriteString(`</g>`)
	return template.HTML(s.String()), nil
}

// marker is one dot on the map.
type marker struct {
	Name     string
	Country  string
	Lat, Lon float64
	Count    int
	Kind     string // "event" or "place"
	Quad     int    // dominant quad class of events, 0 for places
	Href     string
}

// worldMap draws the outline with markers: places named in articles as
// hollow rings, event locations as dots coloured by their dominant quad
// class, both sized by the square root of their count.
func worldMap(world template.HTML, ms []marker) template.HTML {
	var b strings.Builder
	b.WriteString(`<svg class="map" viewBox="-180 -84 360 142" preserveAspectRatio="xMidYMid meet" role="img" aria-labelledby="map-title" xmlns="http://www.w3.org/2000/svg">`)
	b.WriteString(`<title id="map-title">World map of event locations and places named in the articles</title>`)
	b.WriteString(`<rect class="sea" x="-180" y="-84" width="360" height="142"/>`)
	for lon := -150; lon <= 150; lon += 30 {
		fmt.Fprintf(&b, `<line class="graticule" x1="%d" x2="%d" y1="-84" y2="58"/>`, lon, lon)
	}
	for lat := -40; lat <= 80; lat += 20 {
		fmt.Fprintf(&b, `<line class="graticule" x1="-180" x2="180" y1="%d" y2="%d"/>`, -lat, -lat)
	}
	b.WriteString(string(world))
	mx := 1
	for _, m := range ms {
		mx = max(mx, m.Count)
	}
	// Places first, events on top.
	for _, kind := range []string{"place", "event"} {
		for _, m := range ms {
			if m.Kind != kind || math.IsNaN(m.Lat) || math.IsNaN(m.Lon) || m.Lat < -90 || m.Lat > 90 || m.Lon < -180 || m.Lon > 180 {
				continue
			}
			r := 0.9 + 3.2*math.Sqrt(float64(m.Count)/float64(mx))
			cls, fill := "mk-place", ""
			noun := "mentions"
			if kind == "event" {
				cls, fill = "mk-event", quadColors[max(0, min(4, m.Quad))]
				noun = "events"
			}
			label := m.Name
			if m.Country != "" {
				label += ", " + m.Country
			}
			fmt.Fprintf(&b, `<a href="%s" class="mk"><circle class="%s" cx="%.2f" cy="%.2f" r="%.2f"`, template.HTMLEscapeString(m.Href), cls, m.Lon, -m.Lat, r)
			if fill != "" {
				fmt.Fprintf(&b, ` fill="%s"`, fill)
			}
			fmt.Fprintf(&b, `><title>%s: %d %s</title></circle></a>`, template.HTMLEscapeString(label), m.Count, noun)
		}
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

func placeHref(name string) string {
	return "/events?" + url.Values{"place": {name}}.Encode()
}
