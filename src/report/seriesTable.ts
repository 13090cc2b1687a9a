// series.csv read back into columns: one {mean, p05, p50, p95} set of Float64Arrays per
// (metric, entity), indexed by day, plus the original text rows so a chart's CSV download holds
// exactly the bytes of series.csv.
//
// A file written with `--series-resolution week|month` (one row per calendar week or month,
// src/run/seriesResolution.ts) is read back as days too, so that every chart, window and event
// marker keeps working in days: a flow's period total becomes a rate per day over the period
// (total ÷ days of the period, for the mean and each quantile alike), a stock's or a level's
// period value holds on each of its days. `resolution` says which the file had.
//
// Why by hand and lazily: the file has ~170,000 rows for the default scenario in a fixed,
// documented shape (docs/outputs.md: one block of `days` rows per metric and entity, no field
// that needs quoting), and a report reads only ~40 of its ~600 blocks. Finding the lines and
// checking the block keys takes ~30 ms for 2015–16; parsing every number up front took ~200 ms. A row that
// breaks the shape is reported with its line number rather than misread.

import { METRIC_KINDS, type MetricKind, type SeriesResolution } from '../run/seriesResolution.js';
import { dayIndex, daysInMonth, isoDay } from '../scenarios/dates.js';

export interface SeriesStats {
  /** Statistics across runs per day; NaN where series.csv has an empty field (undefined). */
  mean: Float64Array;
  p05: Float64Array;
  p50: Float64Array;
  p95: Float64Array;
}

export interface SeriesTable {
  /** ISO dates, day 0 first (every day, whatever the file's resolution). */
  dates: string[];
  /** The rows of the file: one per day, calendar week or calendar month. */
  resolution: SeriesResolution;
  /** Metric names in file order. */
  metrics: string[];
  /** Entities of one metric in file order (border ids, country codes or `total`). */
  entities(metric: string): string[];
  get(metric: string, entity: string): SeriesStats | undefined;
  /** The text rows of series.csv for (metric, entity), without the newline (one per day, week or month, as in the file). */
  rows(metric: string, entity: string): string[];
}

export const SERIES_COLUMNS = 'metric,entity,date,mean,p05,p50,p95';

/** series.csv does not have the documented shape (edited, cut short, not routeshift's): a problem
 * with the file, which `routeshift report` names, not an internal error. */
export class SeriesCsvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SeriesCsvError';
  }
}

interface Block {
  /** Index in `lines` of the block's first row. */
  first: number;
  stats?: SeriesStats;
}

/** The resolution of a file from the dates of its first block (day, 7-day, or month steps). */
function resolutionOf(dates: readonly string[]): SeriesResolution {
  const gaps = dates.slice(1).map((d, i) => dayIndex(dates[i], d));
  if (gaps.every((g) => g === 1)) return 'day';
  const inner = gaps.slice(1);
  if (gaps[0] <= 7 && inner.every((g) => g === 7) && dates.slice(1).every((d) => weekday(d) === 1)) return 'week';
  if (gaps[0] <= 31 && dates.slice(1).every((d) => d.endsWith('-01'))) return 'month';
  throw new SeriesCsvError(`series.csv: the dates ${dates.slice(0, 3).join(', ')}, … are not days, weeks or months`);
}

function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** Last day of the period starting on `date` when the run's end is not known. */
function naturalEnd(date: string, resolution: SeriesResolution): string {
  if (resolution === 'week') return isoDay(date, (7 - weekday(date)) % 7);
  if (resolution === 'month') return isoDay(date.slice(0, 8) + '01', daysInMonth(date.slice(0, 7)) - 1);
  return date;
}

/** Parse series.csv text. Throws with the line number when the file does not have the documented
 * shape. `endDate`, the run's last day (summary.json `period.end`), sets the length of the last
 * period of a weekly or monthly file; without it the period is taken to run to its calendar end. */
export function parseSeriesCsv(text: string, endDate?: string): SeriesTable {
  // Line starts only: splitting a 12-year file (2.3 million rows, 90 MB) into strings cost a
  // second of garbage collection; a row becomes a string when its block is read. In a typed array:
  // 2.9 million starts took 45-88 ms against 132-170 ms pushed onto an array.
  const { starts, lineCount } = lineStarts(text);
  /** End of line i, without its line break. */
  const lineEnd = (i: number): number => {
    let end = i + 1 < lineCount ? starts[i + 1] : text.length;
    if (end > starts[i] && text.charCodeAt(end - 1) === 10) end--;
    if (end > starts[i] && text.charCodeAt(end - 1) === 13) end--;
    return end;
  };
  const line = (i: number): string => text.slice(starts[i], lineEnd(i));
  let count = lineCount;
  while (count > 1 && line(count - 1) === '') count--;
  if (line(0) !== SERIES_COLUMNS) throw new SeriesCsvError(`series.csv: expected the header "${SERIES_COLUMNS}"`);
  if (text.includes('"')) throw new SeriesCsvError('series.csv: quoted fields are not expected');
  const firstKey = keyOf(count > 1 ? line(1) : '');
  let days = 0;
  while (1 + days < count && keyOf(line(1 + days)) === firstKey) days++;
  const rowDates = Array.from({ length: days }, (_, d) => {
    const fields = line(1 + d).split(',');
    // A file cut short ends in a partial row; say where, rather than that its dates are odd.
    if (fields.length !== 7 || !/^\d{4}-\d{2}-\d{2}$/.test(fields[2])) {
      throw new SeriesCsvError(`series.csv line ${d + 2}: expected 7 fields (${SERIES_COLUMNS}) with an ISO date`);
    }
    return fields[2];
  });
  const rowCount = count - 1;
  if (days === 0 || rowCount % days !== 0) throw new SeriesCsvError(`series.csv: ${rowCount} rows are not whole blocks of ${days} days`);
  const resolution = resolutionOf(rowDates);
  // Day index of each row's first day, then the number of days.
  const last = resolution === 'day' ? rowDates[days - 1] : (endDate ?? naturalEnd(rowDates[days - 1], resolution));
  const rowStarts = [...rowDates.map((d) => dayIndex(rowDates[0], d)), dayIndex(rowDates[0], last) + 1];
  if (rowStarts[days] <= rowStarts[days - 1]) throw new SeriesCsvError(`series.csv: the period ends on ${last}, before its last row (${rowDates[days - 1]})`);
  const dates = resolution === 'day' ? rowDates : Array.from({ length: rowStarts[days] }, (_, d) => isoDay(rowDates[0], d));

  const blocks = new Map<string, Block>();
  const byMetric = new Map<string, string[]>();
  for (let first = 1; first < count; first += days) {
    const key = keyOf(line(first));
    if (keyOf(line(first + days - 1)) !== key) throw new SeriesCsvError(`series.csv line ${first + days}: block ${key} does not have ${days} days`);
    if (blocks.has(key)) throw new SeriesCsvError(`series.csv line ${first + 1}: block ${key} appears twice`);
    blocks.set(key, { first });
    const [metric, entity] = key.split(',');
    const list = byMetric.get(metric) ?? [];
    if (list.length === 0) byMetric.set(metric, list);
    list.push(entity);
  }

  const statsOf = (block: Block, metric: string): SeriesStats => {
    if (block.stats) return block.stats;
    const stats = emptyStats(dates.length);
    const perDay = resolution !== 'day' && (METRIC_KINDS as Record<string, MetricKind | undefined>)[metric] === 'flow';
    const columns = [stats.mean, stats.p05, stats.p50, stats.p95];
    for (let r = 0; r < days; r++) {
      const i = block.first + r;
      // The fields are read in place (no split into strings): a report reads ~150 blocks of 4,383
      // rows for the default scenario, and splitting them took ~0.6 s of its ~4.6 s.
      const end = lineEnd(i);
      const date = rowDates[r];
      const second = nthComma(text, starts[i], end, 2);
      const third = second < 0 ? -1 : text.indexOf(',', second + 1);
      if (third < 0 || third > end || third - second - 1 !== date.length || !text.startsWith(date, second + 1)) throw badRow(i, date);
      let from = third + 1;
      const scale = perDay ? 1 / (rowStarts[r + 1] - rowStarts[r]) : 1;
      for (let q = 0; q < 4; q++) {
        const comma = text.indexOf(',', from);
        const to = q < 3 ? comma : end;
        if (q < 3 ? comma < 0 || comma > end : comma >= 0 && comma < end) throw badRow(i, date);
        const value = from === to ? NaN : Number(text.slice(from, to)) * scale;
        if (rowStarts[r + 1] - rowStarts[r] === 1) columns[q][rowStarts[r]] = value;
        else columns[q].fill(value, rowStarts[r], rowStarts[r + 1]);
        from = to + 1;
      }
    }
    block.stats = stats;
    return stats;
  };
  const find = (metric: string, entity: string) => blocks.get(`${metric},${entity}`);

  return {
    dates,
    resolution,
    metrics: [...byMetric.keys()],
    entities: (metric) => byMetric.get(metric) ?? [],
    get: (metric, entity) => {
      const block = find(metric, entity);
      return block && statsOf(block, metric);
    },
    rows: (metric, entity) => {
      const block = find(metric, entity);
      return block ? Array.from({ length: days }, (_, d) => line(block.first + d)) : [];
    },
  };
}

/** Offsets of the lines of `text` (starts[0 … lineCount − 1]). */
function lineStarts(text: string): { starts: Int32Array; lineCount: number } {
  let starts = new Int32Array(1 << 16);
  let lineCount = 0;
  for (let pos = 0; pos < text.length; ) {
    if (lineCount === starts.length) {
      const bigger = new Int32Array(lineCount * 2);
      bigger.set(starts);
      starts = bigger;
    }
    starts[lineCount++] = pos;
    const nl = text.indexOf('\n', pos);
    pos = nl < 0 ? text.length : nl + 1;
  }
  return { starts, lineCount };
}

/** "metric,entity" of a row. */
function keyOf(line: string): string {
  const a = line.indexOf(',');
  const b = line.indexOf(',', a + 1);
  return a < 0 || b < 0 ? line : line.slice(0, b);
}

/** Position of the n-th comma (1-based) in text[from, end), or -1. */
function nthComma(text: string, from: number, end: number, n: number): number {
  let at = from - 1;
  for (let k = 0; k < n; k++) {
    at = text.indexOf(',', at + 1);
    if (at < 0 || at >= end) return -1;
  }
  return at;
}

function badRow(i: number, date: string): Error {
  return new SeriesCsvError(`series.csv line ${i + 1}: expected 7 fields dated ${date}`);
}

function emptyStats(days: number): SeriesStats {
  return { mean: new Float64Array(days), p05: new Float64Array(days), p50: new Float64Array(days), p95: new Float64Array(days) };
}

/** Sum of the daily means over days [from, to) (NaN days count as 0): a flow's mean total. */
export function sumMeans(stats: SeriesStats, from = 0, to = stats.mean.length): number {
  let sum = 0;
  for (let d = Math.max(0, from); d < Math.min(to, stats.mean.length); d++) if (!Number.isNaN(stats.mean[d])) sum += stats.mean[d];
  return sum;
}

/** Largest daily mean (0 when none is defined). */
export function maxMean(stats: SeriesStats): number {
  let max = 0;
  for (const v of stats.mean) if (v > max) max = v;
  return max;
}

/** Days per plotted point so a series has at most `maxPoints` points (1 up to ~13 months). */
export function binDaysFor(days: number, maxPoints = 370): number {
  return Math.max(1, Math.ceil(days / maxPoints));
}

/** Averages of each statistic over consecutive bins of `binDays` days (NaN days skipped; a bin
 * with no defined day is NaN). `starts[i]` is the first day of bin i. With binDays = 1 the
 * statistics themselves are returned. */
export function binStats(stats: SeriesStats, binDays: number): { starts: number[]; stats: SeriesStats } {
  const days = stats.mean.length;
  if (binDays <= 1) return { starts: Array.from({ length: days }, (_, d) => d), stats };
  const bins = Math.ceil(days / binDays);
  const out = emptyStats(bins);
  const starts: number[] = [];
  for (let b = 0; b < bins; b++) {
    starts.push(b * binDays);
    for (const key of ['mean', 'p05', 'p50', 'p95'] as const) {
      let sum = 0;
      let n = 0;
      for (let d = b * binDays; d < Math.min(days, (b + 1) * binDays); d++) {
        const v = stats[key][d];
        if (!Number.isNaN(v)) {
          sum += v;
          n++;
        }
      }
      out[key][b] = n > 0 ? sum / n : NaN;
    }
  }
  return { starts, stats: out };
}

/** Sums of the daily means over the last `window` days, for each day (a flow's moving total). */
export function rollingSums(stats: SeriesStats | undefined, days: number, window: number): Float64Array {
  const out = new Float64Array(days);
  if (!stats) return out;
  let run = 0;
  for (let d = 0; d < days; d++) {
    run += stats.mean[d] || 0;
    if (d >= window) run -= stats.mean[d - window] || 0;
    out[d] = Math.max(0, run);
  }
  return out;
}
