// Prints the reference tables of docs/scenarios-western-balkans.md from the generated JSON files
// (countries, crossings, starting enforcement and events with their sources, smuggling networks,
// cohorts, inflow per
// year; the sources of `borders` come from history.mjs, the schema has no field for them), so that the
// document shows exactly what the scenario holds. Paste the output between the markers
// "<!-- tables -->" and "<!-- /tables -->" after regenerating the scenario:
//
//   node scripts/scenarios/western-balkans/tables.mjs
/* global console */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { borderSources } from './history.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const read = (file) => JSON.parse(readFileSync(join(root, 'scenarios', file), 'utf8'));
const network = read('networks/western-balkans.json');
const scenario = read('western-balkans.json');
const country = new Map(network.nodes.map((n) => [n.id, n.country]));
const name = new Map(network.nodes.map((n) => [n.id, n.name]));
const cell = (text) => String(text).replace(/\|/g, '\\|');
const fmt = (x) => Math.round(x).toLocaleString('en-GB');

console.log('### Countries\n');
console.log('| code | country | EU | reporting rate | places |\n|---|---|---|---:|---|');
for (const [code, c] of Object.entries(network.countries)) {
  const places = network.nodes.filter((n) => n.country === code).map((n) => n.id).join(', ');
  console.log(`| ${code} | ${c.name} | ${c.eu ? 'yes' : 'no'} | ${c.reportingRate} | ${places} |`);
}

console.log('\n### Crossings (segments between countries; each also usable the other way)\n');
console.log('| border | segment | edge id | km | mode | hazard |\n|---|---|---|---:|---|---:|');
const crossings = network.edges.filter((e) => country.get(e.from) !== country.get(e.to));
crossings.sort((a, b) => `${country.get(a.from)}-${country.get(a.to)}`.localeCompare(`${country.get(b.from)}-${country.get(b.to)}`));
for (const e of crossings) {
  console.log(`| ${country.get(e.from)}-${country.get(e.to)} | ${cell(name.get(e.from))} → ${cell(name.get(e.to))} | ${e.id ?? ''} | ${e.distanceKm} | ${e.mode} | ${e.hazard} |`);
}

console.log('\n### Enforcement on 1 January 2015 (`borders`; other borders are open)\n');
console.log('| border | detection | pushback | injury | detention days | fence | legal corridor | corruption | source |\n|---|---:|---:|---:|---:|---:|---|---:|---|');
const value = (x) => (x === undefined ? '' : x);
for (const [border, e] of Object.entries(scenario.borders)) {
  console.log(`| ${border} | ${value(e.detection)} | ${value(e.pushback)} | ${value(e.injury)} | ${value(e.detentionDays)} | ${value(e.fence)} | ${e.legalCorridor ? 'yes' : ''} | ${value(e.corruption)} | ${cell(borderSources[border])} |`);
}

console.log('\n### Events\n');
console.log('| date | id | acts on | sets | ramp (days) | source |\n|---|---|---|---|---:|---|');
for (const e of scenario.events) {
  const target = e.edge ? `edge ${e.edge}` : e.place ? `smugglers based at ${e.place}` : e.dismantle ? `network ${e.dismantle}` : [e.border].flat().join(', ');
  const set = e.dismantle ? 'dismantled' : Object.entries(e.set).map(([k, v]) => `${k} ${v}`).join(', ');
  console.log(`| ${e.date} | \`${e.id}\` | ${target} | ${set} | ${e.rampDays ?? ''} | ${cell(e.source)} |`);
}

console.log('\n### Smuggling networks on 1 January 2015\n');
console.log('| id | name | base | capacity (people per day) | skill | violence | source |\n|---|---|---|---:|---:|---:|---|');
for (const n of scenario.smugglers.networks) {
  console.log(`| ${n.id} | ${cell(n.name)} | ${n.base} | ${n.capacityPerDay} | ${n.skill} | ${n.violence} | ${cell(n.source)} |`);
}
const market = Object.entries(scenario.smugglers.market).map(([k, v]) => `\`${k}\` ${Array.isArray(v) ? v.join(', ') : v}`).join('; ');
console.log(`\nMarket parameters that differ from the defaults (\`DEFAULT_SMUGGLER_MARKET\`, src/scenarios/defaults.ts): ${market}. Source: ${scenario.smugglers.source}.`);

console.log('\n### Cohorts\n');
console.log('| id | name | budget EUR (mean, sd) | risk aversion | destinations | source |\n|---|---|---|---:|---|---|');
for (const c of scenario.cohorts) {
  const dest = Object.entries(c.destinations).map(([k, v]) => `${k} ${v}`).join(', ');
  console.log(`| ${c.id} | ${c.name} | ${fmt(c.budgetEur.mean)}, ${fmt(c.budgetEur.sd)} | ${c.riskAversion} | ${dest} | ${cell(c.source)} |`);
}

console.log('\n### Inflow: people setting out per year, by cohort and starting point\n');
const years = [...new Set(scenario.inflow.flatMap((f) => Object.keys(f.monthly).map((m) => m.slice(0, 4))))].sort();
const rows = new Map();
for (const f of scenario.inflow) {
  const key = `${f.cohort} | ${f.entry}`;
  const row = rows.get(key) ?? Object.fromEntries(years.map((y) => [y, 0]));
  for (const [m, v] of Object.entries(f.monthly)) row[m.slice(0, 4)] += v;
  rows.set(key, row);
}
console.log(`| cohort | starts at | ${years.join(' | ')} |\n|---|---|${years.map(() => '---:').join('|')}|`);
for (const [key, row] of rows) console.log(`| ${key} | ${years.map((y) => (row[y] ? fmt(row[y]) : '')).join(' | ')} |`);
const total = years.map((y) => fmt([...rows.values()].reduce((s, r) => s + r[y], 0)));
console.log(`| **all** | | ${total.join(' | ')} |`);
console.log('\nSources of the inflow streams (the same text on every stream of a starting point):\n');
for (const entry of [...new Set(scenario.inflow.map((f) => f.entry))]) {
  for (const source of [...new Set(scenario.inflow.filter((f) => f.entry === entry).map((f) => f.source))]) console.log(`- **${entry}**: ${source}`);
}
