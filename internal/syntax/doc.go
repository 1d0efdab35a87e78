// Package syntax holds the syntactic backbone of the pipeline: a
// part-of-speech tagger (Universal POS and Penn XPOS jointly), a lemmatiser
// and a transition-based dependency parser producing Universal Dependencies
// relations, all trained by the project on the UD English treebanks
// (`newsgraph train parser`) and embedded.
//
// The tagger is a greedy averaged perceptron over word, affix, shape and
// context features. The parser is arc-hybrid (Kuhlmann et al. 2011) with
// the root at the end of the buffer, greedy, with an averaged-perceptron
// scorer over the rich feature set of Zhang and Nivre (2011), trained with
// the dynamic oracle and exploration of Goldberg and Nivre (2013). Both
// score with internal/learn.
//
// The Annotator is a pipeline stage: it writes Document.Syntax (POS, lemma,
// head and relation per token), which the event stage reads.
package syntax
