// Charts of the smuggling market, shown only when the outputs hold one (a scenario without
// smugglers reports zeros for these metrics): the price of a smuggling service per border as
// fan charts, the share of crossings made with a smuggler per border, and the networks based in
// each country.
//
// The smuggled share over time is a ratio of daily means (7-day sums of smuggled crossings over
// 7-day sums of crossings) and has no band: quantiles of a ratio cannot be rebuilt from the
// quantiles of its parts. Its p05–p95 over the whole period is in the table (summary.json's
// `smuggledShare`).

import { CATEGORICAL } from './theme.js';
import { fanChartSpec } from './fanChart.js';
import { borderName, countryName, fmtShare, fmtStats } from './format.js';
import { eventLayers } from './events.js';
import { meanOf, seriesCsv, statsTable, topBy, type ChartDef, type RunContext } from './chartModel.js';
import { maxMean, rollingSums } from './seriesTable.js';
import { utcMs } from './time.js';

/** True when the outputs have any smuggling activity at all. */
export function hasSmugglers(ctx: RunContext): boolean {
  const { summary } = ctx;
  if (meanOf(summary.totals.smuggledCrossings) > 0) return true;
  return Object.values(summary.borders).some((b) => meanOf(b.smuggledCrossings) > 0 || meanOf(b.priceEur) > 0);
}

export function smugglerCharts(ctx: RunContext): ChartDef[] {
  if (!hasSmugglers(ctx)) return [];
  return [priceChart(ctx), smuggledShareChart(ctx), networksChart(ctx)].filter((c): c is ChartDef => c !== undefined);
}

function priceChart(ctx: RunContext): ChartDef | undefined {
  const { summary, series, scenario } = ctx;
  const borders = topBy(summary.borders, (b) => meanOf(b.priceEur), 6).filter((b) => series.get('priceEur', b));
  if (borders.length === 0) return undefined;
  const panels = borders.map((b) => ({ title: `${b}  ${borderName(scenario, b)}`, stats: series.get('priceEur', b)! }));
  const spec = fanChartSpec(panels, { dates: series.dates, clusters: ctx.clusters, binDays: ctx.binDays, yTitle: 'EUR', widthPx: ctx.widthPx, columns: 3, yFormat: ',.0f', zeroIsMissing: true });
  const prices = borders.map((b) => `${b} ${fmtStats(summary.borders[b].priceEur)} EUR`).join('; ');
  return {
    id: 'smuggler-prices',
    title: 'Smuggling prices per border',
    spec,
    alt: { title: 'Price of a smuggling service per border over time', desc: `Fan charts in EUR, mean and p05–p95 across runs. Mean price over the days it was quoted: ${prices}.` },
    caption: `The price quoted for a smuggling service across each border, per day (gaps: no quote that day). Mean over the days with a quote, mean (p05–p95 across runs): ${prices}.`,
    table: statsTable('border', borders, ['priceEur', 'meanPriceEur'], (b, m) => summary.borders[b][m]),
    csv: { fileName: 'smuggler-prices.csv', text: seriesCsv(series, borders.map((b) => ['priceEur', b]), ctx.binDays) },
  };
}

function smuggledShareChart(ctx: RunContext): ChartDef | undefined {
  const { summary, series } = ctx;
  const borders = topBy(summary.borders, (b) => meanOf(b.smuggledCrossings), 6);
  if (borders.length === 0) return undefined;
  const days = series.dates.length;
  const values = borders.flatMap((b) => {
    const window = Math.max(7, ctx.binDays);
    const smuggled = rollingSums(series.get('smuggledCrossings', b), days, window);
    const all = rollingSums(series.get('crossings', b), days, window);
    const rows = [];
    for (let d = 0; d < days; d += ctx.binDays) if (all[d] > 0) rows.push({ date: utcMs(series.dates[d]), border: b, share: smuggled[d] / all[d] });
    return rows;
  });
  const spec = {
    width: ctx.widthPx - 190,
    height: 200,
    layer: [
      {
        data: { values },
        mark: { type: 'line', strokeWidth: 1.8 },
        encoding: {
          x: { field: 'date', type: 'temporal', scale: { type: 'utc' }, axis: { title: null, format: '%b %Y', grid: false } },
          y: { field: 'share', type: 'quantitative', scale: { domain: [0, 1] }, axis: { title: 'share smuggled', format: '.0%' } },
          color: { field: 'border', type: 'nominal', scale: { domain: borders, range: CATEGORICAL.slice(0, borders.length) }, legend: { title: 'Border', orient: 'right' } },
        },
      },
      ...eventLayers(ctx.clusters),
    ],
  };
  const shares = borders.map((b) => `${b} ${fmtShare(summary.borders[b].smuggledShare?.mean)}`).join(', ');
  return {
    id: 'smuggled-share',
    title: 'Share of crossings with a smuggler',
    spec,
    alt: { title: 'Share of crossings made with a smuggler, per border, over time', desc: `Lines of 7-day shares. Over the period: ${shares}.` },
    caption: `Crossings made with a smuggler as a share of all crossings of the border (7-day totals of daily means). Over the whole period, mean share: ${shares}; p05–p95 in the table.`,
    table: statsTable('border', borders, ['smuggledShare', 'smuggledCrossings', 'crossings'], (b, m) => summary.borders[b][m]),
    csv: { fileName: 'smuggled-crossings.csv', text: seriesCsv(series, borders.flatMap((b) => [['smuggledCrossings', b], ['crossings', b]] as [string, string][]), ctx.binDays) },
  };
}

function networksChart(ctx: RunContext): ChartDef | undefined {
  const { series, scenario, summary } = ctx;
  const metric = 'networksBased';
  const countries = series.entities(metric).filter((c) => maxMean(series.get(metric, c)!) > 0).slice(0, 6);
  if (countries.length === 0) return undefined;
  const panels = countries.map((c) => ({ title: countryName(scenario, c), stats: series.get(metric, c)! }));
  const spec = fanChartSpec(panels, { dates: series.dates, clusters: ctx.clusters, binDays: ctx.binDays, yTitle: 'networks', widthPx: ctx.widthPx, columns: 3, yFormat: '~d' });
  return {
    id: 'smuggler-networks',
    title: 'Smuggling networks by country',
    spec,
    alt: { title: 'Smuggling networks based in each country over time', desc: `Fan charts per country; networks active at the end: ${fmtStats(summary.totals.networksActiveEnd)}.` },
    caption: `Smuggling networks based in each country, per day (mean and p05–p95 across runs). Networks active at the end: ${fmtStats(summary.totals.networksActiveEnd)}; smugglers arrested: ${fmtStats(summary.totals.arrests)}.`,
    csv: { fileName: 'smuggler-networks.csv', text: seriesCsv(series, countries.map((c) => [metric, c]), ctx.binDays) },
  };
}
