// A replicate reduced to its per-run scalars: every number summary.json summarises (run totals,
// period totals and ratios per border, end-of-period stocks per country) as one flat Float64Array
// in a fixed layout. Aggregation keeps these small records instead of the daily series (about 5 KB
// per run for western-balkans against 1.4 MB of daily arrays), which is what lets summaries,
// `--until-ci`, paired comparisons and sweeps stream over any number of runs.
//
// The layout is derived from the metric lists in src/model/result.ts and the compiled border and
// country order, never from a hard-coded metric set: a metric added to BORDER_METRICS appears here,
// in summary.json, comparison.json and sweep.csv without a change to this file. Metrics in
// LEVEL_METRICS (a price, a number of networks) are averaged over the days they are defined
// (non-zero) instead of summed.

import type { CompiledScenario } from '../model/compiled.js';
import { BORDER_METRICS, COUNTRY_METRICS, LEVEL_METRICS, RUN_SCALARS, seriesIndex, type ReplicateResult } from '../model/result.js';

export type Section = 'totals' | 'borders' | 'countries';

/** A replicate's result as the worker pool returns it: with its summary record and, for
 * series.csv at a weekly or monthly resolution, its period arrays already computed, so that the
 * main thread does not have to (src/workers/replicateWorker.ts). */
export type PooledResult = ReplicateResult & {
  record?: Float64Array;
  periods?: { resolution: string; arrays: Float64Array[] };
};

export interface RecordKey {
  section: Section;
  /** Border or country id; undefined for totals. */
  entity?: string;
  metric: string;
}

export interface RecordLayout {
  keys: readonly RecordKey[];
  /** Index of a key by its path (`totals.arrivals`, `borders.RS-HU.crossings`, `countries.RS.strandedEnd`). */
  index: ReadonlyMap<string, number>;
}

/** Per-border ratios derived from period totals; exitShare only on exit borders. */
export const BORDER_RATIOS = ['attemptsPerCrossing', 'smuggledShare', 'meanPriceEur'] as const;
export const COUNTRY_END_STOCKS = ['strandedEnd', 'presentEnd'] as const;
export const TOTAL_KEYS = RUN_SCALARS.filter((k) => k !== 'agentSteps');

/** `section.entity.metric`, or `totals.metric`. */
export function keyPath(key: RecordKey): string {
  return key.entity === undefined ? `${key.section}.${key.metric}` : `${key.section}.${key.entity}.${key.metric}`;
}

export function recordLayout(compiled: CompiledScenario): RecordLayout {
  const { borderIds, borderIsExit, countryIds } = compiled.network;
  const keys: RecordKey[] = TOTAL_KEYS.map((metric) => ({ section: 'totals', metric }));
  borderIds.forEach((entity, b) => {
    for (const metric of [...BORDER_METRICS, ...BORDER_RATIOS]) keys.push({ section: 'borders', entity, metric });
    if (borderIsExit[b] === 1) keys.push({ section: 'borders', entity, metric: 'exitShare' });
  });
  for (const entity of countryIds) for (const metric of COUNTRY_END_STOCKS) keys.push({ section: 'countries', entity, metric });
  return { keys, index: new Map(keys.map((k, i) => [keyPath(k), i])) };
}

/** A run's value of a border metric over the period: the sum of a count; the mean of a level
 * (such as a price) over the days it is defined (non-zero), NaN if never. */
function borderPeriodTotal(r: ReplicateResult, metric: number, border: number): number {
  const base = seriesIndex(metric, border, r.borders, 0, r.days);
  const sum = sumOf(r.borderDaily, base, r.days);
  if (!LEVEL_METRICS.has(BORDER_METRICS[metric])) return sum;
  const defined = nonZeroCount(r.borderDaily, base, r.days);
  return defined > 0 ? sum / defined : NaN;
}

// The loops are functions of their own: inside borderPeriodTotal, V8 compiled the loop on stack
// replacement and then threw the code away at the compare after it, on nearly every call
// (120 deoptimisations in 8 western-balkans replicates, `node --trace-deopt`).
function sumOf(a: Float64Array, from: number, length: number): number {
  let sum = 0;
  for (let i = from; i < from + length; i++) sum += a[i];
  return sum;
}

function nonZeroCount(a: Float64Array, from: number, length: number): number {
  let n = 0;
  for (let i = from; i < from + length; i++) if (a[i] !== 0) n++;
  return n;
}

/** The per-run record of one replicate, in the order of `recordLayout(compiled).keys`. */
export function runRecord(compiled: CompiledScenario, layout: RecordLayout, r: ReplicateResult): Float64Array {
  const { borderIds, borderIsExit, countryIds } = compiled.network;
  const borders = borderIds.length;
  const out = new Float64Array(layout.keys.length);
  let k = 0;
  for (const key of TOTAL_KEYS) out[k++] = r.scalars[RUN_SCALARS.indexOf(key)];

  const totals = new Float64Array(BORDER_METRICS.length * borders);
  for (let m = 0; m < BORDER_METRICS.length; m++) {
    for (let b = 0; b < borders; b++) totals[m * borders + b] = borderPeriodTotal(r, m, b);
  }
  const at = (metric: string, b: number) => totals[BORDER_METRICS.indexOf(metric as never) * borders + b];
  const ratio = (num: string, den: string, b: number) => (at(den, b) > 0 ? at(num, b) / at(den, b) : NaN);
  let exitCrossings = 0;
  for (let b = 0; b < borders; b++) if (borderIsExit[b] === 1) exitCrossings += at('crossings', b);

  for (let b = 0; b < borders; b++) {
    for (let m = 0; m < BORDER_METRICS.length; m++) out[k++] = totals[m * borders + b];
    out[k++] = ratio('attempts', 'crossings', b);
    out[k++] = ratio('smuggledCrossings', 'crossings', b);
    out[k++] = ratio('revenueEur', 'purchases', b);
    if (borderIsExit[b] === 1) out[k++] = exitCrossings > 0 ? at('crossings', b) / exitCrossings : NaN;
  }

  const lastDay = compiled.days - 1;
  const stocks = COUNTRY_END_STOCKS.map((s) => COUNTRY_METRICS.indexOf(s === 'strandedEnd' ? 'stranded' : 'present'));
  for (let c = 0; c < countryIds.length; c++) {
    for (const m of stocks) out[k++] = r.countryDaily[seriesIndex(m, c, countryIds.length, lastDay, compiled.days)];
  }
  return out;
}
