// Running a batch of parameter points on the worker pool and reducing each to numbers: a distance
// (calibrate) or output values (sensitivity). Every point has one compiled scenario per arm; every
// (point, arm) runs replicates firstReplicate(point) … + runs − 1, so the arms of one point share
// their random numbers (as `check` runs them). One executeReplicates call per chunk of points
// (a calibration generation is one chunk); results arrive in job order whatever the thread count,
// so the reduced numbers are bit-identical for 1 or N threads.

import type { CompiledScenario } from '../model/compiled.js';
import type { ReplicateResult } from '../model/result.js';
import { DailyArrayPool } from '../run/dailyArrayPool.js';
import { executeReplicates, type ReplicateJob } from '../run/executor.js';
import type { Override } from '../run/overrides.js';
import type { ReplicatePool } from '../workers/pool.js';

export interface PointObjective<T> {
  /** Overrides per arm; arm 0 is usually [] (the point itself). */
  arms: readonly (readonly Override[])[];
  /** What one replicate of one arm contributes (a few numbers, not the daily series), in a new
   * array: the result's daily arrays are overwritten by a later replicate once observed. */
  observe(compiledArm: CompiledScenario, arm: number): (r: ReplicateResult) => Float64Array;
  /** The point's result from its observations, runs[arm][replicate]. */
  reduce(runs: Float64Array[][]): T;
}

export interface PointBatch {
  /** compiled[point][arm]. */
  compile(point: number): CompiledScenario[];
  points: number;
  firstReplicate(point: number): number;
  runs: number;
}

export interface EvaluateOptions {
  seed: number;
  threads: number;
  signal?: AbortSignal;
  /** Replicates finished in this batch so far. */
  onComplete?: (done: number) => void;
  /** An open worker pool shared by successive batches (openPool.ts); else one per call. */
  pool?: ReplicatePool;
}

export async function evaluatePoints<T>(batch: PointBatch, objective: PointObjective<T>, options: EvaluateOptions): Promise<T[]> {
  const arms = objective.arms.length;
  const compiled: CompiledScenario[] = [];
  const observers: ((r: ReplicateResult) => Float64Array)[] = [];
  for (let point = 0; point < batch.points; point++) {
    batch.compile(point).forEach((c, arm) => {
      compiled.push(c);
      observers.push(objective.observe(c, arm));
    });
  }
  const observations: Float64Array[][][] = Array.from({ length: batch.points }, () => Array.from({ length: arms }, () => []));
  function* jobs(): Generator<ReplicateJob> {
    for (let point = 0; point < batch.points; point++) {
      for (let arm = 0; arm < arms; arm++) {
        for (let r = 0; r < batch.runs; r++) yield { scenario: point * arms + arm, replicate: batch.firstReplicate(point) + r };
      }
    }
  }
  const threads = Math.max(1, Math.min(options.threads, compiled.length * batch.runs));
  // Observers copy what they need, so each result's daily arrays can be overwritten afterwards.
  const arrays = new DailyArrayPool(2 * (options.pool?.threads ?? threads) + 2);
  await executeReplicates(
    compiled,
    jobs(),
    (job, result) => {
      const point = Math.floor(job.scenario / arms);
      observations[point][job.scenario % arms].push(observers[job.scenario](result));
      arrays.release(result);
    },
    { seed: options.seed, threads, signal: options.signal, onComplete: options.onComplete, pool: options.pool, arrays },
  );
  return observations.map((runs) => objective.reduce(runs));
}
