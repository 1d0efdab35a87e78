package main

import "testing"

func TestConvert(t *testing.T) {
	for _, c := range []struct {
		in, words, code string
		ok              bool
	}{
		{"* SANCTIONS                [163]         # ADD", "sanction", "163", true},
		{"* (OF TREASON)             [1125]", "* of treason", "1125", true},
		{"* VICTORY AGAINST +        [111]", "victory against *", "111", true},
		{"* COMPENSATION (FOR INVASION) [1031]", "compensation for invasion", "1031", true},
		{"* (TO)                     [042:043]", "", "", false},
		{"* &FOOD                    [073]", "", "", false},
		{"* {HUMAN RIGHTS ABUSE}     [1122]", "", "", false},
		{"&MILITARY *                [154]", "", "", false},
	} {
		words, code, ok := convert(c.in)
		if ok != c.ok || ok && (words != c.words || code != c.code) {
			t.Errorf("convert(%q) = %q, %q, %v; want %q, %q, %v", c.in, words, code, ok, c.words, c.code, c.ok)
		}
	}
	if v, ok := verb("SWEAR {SWEARS SWORE SWORN}"); !ok || v != "swear" {
		t.Errorf("verb = %q, %v", v, ok)
	}
	if _, ok := verb("CARRY_OUT"); ok {
		t.Error("a phrase is no verb")
	}
}
