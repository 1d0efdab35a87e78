package sqlite

import (
	"context"
	"fmt"

	"github.com/newsgraph/newsgraph/record"
)

// counts gathers, during a Put, what the running-count tables gain: coded
// actors (actor_counts), places named (place_counts) and the places of new
// events (event_places). finish adds them with one upsert per key, so that
// the unfiltered listings read a row per actor or place instead of
// grouping every entity, place or event.
type counts struct {
	actors   map[string]*actorCount
	places   map[placeKey]*placeCount
	evPlaces map[eventPlaceKey]int

	// By three-letter actor key (key_places, key_event_places).
	keyPlaces   map[keyPlace]*[2]int // mentions, articles
	keyEvPlaces map[keyEventPlace]int
	keys        map[string]bool // article's buffer

	// For actor pages (entity_names, key_months).
	names  map[entityName]int
	months map[keyMonth]int

	dayPlaces map[dayPlace]int // (day_places)

	codeMonths map[codeMonth]int // (code_months)
}

type codeMonth struct {
	key, code          string
	side               int
	month, other, okey string
}

type dayPlace struct {
	day   string
	place int64
	quad  int
}

type entityName struct{ code, text, name string }

type keyMonth struct{ key, month, other string }

type keyPlace struct {
	key   string
	place int64
}

type keyEventPlace struct {
	keyPlace
	quad int
}

type actorCount struct {
	country, name      string // the largest seen, as Actors' max()
	mentions, articles int
}

type placeKey struct {
	name, country string
	lat, lon      float64
}

type placeCount struct {
	feature            string // the largest seen
	geonameid          int
	mentions, articles int
}

type eventPlaceKey struct {
	placeKey
	quad int
}

// article counts the coded entities and the places of a new article.
func (c *counts) article(r *record.Record) {
	if c.actors == nil {
		c.actors, c.places, c.evPlaces = map[string]*actorCount{}, map[placeKey]*placeCount{}, map[eventPlaceKey]int{}
		c.keyPlaces, c.keyEvPlaces, c.keys = map[keyPlace]*[2]int{}, map[keyEventPlace]int{}, map[string]bool{}
		c.names, c.months, c.dayPlaces = map[entityName]int{}, map[keyMonth]int{}, map[dayPlace]int{}
		c.codeMonths = map[codeMonth]int{}
	}
	seen := map[any]bool{}
	for _, e := range r.Entities {
		a := e.Actor
		if a == nil || a.Code == "" {
			continue
		}
		x := c.actors[a.Code]
		if x == nil {
			x = &actorCount{}
			c.actors[a.Code] = x
		}
		x.country, x.name = max(x.country, a.Country), max(x.name, a.Name)
		x.mentions++
		c.names[entityName{a.Code, e.Text, a.Name}]++
		if !seen[a.Code] {
			seen[a.Code] = true
			x.articles++
		}
	}
	for _, p := range r.Places {
		k := placeKey{p.Name, p.Country, p.Lat, p.Lon}
		x := c.places[k]
		if x == nil {
			x = &placeCount{}
			c.places[k] = x
		}
		x.feature, x.geonameid = max(x.feature, p.Feature), max(x.geonameid, p.GeonameID)
		x.mentions++
		if !seen[k] {
			seen[k] = true
			x.articles++
		}
	}
}

// articleKeys counts the places of a new article (by number, with their
// mentions) under each three-letter key the article names: the first three
// letters of a coded entity's code, and its country.
func (c *counts) articleKeys(r *record.Record, places map[int64]int64) {
	if len(places) == 0 {
		return
	}
	clear(c.keys)
	for _, e := range r.Entities {
		a := e.Actor
		if a == nil || a.Code == "" {
			continue
		}
		if len(a.Code) >= 3 {
			c.keys[a.Code[:3]] = true
		}
		if len(a.Country) == 3 {
			c.keys[a.Country] = true
		}
	}
	for key := range c.keys {
		for id, m := range places {
			k := keyPlace{key, id}
			x := c.keyPlaces[k]
			if x == nil {
				x = new([2]int)
				c.keyPlaces[k] = x
			}
			x[0] += int(m)
			x[1]++
		}
	}
}

// event counts a new event of day at its place (number place) and by month
// and other side under the keys of its sides (source and target keys;
// codes sc and tc).
func (c *counts) event(ev *record.Event, day string, place int64, source, target, sc, tc string) {
	month := day[:min(len(day), 7)]
	c.codeMonths[codeMonth{source, sc, 0, month, tc, ""}]++
	if target != "" {
		c.codeMonths[codeMonth{target, tc, 1, month, sc, source}]++
	}
	c.months[keyMonth{source, month, tc}]++
	if target != "" && target != source {
		c.months[keyMonth{target, month, sc}]++
	}
	if p := ev.Place; p != nil {
		c.evPlaces[eventPlaceKey{placeKey{p.Name, p.Country, p.Lat, p.Lon}, ev.QuadClass}]++
		c.dayPlaces[dayPlace{day, place, ev.QuadClass}]++
		c.keyEvPlaces[keyEventPlace{keyPlace{source, place}, ev.QuadClass}]++
		if target != "" && target != source {
			c.keyEvPlaces[keyEventPlace{keyPlace{target, place}, ev.QuadClass}]++
		}
	}
}

// Upserts of the running counts; a key's values merge as the migration that
// built the tables grouped them.
const (
	upsertActorCount = `INSERT INTO actor_counts (code, country, name, mentions, articles) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (code) DO UPDATE SET country = max(country, excluded.country), name = max(name, excluded.name),
		mentions = mentions + excluded.mentions, articles = articles + excluded.articles`
	upsertPlaceCount = `INSERT INTO place_counts (name, country, lat, lon, feature, geonameid, mentions, articles) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (name, country, lat, lon) DO UPDATE SET feature = max(feature, excluded.feature), geonameid = max(geonameid, excluded.geonameid),
		mentions = mentions + excluded.mentions, articles = articles + excluded.articles`
	upsertEventPlace = `INSERT INTO event_places (name, country, lat, lon, quad, events) VALUES (?, ?, ?, ?, ?, ?)
		ON CONFLICT (name, country, lat, lon, quad) DO UPDATE SET events = events + excluded.events`
	upsertKeyPlace = `INSERT INTO key_places (key, place, mentions, articles) VALUES (?, ?, ?, ?)
		ON CONFLICT (key, place) DO UPDATE SET mentions = mentions + excluded.mentions, articles = articles + excluded.articles`
	upsertEntityName = `INSERT INTO entity_names (code, text, name, n) VALUES (?, ?, ?, ?)
		ON CONFLICT (code, text, name) DO UPDATE SET n = n + excluded.n`
	upsertKeyMonth = `INSERT INTO key_months (key, month, other, events) VALUES (?, ?, ?, ?)
		ON CONFLICT (key, month, other) DO UPDATE SET events = events + excluded.events`
	upsertCodeMonth = `INSERT INTO code_months (key, code, side, month, other, okey, events) VALUES (?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (key, code, side, month, other, okey) DO UPDATE SET events = events + excluded.events`
	upsertDayPlace = `INSERT INTO day_places (day, place, quad, events) VALUES (?, ?, ?, ?)
		ON CONFLICT (day, place, quad) DO UPDATE SET events = events + excluded.events`
	upsertKeyEventPlace = `INSERT INTO key_event_places (key, place, quad, events) VALUES (?, ?, ?, ?)
		ON CONFLICT (key, place, quad) DO UPDATE SET events = events + excluded.events`
)

// write adds the gathered counts to their tables and empties c.
func (c *counts) write(ctx context.Context, p *putter) error {
	if c.actors == nil {
		return nil
	}
	st, err := p.stmt(ctx, upsertActorCount)
	if err != nil {
		return err
	}
	for code, x := range c.actors {
		if _, err := p.w.exec(ctx, st, code, x.country, x.name, int64(x.mentions), int64(x.articles)); err != nil {
			return fmt.Errorf("cannot count actor %s: %w", code, err)
		}
	}
	if st, err = p.stmt(ctx, upsertPlaceCount); err != nil {
		return err
	}
	for k, x := range c.places {
		if _, err := p.w.exec(ctx, st, k.name, k.country, k.lat, k.lon, x.feature, int64(x.geonameid), int64(x.mentions), int64(x.articles)); err != nil {
			return fmt.Errorf("cannot count place %s: %w", k.name, err)
		}
	}
	if st, err = p.stmt(ctx, upsertEventPlace); err != nil {
		return err
	}
	for k, n := range c.evPlaces {
		if _, err := p.w.exec(ctx, st, k.name, k.country, k.lat, k.lon, int64(k.quad), int64(n)); err != nil {
			return fmt.Errorf("cannot count events at %s: %w", k.name, err)
		}
	}
	if st, err = p.stmt(ctx, upsertKeyPlace); err != nil {
		return err
	}
	for k, x := range c.keyPlaces {
		if _, err := p.w.exec(ctx, st, k.key, k.place, int64(x[0]), int64(x[1])); err != nil {
			return fmt.Errorf("cannot count places of %s: %w", k.key, err)
		}
	}
	if st, err = p.stmt(ctx, upsertKeyEventPlace); err != nil {
		return err
	}
	for k, n := range c.keyEvPlaces {
		if _, err := p.w.exec(ctx, st, k.key, k.place, int64(k.quad), int64(n)); err != nil {
			return fmt.Errorf("cannot count event places of %s: %w", k.key, err)
		}
	}
	if st, err = p.stmt(ctx, upsertEntityName); err != nil {
		return err
	}
	for k, n := range c.names {
		if _, err := p.w.exec(ctx, st, k.code, k.text, k.name, int64(n)); err != nil {
			return fmt.Errorf("cannot count names of %s: %w", k.code, err)
		}
	}
	if st, err = p.stmt(ctx, upsertKeyMonth); err != nil {
		return err
	}
	for k, n := range c.months {
		if _, err := p.w.exec(ctx, st, k.key, k.month, k.other, int64(n)); err != nil {
			return fmt.Errorf("cannot count events of %s: %w", k.key, err)
		}
	}
	if st, err = p.stmt(ctx, upsertDayPlace); err != nil {
		return err
	}
	for k, n := range c.dayPlaces {
		if _, err := p.w.exec(ctx, st, k.day, k.place, int64(k.quad), int64(n)); err != nil {
			return fmt.Errorf("cannot count event places of %s: %w", k.day, err)
		}
	}
	if st, err = p.stmt(ctx, upsertCodeMonth); err != nil {
		return err
	}
	for k, n := range c.codeMonths {
		if _, err := p.w.exec(ctx, st, k.key, k.code, int64(k.side), k.month, k.other, k.okey, int64(n)); err != nil {
			return fmt.Errorf("cannot count events of %s: %w", k.code, err)
		}
	}
	*c = counts{}
	return nil
}
