#!/usr/bin/env node
/* global console, URL, process */
// CPU time of the main thread's aggregation per replicate: `SummaryAccumulator.add` and
// `SeriesAccumulator.add` (src/run/summary.ts, src/run/series.ts) on real replicate results, the
// work that competes with the workers on a 2-core machine. Method and results: bench/DECLARATION.md,
// "bench/aggregation.mjs".
//
//   node bench/aggregation.mjs [--scenario western-balkans] [--runs 18] [--rounds 3] [--dist dir]
//                              [--baseline dir] [--resolution day|week|month]
//
// The replicates are simulated once (runReplicate of --dist, in this thread, not timed); then, for
// each round, every arm (--dist, and --baseline if given: another compiled copy, e.g. of the
// previous commit) aggregates the same results in replicate order, arms alternating which goes
// first. Each add is timed with process.cpuUsage (user + system CPU of this process; nothing else
// runs in it), so the load of other processes on the machine disturbs it far less than wall time.
// Phases: `exact` (runs kept for exact quantiles), `switch` (the run that turns every cell into a
// P² sketch), `sketch` (runs after it). The arms' series.csv and summary.json must be identical.

import { pathToFileURL } from 'node:url';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    scenario: { type: 'string', default: 'western-balkans' },
    runs: { type: 'string', default: '18' },
    rounds: { type: 'string', default: '3' },
    dist: { type: 'string' },
    baseline: { type: 'string' },
    resolution: { type: 'string' },
  },
});
const runs = Number(values.runs);
const rounds = Number(values.rounds);
const toUrl = (dir) => pathToFileURL(dir.replace(/\/?$/, '/'));
const dist = values.dist === undefined ? new URL('../dist/', import.meta.url) : toUrl(values.dist);

async function loadArm(name, url) {
  return {
    name,
    summary: await import(new URL('run/summary.js', url).href),
    series: await import(new URL('run/series.js', url).href),
  };
}

const { loadScenario } = await import(new URL('scenarios/load.js', dist).href);
const { compileScenario } = await import(new URL('scenarios/compile.js', dist).href);
const { runReplicate } = await import(new URL('model/runReplicate.js', dist).href);
const { recordLayout, runRecord } = await import(new URL('run/runRecord.js', dist).href);
const arms = [await loadArm('dist', dist)];
if (values.baseline !== undefined) arms.push(await loadArm('baseline', toUrl(values.baseline)));

const { scenario } = await loadScenario(values.scenario);
const compiled = compileScenario(scenario);
const seed = scenario.seed ?? 1;
const seriesOptions = values.resolution === undefined ? {} : { resolution: values.resolution };

console.log(`${values.scenario}: ${compiled.days} days, ${runs} runs, seed ${seed}; simulating (not timed)…`);
const results = [];
for (let i = 0; i < runs; i++) results.push(runReplicate(compiled, seed, i));
// As the worker pool delivers them: each with its summary record computed in the worker (an arm
// whose SummaryAccumulator ignores `record` computes it again, as before that change).
const pooled = results.map((r) => ({ ...r, record: runRecord(compiled, recordLayout(compiled), r) }));
const cells = results[0].borderDaily.length + results[0].countryDaily.length + results[0].totalDaily.length;
console.log(`  ${cells.toLocaleString('en')} daily values per replicate`);

const cpuMs = (fn) => {
  const before = process.cpuUsage();
  fn();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
};

function aggregate(arm) {
  const series = new arm.series.SeriesAccumulator(compiled, seriesOptions);
  const summary = new arm.summary.SummaryAccumulator(compiled);
  const seriesMs = [];
  const summaryMs = [];
  for (const r of results) {
    summaryMs.push(cpuMs(() => summary.add(r)));
    seriesMs.push(cpuMs(() => series.add(r)));
  }
  const pooledSummary = new arm.summary.SummaryAccumulator(compiled);
  const pooledMs = pooled.map((r) => cpuMs(() => pooledSummary.add(r)));
  let csv = '';
  const csvMs = cpuMs(() => (csv = series.toCsv()));
  const json = JSON.stringify(summary.summary({ seed, runs }));
  if (JSON.stringify(pooledSummary.summary({ seed, runs })) !== json) throw new Error(`${arm.name}: summary from worker records differs`);
  return { exactRuns: series.exactRuns, seriesMs, summaryMs, pooledMs, csvMs, csv, json };
}

const median = (xs) => (xs.length === 0 ? NaN : [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]);
const fmt = (ms) => (Number.isNaN(ms) ? '—' : ms < 10 ? ms.toFixed(2) : ms.toFixed(0));
const samples = new Map(arms.map((a) => [a.name, { exact: [], switch: [], sketch: [], summary: [], pooled: [], csv: [] }]));
let reference;
for (let round = 0; round < rounds; round++) {
  for (const arm of round % 2 === 0 ? arms : [...arms].reverse()) {
    const out = aggregate(arm);
    reference ??= out;
    if (out.csv !== reference.csv || out.json !== reference.json) throw new Error(`${arm.name}: series.csv or summary.json differs from the first arm`);
    const s = samples.get(arm.name);
    out.seriesMs.forEach((ms, i) => {
      const phase = i < out.exactRuns ? 'exact' : i === out.exactRuns ? 'switch' : 'sketch';
      s[phase].push(ms);
    });
    s.summary.push(...out.summaryMs);
    s.pooled.push(...out.pooledMs);
    s.csv.push(out.csvMs);
    console.log(`  round ${round + 1}, ${arm.name}: exact runs ${out.exactRuns}; load average ${loadavg()[0].toFixed(2)}`);
  }
}

console.log('\nCPU ms per replicate, median (series.add by phase; summary.add over all runs, in-process and as');
console.log('delivered by the pool; toCsv once per batch)');
console.log('arm       | series exact | series switch | series sketch | summary.add | summary.add (pool) | toCsv');
for (const [name, s] of samples) {
  const row = [median(s.exact), median(s.switch), median(s.sketch), median(s.summary), median(s.pooled), median(s.csv)].map(fmt);
  console.log(`${name.padEnd(9)} | ${row.join(' | ')}`);
}
console.log(`series.csv and summary.json identical across arms and rounds (${reference.csv.length.toLocaleString('en')} bytes of CSV)`);
