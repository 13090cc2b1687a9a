// Descriptive statistics across Monte Carlo replicates: mean with its 95% confidence interval,
// sample sd and the 5/50/95 % quantiles that summary.json and series.csv report for every metric.
//
// Why hand-written rather than a statistics library: the outputs must be byte-identical for the
// same inputs, so the summation order (index order, two-pass sd) and the quantile definition
// (R type 7, numpy's default: linear interpolation between order statistics) are part of the
// contract and are pinned here in ~40 lines rather than left to a library's implementation.
//
// NaN marks "undefined for this replicate" (a share with a zero denominator, a mean over nobody)
// and is skipped; an input with no defined value gives nulls, which JSON can carry and NaN cannot.

import { tCritical95 } from './studentT.js';

export interface Stats {
  mean: number | null;
  /** 95% confidence interval of the mean: mean ± t(0.975, n − 1) · sd / √n; null below 2 values. */
  ciLow: number | null;
  ciHigh: number | null;
  /** Sample standard deviation (divisor n − 1); 0 for a single value. */
  sd: number | null;
  p05: number | null;
  p50: number | null;
  p95: number | null;
}

const EMPTY: Readonly<Stats> = { mean: null, ciLow: null, ciHigh: null, sd: null, p05: null, p50: null, p95: null };

/** Quantile p ∈ [0, 1] of ascending `sorted` (non-empty), R type 7. */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  return quantileOfFirst(sorted, sorted.length, p);
}

/** quantileSorted of the first n (≥ 1) entries of `sorted`. */
function quantileOfFirst(sorted: ArrayLike<number>, n: number, p: number): number {
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  const frac = h - lo;
  return frac === 0 ? sorted[lo] : sorted[lo] + frac * (sorted[hi] - sorted[lo]);
}

/** Ascending insertion sort of values[0 … n − 1], −0 before +0 like a typed array's sort(): for the
 * 10–20 values of a cell it is several times faster than a sort() call per cell. */
export function sortSmall(values: Float64Array, n: number): void {
  for (let i = 1; i < n; i++) {
    const x = values[i];
    let j = i;
    for (; j > 0; j--) {
      const prev = values[j - 1];
      if (!(prev > x || (prev === 0 && x === 0 && 1 / prev > 1 / x))) break;
      values[j] = prev;
    }
    values[j] = x;
  }
}

/** Largest count sortSmall is used for; beyond, a typed array's sort() is faster. */
const SMALL_SORT = 32;

/** describe()'s mean and 5/50/95 % quantiles only, for the millions of cells of series.csv: the
 * same numbers (the sum in index order, the same order statistics) without describe's allocation,
 * sd pass and sort() call per cell, which took ~1 s of the 2.3 s that `run` spent writing 10 runs of
 * the 12-year western-balkans. `scratch` holds at least values.length doubles; out receives
 * [mean, p05, p50, p95]. Returns the number of non-NaN values (0: out is untouched). */
export function meanAndQuantiles(values: ArrayLike<number>, scratch: Float64Array, out: Float64Array): number {
  let n = 0;
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isNaN(v)) continue;
    scratch[n++] = v;
    sum += v;
  }
  if (n === 0) return 0;
  if (n <= SMALL_SORT) sortSmall(scratch, n);
  else scratch.subarray(0, n).sort();
  out[0] = sum / n;
  out[1] = quantileOfFirst(scratch, n, 0.05);
  out[2] = quantileOfFirst(scratch, n, 0.5);
  out[3] = quantileOfFirst(scratch, n, 0.95);
  return n;
}

/** Half-width of the t-based 95% confidence interval of a mean of n values with sample sd `sd`;
 * NaN when n < 2 (no interval without a spread estimate). */
export function ciHalfWidth(sd: number, n: number): number {
  return n >= 2 ? (tCritical95(n - 1) * sd) / Math.sqrt(n) : NaN;
}

/** Mean with its 95% interval, sample sd and 5/50/95 % quantiles of the non-NaN values. */
export function describe(values: ArrayLike<number>): Stats {
  const kept = new Float64Array(values.length);
  let n = 0;
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isNaN(v)) continue;
    kept[n++] = v;
    sum += v;
  }
  if (n === 0) return { ...EMPTY };
  const mean = sum / n;
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (kept[i] - mean) * (kept[i] - mean);
  const sd = n > 1 ? Math.sqrt(squares / (n - 1)) : 0;
  // Typed-array sort is numeric and ascending without a comparator.
  const sorted = kept.subarray(0, n).sort();
  const half = ciHalfWidth(sd, n);
  return {
    mean,
    ciLow: n >= 2 ? mean - half : null,
    ciHigh: n >= 2 ? mean + half : null,
    sd,
    p05: quantileSorted(sorted, 0.05),
    p50: quantileSorted(sorted, 0.5),
    p95: quantileSorted(sorted, 0.95),
  };
}

/** Powers of ten that are exact doubles (10^0 … 10^22), for roundSignificant's fast path. */
const EXACT_POWERS = Array.from({ length: 23 }, (_, k) => 10 ** k);

/** Round to at most `digits` significant digits (default 6) so JSON and CSV stay readable: the
 * double nearest to the decimal that `value.toPrecision(digits)` writes, −0 as 0. */
export function roundSignificant(value: number, digits = 6): number {
  if (value === 0) return 0;
  // Integers below 10^digits are already short; skipping toPrecision (~0.8 µs) halves the time of
  // a 100,000-row series.csv, where most quantiles of counts are whole numbers.
  if (Number.isInteger(value) && Math.abs(value) < 10 ** digits) return value;
  if (!Number.isFinite(value)) return value;
  const fast = roundSignificantFast(value, digits);
  const rounded = Number.isNaN(fast) ? Number(value.toPrecision(digits)) : fast;
  // Normalise −0 so a tiny negative rounding residue never prints as "-0".
  return rounded === 0 ? 0 : rounded;
}

/**
 * toPrecision without the string, where that is provably the same double; NaN where it is not sure.
 * |value| = m · 10^−k with m the `digits`-digit integer: value · 10^k is computed with one rounding
 * (relative error 2^−53), so unless its fraction lies within 10^−6 of one half Math.round finds the
 * m that decimal rounding finds; m / 10^k (or m · 10^−k) with an exact power of ten is then
 * correctly rounded, i.e. the double Number() reads from the toPrecision string. Why: series.csv
 * of the 12-year western-balkans has 2.9 million rows of four P² estimates each; this path takes
 * 47–51 ns per value against 156–179 ns with toPrecision (bench/DECLARATION.md, "bench/aggregation.mjs").
 * test/run/roundSignificant.test.ts compares both on millions of values.
 */
function roundSignificantFast(value: number, digits: number): number {
  const magnitude = Math.abs(value);
  if (!(magnitude >= 1e-15 && magnitude < 1e15)) return NaN;
  let exponent = Math.floor(Math.log10(magnitude));
  // log10 may be off by one next to a power of ten: settle 10^exponent <= magnitude < 10^(exponent+1).
  if (pow10(exponent) > magnitude) exponent--;
  else if (pow10(exponent + 1) <= magnitude) exponent++;
  const k = digits - 1 - exponent;
  if (k > 22 || k < -22) return NaN;
  const scaled = k >= 0 ? magnitude * EXACT_POWERS[k] : magnitude / EXACT_POWERS[-k];
  const floor = Math.floor(scaled);
  const fraction = scaled - floor;
  if (Math.abs(fraction - 0.5) < 1e-6) return NaN;
  const m = fraction > 0.5 ? floor + 1 : floor;
  // A misjudged exponent would give a digit too many or too few: leave those to toPrecision.
  if (m < EXACT_POWERS[digits - 1] || m > EXACT_POWERS[digits]) return NaN;
  const rounded = k >= 0 ? m / EXACT_POWERS[k] : m * EXACT_POWERS[-k];
  return value < 0 ? -rounded : rounded;
}

function pow10(exponent: number): number {
  return exponent >= 0 ? EXACT_POWERS[exponent] : 1 / EXACT_POWERS[-exponent];
}

/** `stats` with every number rounded by roundSignificant. */
export function roundStats(stats: Stats, digits = 6): Stats {
  const r = (v: number | null): number | null => (v === null ? null : roundSignificant(v, digits));
  return {
    mean: r(stats.mean),
    ciLow: r(stats.ciLow),
    ciHigh: r(stats.ciHigh),
    sd: r(stats.sd),
    p05: r(stats.p05),
    p50: r(stats.p50),
    p95: r(stats.p95),
  };
}
