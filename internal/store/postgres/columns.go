package postgres

import (
	"encoding/json"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/newsgraph/newsgraph/internal/store"
)

// columns gathers the rows of a Put column by column, so that each table
// takes one INSERT … SELECT FROM unnest(…) per batch instead of one
// statement per row.
type columns struct {
	arts [][]any

	bandKey, bandArticle []int64

	entArticle             []int64
	entStart, entEnd       []int32
	entText, entType       []string
	entCode, entCountry    []string
	entName                []string
	plArticle              []int64
	keyArticle             []int64  // each article once under each three-letter key it names
	keyKey                 []string // (key_places)
	plName, plCtry         []string
	plLat, plLon           []float64
	plFeature              []string
	plGeoname              []int64
	amArticle              []int64
	amStart, amEnd         []int32
	amText                 []string
	amValue                []float64
	amUnit, amObject       []string
	qArticle               []int64
	qStart, qEnd           []int32
	qText, qKind, qSpeaker []string
	qCode                  []string

	// Events: the first report of each new identity in the batch.
	evSeen                                      map[string]bool
	evID, evKey, evDay, evSKey, evTKey          []string
	evSCode, evSCtry, evSName, evTCode, evTCtry []string
	evTName, evCAMEO, evPLOVER                  []string
	evQuad                                      []int32
	evGold                                      []float64
	evPlace                                     []*string
	evPCtry                                     []string
	evLat, evLon                                []*float64
	evFirst                                     []int64
	evTrigger, evMode                           []string
	mnID                                        []string
	mnArticle                                   []int64
	mnStart, mnEnd, mnSentence                  []int32
	mnTrigger                                   []string
	mnConf                                      []float64
	touched                                     map[string]bool
	eventsAt, mentionsAt                        int
}

// add adds one new article's rows.
func (c *columns) add(it *item) error {
	r, n := it.r, it.n
	js, err := json.Marshal(r)
	if err != nil {
		return fmt.Errorf("cannot encode record: %w", err)
	}
	tone, words := store.ArticleTone(r, it.words)
	c.arts = append(c.arts, []any{n, r.ID, nullString(r.URL), r.Source, store.ArticleSource(r), r.Title, r.Published, store.Day(r.Published),
		r.Language, it.hash, it.story, it.sig.Bytes(), tone, words, len(r.Events), js})
	if it.isHead {
		for _, k := range it.bands {
			c.bandKey = append(c.bandKey, k)
			c.bandArticle = append(c.bandArticle, n)
		}
	}
	for _, e := range r.Entities {
		var code, country, name string
		if e.Actor != nil {
			code, country, name = e.Actor.Code, e.Actor.Country, e.Actor.Name
		}
		c.entArticle = append(c.entArticle, n)
		c.entStart, c.entEnd = append(c.entStart, int32(e.Start)), append(c.entEnd, int32(e.End))
		c.entText, c.entType = append(c.entText, e.Text), append(c.entType, e.Type)
		c.entCode, c.entCountry, c.entName = append(c.entCode, code), append(c.entCountry, country), append(c.entName, name)
	}
	if len(r.Places) > 0 {
		// The keys the article names, as the actor filter matches them: a
		// code's first three letters, a three-letter country.
		keys := map[string]bool{}
		for _, e := range r.Entities {
			if a := e.Actor; a != nil {
				if len(a.Code) >= 3 {
					keys[a.Code[:3]] = true
				}
				if len(a.Country) == 3 {
					keys[a.Country] = true
				}
			}
		}
		for k := range keys {
			c.keyArticle, c.keyKey = append(c.keyArticle, n), append(c.keyKey, k)
		}
	}
	for _, x := range r.Places {
		c.plArticle = append(c.plArticle, n)
		c.plName, c.plCtry = append(c.plName, x.Name), append(c.plCtry, x.Country)
		c.plLat, c.plLon = append(c.plLat, x.Lat), append(c.plLon, x.Lon)
		c.plFeature, c.plGeoname = append(c.plFeature, x.Feature), append(c.plGeoname, int64(x.GeonameID))
	}
	for _, x := range r.Amounts {
		c.amArticle = append(c.amArticle, n)
		c.amStart, c.amEnd = append(c.amStart, int32(x.Start)), append(c.amEnd, int32(x.End))
		c.amText, c.amValue = append(c.amText, x.Text), append(c.amValue, x.Value)
		c.amUnit, c.amObject = append(c.amUnit, x.Unit), append(c.amObject, x.Object)
	}
	for i := range r.Quotes {
		q := &r.Quotes[i]
		sp, code := store.QuoteSpeaker(q)
		c.qArticle = append(c.qArticle, n)
		c.qStart, c.qEnd = append(c.qStart, int32(q.Start)), append(c.qEnd, int32(q.End))
		c.qText, c.qKind, c.qSpeaker, c.qCode = append(c.qText, q.Text), append(c.qKind, q.Kind), append(c.qSpeaker, sp), append(c.qCode, code)
	}
	if c.evSeen == nil {
		c.evSeen, c.touched = map[string]bool{}, map[string]bool{}
	}
	for i := range r.Events {
		ev := &r.Events[i]
		key, day, ok := store.EventKey(r, ev)
		if !ok {
			continue
		}
		id := store.EventID(key)
		if !c.evSeen[id] {
			c.evSeen[id] = true
			tc, tco, tn, tkey := store.EventTarget(ev)
			var pn *string
			var plat, plon *float64
			var pc string
			if ev.Place != nil {
				name, lat, lon := ev.Place.Name, ev.Place.Lat, ev.Place.Lon
				pn, pc, plat, plon = &name, ev.Place.Country, &lat, &lon
			}
			c.evID, c.evKey, c.evDay = append(c.evID, id), append(c.evKey, key), append(c.evDay, day)
			c.evSKey, c.evTKey = append(c.evSKey, store.ActorKey(ev.Source.Code, ev.Source.Country)), append(c.evTKey, tkey)
			c.evSCode, c.evSCtry, c.evSName = append(c.evSCode, ev.Source.Code), append(c.evSCtry, ev.Source.Country), append(c.evSName, ev.Source.Name)
			c.evTCode, c.evTCtry, c.evTName = append(c.evTCode, tc), append(c.evTCtry, tco), append(c.evTName, tn)
			c.evCAMEO, c.evPLOVER = append(c.evCAMEO, ev.CAMEO), append(c.evPLOVER, ev.PLOVER)
			c.evQuad, c.evGold = append(c.evQuad, int32(ev.QuadClass)), append(c.evGold, ev.Goldstein)
			c.evPlace, c.evPCtry, c.evLat, c.evLon = append(c.evPlace, pn), append(c.evPCtry, pc), append(c.evLat, plat), append(c.evLon, plon)
			c.evFirst, c.evTrigger = append(c.evFirst, n), append(c.evTrigger, ev.Trigger)
			c.evMode = append(c.evMode, store.EventMode(ev))
		}
		// The event's first telling and its retellings in the article.
		for j := -1; j < len(ev.Mentions); j++ {
			start, end, sent, trig := ev.Start, ev.End, ev.Sentence, ev.Trigger
			if j >= 0 {
				m := &ev.Mentions[j]
				start, end, sent, trig = m.Start, m.End, m.Sentence, m.Trigger
			}
			c.mnID, c.mnArticle = append(c.mnID, id), append(c.mnArticle, n)
			c.mnStart, c.mnEnd, c.mnSentence = append(c.mnStart, int32(start)), append(c.mnEnd, int32(end)), append(c.mnSentence, int32(sent))
			c.mnTrigger, c.mnConf = append(c.mnTrigger, trig), append(c.mnConf, ev.Confidence)
		}
		c.touched[id] = true
	}
	return nil
}

// queue adds the batch's statements: one per article row, then one per
// table. eventsAt and mentionsAt are the indexes of the statements whose
// results count new events and mentions.
func (c *columns) queue(b *pgx.Batch) {
	for _, a := range c.arts {
		b.Queue(`INSERT INTO articles (n, id, url, source, outlet, title, published, day, language, content_hash, story, signature, tone, words, num_events, record)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`, a...)
	}
	if len(c.bandKey) > 0 {
		b.Queue(`INSERT INTO bands (key, article) SELECT * FROM unnest($1::bigint[], $2::bigint[]) ON CONFLICT DO NOTHING`, c.bandKey, c.bandArticle)
	}
	if len(c.entArticle) > 0 {
		b.Queue(`INSERT INTO entities (article, start, "end", text, type, code, country, name)
			SELECT * FROM unnest($1::bigint[], $2::int[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])`,
			c.entArticle, c.entStart, c.entEnd, c.entText, c.entType, c.entCode, c.entCountry, c.entName)
	}
	if len(c.entArticle) > 0 {
		// Running counts (actor_counts, place_counts, event_places below)
		// merge as migration 3 grouped the rows.
		b.Queue(`INSERT INTO entity_names (code, text, name, n)
			SELECT code, text, name, count(*) FROM unnest($1::text[], $2::text[], $3::text[]) AS x(code, text, name)
			WHERE code != '' GROUP BY 1, 2, 3
			ON CONFLICT (code, text, name) DO UPDATE SET n = entity_names.n + EXCLUDED.n`,
			c.entCode, c.entText, c.entName)
		b.Queue(`INSERT INTO actor_counts (code, country, name, mentions, articles)
			SELECT code, max(country COLLATE "C"), max(name COLLATE "C"), count(*), count(DISTINCT article)
			FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[]) AS x(article, code, country, name)
			WHERE code != '' GROUP BY code
			ON CONFLICT (code) DO UPDATE SET country = greatest(actor_counts.country, EXCLUDED.country),
				name = greatest(actor_counts.name, EXCLUDED.name),
				mentions = actor_counts.mentions + EXCLUDED.mentions, articles = actor_counts.articles + EXCLUDED.articles`,
			c.entArticle, c.entCode, c.entCountry, c.entName)
	}
	// Every place the articles or the new events name gets its number
	// first (writers hold the write lock: no race for a number).
	if len(c.plArticle) > 0 || len(c.evID) > 0 {
		b.Queue(`INSERT INTO place_keys (name, country, lat, lon)
			SELECT DISTINCT name, country, lat, lon FROM (
				SELECT * FROM unnest($1::text[], $2::text[], $3::float8[], $4::float8[])
				UNION ALL SELECT * FROM unnest($5::text[], $6::text[], $7::float8[], $8::float8[])) AS x(name, country, lat, lon)
			WHERE name IS NOT NULL ORDER BY 1, 2, 3, 4
			ON CONFLICT (name, country, lat, lon) DO NOTHING`,
			c.plName, c.plCtry, c.plLat, c.plLon, c.evPlace, c.evPCtry, c.evLat, c.evLon)
	}
	if len(c.plArticle) > 0 {
		b.Queue(`INSERT INTO article_places (article, place, mentions)
			SELECT x.article, k.id, count(*)
			FROM unnest($1::bigint[], $2::text[], $3::text[], $4::float8[], $5::float8[]) AS x(article, name, country, lat, lon)
			JOIN place_keys k ON k.name = x.name COLLATE "C" AND k.country = x.country COLLATE "C" AND k.lat = x.lat AND k.lon = x.lon
			GROUP BY 1, 2`,
			c.plArticle, c.plName, c.plCtry, c.plLat, c.plLon)
		if len(c.keyArticle) > 0 {
			b.Queue(`INSERT INTO key_places (key, place, mentions, articles)
				SELECT x.key, p.place, sum(p.mentions), count(*)
				FROM unnest($1::bigint[], $2::text[]) AS x(article, key) JOIN article_places p ON p.article = x.article
				GROUP BY 1, 2
				ON CONFLICT (key, place) DO UPDATE SET mentions = key_places.mentions + EXCLUDED.mentions,
					articles = key_places.articles + EXCLUDED.articles`,
				c.keyArticle, c.keyKey)
		}
		b.Queue(`INSERT INTO place_counts (name, country, lat, lon, feature, geonameid, mentions, articles)
			SELECT name, country, lat, lon, max(feature COLLATE "C"), max(geonameid), count(*), count(DISTINCT article)
			FROM unnest($1::bigint[], $2::text[], $3::text[], $4::float8[], $5::float8[], $6::text[], $7::bigint[]) AS x(article, name, country, lat, lon, feature, geonameid)
			GROUP BY name, country, lat, lon
			ON CONFLICT (name, country, lat, lon) DO UPDATE SET feature = greatest(place_counts.feature, EXCLUDED.feature),
				geonameid = greatest(place_counts.geonameid, EXCLUDED.geonameid),
				mentions = place_counts.mentions + EXCLUDED.mentions, articles = place_counts.articles + EXCLUDED.articles`,
			c.plArticle, c.plName, c.plCtry, c.plLat, c.plLon, c.plFeature, c.plGeoname)
	}
	if len(c.amArticle) > 0 {
		b.Queue(`INSERT INTO amounts (article, start, "end", text, value, unit, object)
			SELECT * FROM unnest($1::bigint[], $2::int[], $3::int[], $4::text[], $5::float8[], $6::text[], $7::text[])`,
			c.amArticle, c.amStart, c.amEnd, c.amText, c.amValue, c.amUnit, c.amObject)
	}
	if len(c.qArticle) > 0 {
		b.Queue(`INSERT INTO quotes (article, start, "end", text, kind, speaker, speaker_code)
			SELECT * FROM unnest($1::bigint[], $2::int[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[])`,
			c.qArticle, c.qStart, c.qEnd, c.qText, c.qKind, c.qSpeaker, c.qCode)
	}
	c.eventsAt, c.mentionsAt = -1, -1
	if len(c.evID) == 0 {
		return
	}
	c.eventsAt = b.Len()
	b.Queue(`WITH ins AS (
			INSERT INTO events (id, key, day, source_key, target_key, source_code, source_country, source_name, target_code, target_country, target_name,
				cameo, plover, quad, goldstein, place_name, place_country, lat, lon, first_article, trigger, mode, place)
			SELECT u.*, k.id FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[],
				$11::text[], $12::text[], $13::text[], $14::int[], $15::float8[], $16::text[], $17::text[], $18::float8[], $19::float8[], $20::bigint[], $21::text[], $22::text[])
				AS u(id, key, day, source_key, target_key, source_code, source_country, source_name, target_code, target_country, target_name,
					cameo, plover, quad, goldstein, place_name, place_country, lat, lon, first_article, trigger, mode)
			LEFT JOIN place_keys k ON k.name = u.place_name COLLATE "C" AND k.country = u.place_country COLLATE "C" AND k.lat = u.lat AND k.lon = u.lon
			ON CONFLICT (id) DO NOTHING RETURNING day, source_key, target_key, source_code, target_code, quad, place_name, place_country, lat, lon, place, mode),
		-- The running counts hold the counted events only.
		counted AS (SELECT * FROM ins WHERE mode = ''),
		tally AS (
			INSERT INTO event_counts (source_key, target_key, quad, events)
			SELECT source_key, target_key, quad, count(*) FROM counted GROUP BY 1, 2, 3
			ON CONFLICT (source_key, target_key, quad) DO UPDATE SET events = event_counts.events + EXCLUDED.events),
		at_places AS (
			INSERT INTO event_places (name, country, lat, lon, quad, events)
			SELECT place_name, place_country, lat, lon, quad, count(*) FROM counted WHERE place_name IS NOT NULL GROUP BY 1, 2, 3, 4, 5
			ON CONFLICT (name, country, lat, lon, quad) DO UPDATE SET events = event_places.events + EXCLUDED.events),
		at_key_places AS (
			INSERT INTO key_event_places (key, place, quad, events)
			SELECT key, place, quad, count(*) FROM (
				SELECT source_key AS key, place, quad FROM counted WHERE place IS NOT NULL
				UNION ALL SELECT target_key, place, quad FROM counted WHERE place IS NOT NULL AND target_key != '' AND target_key != source_key) x
			GROUP BY 1, 2, 3
			ON CONFLICT (key, place, quad) DO UPDATE SET events = key_event_places.events + EXCLUDED.events),
		at_days AS (
			INSERT INTO day_places (day, place, quad, events)
			SELECT day, place, quad, count(*) FROM counted WHERE place IS NOT NULL GROUP BY 1, 2, 3
			ON CONFLICT (day, place, quad) DO UPDATE SET events = day_places.events + EXCLUDED.events),
		at_months AS (
			INSERT INTO key_months (key, month, other, events)
			SELECT key, month, other, count(*) FROM (
				SELECT source_key AS key, substr(day, 1, 7) AS month, target_code AS other FROM counted
				UNION ALL SELECT target_key, substr(day, 1, 7), source_code FROM counted WHERE target_key != '' AND target_key != source_key) x
			GROUP BY 1, 2, 3
			ON CONFLICT (key, month, other) DO UPDATE SET events = key_months.events + EXCLUDED.events)
		SELECT count(*) FROM ins`,
		c.evID, c.evKey, c.evDay, c.evSKey, c.evTKey, c.evSCode, c.evSCtry, c.evSName, c.evTCode, c.evTCtry,
		c.evTName, c.evCAMEO, c.evPLOVER, c.evQuad, c.evGold, c.evPlace, c.evPCtry, c.evLat, c.evLon, c.evFirst, c.evTrigger, c.evMode)
	c.mentionsAt = b.Len()
	b.Queue(`INSERT INTO mentions (event, article, start, "end", sentence, trigger, confidence)
		SELECT e.n, x.article, x.start, x.e, x.sentence, x.trigger, x.conf
		FROM unnest($1::text[], $2::bigint[], $3::int[], $4::int[], $5::int[], $6::text[], $7::float8[]) AS x(id, article, start, e, sentence, trigger, conf)
		JOIN events e ON e.id = x.id
		ON CONFLICT DO NOTHING`,
		c.mnID, c.mnArticle, c.mnStart, c.mnEnd, c.mnSentence, c.mnTrigger, c.mnConf)
	ids := make([]string, 0, len(c.touched))
	for id := range c.touched {
		ids = append(ids, id)
	}
	// Recount the touched events in one set-based pass: mentions, distinct
	// articles, stories and outlets, and the mean tone of the articles.
	b.Queue(`UPDATE events e SET num_mentions = x.m, num_articles = x.na, num_stories = x.ns, num_sources = x.no, avg_tone = y.t
		FROM (SELECT m.event, count(*) AS m, count(DISTINCT m.article) AS na, count(DISTINCT a.story) AS ns,
				count(DISTINCT a.outlet) FILTER (WHERE a.outlet != '') AS no
			FROM mentions m JOIN articles a ON a.n = m.article
			WHERE m.event IN (SELECT n FROM events WHERE id = ANY($1)) GROUP BY m.event) AS x,
			(SELECT d.event, coalesce(avg(d.tone), 0) AS t
			FROM (SELECT DISTINCT m.event, m.article, a.tone FROM mentions m JOIN articles a ON a.n = m.article
				WHERE m.event IN (SELECT n FROM events WHERE id = ANY($1))) AS d GROUP BY d.event) AS y
		WHERE e.n = x.event AND e.n = y.event`, ids)
}
