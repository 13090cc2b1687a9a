// Runs a sequence of replicate jobs — (scenario, replicate index) pairs — and hands each result to
// a consumer strictly in job order, in-process (threads = 1) or on a worker pool. Everything
// downstream (summaries, series, --until-ci, comparisons, sweeps) therefore sees the same results
// in the same order whatever the thread count, which is what makes outputs byte-identical: each
// replicate's random streams depend only on (seed, replicate), and every sum is taken in job order.
//
// Parallel path: at most 2 × threads jobs are in flight, so a worker always has its next task
// queued while the main thread aggregates, and results that finish early wait (a bounded number of
// them) until their turn. The consumer may stop the sequence (--until-ci reached): jobs already
// started beyond that point are discarded. A failing job is reported as the failure of the
// *lowest* failing position — deterministic, not whichever thread lost the race — and no new job
// starts once any has failed. Abort (Ctrl-C) terminates running workers at once.

import type { CompiledScenario } from '../model/compiled.js';
import type { ReplicateResult } from '../model/result.js';
import { runReplicate } from '../model/runReplicate.js';
import type { ReplicatePool } from '../workers/pool.js';
import type { DailyArrayPool } from './dailyArrayPool.js';
import type { SeriesResolution } from './seriesResolution.js';

export interface ReplicateJob {
  /** Index into the scenarios given to executeReplicates. */
  scenario: number;
  replicate: number;
}

export interface ExecuteOptions {
  seed: number;
  /** Worker threads; 1 (the default) runs in this thread with the same runReplicate. */
  threads?: number;
  signal?: AbortSignal;
  /** Worker module for the pool (tests); default: src/workers/replicateWorker. */
  workerUrl?: string | URL;
  /** Called whenever a replicate finishes (in completion order), with the count so far. */
  onComplete?: (completed: number) => void;
  /** Asked when a job's turn comes (in job order): false skips it — not run in-process; on the
   * pool, its result or failure is dropped. `sweep --until-ci` skips the rest of a finished point. */
  wanted?: (job: ReplicateJob) => boolean;
  /** An open pool to run on, left open afterwards, so that a caller making many calls (a
   * calibration: one per generation) starts its workers once; `threads` is then the pool's. */
  pool?: ReplicatePool;
  /** On the pool, workers also reduce each result's daily series to these periods (series.csv). */
  seriesResolution?: SeriesResolution;
  /** Daily arrays the consumer has released, for the next replicates to overwrite
   * (dailyArrayPool.ts); on the pool they travel to the worker with the task. */
  arrays?: DailyArrayPool;
}

/** Return (or resolve to) false to stop: no further result is delivered and outstanding work is
 * cancelled. The next result is not delivered before a returned promise settles. */
export type Consumer = (job: ReplicateJob, result: ReplicateResult) => boolean | void | Promise<boolean | void>;

/** A replicate threw (or its worker died): names the replicate and master seed so it can be rerun alone. */
export class ReplicateError extends Error {
  constructor(
    readonly replicate: number,
    readonly seed: number,
    cause: unknown,
    /** Index of the scenario (arm, sweep point) the replicate belonged to. */
    readonly scenario = 0,
  ) {
    super(`replicate ${replicate} (seed ${seed}) failed: ${cause instanceof Error ? cause.message : String(cause)}`, {
      cause,
    });
    this.name = 'ReplicateError';
  }
}

// setImmediate runs after pending I/O and timers (cli-progress redraws on a timer); browsers lack
// it, and there a 0 ms timeout does the same job.
export const nextMacrotask: () => Promise<void> =
  typeof setImmediate === 'function'
    ? () => new Promise((resolve) => setImmediate(resolve))
    : () => new Promise((resolve) => setTimeout(resolve, 0));

export async function executeReplicates(
  scenarios: readonly CompiledScenario[],
  jobs: Iterable<ReplicateJob>,
  consume: Consumer,
  options: ExecuteOptions,
): Promise<void> {
  const threads = options.pool?.threads ?? options.threads ?? 1;
  if (!Number.isInteger(threads) || threads < 1) throw new RangeError(`threads must be a positive integer, got ${threads}`);
  if (threads === 1 && options.pool === undefined) return executeInProcess(scenarios, jobs, consume, options);
  // The pool lives in its own module, loaded only when asked for, so this file (and the serial
  // path) stays free of node:worker_threads for the browser demo.
  const { executeOnPool } = await import('./executePool.js');
  return executeOnPool(scenarios, jobs, consume, { ...options, threads });
}

async function executeInProcess(
  scenarios: readonly CompiledScenario[],
  jobs: Iterable<ReplicateJob>,
  consume: Consumer,
  options: ExecuteOptions,
): Promise<void> {
  const { seed, signal, onComplete } = options;
  let completed = 0;
  for (const job of jobs) {
    signal?.throwIfAborted();
    if (options.wanted?.(job) === false) continue;
    let result: ReplicateResult;
    try {
      result = runReplicate(scenarios[job.scenario], seed, job.replicate, options.arrays?.take());
    } catch (error) {
      throw new ReplicateError(job.replicate, seed, error, job.scenario);
    }
    onComplete?.(++completed);
    const more = await consume(job, result);
    // Replicates are synchronous: let a progress bar redraw and Ctrl-C be noticed between them.
    await nextMacrotask();
    if (more === false) break;
  }
  signal?.throwIfAborted();
}
