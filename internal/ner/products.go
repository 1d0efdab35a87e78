package ner

import (
	_ "embed"
	"sync"

	"github.com/newsgraph/newsgraph/internal/text"
)

// productsData is the lexicon of well-known product names (devices,
// software, vehicles, weapon systems, medicines), written by the project
// (see the file's header).
//
//go:embed data/products.txt
var productsData string

var productIndex = sync.OnceValue(func() orgIndex {
	names, err := parseOrganisations(productsData)
	if err != nil {
		panic("BUG: embedded products lexicon: " + err.Error())
	}
	return newOrgIndex(names)
})

// products types MISC the names of the embedded product lexicon among the
// entities of d from index first on ("Windows XP" was ORG, "Firefox" PER),
// as the organisation lexicon types organisations (see orgIndex.applyAs).
func products(d *text.Document, first int) { productIndex().applyAs(d, first, "MISC") }
