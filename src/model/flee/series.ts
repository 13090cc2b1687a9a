// Observed series the way Flee reads them (flee/datamanager/DataTable.py): a value per date,
// constant before the first date and after the last, linearly interpolated in between and
// truncated to a whole number; and the number of agents Flee spawns each day from them — the
// day-on-day increase, with a "refugee debt" that carries a decrease forward so that it is paid
// back out of later increases rather than ignored. The same interpolation serves the ARD score.

import { dayIndex } from '../../scenarios/dates.js';
import type { DatedCounts } from './spec.js';

/** A series as day offsets from the period start (ascending) and values. */
export interface DayPoints {
  days: Float64Array;
  values: Float64Array;
}

/** Dated counts as day offsets from `startDate`, sorted, each value divided by `scale`. */
export function toDayPoints(counts: DatedCounts, startDate: string, scale = 1): DayPoints {
  const entries = Object.entries(counts)
    .map(([date, value]) => [dayIndex(startDate, date), value / scale] as const)
    .sort((a, b) => a[0] - b[0]);
  return { days: Float64Array.from(entries, (e) => e[0]), values: Float64Array.from(entries, (e) => e[1]) };
}

/** Flee's get_interpolated_data: the value on `day`, a whole number; 0 for an empty series. */
export function interpolateFlee(points: DayPoints, day: number): number {
  const { days, values } = points;
  const n = days.length;
  if (n === 0) return 0;
  if (day <= days[0]) return Math.trunc(values[0]);
  for (let i = 1; i < n; i++) {
    if (day < days[i]) {
      const fraction = (day - days[i - 1]) / (days[i] - days[i - 1]);
      return Math.trunc(values[i - 1] + fraction * (values[i] - values[i - 1]));
    }
  }
  return Math.trunc(values[n - 1]);
}

/**
 * Agents spawned on each of `days` days from the sum of `series` (Flee's spawn_daily_displaced
 * with get_daily_difference): day 0 spawns the day-0 value (nothing with insertDay0, because the
 * camps start populated), day t the increase from t − 1; a negative increase becomes a debt
 * subtracted from the next increases.
 */
export function dailySpawns(series: readonly DayPoints[], days: number, insertDay0: boolean): Int32Array {
  const out = new Int32Array(days);
  let debt = 0;
  let previous = 0;
  for (let t = 0; t < days; t++) {
    let level = 0;
    for (const s of series) level += interpolateFlee(s, t);
    const difference = t === 0 ? level : level - previous;
    previous = level;
    let fresh = difference - debt;
    if (insertDay0 && t === 0) fresh = 0;
    if (fresh < 0) {
      debt = -fresh;
      fresh = 0;
    } else if (debt > 0) {
      debt = 0;
    }
    out[t] = fresh;
  }
  return out;
}
