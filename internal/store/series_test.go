package store

import "testing"

// TestTopDyadsCountriesOnly: a side whose country is unknown (its key a
// bare agent code such as GOV) is no side of a top dyad; international
// actors are.
func TestTopDyadsCountriesOnly(t *testing.T) {
	got := TopDyads(map[[2]string]int{
		{"GOV", "USA"}: 9, {"USA", "VNM"}: 3, {"VNM", "USA"}: 1, {"IGO", "RUS"}: 2, {"COP", "PRT"}: 5,
	})
	want := []DyadCount{{A: "USA", B: "VNM", Events: 4}, {A: "IGO", B: "RUS", Events: 2}}
	if len(got) != len(want) {
		t.Fatalf("got %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("got %+v, want %+v", got, want)
		}
	}
}
