package placename

import "testing"

func TestKey(t *testing.T) {
	f := func(in, want string) {
		t.Helper()
		if got := string(Key(nil, in)); got != want {
			t.Errorf("Key(%q) = %q, want %q", in, got, want)
		}
	}
	f("Moscow", "moscow")
	f("  New   York ", "new york")
	f("Côte d’Ivoire", "côte d'ivoire")
	f("U.S.", "u.s.")
	f("Nagorno–Karabakh", "nagorno karabakh")
	f("Guinea-Bissau", "guinea bissau")
	f("Bas - Congo", "bas congo")
	f("-based", "based")
	f("", "")
}

func FuzzKey(f *testing.F) {
	f.Add("São\tPaulo")
	f.Fuzz(func(t *testing.T, s string) {
		k := Key(nil, s)
		if string(Key(nil, string(k))) != string(k) {
			t.Errorf("Key not idempotent on %q", s)
		}
	})
}
