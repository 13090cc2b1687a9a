// The map's frame: which part of the world to draw, how to project it, which country outlines
// fall inside, which of them are the scenario's countries, and where their names go.
//
// Outlines are Natural Earth 1:50m from world-atlas (TopoJSON), turned into GeoJSON with
// topojson-client and kept only where their bounding box meets the scenario's box (its places
// plus a margin): for western-balkans 26 of 241 countries. (They are thinned after projection,
// in vegaSvg.ts: thinning in degrees first made narrow places such as the isthmus of Corinth
// cross themselves, and d3-geo then filled Greece's complement, the whole map.) The projection is a conformal conic
// (d3-geo) with standard parallels inside the box, fitted to the map width; Vega draws with the
// very same parameters, so the label positions computed here with d3-geo land where Vega puts
// the shapes. Scenario countries are matched to outlines by where their places lie
// (geoContains), so no table of country codes is needed and any scenario region works.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { geoConicConformal, geoContains, geoPath, type GeoProjection } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import type { Scenario } from '../scenarios/types.js';
import { boxOutline, placesBox } from '../geo/box.js';
import { featureBounds, loadWorldBounds, type GeoBox } from './worldBounds.js';

export interface MapCountry {
  /** GeoJSON feature with properties.name (Natural Earth) and properties.code (scenario code or ''). */
  feature: Feature<Geometry, { name: string; code: string }>;
  inScenario: boolean;
}

export interface MapLabel {
  lon: number;
  lat: number;
  text: string;
  inScenario: boolean;
}

export interface MapFrame {
  widthPx: number;
  heightPx: number;
  /** Vega-Lite `projection` with the parameters of `projection` below. */
  vegaProjection: Record<string, unknown>;
  projection: GeoProjection;
  countries: MapCountry[];
  countryLabels: MapLabel[];
}

interface World {
  features: FeatureCollection<Geometry, { name: string }>['features'];
  /** geoBounds of each feature, in feature order (worldBounds.ts). */
  bounds: GeoBox[];
}

let worldCache: World | undefined;
/** The outlines of a scenario's region do not depend on the map's size (~70 ms to find). */
const regionCache = new WeakMap<Scenario, MapCountry[]>();

/** Natural Earth 1:50m countries as GeoJSON with their boxes (read once per process, ~60 ms with
 * the boxes generated at build time). */
function world(): World {
  if (!worldCache) {
    const atlasText = readFileSync(createRequire(import.meta.url).resolve('world-atlas/countries-50m.json'), 'utf8');
    const topo = JSON.parse(atlasText) as Topology;
    const collection = feature(topo, topo.objects.countries) as FeatureCollection<Geometry, { name: string }>;
    const bounds = loadWorldBounds(new URL('.', import.meta.url), atlasText, collection.features.length) ?? featureBounds(collection);
    worldCache = { features: collection.features, bounds };
  }
  return worldCache;
}

/** [west, south, east, north] of the scenario's places, widened by a margin (≥ 1°). */
export function scenarioBox(scenario: Scenario): [number, number, number, number] {
  return placesBox(scenario.nodes, 1, 0.08);
}

/** Frame a map of the scenario's region `widthPx` wide. */
export function mapFrame(scenario: Scenario, widthPx: number): MapFrame {
  const box = scenarioBox(scenario);
  const [w, s, e, n] = box;
  const parallels: [number, number] = [s + (n - s) / 6, n - (n - s) / 6];
  const rotate: [number, number] = [-(w + e) / 2, 0];
  const outline = boxOutline(box);
  const projection = geoConicConformal().parallels(parallels).rotate(rotate).fitWidth(widthPx, outline);
  const [[, y0], [, y1]] = geoPath(projection).bounds(outline);
  const heightPx = Math.round(y1 - y0);
  projection.translate([projection.translate()[0], projection.translate()[1] - y0]);
  projection.clipExtent([[0, 0], [widthPx, heightPx]]);

  let countries = regionCache.get(scenario);
  if (!countries) {
    countries = countriesInBox(scenario, box, world());
    regionCache.set(scenario, countries);
  }
  return {
    widthPx,
    heightPx,
    projection,
    vegaProjection: {
      type: 'conicConformal',
      parallels,
      rotate,
      scale: projection.scale(),
      translate: projection.translate(),
      clipExtent: [[0, 0], [widthPx, heightPx]],
    },
    countries,
    countryLabels: countryLabels(countries, scenario, projection),
  };
}

function countriesInBox(scenario: Scenario, [w, s, e, n]: readonly number[], all: World): MapCountry[] {
  const bounds = new Map<(typeof all.features)[number], GeoBox>();
  const inBox = all.features.filter((f, i) => {
    const b = all.bounds[i];
    bounds.set(f, b);
    const [[x0, y0], [x1, y1]] = b;
    return x1 >= w && x0 <= e && y1 >= s && y0 <= n;
  });
  // geoContains is exact but slow on 1:50m outlines (~0.3 ms): test the bounding box first.
  const holds = (f: (typeof inBox)[number], lon: number, lat: number) => {
    const [[x0, y0], [x1, y1]] = bounds.get(f) ?? [[-180, -90], [180, 90]];
    return lon >= x0 && lon <= x1 && lat >= y0 && lat <= y1 && geoContains(f, [lon, lat]);
  };
  // Each scenario country goes to the outline that holds most of its places.
  const codeOf = new Map<(typeof inBox)[number], string>();
  for (const code of Object.keys(scenario.countries)) {
    const votes = new Map<(typeof inBox)[number], number>();
    for (const node of scenario.nodes) {
      if (node.country !== code) continue;
      const hit = inBox.find((f) => holds(f, node.lon, node.lat));
      if (hit) votes.set(hit, (votes.get(hit) ?? 0) + 1);
    }
    const best = [...votes].sort((a, b) => b[1] - a[1])[0];
    if (best && !codeOf.has(best[0])) codeOf.set(best[0], code);
  }
  return inBox.map((f) => {
    const code = codeOf.get(f) ?? '';
    return { feature: { ...f, properties: { name: f.properties.name, code } }, inScenario: code !== '' };
  });
}

/** One label per country with enough visible area: at the centroid of its visible part when that
 * lies inside it, else at the mean of its places, else nowhere. */
function countryLabels(countries: readonly MapCountry[], scenario: Scenario, projection: GeoProjection): MapLabel[] {
  const path = geoPath(projection);
  const labels: MapLabel[] = [];
  for (const c of countries) {
    if (path.area(c.feature) < 2500) continue;
    const f = c.feature;
    const candidates: [number, number][] = [];
    const centroid = projection.invert?.(path.centroid(f));
    if (centroid && Number.isFinite(centroid[0])) candidates.push(centroid);
    const places = scenario.nodes.filter((node) => node.country === f.properties.code);
    if (places.length > 0) {
      candidates.push([places.reduce((a, p) => a + p.lon, 0) / places.length, places.reduce((a, p) => a + p.lat, 0) / places.length]);
    }
    const at = candidates.find((p) => geoContains(f, p) && isVisible(projection, p));
    if (!at) continue;
    const text = c.inScenario ? scenario.countries[f.properties.code].name : f.properties.name;
    labels.push({ lon: at[0], lat: at[1], text, inScenario: c.inScenario });
  }
  return labels;
}

function isVisible(projection: GeoProjection, p: [number, number]): boolean {
  const xy = projection(p);
  const [[x0, y0], [x1, y1]] = projection.clipExtent() ?? [[-Infinity, -Infinity], [Infinity, Infinity]];
  return xy !== null && xy[0] > x0 + 20 && xy[0] < x1 - 20 && xy[1] > y0 + 10 && xy[1] < y1 - 10;
}

/** Where a segment between two countries meets the border, found by bisection against the
 * outline of the country at its start; the midpoint when that outline is unknown or the
 * segment's start does not lie in it (1:50m outlines are coarse next to border towns). */
export function crossingPoint(frame: MapFrame, s: { x: number; y: number; x2: number; y2: number; from: string }): [number, number] {
  const key = `${s.x},${s.y},${s.x2},${s.y2},${s.from}`;
  const known = crossingCache.get(key);
  if (known) return known;
  const point = findCrossing(frame, s);
  crossingCache.set(key, point);
  return point;
}

/** Crossing points do not depend on the map's size; one map per report section asks again. */
const crossingCache = new Map<string, [number, number]>();

function findCrossing(frame: MapFrame, s: { x: number; y: number; x2: number; y2: number; from: string }): [number, number] {
  const at = (t: number): [number, number] => [s.x + t * (s.x2 - s.x), s.y + t * (s.y2 - s.y)];
  const outline = frame.countries.find((c) => c.feature.properties.code === s.from)?.feature;
  if (!outline || !geoContains(outline, at(0)) || geoContains(outline, at(1))) return at(0.5);
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 12; i++) {
    const mid = (lo + hi) / 2;
    if (geoContains(outline, at(mid))) lo = mid;
    else hi = mid;
  }
  return at((lo + hi) / 2);
}
