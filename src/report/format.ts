// Names and numbers as people read them: "Serbia → Hungary" for RS-HU, "203,000", "12.4%",
// "0.8–1.1" for an interval, and HTML escaping. One place so that captions, tables and chart
// labels agree.

import type { Scenario } from '../scenarios/types.js';

export interface Stats {
  mean: number | null;
  sd?: number | null;
  p05: number | null;
  p50?: number | null;
  p95: number | null;
}

const whole = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });
const compact = new Intl.NumberFormat('en-GB', { notation: 'compact', maximumSignificantDigits: 3 });

/** A count or amount for text: thousands separators; one decimal below 100, none above. */
export function fmt(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  return Math.abs(value) >= 100 ? whole.format(value) : oneDecimal.format(value);
}

/** A short number for labels on charts and maps: 203K, 1.2M. */
export function fmtCompact(value: number): string {
  return compact.format(value);
}

/** A share in [0, 1] as a percentage. */
export function fmtShare(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  return `${oneDecimal.format(value * 100)}%`;
}

/** "mean (p05–p95)" for a summary statistic. */
export function fmtStats(s: Stats | undefined, share = false): string {
  if (!s || s.mean === null) return '–';
  const f = share ? fmtShare : fmt;
  return `${f(s.mean)} (${f(s.p05)}–${f(s.p95)})`;
}

/** Country name from the scenario, else the code. */
export function countryName(scenario: Scenario, code: string): string {
  return scenario.countries[code]?.name ?? code;
}

/** "Serbia → Hungary" for RS-HU; the id itself when it is not a country pair of the scenario. */
export function borderName(scenario: Scenario, id: string): string {
  const [from, to] = id.split('-');
  if (!from || !to || !scenario.countries[from] || !scenario.countries[to]) return id;
  return `${countryName(scenario, from)} → ${countryName(scenario, to)}`;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Human-readable metric names for titles and tables; unknown metrics keep their name. */
const METRIC_NAMES: Record<string, string> = {
  attempts: 'Attempts',
  crossings: 'Crossings',
  detections: 'Detections (true)',
  detectionsRecorded: 'Detections recorded',
  pushbacks: 'Pushbacks',
  injuries: 'Injuries',
  deaths: 'Deaths',
  smuggledCrossings: 'Crossings with a smuggler',
  purchases: 'Smuggling services bought',
  revenueEur: 'Smuggler revenue (EUR)',
  extortionEvents: 'Extortion events',
  priceEur: 'Smuggling price (EUR)',
  present: 'People present',
  inCamp: 'In camps',
  sleepingRough: 'Sleeping rough',
  stranded: 'Stranded',
  networksBased: 'Smuggling networks based here',
  entered: 'People entering',
  arrivals: 'Arrivals at destination',
  moving: 'On the move',
  waiting: 'Waiting',
  detained: 'Detained',
  smugglerRevenueEur: 'Smuggler revenue (EUR)',
  smugglerViolenceInjuries: 'Injuries by smugglers',
  arrests: 'Smugglers arrested',
  networksActive: 'Active smuggling networks',
  strandedEnd: 'Stranded at the end',
  meanTransitDays: 'Mean days in transit',
  networksActiveEnd: 'Active networks at the end',
  attemptsPerCrossing: 'Attempts per crossing',
  exitShare: 'Share of exits',
  smuggledShare: 'Share smuggled',
  meanPriceEur: 'Mean price paid (EUR)',
};

export function metricName(metric: string): string {
  return METRIC_NAMES[metric] ?? metric;
}

/** "Athens" from "Athens / Piraeus (sea arrivals via the Aegean islands)". */
export function shortName(name: string): string {
  return name.split(/\s[(/]/)[0].trim();
}
