// series.csv: the daily series of every replicate reduced to mean and 5/50/95 % quantiles across
// replicates, in tidy long format (one row per metric, entity and date) so that R, pandas or a
// spreadsheet pivot can read it without reshaping. Also the result-shape check that summary.ts
// shares.
//
// The file has (|BORDER_METRICS| × borders + |COUNTRY_METRICS| × countries + |TOTAL_METRICS|) × days
// rows (2.5 million for the 12-year western-balkans scenario), so lines are collected in one array and joined
// once, and the per-day gather reuses one buffer. Quantiles are exact up to a bound on the values
// kept and P² estimates beyond (SeriesAccumulator, docs/outputs.md).

import type { CompiledScenario } from '../model/compiled.js';
import { BORDER_METRICS, COUNTRY_METRICS, TOTAL_METRICS, type ReplicateResult } from '../model/result.js';
import { isoDay } from '../scenarios/dates.js';
import { P2_MARKERS, P2_P05, P2_P50, P2_P95, addP2, createP2Cells, initP2Cell, p2Quantile, type P2Cells } from './p2Quantiles.js';
import { describe, roundSignificant } from './stats.js';

export const SERIES_HEADER = 'metric,entity,date,mean,p05,p50,p95';

/** Throw when a result's dimensions do not match the scenario (it would silently misread the arrays). */
export function checkResultShapes(compiled: CompiledScenario, results: readonly ReplicateResult[]): void {
  const { days } = compiled;
  const borders = compiled.network.borderIds.length;
  const countries = compiled.network.countryIds.length;
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`scenario ${compiled.id} has ${days} days; at least 1 is needed`);
  for (const r of results) {
    const ok =
      r.days === days &&
      r.borders === borders &&
      r.countries === countries &&
      r.borderDaily.length === BORDER_METRICS.length * borders * days &&
      r.countryDaily.length === COUNTRY_METRICS.length * countries * days &&
      r.totalDaily.length === TOTAL_METRICS.length * days;
    if (!ok) {
      throw new Error(
        `replicate ${r.replicate}: result has ${r.days} days, ${r.borders} borders, ${r.countries} countries; ` +
          `scenario ${compiled.id} has ${days}, ${borders}, ${countries}`,
      );
    }
  }
}

/** A CSV number: at most 6 significant digits, '' for a missing value. */
export function formatNumber(value: number | null): string {
  return value === null ? '' : String(roundSignificant(value));
}

function csvField(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Daily values (all runs together) kept for exact quantiles: 2^25 doubles, 256 MiB. */
export const EXACT_SERIES_VALUES = 2 ** 25;
/** Runs always kept exact, whatever the scenario's size. */
export const EXACT_SERIES_MIN_RUNS = 10;

export interface SeriesOptions {
  /** Keep every run's daily values up to this many runs (exact quantiles); beyond, P² estimates.
   * Default: max(10, ⌊2^25 / values per run⌋). */
  exactRuns?: number;
}

/** Daily values per run: (metrics × entities) × days over borders, countries and totals. */
export function seriesCells(compiled: CompiledScenario): number {
  const { days } = compiled;
  const { borderIds, countryIds } = compiled.network;
  return (BORDER_METRICS.length * borderIds.length + COUNTRY_METRICS.length * countryIds.length + TOTAL_METRICS.length) * days;
}

/** The default exact-quantile bound of a scenario (see SeriesOptions). */
export function defaultExactRuns(compiled: CompiledScenario): number {
  return Math.max(EXACT_SERIES_MIN_RUNS, Math.floor(EXACT_SERIES_VALUES / seriesCells(compiled)));
}

/**
 * series.csv built as replicates arrive, in replicate order. Up to `exactRuns` runs it keeps each
 * run's daily arrays and reports exact quantiles, exactly as a batch computation would; when run
 * `exactRuns + 1` arrives it turns every cell into a P² sketch (p2Quantiles.ts) seeded from the
 * values kept, drops the arrays, and from then on memory stays fixed (about 120 bytes per cell)
 * however many runs follow. Means are exact throughout (sums in run order).
 */
export class SeriesAccumulator {
  readonly exactRuns: number;
  private kept: ReplicateResult[] = [];
  private sketch: { p2: P2Cells; sums: Float64Array } | undefined;
  private count = 0;

  constructor(
    readonly compiled: CompiledScenario,
    options: SeriesOptions = {},
  ) {
    this.exactRuns = options.exactRuns ?? defaultExactRuns(compiled);
    if (!Number.isInteger(this.exactRuns) || this.exactRuns < 1) {
      throw new RangeError(`exactRuns must be a positive integer, got ${this.exactRuns}`);
    }
  }

  get runs(): number {
    return this.count;
  }

  /** True once quantiles are P² estimates rather than exact. */
  get estimated(): boolean {
    return this.sketch !== undefined;
  }

  add(result: ReplicateResult): void {
    checkResultShapes(this.compiled, [result]);
    this.count++;
    if (this.sketch === undefined && this.kept.length < this.exactRuns) {
      this.kept.push(result);
      return;
    }
    if (this.sketch === undefined) this.startSketch();
    const { p2, sums } = this.sketch as NonNullable<typeof this.sketch>;
    const { heights, counts } = p2;
    let cell = 0;
    for (const array of [result.borderDaily, result.countryDaily, result.totalDaily]) {
      for (let i = 0; i < array.length; i++, cell++) {
        const v = array[i];
        if (Number.isNaN(v)) continue;
        sums[cell] += v;
        // addP2's fast path for a cell constant so far, inlined: 85% of the 2.9 million cells of
        // western-balkans 2015–2026 after 11 runs, and the call dominated the add.
        const o = cell * P2_MARKERS;
        if (counts[cell] >= P2_MARKERS && v === heights[o] && v === heights[o + P2_MARKERS - 1]) counts[cell]++;
        else addP2(p2, cell, v);
      }
    }
  }

  private startSketch(): void {
    const cells = seriesCells(this.compiled);
    const p2 = createP2Cells(cells);
    const sums = new Float64Array(cells);
    const runs = this.kept.length;
    const values = new Float64Array(runs);
    let cell = 0;
    for (const pick of PICKS) {
      const arrays = this.kept.map(pick);
      const length = arrays[0].length;
      for (let i = 0; i < length; i++, cell++) {
        let n = 0;
        let min = Infinity;
        let max = -Infinity;
        for (let r = 0; r < runs; r++) {
          const v = arrays[r][i];
          if (Number.isNaN(v)) continue;
          values[n++] = v;
          sums[cell] += v;
          if (v < min) min = v;
          if (v > max) max = v;
        }
        // Most cells of a long scenario are constant so far (a quiet border, zero before an event):
        // those need no sort. Sorting only the defined values, in place, allocates nothing.
        const defined = n === runs ? values : values.subarray(0, n);
        if (min !== max) defined.sort();
        initP2Cell(p2, cell, defined);
      }
    }
    this.sketch = { p2, sums };
    this.kept = [];
  }

  /** series.csv as one string (header, one row per metric × entity × day, trailing newline). */
  toCsv(): string {
    if (this.count === 0) throw new Error('series: no replicate results');
    const { compiled } = this;
    const { days } = compiled;
    const dates = Array.from({ length: days }, (_, d) => isoDay(compiled.startDate, d));
    const lines: string[] = [SERIES_HEADER];
    const values = new Float64Array(this.kept.length);
    const sketch = this.sketch;
    const kept = this.kept;
    let cell = 0;
    const emit = (metrics: readonly string[], entityIds: readonly string[], pick: Pick): void => {
      for (let m = 0; m < metrics.length; m++) {
        for (let e = 0; e < entityIds.length; e++) {
          const prefix = `${metrics[m]},${csvField(entityIds[e])},`;
          const base = (m * entityIds.length + e) * days;
          for (let d = 0; d < days; d++, cell++) {
            let mean: number | null, p05: number | null, p50: number | null, p95: number | null;
            if (sketch === undefined) {
              for (let i = 0; i < kept.length; i++) values[i] = pick(kept[i])[base + d];
              ({ mean, p05, p50, p95 } = describe(values));
            } else {
              const n = sketch.p2.counts[cell];
              const q = (marker: number) => (n > 0 ? p2Quantile(sketch.p2, cell, marker) : null);
              mean = n > 0 ? sketch.sums[cell] / n : null;
              [p05, p50, p95] = [q(P2_P05), q(P2_P50), q(P2_P95)];
            }
            lines.push(`${prefix}${dates[d]},${formatNumber(mean)},${formatNumber(p05)},${formatNumber(p50)},${formatNumber(p95)}`);
          }
        }
      }
    };
    emit(BORDER_METRICS, compiled.network.borderIds, PICKS[0]);
    emit(COUNTRY_METRICS, compiled.network.countryIds, PICKS[1]);
    emit(TOTAL_METRICS, ['total'], PICKS[2]);
    lines.push('');
    return lines.join('\n');
  }
}

type Pick = (r: ReplicateResult) => Float64Array;
const PICKS: readonly Pick[] = [(r) => r.borderDaily, (r) => r.countryDaily, (r) => r.totalDaily];

/** series.csv as one string (header, one row per metric × entity × day, trailing newline). */
export function buildSeriesCsv(compiled: CompiledScenario, results: readonly ReplicateResult[], options: SeriesOptions = {}): string {
  checkResultShapes(compiled, results);
  const acc = new SeriesAccumulator(compiled, options);
  for (const r of results) acc.add(r);
  return acc.toCsv();
}
