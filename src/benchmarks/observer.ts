// observer(compiledArm, b, arm): what one replicate of one arm contributes to a scorecard, as a
// small Float64Array, so a batch keeps a few numbers per replicate and never the daily series.
// The layout depends only on the benchmarks and the arm (observableLayout), so scoreRuns decodes
// it without the compiled scenario. Per item, on the arms it reads:
//   series       one value per point: the quantity over the point's year or month;
//   directional  [before, after]: the quantity (flows per day) in the two windows;
//   comparative  [a before, a after, b before, b after], flows per day;
//   monotone     on the arm of each value: [the quantity over the window];
//   flee         the daily ARD, raw (days values) then rescaled (days values), then the simulated
//                count at each observed point inside the period, camp by camp.

import type { CompiledScenario } from '../model/compiled.js';
import type { ReplicateResult } from '../model/result.js';
import { averagedRelativeDifference } from '../flee/ard.js';
import { observedDaily } from '../flee/score.js';
import { dayIndex } from '../scenarios/dates.js';
import { quantityReader } from './quantity.js';
import type { BenchmarkItem, Benchmarks, FleeItem } from './types.js';
import { dayRange, directionalWindows, periodWindow } from './windows.js';

export interface LayoutEntry {
  /** Index into b.items. */
  item: number;
  offset: number;
  length: number;
  /** Monotone items: which value this arm is. */
  value?: number;
}

/** Days of the benchmark's scenario period. */
export function periodDays(b: Benchmarks): number {
  return dayIndex(b.period.start, b.period.end) + 1;
}

/** Flee points inside the period, camp by camp: [camp index, point index, day]. */
export function fleePoints(item: FleeItem, b: Benchmarks): { camp: number; point: number; day: number }[] {
  const days = periodDays(b);
  return item.camps.flatMap((c, camp) =>
    c.points.map((p, point) => ({ camp, point, day: dayIndex(b.period.start, p.date) })).filter((p) => p.day >= 0 && p.day < days),
  );
}

function itemLength(item: BenchmarkItem, b: Benchmarks): number {
  switch (item.kind) {
    case 'series':
      return item.points.length;
    case 'directional':
      return 2;
    case 'comparative':
      return 4;
    case 'monotone':
      return 1;
    case 'flee':
      return 2 * periodDays(b) + fleePoints(item, b).length;
  }
}

/** Where each item's observables sit in the arrays of `arm`. */
export function observableLayout(b: Benchmarks, arm: number): LayoutEntry[] {
  const out: LayoutEntry[] = [];
  let offset = 0;
  b.items.forEach((item, i) => {
    const value = b.itemArms[i].indexOf(arm);
    if (item.kind === 'monotone' ? value < 0 : arm !== 0) return;
    const length = itemLength(item, b);
    out.push({ item: i, offset, length, ...(item.kind === 'monotone' ? { value } : {}) });
    offset += length;
  });
  return out;
}

type Fill = (r: ReplicateResult, out: Float64Array, offset: number) => void;

function fleeFill(compiled: CompiledScenario, item: FleeItem, b: Benchmarks): Fill {
  const days = periodDays(b);
  const nodes = item.camps.map((c) => compiled.network.nodeIds.indexOf(c.node));
  const observed = item.camps.map((c) => observedDaily(c.points, compiled.startDate, days));
  const points = fleePoints(item, b);
  return (r, out, offset) => {
    const nodeDaily = r.nodeDaily;
    if (nodeDaily === undefined) throw new Error('a Flee benchmark needs nodeDaily: compile its arms with compileArms()');
    const simulated = nodes.map((n) => nodeDaily.subarray(n * days, (n + 1) * days));
    const ard = averagedRelativeDifference(simulated, observed, days);
    out.set(ard.dailyRaw, offset);
    out.set(ard.dailyRescaled, offset + days);
    points.forEach((p, k) => (out[offset + 2 * days + k] = simulated[p.camp][p.day]));
  };
}

function itemFill(compiled: CompiledScenario, item: BenchmarkItem, b: Benchmarks, value: number | undefined): Fill {
  const start = compiled.startDate;
  switch (item.kind) {
    case 'series': {
      const read = quantityReader(compiled, item);
      const ranges = item.points.map((p) => dayRange(periodWindow(p.period, item.window)!, start));
      return (r, out, offset) => ranges.forEach((range, k) => (out[offset + k] = read(r, range, false)));
    }
    case 'directional': {
      const read = quantityReader(compiled, item);
      const date = b.events[item.event];
      const { before, after } = directionalWindows(item, date);
      const ranges = [dayRange(before, start), dayRange(after, start)];
      return (r, out, offset) => ranges.forEach((range, k) => (out[offset + k] = read(r, range, true)));
    }
    case 'comparative': {
      const reads = [quantityReader(compiled, item.a), quantityReader(compiled, item.b)];
      const ranges = [dayRange(item.before, start), dayRange(item.after, start)];
      return (r, out, offset) => {
        let k = 0;
        for (const read of reads) for (const range of ranges) out[offset + k++] = read(r, range, true);
      };
    }
    case 'monotone': {
      if (value === undefined) throw new RangeError(`monotone item ${item.id} read on an arm that is not one of its values`);
      const read = quantityReader(compiled, item);
      const range = dayRange(item.window, start);
      return (r, out, offset) => void (out[offset] = read(r, range, false));
    }
    case 'flee':
      return fleeFill(compiled, item, b);
  }
}

/** The observables of one replicate of arm `arm` (compiled with compileArms). */
export function observer(compiledArm: CompiledScenario, b: Benchmarks, arm: number): (r: ReplicateResult) => Float64Array {
  const layout = observableLayout(b, arm);
  const size = layout.reduce((s, e) => s + e.length, 0);
  const fills = layout.map((e) => ({ offset: e.offset, fill: itemFill(compiledArm, b.items[e.item], b, e.value) }));
  return (r) => {
    const out = new Float64Array(size);
    for (const { offset, fill } of fills) fill(r, out, offset);
    return out;
  };
}
