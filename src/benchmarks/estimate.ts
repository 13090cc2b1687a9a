// Small numeric helpers of the scorecard: a tested quantity's mean with its 95% Monte Carlo
// t-interval (src/run/stats.ts, src/run/studentT.ts), NaN replicates skipped, and the bounded
// shortfall that turns a failed pattern into a distance term in [0, 1].

import { describe } from '../run/stats.js';
import type { Estimate } from './types.js';

export function estimate(values: readonly number[]): Estimate {
  const s = describe(values);
  return { mean: s.mean, ciLow: s.ciLow, ciHigh: s.ciHigh, runs: values.filter((v) => !Number.isNaN(v)).length };
}

/** Smallest scale of a shortfall, so a threshold of 0 still gives a graded distance. */
export const MIN_SHORTFALL_SCALE = 0.05;

/** min(1, max(0, threshold − value) / max(|threshold|, 0.05)); 1 when the value is undefined. */
export function shortfall(value: number | null, threshold: number): number {
  if (value === null || Number.isNaN(value)) return 1;
  return Math.min(1, Math.max(0, threshold - value) / Math.max(Math.abs(threshold), MIN_SHORTFALL_SCALE));
}

export function meanOf(values: readonly number[]): number {
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** null for NaN (JSON cannot carry NaN). */
export function finiteOrNull(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}
