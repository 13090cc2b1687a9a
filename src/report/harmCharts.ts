// Charts of what the journey costs people: injuries and deaths per day over the whole scenario,
// and the people stranded in each country, as fan charts (mean and p05–p95 across runs).

import { fanChartSpec } from './fanChart.js';
import { countryName, fmtStats, metricName } from './format.js';
import { meanOf, seriesCsv, statsTable, topBy, type ChartDef, type RunContext } from './chartModel.js';
import { maxMean } from './seriesTable.js';

const TOP_COUNTRIES = 6;

/** Injuries and deaths per day, whole scenario; the table adds the borders where they happen. */
export function harmChart(ctx: RunContext): ChartDef | undefined {
  const { series, summary } = ctx;
  const metrics = ['injuries', 'deaths'].filter((m) => series.get(m, 'total'));
  if (metrics.length === 0) return undefined;
  const panels = metrics.map((m) => ({ title: `${metricName(m)} (all borders and routes)`, stats: series.get(m, 'total')! }));
  const spec = fanChartSpec(panels, { dates: series.dates, clusters: ctx.clusters, binDays: ctx.binDays, yTitle: 'people per day', widthPx: ctx.widthPx, columns: 2, panelHeightPx: 140 });
  const totals = metrics.map((m) => `${metricName(m).toLowerCase()} ${fmtStats(summary.totals[m])}`).join('; ');
  const borders = topBy(summary.borders, (b) => meanOf(b.injuries) + meanOf(b.deaths), 8);
  const where = borders.length > 0 ? ` Most harm at ${borders.slice(0, 3).map((b) => `${b} (${fmtStats(summary.borders[b].injuries)} injuries, ${fmtStats(summary.borders[b].deaths)} deaths)`).join('; ')}.` : '';
  return {
    id: 'injuries-deaths',
    title: 'Injuries and deaths',
    spec,
    alt: {
      title: 'Injuries and deaths per day across the whole route',
      desc: `Two fan charts, mean and p05–p95 across ${summary.runs} runs. Period totals, mean (p05–p95): ${totals}.${where}`,
    },
    caption:
      `Injuries (violence during pushbacks and terrain incidents) and deaths per day, all borders and routes together. ` +
      `Period totals, mean (p05–p95 across runs): ${totals}.${where} The table lists the borders with most harm.`,
    table: statsTable('border', borders, ['injuries', 'deaths', 'pushbacks'], (b, m) => summary.borders[b][m]),
    csv: { fileName: 'harm.csv', text: seriesCsv(series, metrics.map((m) => [m, 'total']), ctx.binDays) },
  };
}

/** People stranded per country (no border crossed for `strandedAfterDays`), end of each day. */
export function strandedChart(ctx: RunContext): ChartDef | undefined {
  const { series, summary, scenario } = ctx;
  const countries = series
    .entities('stranded')
    .map((c) => [c, maxMean(series.get('stranded', c)!)] as const)
    .filter(([, peak]) => peak > 0)
    .sort((a, b) => b[1] - a[1])
    .slice(0, TOP_COUNTRIES)
    .map(([c]) => c);
  if (countries.length === 0) return undefined;
  const panels = countries.map((c) => ({ title: countryName(scenario, c), stats: series.get('stranded', c)! }));
  const spec = fanChartSpec(panels, { dates: series.dates, clusters: ctx.clusters, binDays: ctx.binDays, yTitle: 'people', widthPx: ctx.widthPx, columns: 3 });
  const ends = countries.map((c) => `${countryName(scenario, c)} ${fmtStats(summary.countries[c]?.strandedEnd)}`).join('; ');
  return {
    id: 'stranded',
    title: 'Stranded people by country',
    spec,
    alt: {
      title: `People stranded in the ${countries.length} countries with the most`,
      desc: `Fan charts per country, mean and p05–p95 across ${summary.runs} runs. On the last day: ${ends}.`,
    },
    caption:
      `People in each country at the end of the day who have not crossed a border for a while (the scenario's ` +
      `strandedAfterDays), for the ${countries.length} countries with the highest peak. On the last day, mean (p05–p95): ${ends}. ` +
      `Total stranded at the end: ${fmtStats(summary.totals.strandedEnd)}.`,
    table: statsTable('country', countries, ['strandedEnd', 'presentEnd'], (c, m) => summary.countries[c]?.[m]),
    csv: { fileName: 'stranded.csv', text: seriesCsv(series, countries.map((c) => ['stranded', c]), ctx.binDays) },
  };
}
