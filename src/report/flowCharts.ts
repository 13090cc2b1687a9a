// Charts of movement across borders: daily crossings, attempts and pushbacks per border as fan
// charts (the borders with the largest period totals), and the exit shares as a stacked area.
//
// Exit shares use 7-day sums (or longer, as long as a plotted bin) of the daily mean crossings of each exit border, normalised to
// 100%: daily shares swing wildly on days with few exits (after the March 2016 closures a
// handful of people a day), and a share of means is what a reader expects here. The p05–p95 of
// each exit's period share is in the table (summary.json's `exitShare`).

import { CATEGORICAL, OTHER_GREY } from './theme.js';
import { fanChartSpec } from './fanChart.js';
import { borderName, fmt, fmtShare, fmtStats, metricName } from './format.js';
import { eventLayers } from './events.js';
import { meanOf, seriesCsv, statsTable, topBy, type ChartDef, type RunContext } from './chartModel.js';
import { rollingSums } from './seriesTable.js';
import { utcMs } from './time.js';

const TOP_BORDERS = 6;

/** Fan chart of one border metric for the borders with the largest period totals. */
export function borderFanChart(ctx: RunContext, metric: string, options: { id: string; title: string; intro: string }): ChartDef | undefined {
  const { summary, series, scenario } = ctx;
  const borders = topBy(summary.borders, (b) => meanOf(b[metric]), TOP_BORDERS).filter((b) => series.get(metric, b));
  if (borders.length === 0) return undefined;
  const panels = borders.map((b) => ({ title: `${b}  ${borderName(scenario, b)}`, stats: series.get(metric, b)! }));
  const spec = fanChartSpec(panels, {
    dates: series.dates,
    clusters: ctx.clusters,
    binDays: ctx.binDays,
    yTitle: 'per day',
    widthPx: ctx.widthPx,
    columns: 3,
  });
  const name = metricName(metric).toLowerCase();
  const totals = borders.map((b) => `${b} ${fmtStats(summary.borders[b][metric])}`).join('; ');
  return {
    id: options.id,
    title: options.title,
    spec,
    alt: {
      title: `${options.title}: daily ${name} on the ${borders.length} busiest borders`,
      desc: `Fan charts, one per border: mean line and p05–p95 band across ${summary.runs} runs. Period totals, mean (p05–p95): ${totals}.`,
    },
    caption: `${options.intro} Period totals, mean (p05–p95 across runs): ${totals}.`,
    table: statsTable('border', borders, [metric], (b, m) => summary.borders[b][m]),
    csv: { fileName: `${options.id}.csv`, text: seriesCsv(series, borders.map((b) => [metric, b]), ctx.binDays) },
  };
}

/** Stacked area of each exit border's share of the crossings out of the region. */
export function exitShareChart(ctx: RunContext): ChartDef | undefined {
  const { summary, series, scenario } = ctx;
  const exits = Object.keys(summary.borders).filter((b) => summary.borders[b].exitShare !== undefined);
  const used = topBy(Object.fromEntries(exits.map((b) => [b, summary.borders[b]])), (s) => meanOf(s.exitShare), 99);
  if (used.length === 0) return undefined;
  const shown = used.slice(0, CATEGORICAL.length - 2);
  const rest = used.slice(shown.length);
  const days = series.dates.length;
  const window = Math.max(7, ctx.binDays);
  const weekly = (border: string) => rollingSums(series.get('crossings', border), days, window);
  const groups = [...shown.map((b) => ({ name: b, sums: weekly(b) }))];
  if (rest.length > 0) {
    const other = new Float64Array(days);
    for (const b of rest) weekly(b).forEach((v, d) => (other[d] += v));
    groups.push({ name: 'other exits', sums: other });
  }
  const values = [];
  for (let d = 0; d < days; d += ctx.binDays) {
    const total = groups.reduce((s, g) => s + g.sums[d], 0);
    if (total <= 0) continue;
    for (const [i, g] of groups.entries()) values.push({ date: utcMs(series.dates[d]), border: g.name, order: i, share: g.sums[d] / total });
  }
  const domain = groups.map((g) => g.name);
  const range = [...CATEGORICAL.slice(0, shown.length), ...(rest.length > 0 ? [OTHER_GREY] : [])];
  const x = { field: 'date', type: 'temporal', scale: { type: 'utc' }, axis: { title: null, format: '%b %Y', grid: false } };
  const spec = {
    width: ctx.widthPx - 190,
    height: 220,
    layer: [
      {
        data: { values },
        mark: { type: 'area', opacity: 0.9 },
        encoding: {
          x,
          y: { field: 'share', type: 'quantitative', stack: 'zero', scale: { domain: [0, 1] }, axis: { title: 'share of exits', format: '.0%', tickCount: 5 } },
          color: { field: 'border', type: 'nominal', scale: { domain, range }, legend: { title: 'Exit border', orient: 'right' } },
          order: { field: 'order', type: 'quantitative' },
        },
      },
      ...eventLayers(ctx.clusters),
    ],
  };
  const shares = used.map((b) => `${b} ${fmtShare(summary.borders[b].exitShare?.mean)}`).join(', ');
  return {
    id: 'exit-shares',
    title: 'Exit shares',
    spec,
    alt: {
      title: 'Exit shares: how the crossings out of the region split between exit borders over time',
      desc: `Stacked area of 7-day shares. Mean share over the period: ${shares}.`,
    },
    caption:
      `Share of the people leaving the region (from a non-EU into an EU country) by exit border, from 7-day totals of the ` +
      `daily mean crossings. Mean share over the whole period: ${shares}. ` +
      `Exit borders: ${used.map((b) => `${b} (${borderName(scenario, b)})`).join(', ')}.`,
    table: statsTable('exit border', used, ['exitShare', 'crossings'], (b, m) => summary.borders[b][m]),
    csv: { fileName: 'exit-crossings.csv', text: seriesCsv(series, used.map((b) => ['crossings', b]), ctx.binDays) },
  };
}

/** Fan charts of crossings, attempts and pushbacks per border. */
export function flowCharts(ctx: RunContext): ChartDef[] {
  const t = ctx.summary.totals;
  const charts = [
    borderFanChart(ctx, 'crossings', {
      id: 'crossings',
      title: 'Crossings per border',
      intro: `People crossing each border per day (the ${TOP_BORDERS} borders with most crossings; each panel has its own scale).`,
    }),
    exitShareChart(ctx),
    borderFanChart(ctx, 'attempts', {
      id: 'attempts',
      title: 'Attempts per border',
      intro: `Attempts to cross per day, successful or not (${fmt(meanOf(t.attempts))} attempts for ${fmt(meanOf(t.crossings))} crossings in all).`,
    }),
    borderFanChart(ctx, 'pushbacks', {
      id: 'pushbacks',
      title: 'Pushbacks per border',
      intro: `Detected attempts that ended with the person sent back, per day (${fmtStats(t.pushbacks)} in all).`,
    }),
  ];
  return charts.filter((c): c is ChartDef => c !== undefined);
}
