// Priors of free parameters: sampling, density, support and the map from the unit interval (for
// the Morris grid and Saltelli's matrices). Calibration perturbs particles in an "internal"
// coordinate: the logarithm for a log-uniform prior (a random walk there moves a rate by factors,
// as its prior does), the value itself otherwise; the prior density is taken in that coordinate.

import type { Rng } from '../model/rng.js';
import { normal } from '../model/distributions.js';
import { normalCdf, normalQuantile } from './normalDistribution.js';

export type Prior =
  | { uniform: { min: number; max: number } }
  | { logUniform: { min: number; max: number } }
  | { normal: { mean: number; sd: number; min?: number; max?: number } };

/** Lower and upper bound of the prior's support (±Infinity for an unbounded normal). */
export function priorBounds(prior: Prior): [number, number] {
  if ('uniform' in prior) return [prior.uniform.min, prior.uniform.max];
  if ('logUniform' in prior) return [prior.logUniform.min, prior.logUniform.max];
  return [prior.normal.min ?? -Infinity, prior.normal.max ?? Infinity];
}

export function toInternal(prior: Prior, value: number): number {
  return 'logUniform' in prior ? Math.log(value) : value;
}

export function fromInternal(prior: Prior, internal: number): number {
  return 'logUniform' in prior ? Math.exp(internal) : internal;
}

/** Whether a value lies in the support (bounds included). */
export function inSupport(prior: Prior, value: number): boolean {
  const [lo, hi] = priorBounds(prior);
  return Number.isFinite(value) && value >= lo && value <= hi;
}

/** Unnormalised prior density of the internal coordinate at `value`; 0 outside the support. */
export function priorDensity(prior: Prior, value: number): number {
  if (!inSupport(prior, value)) return 0;
  if ('normal' in prior) {
    const z = (value - prior.normal.mean) / prior.normal.sd;
    return Math.exp(-0.5 * z * z);
  }
  return 1;
}

/** The value at probability u ∈ [0, 1] of the prior (its quantile function). */
export function priorQuantile(prior: Prior, u: number): number {
  if ('uniform' in prior) return prior.uniform.min + u * (prior.uniform.max - prior.uniform.min);
  if ('logUniform' in prior) {
    const { min, max } = prior.logUniform;
    return Math.exp(Math.log(min) + u * (Math.log(max) - Math.log(min)));
  }
  const { mean, sd } = prior.normal;
  const [lo, hi] = priorBounds(prior);
  const cdf = (x: number) => (x === -Infinity ? 0 : x === Infinity ? 1 : normalCdf((x - mean) / sd));
  const p = cdf(lo) + u * (cdf(hi) - cdf(lo));
  // u = 0 or 1 with an unbounded side would give ±Infinity: keep a finite value.
  const clampedP = Math.min(Math.max(p, 1e-12), 1 - 1e-12);
  return Math.min(Math.max(mean + sd * normalQuantile(clampedP), lo), hi);
}

/** One draw from the prior, using the stream in a fixed way (one uniform, or normals until inside). */
export function samplePrior(prior: Prior, rng: Rng): number {
  if (!('normal' in prior)) return priorQuantile(prior, rng());
  const { mean, sd } = prior.normal;
  // Rejection from the untruncated normal: exact; the schema check requires the truncation to
  // keep a useful mass (paramsFile.ts), so this ends quickly.
  for (;;) {
    const x = mean + sd * normal(rng);
    if (inSupport(prior, x)) return x;
  }
}

/** The lower and upper values to probe a path with (±3 sd for an unbounded normal). */
export function priorProbes(prior: Prior): number[] {
  const [lo, hi] = priorBounds(prior);
  if ('normal' in prior) {
    const { mean, sd } = prior.normal;
    return [Math.max(lo, mean - 3 * sd), Math.min(hi, mean + 3 * sd)];
  }
  return [lo, hi];
}
