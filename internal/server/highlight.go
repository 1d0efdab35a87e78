package server

import (
	"html/template"
	"sort"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/record"
)

// annotation is one highlighted span of a record, in code points.
type annotation struct {
	start, end int
	id         string // "e3", "p0", "t2", ...: the element ids JS looks up
	class      string // CSS class
	label      string // shown after the span; empty for none
	title      string // tooltip
}

// annotations lists the record's spans that the article view highlights:
// entities, places, dates, amounts, quotes, event triggers and event actors.
func annotations(r *record.Record) []annotation {
	var as []annotation
	type span struct{ a, b int }
	placed := map[span]bool{}
	for _, p := range r.Places {
		placed[span{p.Start, p.End}] = true
	}
	for i, e := range r.Entities {
		t := e.Type
		title := e.Type
		if e.Actor != nil {
			title += " · " + e.Actor.Code
			if e.Actor.Name != "" {
				title += " · " + e.Actor.Name
			}
		}
		label := t
		if t == record.LOC && placed[span{e.Start, e.End}] {
			label = "" // the PLACE label says it
		}
		as = append(as, annotation{e.Start, e.End, "e" + strconv.Itoa(i), "hl ent ent-" + strings.ToLower(t), label, title})
	}
	for i, p := range r.Places {
		title := p.Name
		if p.Country != "" {
			title += ", " + p.Country
		}
		title += " (" + strconv.FormatFloat(p.Lat, 'f', 2, 64) + ", " + strconv.FormatFloat(p.Lon, 'f', 2, 64) + ")"
		as = append(as, annotation{p.Start, p.End, "p" + strconv.Itoa(i), "hl place", "PLACE", title})
	}
	for i, d := range r.Dates {
		as = append(as, annotation{d.Start, d.End, "d" + strconv.Itoa(i), "hl date", d.Type, d.Type + " = " + d.Value})
	}
	for i, a := range r.Amounts {
		title := strconv.FormatFloat(a.Value, 'g', -1, 64)
		if a.Unit != "" {
			title += " " + a.Unit
		}
		if a.Object != "" {
			title += " of " + a.Object
		}
		as = append(as, annotation{a.Start, a.End, "m" + strconv.Itoa(i), "hl amount", "AMOUNT", title})
	}
	for i, q := range r.Quotes {
		title := "quote"
		if q.Kind != "" {
			title = q.Kind + " quote"
		}
		if q.Speaker != nil {
			title += " by " + firstNonEmpty(q.Speaker.Name, q.Speaker.Text)
			as = append(as, annotation{q.Speaker.Start, q.Speaker.End, "qs" + strconv.Itoa(i), "speaker", "", "speaker of quote " + strconv.Itoa(i+1)})
		}
		as = append(as, annotation{q.Start, q.End, "q" + strconv.Itoa(i), "quote", "", title})
	}
	for i, ev := range r.Events {
		n := strconv.Itoa(i)
		as = append(as, annotation{ev.Start, ev.End, "t" + n, "hl trigger", ev.CAMEO, "event " + strconv.Itoa(i+1) + ": " + ev.PLOVER + " (CAMEO " + ev.CAMEO + ")"})
		if ev.Source.End > ev.Source.Start {
			as = append(as, annotation{ev.Source.Start, ev.Source.End, "s" + n, "", "", ""})
		}
		if ev.Target != nil && ev.Target.End > ev.Target.Start {
			as = append(as, annotation{ev.Target.Start, ev.Target.End, "g" + n, "", "", ""})
		}
	}
	return as
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

// highlight renders text with its annotations as HTML: the text is cut at
// every span boundary into segments; each segment is a <span> whose classes
// and data-ids name every annotation covering it, and a label follows the
// last segment of a labelled annotation. Offsets are code points; spans
// outside the text or empty are skipped, so a bad record cannot break the
// page.
func highlight(text string, as []annotation) template.HTML {
	runes := []rune(text)
	n := len(runes)
	valid := as[:0:0]
	for _, a := range as {
		if a.start >= 0 && a.end <= n && a.start < a.end {
			valid = append(valid, a)
		}
	}
	cuts := make([]int, 0, 2*len(valid)+2)
	cuts = append(cuts, 0, n)
	for _, a := range valid {
		cuts = append(cuts, a.start, a.end)
	}
	sort.Ints(cuts)
	var b strings.Builder
	b.Grow(len(text) * 2)
	var cover []int
	for k := 0; k+1 < len(cuts); k++ {
		lo, hi := cuts[k], cuts[k+1]
		if lo == hi {
			continue
		}
		cover = cover[:0]
		for i, a := range valid {
			if a.start <= lo && hi <= a.end {
				cover = append(cover, i)
			}
		}
		seg := template.HTMLEscapeString(string(runes[lo:hi]))
		if len(cover) == 0 {
			b.WriteString(seg)
			continue
		}
		var cls, ids strings.Builder
		title := ""
		for _, i := range cover {
			a := valid[i]
			if a.class != "" {
				if cls.Len() > 0 {
					cls.WriteByte(' ')
				}
				cls.WriteString(a.class)
			}
			if ids.Len() > 0 {
				ids.WriteByte(' ')
			}
			ids.WriteString(a.id)
			if a.title != "" && (title == "" || strings.HasPrefix(a.class, "hl")) {
				title = a.title
			}
			if a.start == lo && strings.HasPrefix(a.class, "quote") {
				cls.WriteString(" quote-start")
			}
			if a.end == hi && strings.HasPrefix(a.class, "quote") {
				cls.WriteString(" quote-end")
			}
		}
		b.WriteString(`<span class="seg `)
		b.WriteString(template.HTMLEscapeString(cls.String()))
		b.WriteString(`" data-ids="`)
		b.WriteString(template.HTMLEscapeString(ids.String()))
		if title != "" {
			b.WriteString(`" title="`)
			b.WriteString(template.HTMLEscapeString(title))
		}
		b.WriteString(`">`)
		b.WriteString(seg)
		for _, i := range cover {
			a := valid[i]
			if a.end == hi && a.label != "" {
				b.WriteString(`<span class="lbl" aria-hidden="true">`)
				b.WriteString(template.HTMLEscapeString(a.label))
				b.WriteString(`</span>`)
			}
		}
		b.WriteString(`</span>`)
	}
	return template.HTML(b.String())
}
