package text

import (
	"testing"

	"github.com/newsgraph/newsgraph/record"
)

// TestRecordPlaceEntities checks that a place no entity overlaps is a LOC
// entity of the record, after the entities and in the order of the places,
// while a place inside an entity adds none: the places layer holds them,
// not Entities.
func TestRecordPlaceEntities(t *testing.T) {
	d := NewDocument("t", "", "Jordan Peterson spoke in Jordan and Amman.")
	d.Entities = []Entity{{Span: Span{0, 15}, Type: record.PER}}
	d.Places = []Place{
		{Span: Span{0, 6}, Name: "Jordan"}, // inside the person: no entity
		{Span: Span{25, 31}, Name: "Jordan"},
		{Span: Span{36, 41}, Name: "Amman"},
	}
	got := d.Record().Entities
	want := []record.Entity{
		{Start: 0, End: 15, Text: "Jordan Peterson", Type: record.PER},
		{Start: 25, End: 31, Text: "Jordan", Type: record.LOC},
		{Start: 36, End: 41, Text: "Amman", Type: record.LOC},
	}
	if len(got) != len(want) {
		t.Fatalf("got %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("entity %d: got %+v, want %+v", i, got[i], want[i])
		}
	}
	if len(d.Entities) != 1 {
		t.Errorf("Record wrote the entities: %+v", d.Entities)
	}
	if es := d.RecordEntities(); len(es) != 3 || es[2].Origin != "gazetteer" {
		t.Errorf("RecordEntities = %+v", es)
	}
}
