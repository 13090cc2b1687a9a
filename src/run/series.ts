// series.csv: the daily series of every replicate reduced to mean and 5/50/95 % quantiles across
// replicates, in tidy long format (one row per metric, entity and date) so that R, pandas or a
// spreadsheet pivot can read it without reshaping. Also the result-shape check that summary.ts
// shares.
//
// The file has (7 × borders + 4 × countries + 7) × days rows, about 100,000 for the default
// scenario, so lines are collected in one array and joined once, and the per-day gather reuses
// one buffer.

import type { CompiledScenario } from '../model/compiled.js';
import { BORDER_METRICS, COUNTRY_METRICS, TOTAL_METRICS, type ReplicateResult } from '../model/result.js';
import { isoDay } from '../scenarios/dates.js';
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

/** series.csv as one string (header, one row per metric × entity × day, trailing newline). */
export function buildSeriesCsv(compiled: CompiledScenario, results: readonly ReplicateResult[]): string {
  checkResultShapes(compiled, results);
  const { days } = compiled;
  const dates = Array.from({ length: days }, (_, d) => isoDay(compiled.startDate, d));
  const values = new Float64Array(results.length);
  const lines: string[] = [SERIES_HEADER];

  const emit = (
    metrics: readonly string[],
    entityIds: readonly string[],
    pick: (r: ReplicateResult) => Float64Array,
  ): void => {
    for (let m = 0; m < metrics.length; m++) {
      for (let e = 0; e < entityIds.length; e++) {
        const prefix = `${metrics[m]},${csvField(entityIds[e])},`;
        const base = (m * entityIds.length + e) * days;
        for (let d = 0; d < days; d++) {
          for (let i = 0; i < results.length; i++) values[i] = pick(results[i])[base + d];
          const s = describe(values);
          lines.push(
            `${prefix}${dates[d]},${formatNumber(s.mean)},${formatNumber(s.p05)},${formatNumber(s.p50)},${formatNumber(s.p95)}`,
          );
        }
      }
    }
  };

  emit(BORDER_METRICS, compiled.network.borderIds, (r) => r.borderDaily);
  emit(COUNTRY_METRICS, compiled.network.countryIds, (r) => r.countryDaily);
  emit(TOTAL_METRICS, ['total'], (r) => r.totalDaily);
  lines.push('');
  return lines.join('\n');
}
