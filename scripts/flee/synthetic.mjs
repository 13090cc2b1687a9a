#!/usr/bin/env node
/* global console, process */
// A synthetic Flee scenario at a realistic size, in Flee's own CSV layout (input_csv/ and
// source_data/, shared/research/anchors-mission.md §1.1), for the Flee benchmark (bench/flee.mjs,
// bench/DECLARATION.md). Everything is invented and deterministic given the seed: four fictional
// countries, conflict zones and towns in the home country and towns and camps across the borders,
// routes to each place's nearest neighbours (plus a spanning tree, so the network is connected), a
// country closure and a link closure, and camp series that rise along a logistic curve to the
// number of people asked for. The default size is between Flee's published conflicts: Mali 2012
// has about 30 locations, South Sudan and CAR over 100; their camps hold 10⁴–10⁵ people.
//
//   node scripts/flee/synthetic.mjs <out-dir> [--locations 120] [--camps 12] [--zones 20]
//                                   [--people 100000] [--days 400] [--seed 1]

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import seedrandom from 'seedrandom';

const COUNTRIES = ['Ruritania', 'Borduria', 'Syldavia', 'Graustark'];
/** Where each country lies, in km: [x0, y0, x1, y1]; the home country in the middle. */
const BOXES = [
  [0, 0, 700, 600],
  [700, 0, 1200, 600],
  [0, 600, 700, 1000],
  [-500, 0, 0, 600],
];
const KM_PER_DEGREE = 111.32;
const START = '2020-01-01';

/** The scenario's files as { relative path: text }. */
export function syntheticFlee({ locations = 120, camps = 12, zones = 20, people = 100_000, days = 400, seed = 1 } = {}) {
  if (zones + camps + 3 > locations) throw new Error(`${locations} locations cannot hold ${zones} conflict zones, ${camps} camps and towns`);
  const rng = seedrandom.alea(`synthetic-flee-${seed}`);
  const between = (a, b) => a + (b - a) * rng();
  const places = [];
  const add = (type, country, population) => {
    const [x0, y0, x1, y1] = BOXES[country];
    places.push({ name: `${type === 'camp' ? 'Camp' : type === 'conflict_zone' ? 'Zone' : 'Town'}-${places.length + 1}`, type, country, x: between(x0, x1), y: between(y0, y1), population });
  };
  for (let i = 0; i < zones; i++) add('conflict_zone', 0, Math.round(between(20_000, 200_000)));
  // Camps across the borders, with room for everyone: capacities 1.2 × people in all, uneven.
  const campShares = Array.from({ length: camps }, () => between(0.3, 1.7));
  const shareSum = campShares.reduce((a, b) => a + b, 0);
  campShares.forEach((s, i) => add('camp', 1 + (i % (COUNTRIES.length - 1)), Math.round((1.2 * people * s) / shareSum)));
  const towns = locations - zones - camps;
  for (let i = 0; i < towns; i++) add('town', i < towns / 2 ? 0 : 1 + (i % (COUNTRIES.length - 1)), Math.round(between(5_000, 100_000)));

  // Routes: each place to its three nearest, and a spanning tree (Prim) so that all are connected.
  const dist = (a, b) => Math.hypot(a.x - b.x, a.y - b.y);
  const edges = new Map();
  const link = (i, j) => {
    const key = i < j ? `${i} ${j}` : `${j} ${i}`;
    if (!edges.has(key)) edges.set(key, [Math.min(i, j), Math.max(i, j)]);
  };
  places.forEach((p, i) => {
    const near = places.map((q, j) => [dist(p, q), j]).filter(([, j]) => j !== i).sort((a, b) => a[0] - b[0]);
    for (const [, j] of near.slice(0, 3)) link(i, j);
  });
  const inTree = new Set([0]);
  while (inTree.size < places.length) {
    let best = [Infinity, -1, -1];
    for (const i of inTree) for (let j = 0; j < places.length; j++) if (!inTree.has(j) && dist(places[i], places[j]) < best[0]) best = [dist(places[i], places[j]), i, j];
    link(best[1], best[2]);
    inTree.add(best[2]);
  }
  const routes = [...edges.values()].sort((a, b) => a[0] - b[0] || a[1] - b[1]);

  // Conflicts start on day 0 for half the zones, later for the others.
  const conflictDay = places.map((p, i) => (p.type !== 'conflict_zone' ? 0 : i % 2 === 0 ? 0 : Math.round(between(10, days / 3))));
  const files = {};
  files['input_csv/locations.csv'] =
    '#name,region,country,latitude,longitude,location_type,conflict_date,population/capacity\n' +
    places.map((p, i) => [p.name, `${COUNTRIES[p.country]}-region`, COUNTRIES[p.country], (p.y / KM_PER_DEGREE).toFixed(4), (p.x / KM_PER_DEGREE).toFixed(4), p.type, conflictDay[i], p.population].join(',')).join('\n') +
    '\n';
  files['input_csv/routes.csv'] = '#name1,name2,distance\n' + routes.map(([i, j]) => [places[i].name, places[j].name, (1.25 * dist(places[i], places[j])).toFixed(1)].join(',')).join('\n') + '\n';
  const firstCamp = places.find((p) => p.type === 'camp');
  const closedLink = routes.find(([i, j]) => places[i].country !== places[j].country) ?? routes[0];
  files['input_csv/closures.csv'] =
    '#closure_type,name1,name2,closure_start,closure_end\n' +
    `country,${COUNTRIES[0]},${COUNTRIES[firstCamp.country]},${Math.round(days / 4)},${Math.round(days / 2)}\n` +
    `link,${places[closedLink[0]].name},${places[closedLink[1]].name},${Math.round(days / 3)},-1\n`;
  files['input_csv/sim_period.csv'] = `StartDate,${START}\nLength,${days}\n`;

  // Observed camp series every ten days: a logistic rise to each camp's share of `people`.
  const logistic = (t) => 1 / (1 + Math.exp(-(t - days / 2) / (days / 10)));
  const dates = [];
  for (let d = 0; d < days; d += 10) dates.push(d);
  const iso = (d) => new Date(Date.parse(`${START}T00:00:00Z`) + d * 86_400_000).toISOString().slice(0, 10);
  const layout = ['total,refugees.csv'];
  const total = new Array(dates.length).fill(0);
  places.forEach((p) => {
    if (p.type !== 'camp') return;
    const share = p.population / (1.2 * people);
    const counts = dates.map((d) => Math.round(share * people * logistic(d)));
    counts.forEach((c, k) => (total[k] += c));
    const file = `${p.name.toLowerCase()}.csv`;
    layout.push(`${p.name},${file}`);
    files[`source_data/${file}`] = dates.map((d, k) => `${iso(d)},${counts[k]}`).join('\n') + '\n';
  });
  files['source_data/refugees.csv'] = dates.map((d, k) => `${iso(d)},${Math.round(total[k] * 1.1)}`).join('\n') + '\n';
  files['source_data/data_layout.csv'] = layout.join('\n') + '\n';
  return files;
}

/** Write the scenario into `dir` (created if needed). */
export function writeSyntheticFlee(dir, options) {
  const files = syntheticFlee(options);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return files;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      locations: { type: 'string' },
      camps: { type: 'string' },
      zones: { type: 'string' },
      people: { type: 'string' },
      days: { type: 'string' },
      seed: { type: 'string' },
    },
  });
  if (positionals.length !== 1) {
    console.error('usage: node scripts/flee/synthetic.mjs <out-dir> [--locations n] [--camps n] [--zones n] [--people n] [--days n] [--seed s]');
    process.exit(2);
  }
  const options = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, Number(v)]));
  const files = writeSyntheticFlee(positionals[0], options);
  console.log(`wrote ${Object.keys(files).length} files to ${positionals[0]}`);
}
