// Percentile bootstrap 95% intervals for sensitivity indices: resample the design's independent
// units (Morris trajectories, Saltelli rows) with replacement, recompute the statistic, take the
// 2.5% and 97.5% quantiles (R type 7, as everywhere in routeshift). Resamples are drawn from a
// seeded stream, so the intervals are as reproducible as the indices.

import type { Rng } from '../model/rng.js';
import { quantileSorted } from '../run/stats.js';

export interface Interval {
  low: number;
  high: number;
}

/** `statistic` recomputed on `resamples` bootstrap samples of unit indices 0 … units − 1; one
 * interval per value the statistic returns. */
export function bootstrapIntervals(units: number, resamples: number, rng: Rng, statistic: (indices: Uint32Array) => number[]): Interval[] {
  const draws: number[][] = [];
  const indices = new Uint32Array(units);
  for (let b = 0; b < resamples; b++) {
    for (let i = 0; i < units; i++) indices[i] = Math.floor(rng() * units);
    draws.push(statistic(indices));
  }
  const width = draws[0]?.length ?? 0;
  return Array.from({ length: width }, (_, k) => {
    const sorted = Float64Array.from(draws.map((d) => d[k]).filter((v) => !Number.isNaN(v))).sort();
    return sorted.length === 0 ? { low: NaN, high: NaN } : { low: quantileSorted(sorted, 0.025), high: quantileSorted(sorted, 0.975) };
  });
}
