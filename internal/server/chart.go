package server

import (
	"fmt"
	"html/template"
	"math"
	"net/url"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/internal/store"
)

// Quad class names and colours, index 1..4.
var (
	quadNames  = [5]string{"", "Verbal cooperation", "Material cooperation", "Verbal conflict", "Material conflict"}
	quadColors = [5]string{"", "#7fb8da", "#1f6fb0", "#f0a868", "#c8402a"}
)

// periodEnd returns the last day of the period starting at start.
func periodEnd(start string, by store.Period) string {
	t, err := time.Parse(time.DateOnly, start)
	if err != nil {
		return start
	}
	switch by {
	case store.ByWeek:
		t = t.AddDate(0, 0, 6)
	case store.ByMonth:
		t = t.AddDate(0, 1, -1)
	}
	return t.Format(time.DateOnly)
}

// dyadChart draws the series as an SVG: per period, cooperation (quad 1, 2)
// stacked above the axis and conflict (quad 3, 4) below, with the mean
// Goldstein score as a line on the right-hand scale (-10..10). Each bar
// links to the events behind it.
func dyadChart(q store.DyadQuery, pts []store.DyadPoint) template.HTML {
	const (
		W, H             = 900, 360
		left, right      = 56, 56
		top, bottom      = 24, 48
		plotW, plotH     = W - left - right, H - top - bottom
		mid              = top + plotH/2
		half             = plotH / 2
		goldsteinMaxAbs  = 10.0
		maxBarW          = 48.0
		minGapBetweenBar = 2.0
	)
	maxUp, maxDown := 1, 1
	for _, p := range pts {
		up, down := p.Quad[1]+p.Quad[2], p.Quad[3]+p.Quad[4]
		maxUp = max(maxUp, up)
		maxDown = max(maxDown, down)
	}
	scale := max(maxUp, maxDown)
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="chart" viewBox="0 0 %d %d" role="img" aria-labelledby="chart-title chart-desc" xmlns="http://www.w3.org/2000/svg">`, W, H)
	fmt.Fprintf(&b, `<title id="chart-title">%s events per %s</title>`, template.HTMLEscapeString(q.Dyad.String()), q.By)
	fmt.Fprintf(&b, `<desc id="chart-desc">Bars above the axis count cooperative events (verbal and material), bars below count conflictual ones; the line is the mean Goldstein score (right scale, -10 to +10). %d periods.</desc>`, len(pts))
	// Grid and axes.
	for _, frac := range []float64{1, 0.5, -0.5, -1} {
		y := float64(mid) - frac*half
		fmt.Fprintf(&b, `<line class="grid" x1="%d" x2="%d" y1="%.1f" y2="%.1f"/>`, left, left+plotW, y, y)
		n := int(math.Round(math.Abs(frac) * float64(scale)))
		fmt.Fprintf(&b, `<text class="tick" x="%d" y="%.1f" text-anchor="end">%d</text>`, left-6, y+4, n)
		fmt.Fprintf(&b, `<text class="tick" x="%d" y="%.1f">%+.0f</text>`, left+plotW+6, y+4, frac*goldsteinMaxAbs)
	}
	fmt.Fprintf(&b, `<line class="axis" x1="%d" x2="%d" y1="%d" y2="%d"/>`, left, left+plotW, mid, mid)
	fmt.Fprintf(&b, `<text class="tick" x="%d" y="%d" text-anchor="end">0</text>`, left-6, mid+4)
	fmt.Fprintf(&b, `<text class="axis-label" x="14" y="%d" transform="rotate(-90 14 %d)" text-anchor="middle">events (cooperation ↑ conflict ↓)</text>`, mid, mid)
	fmt.Fprintf(&b, `<text class="axis-label" x="%d" y="%d" transform="rotate(90 %d %d)" text-anchor="middle">mean Goldstein</text>`, W-12, mid, W-12, mid)
	if len(pts) == 0 {
		fmt.Fprintf(&b, `<text class="empty" x="%d" y="%d" text-anchor="middle">No events between these actors.</text>`, W/2, mid-10)
		b.WriteString(`</svg>`)
		return template.HTML(b.String())
	}
	step := float64(plotW) / float64(len(pts))
	bw := math.Min(maxBarW, step-minGapBetweenBar)
	if bw < 1 {
		bw = 1
	}
	every := int(math.Ceil(float64(len(pts)) / 12)) // at most ~12 x labels
	var line strings.Builder
	penDown := false
	for i, p := range pts {
		cx := float64(left) + step*(float64(i)+0.5)
		x := cx - bw/2
		v := url.Values{}
		v.Set("dyad", q.Dyad.String())
		v.Set("since", p.Period)
		v.Set("until", periodEnd(p.Period, q.By))
		if q.AllModes {
			v.Set("all_modes", "true")
		}
		fmt.Fprintf(&b, `<a class="bar" href="/events?%s" data-period="%s">`, template.HTMLEscapeString(v.Encode()), p.Period)
		fmt.Fprintf(&b, `<title>%s: %d events (%d verbal coop., %d material coop., %d verbal confl., %d material confl.), mean Goldstein %.1f. Click for the events.</title>`,
			p.Period, p.Events, p.Quad[1], p.Quad[2], p.Quad[3], p.Quad[4], p.GoldsteinMean)
		// Transparent hit area for small bars.
		fmt.Fprintf(&b, `<rect class="hit" x="%.1f" y="%d" width="%.1f" height="%d"/>`, cx-step/2, top, step, plotH)
		y := float64(mid)
		for _, qc := range []int{1, 2} {
			h := float64(p.Quad[qc]) / float64(scale) * half
			if h > 0 {
				y -= h
				fmt.Fprintf(&b, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s"/>`, x, y, bw, h, quadColors[qc])
			}
		}
		y = float64(mid)
		for _, qc := range []int{3, 4} {
			h := float64(p.Quad[qc]) / float64(scale) * half
			if h > 0 {
				fmt.Fprintf(&b, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s"/>`, x, y, bw, h, quadColors[qc])
				y += h
			}
		}
		b.WriteString(`</a>`)
		// The line breaks over periods without events: no mean there.
		gy := float64(mid) - p.GoldsteinMean/goldsteinMaxAbs*half
		switch {
		case p.Events == 0:
			penDown = false
		case !penDown:
			fmt.Fprintf(&line, "M%.1f %.1f", cx, gy)
			penDown = true
		default:
			fmt.Fprintf(&line, "L%.1f %.1f", cx, gy)
		}
		if i%every == 0 {
			fmt.Fprintf(&b, `<text class="tick" x="%.1f" y="%d" text-anchor="middle">%s</text>`, cx, top+plotH+18, periodLabel(p.Period, q.By))
		}
	}
	fmt.Fprintf(&b, `<path class="goldstein" d="%s"/>`, line.String())
	for i, p := range pts {
		if p.Events == 0 {
			continue
		}
		cx := float64(left) + step*(float64(i)+0.5)
		gy := float64(mid) - p.GoldsteinMean/goldsteinMaxAbs*half
		fmt.Fprintf(&b, `<circle class="goldstein-pt" cx="%.1f" cy="%.1f" r="3"><title>%s: mean Goldstein %.2f</title></circle>`, cx, gy, p.Period, p.GoldsteinMean)
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// periodLabel shortens a period start for the x axis.
func periodLabel(day string, by store.Period) string {
	if by == store.ByMonth && len(day) >= 7 {
		return day[:7]
	}
	return day
}

// sparkBars draws a small bar chart of counts per period (actor page).
func sparkBars(labels []string, counts []int, hrefs []string) template.HTML {
	const W, H, pad = 900, 160, 30
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="chart" viewBox="0 0 %d %d" role="img" aria-label="events per month" xmlns="http://www.w3.org/2000/svg">`, W, H)
	if len(counts) == 0 {
		fmt.Fprintf(&b, `<text class="empty" x="%d" y="%d" text-anchor="middle">No events.</text></svg>`, W/2, H/2)
		return template.HTML(b.String())
	}
	mx := 1
	for _, c := range counts {
		mx = max(mx, c)
	}
	step := float64(W-2*pad) / float64(len(counts))
	bw := math.Min(40, step-2)
	if bw < 1 {
		bw = 1
	}
	every := int(math.Ceil(float64(len(counts)) / 12))
	fmt.Fprintf(&b, `<line class="axis" x1="%d" x2="%d" y1="%d" y2="%d"/>`, pad, W-pad, H-pad, H-pad)
	for i, c := range counts {
		cx := float64(pad) + step*(float64(i)+0.5)
		h := float64(c) / float64(mx) * float64(H-2*pad)
		fmt.Fprintf(&b, `<a href="%s"><title>%s: %d events</title><rect class="hit" x="%.1f" y="%d" width="%.1f" height="%d"/><rect class="spark" x="%.1f" y="%.1f" width="%.1f" height="%.1f"/></a>`,
			template.HTMLEscapeString(hrefs[i]), labels[i], c, cx-step/2, pad, step, H-2*pad, cx-bw/2, float64(H-pad)-h, bw, h)
		if i%every == 0 {
			fmt.Fprintf(&b, `<text class="tick" x="%.1f" y="%d" text-anchor="middle">%s</text>`, cx, H-pad+16, labels[i])
		}
	}
	fmt.Fprintf(&b, `<text class="tick" x="%d" y="%d" text-anchor="end">%d</text>`, pad-4, pad+4, mx)
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}
