// evaluateBenchmarks(scenario, b, options): the whole evaluation in one call — compile every arm
// (arms.ts), run replicates 0 … runs − 1 of every arm with the same seed (common random numbers)
// in one executeReplicates call on the existing pool, reduce each result to its observables as it
// arrives (observer.ts: memory grows by a few numbers per replicate, not by its daily series), and
// score them (scoreRuns.ts). Results arrive in job order whatever the thread count, so the
// scorecard is the same for 1 and N threads. `calibrate` and `sensitivity` call the lower-level
// pieces (compileArms, observer, scoreRuns) when they drive the pool themselves.

import type { CompiledScenario } from '../model/compiled.js';
import { RUN_SCALARS } from '../model/result.js';
import { DailyArrayPool } from '../run/dailyArrayPool.js';
import { executeReplicates, type ReplicateJob } from '../run/executor.js';
import type { Scenario } from '../scenarios/types.js';
import { compileArms } from './arms.js';
import { observer } from './observer.js';
import { scoreRuns } from './scoreRuns.js';
import type { Benchmarks, Scorecard } from './types.js';

export interface EvaluateOptions {
  runs: number;
  seed: number;
  /** Worker threads (default 1: in this thread). */
  threads?: number;
  signal?: AbortSignal;
  /** Replicates done over all arms, and the total (arms × runs). */
  onProgress?: (done: number, total: number) => void;
  trainUntil?: string;
  /** Index of the first replicate (default 0): replicates first … first + runs − 1 run in every arm. */
  firstReplicate?: number;
  /** Compiled arms, when the caller has them already (compileArms). */
  compiled?: CompiledScenario[];
  /** Names the scenario in compiler problems. */
  shownFile?: string;
  /** Worker module for the pool (tests). */
  workerUrl?: string | URL;
}

export interface Evaluation {
  scorecard: Scorecard;
  /** runs[arm][replicate]: the observables scored. */
  runs: Float64Array[][];
  agentSteps: number;
}

/** Run every arm and return the observables and agent-steps as well as the scorecard. */
export async function evaluateBenchmarksDetailed(scenario: Scenario, b: Benchmarks, options: EvaluateOptions): Promise<Evaluation> {
  const { runs } = options;
  const first = options.firstReplicate ?? 0;
  if (!Number.isInteger(runs) || runs < 1) throw new RangeError(`runs must be a positive integer, got ${runs}`);
  if (!Number.isInteger(first) || first < 0) throw new RangeError(`firstReplicate must be a whole number ≥ 0, got ${first}`);
  const compiled = options.compiled ?? compileArms(scenario, b, options.shownFile);
  const observers = compiled.map((c, arm) => observer(c, b, arm));
  const observed: Float64Array[][] = compiled.map(() => []);
  const total = compiled.length * runs;
  function* jobs(): Generator<ReplicateJob> {
    for (let scenario = 0; scenario < compiled.length; scenario++) {
      for (let k = 0; k < runs; k++) yield { scenario, replicate: first + k };
    }
  }
  const agentStepsAt = RUN_SCALARS.indexOf('agentSteps');
  let agentSteps = 0;
  const threads = Math.max(1, Math.min(options.threads ?? 1, total));
  // Observers copy what they need, so each result's daily arrays can be overwritten afterwards.
  const arrays = new DailyArrayPool(2 * threads + 2);
  await executeReplicates(
    compiled,
    jobs(),
    (job, result) => {
      observed[job.scenario][job.replicate - first] = observers[job.scenario](result);
      agentSteps += result.scalars[agentStepsAt];
      arrays.release(result);
    },
    {
      seed: options.seed,
      threads,
      arrays,
      signal: options.signal,
      workerUrl: options.workerUrl,
      onComplete: options.onProgress && ((done) => options.onProgress!(done, total)),
    },
  );
  return { scorecard: scoreRuns(b, observed, { trainUntil: options.trainUntil }), runs: observed, agentSteps };
}

/** The scorecard of `runs` replicates of every arm of `b` on `scenario`. */
export async function evaluateBenchmarks(scenario: Scenario, b: Benchmarks, options: EvaluateOptions): Promise<Scorecard> {
  return (await evaluateBenchmarksDetailed(scenario, b, options)).scorecard;
}
