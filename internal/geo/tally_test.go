package geo

import (
	"strings"
	"testing"
)

func TestFoldKey(t *testing.T) {
	f := func(a, b string) {
		t.Helper()
		if got, want := foldKey(a) == foldKey(b), strings.EqualFold(a, b); got != want {
			t.Errorf("foldKey(%q) == foldKey(%q) is %v, EqualFold says %v", a, b, got, want)
		}
	}
	f("paris", "Paris")
	f("PARIS", "paris")
	f("São Paulo", "SÃO PAULO")
	f("Kelvin", "\u212Aelvin")
	f("paris", "parís")
	f("Lyon", "Lyons")
	f("\xff", "\xfe")
}
