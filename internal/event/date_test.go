package event_test

import (
	"testing"

	"github.com/newsgraph/newsgraph/internal/text"
)

// TestDateAttachment: a date the tree attaches to another nominal event
// is not the trigger's date ("condemned the 2016 shelling" is condemned
// on the day of the article), but is the nominal's.
func TestDateAttachment(t *testing.T) {
	d := text.NewDocument("x", "", "Russia condemned the 2016 shelling of Donetsk by Ukraine.")
	d.Published = "2023-02-22"
	annotate(t, d)
	got := map[string]string{}
	for _, e := range d.Events {
		got[d.Slice(e.Trigger)] = e.Date
	}
	if got["condemned"] != "2023-02-22" {
		t.Errorf("condemned dated %q, want the publication day; events %v", got["condemned"], got)
	}
}
