// Compares two runs of the Western Balkan scenarios (a what-if against western-balkans) over a
// window, from their series.csv (means over replicates per day): people entering and arriving,
// harm, attempts, pushbacks, recorded detections at the exits of the region, exit and entry shares,
// people stranded, and the smuggling market (smuggled share of the exits, networks active, price of
// a smuggled attempt at Serbia–Hungary and Bosnia–Croatia). Prints a markdown table for
// docs/scenarios-western-balkans.md.
//
//   node dist/cli/main.js run western-balkans --runs 5 --out /tmp/wb --force
//   node dist/cli/main.js run wb-greece-fortified --runs 5 --out /tmp/wb-greece-fortified --force
//   node scripts/scenarios/western-balkans/compare.mjs /tmp/wb /tmp/wb-greece-fortified 2017-01-01 2019-12-31
/* global console, process */
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const [baseDir, variantDir, from = '0000', to = '9999'] = process.argv.slice(2);
if (!variantDir) throw new Error('usage: compare.mjs <base run dir> <variant run dir> [from] [to]');

const EXITS = ['RS-HU', 'RS-HR', 'RS-RO', 'BA-HR'];
const FLOWS = new Set(['crossings', 'attempts', 'pushbacks', 'detectionsRecorded', 'entered', 'arrivals', 'deaths', 'injuries', 'smuggledCrossings']);
const LEVELS = new Set(['networksActive', 'priceEur']);

async function read(dir) {
  const sum = new Map(); // `${metric}|${entity}` → sum over the window (flows) or of daily stocks
  let days = 0;
  let peakGreece = 0;
  for await (const line of createInterface({ input: createReadStream(join(dir, 'series.csv')) })) {
    const [metric, entity, date, mean] = line.split(',');
    if (date < from || date > to) continue;
    const value = Number(mean);
    if (metric === 'entered' && entity === 'total') days++;
    if (metric === 'present' && entity === 'GR') peakGreece = Math.max(peakGreece, value);
    if (FLOWS.has(metric) || metric === 'stranded') sum.set(`${metric}|${entity}`, (sum.get(`${metric}|${entity}`) ?? 0) + value);
    // Levels: mean over the days they are defined (a price exists while a network serves the border).
    if (LEVELS.has(metric) && value > 0) {
      sum.set(`level|${metric}|${entity}`, (sum.get(`level|${metric}|${entity}`) ?? 0) + value);
      sum.set(`days|${metric}|${entity}`, (sum.get(`days|${metric}|${entity}`) ?? 0) + 1);
    }
  }
  const get = (m, e) => sum.get(`${m}|${e}`) ?? 0;
  const level = (m, e) => (sum.get(`level|${m}|${e}`) ?? 0) / (sum.get(`days|${m}|${e}`) ?? NaN);
  const all = (m) => [...sum.entries()].filter(([k]) => k.startsWith(`${m}|`) && k.includes('-')).reduce((s, [, v]) => s + v, 0);
  const exitTotal = EXITS.reduce((s, b) => s + get('crossings', b), 0);
  const stranded = [...sum.entries()].filter(([k]) => k.startsWith('stranded|')).reduce((s, [, v]) => s + v, 0) / Math.max(1, days);
  return {
    'people entering the route': get('entered', 'total'),
    'people arriving at a destination': get('arrivals', 'total'),
    'deaths': get('deaths', 'total'),
    'injuries': get('injuries', 'total'),
    'border attempts (all borders)': all('attempts'),
    'pushbacks (all borders)': all('pushbacks'),
    'recorded detections at the exits': EXITS.reduce((s, b) => s + get('detectionsRecorded', b), 0),
    'people crossing the exits': exitTotal,
    ...Object.fromEntries(EXITS.map((b) => [`exit share ${b}`, get('crossings', b) / exitTotal])),
    'Bulgarian share of entry from Türkiye': get('crossings', 'TR-BG') / (get('crossings', 'TR-BG') + get('crossings', 'TR-GR')),
    'people stranded (mean stock)': stranded,
    'people in Greece (peak)': peakGreece,
    'smuggled share of the exits': EXITS.reduce((s, b) => s + get('smuggledCrossings', b), 0) / exitTotal,
    'smuggling networks active (mean)': level('networksActive', 'total'),
    'price of a smuggled attempt, Serbia–Hungary (EUR)': level('priceEur', 'RS-HU'),
    'price of a smuggled attempt, Bosnia–Croatia (EUR)': level('priceEur', 'BA-HR'),
  };
}

const [base, variant] = await Promise.all([read(baseDir), read(variantDir)]);
const show = (k, x) => (!Number.isFinite(x) ? '–' : k.includes('share') ? `${Math.round(100 * x)}%` : k.includes('(mean)') ? x.toFixed(1) : Math.round(x).toLocaleString('en-GB'));
console.log(`${variantDir} against ${baseDir}, ${from} to ${to}\n`);
console.log('| | base | what-if | change |\n|---|---:|---:|---:|');
for (const k of Object.keys(base)) {
  const d = variant[k] - base[k];
  const change = k.includes('share') ? `${d >= 0 ? '+' : ''}${Math.round(100 * d)} pts` : base[k] ? `${d >= 0 ? '+' : ''}${Math.round((100 * d) / base[k])}%` : '–';
  console.log(`| ${k} | ${show(k, base[k])} | ${show(k, variant[k])} | ${change} |`);
}
