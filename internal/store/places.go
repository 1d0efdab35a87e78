package store

// PlaceCount is a resolved place with how often the articles of a listing
// name it (the store's places table, grouped by name, country and
// coordinates).
type PlaceCount struct {
	Name      string  `json:"name"`
	Country   string  `json:"country,omitempty"`
	Lat       float64 `json:"lat"`
	Lon       float64 `json:"lon"`
	Feature   string  `json:"feature,omitempty"`
	GeonameID int     `json:"geonameid,omitempty"`
	Mentions  int     `json:"mentions"`
	Articles  int     `json:"articles"`
}

// EventPlaceCount is a place where events of a listing happened, with their
// number per quad class.
type EventPlaceCount struct {
	Name    string  `json:"name"`
	Country string  `json:"country,omitempty"`
	Lat     float64 `json:"lat"`
	Lon     float64 `json:"lon"`
	Events  int     `json:"events"`
	Quad    [5]int  `json:"quad"` // Quad[1..4]: events per quad class; Quad[0] unused
}

// MainQuad returns the quad class with the most events, the lower on a
// tie, or 0 when there are none.
func (p EventPlaceCount) MainQuad() int {
	best := 0
	for q := 1; q <= 4; q++ {
		if p.Quad[q] > p.Quad[best] {
			best = q
		}
	}
	return best
}
