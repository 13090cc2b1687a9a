// report.html for one run: reads the run's outputs (summary.json, series.csv, manifest.json)
// and its scenario, builds every chart's Vega-Lite spec, renders them to SVG one after another
// and assembles the page. Pure apart from rendering: no file is read or written here, so `run`
// can call it on the strings it is about to write and `report` on the files it read.

import type { Scenario } from '../scenarios/types.js';
import type { ChartDef, RenderedChart, RunContext, SummaryJson } from './chartModel.js';
import { clusterDaysFor, clusterEvents, reportEvents } from './events.js';
import { panelWidth } from './fanChart.js';
import { figureHtml } from './figure.js';
import { flowCharts } from './flowCharts.js';
import { harmChart, strandedChart } from './harmCharts.js';
import { mapNetwork, seriesCrossings } from './mapFlows.js';
import { beforeAfterMaps, mainMap } from './mapSection.js';
import { pageHtml, type PageSection } from './page.js';
import { allTotalsHtml, keyNumbersHtml, provenanceHtml, scenarioPanelHtml, type ManifestJson } from './panels.js';
import { binDaysFor, parseSeriesCsv, type SeriesTable } from './seriesTable.js';
import { smugglerCharts } from './smugglerCharts.js';
import { statisticsChart } from './statisticsChart.js';
import { renderSvg, type RenderWarnings } from './vegaSvg.js';

/** Width of the page's content column in px (page.ts: 1,100 px less padding). */
export const CONTENT_WIDTH_PX = 1040;

export interface RunReportInput {
  /** The merged, validated scenario the run used. */
  scenario: Scenario;
  summary: SummaryJson;
  /** series.csv as text, or already parsed. */
  series: string | SeriesTable;
  manifest?: ManifestJson;
  /** Warnings to show in the provenance panel (e.g. the scenario changed since the run). */
  notes?: string[];
  /** Name and version of the generator, for the page's <meta name="generator">. */
  generator?: string;
}

export interface ReportResult {
  html: string;
  /** Ids of the charts in the report, in page order. */
  charts: string[];
  /** Warnings Vega-Lite or Vega raised (none expected). */
  warnings: string[];
}

export async function renderRunReport(input: RunReportInput): Promise<ReportResult> {
  const { scenario, summary } = input;
  const series = typeof input.series === 'string' ? parseSeriesCsv(input.series, summary.period.end) : input.series;
  const events = reportEvents(scenario, summary.period);
  const clusters = clusterEvents(events, clusterDaysFor(series.dates.length, panelWidth(CONTENT_WIDTH_PX, 3)));
  const binDays = binDaysFor(series.dates.length);
  const ctx: RunContext = { scenario, summary, series, events, clusters, widthPx: CONTENT_WIDTH_PX, binDays };
  const network = mapNetwork(scenario, seriesCrossings(series));

  const groups: { id: string; title: string; intro?: string; defs: ChartDef[] }[] = [
    { id: 'maps', title: 'Map', defs: [mainMap(ctx, network), ...beforeAfterMaps(ctx, network)] },
    { id: 'flows', title: 'Flows', defs: flowCharts(ctx) },
    { id: 'harm', title: 'Harm and stranding', defs: [harmChart(ctx), strandedChart(ctx)].filter((d): d is ChartDef => d !== undefined) },
    { id: 'statistics', title: 'Official statistics', defs: [statisticsChart(ctx)].filter((d): d is ChartDef => d !== undefined) },
    { id: 'smugglers', title: 'Smugglers', defs: smugglerCharts(ctx) },
  ];

  const sink: RenderWarnings = { warnings: [] };
  const sections: PageSection[] = [
    { id: 'overview', title: 'Key numbers', html: keyNumbersHtml(summary) + overviewNote(summary, series) },
  ];
  const charts: string[] = [];
  for (const group of groups) {
    if (group.defs.length === 0) continue;
    const rendered: RenderedChart[] = [];
    for (const def of group.defs) {
      const svg = await renderSvg(def.spec, def.id, def.alt, sink);
      rendered.push({ ...def, svg: inlineSvg(svg) });
      charts.push(def.id);
    }
    sections.push({ id: group.id, title: group.title, html: rendered.map(figureHtml).join('\n') });
  }
  sections.push(
    { id: 'scenario', title: 'Scenario', html: scenarioPanelHtml(scenario, events, summary) },
    {
      id: 'provenance',
      title: 'Provenance',
      html: provenanceHtml(input.manifest, summary, input.notes ?? []) + `\n<h3>All totals (summary.json)</h3>\n${allTotalsHtml(summary)}`,
    },
  );

  const html = pageHtml({
    title: scenario.name,
    subtitle: `routeshift run report · ${summary.runs} run${summary.runs === 1 ? '' : 's'} · seed ${summary.seed} · ${summary.period.start} to ${summary.period.end}`,
    intro:
      `Every number is summarised across the ${summary.runs} simulated runs. In the charts a <b>line</b> is the mean and ` +
      `a <b>band</b> spans the 5th to 95th percentile (p05–p95): the range in which 90% of simulated histories fall, ` +
      `not a confidence interval of the mean. <b>Dashed lines</b> mark policy events; their numbers refer to the ` +
      `<a href="#scenario">list of events</a>. Counts are people (each agent stands for ${summary.peoplePerAgent}).`,
    sections,
    generator: input.generator ?? 'routeshift',
  });
  return { html, charts, warnings: sink.warnings };
}

function overviewNote(summary: SummaryJson, series: SeriesTable): string {
  const unit = series.resolution === 'week' ? 'calendar week' : 'calendar month';
  const coarse =
    series.resolution === 'day'
      ? ''
      : ` The time series were written per ${unit} (<code>--series-resolution ${series.resolution}</code>): the charts show ` +
        `each ${unit}'s flows as a rate per day over it and its stocks and levels as its average, so they are step-like.`;
  return `<p class="note">Totals over ${summary.period.start} to ${summary.period.end}: mean, and p05–p95 across runs underneath.${coarse}</p>`;
}

/** An SVG for inlining in HTML: the XML namespace declarations are implied there. */
function inlineSvg(svg: string): string {
  return svg.replace(/^<svg([^>]*)>/, (_, attrs: string) => `<svg${attrs.replace(/ xmlns(?::xlink)?="[^"]*"/g, '')}>`);
}
