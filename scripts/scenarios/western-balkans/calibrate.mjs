// Yearly comparison of a western-balkans run with the Frontex detections, from the run's
// series.csv (mean over replicates per day):
//   - recorded detections at the exits of the region (Serbia, Bosnia and Herzegovina, Montenegro
//     and North Macedonia into Hungary, Croatia and Romania: what Frontex counts as the Western
//     Balkan route) against shared/data/western-balkans-detections-yearly.json;
//   - people crossing those exits, and each exit's share of them;
//   - entry into the EU from Türkiye: the Bulgarian share of crossings out of Türkiye;
//   - smugglers: the smuggled share of the people crossing the exits, networks based in each
//     country, prices at Serbia–Hungary and Bosnia–Croatia, arrests, extortion and violence.
// Prints markdown tables for docs/scenarios-western-balkans.md.
//
//   npm run build && node dist/cli/main.js run western-balkans --runs 5 --out /tmp/wb --force
//   node scripts/scenarios/western-balkans/calibrate.mjs /tmp/wb
/* global console, process */
import { createReadStream, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const runDir = process.argv[2];
if (!runDir) throw new Error('usage: calibrate.mjs <run output directory>');

const REGION = new Set(['RS', 'BA', 'ME', 'MK', 'AL', 'XK']);
const EXIT_INTO = new Set(['HU', 'HR', 'RO']);
const isExit = (border) => REGION.has(border.slice(0, 2)) && EXIT_INTO.has(border.slice(3));
const WANTED = new Set(['detectionsRecorded', 'crossings', 'entered', 'arrivals', 'deaths', 'smuggledCrossings', 'arrests', 'extortionEvents', 'smugglerViolenceInjuries']);
const STOCKS = new Set(['present', 'stranded']);
const LEVELS = new Set(['networksBased', 'priceEur']);
const stocks = new Map(); // `${metric}|${country}|${year}` → value on 31 December
const levels = new Map(); // `${metric}|${entity}|${year}` → [sum, days] of the daily mean, over the days it is defined

const sums = new Map(); // `${metric}|${entity}|${year}` → sum of daily means
const lines = createInterface({ input: createReadStream(join(runDir, 'series.csv')) });
for await (const line of lines) {
  const [metric, entity, date, mean] = line.split(',');
  if (STOCKS.has(metric) && date.endsWith('-12-31')) stocks.set(`${metric}|${entity}|${date.slice(0, 4)}`, Number(mean));
  if (LEVELS.has(metric)) {
    const key = `${metric}|${entity}|${date.slice(0, 4)}`;
    const [sum, days] = levels.get(key) ?? [0, 0];
    // Prices are defined on the days a network serves the border; networks are counted every day.
    if (metric === 'networksBased' || Number(mean) > 0) levels.set(key, [sum + Number(mean), days + 1]);
  }
  if (!WANTED.has(metric)) continue;
  const key = `${metric}|${entity}|${date.slice(0, 4)}`;
  sums.set(key, (sums.get(key) ?? 0) + Number(mean));
}
const get = (metric, entity, year) => sums.get(`${metric}|${entity}|${year}`) ?? 0;
const entities = [...new Set([...sums.keys()].map((k) => k.split('|')[1]))];
const exits = entities.filter(isExit).sort();
const years = [...new Set([...sums.keys()].map((k) => Number(k.split('|')[2])))].sort();
const frontex = new Map(JSON.parse(readFileSync(join(root, '../shared/data/western-balkans-detections-yearly.json'), 'utf8')).series.map((s) => [s.year, s.value]));
const fmt = (x) => Math.round(x).toLocaleString('en-GB');
const pct = (x) => (Number.isFinite(x) ? `${Math.round(100 * x)}%` : '–');

console.log(`Run: ${runDir} (${JSON.parse(readFileSync(join(runDir, 'manifest.json'), 'utf8')).runs ?? '?'} runs)\n`);
console.log('| year | Frontex detections | model: recorded detections at exits | model / Frontex | people crossing exits | recorded per person | smuggled | entered | arrived |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const y of years) {
  const rec = exits.reduce((s, b) => s + get('detectionsRecorded', b, y), 0);
  const people = exits.reduce((s, b) => s + get('crossings', b, y), 0);
  const smuggled = exits.reduce((s, b) => s + get('smuggledCrossings', b, y), 0);
  const f = frontex.get(y);
  console.log(`| ${y} | ${f ? fmt(f) : '–'} | ${fmt(rec)} | ${f ? (rec / f).toFixed(2) : '–'} | ${fmt(people)} | ${people ? (rec / people).toFixed(1) : '–'} | ${pct(smuggled / people)} | ${fmt(get('entered', 'total', y))} | ${fmt(get('arrivals', 'total', y))} |`);
}

console.log(`\nExit shares (people crossing each exit / all exits):\n`);
console.log(`| year | ${exits.join(' | ')} |`);
console.log(`|---|${exits.map(() => '---:').join('|')}|`);
for (const y of years) {
  const total = exits.reduce((s, b) => s + get('crossings', b, y), 0);
  console.log(`| ${y} | ${exits.map((b) => pct(get('crossings', b, y) / total)).join(' | ')} |`);
}

console.log(`\nEntry from Türkiye (people crossing):\n`);
console.log('| year | TR-GR | TR-BG | Bulgarian share |');
console.log('|---|---:|---:|---:|');
for (const y of years) {
  const gr = get('crossings', 'TR-GR', y), bg = get('crossings', 'TR-BG', y);
  console.log(`| ${y} | ${fmt(gr)} | ${fmt(bg)} | ${pct(bg / (gr + bg))} |`);
}

const COUNTRIES = ['TR', 'GR', 'BG', 'MK', 'RS', 'BA', 'AL', 'ME'];
console.log(`\nPeople present on 31 December (of whom stranded: no border crossed for 30 days):\n`);
console.log(`| year | ${COUNTRIES.join(' | ')} |`);
console.log(`|---|${COUNTRIES.map(() => '---:').join('|')}|`);
for (const y of years) {
  const cell = (c) => `${fmt(stocks.get(`present|${c}|${y}`) ?? 0)} (${fmt(stocks.get(`stranded|${c}|${y}`) ?? 0)})`;
  console.log(`| ${y} | ${COUNTRIES.map(cell).join(' | ')} |`);
}

const level = (metric, entity, y) => {
  const [sum, days] = levels.get(`${metric}|${entity}|${y}`) ?? [0, 0];
  return days ? sum / days : NaN;
};
const BASES = ['TR', 'GR', 'BG', 'MK', 'RS', 'BA'];
const money = (x) => (Number.isFinite(x) ? fmt(x) : '–');
console.log(`\nSmugglers: networks based in each country (mean over the year), single-attempt price (EUR, mean over the days a network serves the border), arrests (smugglers), extortion events at the exits, people injured by smugglers:\n`);
console.log(`| year | ${BASES.join(' | ')} | price RS-HU | price BA-HR | smuggled RS exits | smuggled BA-HR | arrests | extortion | injured by smugglers |`);
console.log(`|---|${BASES.map(() => '---:').join('|')}|---:|---:|---:|---:|---:|---:|---:|`);
for (const y of years) {
  const smuggledRS = ['RS-HU', 'RS-HR', 'RS-RO'].reduce((s, b) => s + get('smuggledCrossings', b, y), 0);
  const extortion = exits.reduce((s, b) => s + get('extortionEvents', b, y), 0);
  console.log(`| ${y} | ${BASES.map((c) => level('networksBased', c, y).toFixed(1)).join(' | ')} | ${money(level('priceEur', 'RS-HU', y))} | ${money(level('priceEur', 'BA-HR', y))} | ${fmt(smuggledRS)} | ${fmt(get('smuggledCrossings', 'BA-HR', y))} | ${fmt(get('arrests', 'total', y))} | ${fmt(extortion)} | ${fmt(get('smugglerViolenceInjuries', 'total', y))} |`);
}
