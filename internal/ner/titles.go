package ner

import "strings"

// titles are words that stand before a person's name without being part of
// it: honorifics, offices and ranks. The project's convention (as in
// CoNLL-2003, OntoNotes and GUM) keeps them out of PER spans; GMB puts them
// in, so the corpus reader moves them out and the tagger never emits them.
var titles = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`
		mr mr. mrs mrs. ms ms. miss dr dr. prof prof. sir dame lady lord madam
		president president-elect vice prime premier minister chancellor
		secretary secretary-general undersecretary under-secretary deputy foreign defense defence
		interior finance
		general gen. gen lieutenant lt. lt colonel col. col major maj. captain capt.
		sergeant sgt. admiral adm. commander brigadier marshal field major-general
		lieutenant-general corporal cpl. private pvt.
		senator sen. sen representative rep. rep congressman congresswoman governor gov.
		mayor ambassador envoy judge justice chairman chairwoman chief spokesman
		spokeswoman
		king queen prince princess emperor empress sultan emir sheikh shaikh
		pope cardinal archbishop bishop rev. reverend father imam ayatollah mullah rabbi
		grand supreme leader former late professor doctor detective inspector
		superintendent constable officer coach chairperson specialist attorney
		prosecutor commissioner secretary-of-state saint st.
	`) {
		m[w] = true
	}
	return m
}()

// isTitle reports whether w (any case) is a title word.
func isTitle(w string) bool { return foldedIn(titles, w) }

// foldedIn reports whether w, lower-cased (ASCII), is a key of m, without
// allocating; words over 20 bytes never are.
func foldedIn(m map[string]bool, w string) bool {
	if len(w) > 20 {
		return false
	}
	var buf [20]byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return m[string(buf[:len(w)])]
}
