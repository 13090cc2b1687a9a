// report.html for a comparison (`routeshift compare A B`): key paired differences, the map
// coloured by change, paired differences per border and of the exit shares with 95% intervals,
// the displacement ratio and the adaptation lag, both scenarios with the events that differ,
// and the provenance. Input is comparison.json's shape (src/run/compare.ts, docs/outputs.md).
//
// comparison.json holds period totals only, no daily series, so this report has no time axes;
// the adaptation lag is given as dates.

import { lagIntervalText } from '../run/comparisonLag.js';
import { canonicalJson } from '../scenarios/hash.js';
import type { EventSpec, Scenario } from '../scenarios/types.js';
import type { RenderedChart } from './chartModel.js';
import { bordersForest, changeMap, displacementChart, exitShareForest, fmtDifference, type ComparisonJson } from './compareCharts.js';
import { figureHtml, tableHtml } from './figure.js';
import { escapeHtml, fmt, fmtShare, metricName } from './format.js';
import { pageHtml, type PageSection } from './page.js';
import { provenanceHtml, type ManifestJson } from './panels.js';
import { CONTENT_WIDTH_PX, type ReportResult } from './runReport.js';
import { renderSvg, type RenderWarnings } from './vegaSvg.js';

export type { ComparisonJson } from './compareCharts.js';

export interface ComparisonReportInput {
  comparison: ComparisonJson;
  baseline: Scenario;
  variant: Scenario;
  manifest?: ManifestJson;
  notes?: string[];
  generator?: string;
}

const KEY_TOTALS = ['arrivals', 'crossings', 'attempts', 'pushbacks', 'injuries', 'deaths', 'strandedEnd', 'meanTransitDays'];

export async function renderComparisonReport(input: ComparisonReportInput): Promise<ReportResult> {
  const c = input.comparison;
  const width = CONTENT_WIDTH_PX;
  const defs = [changeMap(c, input.baseline, width), bordersForest(c, width), exitShareForest(c, width), displacementChart(c, width)].filter(
    (d) => d !== undefined,
  );
  const sink: RenderWarnings = { warnings: [] };
  const rendered: RenderedChart[] = [];
  for (const def of defs) rendered.push({ ...def, svg: (await renderSvg(def.spec, def.id, def.alt, sink)).replace(/ xmlns(?::xlink)?="[^"]*"/g, '') });
  const byId = (id: string) => rendered.filter((r) => r.id === id).map(figureHtml).join('\n');

  const sections: PageSection[] = [
    { id: 'overview', title: 'Key differences', html: keyDifferencesHtml(c) },
    { id: 'maps', title: 'Map', html: byId('map') },
    { id: 'borders', title: 'Borders', html: byId('border-differences') + byId('exit-share-change') },
    { id: 'adaptation', title: 'Displacement and adaptation', html: byId('displacement') + lagHtml(c) },
    { id: 'totals', title: 'All totals', html: totalsTableHtml(c) },
    { id: 'scenario', title: 'Scenarios', html: scenariosHtml(input.baseline, input.variant, c) },
    { id: 'provenance', title: 'Provenance', html: provenanceHtml(input.manifest, { scenario: c.baseline.scenario, seed: c.seed, runs: c.runs }, input.notes ?? []) },
  ];
  const html = pageHtml({
    title: `${c.variant.name} compared with ${c.baseline.name}`,
    subtitle: `routeshift comparison report · ${c.runs} paired runs · seed ${c.seed} · ${c.period.start} to ${c.period.end}`,
    intro:
      `Both scenarios ran ${c.runs} times with the same random numbers (run <i>i</i> of each uses the streams of seed ${c.seed} and <i>i</i>), ` +
      `so every difference is measured run by run: <b>variant − baseline</b>. The intervals are 95% confidence intervals of ` +
      `the mean paired difference. Counts are people (each agent stands for ${c.peoplePerAgent}).`,
    sections,
    generator: input.generator ?? 'routeshift',
  });
  return { html, charts: rendered.map((r) => r.id), warnings: sink.warnings };
}

function keyDifferencesHtml(c: ComparisonJson): string {
  const cards = KEY_TOTALS.filter((k) => c.totals[k]).map((k) => {
    const t = c.totals[k];
    return (
      `<div class="card"><div class="value">${escapeHtml(fmtDifference(t.difference).split(' (')[0])}</div>` +
      `<div class="label">${escapeHtml(metricName(k))}</div>` +
      `<div class="range">95% CI ${escapeHtml(fmtDifference(t.difference).split('95% CI ')[1]?.replace(/\)$/, '') ?? '–')}<br>` +
      `${fmt(t.baseline.mean)} → ${fmt(t.variant.mean)}</div></div>`
    );
  });
  return `<div class="cards">\n${cards.join('\n')}\n</div><p class="note">Change, variant − baseline, over ${c.period.start} to ${c.period.end}; underneath, the 95% interval and the two means.</p>`;
}

function lagHtml(c: ComparisonJson): string {
  const lag = c.adaptationLag;
  if (!lag) return '<p>No adaptation lag: the scenarios do not differ in a way that moves an exit.</p>';
  const reached =
    lag.halfShiftReachedOn === null
      ? 'half of it was never reached within the period'
      : `half of it was reached on ${lag.halfShiftReachedOn}, <b>${lag.lagDays} days</b> after the scenarios start to differ` +
        (lag.lagDaysInterval ? ` (${escapeHtml(lagIntervalText(lag.lagDaysInterval))})` : '');
  return (
    `<h3>Adaptation lag</h3><p>The scenarios differ from ${escapeHtml(lag.differenceFrom)}. The share of exits through ` +
    `${escapeHtml(lag.target)} shifted by ${fmtShare(lag.finalShift)} in the end (last weeks of the period, variant − baseline); ` +
    `${reached} (${lag.windowDays}-day windows).</p>`
  );
}

function totalsTableHtml(c: ComparisonJson): string {
  const cell = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v));
  const rows = Object.entries(c.totals).map(([k, t]) => [
    k,
    cell(t.baseline.mean),
    cell(t.variant.mean),
    cell(t.difference.mean),
    cell(t.difference.ciLow),
    cell(t.difference.ciHigh),
    cell(t.difference.unpairedCiLow),
    cell(t.difference.unpairedCiHigh),
  ]);
  return tableHtml({ columns: ['total', 'baseline mean', 'variant mean', 'difference', 'ciLow', 'ciHigh', 'unpairedCiLow', 'unpairedCiHigh'], rows, numericFrom: 1 });
}

/** Events in one scenario and not in the other (compared as canonical JSON). */
function onlyIn(a: Scenario, b: Scenario): EventSpec[] {
  const other = new Set((b.events ?? []).map((e) => canonicalJson(e)));
  return (a.events ?? []).filter((e) => !other.has(canonicalJson(e)));
}

function scenariosHtml(baseline: Scenario, variant: Scenario, c: ComparisonJson): string {
  const inPeriod = (e: EventSpec) => e.date >= c.period.start && e.date <= c.period.end;
  const rows = (events: EventSpec[]) =>
    events.filter(inPeriod).map((e) => [e.date, e.edge !== undefined ? `edge ${e.edge}` : [e.border ?? []].flat().join(', '), e.label, JSON.stringify(e.set), e.source ?? '']);
  const table = (events: EventSpec[], none: string) =>
    rows(events).length > 0 ? tableHtml({ columns: ['date', 'border', 'event', 'sets', 'source'], rows: rows(events) }, 'data events') : `<p>${none}</p>`;
  const describe = (s: Scenario, role: string) =>
    `<h3>${role}: ${escapeHtml(s.name)} (${escapeHtml(s.id)})</h3>\n<details class="description"><summary>Description</summary>\n` +
    s.description.split(/\n\s*\n/).map((p) => `<p>${escapeHtml(p.trim())}</p>`).join('\n') + `\n</details>`;
  return [
    describe(baseline, 'Baseline'),
    describe(variant, 'Variant'),
    `<h3>Events only in the variant</h3>`,
    table(onlyIn(variant, baseline), 'None.'),
    `<h3>Events only in the baseline</h3>`,
    table(onlyIn(baseline, variant), 'None.'),
    `<p class="note">Differences outside events (enforcement defaults, network, inflow, behaviour) are not listed here.</p>`,
  ].join('\n');
}
