// The public shape of one Flee replicate stepper (createFleeModel.ts): the Model-like object that
// Monte Carlo, summaries and reports drive, and its options. Kept apart so callers can name the
// types without reading the stepper itself.

import type { DailyArrays, Recorder } from '../recorder.js';
import type { ReplicateResult } from '../result.js';

export interface FleeModel {
  /** Next day to simulate (0-based); equals compiled.days when finished. */
  readonly day: number;
  step(): void;
  /** Scale counters to people and return them; call once, after the last step. */
  finish(): ReplicateResult;
  /** Agents at each node now (not on a link). Read only. */
  readonly locationAgents: Int32Array;
  /** With `recordLocations`: agents at each node at the end of each day, people not yet applied:
   * locationDaily[node * days + day]. */
  readonly locationDaily: Float64Array | null;
  readonly counters: Recorder;
}

export interface FleeModelOptions {
  /** Keep every node's end-of-day count (for Flee's per-camp validation). */
  recordLocations?: boolean;
  /** Daily arrays of an earlier replicate to overwrite (createRecorder). */
  reuse?: DailyArrays;
}
