// summary.json: per-run totals, per-border period totals and end-of-period country stocks, each
// reduced to {mean, sd, p05, p50, p95} across replicates (docs/outputs.md documents every key).
//
// The object is built in a fixed key order (RUN_SCALARS, BORDER_METRICS and the compiled border and
// country order) from nothing but the scenario and the results, and every number is rounded to 6
// significant digits, so the same scenario, seed and runs always serialise to the same bytes:
// host, time and thread count never enter. Manifest data (timings, versions) lives elsewhere.

import type { CompiledScenario } from '../model/compiled.js';
import {
  BORDER_METRICS,
  COUNTRY_METRICS,
  LEVEL_METRICS,
  RUN_SCALARS,
  seriesIndex,
  type BorderMetric,
  type ReplicateResult,
  type RunScalar,
} from '../model/result.js';
import { isoDay } from '../scenarios/dates.js';
import { checkResultShapes } from './series.js';
import { describe, roundStats, type Stats } from './stats.js';

export type TotalKey = Exclude<RunScalar, 'agentSteps'>;

export type BorderSummary = Record<BorderMetric, Stats> & {
  /** Share of crossings made with a smuggler, per run. */
  smuggledShare: Stats;
  /** Mean price paid per purchase (revenue / purchases), per run. */
  meanPriceEur: Stats;
  /** Attempts per successful crossing, per run (runs without crossings are left out). */
  attemptsPerCrossing: Stats;
  /** Only on exit borders: this border's share of all exit crossings, per run. */
  exitShare?: Stats;
};

export interface CountrySummary {
  strandedEnd: Stats;
  presentEnd: Stats;
}

export interface Summary {
  scenario: string;
  period: { start: string; end: string };
  seed: number;
  runs: number;
  peoplePerAgent: number;
  totals: Record<TotalKey, Stats>;
  borders: Record<string, BorderSummary>;
  countries: Record<string, CountrySummary>;
}

const TOTAL_KEYS = RUN_SCALARS.filter((k): k is TotalKey => k !== 'agentSteps');

/** Stats of f(run) over runs, rounded for output; f may return NaN for "undefined in this run". */
function across(results: readonly ReplicateResult[], f: (r: ReplicateResult, run: number) => number): Stats {
  return roundStats(describe(results.map(f)));
}

/** Sum over days of one border metric for one run, in day order. */
/** A run's value of a border metric over the period: the sum of a count; the mean of a level
 * (such as a price) over the days it is defined (non-zero), NaN if never. */
function borderPeriodTotal(r: ReplicateResult, metric: number, border: number): number {
  const base = seriesIndex(metric, border, r.borders, 0, r.days);
  let sum = 0;
  let defined = 0;
  for (let d = 0; d < r.days; d++) {
    const v = r.borderDaily[base + d];
    sum += v;
    if (v !== 0) defined++;
  }
  if (!LEVEL_METRICS.has(BORDER_METRICS[metric])) return sum;
  return defined > 0 ? sum / defined : NaN;
}

export function buildSummary(
  compiled: CompiledScenario,
  results: readonly ReplicateResult[],
  meta: { seed: number; runs: number },
): Summary {
  if (meta.runs !== results.length) throw new Error(`summary: runs is ${meta.runs} but ${results.length} results were given`);
  checkResultShapes(compiled, results);
  const { borderIds, borderIsExit, countryIds } = compiled.network;
  const lastDay = compiled.days - 1;

  const totals = {} as Record<TotalKey, Stats>;
  for (const key of TOTAL_KEYS) {
    const k = RUN_SCALARS.indexOf(key);
    totals[key] = across(results, (r) => r.scalars[k]);
  }

  // periodTotals[run][metric * borders + border]
  const periodTotals = results.map((r) => {
    const out = new Float64Array(BORDER_METRICS.length * borderIds.length);
    for (let m = 0; m < BORDER_METRICS.length; m++) {
      for (let b = 0; b < borderIds.length; b++) out[m * borderIds.length + b] = borderPeriodTotal(r, m, b);
    }
    return out;
  });
  const at = (run: number, metric: BorderMetric, b: number): number =>
    periodTotals[run][BORDER_METRICS.indexOf(metric) * borderIds.length + b];
  const exitCrossings = results.map((_, run) => {
    let sum = 0;
    for (let b = 0; b < borderIds.length; b++) if (borderIsExit[b] === 1) sum += at(run, 'crossings', b);
    return sum;
  });

  const borders: Record<string, BorderSummary> = {};
  for (let b = 0; b < borderIds.length; b++) {
    const entry = {} as BorderSummary;
    for (const metric of BORDER_METRICS) entry[metric] = across(results, (_, run) => at(run, metric, b));
    const ratio = (num: BorderMetric, den: BorderMetric) =>
      across(results, (_, run) => {
        const d = at(run, den, b);
        return d > 0 ? at(run, num, b) / d : NaN;
      });
    entry.attemptsPerCrossing = ratio('attempts', 'crossings');
    entry.smuggledShare = ratio('smuggledCrossings', 'crossings');
    entry.meanPriceEur = ratio('revenueEur', 'purchases');
    if (borderIsExit[b] === 1) {
      entry.exitShare = across(results, (_, run) => {
        const all = exitCrossings[run];
        return all > 0 ? at(run, 'crossings', b) / all : NaN;
      });
    }
    borders[borderIds[b]] = entry;
  }

  const stranded = COUNTRY_METRICS.indexOf('stranded');
  const present = COUNTRY_METRICS.indexOf('present');
  const countries: Record<string, CountrySummary> = {};
  for (let c = 0; c < countryIds.length; c++) {
    const endValue = (metric: number) => (r: ReplicateResult) =>
      r.countryDaily[seriesIndex(metric, c, countryIds.length, lastDay, compiled.days)];
    countries[countryIds[c]] = { strandedEnd: across(results, endValue(stranded)), presentEnd: across(results, endValue(present)) };
  }

  return {
    scenario: compiled.id,
    period: { start: compiled.startDate, end: isoDay(compiled.startDate, compiled.days - 1) },
    seed: meta.seed,
    runs: meta.runs,
    peoplePerAgent: compiled.peoplePerAgent,
    totals,
    borders,
    countries,
  };
}
