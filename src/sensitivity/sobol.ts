// Sobol' first-order and total-effect indices by Saltelli's scheme (Saltelli et al. 2010, "Variance
// based sensitivity analysis of model output", Comput. Phys. Commun. 181:259): two independent
// n × k sample matrices A and B, and for every factor i the matrix A_B^i (A with column i from B);
// n (k + 2) model runs in all. Estimators (their Table 2):
//   S_i  = (1/n) Σ f(B)_j (f(A_B^i)_j − f(A)_j) / V        (Saltelli 2010)
//   ST_i = (1/2n) Σ (f(A)_j − f(A_B^i)_j)² / V             (Jansen 1999)
// with V the variance of f over A and B together. Bootstrap 95% intervals resample the rows j.
//
// The matrices are plain seeded uniforms (no quasi-random sequence: the npm registry has no
// well-kept Sobol'-sequence package, and Saltelli's estimators are unbiased with random samples,
// at a somewhat slower convergence). Point order: all of A, all of B, then A_B^1 … A_B^k.

import type { Rng } from '../model/rng.js';
import { bootstrapIntervals, type Interval } from './bootstrap.js';

export function saltelliDesign(factors: number, samples: number, rng: Rng): number[][] {
  const a = Array.from({ length: samples }, () => Array.from({ length: factors }, () => rng()));
  const b = Array.from({ length: samples }, () => Array.from({ length: factors }, () => rng()));
  const points = [...a, ...b];
  for (let i = 0; i < factors; i++) for (let j = 0; j < samples; j++) points.push(a[j].map((v, f) => (f === i ? b[j][i] : v)));
  return points;
}

export interface SobolFactor {
  first: number;
  total: number;
  firstCi: Interval;
  totalCi: Interval;
}

/** Indices from outputs `y` in saltelliDesign's point order (length samples × (factors + 2)). */
export function sobolIndices(factors: number, samples: number, y: ArrayLike<number>, rng: Rng, resamples = 1000): SobolFactor[] {
  if (y.length !== samples * (factors + 2)) throw new RangeError(`expected ${samples * (factors + 2)} outputs, got ${y.length}`);
  const fA = (j: number) => y[j];
  const fB = (j: number) => y[samples + j];
  const fAB = (i: number, j: number) => y[(2 + i) * samples + j];
  const estimate = (rows: ArrayLike<number>): number[] => {
    const n = rows.length;
    let sum = 0;
    for (let r = 0; r < n; r++) sum += fA(rows[r]) + fB(rows[r]);
    const mean = sum / (2 * n);
    let squares = 0;
    for (let r = 0; r < n; r++) squares += (fA(rows[r]) - mean) ** 2 + (fB(rows[r]) - mean) ** 2;
    const variance = squares / (2 * n - 1);
    const out: number[] = [];
    for (let i = 0; i < factors; i++) {
      let first = 0;
      let total = 0;
      for (let r = 0; r < n; r++) {
        const j = rows[r];
        first += fB(j) * (fAB(i, j) - fA(j));
        total += (fA(j) - fAB(i, j)) ** 2;
      }
      out.push(variance > 0 ? first / n / variance : NaN, variance > 0 ? total / (2 * n) / variance : NaN);
    }
    return out;
  };
  const all = estimate(Array.from({ length: samples }, (_, j) => j));
  const intervals = bootstrapIntervals(samples, resamples, rng, estimate);
  return Array.from({ length: factors }, (_, i) => ({
    first: all[2 * i],
    total: all[2 * i + 1],
    firstCi: intervals[2 * i],
    totalCi: intervals[2 * i + 1],
  }));
}
