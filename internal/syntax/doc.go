// Package syntax holds the syntactic backbone of the pipeline: a
// part-of-speech tagger (Universal POS and Penn XPOS jointly), a lemmatiser
// and a transition-based dependency parser producing Universal Dependencies
// relations, all trained by the project on the UD English treebanks
// (`newsgraph train parser`) and embedded.
//
// The tagger is a greedy averaged perceptron over word, affix, shape and
// context features, and a news lexicon (the commonest Penn tag of each word
// of a tagged news corpus: the treebanks are mostly web text, and names
// such as "Beijing" are rare in them). The parser is arc-hybrid (Kuhlmann
// et al. 2011) with the root at the end of the buffer, greedy, with an
// averaged-perceptron scorer over 59 templates of the feature set of Zhang
// and Nivre (2011) (the full 92 gained 0.006 LAS for half the speed),
// trained with the dynamic oracle and exploration of Goldberg and Nivre
// (2013). A sentence has one root, and only its arc carries the root
// relation. Both score with internal/learn.
//
// The Annotator is a pipeline stage: it writes Document.Syntax (POS, lemma,
// head and relation per token), which the event stage reads.
package syntax
