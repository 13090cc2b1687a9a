// Time windows of benchmark items as dates and as day indices of a run. A series point's period is
// a calendar year ("2015") or month ("2015-09"); a pattern's windows are date ranges, both ends
// included. A directional pattern compares the `beforeDays` days ending the day before its event
// with the `withinDays` days starting on the event day.

import { dayIndex, daysInMonth, isoDay, isRealDate } from '../scenarios/dates.js';
import type { DateWindow, DirectionalItem } from './types.js';

/** First and last date of a "YYYY" or "YYYY-MM" period; undefined when it is neither. */
export function periodWindow(period: string, window: 'yearly' | 'monthly'): DateWindow | undefined {
  if (window === 'yearly') {
    if (!/^\d{4}$/.test(period)) return undefined;
    return { from: `${period}-01-01`, to: `${period}-12-31` };
  }
  if (!/^\d{4}-\d{2}$/.test(period) || !isRealDate(`${period}-01`)) return undefined;
  return { from: `${period}-01`, to: `${period}-${String(daysInMonth(period)).padStart(2, '0')}` };
}

/** The pre-event and post-event windows of a directional pattern whose event is on `eventDate`. */
export function directionalWindows(item: Pick<DirectionalItem, 'withinDays' | 'beforeDays'>, eventDate: string): { before: DateWindow; after: DateWindow } {
  const beforeDays = item.beforeDays ?? item.withinDays;
  return {
    before: { from: isoDay(eventDate, -beforeDays), to: isoDay(eventDate, -1) },
    after: { from: eventDate, to: isoDay(eventDate, item.withinDays - 1) },
  };
}

/** Day indices [first, last] of a window in a run starting on `startDate`. */
export interface DayRange {
  first: number;
  last: number;
}

export function dayRange(window: DateWindow, startDate: string): DayRange {
  return { first: dayIndex(startDate, window.from), last: dayIndex(startDate, window.to) };
}

/** True when the window lies inside the period (both ends included). */
export function insidePeriod(window: DateWindow, period: { start: string; end: string }): boolean {
  return window.from >= period.start && window.to <= period.end && window.from <= window.to;
}
