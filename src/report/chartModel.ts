// What every chart of the report is made of, before and after rendering: the Vega-Lite spec,
// its text alternative, a caption with the key numbers, and the numbers behind it as a table
// and/or a CSV download. Also the report's view of summary.json, typed loosely so that metrics
// added to the kernel later (the smuggler layer, for one) flow through without code changes.

import type { Scenario } from '../scenarios/types.js';
import type { EventCluster, ReportEvent } from './events.js';
import type { Stats } from './format.js';
import { binStats, type SeriesTable } from './seriesTable.js';
import type { ChartText, VlSpec } from './vegaSvg.js';

/** summary.json as the report reads it: every metric maps to {mean, sd, p05, p50, p95}. */
export interface SummaryJson {
  scenario: string;
  period: { start: string; end: string };
  seed: number;
  runs: number;
  peoplePerAgent: number;
  totals: Record<string, Stats>;
  borders: Record<string, Record<string, Stats>>;
  countries: Record<string, Record<string, Stats>>;
}

export interface DataTable {
  columns: string[];
  rows: string[][];
  /** Index of the first numeric column (right-aligned from there on). */
  numericFrom?: number;
}

export interface ChartDef {
  /** HTML id of the figure, also the prefix of the SVG's ids. */
  id: string;
  title: string;
  spec: VlSpec;
  /** <title>/<desc> of the SVG. */
  alt: ChartText;
  /** Figure caption: how to read it and the key numbers. */
  caption: string;
  table?: DataTable;
  csv?: { fileName: string; text: string };
}

export interface RenderedChart extends ChartDef {
  svg: string;
}

/** Everything a run report's chart builders need. */
export interface RunContext {
  scenario: Scenario;
  summary: SummaryJson;
  series: SeriesTable;
  events: ReportEvent[];
  clusters: EventCluster[];
  /** Width of the content column in px. */
  widthPx: number;
  /** Days averaged into one plotted point (1 for periods up to ~13 months). */
  binDays: number;
}

/** Mean of a summary statistic, 0 when missing or undefined. */
export function meanOf(s: Stats | undefined): number {
  return s?.mean ?? 0;
}

/** Ids of `record` sorted by `score` (descending), keeping those with a positive score, at most `n`. */
export function topBy<T>(record: Record<string, T>, score: (value: T, id: string) => number, n: number): string[] {
  return Object.entries(record)
    .map(([id, v]) => [id, score(v, id)] as const)
    .filter(([, s]) => s > 0)
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([id]) => id);
}

/** The numbers behind a chart as CSV: the very rows of series.csv when it plots daily values;
 * when it plots bins of several days, one row per bin (its first date and its number of days)
 * with the averages it plots, mean, p05 and p95 of each series. */
export function seriesCsv(series: SeriesTable, pairs: readonly [string, string][], binDays = 1): string {
  if (binDays <= 1) {
    const lines = ['metric,entity,date,mean,p05,p50,p95'];
    for (const [metric, entity] of pairs) lines.push(...series.rows(metric, entity));
    return lines.join('\n') + '\n';
  }
  // Wide: one row per bin, three columns per series. A long table repeated metric, entity and
  // date on every row and made the 2015–2026 report's downloads ~1.2 MB instead of ~0.4 MB.
  const num = (v: number) => (Number.isNaN(v) ? '' : String(Number(v.toPrecision(5))));
  const columns = pairs.filter(([m, e]) => series.get(m, e));
  const binned = columns.map(([m, e]) => binStats(series.get(m, e)!, binDays));
  const header = ['date', 'days', ...columns.flatMap(([m, e]) => [`${m} ${e} mean`, `${m} ${e} p05`, `${m} ${e} p95`])];
  const lines = [header.join(',')];
  (binned[0]?.starts ?? []).forEach((day, i) => {
    const cells = binned.flatMap((b) => [num(b.stats.mean[i]), num(b.stats.p05[i]), num(b.stats.p95[i])]);
    lines.push([series.dates[day], Math.min(binDays, series.dates.length - day), ...cells].join(','));
  });
  return lines.join('\n') + '\n';
}

/** A table of summary statistics as written in summary.json (numbers unformatted, so they can
 * be checked against the file), one row per id. */
export function statsTable(label: string, ids: readonly string[], metrics: readonly string[], get: (id: string, metric: string) => Stats | undefined): DataTable {
  const columns = [label];
  for (const m of metrics) columns.push(`${m} mean`, `${m} p05`, `${m} p95`);
  const cell = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v));
  const rows = ids.map((id) => [id, ...metrics.flatMap((m) => {
    const s = get(id, m);
    return [cell(s?.mean), cell(s?.p05), cell(s?.p95)];
  })]);
  return { columns, rows, numericFrom: 1 };
}
