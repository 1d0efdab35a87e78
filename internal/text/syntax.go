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

// Dependents appends to dst the indices of the tokens whose head is token
// i, in text order, and returns it. It reads the tokens of i's sentence
// only.
func (d *Document) Dependents(dst []int, i int) []int {
	s := d.SentenceOf(d.Tokens[i].Start)
	if s < 0 || d.Syntax == nil {
		return dst
	}
	for k := d.Sentences[s].FirstToken; k < d.Sentences[s].EndToken; k++ {
		if d.Syntax[k].Head == i {
			dst = append(dst, k)
		}
	}
	return dst
}
