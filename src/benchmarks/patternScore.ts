// Scoring the three kinds of pattern from their observables (observer.ts), replicate by replicate
// and then across replicates (mean with its 95% t-interval). The tested value is signed so that
// larger is better, and its threshold says what passing means:
//   directional  d_r = s·(after_r − before_r)  (absolute)  or  s·(after_r − before_r)/before_r
//                (relative; undefined when before_r = 0), s = +1 for "rise", −1 for "fall";
//                passes when mean d ≥ the change asked for;
//   comparative  c_r = s·(rel_A,r − rel_B,r), rel = (after − before)/before of each quantity
//                (flows per day); passes when mean c > margin (default 0): A falls (rises) more;
//   monotone     step_j,r = s·(q_j+1,r − q_j,r)/scale between consecutive values (same replicate
//                in every arm: common random numbers), scale = mean |q| over arms and replicates;
//                the tested value is the step with the smallest mean; passes when it is > 0.
// A pattern's distance is the shortfall min(1, max(0, threshold − mean)/max(|threshold|, 0.05)).

import { describeQuantity } from './entities.js';
import { estimate, meanOf, shortfall } from './estimate.js';
import type { ComparativeItem, DirectionalItem, Estimate, MonotoneItem } from './types.js';

export interface PatternScore {
  value: Estimate;
  pass: boolean;
  distance: number;
  expected: string;
  detail: Record<string, number | null | (number | null)[]>;
}

const sign = (direction: 'rise' | 'fall') => (direction === 'rise' ? 1 : -1);
const relativeChange = (before: number, after: number) => (before !== 0 ? (after - before) / Math.abs(before) : NaN);
const fmt = (x: number) => String(Math.round(x * 1e6) / 1e6);

function judged(values: number[], threshold: number, strict: boolean): Pick<PatternScore, 'value' | 'pass' | 'distance'> {
  const value = estimate(values);
  const mean = value.mean;
  const pass = mean !== null && (strict ? mean > threshold : mean >= threshold);
  return { value, pass, distance: pass ? 0 : shortfall(mean, threshold) };
}

/** `rows[r]` = [before, after] of replicate r. */
export function scoreDirectional(item: DirectionalItem, rows: readonly Float64Array[]): PatternScore {
  const s = sign(item.direction);
  const relative = 'relative' in item.change;
  const threshold = 'relative' in item.change ? item.change.relative : item.change.absolute;
  const d = rows.map(([before, after]) => s * (relative ? relativeChange(before, after) : after - before));
  const unit = relative ? ` (relative)` : '';
  return {
    ...judged(d, threshold, false),
    expected: `${describeQuantity(item)} ${item.direction}s by ≥ ${fmt(threshold)}${unit} within ${item.withinDays} d of ${item.event}`,
    detail: { before: estimate(rows.map((x) => x[0])).mean, after: estimate(rows.map((x) => x[1])).mean },
  };
}

/** `rows[r]` = [a before, a after, b before, b after] of replicate r. */
export function scoreComparative(item: ComparativeItem, rows: readonly Float64Array[]): PatternScore {
  const s = sign(item.direction);
  const margin = item.margin ?? 0;
  const relA = rows.map((x) => relativeChange(x[0], x[1]));
  const relB = rows.map((x) => relativeChange(x[2], x[3]));
  const c = relA.map((a, r) => s * (a - relB[r]));
  return {
    ...judged(c, margin, true),
    expected: `${describeQuantity(item.a)} ${item.direction}s more than ${describeQuantity(item.b)}${margin !== 0 ? ` by > ${fmt(margin)}` : ''}`,
    detail: { changeA: estimate(relA).mean, changeB: estimate(relB).mean },
  };
}

/** `values[j][r]` = the quantity in replicate r of the arm of value j. */
export function scoreMonotone(item: MonotoneItem, values: readonly number[][]): PatternScore {
  const s = sign(item.direction);
  const all = values.flat().filter((x) => !Number.isNaN(x));
  const scaleRaw = all.length > 0 ? meanOf(all.map(Math.abs)) : 0;
  const scale = scaleRaw > 0 ? scaleRaw : 1;
  const runs = Math.min(...values.map((v) => v.length));
  const steps = values.slice(1).map((next, j) => Array.from({ length: runs }, (_, r) => (s * (next[r] - values[j][r])) / scale));
  const means = steps.map((st) => estimate(st).mean);
  let worst = 0;
  means.forEach((m, j) => {
    if (m === null || (means[worst] !== null && m < (means[worst] as number))) worst = j;
  });
  return {
    ...judged(steps[worst], 0, true),
    expected: `${describeQuantity(item)} ${item.direction}s with ${item.parameter} over ${item.values.join(', ')}`,
    detail: { means: values.map((v) => estimate(v).mean), worstStep: worst, scale },
  };
}
