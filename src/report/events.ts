// The scenario's policy events as the report shows them: numbered in date order (the numbers
// link the time-axis markers to the event list in the scenario panel), grouped into clusters
// where they fall too close together to label one by one, and turned into the rule-and-label
// layers every time chart draws.
//
// Why clusters: the western-balkans scenario has five events between 15 and 21 September 2015;
// at ~1–2 px per day their labels would overprint, so events within `clusterDays` of a cluster's
// first event share one label ("5–9"); every event keeps its own rule.

import { dayIndex } from '../scenarios/dates.js';
import type { Scenario } from '../scenarios/types.js';
import { EVENT_RULE } from './theme.js';
import { utcMs } from './time.js';
import type { VlSpec } from './vegaSvg.js';

export interface ReportEvent {
  /** 1-based number in date order. */
  n: number;
  id?: string;
  date: string;
  /** Day index from the period start. */
  day: number;
  label: string;
  /** Border ids, or `edge <id>` for an event on one crossing. */
  targets: string[];
  source?: string;
}

export interface EventCluster {
  /** Events in the cluster, in date order. */
  events: ReportEvent[];
  /** Date and day of the first event. */
  date: string;
  day: number;
  /** Marker text: "3" or "5–9". */
  text: string;
}

/** Events inside the run's period (from summary.json, which may differ from a scenario edited
 * since), sorted by date (stable: file order within a day), numbered. */
export function reportEvents(scenario: Scenario, period: { start: string; end: string }): ReportEvent[] {
  const start = period.start;
  const days = dayIndex(start, period.end) + 1;
  return (scenario.events ?? [])
    .map((e, i) => ({ e, i, day: dayIndex(start, e.date) }))
    .filter(({ day }) => day >= 0 && day < days)
    .sort((a, b) => a.day - b.day || a.i - b.i)
    .map(({ e, day }, k) => ({
      n: k + 1,
      id: e.id,
      date: e.date,
      day,
      label: e.label,
      targets: e.edge !== undefined ? [`edge ${e.edge}`] : Array.isArray(e.border) ? e.border : e.border ? [e.border] : [],
      source: e.source,
    }));
}

/** Group events that fall within `clusterDays` of the first event of their cluster. */
export function clusterEvents(events: readonly ReportEvent[], clusterDays: number): EventCluster[] {
  const clusters: EventCluster[] = [];
  for (const e of events) {
    const last = clusters.at(-1);
    if (last && e.day - last.day < clusterDays) last.events.push(e);
    else clusters.push({ events: [e], date: e.date, day: e.day, text: '' });
  }
  for (const c of clusters) {
    const first = c.events[0].n;
    const last = c.events.at(-1)?.n ?? first;
    c.text = first === last ? String(first) : `${first}–${last}`;
  }
  return clusters;
}

/** Days per cluster so markers on a chart `widthPx` wide stay ~36 px apart ("12–17" is ~30 px). */
export function clusterDaysFor(days: number, widthPx: number): number {
  return Math.max(1, Math.ceil((36 * days) / Math.max(widthPx, 1)));
}

/** Vega-Lite layers drawing a dashed rule at each event and each cluster's number above the
 * plot. `x` is the chart's temporal field (values in UTC milliseconds). */
export function eventLayers(clusters: readonly EventCluster[], x = 'date'): VlSpec[] {
  if (clusters.length === 0) return [];
  const days = [...new Set(clusters.flatMap((c) => c.events.map((e) => e.date)))];
  const values = clusters.map((c) => ({ [x]: utcMs(c.date), text: c.text }));
  const xEnc = { field: x, type: 'temporal', scale: { type: 'utc' } };
  return [
    {
      data: { values: days.map((date) => ({ [x]: utcMs(date) })) },
      mark: { type: 'rule', stroke: EVENT_RULE.stroke, strokeDash: EVENT_RULE.dash, strokeWidth: 1, clip: true },
      encoding: { x: xEnc },
    },
    {
      data: { values },
      mark: { type: 'text', color: EVENT_RULE.label, fontSize: 11, dy: -6, baseline: 'bottom', align: 'center' },
      encoding: { x: xEnc, y: { value: 0 }, text: { field: 'text' } },
    },
  ];
}
