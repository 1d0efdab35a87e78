package ner

import _ "embed"

// productsData is the lexicon of well-known product names (devices,
// software, vehicles, weapon systems, medicines), written by the project
// (see the file's header).
//
//go:embed data/products.txt
var productsData string

// productNames returns the names of the embedded product lexicon, which
// organisationIndex indexes with the organisations' (see orgIndex.apply).
func productNames() []OrgName {
	names, err := parseOrganisations(productsData)
	if err != nil {
		panic("BUG: embedded products lexicon: " + err.Error())
	}
	return names
}
