// Monte Carlo orchestration: run replicates 0..runs−1 of a compiled scenario and keep their
// results in replicate order. This is the serial path; the worker pool of the Monte Carlo issue
// will add `threads` to MonteCarloOptions and run the very same runReplicate per task, so callers
// written against this API keep working and get bit-identical results (each replicate's random
// streams depend only on (seed, replicate), never on who ran it or when).
//
// Replicates are synchronous, so the loop awaits a macrotask between them: that lets a progress
// bar redraw and an AbortSignal (Ctrl-C) be noticed while a long batch runs.

import type { CompiledScenario } from '../model/compiled.js';
import { RUN_SCALARS, type ReplicateResult } from '../model/result.js';
import { runReplicate } from '../model/runReplicate.js';

export interface MonteCarloOptions {
  runs: number;
  seed: number;
  /** Called after each finished replicate with the number done so far. */
  onProgress?: (done: number, total: number) => void;
  /** Checked between replicates; when aborted, the promise rejects with `signal.reason`. */
  signal?: AbortSignal;
}

export interface MonteCarloResult {
  /** results[i] is replicate i. */
  results: ReplicateResult[];
  /** Agent-days simulated over all replicates (the sum of each run's `agentSteps` scalar). */
  agentSteps: number;
}

/** A replicate threw: names the replicate and master seed so it can be rerun alone. */
export class ReplicateError extends Error {
  constructor(
    readonly replicate: number,
    readonly seed: number,
    cause: unknown,
  ) {
    super(`replicate ${replicate} (seed ${seed}) failed: ${cause instanceof Error ? cause.message : String(cause)}`, {
      cause,
    });
    this.name = 'ReplicateError';
  }
}

const AGENT_STEPS = RUN_SCALARS.indexOf('agentSteps');

// setImmediate runs after pending I/O and timers (cli-progress redraws on a timer); browsers lack
// it, and there a 0 ms timeout does the same job.
const nextMacrotask: () => Promise<void> =
  typeof setImmediate === 'function'
    ? () => new Promise((resolve) => setImmediate(resolve))
    : () => new Promise((resolve) => setTimeout(resolve, 0));

/** Sum of the agentSteps scalar over results, in order. */
export function totalAgentSteps(results: readonly ReplicateResult[]): number {
  let sum = 0;
  for (const r of results) sum += r.scalars[AGENT_STEPS];
  return sum;
}

/** Run `replicate(0..count−1)` serially, yielding between replicates. The seam runMonteCarlo and tests share. */
export async function runReplicates(
  count: number,
  replicate: (index: number) => ReplicateResult,
  onProgress?: (done: number, total: number) => void,
  signal?: AbortSignal,
): Promise<MonteCarloResult> {
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`runs must be a positive integer, got ${count}`);
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

export async function runMonteCarlo(compiled: CompiledScenario, options: MonteCarloOptions): Promise<MonteCarloResult> {
  const { runs, seed, onProgress, signal } = options;
  const one = (index: number): ReplicateResult => {
    try {
      return runReplicate(compiled, seed, index);
    } catch (error) {
      throw new ReplicateError(index, seed, error);
    }
  };
  return runReplicates(runs, one, onProgress, signal);
}
