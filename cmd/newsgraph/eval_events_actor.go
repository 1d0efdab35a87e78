package main

import (
	"github.com/newsgraph/newsgraph/internal/actor"
	"github.com/newsgraph/newsgraph/internal/event"
)

// eventResolver is the actor resolver the event coder uses in commands: the
// actor stage's.
func eventResolver() event.Resolver {
	r, err := actor.Default()
	if err != nil {
		return nil // the pipeline reports the same error first
	}
	return r
}
