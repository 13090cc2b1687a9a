// Monte Carlo orchestration: run replicates of a compiled scenario, in-process or on worker
// threads (executor.ts), and either keep every result (runMonteCarlo, for code that wants the raw
// arrays) or aggregate them as they arrive (aggregateMonteCarlo, what the CLI uses: memory grows
// only by the per-run record of summary.ts, plus a bounded window of daily series in series.ts).
//
// Both give bit-identical numbers for any thread count: each replicate's random streams depend only
// on (seed, replicate) and results are consumed in replicate order. With `untilCi`, runs continue
// past `runs` until every named 95% interval is narrow enough (or `maxRuns`); the stopping point is
// decided in replicate order too, so it does not depend on threads either.

import type { CompiledScenario } from '../model/compiled.js';
import { RUN_SCALARS, type ReplicateResult } from '../model/result.js';
import { executeReplicates, nextMacrotask, type ReplicateJob } from './executor.js';
import { DailyArrayPool } from './dailyArrayPool.js';
import { SeriesAccumulator, type SeriesOptions } from './series.js';
import { SummaryAccumulator } from './summary.js';
import { ciTargetsMet, resolveCiTargets, type CiTarget } from './untilCi.js';

export { ReplicateError } from './executor.js';

export interface MonteCarloOptions {
  runs: number;
  seed: number;
  /** Worker threads; 1 (the default here; the CLI defaults to the number of cores) runs in-process. */
  threads?: number;
  /** Called as replicates finish with the number done so far and the number planned. */
  onProgress?: (done: number, total: number) => void;
  /** Aborting stops the batch (workers are terminated); the promise rejects with `signal.reason`. */
  signal?: AbortSignal;
  /** Worker module for the pool (tests and benchmarks); default src/workers/replicateWorker. */
  workerUrl?: string | URL;
}

export interface MonteCarloResult {
  /** results[i] is replicate i. */
  results: ReplicateResult[];
  /** Agent-days simulated over all replicates (the sum of each run's `agentSteps` scalar). */
  agentSteps: number;
}

const AGENT_STEPS = RUN_SCALARS.indexOf('agentSteps');

/** Sum of the agentSteps scalar over results, in order. */
export function totalAgentSteps(results: readonly ReplicateResult[]): number {
  let sum = 0;
  for (const r of results) sum += r.scalars[AGENT_STEPS];
  return sum;
}

function checkRuns(runs: number, name = 'runs'): void {
  if (!Number.isInteger(runs) || runs < 1) throw new RangeError(`${name} must be a positive integer, got ${runs}`);
}

function* replicateJobs(first: number, count: number): Generator<ReplicateJob> {
  for (let i = 0; i < count; i++) yield { scenario: 0, replicate: first + i };
}

/** Run `replicate(0..count−1)` serially, yielding between replicates. A seam for tests of the loop. */
export async function runReplicates(
  count: number,
  replicate: (index: number) => ReplicateResult,
  onProgress?: (done: number, total: number) => void,
  signal?: AbortSignal,
): Promise<MonteCarloResult> {
  checkRuns(count);
  const results: ReplicateResult[] = [];
  for (let i = 0; i < count; i++) {
    signal?.throwIfAborted();
    results.push(replicate(i));
    onProgress?.(i + 1, count);
    await nextMacrotask();
  }
  signal?.throwIfAborted();
  return { results, agentSteps: totalAgentSteps(results) };
}

/** Replicates 0 … runs − 1, every result kept (memory grows with runs: prefer aggregateMonteCarlo for many). */
export async function runMonteCarlo(compiled: CompiledScenario, options: MonteCarloOptions): Promise<MonteCarloResult> {
  const { runs, onProgress } = options;
  checkRuns(runs);
  const results: ReplicateResult[] = [];
  await executeReplicates([compiled], replicateJobs(0, runs), (_, r) => void results.push(r), {
    ...options,
    onComplete: onProgress && ((done) => onProgress(done, runs)),
  });
  return { results, agentSteps: totalAgentSteps(results) };
}

export interface AggregateOptions extends MonteCarloOptions {
  /** Keep adding runs beyond `runs` until each interval is this narrow (untilCi.ts). */
  untilCi?: readonly CiTarget[];
  /** Upper bound on runs with `untilCi` (default 1000). */
  maxRuns?: number;
  /** Index of the first replicate (default 0); `run --replicate i` runs replicate i alone. */
  firstReplicate?: number;
  /** Build series.csv as well (default true), with these options. */
  series?: boolean | SeriesOptions;
}

export interface Aggregate {
  summary: SummaryAccumulator;
  series?: SeriesAccumulator;
  runs: number;
  agentSteps: number;
  /** Why the batch ended: the planned runs, every --until-ci target met, or --max-runs. */
  stoppedBy: StopReason;
}

/** Why a batch (or a sweep point, or a comparison) ended. */
export type StopReason = 'runs' | 'until-ci' | 'max-runs';

export const DEFAULT_MAX_RUNS = 1000;

/** Run and aggregate as results arrive, in replicate order (see the header). */
export async function aggregateMonteCarlo(compiled: CompiledScenario, options: AggregateOptions): Promise<Aggregate> {
  const { runs, onProgress } = options;
  checkRuns(runs);
  const summary = new SummaryAccumulator(compiled);
  const series = options.series === false ? undefined : new SeriesAccumulator(compiled, options.series === true ? {} : options.series);
  const targets = options.untilCi ?? [];
  const untilCi = targets.length > 0;
  const maxRuns = untilCi ? (options.maxRuns ?? Math.max(DEFAULT_MAX_RUNS, runs)) : runs;
  checkRuns(maxRuns, 'maxRuns');
  if (maxRuns < runs) throw new RangeError(`maxRuns (${maxRuns}) is below runs (${runs})`);
  const indices = resolveCiTargets(summary.layout, targets);
  let stoppedBy: Aggregate['stoppedBy'] = untilCi ? 'max-runs' : 'runs';
  // Nothing here reads a result after this callback except the series' exact window.
  const arrays = new DailyArrayPool(2 * (options.threads ?? 1) + 2);

  await executeReplicates(
    [compiled],
    replicateJobs(options.firstReplicate ?? 0, maxRuns),
    async (_, result) => {
      summary.add(result);
      let held = false;
      if (series !== undefined) {
        // In steps, letting the pool hand out queued tasks and Ctrl-C be noticed in between
        // (series.ts, addSteps).
        const steps = series.addSteps(result);
        let step = steps.next();
        while (step.done !== true) {
          await nextMacrotask();
          options.signal?.throwIfAborted();
          step = steps.next();
        }
        held = step.value;
      }
      if (!held) arrays.release(result);
      if (untilCi && summary.runs >= runs && ciTargetsMet(summary, targets, indices)) {
        stoppedBy = 'until-ci';
        return false;
      }
      return true;
    },
    {
      ...options,
      seriesResolution: series?.resolution,
      arrays,
      onComplete: onProgress && ((done) => onProgress(Math.min(done, maxRuns), untilCi ? maxRuns : runs)),
    },
  );
  return { summary, series, runs: summary.runs, agentSteps: summary.agentSteps, stoppedBy };
}
