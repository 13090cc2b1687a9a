// A 95% interval for the adaptation lag of a comparison (adaptationLag.ts), by bootstrap over runs.
//
// Why a bootstrap: the lag is a first-passage day of a ratio of sums over runs, not a mean, so it
// has no t interval; and a single run's own lag is far noisier than the pooled one (a 7-day window
// of one run holds a handful of crossings), so the spread of per-run lags would overstate the
// uncertainty of the pooled estimate. Resampling whole pairs of runs (baseline and variant of the
// same replicate together, which keeps the common random numbers) and recomputing the pooled lag
// describes how much it would move if the batch were repeated.
//
// Determinism: the resampling draws from its own alea stream seeded from the master seed
// (`routeshift:<seed>:adaptation-lag-bootstrap`), and runs are kept in replicate order, so the
// interval is the same for any thread count. Memory: each run's daily crossings of the exit borders
// only, as Float32 (counts of people, exact below 2^24): 70 KB per pair of runs for the 12-year
// western-balkans scenario (4 exits × 4,383 days × 2 arms × 4 bytes).

import seedrandom from 'seedrandom';
import type { CompiledScenario } from '../model/compiled.js';
import { BORDER_METRICS, type ReplicateResult } from '../model/result.js';
import { adaptationLag, type AdaptationLagInput } from './adaptationLag.js';
import { quantileSorted } from './stats.js';

/** Bootstrap samples behind the interval. */
export const LAG_BOOTSTRAP_SAMPLES = 200;

export interface LagInterval {
  /** 2.5% and 97.5% percentiles of the resampled lags, in days; ciHigh is null when more than 2.5%
   * of the resamples never reach half of their final shift within the period. */
  ciLow: number | null;
  ciHigh: number | null;
  samples: number;
  /** Resamples in which half of the final shift was never reached (or there was no shift). */
  notReached: number;
}

/** Each run's daily crossings of the exit borders, per arm, in replicate order. */
export class ExitCrossings {
  private readonly exits: number[];
  private readonly days: number;
  private readonly borders: number;
  readonly runs: [Float32Array[], Float32Array[]] = [[], []];

  constructor(compiled: CompiledScenario) {
    const { borderIds, borderIsExit } = compiled.network;
    this.exits = borderIds.flatMap((_, b) => (borderIsExit[b] === 1 ? [b] : []));
    this.days = compiled.days;
    this.borders = borderIds.length;
  }

  add(arm: 0 | 1, result: ReplicateResult): void {
    const { days, borders } = this;
    const offset = BORDER_METRICS.indexOf('crossings') * borders * days;
    const kept = new Float32Array(this.exits.length * days);
    this.exits.forEach((b, e) => kept.set(result.borderDaily.subarray(offset + b * days, offset + (b + 1) * days), e * days));
    this.runs[arm].push(kept);
  }

  /** Sums over runs, weighted by how often each was drawn, into full borders × days arrays. */
  weightedSums(weights: Uint32Array, into: [Float64Array, Float64Array]): void {
    const { days } = this;
    for (let arm = 0; arm < 2; arm++) {
      const out = into[arm];
      out.fill(0);
      this.runs[arm].forEach((kept, r) => {
        const w = weights[r];
        if (w === 0) return;
        this.exits.forEach((b, e) => {
          for (let d = 0; d < days; d++) out[b * days + d] += w * kept[e * days + d];
        });
      });
    }
  }
}

/** Percentile interval of the lag over `samples` resamples of the runs' pairs. */
export function adaptationLagInterval(
  crossings: ExitCrossings,
  input: Omit<AdaptationLagInput, 'baseline' | 'variant'>,
  seed: number,
  samples = LAG_BOOTSTRAP_SAMPLES,
): LagInterval {
  const runs = Math.min(crossings.runs[0].length, crossings.runs[1].length);
  const random = seedrandom.alea(`routeshift:${seed}:adaptation-lag-bootstrap`);
  const size = input.borderIsExit.length * input.days;
  const sums: [Float64Array, Float64Array] = [new Float64Array(size), new Float64Array(size)];
  const weights = new Uint32Array(runs);
  const lags = new Float64Array(samples);
  let notReached = 0;
  for (let s = 0; s < samples; s++) {
    weights.fill(0);
    for (let i = 0; i < runs; i++) weights[Math.floor(random() * runs)]++;
    crossings.weightedSums(weights, sums);
    const lag = adaptationLag({ ...input, baseline: sums[0], variant: sums[1] }).lagDays;
    if (lag === null) notReached++;
    lags[s] = lag ?? Infinity;
  }
  lags.sort();
  const at = (p: number) => {
    const q = quantileSorted(lags, p);
    return Number.isFinite(q) ? q : null;
  };
  return { ciLow: at(0.025), ciHigh: at(0.975), samples, notReached };
}
