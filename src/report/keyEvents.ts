// Which policy events the before/after maps show: the event clusters after which crossings
// moved most between borders, measured as Σ over borders |mean daily crossings in the window
// after − in the window before| (windows of `windowDays`, shortened at the period's ends).
//
// Why measured rather than declared: a scenario does not say which of its events is "the" event,
// and the one a reader should see is where the simulated flows actually shifted. For
// western-balkans the cluster of 15–21 September 2015 (Hungary's fence and the opening of the
// Croatian corridor) scores ~21,000 people/day of shift, the March 2016 closures ~12,500, and
// the August 2015 Macedonian closure ~8,000.

import type { EventCluster } from './events.js';
import { sumMeans, type SeriesTable } from './seriesTable.js';

export interface KeyEvent {
  cluster: EventCluster;
  /** Day windows [from, to) before and after the cluster's first event. */
  before: [number, number];
  after: [number, number];
  /** Shift score in people per day (see header). */
  shift: number;
}

/** Up to `count` event clusters with the largest shift, in date order. */
export function keyEvents(
  clusters: readonly EventCluster[],
  series: SeriesTable,
  options: { windowDays?: number; count?: number; metric?: string } = {},
): KeyEvent[] {
  const windowDays = options.windowDays ?? 30;
  const metric = options.metric ?? 'crossings';
  const days = series.dates.length;
  const borders = series.entities(metric);
  const scored: KeyEvent[] = [];
  for (const cluster of clusters) {
    const d = cluster.day;
    const before: [number, number] = [Math.max(0, d - windowDays), d];
    const after: [number, number] = [d, Math.min(days, d + windowDays)];
    if (before[1] - before[0] < 7 || after[1] - after[0] < 7) continue;
    let shift = 0;
    for (const border of borders) {
      const stats = series.get(metric, border);
      if (!stats) continue;
      const b = sumMeans(stats, ...before) / (before[1] - before[0]);
      const a = sumMeans(stats, ...after) / (after[1] - after[0]);
      shift += Math.abs(a - b);
    }
    if (shift > 0) scored.push({ cluster, before, after, shift });
  }
  // Greedy by shift; a further event must be a window away from those kept (else its maps
  // would show the same days) and matter (at least a third of the first one's shift).
  const kept: KeyEvent[] = [];
  for (const k of scored.sort((a, b) => b.shift - a.shift)) {
    if (kept.length >= (options.count ?? 1)) break;
    if (kept.some((q) => Math.abs(q.cluster.day - k.cluster.day) < windowDays)) continue;
    if (kept.length > 0 && k.shift < kept[0].shift / 3) break;
    kept.push(k);
  }
  return kept.sort((a, b) => a.cluster.day - b.cluster.day);
}
