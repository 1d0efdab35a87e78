// check.mjs reads newsgraph's exports with DuckDB, as a user's tools would,
// and prints the column types DuckDB infers and the NULLs it finds. It is a
// check for people, not part of `make test` (which needs no npm):
//
//	cd scripts/duckdb && npm install
//	node check.mjs DIR        # DIR holds events.parquet, events.csv, events.gdelt.tsv, gkg.tsv
//
// `make duckdb-check` exports the example store into a temporary folder and
// runs it. It exits non-zero when DuckDB cannot read a file, when the event
// table's date, time or coordinate columns are not typed DATE, TIMESTAMP and
// DOUBLE, or when the GDELT tables do not have 61 and 27 columns.
import { DuckDBInstance } from '@duckdb/node-api';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node check.mjs DIR');
  process.exit(2);
}
const files = {
  parquet: join(dir, 'events.parquet'),
  csv: join(dir, 'events.csv'),
  gdelt: join(dir, 'events.gdelt.tsv'),
  gkg: join(dir, 'gkg.tsv'),
};
for (const [k, f] of Object.entries(files)) {
  if (!existsSync(f)) {
    console.error(`missing ${k} export: ${f}`);
    process.exit(2);
  }
}
const q = (s) => `'${s.replaceAll("'", "''")}'`;
const sources = {
  'events.parquet': `read_parquet(${q(files.parquet)})`,
  'events.csv': `read_csv(${q(files.csv)}, header = true)`,
  'events.gdelt.tsv': `read_csv(${q(files.gdelt)}, delim = '\\t', header = false, quote = '', escape = '', all_varchar = false)`,
  'gkg.tsv': `read_csv(${q(files.gkg)}, delim = '\\t', header = false, quote = '', escape = '')`,
};

const db = await DuckDBInstance.create(':memory:');
const con = await db.connect();
const failures = [];
const types = {};
for (const [name, src] of Object.entries(sources)) {
  const rows = (await con.runAndReadAll(`DESCRIBE SELECT * FROM ${src}`)).getRowObjectsJS();
  const n = (await con.runAndReadAll(`SELECT count(*) AS n FROM ${src}`)).getRowObjectsJS()[0].n;
  types[name] = Object.fromEntries(rows.map((r) => [r.column_name, r.column_type]));
  console.log(`== ${name}: ${n} rows, ${rows.length} columns`);
  for (const r of rows) console.log(`  ${r.column_name.padEnd(18)} ${r.column_type}`);
}

// The event table: logical types and NULLs, alike in Parquet and CSV.
for (const name of ['events.parquet', 'events.csv']) {
  const t = types[name];
  for (const [col, want] of [['date', 'DATE'], ['lat', 'DOUBLE'], ['lon', 'DOUBLE'], ['goldstein', 'DOUBLE'], ['quad_class', /INT/]]) {
    if (!(typeof want === 'string' ? t[col] === want : want.test(t[col] ?? ''))) failures.push(`${name}: ${col} is ${t[col]}, want ${want}`);
  }
  if (!/^TIMESTAMP/.test(t.first_published ?? '')) failures.push(`${name}: first_published is ${t.first_published}, want TIMESTAMP`);
  const src = sources[name];
  const s = (await con.runAndReadAll(`SELECT count(*) FILTER (WHERE lat IS NULL) AS no_place,
      count(*) FILTER (WHERE lat = 0 AND lon = 0) AS zero_zero,
      count(*) FILTER (WHERE date IS NULL) AS undated,
      count(*) FILTER (WHERE place = '' OR target_code = '' OR source_url = '') AS empty_strings
    FROM ${src}`)).getRowObjectsJS()[0];
  console.log(`${name}: ${s.no_place} events without place (NULL lat/lon), ${s.zero_zero} at 0,0, ${s.undated} undated (NULL date), ${s.empty_strings} empty strings`);
  if (s.zero_zero > 0) failures.push(`${name}: ${s.zero_zero} events at 0,0`);
  if (name === 'events.parquet' && s.empty_strings > 0) failures.push(`${name}: ${s.empty_strings} empty strings where NULL belongs`);
}
if (Object.keys(types['events.gdelt.tsv']).length !== 61) failures.push(`events.gdelt.tsv: ${Object.keys(types['events.gdelt.tsv']).length} columns, want 61`);
if (Object.keys(types['gkg.tsv']).length !== 27) failures.push(`gkg.tsv: ${Object.keys(types['gkg.tsv']).length} columns, want 27`);

// GDELT geography as GDELT tools read it: FIPS country codes, types 1-5.
const geo = (await con.runAndReadAll(`SELECT column51 AS type, column53 AS country, count(*) AS n
  FROM ${sources['events.gdelt.tsv']} GROUP BY 1, 2 ORDER BY 3 DESC LIMIT 10`)).getRowObjectsJS();
console.log('events.gdelt.tsv ActionGeo (type, FIPS country, events):', geo.map((r) => `${r.type} ${r.country ?? '-'} ${r.n}`).join('; '));
for (const r of geo) {
  if (r.country != null && String(r.country).length !== 2) failures.push(`events.gdelt.tsv: ActionGeo_CountryCode ${r.country} is not FIPS 10-4`);
}
const added = (await con.runAndReadAll(`SELECT count(*) FILTER (WHERE column59 IS NULL) AS n FROM ${sources['events.gdelt.tsv']}`)).getRowObjectsJS()[0].n;
if (added > 0) failures.push(`events.gdelt.tsv: ${added} rows without DATEADDED`);

con.closeSync();
db.closeSync();
if (failures.length) {
  console.error('FAILED:\n  ' + failures.join('\n  '));
  process.exit(1);
}
console.log('ok: DuckDB reads every export with the expected types');
