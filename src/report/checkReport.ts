// report.html for `routeshift check`: the scorecard section (scorecardSection.ts) — summary,
// the table of items with their Monte Carlo intervals, a chart per observed series (Flee camps
// included, with Flee's ARD) — then the scenario's facts and provenance. Charts are rendered one
// after another to inline SVG like the run report's, so the page opens offline.

import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Scorecard } from '../benchmarks/types.js';
import type { Scenario } from '../scenarios/types.js';
import type { RenderedChart } from './chartModel.js';
import { figureHtml, tableHtml } from './figure.js';
import { escapeHtml } from './format.js';
import { pageHtml, type PageSection } from './page.js';
import { provenanceHtml, type ManifestJson } from './panels.js';
import { generatorName, REPORT_FILE } from './reportCommand.js';
import { CONTENT_WIDTH_PX, type ReportResult } from './runReport.js';
import { detailText, scorecardSummaryHtml, scorecardTable, seriesChart } from './scorecardSection.js';
import { renderSvg, type RenderWarnings } from './vegaSvg.js';

export interface CheckReportInput {
  scenario: Scenario;
  scorecard: Scorecard & { seed?: number; benchmarksFile?: string };
  manifest?: ManifestJson;
  generator?: string;
}

export async function renderCheckReport(input: CheckReportInput): Promise<ReportResult> {
  const { scenario, scorecard } = input;
  const sink: RenderWarnings = { warnings: [] };
  const charts: RenderedChart[] = [];
  for (const item of scorecard.items) {
    const def = seriesChart(item, CONTENT_WIDTH_PX);
    if (def === undefined) continue;
    const svg = await renderSvg(def.spec, def.id, def.alt, sink);
    charts.push({ ...def, svg: svg.replace(/^<svg([^>]*)>/, (_, attrs: string) => `<svg${attrs.replace(/ xmlns(?::xlink)?="[^"]*"/g, '')}>`) });
  }
  const patterns = scorecard.items.filter((i) => i.errors === undefined);
  const sections: PageSection[] = [
    {
      id: 'scorecard',
      title: 'Scorecard',
      html: [
        scorecardSummaryHtml(scorecard),
        `<p class="note">A pattern passes when the mean over runs of its tested value meets the threshold; the interval is the 95% Monte Carlo (t) interval of that mean. A series passes when its ARD is within its tolerance. Formulas: docs/benchmarks.md.</p>`,
        tableHtml(scorecardTable(scorecard)),
      ].join('\n'),
    },
  ];
  if (charts.length > 0) sections.push({ id: 'series', title: 'Observed series', html: charts.map(figureHtml).join('\n') });
  if (patterns.length > 0) {
    const rows = patterns.map((i) => [i.id, i.pass ? 'pass' : 'FAIL', i.expected, detailText(i), i.description ?? '']);
    sections.push({ id: 'patterns', title: 'Patterns', html: tableHtml({ columns: ['item', 'pass', 'asserted', 'behind the value', 'description'], rows }) });
  }
  sections.push({
    id: 'provenance',
    title: 'Provenance',
    html: provenanceHtml(input.manifest, { scenario: scenario.id, seed: scorecard.seed ?? 0, runs: scorecard.runs }, []),
  });
  const html = pageHtml({
    title: `${scenario.name}: benchmark scorecard`,
    subtitle: `routeshift check · ${scorecard.benchmarks} · ${scorecard.runs} run${scorecard.runs === 1 ? '' : 's'} per arm`,
    intro: `How well the scenario reproduces the observed series and documented patterns of ${escapeHtml(scorecard.benchmarksFile ?? scorecard.benchmarks)}. Bands span the 5th to 95th percentile of the simulated runs.`,
    sections,
    generator: input.generator ?? 'routeshift',
  });
  return { html, charts: charts.map((c) => c.id), warnings: sink.warnings };
}

/** Write report.html for a check into `dir`; returns the file name. */
export async function writeCheckReport(dir: string, input: Omit<CheckReportInput, 'generator' | 'manifest'> & { manifest: object }): Promise<string> {
  const { html } = await renderCheckReport({ ...input, manifest: input.manifest as ManifestJson, generator: generatorName() });
  await writeFile(join(dir, REPORT_FILE), html);
  return REPORT_FILE;
}
