// Reading a benchmark quantity (entities.ts) from one replicate's daily series over a window of
// days: flows are summed (or, with perDay, averaged per day, so windows of different lengths
// compare), levels are averaged over the days they are defined (non-zero, as summaries do), and a
// share is the entity's flow over the flow of its `shareOf` borders (NaN when that is 0). A border
// the compiled scenario lacks counts as 0 in a route and makes a single-border quantity NaN.

import type { CompiledScenario } from '../model/compiled.js';
import { BORDER_METRICS, COUNTRY_METRICS, LEVEL_METRICS, TOTAL_METRICS, type ReplicateResult } from '../model/result.js';
import { entityKind } from './entities.js';
import type { Quantity } from './types.js';
import type { DayRange } from './windows.js';

export type QuantityReader = (r: ReplicateResult, range: DayRange, perDay: boolean) => number;

type Series = (r: ReplicateResult) => { data: Float64Array; offsets: number[] };

function sumDays(data: Float64Array, offset: number, first: number, last: number): number {
  let sum = 0;
  for (let d = first; d <= last; d++) sum += data[offset + d];
  return sum;
}

function meanDefined(data: Float64Array, offset: number, first: number, last: number): number {
  let sum = 0;
  let count = 0;
  for (let d = first; d <= last; d++) {
    const x = data[offset + d];
    if (x !== 0) {
      sum += x;
      count++;
    }
  }
  return count > 0 ? sum / count : NaN;
}

/** Offsets of border series of `metric` for the given border ids (missing ones left out). */
function borderSeries(compiled: CompiledScenario, metric: string, borders: readonly string[]): { series: Series; missing: number } {
  const m = BORDER_METRICS.indexOf(metric as (typeof BORDER_METRICS)[number]);
  const ids = compiled.network.borderIds;
  const found = borders.map((b) => ids.indexOf(b)).filter((b) => b >= 0);
  const count = ids.length;
  return {
    series: (r) => ({ data: r.borderDaily, offsets: found.map((b) => (m * count + b) * r.days) }),
    missing: borders.length - found.length,
  };
}

function entitySeries(compiled: CompiledScenario, q: Quantity): { series: Series; missing: number } {
  const kind = entityKind(q);
  const net = compiled.network;
  switch (kind) {
    case 'border':
      return borderSeries(compiled, q.metric, [q.entity as string]);
    case 'route':
      return borderSeries(compiled, q.metric, q.entity as string[]);
    case 'all-borders':
      return borderSeries(compiled, q.metric, net.borderIds);
    case 'country': {
      const m = COUNTRY_METRICS.indexOf(q.metric as (typeof COUNTRY_METRICS)[number]);
      const c = net.countryIds.indexOf(q.entity as string);
      return { series: (r) => ({ data: r.countryDaily, offsets: c < 0 ? [] : [(m * r.countries + c) * r.days] }), missing: c < 0 ? 1 : 0 };
    }
    case 'total': {
      const m = TOTAL_METRICS.indexOf(q.metric as (typeof TOTAL_METRICS)[number]);
      return { series: (r) => ({ data: r.totalDaily, offsets: [m * r.days] }), missing: 0 };
    }
    default:
      throw new RangeError(`benchmark quantity ${q.metric} of ${JSON.stringify(q.entity)}: ${kind}`);
  }
}

/** A reader of `q` for replicates of `compiled`. */
export function quantityReader(compiled: CompiledScenario, q: Quantity): QuantityReader {
  const level = LEVEL_METRICS.has(q.metric);
  const single = !Array.isArray(q.entity);
  const { series, missing } = entitySeries(compiled, q);
  const share = q.shareOf === undefined ? undefined : borderSeries(compiled, q.metric, q.shareOf).series;
  const flow = (s: Series, r: ReplicateResult, first: number, last: number) => {
    const { data, offsets } = s(r);
    return offsets.reduce((sum, o) => sum + sumDays(data, o, first, last), 0);
  };
  return (r, range, perDay) => {
    const first = Math.max(0, range.first);
    const last = Math.min(r.days - 1, range.last);
    if (last < first || (single && missing > 0)) return NaN;
    if (level) {
      const { data, offsets } = series(r);
      return meanDefined(data, offsets[0], first, last);
    }
    const value = flow(series, r, first, last);
    if (share !== undefined) {
      const total = flow(share, r, first, last);
      return total > 0 ? value / total : NaN;
    }
    return perDay ? value / (last - first + 1) : value;
  };
}
