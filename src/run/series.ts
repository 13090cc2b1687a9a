// series.csv: the daily series of every replicate (or their weekly or monthly reductions,
// seriesResolution.ts) reduced to mean and 5/50/95 % quantiles across replicates, in tidy long
// format (one row per metric, entity and date) so that R, pandas or a spreadsheet pivot can read
// it without reshaping. Also the result-shape check that summary.ts shares.
//
// The file has (|BORDER_METRICS| × borders + |COUNTRY_METRICS| × countries + |TOTAL_METRICS|) × days
// rows (2.9 million for the 12-year western-balkans scenario), so rows are written as bytes into one
// buffer, and the per-day gather reuses one scratch array. Quantiles are exact up to a bound on the
// values kept and P² estimates beyond (SeriesAccumulator, docs/outputs.md).

import type { CompiledScenario } from '../model/compiled.js';
import { BORDER_METRICS, COUNTRY_METRICS, TOTAL_METRICS, type ReplicateResult } from '../model/result.js';
import { P2_P05, P2_P50, P2_P95 } from './p2Quantiles.js';
import { SeriesSketch } from './seriesSketch.js';
import type { PooledResult } from './runRecord.js';
import { periodDates, periodStarts, reduceResult, type SeriesResolution } from './seriesResolution.js';
import { meanAndQuantiles, roundSignificant } from './stats.js';

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
/** Cells per step of addSteps: seeding the sketches costs ~170 ns a cell and a later run's update
 * ~20 ns (western-balkans, 2-core VM), so a step takes about 5 ms either way. */
const SEED_STEP_CELLS = 2 ** 15;
const ADD_STEP_CELLS = 2 ** 18;

/** Runs always kept exact, whatever the scenario's size. */
export const EXACT_SERIES_MIN_RUNS = 10;

export interface SeriesOptions {
  /** Keep every run's values up to this many runs (exact quantiles); beyond, P² estimates.
   * Default: max(10, ⌊2^25 / values per run⌋). */
  exactRuns?: number;
  /** One row per day (default), calendar week or calendar month (seriesResolution.ts). */
  resolution?: SeriesResolution;
}

/** Values per run at a resolution: (metrics × entities) × periods over borders, countries and totals. */
export function seriesCells(compiled: CompiledScenario, resolution: SeriesResolution = 'day'): number {
  const periods = periodStarts(compiled.startDate, compiled.days, resolution).length - 1;
  const { borderIds, countryIds } = compiled.network;
  return (BORDER_METRICS.length * borderIds.length + COUNTRY_METRICS.length * countryIds.length + TOTAL_METRICS.length) * periods;
}

/** The default exact-quantile bound of a scenario (see SeriesOptions). */
export function defaultExactRuns(compiled: CompiledScenario, resolution: SeriesResolution = 'day'): number {
  return Math.max(EXACT_SERIES_MIN_RUNS, Math.floor(EXACT_SERIES_VALUES / seriesCells(compiled, resolution)));
}

/**
 * series.csv built as replicates arrive, in replicate order. Each replicate's daily arrays are
 * first reduced to the resolution's periods (nothing to do for days). Up to `exactRuns` runs it
 * keeps each run's arrays and reports exact quantiles, exactly as a batch computation would; when
 * run `exactRuns + 1` arrives it turns every cell into a P² sketch (seriesSketch.ts) seeded from
 * the values kept, drops the arrays, and from then on memory stays fixed (about 130 bytes per
 * cell) however many runs follow. Means are exact throughout (sums in run order).
 */
export class SeriesAccumulator {
  readonly exactRuns: number;
  readonly resolution: SeriesResolution;
  /** First day of each period, then the number of days (seriesResolution.ts). */
  readonly starts: Int32Array;
  /** Values per run at this resolution. */
  private readonly cells: number;
  private kept: Float64Array[][] = [];
  private sketch: SeriesSketch | undefined;
  private count = 0;

  constructor(
    readonly compiled: CompiledScenario,
    options: SeriesOptions = {},
  ) {
    this.resolution = options.resolution ?? 'day';
    this.starts = periodStarts(compiled.startDate, compiled.days, this.resolution);
    this.cells = seriesCells(compiled, this.resolution);
    this.exactRuns = options.exactRuns ?? defaultExactRuns(compiled, this.resolution);
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

  /** Add a run: its period arrays as a worker reduced them (at this resolution), else reduced here.
   * Returns true if the accumulator now holds the result's own daily arrays (the exact window at
   * day resolution), which must then not be overwritten (dailyArrayPool.ts). */
  add(result: PooledResult): boolean {
    const steps = this.addSteps(result);
    for (;;) {
      const step = steps.next();
      if (step.done === true) return step.value;
    }
  }

  /** add() in steps of a few milliseconds, yielding between them, so that a caller on the main
   * thread can let the worker pool hand out queued tasks meanwhile (monteCarlo.ts): the switch to
   * sketches takes ~500 ms and a run's sketch updates ~50 ms on western-balkans, long enough for
   * both workers to finish a replicate and wait for their next task. Same order of work, same bits. */
  *addSteps(result: PooledResult): Generator<void, boolean, void> {
    checkResultShapes(this.compiled, [result]);
    this.count++;
    const given = result.periods;
    const arrays =
      given?.resolution === this.resolution && given.arrays.reduce((n, a) => n + a.length, 0) === this.cells
        ? given.arrays
        : reduceResult(this.compiled, result, this.resolution);
    if (this.sketch === undefined && this.kept.length < this.exactRuns) {
      this.kept.push(arrays);
      return arrays[0] === result.borderDaily;
    }
    if (this.sketch === undefined) {
      const sketch = new SeriesSketch(this.kept, this.cells, true);
      yield* sketch.seedSteps(SEED_STEP_CELLS);
      this.sketch = sketch;
      this.kept = [];
    }
    yield* this.sketch.addSteps(arrays, ADD_STEP_CELLS);
    return false;
  }

  /** series.csv as one string (header, one row per metric × entity × period, trailing newline). */
  toCsv(): string {
    return new TextDecoder().decode(this.toCsvBytes());
  }

  /** series.csv as UTF-8 bytes, ready to write. Why bytes: the file has millions of lines (111 MB
   * for 10 runs of the daily 12-year western-balkans), and making each line a string, joining them
   * and encoding the result took 1.8–3.3 s of CPU on a 2-core VM; copying the bytes of per-row
   * prefixes, per-period dates and the last cell's formatted numbers takes 1.6–2.3 s, and writing
   * them needs no encoding (bench/DECLARATION.md). */
  toCsvBytes(): Uint8Array {
    if (this.count === 0) throw new Error('series: no replicate results');
    const { compiled, sketch, kept } = this;
    const encoder = new TextEncoder();
    const dates = periodDates(compiled.startDate, this.starts);
    const periods = dates.length;
    // Every date is ten ASCII characters (YYYY-MM-DD), each stored followed by its comma.
    const dateBytes = encoder.encode(dates.map((d) => `${d},`).join(''));
    const dateWidth = periods > 0 ? dateBytes.length / periods : 0;
    const header = encoder.encode(`${SERIES_HEADER}\n`);
    const sections: [readonly string[], readonly string[]][] = [
      [BORDER_METRICS, compiled.network.borderIds],
      [COUNTRY_METRICS, compiled.network.countryIds],
      [TOTAL_METRICS, ['total']],
    ];
    // Row prefixes (metric and entity) per section, in row order.
    const prefixes = sections.map(([metrics, entityIds]) => metrics.flatMap((m) => entityIds.map((e) => encoder.encode(`${m},${csvField(e)},`))));
    // Sized for rows of "0,0,0,0": larger numbers grow it (by doubling) a few times at most.
    const estimate = prefixes.flat().reduce((sum, p) => sum + periods * (p.length + dateWidth + 8), header.length);
    // The buffer, its length and the loop state are locals of this one function, not variables
    // shared with a closure, so that the byte copies below stay in registers.
    let out = new Uint8Array(estimate);
    out.set(header, 0);
    let length = header.length;
    const values = new Float64Array(kept.length);
    const scratch = new Float64Array(kept.length);
    const stats = new Float64Array(4);
    let cell = 0;
    // The last cell's numbers (`shown` false before the first cell) and their text with the
    // newline (numbers are ASCII), reused while they repeat.
    let shown = false;
    let lastDefined = false;
    let [lastMean, lastP05, lastP50, lastP95] = [0, 0, 0, 0];
    let text = new Uint8Array(256);
    let textLength = 0;
    for (let section = 0; section < sections.length; section++) {
      const rows = prefixes[section];
      const columns = kept.map((arrays) => arrays[section]);
      for (let r = 0; r < rows.length; r++) {
        const prefix = rows[r];
        const base = r * periods;
        for (let d = 0; d < periods; d++, cell++) {
          let defined = false;
          if (sketch === undefined) {
            for (let i = 0; i < columns.length; i++) values[i] = columns[i][base + d];
            defined = meanAndQuantiles(values, scratch, stats) > 0;
          } else if (sketch.count(cell) > 0) {
            defined = true;
            stats[0] = sketch.sums[cell] / sketch.count(cell);
            stats[1] = sketch.quantile(cell, P2_P05);
            stats[2] = sketch.quantile(cell, P2_P50);
            stats[3] = sketch.quantile(cell, P2_P95);
          }
          if (!defined) stats.fill(0);
          const mean = stats[0];
          const p05 = stats[1];
          const p50 = stats[2];
          const p95 = stats[3];
          // Most cells repeat their neighbour's four numbers (zeros before and after events,
          // quiet borders): their formatted text is reused instead of made again.
          if (!shown || defined !== lastDefined || mean !== lastMean || p05 !== lastP05 || p50 !== lastP50 || p95 !== lastP95) {
            shown = true;
            lastDefined = defined;
            [lastMean, lastP05, lastP50, lastP95] = [mean, p05, p50, p95];
            const made = defined ? `${formatNumber(mean)},${formatNumber(p05)},${formatNumber(p50)},${formatNumber(p95)}\n` : ',,,\n';
            if (made.length > text.length) text = new Uint8Array(made.length * 2);
            for (let i = 0; i < made.length; i++) text[i] = made.charCodeAt(i);
            textLength = made.length;
          }
          const lineLength = prefix.length + dateWidth + textLength;
          if (length + lineLength > out.length) {
            const bigger = new Uint8Array(Math.max(out.length * 2, length + lineLength));
            bigger.set(out.subarray(0, length));
            out = bigger;
          }
          for (let i = 0; i < prefix.length; i++) out[length++] = prefix[i];
          for (let i = d * dateWidth, end = i + dateWidth; i < end; i++) out[length++] = dateBytes[i];
          for (let i = 0; i < textLength; i++) out[length++] = text[i];
        }
      }
    }
    return out.subarray(0, length);
  }
}

/** series.csv as one string (header, one row per metric × entity × day, trailing newline). */
export function buildSeriesCsv(compiled: CompiledScenario, results: readonly ReplicateResult[], options: SeriesOptions = {}): string {
  checkResultShapes(compiled, results);
  const acc = new SeriesAccumulator(compiled, options);
  for (const r of results) acc.add(r);
  return acc.toCsv();
}
