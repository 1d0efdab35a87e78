package postgres

// migrations[i] takes the schema from version i to i+1 (table
// newsgraph_schema). Never edit a released migration; append a new one.
// The tables mirror the SQLite backend's (docs/STORE.md); codes use the "C"
// collation so that prefix ranges compare bytes.
var migrations = []string{
	`
CREATE TABLE articles (
	n            BIGSERIAL PRIMARY KEY,
	id           TEXT NOT NULL UNIQUE,
	url          TEXT UNIQUE,
	source       TEXT NOT NULL DEFAULT '',
	outlet       TEXT NOT NULL DEFAULT '',
	title        TEXT NOT NULL DEFAULT '',
	published    TEXT NOT NULL DEFAULT '',
	day          TEXT COLLATE "C" NOT NULL DEFAULT '',
	language     TEXT NOT NULL DEFAULT '',
	content_hash TEXT NOT NULL UNIQUE,
	story        BIGINT NOT NULL,
	signature    BYTEA NOT NULL,
	tone         DOUBLE PRECISION NOT NULL DEFAULT 0,
	words        INTEGER NOT NULL DEFAULT 0,
	num_events   INTEGER NOT NULL DEFAULT 0,
	record       JSONB NOT NULL,
	fts          TSVECTOR GENERATED ALWAYS AS (to_tsvector('english', title || ' ' || coalesce(record->>'text', ''))) STORED
);
CREATE INDEX articles_day ON articles(day, id);
CREATE INDEX articles_story ON articles(story);
CREATE INDEX articles_fts ON articles USING GIN (fts);

CREATE TABLE bands (
	key     BIGINT NOT NULL,
	article BIGINT NOT NULL REFERENCES articles(n),
	PRIMARY KEY (key, article)
);

CREATE TABLE entities (
	article BIGINT NOT NULL REFERENCES articles(n),
	start   INTEGER NOT NULL,
	"end"   INTEGER NOT NULL,
	text    TEXT NOT NULL,
	type    TEXT NOT NULL,
	code    TEXT COLLATE "C" NOT NULL DEFAULT '',
	country TEXT COLLATE "C" NOT NULL DEFAULT '',
	name    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX entities_article ON entities(article);
CREATE INDEX entities_code ON entities(code) WHERE code != '';
CREATE INDEX entities_country ON entities(country) WHERE country != '';

CREATE TABLE places (
	article   BIGINT NOT NULL REFERENCES articles(n),
	start     INTEGER NOT NULL,
	"end"     INTEGER NOT NULL,
	text      TEXT NOT NULL,
	name      TEXT NOT NULL,
	country   TEXT NOT NULL DEFAULT '',
	lat       DOUBLE PRECISION NOT NULL,
	lon       DOUBLE PRECISION NOT NULL,
	feature   TEXT NOT NULL DEFAULT '',
	geonameid BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX places_article ON places(article);

CREATE TABLE dates (
	article BIGINT NOT NULL REFERENCES articles(n),
	start   INTEGER NOT NULL,
	"end"   INTEGER NOT NULL,
	text    TEXT NOT NULL,
	type    TEXT NOT NULL,
	value   TEXT NOT NULL
);
CREATE INDEX dates_article ON dates(article);

CREATE TABLE amounts (
	n       BIGSERIAL PRIMARY KEY,
	article BIGINT NOT NULL REFERENCES articles(n),
	start   INTEGER NOT NULL,
	"end"   INTEGER NOT NULL,
	text    TEXT NOT NULL,
	value   DOUBLE PRECISION NOT NULL,
	unit    TEXT NOT NULL DEFAULT '',
	object  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX amounts_article ON amounts(article);

CREATE TABLE quotes (
	n            BIGSERIAL PRIMARY KEY,
	article      BIGINT NOT NULL REFERENCES articles(n),
	start        INTEGER NOT NULL,
	"end"        INTEGER NOT NULL,
	text         TEXT NOT NULL,
	kind         TEXT NOT NULL DEFAULT '',
	speaker      TEXT NOT NULL DEFAULT '',
	speaker_code TEXT COLLATE "C" NOT NULL DEFAULT ''
);
CREATE INDEX quotes_article ON quotes(article);
CREATE INDEX quotes_speaker_code ON quotes(speaker_code) WHERE speaker_code != '';

CREATE TABLE events (
	n              BIGSERIAL PRIMARY KEY,
	id             TEXT NOT NULL UNIQUE,
	key            TEXT NOT NULL,
	day            TEXT COLLATE "C" NOT NULL,
	source_key     TEXT COLLATE "C" NOT NULL,
	target_key     TEXT COLLATE "C" NOT NULL DEFAULT '',
	source_code    TEXT COLLATE "C" NOT NULL,
	source_country TEXT NOT NULL DEFAULT '',
	source_name    TEXT NOT NULL DEFAULT '',
	target_code    TEXT COLLATE "C" NOT NULL DEFAULT '',
	target_country TEXT NOT NULL DEFAULT '',
	target_name    TEXT NOT NULL DEFAULT '',
	cameo          TEXT COLLATE "C" NOT NULL,
	plover         TEXT NOT NULL DEFAULT '',
	quad           INTEGER NOT NULL,
	goldstein      DOUBLE PRECISION NOT NULL,
	place_name     TEXT,
	place_country  TEXT NOT NULL DEFAULT '',
	lat            DOUBLE PRECISION,
	lon            DOUBLE PRECISION,
	num_mentions   INTEGER NOT NULL DEFAULT 0,
	num_articles   INTEGER NOT NULL DEFAULT 0,
	num_stories    INTEGER NOT NULL DEFAULT 0,
	num_sources    INTEGER NOT NULL DEFAULT 0,
	avg_tone       DOUBLE PRECISION NOT NULL DEFAULT 0,
	first_article  BIGINT NOT NULL REFERENCES articles(n),
	trigger        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX events_day ON events(day, id);
CREATE INDEX events_dyad ON events(source_key, target_key, day, quad, goldstein, num_mentions, avg_tone);
CREATE INDEX events_target_key ON events(target_key, day, id);
CREATE INDEX events_cameo ON events(cameo, day, id);
CREATE INDEX events_quad ON events(quad, day, id);
CREATE INDEX events_plover ON events(plover, day, id);
CREATE INDEX events_place ON events(lower(place_name), day, id) WHERE place_name IS NOT NULL;

CREATE TABLE mentions (
	event      BIGINT NOT NULL REFERENCES events(n),
	article    BIGINT NOT NULL REFERENCES articles(n),
	start      INTEGER NOT NULL,
	"end"      INTEGER NOT NULL,
	sentence   INTEGER NOT NULL,
	trigger    TEXT NOT NULL,
	confidence DOUBLE PRECISION NOT NULL,
	PRIMARY KEY (event, article, start)
);
CREATE INDEX mentions_article ON mentions(article);

CREATE TABLE event_counts (
	source_key TEXT COLLATE "C" NOT NULL,
	target_key TEXT COLLATE "C" NOT NULL,
	quad       INTEGER NOT NULL,
	events     INTEGER NOT NULL,
	PRIMARY KEY (source_key, target_key, quad)
);
`,
	// 2: the store counts what the server counted in Go (docs/STORE.md):
	// the actor summary reads events by either side's code; nothing read
	// the dates table (the record keeps the dates).
	`
CREATE INDEX events_source_actor ON events(source_key, source_code, day) INCLUDE (target_code);
CREATE INDEX events_target_actor ON events(target_key, target_code, day) INCLUDE (source_key, source_code);
DROP INDEX entities_code;
CREATE INDEX entities_code ON entities(code, article) INCLUDE (text, name) WHERE code != '';
DROP TABLE dates;
`,
	// 3: running counts kept by Put, as SQLite's (docs/STORE.md), so that
	// the unfiltered actor, place and event-place listings read a row per
	// actor or place instead of grouping every entity, place or event.
	`
CREATE TABLE actor_counts (
	code     TEXT COLLATE "C" PRIMARY KEY,
	country  TEXT COLLATE "C" NOT NULL DEFAULT '',
	name     TEXT COLLATE "C" NOT NULL DEFAULT '',
	mentions BIGINT NOT NULL,
	articles BIGINT NOT NULL
);
INSERT INTO actor_counts SELECT code, max(country COLLATE "C"), max(name COLLATE "C"), count(*), count(DISTINCT article)
	FROM entities WHERE code != '' GROUP BY code;
CREATE INDEX actor_counts_mentions ON actor_counts(mentions DESC, code);

CREATE TABLE place_counts (
	name      TEXT COLLATE "C" NOT NULL,
	country   TEXT COLLATE "C" NOT NULL,
	lat       DOUBLE PRECISION NOT NULL,
	lon       DOUBLE PRECISION NOT NULL,
	feature   TEXT COLLATE "C" NOT NULL DEFAULT '',
	geonameid BIGINT NOT NULL DEFAULT 0,
	mentions  BIGINT NOT NULL,
	articles  BIGINT NOT NULL,
	PRIMARY KEY (name, country, lat, lon)
);
INSERT INTO place_counts SELECT name, country, lat, lon, max(feature COLLATE "C"), max(geonameid), count(*), count(DISTINCT article)
	FROM places GROUP BY name, country, lat, lon;
CREATE INDEX place_counts_mentions ON place_counts(mentions DESC, name, country);

CREATE TABLE event_places (
	name    TEXT COLLATE "C" NOT NULL,
	country TEXT COLLATE "C" NOT NULL,
	lat     DOUBLE PRECISION NOT NULL,
	lon     DOUBLE PRECISION NOT NULL,
	quad    INTEGER NOT NULL,
	events  BIGINT NOT NULL,
	PRIMARY KEY (name, country, lat, lon, quad)
);
INSERT INTO event_places SELECT place_name, place_country, lat, lon, quad, count(*)
	FROM events WHERE place_name IS NOT NULL GROUP BY 1, 2, 3, 4, 5;
`,
	// 4: places by number, as SQLite's (docs/STORE.md): place_keys numbers
	// each place an article or an event names, article_places holds an
	// article's places with their mentions, events their place's number in
	// the indexes that the date and actor filters read, so that filtered
	// listings of places and event places group integers; the entities by
	// country carry the article. The places rows only repeated the records.
	`
CREATE TABLE place_keys (
	id      BIGSERIAL PRIMARY KEY,
	name    TEXT COLLATE "C" NOT NULL,
	country TEXT COLLATE "C" NOT NULL,
	lat     DOUBLE PRECISION NOT NULL,
	lon     DOUBLE PRECISION NOT NULL,
	UNIQUE (name, country, lat, lon)
);
INSERT INTO place_keys (name, country, lat, lon)
	SELECT name, country, lat, lon FROM places
	UNION SELECT place_name, place_country, lat, lon FROM events WHERE place_name IS NOT NULL
	ORDER BY 1, 2, 3, 4;

CREATE TABLE article_places (
	article  BIGINT NOT NULL REFERENCES articles(n),
	place    BIGINT NOT NULL REFERENCES place_keys(id),
	mentions INTEGER NOT NULL,
	PRIMARY KEY (article, place)
);
INSERT INTO article_places SELECT p.article, k.id, count(*)
	FROM places p JOIN place_keys k ON k.name = p.name COLLATE "C" AND k.country = p.country COLLATE "C" AND k.lat = p.lat AND k.lon = p.lon
	GROUP BY 1, 2;
DROP TABLE places;

ALTER TABLE events ADD COLUMN place BIGINT REFERENCES place_keys(id);
UPDATE events e SET place = k.id FROM place_keys k
	WHERE k.name = e.place_name COLLATE "C" AND k.country = e.place_country COLLATE "C" AND k.lat = e.lat AND k.lon = e.lon;
DROP INDEX events_day;
CREATE INDEX events_day ON events(day, id) INCLUDE (place, quad);
DROP INDEX events_source_actor;
CREATE INDEX events_source_actor ON events(source_key, source_code, day) INCLUDE (target_code, place, quad);
DROP INDEX events_target_actor;
CREATE INDEX events_target_actor ON events(target_key, target_code, day) INCLUDE (source_key, source_code, place, quad);
DROP INDEX entities_country;
CREATE INDEX entities_country ON entities(country, code) INCLUDE (article) WHERE country != '';
`,
	// 5: running counts by three-letter actor key, as SQLite's: the places
	// named in the articles naming the key, the places of the events with
	// the key on a side.
	`
CREATE TABLE key_places (
	key      TEXT COLLATE "C" NOT NULL,
	place    BIGINT NOT NULL REFERENCES place_keys(id),
	mentions BIGINT NOT NULL,
	articles BIGINT NOT NULL,
	PRIMARY KEY (key, place)
);
INSERT INTO key_places SELECT k.key, p.place, sum(p.mentions), count(*)
	FROM (SELECT article, substr(code, 1, 3) AS key FROM entities WHERE length(code) >= 3
		UNION SELECT article, country FROM entities WHERE length(country) = 3) k
	JOIN article_places p ON p.article = k.article
	GROUP BY 1, 2;

CREATE TABLE key_event_places (
	key    TEXT COLLATE "C" NOT NULL,
	place  BIGINT NOT NULL REFERENCES place_keys(id),
	quad   INTEGER NOT NULL,
	events BIGINT NOT NULL,
	PRIMARY KEY (key, place, quad)
);
INSERT INTO key_event_places SELECT key, place, quad, count(*) FROM (
	SELECT source_key AS key, place, quad FROM events WHERE place IS NOT NULL
	UNION ALL SELECT target_key, place, quad FROM events WHERE place IS NOT NULL AND target_key != '' AND target_key != source_key) x
	GROUP BY 1, 2, 3;
`,
	// 6: event places counted by day, as SQLite's, for the map of a period.
	`
CREATE TABLE day_places (
	day    TEXT COLLATE "C" NOT NULL,
	place  BIGINT NOT NULL REFERENCES place_keys(id),
	quad   INTEGER NOT NULL,
	events BIGINT NOT NULL,
	PRIMARY KEY (day, place, quad)
);
INSERT INTO day_places SELECT day, place, quad, count(*) FROM events WHERE place IS NOT NULL GROUP BY 1, 2, 3;
`,
	// 7: running counts for actor pages, as SQLite's: each code's surface
	// forms and canonical names, each actor key's events by month and
	// other side (as source when on both sides).
	`
CREATE TABLE entity_names (
	code TEXT COLLATE "C" NOT NULL,
	text TEXT NOT NULL,
	name TEXT NOT NULL,
	n    BIGINT NOT NULL,
	PRIMARY KEY (code, text, name)
);
INSERT INTO entity_names SELECT code, text, name, count(*) FROM entities WHERE code != '' GROUP BY 1, 2, 3;

CREATE TABLE key_months (
	key    TEXT COLLATE "C" NOT NULL,
	month  TEXT COLLATE "C" NOT NULL,
	other  TEXT COLLATE "C" NOT NULL,
	events BIGINT NOT NULL,
	PRIMARY KEY (key, month, other)
);
INSERT INTO key_months SELECT key, month, other, count(*) FROM (
	SELECT source_key AS key, substr(day, 1, 7) AS month, target_code AS other FROM events
	UNION ALL SELECT target_key, substr(day, 1, 7), source_code FROM events WHERE target_key != '' AND target_key != source_key) x
	GROUP BY 1, 2, 3;
`,
	// 8: negated and hypothetical events are stored too, with their mode
	// ('' for the counted ones), and left out of every count unless asked
	// (store.Filter.AllModes), as SQLite's: the running counts hold only
	// counted events; the indexes that listings, dyads and maps read carry
	// the mode; a partial index finds the events that are not counted.
	`
ALTER TABLE events ADD COLUMN mode TEXT COLLATE "C" NOT NULL DEFAULT '';
DROP INDEX events_day;
CREATE INDEX events_day ON events(day, id) INCLUDE (place, quad, mode);
DROP INDEX events_dyad;
CREATE INDEX events_dyad ON events(source_key, target_key, day, quad, goldstein, num_mentions, avg_tone) INCLUDE (mode);
DROP INDEX events_source_actor;
CREATE INDEX events_source_actor ON events(source_key, source_code, day) INCLUDE (target_code, place, quad, mode);
DROP INDEX events_target_actor;
CREATE INDEX events_target_actor ON events(target_key, target_code, day) INCLUDE (source_key, source_code, place, quad, mode);
DROP INDEX events_target_key;
CREATE INDEX events_target_key ON events(target_key, day, id) INCLUDE (mode);
DROP INDEX events_cameo;
CREATE INDEX events_cameo ON events(cameo, day, id) INCLUDE (mode);
DROP INDEX events_quad;
CREATE INDEX events_quad ON events(quad, day, id) INCLUDE (mode);
DROP INDEX events_plover;
CREATE INDEX events_plover ON events(plover, day, id) INCLUDE (mode);
DROP INDEX events_place;
CREATE INDEX events_place ON events(lower(place_name), day, id) INCLUDE (mode) WHERE place_name IS NOT NULL;
CREATE INDEX events_uncounted ON events(mode) INCLUDE (num_mentions) WHERE mode != '';
`,
}
