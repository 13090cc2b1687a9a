/* global console, performance, process */
// Kernel throughput in CPU time: a loop over runReplicate on the compiled package (dist/), timed
// with process.cpuUsage() as well as the wall clock, so that other processes on a shared machine
// inflate the wall time more than the CPU time. A script rather than a vitest bench because vitest
// runs the TypeScript sources through a transpiling hook. To compare two builds, alternate
// invocations with `--dist` pointing at a private copy of each (`npx tsc -p tsconfig.build.json
// --incremental false --outDir /tmp/a/dist` with `scenarios/` and `package.json` beside it): two builds loaded into
// one process slowed each other (the older build by ~45% in one try), so one process runs one build.
// Each replicate overwrites the daily arrays of the one before, as `routeshift run` does once the
// series no longer keeps every run (src/run/dailyArrayPool.ts); `--fresh` allocates new ones.
// Method and numbers: bench/DECLARATION.md.
//
//   npm run build && node bench/kernel-cpu.mjs [--scenario western-balkans] [--runs 8]
//     [--warmup 2] [--seed 1] [--dist dist] [--info] [--no-smugglers] [--fresh]

import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadavg } from 'node:os';

const { values } = parseArgs({
  options: {
    scenario: { type: 'string', default: 'western-balkans' },
    runs: { type: 'string', default: '8' },
    warmup: { type: 'string', default: '2' },
    seed: { type: 'string', default: '1' },
    dist: { type: 'string', default: 'dist' },
    info: { type: 'boolean', default: false },
    'no-smugglers': { type: 'boolean', default: false },
    fresh: { type: 'boolean', default: false },
  },
});

const url = (p) => pathToFileURL(resolve(values.dist, p)).href;
const { runReplicate } = await import(url('model/runReplicate.js'));
const { RUN_SCALARS } = await import(url('model/result.js'));
const { compileScenario } = await import(url('scenarios/compile.js'));
const { loadScenario } = await import(url('scenarios/load.js'));
let { scenario } = await loadScenario(values.scenario);
if (values.info) scenario = { ...scenario, information: {} };
if (values['no-smugglers']) scenario = { ...scenario, smugglers: undefined };
const compiled = compileScenario(scenario);
const stepsAt = RUN_SCALARS.indexOf('agentSteps');

const seed = Number(values.seed);
const runs = Number(values.runs);
const warmup = Number(values.warmup);
const cpuMs = [];
const wallMs = [];
let steps = 0;
let previous;
for (let r = 0; r < warmup + runs; r++) {
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  const result = runReplicate(compiled, seed, r % 8, values.fresh ? undefined : previous);
  previous = result;
  const wall = performance.now() - wall0;
  const cpu = process.cpuUsage(cpu0);
  if (r < warmup) continue;
  cpuMs.push((cpu.user + cpu.system) / 1000);
  wallMs.push(wall);
  steps += result.scalars[stepsAt];
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const sum = (xs) => xs.reduce((a, b) => a + b, 0);
console.log(`${values.scenario}${values.info ? ' + information' : ''}${values['no-smugglers'] ? ' without smugglers' : ''}${values.fresh ? ', fresh daily arrays' : ''}, seed ${seed}, ${runs} replicates after ${warmup} warm-up, Node ${process.version}, load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
console.log(
  `${values.dist}: ${(steps / runs).toFixed(0)} agent-steps per replicate; CPU median ${median(cpuMs).toFixed(1)} ms (min ${Math.min(...cpuMs).toFixed(1)}), wall median ${median(wallMs).toFixed(1)} ms per replicate; ${(steps / sum(cpuMs) / 1000).toFixed(2)} M agent-steps per CPU second, ${(steps / sum(wallMs) / 1000).toFixed(2)} M per wall second`,
);
