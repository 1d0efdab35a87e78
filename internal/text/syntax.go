package text

// TokenSyntax is the syntax of one token, written by the syntax stage:
// Universal and Penn part-of-speech tags, lemma, and the token's head in
// the dependency tree of its sentence with the Universal Dependencies
// relation to it.
type TokenSyntax struct {
	UPOS, XPOS string
	Lemma      string
	// Head is the index in Document.Tokens of the head token, or -1 for
	// the root of a sentence (Rel "root").
	Head int
	Rel  string
}
