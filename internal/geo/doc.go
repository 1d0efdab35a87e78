// Package geo finds the places an article mentions and puts them on the
// map. It holds the embedded world gazetteer (GeoNames populated places,
// countries, first-level regions and hand-written physical features),
// toponym recognition (tagger LOC entities, gazetteer matches, datelines,
// "City, Region" patterns) and resolution with an explainable score. It
// runs after the entity tagger and actor resolution and fills
// Document.Places and Document.Dateline.
package geo
