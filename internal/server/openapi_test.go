package server

import (
	"encoding/json"
	"testing"
)

// TestOpenAPI checks that the document parses and lists every API route
// with its parameters.
func TestOpenAPI(t *testing.T) {
	var doc struct {
		OpenAPI string `json:"openapi"`
		Paths   map[string]map[string]struct {
			Parameters []struct {
				Ref  string `json:"$ref"`
				Name string `json:"name"`
			} `json:"parameters"`
		} `json:"paths"`
		Components struct {
			Parameters map[string]struct {
				Name string `json:"name"`
			} `json:"parameters"`
		} `json:"components"`
	}
	if err := json.Unmarshal(openapiJSON, &doc); err != nil {
		t.Fatal(err)
	}
	if doc.OpenAPI != "3.0.3" {
		t.Errorf("openapi %q", doc.OpenAPI)
	}
	f := func(method, path string, params ...string) {
		t.Helper()
		op, ok := doc.Paths[path][method]
		if !ok {
			t.Errorf("%s %s not documented", method, path)
			return
		}
		have := map[string]bool{}
		for _, p := range op.Parameters {
			n := p.Name
			if p.Ref != "" {
				n = doc.Components.Parameters[p.Ref[len("#/components/parameters/"):]].Name
			}
			have[n] = true
		}
		for _, p := range params {
			if !have[p] {
				t.Errorf("%s %s: parameter %s not documented", method, path, p)
			}
		}
	}
	for _, p := range []string{"/api/v1/articles", "/api/v1/events", "/api/v1/actors", "/api/v1/quotes", "/api/v1/amounts"} {
		f("get", p, filterParams...)
	}
	for _, p := range []string{"/api/v1/places", "/api/v1/event-places"} {
		f("get", p, filterParams...)
	}
	f("get", "/api/v1/actors/{code}", "code", "all_modes")
	f("post", "/api/v1/articles")
	f("get", "/api/v1/articles/{id}", "id")
	f("get", "/api/v1/events/{id}/mentions", "id")
	f("get", "/api/v1/dyads", "dyad", "by", "since", "until", "all_modes")
	f("get", "/api/v1/stats")
	f("get", "/healthz")
	f("get", "/metrics")
}
