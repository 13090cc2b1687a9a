// Dates for charts: ISO dates become UTC milliseconds before they reach Vega, so Vega never
// parses date strings (about a third of a chart's dataflow time when it did) and no host time
// zone can shift a day. Axes use a `utc` scale to match.

/** Milliseconds since the epoch of an ISO date `YYYY-MM-DD` at 00:00 UTC. */
export function utcMs(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y, m - 1, d);
}
