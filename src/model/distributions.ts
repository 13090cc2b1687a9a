// Random variates the kernel needs, drawn from a seeded uniform stream: Poisson counts for daily
// arrivals and log-normal budgets. Small and exact rather than a dependency, because they must
// consume the stream in a fixed, documented way for reproducibility.

import type { Rng } from './rng.js';

/** Standard normal by Box–Muller (uses two uniforms, returns one variate). */
export function normal(rng: Rng): number {
  const u = 1 - rng(); // (0, 1]
  const v = rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Poisson(lambda). Inversion by sequential search for lambda < 30 (exact, ~lambda uniforms'
 * worth of work but one uniform); for larger lambda, split into chunks of at most 30 and sum
 * (a sum of independent Poissons is Poisson), which stays exact. */
export function poisson(rng: Rng, lambda: number): number {
  if (!(lambda > 0)) return 0;
  let total = 0;
  let rest = lambda;
  while (rest > 0) {
    const l = Math.min(rest, 30);
    rest -= l;
    let p = Math.exp(-l);
    let cdf = p;
    let k = 0;
    const u = rng();
    while (u > cdf && k < 1000) {
      k++;
      p *= l / k;
      cdf += p;
    }
    total += k;
  }
  return total;
}

/** Log-normal with the given mean and standard deviation (of the variate itself, not its log). */
export function logNormal(rng: Rng, mean: number, sd: number): number {
  if (sd <= 0) return mean;
  const sigma2 = Math.log(1 + (sd * sd) / (mean * mean));
  const mu = Math.log(mean) - sigma2 / 2;
  return Math.exp(mu + Math.sqrt(sigma2) * normal(rng));
}

/** Index of the first cumulative probability above a uniform draw. */
export function pickFromCdf(rng: Rng, cdf: Float64Array): number {
  const u = rng();
  for (let i = 0; i < cdf.length - 1; i++) if (u < cdf[i]) return i;
  return cdf.length - 1;
}
