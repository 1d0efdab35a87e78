package syntax

import "testing"

// TestLemmaRule: the suffix rules give the base of forms the treebank's
// exception table need not list.
func TestLemmaRule(t *testing.T) {
	for _, c := range []struct{ w, xpos, want string }{
		{"encircling", "VBG", "encircle"}, {"rescuing", "VBG", "rescue"}, {"merged", "VBD", "merge"},
		{"forcing", "VBG", "force"}, {"nursed", "VBN", "nurse"}, {"troubled", "VBD", "trouble"},
		{"making", "VBG", "make"}, {"stopped", "VBD", "stop"}, {"carried", "VBD", "carry"},
		{"belonging", "VBG", "belong"}, {"called", "VBD", "call"}, {"visited", "VBD", "visit"},
		{"talks", "NNS", "talk"}, {"Russians", "NNPS", "Russian"},
	} {
		if got := lemmaRule(c.w, c.xpos); got != c.want {
			t.Errorf("lemmaRule(%q, %s) = %q, want %q", c.w, c.xpos, got, c.want)
		}
	}
}
