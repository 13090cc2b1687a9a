#!/usr/bin/env node
/* global console, URL, performance, process */
// Parallel speed-up and per-task overhead of the replicate pool, on the compiled package (run
// `npm run build` first). Method and results: bench/DECLARATION.md, "bench/parallel.mjs".
//
//   node bench/parallel.mjs [--scenario western-balkans] [--runs 32] [--repeat 3] [--threads 2] [--dist dir]
//
// --dist: a compiled copy other than ./dist (e.g. `npx tsc -p tsconfig.build.json --incremental false --outDir /tmp/rs`),
// so that a rebuild of ./dist by someone else during the minutes this runs cannot mix versions.
//
// 1. Speed-up: `aggregateMonteCarlo` (what `routeshift run` does: replicates plus streaming
//    aggregation of summary and series in replicate order) for `runs` replicates with 1 thread
//    (in the main thread) and with `threads` worker threads, alternating, `repeat` times each, every
//    batch in a fresh child process as a user's `routeshift run` is (a batch run in this process
//    would find the kernel already optimised by the batches before it); the median wall time of
//    each, the ratio T_threads / T_1 and the speed-up T_1 / T_threads, and the CPU time of all the
//    child's threads (`process.cpuUsage`). Pool start-up (spawning workers, loading the kernel,
//    first deserialisation of the scenario) is included.
// 2. Per-task overhead: the same pool machinery (task message with the shared scenario, result
//    with shared daily arrays and a copied one, in-order delivery) with a worker that does no simulation
//    (bench/echoWorker.mjs), 2,000 tasks on `threads` threads: pool start-up (to the first result)
//    and the steady-state wall time per task (first to last result), each compared with the
//    measured time of one replicate (T_1 / runs).
// 3. Bytes: summary.json from the 1-thread and the threaded runs must be identical (compared by
//    SHA-256).
//
// The machine's 1-minute load average is printed after each batch: other processes competing for
// the cores distort both times, so quote figures from a quiet machine (load average below 1).

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    scenario: { type: 'string', default: 'western-balkans' },
    runs: { type: 'string', default: '32' },
    repeat: { type: 'string', default: '3' },
    threads: { type: 'string', default: '2' },
    tasks: { type: 'string', default: '2000' },
    dist: { type: 'string' },
    batch: { type: 'string' },
  },
});
const runs = Number(values.runs);
const repeat = Number(values.repeat);
const threads = Number(values.threads);
const tasks = Number(values.tasks);

const dist = values.dist === undefined ? new URL('../dist/', import.meta.url) : pathToFileURL(values.dist.replace(/\/?$/, '/'));
const { loadScenario } = await import(new URL('scenarios/load.js', dist).href);
const { compileScenario } = await import(new URL('scenarios/compile.js', dist).href);
const { aggregateMonteCarlo } = await import(new URL('run/monteCarlo.js', dist).href);
const { executeReplicates } = await import(new URL('run/executor.js', dist).href);

const { scenario } = await loadScenario(values.scenario);
const compiled = compileScenario(scenario);
const seed = scenario.seed ?? 1;

// One batch in this process (the child's side of `--batch t`): printed as one JSON line.
async function runBatch(t) {
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const batch = await aggregateMonteCarlo(compiled, { runs, seed, threads: t });
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const summary = createHash('sha256').update(JSON.stringify(batch.summary.summary({ seed, runs }))).digest('hex');
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000, summary, agentSteps: batch.agentSteps };
}

if (values.batch !== undefined) {
  // Written before exiting: process.exit could cut short a write to a pipe.
  const line = `${JSON.stringify(await runBatch(Number(values.batch)))}\n`;
  await new Promise((resolve) => process.stdout.write(line, resolve));
  process.exit(0);
}

function timeBatch(t) {
  const args = [fileURLToPath(import.meta.url), '--batch', String(t), '--scenario', values.scenario, '--runs', String(runs)];
  if (values.dist !== undefined) args.push('--dist', values.dist);
  const out = execFileSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
  return JSON.parse(out.trim().split('\n').at(-1));
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const times = { 1: [], [threads]: [] };
const summaries = new Set();
let agentSteps = 0;
console.log(`${values.scenario}: ${compiled.days} days, ${runs} runs, seed ${seed}; ${availableParallelism()} cores; Node ${process.version}`);
for (let i = 0; i < repeat; i++) {
  for (const t of i % 2 === 0 ? [1, threads] : [threads, 1]) {
    const r = timeBatch(t);
    times[t].push(r.ms);
    summaries.add(r.summary);
    agentSteps = r.agentSteps;
    const load = loadavg()[0].toFixed(2);
    console.log(`  repeat ${i + 1}, ${t} thread${t === 1 ? '' : 's'}: ${(r.ms / 1000).toFixed(2)} s, CPU ${(r.cpuMs / 1000).toFixed(2)} s (load average ${load})`);
  }
}
const t1 = median(times[1]);
const tn = median(times[threads]);
const replicateMs = t1 / runs;
console.log(`median 1 thread: ${(t1 / 1000).toFixed(2)} s (${replicateMs.toFixed(0)} ms per replicate, ${(agentSteps / runs / 1e6).toFixed(2)} M agent-steps each)`);
console.log(`median ${threads} threads: ${(tn / 1000).toFixed(2)} s`);
console.log(`ratio T${threads}/T1 = ${(tn / t1).toFixed(3)} (target ≤ 0.6); speed-up ${(t1 / tn).toFixed(2)}×`);
console.log(`summary.json identical across thread counts: ${summaries.size === 1 ? 'yes' : 'NO'}`);

// Per-task overhead with a worker that does no simulation.
const echo = new URL('./echoWorker.mjs', import.meta.url);
function* jobs() {
  for (let replicate = 0; replicate < tasks; replicate++) yield { scenario: 0, replicate };
}
let delivered = 0;
let firstAt = 0;
let lastAt = 0;
const started = performance.now();
await executeReplicates([compiled], jobs(), () => void delivered++, {
  seed,
  threads,
  workerUrl: echo,
  onComplete: (done) => {
    if (done === 1) firstAt = performance.now();
    if (done === tasks) lastAt = performance.now();
  },
});
const total = performance.now() - started;
const steadyMs = (lastAt - firstAt) / (tasks - 1);
const pct = (ms) => ((ms / replicateMs) * 100).toFixed(3);
console.log(`pool start-up (spawn, load, first task): ${(firstAt - started).toFixed(0)} ms = ${pct(firstAt - started)}% of one replicate, once per batch`);
console.log(`per-task overhead, steady state: ${(steadyMs * 1000).toFixed(1)} µs per task = ${pct(steadyMs)}% of a replicate (target < 1%)`);
console.log(`per-task overhead, start-up spread over ${tasks} tasks: ${((total / tasks) * 1000).toFixed(1)} µs = ${pct(total / tasks)}%`);
if (delivered !== tasks) throw new Error(`delivered ${delivered} of ${tasks}`);
