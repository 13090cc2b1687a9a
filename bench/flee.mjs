#!/usr/bin/env node
/* global console, process, URL, performance */
// Speed of Flee's rules (src/model/flee) on an imported synthetic Flee scenario, on the compiled
// package (run `npm run build` first). Method and results: bench/DECLARATION.md, "bench/flee.mjs".
//
//   node bench/flee.mjs [--runs 5] [--locations 120] [--camps 12] [--zones 20] [--people 100000]
//                       [--days 400] [--seed 1] [--dist dir]
//
// 1. scripts/flee/synthetic.mjs writes a Flee-format scenario folder (CSV files, validation series)
//    to a temporary folder; it is imported as `routeshift import-flee` does (readFleeScenario,
//    fleeToScenario, validateScenario) and compiled once.
// 2. `runs` replicates (indices 0 … runs-1, master seed 1) run one after another in this thread,
//    as score-flee does: for each, the agent-steps (agents alive, summed over days), the wall time
//    and this process's CPU time, and agent-steps per second of each. The first replicate also
//    pays for JIT warm-up and is reported but left out of the median.
// 3. A SHA-256 of every replicate's result arrays (daily series and scalars) is printed, so that a
//    change meant only to speed the kernel up can be checked to give the same bytes.
//
// --dist: a compiled copy other than ./dist (e.g. `npx tsc -p tsconfig.build.json --incremental false --outDir /tmp/a`),
// to compare two versions interleaved. Profile with `node --cpu-prof bench/flee.mjs --runs 2`.

import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { writeSyntheticFlee } from '../scripts/flee/synthetic.mjs';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    locations: { type: 'string', default: '120' },
    camps: { type: 'string', default: '12' },
    zones: { type: 'string', default: '20' },
    people: { type: 'string', default: '100000' },
    days: { type: 'string', default: '400' },
    seed: { type: 'string', default: '1' },
    dist: { type: 'string', default: new URL('../dist', import.meta.url).pathname },
  },
});
const dist = resolve(values.dist);
const load = (path) => import(pathToFileURL(join(dist, path)).href);
const { readFleeScenario } = await load('flee/readFlee.js');
const { fleeToScenario } = await load('flee/toScenario.js');
const { compileScenario } = await load('scenarios/compile.js');
const { validateScenario } = await load('scenarios/validate.js');
const { runFleeReplicate } = await load('model/flee/runFleeReplicate.js');
const { RUN_SCALARS } = await load('model/result.js');

const size = {
  locations: Number(values.locations),
  camps: Number(values.camps),
  zones: Number(values.zones),
  people: Number(values.people),
  days: Number(values.days),
  seed: Number(values.seed),
};
const dir = mkdtempSync(join(tmpdir(), 'routeshift-flee-bench-'));
let compiled;
try {
  writeSyntheticFlee(join(dir, 'synthetic'), size);
  const input = await readFleeScenario(join(dir, 'synthetic'), { show: (p) => p.replace(dir + '/', '') });
  const { scenario } = fleeToScenario(input, { dir: join(dir, 'synthetic') });
  const problems = validateScenario(scenario, [{ file: 'synthetic.json', data: scenario }]);
  if (problems.length > 0) throw new Error(JSON.stringify(problems.slice(0, 3)));
  compiled = compileScenario(scenario);
  console.log(`synthetic Flee scenario: ${scenario.nodes.length} locations, ${scenario.edges.length} routes, ${size.days} days, camps rising to ${size.people} people (seed ${size.seed}); dist ${dist}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const STEPS = RUN_SCALARS.indexOf('agentSteps');
const hash = createHash('sha256');
const rates = [];
for (let r = 0; r < Number(values.runs); r++) {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const result = runFleeReplicate(compiled, 1, r);
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  for (const a of [result.borderDaily, result.countryDaily, result.totalDaily, result.scalars]) hash.update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  const steps = result.scalars[STEPS];
  const perCpuSecond = steps / (cpuMs / 1000);
  if (r > 0) rates.push(perCpuSecond);
  console.log(
    `replicate ${r}: ${steps.toLocaleString('en-US')} agent-steps, wall ${wallMs.toFixed(0)} ms, CPU ${cpuMs.toFixed(0)} ms: ` +
      `${(steps / (wallMs / 1000) / 1e6).toFixed(1)} M agent-steps/s (wall), ${(perCpuSecond / 1e6).toFixed(1)} M/s (CPU)${r === 0 ? ' (warm-up, not in the median)' : ''}; load ${loadavg()[0].toFixed(2)}`,
  );
}
rates.sort((a, b) => a - b);
const median = rates.length > 0 ? rates[Math.floor(rates.length / 2)] : NaN;
console.log(`median of replicates 1–${rates.length}: ${(median / 1e6).toFixed(1)} M agent-steps per CPU second = ${(median / 3e5).toFixed(0)} × Flee's ~3×10⁵ (issue 10 target: 100 ×)`);
console.log(`results sha256 ${hash.digest('hex')}`);
