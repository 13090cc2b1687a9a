// Reads a Flee scenario directory (shared/research/anchors-mission.md §1.1): the model inputs
// locations.csv, routes.csv, closures.csv, sim_period.csv and optional conflicts.csv, and the
// validation folder (data_layout.csv naming one `date,count` file per camp and the total). The
// result is Flee's data, checked (numbers, dates, names that exist) but not yet converted;
// toScenario.ts turns it into a routeshift scenario. Every problem names the file, line and
// column; all of them are reported together.

import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isRealDate } from '../scenarios/dates.js';
import { FLEE_CLOSURE_TYPES, type FleeClosureType, type FleeLocationType } from '../model/flee/spec.js';
import { isComment, numberField, ProblemList, readCsv, type CsvRecord } from './csv.js';

export interface FleeLocation {
  name: string;
  region: string;
  country: string;
  lat: number;
  lon: number;
  type: FleeLocationType;
  /** Day the conflict begins (conflict zones), 0 for from the start. */
  conflictDate: number;
  /** Population (towns, conflict zones) or capacity (camps); 0 when empty. */
  population: number;
  /** The conflict_intensity column, when present. */
  conflictIntensity?: number;
}

export type FleeLinkType = 'drive' | 'walk' | 'crossing';

export interface FleeRoute {
  name1: string;
  name2: string;
  distanceKm: number;
  forcedRedirection: 0 | 1 | 2;
  maxMoveSpeed?: number;
  walkProbability?: number;
  linkType?: FleeLinkType;
}

export interface FleeClosure {
  type: FleeClosureType;
  name1: string;
  name2: string;
  start: number;
  /** -1: never lifted. */
  end: number;
}

export interface DatedValue {
  date: string;
  value: number;
}

export interface FleeSeries {
  /** The data_layout.csv name: "total" or a location. */
  name: string;
  files: string[];
  points: DatedValue[];
}

export interface FleeInput {
  /** The folders read, as shown to the user. */
  inputDir: string;
  validationDir: string;
  locations: FleeLocation[];
  routes: FleeRoute[];
  closures: FleeClosure[];
  startDate: string;
  lengthDays: number;
  /** conflicts.csv: location names and one row of intensities per day. */
  conflicts?: { names: string[]; rows: number[][] };
  /** The `total` series of data_layout.csv, if any. */
  total?: FleeSeries;
  /** The other data_layout.csv series, in file order. */
  camps: FleeSeries[];
  /** Things imported approximately or ignored, for the user to read. */
  notes: string[];
}

export interface ReadOptions {
  /** Folder of the validation data; default `<dir>/source_data`, else `<dir>/validation`. */
  validationDir?: string;
  /** Shows a path to the user (relative to the working directory when inside it). */
  show: (abs: string) => string;
}

const LOCATION_COLUMNS = ['name', 'region', 'country', 'latitude', 'longitude', 'location_type', 'conflict_date', 'population/capacity'];
const ROUTE_COLUMNS = ['name1', 'name2', 'distance', 'forced_redirection'];
const KNOWN_LOCATION_ATTRIBUTES = new Set(['conflict_intensity']);
const KNOWN_LINK_ATTRIBUTES = new Set(['max_move_speed', 'walk_probability', 'link_type']);

/** Flee's reading of location_type (flee.py Location: by substring, as Flee does). */
function locationType(text: string): FleeLocationType | undefined {
  const t = text.toLowerCase();
  if (t.includes('camp')) return t.includes('idp') ? 'idpcamp' : 'camp';
  if (t.includes('conflict')) return 'conflict_zone';
  if (t.includes('forward')) return 'forwarding_hub';
  if (t.includes('marker')) return 'marker';
  if (t.includes('flood_zone') || t.includes('default') || t.includes('town')) return 'town';
  return undefined;
}

function isDir(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}

/** Read a Flee scenario from `dir` (its `input_csv/` subfolder when there is one). */
export async function readFleeScenario(dir: string, options: ReadOptions): Promise<FleeInput> {
  const problems = new ProblemList();
  const show = options.show;
  if (!isDir(dir)) {
    problems.add(show(dir), existsSync(dir) ? 'is not a directory' : 'no such directory');
    problems.throwIfAny();
  }
  const inputDir = isDir(join(dir, 'input_csv')) ? join(dir, 'input_csv') : dir;
  const validationDir =
    options.validationDir ?? [join(dir, 'source_data'), join(dir, 'validation')].find(isDir) ?? join(dir, 'source_data');
  const notes: string[] = [];
  const file = (name: string) => ({ abs: join(inputDir, name), shown: show(join(inputDir, name)) });

  const [locationRows, routeRows, closureRows, periodRows, conflictRows] = await Promise.all([
    readCsv(file('locations.csv').abs, file('locations.csv').shown, problems),
    readCsv(file('routes.csv').abs, file('routes.csv').shown, problems),
    readCsv(file('closures.csv').abs, file('closures.csv').shown, problems, true),
    readCsv(file('sim_period.csv').abs, file('sim_period.csv').shown, problems),
    readCsv(file('conflicts.csv').abs, file('conflicts.csv').shown, problems, true),
  ]);

  const locations = locationRows ? readLocations(locationRows, file('locations.csv').shown, problems, notes) : [];
  // References are checked against every row of locations.csv, even one with problems of its own,
  // so that one bad latitude does not make every route through the place an error too.
  const named = (locationRows ?? []).filter((r) => !isComment(r));
  const names = new Map<string, FleeLocation | undefined>(named.map((r) => [r.fields[0], undefined]));
  for (const l of locations) names.set(l.name, l);
  const countries = new Set(named.map((r) => r.fields[2] || 'unknown'));
  const routes = routeRows ? readRoutes(routeRows, file('routes.csv').shown, names, problems, notes) : [];
  const closures = closureRows ? readClosures(closureRows, file('closures.csv').shown, names, countries, problems) : [];
  const period = periodRows ? readPeriod(periodRows, file('sim_period.csv').shown, problems) : undefined;
  const conflicts = conflictRows ? readConflicts(conflictRows, file('conflicts.csv').shown, names, problems) : undefined;

  const layoutShown = show(join(validationDir, 'data_layout.csv'));
  let total: FleeSeries | undefined;
  const camps: FleeSeries[] = [];
  if (!isDir(validationDir)) {
    problems.add(show(validationDir), `no such directory: the validation data (data_layout.csv and the camp series) drive Flee's spawning; give its folder with --validation`);
  } else {
    const layout = await readCsv(join(validationDir, 'data_layout.csv'), layoutShown, problems);
    const seen = new Map<string, number>();
    for (const r of layout ?? []) {
      if (isComment(r)) continue;
      const [name, ...files] = r.fields.filter((x) => x !== '');
      if (files.length === 0) {
        problems.add(layoutShown, `"${name}" names no data file`, r.line, 2);
        continue;
      }
      if (seen.has(name)) {
        problems.add(layoutShown, `"${name}" appears twice (first on line ${seen.get(name)})`, r.line, 1);
        continue;
      }
      seen.set(name, r.line);
      if (name !== 'total' && !names.has(name)) {
        problems.add(layoutShown, `"${name}" is not a location of locations.csv`, r.line, 1);
        continue;
      }
      const points = await readSeriesFiles(validationDir, files, show, problems);
      const series = { name, files, points };
      if (name === 'total') total = series;
      else camps.push(series);
    }
    for (const s of camps) {
      const type = names.get(s.name)?.type;
      if (type !== 'camp' && type !== 'idpcamp') notes.push(`${s.name} has a validation series but is not a camp: it counts towards spawning (sum_from_camps) but is not scored, as in Flee`);
    }
    for (const l of locations) {
      if ((l.type === 'camp' || l.type === 'idpcamp') && !seen.has(l.name)) notes.push(`camp ${l.name} has no validation series: it starts empty and is not scored`);
    }
  }
  problems.throwIfAny();
  return {
    inputDir: show(inputDir),
    validationDir: show(validationDir),
    locations,
    routes,
    closures,
    startDate: period!.start,
    lengthDays: period!.length,
    conflicts,
    total,
    camps,
    notes,
  };
}

function readLocations(rows: CsvRecord[], shown: string, problems: ProblemList, notes: string[]): FleeLocation[] {
  const columns = [...LOCATION_COLUMNS];
  const out: FleeLocation[] = [];
  const seen = new Map<string, number>();
  for (const r of rows) {
    if (isComment(r)) {
      // The header names any custom attribute columns after the eighth (InputGeography.py).
      if (r.fields.length > 8 && columns.length === 8) columns.push(...r.fields.slice(8));
      continue;
    }
    const f = r.fields;
    const name = f[0];
    if (seen.has(name)) {
      problems.add(shown, `location "${name}" appears twice (first on line ${seen.get(name)})`, r.line, 1, 'name');
      continue;
    }
    seen.set(name, r.line);
    if (f.length < 6) {
      problems.add(shown, `expected at least 6 columns (name, region, country, latitude, longitude, location_type), got ${f.length}`, r.line);
      continue;
    }
    const type = locationType(f[5]);
    if (type === undefined) {
      problems.add(shown, `unknown location type "${f[5]}" (expected conflict_zone, town, camp, idpcamp, marker or forwarding_hub)`, r.line, 6, 'location_type');
    }
    const lat = numberField(r, 3, 'latitude', shown, problems, { min: -90, max: 90, empty: 0 });
    const lon = numberField(r, 4, 'longitude', shown, problems, { min: -180, max: 180, empty: 0 });
    const conflictDate = numberField(r, 6, 'conflict_date', shown, problems, { integer: true, empty: 0 });
    const population = numberField(r, 7, 'population/capacity', shown, problems, { min: 0, empty: 0 });
    let conflictIntensity: number | undefined;
    for (let k = 8; k < f.length; k++) {
      const column = columns[k] ?? `column ${k + 1}`;
      if (column === 'conflict_intensity' && f[k] !== '') conflictIntensity = numberField(r, k, column, shown, problems, { min: 0 });
    }
    if (type === undefined || lat === undefined || lon === undefined || conflictDate === undefined || population === undefined) continue;
    out.push({ name, region: f[1], country: f[2] === '' ? 'unknown' : f[2], lat, lon, type, conflictDate, population, conflictIntensity });
  }
  if (out.length === 0 && !problems.problems.some((p) => p.file === shown)) problems.add(shown, 'has no locations');
  const ignored = columns.slice(8).filter((c) => !KNOWN_LOCATION_ATTRIBUTES.has(c));
  if (ignored.length > 0) notes.push(`locations.csv: column${ignored.length > 1 ? 's' : ''} ${ignored.join(', ')} ignored (not supported by routeshift's Flee rules)`);
  return out;
}

function readRoutes(rows: CsvRecord[], shown: string, names: Map<string, unknown>, problems: ProblemList, notes: string[]): FleeRoute[] {
  const columns = [...ROUTE_COLUMNS];
  const out: FleeRoute[] = [];
  for (const r of rows) {
    if (isComment(r)) {
      if (r.fields.length > 4 && columns.length === 4) columns.push(...r.fields.slice(4));
      continue;
    }
    const f = r.fields;
    if (f.length < 3) {
      problems.add(shown, `expected at least 3 columns (name1, name2, distance), got ${f.length}`, r.line);
      continue;
    }
    let ok = true;
    for (const k of [0, 1]) {
      if (!names.has(f[k])) {
        problems.add(shown, `unknown location "${f[k]}" (not in locations.csv)`, r.line, k + 1, ROUTE_COLUMNS[k]);
        ok = false;
      }
    }
    if (ok && f[0] === f[1]) {
      problems.add(shown, `a route from "${f[0]}" to itself`, r.line, 2, 'name2');
      ok = false;
    }
    const distanceKm = numberField(r, 2, 'distance', shown, problems, { exclusiveMin: 0 });
    const forced = numberField(r, 3, 'forced_redirection', shown, problems, { integer: true, min: 0, max: 2, empty: 0 });
    const route: FleeRoute = { name1: f[0], name2: f[1], distanceKm: distanceKm ?? 0, forcedRedirection: (forced ?? 0) as 0 | 1 | 2 };
    for (let k = 4; k < f.length; k++) {
      const column = columns[k] ?? `column ${k + 1}`;
      if (f[k] === '') continue;
      if (column === 'max_move_speed') route.maxMoveSpeed = numberField(r, k, column, shown, problems, { exclusiveMin: 0 });
      else if (column === 'walk_probability') route.walkProbability = numberField(r, k, column, shown, problems, { min: 0, max: 1 });
      else if (column === 'link_type') {
        const t = f[k].toLowerCase();
        const linkType = t.includes('walk') ? 'walk' : t.includes('crossing') ? 'crossing' : t.includes('drive') ? 'drive' : undefined;
        if (linkType === undefined) problems.add(shown, `unknown link type "${f[k]}" (expected drive, walk or crossing)`, r.line, k + 1, column);
        else route.linkType = linkType;
      }
    }
    if (ok && distanceKm !== undefined && forced !== undefined) out.push(route);
  }
  if (out.length === 0 && !problems.problems.some((p) => p.file === shown)) problems.add(shown, 'has no routes');
  const ignored = columns.slice(4).filter((c) => !KNOWN_LINK_ATTRIBUTES.has(c));
  if (ignored.length > 0) notes.push(`routes.csv: column${ignored.length > 1 ? 's' : ''} ${ignored.join(', ')} ignored (not supported by routeshift's Flee rules)`);
  return out;
}

function readClosures(
  rows: CsvRecord[],
  shown: string,
  names: Map<string, unknown>,
  countries: Set<string>,
  problems: ProblemList,
): FleeClosure[] {
  const out: FleeClosure[] = [];
  for (const r of rows) {
    if (isComment(r)) continue;
    const f = r.fields;
    const type = f[0] as FleeClosureType;
    if (!FLEE_CLOSURE_TYPES.includes(type)) {
      problems.add(shown, `unknown closure type "${f[0]}" (expected ${FLEE_CLOSURE_TYPES.join(', ')})`, r.line, 1, 'closure_type');
      continue;
    }
    if (f.length < 5) {
      problems.add(shown, `expected 5 columns (closure_type, name1, name2, closure_start, closure_end), got ${f.length}`, r.line);
      continue;
    }
    const pair = type === 'country' || type === 'link' || type === 'remove_forced_redirection';
    let ok = true;
    for (const k of pair ? [1, 2] : [1]) {
      const known = type === 'country' ? countries.has(f[k]) : names.has(f[k]);
      if (!known) {
        problems.add(shown, `unknown ${type === 'country' ? 'country' : 'location'} "${f[k]}" (not in locations.csv)`, r.line, k + 1, `name${k}`);
        ok = false;
      }
    }
    const start = numberField(r, 3, 'closure_start', shown, problems, { integer: true, min: 0 });
    const end = numberField(r, 4, 'closure_end', shown, problems, { integer: true, min: -1 });
    if (ok && start !== undefined && end !== undefined) out.push({ type, name1: f[1], name2: pair ? f[2] : '', start, end });
  }
  return out;
}

function readPeriod(rows: CsvRecord[], shown: string, problems: ProblemList): { start: string; length: number } | undefined {
  let start: string | undefined;
  let length: number | undefined;
  for (const r of rows) {
    if (isComment(r)) continue;
    const key = r.fields[0].toLowerCase();
    if (key === 'startdate') {
      if (!isRealDate(r.fields[1] ?? '') || !/^\d{4}-\d{2}-\d{2}$/.test(r.fields[1])) {
        problems.add(shown, `"${r.fields[1] ?? ''}" is not a date YYYY-MM-DD`, r.line, 2, 'StartDate');
      } else {
        start = r.fields[1];
      }
    } else if (key === 'length') {
      length = numberField(r, 1, 'Length', shown, problems, { integer: true, min: 1 });
    } else {
      problems.add(shown, `unknown setting "${r.fields[0]}" (expected StartDate and Length)`, r.line, 1);
    }
  }
  if (start === undefined && !problems.problems.some((p) => p.file === shown)) problems.add(shown, 'missing the StartDate row (StartDate,YYYY-MM-DD)');
  if (length === undefined && !problems.problems.some((p) => p.file === shown)) problems.add(shown, 'missing the Length row (Length,<days>)');
  return start !== undefined && length !== undefined ? { start, length } : undefined;
}

function readConflicts(rows: CsvRecord[], shown: string, names: Map<string, unknown>, problems: ProblemList) {
  if (rows.length === 0) return undefined;
  // The first row is the header (#Day, then location names), whether or not it starts with #.
  const [header, ...data] = rows;
  const columns = header.fields.slice(1);
  let ok = true;
  columns.forEach((name, k) => {
    if (name !== '' && !names.has(name)) {
      problems.add(shown, `unknown location "${name}" (not in locations.csv)`, header.line, k + 2);
      ok = false;
    }
  });
  const table: number[][] = [];
  for (const r of data) {
    if (isComment(r)) continue;
    numberField(r, 0, 'day', shown, problems, { integer: true, min: 0 });
    const row: number[] = [];
    columns.forEach((name, k) => {
      if (name === '') return;
      const v = numberField(r, k + 1, name, shown, problems, { min: 0 });
      row.push(v ?? 0);
    });
    table.push(row);
  }
  return ok ? { names: columns.filter((c) => c !== ''), rows: table } : undefined;
}

/** The points of one data_layout.csv entry: one file, or the sum of several at their dates. */
async function readSeriesFiles(dir: string, files: string[], show: (abs: string) => string, problems: ProblemList): Promise<DatedValue[]> {
  const series = await Promise.all(files.map((name) => readSeries(join(dir, name), show(join(dir, name)), problems)));
  if (series.length === 1) return series[0];
  // Several files: the sum of their (interpolated) values at every date any of them has.
  const dates = [...new Set(series.flat().map((p) => p.date))].sort();
  return dates.map((date) => ({ date, value: series.reduce((sum, s) => sum + valueAt(s, date), 0) }));
}

function valueAt(points: DatedValue[], date: string): number {
  if (points.length === 0) return 0;
  if (date <= points[0].date) return points[0].value;
  for (let i = 1; i < points.length; i++) {
    if (date < points[i].date) {
      const a = Date.parse(points[i - 1].date);
      const fraction = (Date.parse(date) - a) / (Date.parse(points[i].date) - a);
      return points[i - 1].value + fraction * (points[i].value - points[i - 1].value);
    }
  }
  return points[points.length - 1].value;
}

async function readSeries(abs: string, shown: string, problems: ProblemList): Promise<DatedValue[]> {
  const rows = await readCsv(abs, shown, problems);
  const out: DatedValue[] = [];
  const seen = new Map<string, number>();
  rows?.forEach((r, k) => {
    if (isComment(r) || r.fields.length < 2 || r.fields[1] === '') return;
    const date = r.fields[0];
    // Flee skips a first row headed Date or DateTime; any header whose value is not a number is skipped too.
    if (k === 0 && !/^\d/.test(date) && !Number.isFinite(Number(r.fields[1]))) return;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !isRealDate(date)) {
      problems.add(shown, `"${date}" is not a date YYYY-MM-DD`, r.line, 1, 'date');
      return;
    }
    if (seen.has(date)) {
      problems.add(shown, `${date} appears twice (first on line ${seen.get(date)})`, r.line, 1, 'date');
      return;
    }
    seen.set(date, r.line);
    const value = numberField(r, 1, 'count', shown, problems, { min: 0 });
    if (value !== undefined) out.push({ date, value });
  });
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
