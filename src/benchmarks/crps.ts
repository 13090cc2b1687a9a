// The continuous ranked probability score of an ensemble (the Monte Carlo replicates) against one
// observation y, with the empirical-ensemble formula
//
//   CRPS = E|X − y| − ½ E|X − X'| = (1/n) Σ|x_i − y| − (1/(2n²)) Σ_i Σ_j |x_i − x_j|,
//
// in the units of the observation; 0 for an ensemble that is all y, and |x − y| for one member, so
// a single replicate (calibration) still gets a finite score. The double sum is computed from the
// sorted members as 2 Σ_i (2i − n + 1) x_(i) (0-based i), O(n log n). No maintained npm package
// offers this (the scoring-rule libraries are Python), hence these few lines, tested on cases
// worked by hand. Coverage: whether y lies in the ensemble's p05–p95 band (R type 7 quantiles,
// as summaries use).

import { quantileSorted } from '../run/stats.js';

/** Members that are not NaN, ascending. */
function sortedMembers(ensemble: ArrayLike<number>): Float64Array {
  return Float64Array.from(Array.from(ensemble).filter((x) => !Number.isNaN(x))).sort();
}

/** CRPS of the ensemble against y; NaN when no member is defined. */
export function crpsEnsemble(ensemble: ArrayLike<number>, y: number): number {
  const x = sortedMembers(ensemble);
  const n = x.length;
  if (n === 0) return NaN;
  let spread = 0;
  let miss = 0;
  for (let i = 0; i < n; i++) {
    miss += Math.abs(x[i] - y);
    spread += (2 * i - n + 1) * x[i];
  }
  return miss / n - spread / (n * n);
}

/** The ensemble's 5 % and 95 % quantiles; null when no member is defined. */
export function band90(ensemble: ArrayLike<number>): { p05: number; p95: number } | null {
  const x = sortedMembers(ensemble);
  return x.length === 0 ? null : { p05: quantileSorted(x, 0.05), p95: quantileSorted(x, 0.95) };
}

/** True when y lies in the ensemble's p05–p95 band (both ends included); null without members. */
export function covered(ensemble: ArrayLike<number>, y: number): boolean | null {
  const band = band90(ensemble);
  return band === null ? null : y >= band.p05 && y <= band.p95;
}
