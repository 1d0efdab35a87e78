package actor

import "testing"

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
