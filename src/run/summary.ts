// summary.json: per-run totals, per-border period totals and end-of-period country stocks, each
// reduced to {mean, ciLow, ciHigh, sd, p05, p50, p95} across replicates (docs/outputs.md documents
// every key).
//
// Streaming: a SummaryAccumulator keeps only each run's record of per-run scalars (runRecord.ts),
// never its daily series, so memory grows by a few KB per run and quantiles stay exact. Records
// must be added in replicate order: the sums behind means and sds are taken in that order.
//
// The object is built in a fixed key order (RUN_SCALARS, BORDER_METRICS and the compiled border and
// country order) from nothing but the scenario and the results, and every number is rounded to 6
// significant digits, so the same scenario, seed and runs always serialise to the same bytes:
// host, time and thread count never enter. Manifest data (timings, versions) lives elsewhere.

import type { CompiledScenario } from '../model/compiled.js';
import { RUN_SCALARS, type BorderMetric, type ReplicateResult, type RunScalar } from '../model/result.js';
import { isoDay } from '../scenarios/dates.js';
import { recordLayout, runRecord, type RecordLayout, type PooledResult } from './runRecord.js';
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
  /** Only when one replicate was run alone (`run --replicate i`): its index. */
  replicate?: number;
  peoplePerAgent: number;
  totals: Record<TotalKey, Stats>;
  borders: Record<string, BorderSummary>;
  countries: Record<string, CountrySummary>;
}

export interface SummaryMeta {
  seed: number;
  runs: number;
  replicate?: number;
}

const AGENT_STEPS = RUN_SCALARS.indexOf('agentSteps');

/** Collects per-run records in replicate order; `summary()` reduces them. */
export class SummaryAccumulator {
  readonly layout: RecordLayout;
  readonly records: Float64Array[] = [];
  /** Agent-days over the runs added, summed in order (for the manifest's speed figure). */
  agentSteps = 0;

  constructor(readonly compiled: CompiledScenario) {
    this.layout = recordLayout(compiled);
  }

  get runs(): number {
    return this.records.length;
  }

  /** Add a run's record: the one a worker computed with the result, else computed here. */
  add(result: PooledResult): Float64Array {
    checkResultShapes(this.compiled, [result]);
    const given = result.record;
    const record = given !== undefined && given.length === this.layout.keys.length ? given : runRecord(this.compiled, this.layout, result);
    this.records.push(record);
    this.agentSteps += result.scalars[AGENT_STEPS];
    return record;
  }

  /** Unrounded statistics of one record entry across the runs so far. */
  statsAt(index: number): Stats {
    return describe(this.records.map((r) => r[index]));
  }

  summary(meta: SummaryMeta): Summary {
    return summaryFromRecords(this.compiled, this.layout, this.records, meta);
  }
}

/** Reduce per-run records to the summary object (rounded, in layout order). */
export function summaryFromRecords(
  compiled: CompiledScenario,
  layout: RecordLayout,
  records: readonly Float64Array[],
  meta: SummaryMeta,
): Summary {
  if (meta.runs !== records.length) throw new Error(`summary: runs is ${meta.runs} but ${records.length} results were given`);
  const sections: Record<string, Record<string, unknown>> = { totals: {}, borders: {}, countries: {} };
  const values = new Float64Array(records.length);
  layout.keys.forEach((key, k) => {
    for (let run = 0; run < records.length; run++) values[run] = records[run][k];
    const stats = roundStats(describe(values));
    const section = sections[key.section];
    if (key.entity === undefined) section[key.metric] = stats;
    else ((section[key.entity] ??= {}) as Record<string, Stats>)[key.metric] = stats;
  });
  return {
    scenario: compiled.id,
    period: { start: compiled.startDate, end: isoDay(compiled.startDate, compiled.days - 1) },
    seed: meta.seed,
    runs: meta.runs,
    ...(meta.replicate === undefined ? {} : { replicate: meta.replicate }),
    peoplePerAgent: compiled.peoplePerAgent,
    totals: sections.totals as Summary['totals'],
    borders: sections.borders as Summary['borders'],
    countries: sections.countries as Summary['countries'],
  };
}

/** summary.json from a complete list of results (replicate order). */
export function buildSummary(compiled: CompiledScenario, results: readonly ReplicateResult[], meta: SummaryMeta): Summary {
  if (meta.runs !== results.length) throw new Error(`summary: runs is ${meta.runs} but ${results.length} results were given`);
  checkResultShapes(compiled, results);
  const acc = new SummaryAccumulator(compiled);
  for (const r of results) acc.add(r);
  return acc.summary(meta);
}
