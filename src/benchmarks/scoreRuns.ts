// scoreRuns(b, runs): the scorecard of a set of runs, runs[arm][replicate] = observables
// (observer.ts). Per item a pass or fail with the Monte Carlo interval behind it (patternScore.ts,
// seriesScore.ts), then over the items
//   distance = Σ w_i d_i / Σ w_i   (d_i: relative CRPS of a series, Flee's ARD of a Flee item,
//                                   the bounded shortfall of a pattern; 0 is a perfect fit)
//   score    = Σ w_i pass_i / Σ w_i   in [0, 1].
// With trainUntil, the same two numbers over what ends on or before that date (train: series
// points of periods ending by then, Flee days up to it, patterns whose last window ends by then)
// and over the rest (test). Everything is summed in item, point and replicate order, so the same
// runs give the same bytes.

import { dayIndex } from '../scenarios/dates.js';
import { fleePoints, observableLayout, periodDays } from './observer.js';
import { scoreComparative, scoreDirectional, scoreMonotone, type PatternScore } from './patternScore.js';
import { scoreSeries, type PointInput } from './seriesScore.js';
import { DEFAULT_FLEE_TOLERANCE, DEFAULT_SERIES_TOLERANCE, type BenchmarkItem, type Benchmarks, type FleeItem, type ScorePart, type Scorecard, type ScorecardItem, type SeriesItem } from './types.js';
import { directionalWindows, periodWindow } from './windows.js';

export interface ScoreOptions {
  /** ISO date: items (or points, days) ending on or before it form the train score, later ones the test score. */
  trainUntil?: string;
}

interface Scored {
  item: ScorecardItem;
  /** Train and test parts (only with trainUntil); undefined when the item has nothing there. */
  train?: { distance: number; pass: boolean };
  test?: { distance: number; pass: boolean };
}

const f = (x: number) => String(Math.round(x * 1e6) / 1e6);

function base(item: BenchmarkItem, end: string): Omit<ScorecardItem, 'pass' | 'distance' | 'expected' | 'value'> {
  return { kind: item.kind, id: item.id, weight: item.weight, source: item.source, ...(item.description ? { description: item.description } : {}), end };
}

function seriesInputs(item: SeriesItem, rows: readonly Float64Array[]): PointInput[] {
  return item.points.map((p, k) => ({ label: p.period, end: periodWindow(p.period, item.window)!.to, observed: p.value, ensemble: rows.map((o) => o[k]) }));
}

function scoreSeriesItem(item: SeriesItem, rows: readonly Float64Array[], trainUntil?: string): Scored {
  const tolerance = item.tolerance ?? DEFAULT_SERIES_TOLERANCE;
  const inputs = seriesInputs(item, rows);
  const judge = (subset: PointInput[]) => {
    const s = scoreSeries(subset);
    return { s, pass: s.value.mean !== null && s.value.mean <= tolerance };
  };
  const all = judge(inputs);
  const scored: Scored = {
    item: { ...base(item, inputs[inputs.length - 1].end), pass: all.pass, distance: all.s.distance, expected: `ARD ≤ ${f(tolerance)}`, value: all.s.value, errors: all.s.errors, points: all.s.points },
  };
  if (trainUntil !== undefined) {
    const parts = { train: inputs.filter((p) => p.end <= trainUntil), test: inputs.filter((p) => p.end > trainUntil) };
    for (const key of ['train', 'test'] as const) {
      if (parts[key].length === 0) continue;
      const j = judge(parts[key]);
      scored[key] = { distance: j.s.distance, pass: j.pass };
    }
  }
  return scored;
}

function scoreFleeItem(item: FleeItem, b: Benchmarks, rows: readonly Float64Array[], trainUntil?: string): Scored {
  const days = periodDays(b);
  const points = fleePoints(item, b);
  const judge = (first: number, last: number) => {
    const ard = (o: Float64Array, at: number) => {
      let sum = 0;
      for (let t = first; t <= last; t++) sum += o[at + t];
      return sum / (last - first + 1);
    };
    const raw = rows.map((o) => ard(o, 0));
    const rescaled = rows.map((o) => ard(o, days));
    const inputs: PointInput[] = points
      .map((p, k) => ({ p, k }))
      .filter(({ p }) => p.day >= first && p.day <= last)
      .map(({ p, k }) => ({
        label: `${item.camps[p.camp].node}@${item.camps[p.camp].points[p.point].date}`,
        end: item.camps[p.camp].points[p.point].date,
        observed: item.camps[p.camp].points[p.point].value,
        ensemble: rows.map((o) => o[2 * days + k]),
      }));
    const s = scoreSeries(inputs, { raw, rescaled });
    const mean = s.value.mean;
    return { s, distance: mean ?? 1, pass: mean !== null && mean <= DEFAULT_FLEE_TOLERANCE };
  };
  const all = judge(0, days - 1);
  const scored: Scored = {
    item: { ...base(item, b.period.end), pass: all.pass, distance: all.distance, expected: `ARD ≤ ${f(DEFAULT_FLEE_TOLERANCE)}`, value: all.s.value, errors: all.s.errors, points: all.s.points },
  };
  if (trainUntil !== undefined) {
    const split = Math.min(days - 1, dayIndex(b.period.start, trainUntil));
    if (split >= 0) scored.train = judge(0, split);
    if (split < days - 1) scored.test = judge(Math.max(0, split + 1), days - 1);
  }
  return scored;
}

function patternEnd(item: BenchmarkItem, b: Benchmarks): string {
  switch (item.kind) {
    case 'directional':
      return directionalWindows(item, b.events[item.event]).after.to;
    case 'comparative':
      return item.before.to > item.after.to ? item.before.to : item.after.to;
    case 'monotone':
      return item.window.to;
    default:
      return b.period.end;
  }
}

function scoreItem(b: Benchmarks, i: number, runs: readonly Float64Array[][], trainUntil?: string): Scored {
  const item = b.items[i];
  const rowsOf = (arm: number) => {
    const entry = observableLayout(b, arm).find((e) => e.item === i)!;
    return runs[arm].map((o) => o.subarray(entry.offset, entry.offset + entry.length));
  };
  if (item.kind === 'series') return scoreSeriesItem(item, rowsOf(0), trainUntil);
  if (item.kind === 'flee') return scoreFleeItem(item, b, rowsOf(0), trainUntil);
  let p: PatternScore;
  if (item.kind === 'directional') p = scoreDirectional(item, rowsOf(0));
  else if (item.kind === 'comparative') p = scoreComparative(item, rowsOf(0));
  else p = scoreMonotone(item, b.itemArms[i].map((arm) => rowsOf(arm).map((o) => o[0])));
  const end = patternEnd(item, b);
  const part = { distance: p.distance, pass: p.pass };
  return {
    item: { ...base(item, end), pass: p.pass, distance: p.distance, expected: p.expected, value: p.value, detail: p.detail },
    ...(trainUntil === undefined ? {} : end <= trainUntil ? { train: part } : { test: part }),
  };
}

function summarise(parts: { weight: number; distance: number; pass: boolean }[]): ScorePart {
  const total = parts.reduce((s, p) => s + p.weight, 0);
  return {
    distance: total > 0 ? parts.reduce((s, p) => s + p.weight * p.distance, 0) / total : 0,
    score: total > 0 ? parts.reduce((s, p) => s + (p.pass ? p.weight : 0), 0) / total : 0,
    items: parts.length,
  };
}

/** The scorecard of runs[arm][replicate] (observables of observer()); see the header for the formulas. */
export function scoreRuns(b: Benchmarks, runs: readonly Float64Array[][], options: ScoreOptions = {}): Scorecard {
  if (runs.length !== b.arms.length) throw new RangeError(`${runs.length} arms of runs for ${b.arms.length} arms of benchmarks`);
  if (runs.some((arm) => arm.length === 0)) throw new RangeError('every arm needs at least one replicate');
  const { trainUntil } = options;
  const scored = b.items.map((_, i) => scoreItem(b, i, runs, trainUntil));
  const overall = summarise(scored.map((s) => ({ weight: s.item.weight, distance: s.item.distance, pass: s.item.pass })));
  const part = (key: 'train' | 'test') => {
    const list = scored.filter((s) => s[key] !== undefined).map((s) => ({ weight: s.item.weight, ...s[key]! }));
    return list.length > 0 ? summarise(list) : undefined;
  };
  const train = trainUntil === undefined ? undefined : part('train');
  const test = trainUntil === undefined ? undefined : part('test');
  return {
    benchmarks: b.id,
    distance: overall.distance,
    score: overall.score,
    runs: runs[0].length,
    ...(trainUntil === undefined ? {} : { trainUntil }),
    ...(train ? { train } : {}),
    ...(test ? { test } : {}),
    items: scored.map((s) => s.item),
  };
}
