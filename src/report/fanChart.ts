// Fan charts: for each entity (a border, a country, the whole scenario) a small panel with the
// p05–p95 band across runs and the mean line per day, and the policy events as dashed rules.
// Panels are laid out as small multiples with one x axis span, so the eye can follow a date from
// panel to panel.
//
// Periods longer than about 13 months are drawn with each point averaging several days
// (binDays), so a 12-year scenario stays a few hundred points per line, not 4,383.
//
// Why small multiples instead of overlaid bands: five overlapping translucent bands are
// unreadable, and a colour per border would be needed to tell them apart; one panel per entity
// needs no colour legend at all.

import { utcMs } from './time.js';
import { eventLayers, type EventCluster } from './events.js';
import { FAN } from './theme.js';
import { binStats, type SeriesStats } from './seriesTable.js';
import type { VlSpec } from './vegaSvg.js';

export interface FanPanel {
  /** Panel title, e.g. "RS-HU  Serbia → Hungary". */
  title: string;
  stats: SeriesStats;
}

export interface FanChartOptions {
  dates: readonly string[];
  clusters: readonly EventCluster[];
  yTitle: string;
  /** Total width the panels share, in px. */
  widthPx: number;
  columns: number;
  panelHeightPx?: number;
  /** Same y scale in every panel (compare magnitudes) or one per panel (see each shape). */
  sharedY?: boolean;
  /** d3 format of y axis labels. */
  yFormat?: string;
  /** Days averaged into one plotted point (1: daily; see binDaysFor). */
  binDays?: number;
  /** A level such as a price: a mean of 0 means "not quoted that day" and leaves a gap. */
  zeroIsMissing?: boolean;
}

/** Panel width for `columns` panels across `widthPx`. */
export function panelWidth(widthPx: number, columns: number): number {
  return Math.floor((widthPx - (columns - 1) * 28) / columns) - 62;
}

/** The Vega-Lite spec of a grid of fan-chart panels. */
export function fanChartSpec(panels: readonly FanPanel[], options: FanChartOptions): VlSpec {
  const columns = Math.min(options.columns, panels.length);
  const width = panelWidth(options.widthPx, columns);
  const height = options.panelHeightPx ?? 150;
  const x = {
    field: 'date',
    type: 'temporal',
    scale: { type: 'utc', domain: [utcMs(options.dates[0]), utcMs(options.dates.at(-1) ?? options.dates[0])] },
    axis: { title: null, format: '%b %Y', labelOverlap: 'greedy', tickCount: 6, grid: false },
  };
  const yAxis = { title: options.yTitle, format: options.yFormat ?? '~s', tickCount: 4 };
  const specs = panels.map((panel) => ({
    title: { text: panel.title, fontSize: 13 },
    width,
    height,
    layer: [
      {
        data: { values: panelValues(panel.stats, options.dates, options.binDays ?? 1, options.zeroIsMissing ?? false) },
        layer: [
          {
            mark: { type: 'area', color: FAN.band, opacity: FAN.bandOpacity },
            encoding: { x, y: { field: 'p05', type: 'quantitative', axis: yAxis }, y2: { field: 'p95' } },
          },
          {
            mark: { type: 'line', color: FAN.line, strokeWidth: 1.5 },
            encoding: { x, y: { field: 'mean', type: 'quantitative' } },
          },
        ],
      },
      ...eventLayers(options.clusters),
    ],
  }));
  return {
    concat: specs,
    columns,
    spacing: { row: 26, column: 28 },
    resolve: { scale: { y: options.sharedY ? 'shared' : 'independent' } },
  };
}

/** One row per plotted point: date, mean, p05, p95 (null where undefined). */
function panelValues(stats: SeriesStats, dates: readonly string[], binDays: number, zeroIsMissing: boolean) {
  const clean = (v: number) => (Number.isNaN(v) ? null : v);
  const binned = binStats(stats, binDays);
  return binned.starts.map((day, i) => {
    const gap = zeroIsMissing && binned.stats.mean[i] === 0;
    return {
      date: utcMs(dates[day]),
      mean: gap ? null : clean(binned.stats.mean[i]),
      p05: gap ? null : clean(binned.stats.p05[i]),
      p95: gap ? null : clean(binned.stats.p95[i]),
    };
  });
}
