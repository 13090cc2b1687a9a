// Calendar arithmetic on ISO dates in UTC, so day numbers never shift with the host's time zone
// or daylight saving. Day 0 is the scenario's period start.

const MS_PER_DAY = 86_400_000;

function utcMs(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y, m - 1, d ?? 1);
}

/** Days from `start` to `date` (both `YYYY-MM-DD`); negative when date is before start. */
export function dayIndex(start: string, date: string): number {
  return Math.round((utcMs(date) - utcMs(start)) / MS_PER_DAY);
}

/** The ISO date `day` days after `start`. */
export function isoDay(start: string, day: number): string {
  return new Date(utcMs(start) + day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Number of days in the month `YYYY-MM`. */
export function daysInMonth(month: string): number {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** True when `iso` is a real calendar date (rejects 2015-02-30). */
export function isRealDate(iso: string): boolean {
  return isoDay(iso, 0) === iso;
}
