package geo

import "github.com/newsgraph/newsgraph/internal/text"

// A valley named after a place ("the Salinas Valley", "Swat Valley",
// "the San Fernando Valley") lies around that place: the mention covers
// "X Valley" and resolves as X would, with "valley" among its evidence.
// X must be a name of its own (not only a GeoNames alternate name), and
// the valley is weak like a small place: dropped when nothing in the
// article supports the place chosen while other toponyms lie elsewhere.
// GeoNames' valleys are not in the gazetteer. A valley named after a river
// the gazetteer does not hold goes wrong this way ("Fraser Valley" to a
// town called Fraser), but most valleys in news bear the name of their
// town or region ("Swat", "San Fernando", "Napa").

// valleyAfter reports whether token end is "Valley" closing a name: on
// the same line and not followed by another capitalised word ("Salinas
// Valley State Prison", "Valley Fever").
func valleyAfter(d *text.Document, end int) bool {
	toks := d.Tokens
	if end >= len(toks) || toks[end].Has(text.NewlineBefore) || !toks[end].Has(text.SpaceBefore) || d.TokenText(end) != "Valley" {
		return false
	}
	return end+1 >= len(toks) || toks[end+1].Kind != text.Word || !upperStart(d.TokenText(end+1))
}
