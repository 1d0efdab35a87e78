package sqlite

// migrations[i] takes the schema from version i to i+1 (PRAGMA
// user_version). Never edit a released migration; append a new one.
// docs/STORE.md describes the tables.
var migrations = []string{
	// 1: articles with their layers, near-duplicate bands, full text,
	// events and mentions.
	`
CREATE TABLE articles (
	n            INTEGER PRIMARY KEY,          -- storage order
	id           TEXT NOT NULL UNIQUE,
	url          TEXT,                         -- NULL when none
	source       TEXT NOT NULL DEFAULT '',
	outlet       TEXT NOT NULL DEFAULT '',     -- store.ArticleSource, for NumSources
	title        TEXT NOT NULL DEFAULT '',
	published    TEXT NOT NULL DEFAULT '',     -- as given
	day          TEXT NOT NULL DEFAULT '',     -- YYYY-MM-DD or ''
	language     TEXT NOT NULL DEFAULT '',
	content_hash TEXT NOT NULL UNIQUE,         -- dedup.ContentHash(text)
	story        INTEGER NOT NULL,             -- n of the story's first article
	signature    BLOB NOT NULL,                -- dedup.Signature
	tone         REAL NOT NULL DEFAULT 0,
	words        INTEGER NOT NULL DEFAULT 0,
	num_events   INTEGER NOT NULL DEFAULT 0,
	record       BLOB NOT NULL                 -- record.Record as JSON
);
CREATE UNIQUE INDEX articles_url ON articles(url) WHERE url IS NOT NULL;
CREATE INDEX articles_day ON articles(day, id);
CREATE INDEX articles_story ON articles(story);

CREATE TABLE bands (
	key     INTEGER NOT NULL,                  -- dedup.Signature.Bands
	article INTEGER NOT NULL REFERENCES articles(n),
	PRIMARY KEY (key, article)
) WITHOUT ROWID;

CREATE VIRTUAL TABLE article_fts USING fts5(title, text, content='', tokenize='unicode61 remove_diacritics 2');

CREATE TABLE entities (
	article INTEGER NOT NULL REFERENCES articles(n),
	start   INTEGER NOT NULL,                  -- code points
	"end"   INTEGER NOT NULL,
	text    TEXT NOT NULL,
	type    TEXT NOT NULL,
	code    TEXT NOT NULL DEFAULT '',          -- actor code, '' when unresolved
	country TEXT NOT NULL DEFAULT '',
	name    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX entities_article ON entities(article);
CREATE INDEX entities_code ON entities(code) WHERE code != '';
CREATE INDEX entities_country ON entities(country) WHERE country != '';

CREATE TABLE places (
	article   INTEGER NOT NULL REFERENCES articles(n),
	start     INTEGER NOT NULL,
	"end"     INTEGER NOT NULL,
	text      TEXT NOT NULL,
	name      TEXT NOT NULL,
	country   TEXT NOT NULL DEFAULT '',
	lat       REAL NOT NULL,
	lon       REAL NOT NULL,
	feature   TEXT NOT NULL DEFAULT '',
	geonameid INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX places_article ON places(article, name, country, lat, lon, feature, geonameid);
CREATE INDEX places_name ON places(name COLLATE NOCASE);

CREATE TABLE dates (
	article INTEGER NOT NULL REFERENCES articles(n),
	start   INTEGER NOT NULL,
	"end"   INTEGER NOT NULL,
	text    TEXT NOT NULL,
	type    TEXT NOT NULL,
	value   TEXT NOT NULL
);
CREATE INDEX dates_article ON dates(article);

CREATE TABLE amounts (
	article INTEGER NOT NULL REFERENCES articles(n),
	start   INTEGER NOT NULL,
	"end"   INTEGER NOT NULL,
	text    TEXT NOT NULL,
	value   REAL NOT NULL,
	unit    TEXT NOT NULL DEFAULT '',
	object  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX amounts_article ON amounts(article);

CREATE TABLE quotes (
	article      INTEGER NOT NULL REFERENCES articles(n),
	start        INTEGER NOT NULL,
	"end"        INTEGER NOT NULL,
	text         TEXT NOT NULL,
	kind         TEXT NOT NULL DEFAULT '',
	speaker      TEXT NOT NULL DEFAULT '',
	speaker_code TEXT NOT NULL DEFAULT ''
);
CREATE INDEX quotes_article ON quotes(article);
CREATE INDEX quotes_speaker_code ON quotes(speaker_code) WHERE speaker_code != '';

CREATE TABLE events (
	n              INTEGER PRIMARY KEY,
	id             TEXT NOT NULL UNIQUE,       -- store.EventID(key)
	key            TEXT NOT NULL,              -- store.EventKey
	day            TEXT NOT NULL,
	source_key     TEXT NOT NULL,              -- store.ActorKey of the source
	target_key     TEXT NOT NULL DEFAULT '',   -- store.ActorKey of the target, '' when none
	source_code    TEXT NOT NULL,
	source_country TEXT NOT NULL DEFAULT '',
	source_name    TEXT NOT NULL DEFAULT '',
	target_code    TEXT NOT NULL DEFAULT '',   -- '' when the event has no target
	target_country TEXT NOT NULL DEFAULT '',
	target_name    TEXT NOT NULL DEFAULT '',
	cameo          TEXT NOT NULL,
	plover         TEXT NOT NULL DEFAULT '',
	quad           INTEGER NOT NULL,
	goldstein      REAL NOT NULL,
	place_name     TEXT,                       -- NULL when no place
	place_country  TEXT NOT NULL DEFAULT '',
	lat            REAL,
	lon            REAL,
	num_mentions   INTEGER NOT NULL DEFAULT 0,
	num_articles   INTEGER NOT NULL DEFAULT 0,
	num_stories    INTEGER NOT NULL DEFAULT 0,
	num_sources    INTEGER NOT NULL DEFAULT 0,
	avg_tone       REAL NOT NULL DEFAULT 0,
	first_article  INTEGER NOT NULL REFERENCES articles(n),
	trigger        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX events_day ON events(day, id);
-- Dyads and actors: the dyad series reads only this covering index.
CREATE INDEX events_dyad ON events(source_key, target_key, day, quad, goldstein, num_mentions, avg_tone);
CREATE INDEX events_target_key ON events(target_key, day, id);
-- Filters whose rows come out in listing order (day, id), so that a page
-- needs no sort of every match.
CREATE INDEX events_cameo ON events(cameo, day, id);
CREATE INDEX events_quad ON events(quad, day, id);
CREATE INDEX events_plover ON events(plover, day, id);
CREATE INDEX events_place ON events(place_name COLLATE NOCASE, day, id) WHERE place_name IS NOT NULL;

-- Events per directed pair of actor keys and quad class, kept by Put so
-- that Stats need not scan the events.
CREATE TABLE event_counts (
	source_key TEXT NOT NULL,
	target_key TEXT NOT NULL,
	quad       INTEGER NOT NULL,
	events     INTEGER NOT NULL,
	PRIMARY KEY (source_key, target_key, quad)
) WITHOUT ROWID;

CREATE TABLE mentions (
	event      INTEGER NOT NULL REFERENCES events(n),
	article    INTEGER NOT NULL REFERENCES articles(n),
	start      INTEGER NOT NULL,               -- trigger, code points
	"end"      INTEGER NOT NULL,
	sentence   INTEGER NOT NULL,
	trigger    TEXT NOT NULL,
	confidence REAL NOT NULL,
	PRIMARY KEY (event, article, start)
) WITHOUT ROWID;
CREATE INDEX mentions_article ON mentions(article);
`,
	// 2: cheaper writes. Full text without positions (queries are words
	// that must all occur) over the text only (it starts with the title);
	// only coded entities in the entities table, with every entity counted
	// in articles.num_entities; no index on place names (no query uses it).
	`
CREATE VIRTUAL TABLE article_text USING fts5(text, content='', detail=none, tokenize='unicode61 remove_diacritics 2');
INSERT INTO article_text (rowid, text) SELECT n, json_extract(record, '$.text') FROM articles;
DROP TABLE article_fts;
ALTER TABLE articles ADD COLUMN num_entities INTEGER NOT NULL DEFAULT 0;
UPDATE articles SET num_entities = (SELECT count(*) FROM entities WHERE article = articles.n);
DELETE FROM entities WHERE code = '';
DROP INDEX places_name;
`,
	// 3: running totals kept by Put, so that Stats reads no large table
	// (num_entities sits after the record blob and costs a full read).
	`
CREATE TABLE totals (
	name TEXT PRIMARY KEY,
	n    INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO totals (name, n) SELECT 'entities', coalesce(sum(num_entities), 0) FROM articles;
`,
	// 4: cheaper writes again. Put stores new records compressed (record.go;
	// older rows stay JSON, both are read), so that a program of version 3
	// must not open the file. No index on places or dates by article: no
	// query reads them so; places are counted in totals for Stats instead.
	`
DROP INDEX places_article;
DROP INDEX dates_article;
INSERT INTO totals (name, n) SELECT 'places', count(*) FROM places;
`,
	// 5: the store counts what the server counted in Go. Running counts
	// kept by Put answer the unfiltered listings (actors, places, the map's
	// event places) without grouping every row; a covering index reads the
	// places by article again for filtered place listings; covering indexes serve
	// the actor summary and the actor filters (entities by code, and by
	// country then code; events by either side's code, with the day and
	// the other side). Nothing read the dates table (the
	// record keeps the dates): dropped.
	`
CREATE TABLE actor_counts (
	code     TEXT PRIMARY KEY,
	country  TEXT NOT NULL DEFAULT '',         -- max of the entities' (as Actors lists)
	name     TEXT NOT NULL DEFAULT '',
	mentions INTEGER NOT NULL,
	articles INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO actor_counts SELECT code, max(country), max(name), count(*), count(DISTINCT article) FROM entities WHERE code != '' GROUP BY code;
CREATE INDEX actor_counts_mentions ON actor_counts(mentions DESC, code);

CREATE TABLE place_counts (
	name      TEXT NOT NULL,
	country   TEXT NOT NULL,
	lat       REAL NOT NULL,
	lon       REAL NOT NULL,
	feature   TEXT NOT NULL DEFAULT '',        -- max of the places'
	geonameid INTEGER NOT NULL DEFAULT 0,
	mentions  INTEGER NOT NULL,
	articles  INTEGER NOT NULL,
	PRIMARY KEY (name, country, lat, lon)
) WITHOUT ROWID;
INSERT INTO place_counts SELECT name, country, lat, lon, max(feature), max(geonameid), count(*), count(DISTINCT article)
	FROM places GROUP BY name, country, lat, lon;
CREATE INDEX place_counts_mentions ON place_counts(mentions DESC, name, country);
CREATE INDEX places_article ON places(article, name, country, lat, lon, feature, geonameid);

CREATE TABLE event_places (
	name    TEXT NOT NULL,
	country TEXT NOT NULL,
	lat     REAL NOT NULL,
	lon     REAL NOT NULL,
	quad    INTEGER NOT NULL,
	events  INTEGER NOT NULL,
	PRIMARY KEY (name, country, lat, lon, quad)
) WITHOUT ROWID;
INSERT INTO event_places SELECT place_name, place_country, lat, lon, quad, count(*)
	FROM events WHERE place_name IS NOT NULL GROUP BY 1, 2, 3, 4, 5;

DROP INDEX entities_code;
CREATE INDEX entities_code ON entities(code, article, text, name, country) WHERE code != '';
DROP INDEX entities_country;
CREATE INDEX entities_country ON entities(country, code) WHERE country != '';
CREATE INDEX events_source_actor ON events(source_key, source_code, day, target_code);
CREATE INDEX events_target_actor ON events(target_key, target_code, day, source_key, source_code);

DROP TABLE dates;
`,
	// 6: places by number. A place (name, country, coordinates) gets a
	// number in place_keys the first time an article or an event names it;
	// article_places holds each article's places by number with their
	// mentions, and events their place's number, so that a filtered listing
	// of places or event places groups small integer rows read from
	// covering indexes instead of text columns of every match; the
	// entities by country cover the article too, for the actor filter. The places
	// rows (positions and surface text) only repeated the records: dropped.
	`
CREATE TABLE place_keys (
	id      INTEGER PRIMARY KEY,
	name    TEXT NOT NULL,
	country TEXT NOT NULL,
	lat     REAL NOT NULL,
	lon     REAL NOT NULL,
	UNIQUE (name, country, lat, lon)
);
INSERT INTO place_keys (name, country, lat, lon)
	SELECT name, country, lat, lon FROM places
	UNION SELECT place_name, place_country, lat, lon FROM events WHERE place_name IS NOT NULL;

CREATE TABLE article_places (
	article  INTEGER NOT NULL REFERENCES articles(n),
	place    INTEGER NOT NULL REFERENCES place_keys(id),
	mentions INTEGER NOT NULL,
	PRIMARY KEY (article, place)
) WITHOUT ROWID;
INSERT INTO article_places SELECT p.article, k.id, count(*)
	FROM places p JOIN place_keys k ON k.name = p.name AND k.country = p.country AND k.lat = p.lat AND k.lon = p.lon
	GROUP BY 1, 2;
DROP TABLE places;

ALTER TABLE events ADD COLUMN place INTEGER REFERENCES place_keys(id); -- NULL when no place
UPDATE events SET place = (SELECT k.id FROM place_keys k
	WHERE k.name = events.place_name AND k.country = events.place_country AND k.lat = events.lat AND k.lon = events.lon)
	WHERE place_name IS NOT NULL;
DROP INDEX events_day;
CREATE INDEX events_day ON events(day, id, place, quad);
DROP INDEX events_source_actor;
CREATE INDEX events_source_actor ON events(source_key, source_code, day, target_code, place, quad);
DROP INDEX events_target_actor;
CREATE INDEX events_target_actor ON events(target_key, target_code, day, source_key, source_code, place, quad);
-- The articles naming an actor by country, from the index alone.
DROP INDEX entities_country;
CREATE INDEX entities_country ON entities(country, code, article) WHERE country != '';
`,
	// 7: running counts by three-letter actor key, kept by Put: the places
	// named in the articles that name the key (an entity whose code starts
	// with it or whose country it is), and the places of the events with
	// the key on a side, so that an actor's map and place listing read a
	// row per place instead of grouping every article or event of the
	// actor.
	`
CREATE TABLE key_places (
	key      TEXT NOT NULL,
	place    INTEGER NOT NULL REFERENCES place_keys(id),
	mentions INTEGER NOT NULL,
	articles INTEGER NOT NULL,
	PRIMARY KEY (key, place)
) WITHOUT ROWID;
INSERT INTO key_places SELECT k.key, p.place, sum(p.mentions), count(*)
	FROM (SELECT article, substr(code, 1, 3) AS key FROM entities WHERE length(code) >= 3
		UNION SELECT article, country FROM entities WHERE length(country) = 3) k
	JOIN article_places p ON p.article = k.article
	GROUP BY 1, 2;

CREATE TABLE key_event_places (
	key    TEXT NOT NULL,
	place  INTEGER NOT NULL REFERENCES place_keys(id),
	quad   INTEGER NOT NULL,
	events INTEGER NOT NULL,
	PRIMARY KEY (key, place, quad)
) WITHOUT ROWID;
INSERT INTO key_event_places SELECT key, place, quad, count(*) FROM (
	SELECT source_key AS key, place, quad FROM events WHERE place IS NOT NULL
	UNION ALL SELECT target_key, place, quad FROM events WHERE place IS NOT NULL AND target_key != '' AND target_key != source_key)
	GROUP BY 1, 2, 3;
`,
	// 8: running counts for actor pages, kept by Put: the surface forms
	// and canonical names of each code's entities, and the events per
	// month and other side of each actor key (an event with the key on both
	// sides once, as its source), so that Actor reads a row per name and
	// per month and partner instead of grouping every entity and event.
	`
CREATE TABLE entity_names (
	code TEXT NOT NULL,
	text TEXT NOT NULL,
	name TEXT NOT NULL,
	n    INTEGER NOT NULL,
	PRIMARY KEY (code, text, name)
) WITHOUT ROWID;
INSERT INTO entity_names SELECT code, text, name, count(*) FROM entities WHERE code != '' GROUP BY 1, 2, 3;

CREATE TABLE key_months (
	key    TEXT NOT NULL,
	month  TEXT NOT NULL,                     -- YYYY-MM, '' when undated
	other  TEXT NOT NULL,                     -- the other side's code, '' when none
	events INTEGER NOT NULL,
	PRIMARY KEY (key, month, other)
) WITHOUT ROWID;
INSERT INTO key_months SELECT key, month, other, count(*) FROM (
	SELECT source_key AS key, substr(day, 1, 7) AS month, target_code AS other FROM events
	UNION ALL SELECT target_key, substr(day, 1, 7), source_code FROM events WHERE target_key != '' AND target_key != source_key)
	GROUP BY 1, 2, 3;
`,
	// 9: running counts of event places by day, kept by Put, so that the
	// map of a period groups a row per day, place and quad class instead
	// of one per event.
	`
CREATE TABLE day_places (
	day    TEXT NOT NULL,                     -- YYYY-MM-DD or '' (undated)
	place  INTEGER NOT NULL REFERENCES place_keys(id),
	quad   INTEGER NOT NULL,
	events INTEGER NOT NULL,
	PRIMARY KEY (day, place, quad)
) WITHOUT ROWID;
INSERT INTO day_places SELECT day, place, quad, count(*) FROM events WHERE place IS NOT NULL GROUP BY 1, 2, 3;
`,
	// 10: events per month and other side of each side's code, kept by
	// Put, for the actor page of a code longer than a key: a row per
	// (side, key, code, month, other side's code and key) instead of one
	// per event; the other side's key and code tell whether it matches the
	// code too (an event counts once, as its source's, then).
	`
CREATE TABLE code_months (
	key    TEXT NOT NULL,                     -- the side's key
	code   TEXT NOT NULL,                     -- the side's code
	side   INTEGER NOT NULL,                  -- 0 source, 1 target
	month  TEXT NOT NULL,                     -- YYYY-MM, '' when undated
	other  TEXT NOT NULL,                     -- the other side's code, '' when none
	okey   TEXT NOT NULL,                     -- the other side's key (target rows; '' on source rows)
	events INTEGER NOT NULL,
	PRIMARY KEY (key, code, side, month, other, okey)
) WITHOUT ROWID;
INSERT INTO code_months SELECT source_key, source_code, 0, substr(day, 1, 7), target_code, '', count(*) FROM events GROUP BY 1, 2, 4, 5;
INSERT INTO code_months SELECT target_key, target_code, 1, substr(day, 1, 7), source_code, source_key, count(*) FROM events
	WHERE target_key != '' GROUP BY 1, 2, 4, 5, 6;
`,
	// 11: negated and hypothetical events are stored too, with their mode
	// ('' for the counted ones: asserted, intended), and left
	// out of every count unless asked (store.Filter.AllModes): the running
	// counts hold only counted events, and the covering indexes that
	// listings, dyads and maps read carry the mode so that leaving them out
	// reads no row. A partial index finds the few that are not counted.
	`
ALTER TABLE events ADD COLUMN mode TEXT NOT NULL DEFAULT '';
DROP INDEX events_day;
CREATE INDEX events_day ON events(day, id, place, quad, mode);
DROP INDEX events_dyad;
CREATE INDEX events_dyad ON events(source_key, target_key, day, quad, goldstein, num_mentions, avg_tone, mode);
DROP INDEX events_source_actor;
CREATE INDEX events_source_actor ON events(source_key, source_code, day, target_code, place, quad, mode);
DROP INDEX events_target_actor;
CREATE INDEX events_target_actor ON events(target_key, target_code, day, source_key, source_code, place, quad, mode);
DROP INDEX events_target_key;
CREATE INDEX events_target_key ON events(target_key, day, id, mode);
DROP INDEX events_cameo;
CREATE INDEX events_cameo ON events(cameo, day, id, mode);
DROP INDEX events_quad;
CREATE INDEX events_quad ON events(quad, day, id, mode);
DROP INDEX events_plover;
CREATE INDEX events_plover ON events(plover, day, id, mode);
DROP INDEX events_place;
CREATE INDEX events_place ON events(place_name COLLATE NOCASE, day, id, mode) WHERE place_name IS NOT NULL;
CREATE INDEX events_uncounted ON events(mode, num_mentions) WHERE mode != '';
`,
}
