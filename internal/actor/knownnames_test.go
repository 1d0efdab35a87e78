package actor

import "testing"

func TestIsCountryName(t *testing.T) {
	for name, want := range map[string]bool{
		"Sweden": true, "South Korea": true, "Washington, D.C.": false, "the Bahamas": true, "sweden": true, "Côte d'Ivoire": true,
		"Stockholm": false, "Swedish": false, "Leeds": false, "": false,
	} {
		if got := IsCountryName(name); got != want {
			t.Errorf("IsCountryName(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestIsPersonName(t *testing.T) {
	for name, want := range map[string]bool{
		"Angela Merkel": true, "angela merkel": true, "Olaf Scholz": true,
		"Merkel": false, "Germany": false, "": false,
	} {
		if got := IsPersonName(name); got != want {
			t.Errorf("IsPersonName(%q) = %v, want %v", name, got, want)
		}
	}
}
