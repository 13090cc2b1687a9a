// What the map draws on top of the outlines: the scenario's places, its segments, and the
// people who crossed each border during a window of days.
//
// The outputs count crossings per border (an ordered country pair), not per crossing point, so
// the flow of a border is drawn on its crossing segments: both directions of a country pair are
// added (one segment is drawn per pair of places), and a pair with several crossing points
// shows its flow split evenly between them, which keeps the total line width of a border
// proportional to its flow. The label names the border in its main direction ("RS-HU").

import type { Scenario } from '../scenarios/types.js';
import { sumMeans, type SeriesTable } from './seriesTable.js';

export interface MapSegment {
  /** Segment ends: [lon, lat]. */
  x: number;
  y: number;
  x2: number;
  y2: number;
  /** Countries of the two ends. */
  from: string;
  to: string;
  /** Unordered country pair ("HU|RS") for a crossing, '' inside one country. */
  pair: string;
}

export interface BorderFlow {
  /** Unordered country pair key. */
  pair: string;
  /** The direction with more crossings over the whole period, e.g. "RS-HU". */
  label: string;
  /** Crossing segments of the pair. */
  segments: MapSegment[];
  /** Where the label goes: the mean of the segment midpoints. */
  lon: number;
  lat: number;
}

export interface MapNetwork {
  internal: MapSegment[];
  borders: BorderFlow[];
  places: { lon: number; lat: number; name: string; kind: string }[];
}

const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

/** Places, segments and border pairs of a scenario; each pair is labelled by its direction with
 * more crossings over the period (`crossingsOf(borderId)`). */
export function mapNetwork(scenario: Scenario, crossingsOf: (border: string) => number): MapNetwork {
  const nodes = new Map(scenario.nodes.map((n) => [n.id, n]));
  const seen = new Set<string>();
  const internal: MapSegment[] = [];
  const byPair = new Map<string, MapSegment[]>();
  for (const e of scenario.edges) {
    const a = nodes.get(e.from);
    const b = nodes.get(e.to);
    if (!a || !b) continue;
    const key = e.from < e.to ? `${e.from}|${e.to}` : `${e.to}|${e.from}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const pair = a.country === b.country ? '' : pairKey(a.country, b.country);
    const segment = { x: a.lon, y: a.lat, x2: b.lon, y2: b.lat, from: a.country, to: b.country, pair };
    if (pair === '') internal.push(segment);
    else byPair.set(pair, [...(byPair.get(pair) ?? []), segment]);
  }
  const total = crossingsOf;
  const borders = [...byPair].map(([pair, segments]) => {
    const [p, q] = pair.split('|');
    const label = total(`${q}-${p}`) > total(`${p}-${q}`) ? `${q}-${p}` : `${p}-${q}`;
    const lon = segments.reduce((s, g) => s + (g.x + g.x2) / 2, 0) / segments.length;
    const lat = segments.reduce((s, g) => s + (g.y + g.y2) / 2, 0) / segments.length;
    return { pair, label, segments, lon, lat };
  });
  const places = scenario.nodes.map((n) => ({ lon: n.lon, lat: n.lat, name: n.name, kind: n.kind }));
  return { internal, borders, places };
}

/** Mean crossings of a border over the whole period, from series.csv. */
export function seriesCrossings(series: SeriesTable): (border: string) => number {
  return (border) => {
    const stats = series.get('crossings', border);
    return stats ? sumMeans(stats) : 0;
  };
}

/** Crossings of a border pair (both directions) over days [from, to): the sum of daily means. */
export function pairFlow(series: SeriesTable, pair: string, from: number, to: number, metric = 'crossings'): number {
  const [p, q] = pair.split('|');
  let sum = 0;
  for (const border of [`${p}-${q}`, `${q}-${p}`]) {
    const stats = series.get(metric, border);
    if (stats) sum += sumMeans(stats, from, to);
  }
  return sum;
}
