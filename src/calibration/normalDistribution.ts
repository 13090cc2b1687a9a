// The standard normal CDF and its inverse, from jStat (erf / erfc-inverse to ~1e-9), behind a
// small typed seam: jStat ships no TypeScript declarations, and only these two functions are used
// (truncated-normal priors mapped from the unit interval for Morris and Sobol designs).

import jstatModule from 'jstat';

interface JStatNormal {
  cdf(x: number, mean: number, sd: number): number;
  inv(p: number, mean: number, sd: number): number;
}

const { normal } = (jstatModule as unknown as { jStat: { normal: JStatNormal } }).jStat;

/** P(Z ≤ z) for a standard normal Z. */
export function normalCdf(z: number): number {
  return normal.cdf(z, 0, 1);
}

/** The z with P(Z ≤ z) = p, p ∈ (0, 1). */
export function normalQuantile(p: number): number {
  return normal.inv(p, 0, 1);
}
