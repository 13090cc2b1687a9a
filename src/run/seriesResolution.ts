// The time resolution of series.csv (`--series-resolution day|week|month`): how each replicate's
// daily values are reduced to one value per period before they are summarised across replicates.
//
// Why per replicate and not afterwards: the quantiles of weekly totals are not the sums of daily
// quantiles (the median of a sum is not the sum of medians), so a week's p05–p95 must describe the
// replicates' own weekly values. Reducing first also makes the aggregation 7 or 30 times smaller.
//
// Periods are calendar weeks (ISO 8601, Monday to Sunday) and calendar months; the first and the
// last period of a run may be partial (a run starting on a Wednesday has a first week of 5 days).
// How each metric is reduced is fixed per metric (METRIC_KINDS, docs/outputs.md):
//   flow   events per day: the sum over the period's days;
//   stock  people at the end of a day: the mean over the period's days (an average day);
//   level  a price, a chance, a number of networks (0 = none that day): the mean over the period's
//          days with a non-zero value, 0 when there are none (as a day without a quote is 0).
// NaN (undefined) days are skipped; a period with no defined day is NaN.

import type { CompiledScenario } from '../model/compiled.js';
import { BORDER_METRICS, COUNTRY_METRICS, TOTAL_METRICS, type BorderMetric, type CountryMetric, type ReplicateResult, type TotalMetric } from '../model/result.js';
import { isoDay } from '../scenarios/dates.js';

export const SERIES_RESOLUTIONS = ['day', 'week', 'month'] as const;
export type SeriesResolution = (typeof SERIES_RESOLUTIONS)[number];
export type MetricKind = 'flow' | 'stock' | 'level';

/** Every series metric's kind; typed over the metric lists of result.ts, so a metric added there
 * without a kind here is a type error rather than a silently summed stock. */
export const METRIC_KINDS: Readonly<Record<BorderMetric | CountryMetric | TotalMetric, MetricKind>> = {
  attempts: 'flow',
  crossings: 'flow',
  detections: 'flow',
  detectionsRecorded: 'flow',
  pushbacks: 'flow',
  injuries: 'flow',
  deaths: 'flow',
  smuggledCrossings: 'flow',
  purchases: 'flow',
  revenueEur: 'flow',
  extortionEvents: 'flow',
  priceEur: 'level',
  perceivedChance: 'level',
  trueChance: 'level',
  present: 'stock',
  inCamp: 'stock',
  sleepingRough: 'stock',
  stranded: 'stock',
  networksBased: 'level',
  gaveUp: 'flow',
  entered: 'flow',
  arrivals: 'flow',
  moving: 'stock',
  waiting: 'stock',
  detained: 'stock',
  smugglerRevenueEur: 'flow',
  smugglerViolenceInjuries: 'flow',
  arrests: 'flow',
  networksActive: 'level',
};

export function metricKind(metric: string): MetricKind {
  const kind = (METRIC_KINDS as Record<string, MetricKind>)[metric];
  if (kind === undefined) throw new Error(`series: no reduction is defined for metric ${metric}`);
  return kind;
}

export function parseSeriesResolution(text: string): SeriesResolution {
  if ((SERIES_RESOLUTIONS as readonly string[]).includes(text)) return text as SeriesResolution;
  throw new Error(`"${text}" is not a series resolution (${SERIES_RESOLUTIONS.join(', ')})`);
}

/**
 * Day index (from the run's start) of the first day of each period, followed by `days`: period k
 * covers days starts[k] … starts[k + 1] − 1. For `day` every day is a period.
 */
export function periodStarts(startDate: string, days: number, resolution: SeriesResolution): Int32Array {
  if (resolution === 'day') return Int32Array.from({ length: days + 1 }, (_, d) => d);
  const starts = [0];
  for (let d = 1; d < days; d++) {
    const date = isoDay(startDate, d);
    const first = resolution === 'month' ? date.endsWith('-01') : new Date(`${date}T00:00:00Z`).getUTCDay() === 1;
    if (first) starts.push(d);
  }
  starts.push(days);
  return Int32Array.from(starts);
}

/** ISO date of each period's first day inside the run. */
export function periodDates(startDate: string, starts: Int32Array): string[] {
  return Array.from(starts.subarray(0, starts.length - 1), (d) => isoDay(startDate, d));
}

/** Number of days of a period (partial at the ends of a run). */
export function periodDays(starts: Int32Array, period: number): number {
  return starts[period + 1] - starts[period];
}

/** Reduce one daily array laid out as rows of `days` values (metric × entity, result.ts) to rows
 * of periods; rowKinds[row] says how. */
export function reduceToPeriods(daily: Float64Array, rowKinds: readonly MetricKind[], days: number, starts: Int32Array): Float64Array {
  const periods = starts.length - 1;
  const out = new Float64Array(rowKinds.length * periods);
  for (let row = 0; row < rowKinds.length; row++) {
    const kind = rowKinds[row];
    const base = row * days;
    for (let p = 0; p < periods; p++) {
      let sum = 0;
      let defined = 0;
      let nonZero = 0;
      for (let d = base + starts[p]; d < base + starts[p + 1]; d++) {
        const v = daily[d];
        if (Number.isNaN(v)) continue;
        sum += v;
        defined++;
        if (v !== 0) nonZero++;
      }
      let value: number;
      if (defined === 0) value = NaN;
      else if (kind === 'flow') value = sum;
      else if (kind === 'stock') value = sum / defined;
      else value = nonZero > 0 ? sum / nonZero : 0;
      out[row * periods + p] = value;
    }
  }
  return out;
}


/** The metric kind of every row (metric × entity) of the three sections, in result.ts order. */
export function sectionRowKinds(compiled: CompiledScenario): MetricKind[][] {
  const { borderIds, countryIds } = compiled.network;
  const rows = (metrics: readonly string[], entities: number) => metrics.flatMap((m) => Array<MetricKind>(entities).fill(metricKind(m)));
  return [rows(BORDER_METRICS, borderIds.length), rows(COUNTRY_METRICS, countryIds.length), rows(TOTAL_METRICS, 1)];
}

/** A result's three daily arrays reduced to periods (the arrays themselves for `day`). */
export function reduceResult(compiled: CompiledScenario, result: ReplicateResult, resolution: SeriesResolution): Float64Array[] {
  const daily = [result.borderDaily, result.countryDaily, result.totalDaily];
  if (resolution === 'day') return daily;
  const starts = periodStarts(compiled.startDate, compiled.days, resolution);
  const kinds = sectionRowKinds(compiled);
  return daily.map((a, s) => reduceToPeriods(a, kinds[s], compiled.days, starts));
}
