// The parallel path of executor.ts: jobs on a worker pool, results delivered in job order (see the
// header of executor.ts for the rules). Kept apart so that only callers asking for threads load
// node:worker_threads and piscina.

import type { CompiledScenario } from '../model/compiled.js';
import type { ReplicateResult } from '../model/result.js';
import { createReplicatePool } from '../workers/pool.js';
import { shareScenario, type SharedScenario } from '../workers/sharedScenario.js';
import { isShared } from './dailyArrayPool.js';
import { ReplicateError, type Consumer, type ExecuteOptions, type ReplicateJob } from './executor.js';

interface Settled {
  job: ReplicateJob;
  result?: ReplicateResult;
  error?: unknown;
  failed?: boolean;
}

/** In-flight jobs per thread: one running, one queued behind it. */
const DEPTH = 2;

export async function executeOnPool(
  scenarios: readonly CompiledScenario[],
  jobs: Iterable<ReplicateJob>,
  consume: Consumer,
  options: ExecuteOptions & { threads: number },
): Promise<void> {
  const { seed, signal, onComplete, threads } = options;
  signal?.throwIfAborted();
  const shared: (SharedScenario | undefined)[] = scenarios.map(() => undefined);
  const sharedFor = (i: number) => (shared[i] ??= shareScenario(scenarios[i]));
  const pool = options.pool ?? createReplicatePool({ threads, workerUrl: options.workerUrl });
  const cancel = new AbortController();
  const settled = new Map<number, Settled>();
  let wake: (() => void) | undefined;
  const onAbort = () => wake?.();
  signal?.addEventListener('abort', onAbort);

  const iterator = jobs[Symbol.iterator]();
  let dispatched = 0;
  let delivered = 0;
  let completed = 0;
  let exhausted = false;
  // Failed jobs not yet delivered: no new job starts while there is one (a dropped one, of a job
  // no longer wanted, lets work resume).
  let failures = 0;

  const dispatch = (job: ReplicateJob, position: number) => {
    // Only arrays on SharedArrayBuffers go back to a worker: posting them shares, never copies.
    const reuse = options.arrays?.take();
    const task = {
      scenario: sharedFor(job.scenario),
      seed,
      replicate: job.replicate,
      seriesResolution: options.seriesResolution,
      reuse: reuse !== undefined && isShared(reuse) ? reuse : undefined,
    };
    pool.run(task, cancel.signal).then(
      (result) => {
        settled.set(position, { job, result });
        onComplete?.(++completed);
        wake?.();
      },
      (error: unknown) => {
        failures++;
        settled.set(position, { job, error, failed: true });
        wake?.();
      },
    );
  };

  try {
    for (;;) {
      while (failures === 0 && !exhausted && dispatched - delivered < DEPTH * threads) {
        const next = iterator.next();
        if (next.done === true) exhausted = true;
        else dispatch(next.value, dispatched++);
      }
      if (delivered === dispatched) break;
      while (!settled.has(delivered) && !signal?.aborted) await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
      signal?.throwIfAborted();
      const entry = settled.get(delivered) as Settled;
      settled.delete(delivered);
      delivered++;
      if (entry.failed === true) failures--;
      if (options.wanted?.(entry.job) === false) continue;
      if (entry.failed === true || entry.result === undefined) {
        throw new ReplicateError(entry.job.replicate, seed, entry.error, entry.job.scenario);
      }
      if ((await consume(entry.job, entry.result)) === false) break;
    }
    signal?.throwIfAborted();
  } finally {
    signal?.removeEventListener('abort', onAbort);
    // Stop whatever still runs (jobs beyond a stop, after a failure, or on abort): piscina
    // terminates the workers running them, which interrupts even a replicate's tight loop.
    cancel.abort();
    if (options.pool === undefined) await pool.destroy();
  }
}
