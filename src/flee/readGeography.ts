// Readers for a Flee scenario's geography: locations.csv (with Flee's substring reading of
// location_type and any custom attribute columns) and routes.csv (with its optional link
// attributes). Split from readFlee.ts so each input file's checks sit next to each other; every
// problem is added to the shared ProblemList with its file, line and column.

import type { FleeLocationType } from '../model/flee/spec.js';
import { isComment, numberField, type CsvRecord, type ProblemList } from './csv.js';
import type { FleeLocation, FleeRoute } from './fleeInputTypes.js';

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

export function readLocations(rows: CsvRecord[], shown: string, problems: ProblemList, notes: string[]): FleeLocation[] {
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

export function readRoutes(rows: CsvRecord[], shown: string, names: Map<string, unknown>, problems: ProblemList, notes: string[]): FleeRoute[] {
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
