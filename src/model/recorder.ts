// Daily counters of one replicate, in agents, laid out as in result.ts and scaled to people when
// the replicate ends. The kernel adds to them with plain indexed writes; nothing is allocated
// while the simulation runs.

import type { CompiledScenario } from './compiled.js';
import {
  BORDER_METRICS,
  COUNTRY_METRICS,
  RUN_SCALARS,
  TOTAL_METRICS,
  UNSCALED_METRICS,
  UNSCALED_SCALARS,
  type ReplicateResult,
} from './result.js';

const B = Object.fromEntries(BORDER_METRICS.map((m, i) => [m, i])) as Record<(typeof BORDER_METRICS)[number], number>;
const C = Object.fromEntries(COUNTRY_METRICS.map((m, i) => [m, i])) as Record<(typeof COUNTRY_METRICS)[number], number>;
const T = Object.fromEntries(TOTAL_METRICS.map((m, i) => [m, i])) as Record<(typeof TOTAL_METRICS)[number], number>;
export { B as BORDER, C as COUNTRY, T as TOTAL };

export interface Recorder {
  days: number;
  borders: number;
  countries: number;
  borderDaily: Float64Array;
  countryDaily: Float64Array;
  totalDaily: Float64Array;
  transitDaysSum: number;
  /** Border attempts made by the people who arrived (for attemptsPerArrival). */
  arrivalAttemptsSum: number;
  agentSteps: number;
}

/** The three daily arrays of a finished replicate, handed back to be overwritten by the next one
 * (src/run/dailyArrayPool.ts explains why). */
export interface DailyArrays {
  borderDaily: Float64Array;
  countryDaily: Float64Array;
  totalDaily: Float64Array;
}

/** `reuse`: arrays of an earlier replicate nobody reads any more; zeroed and written again if
 * their lengths fit this scenario, else ignored. */
export function createRecorder(compiled: CompiledScenario, reuse?: DailyArrays): Recorder {
  const days = compiled.days;
  const borders = compiled.network.borderIds.length;
  const countries = compiled.network.countryIds.length;
  return {
    days,
    borders,
    countries,
    borderDaily: zeroed(reuse?.borderDaily, BORDER_METRICS.length * borders * days),
    countryDaily: zeroed(reuse?.countryDaily, COUNTRY_METRICS.length * countries * days),
    totalDaily: zeroed(reuse?.totalDaily, TOTAL_METRICS.length * days),
    transitDaysSum: 0,
    arrivalAttemptsSum: 0,
    agentSteps: 0,
  };
}

function zeroed(array: Float64Array | undefined, length: number): Float64Array {
  if (array === undefined || array.length !== length || array.buffer.byteLength !== length * 8) return new Float64Array(length);
  return array.fill(0);
}

/** Index of (metric, border, day) in borderDaily. */
export function borderAt(r: Recorder, metric: number, border: number, day: number): number {
  return (metric * r.borders + border) * r.days + day;
}

export function countryAt(r: Recorder, metric: number, country: number, day: number): number {
  return (metric * r.countries + country) * r.days + day;
}

export function totalAt(r: Recorder, metric: number, day: number): number {
  return metric * r.days + day;
}

function sum(a: Float64Array, from: number, length: number): number {
  let s = 0;
  for (let i = from; i < from + length; i++) s += a[i];
  return s;
}

/** Multiply each metric's block of `block` values by peoplePerAgent, unless it is unscaled. */
function scaleToPeople(a: Float64Array, metrics: readonly string[], block: number, peoplePerAgent: number): void {
  metrics.forEach((m, k) => {
    if (UNSCALED_METRICS.has(m)) return;
    for (let i = k * block; i < (k + 1) * block; i++) a[i] *= peoplePerAgent;
  });
}

/** Scale counts to people and compute the per-run scalars. Only counts are scaled: the
 * agent-step count and mean transit days stay as they are. */
export function finishRecorder(r: Recorder, replicate: number, peoplePerAgent: number): ReplicateResult {
  const arrivalsAgents = sum(r.totalDaily, T.arrivals * r.days, r.days);
  const meanTransitDays = arrivalsAgents > 0 ? r.transitDaysSum / arrivalsAgents : NaN;
  const borderTotal = (m: number) => sum(r.borderDaily, m * r.borders * r.days, r.borders * r.days);
  let strandedEnd = 0;
  for (let c = 0; c < r.countries; c++) strandedEnd += r.countryDaily[countryAt(r, C.stranded, c, r.days - 1)];
  const scalars = new Float64Array(RUN_SCALARS.length);
  const values: Record<(typeof RUN_SCALARS)[number], number> = {
    entered: sum(r.totalDaily, T.entered * r.days, r.days),
    arrivals: arrivalsAgents,
    deaths: sum(r.totalDaily, T.deaths * r.days, r.days),
    injuries: sum(r.totalDaily, T.injuries * r.days, r.days),
    attempts: borderTotal(B.attempts),
    crossings: borderTotal(B.crossings),
    detectionsRecorded: borderTotal(B.detectionsRecorded),
    pushbacks: borderTotal(B.pushbacks),
    strandedEnd,
    meanTransitDays,
    smuggledCrossings: borderTotal(B.smuggledCrossings),
    smugglerRevenueEur: sum(r.totalDaily, T.smugglerRevenueEur * r.days, r.days),
    smugglerViolenceInjuries: sum(r.totalDaily, T.smugglerViolenceInjuries * r.days, r.days),
    arrests: sum(r.totalDaily, T.arrests * r.days, r.days),
    networksActiveEnd: r.totalDaily[totalAt(r, T.networksActive, r.days - 1)],
    gaveUp: sum(r.totalDaily, T.gaveUp * r.days, r.days),
    attemptsPerArrival: arrivalsAgents > 0 ? r.arrivalAttemptsSum / arrivalsAgents : NaN,
    agentSteps: r.agentSteps,
  };
  RUN_SCALARS.forEach((name, i) => {
    scalars[i] = UNSCALED_SCALARS.has(name) ? values[name] : values[name] * peoplePerAgent;
  });
  scaleToPeople(r.borderDaily, BORDER_METRICS, r.borders * r.days, peoplePerAgent);
  scaleToPeople(r.countryDaily, COUNTRY_METRICS, r.countries * r.days, peoplePerAgent);
  scaleToPeople(r.totalDaily, TOTAL_METRICS, r.days, peoplePerAgent);
  return {
    replicate,
    days: r.days,
    borders: r.borders,
    countries: r.countries,
    borderDaily: r.borderDaily,
    countryDaily: r.countryDaily,
    totalDaily: r.totalDaily,
    scalars,
  };
}
