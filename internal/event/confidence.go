package event

// Confidence: how likely a record is right, from how it was read. A verb
// pattern is surer than a noun's, longer patterns surer than short ones;
// a record with both sides is surer; a guessed doer (the clause's
// controller, the place), a relative clause, a purpose clause and a late
// trigger lower it.

// confidence is the confidence of candidate k; both says it has a source
// and a target, guessed that its source is the place where it happened.
func confidence(k *cand, both, guessed bool) float64 {
	conf := 0.6
	if k.pat.kind == nounPattern {
		conf = 0.5
	}
	conf += 0.05 * float64(len(k.pat.words))
	if both {
		conf += 0.15
	}
	if k.fallback {
		conf -= 0.15
	}
	if guessed {
		conf -= 0.2
	}
	if k.relative {
		conf -= 0.1
	}
	if k.purpose {
		conf -= 0.1
	}
	// Earlier events are more often the sentence's main one.
	conf -= 0.002 * float64(min(k.trigger, 50))
	conf = min(max(conf, 0.05), 0.95)
	return conf
}
