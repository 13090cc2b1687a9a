// The report's text panels: the key numbers at the top, the scenario (name, description, period,
// events with their sources) and the provenance of the run (version, scenario hash, seed, runs,
// threads, timings from manifest.json), and a table of every total in summary.json.
//
// Key numbers and the totals table walk summary.json's keys rather than a fixed list, so metrics
// added later appear without code changes; metrics that are zero in every run are left out.

import type { Scenario } from '../scenarios/types.js';
import type { ReportEvent } from './events.js';
import { tableHtml } from './figure.js';
import { escapeHtml, fmt, metricName, type Stats } from './format.js';
import type { SummaryJson } from './chartModel.js';

/** manifest.json as the report reads it (any extra keys are shown too). */
export type ManifestJson = Record<string, unknown>;

const KEY_TOTALS = ['entered', 'arrivals', 'crossings', 'attempts', 'pushbacks', 'injuries', 'deaths', 'strandedEnd', 'meanTransitDays', 'smuggledCrossings', 'smugglerRevenueEur'];

const isZero = (s: Stats | undefined) => !s || ((s.mean ?? 0) === 0 && (s.p95 ?? 0) === 0);

export function keyNumbersHtml(summary: SummaryJson): string {
  const keys = KEY_TOTALS.filter((k) => summary.totals[k] && !isZero(summary.totals[k]));
  const cards = keys.map((k) => {
    const s = summary.totals[k];
    return (
      `<div class="card"><div class="value">${fmt(s.mean)}</div><div class="label">${escapeHtml(metricName(k))}</div>` +
      `<div class="range">${fmt(s.p05)}–${fmt(s.p95)}</div></div>`
    );
  });
  return `<div class="cards">\n${cards.join('\n')}\n</div>`;
}

export function allTotalsHtml(summary: SummaryJson): string {
  const keys = Object.keys(summary.totals).filter((k) => !isZero(summary.totals[k]));
  const cell = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v));
  const rows = keys.map((k) => {
    const s = summary.totals[k];
    return [k, metricName(k), cell(s.mean), cell(s.sd), cell(s.p05), cell(s.p50), cell(s.p95)];
  });
  const zero = Object.keys(summary.totals).filter((k) => isZero(summary.totals[k]));
  return (
    tableHtml({ columns: ['key', 'meaning', 'mean', 'sd', 'p05', 'p50', 'p95'], rows, numericFrom: 2 }) +
    (zero.length > 0 ? `\n<p class="note">Zero in every run: ${escapeHtml(zero.join(', '))}.</p>` : '')
  );
}

export function scenarioPanelHtml(scenario: Scenario, events: readonly ReportEvent[], summary: SummaryJson): string {
  const paragraphs = scenario.description
    .split(/\n\s*\n/)
    .map((p) => `<p>${escapeHtml(p.trim())}</p>`)
    .join('\n');
  const countries = Object.keys(scenario.countries).length;
  const facts = [
    ['Scenario', `${scenario.name} (${scenario.id})`],
    ['Period', `${summary.period.start} to ${summary.period.end}`],
    ['Network', `${scenario.nodes.length} places, ${scenario.edges.length} segments, ${countries} countries`],
    ['People per agent', String(summary.peoplePerAgent)],
  ];
  const eventRows = events.map((e) => [String(e.n), e.date, e.targets.join(', '), e.label, e.source ?? '']);
  const sources = Object.entries(scenario.sources ?? {})
    .map(([key, s]) => `<li><b>${escapeHtml(key)}</b>: ${escapeHtml(s.title)}${s.ref ? ` <span class="ref">(${escapeHtml(s.ref)})</span>` : ''}</li>`)
    .join('\n');
  return [
    definitionList(facts),
    `<details class="description"><summary>Description</summary>\n${paragraphs}\n</details>`,
    `<h3>Policy events</h3>`,
    `<p class="note">The numbers match the markers on the time axes.</p>`,
    events.length > 0
      ? tableHtml({ columns: ['#', 'date', 'border', 'event', 'source'], rows: eventRows }, 'data events')
      : '<p>No events in the period.</p>',
    sources ? `<h3>Sources</h3>\n<ul class="sources">\n${sources}\n</ul>` : '',
  ].join('\n');
}

export function provenanceHtml(
  manifest: ManifestJson | undefined,
  summary: Pick<SummaryJson, 'scenario' | 'seed' | 'runs'>,
  notes: readonly string[],
): string {
  const m = manifest ?? {};
  const scenario = (m.scenario ?? {}) as { id?: string; hash?: string; files?: string[]; warnings?: unknown };
  const timings = (m.timingsMs ?? {}) as Record<string, number>;
  const rows: [string, string][] = [
    ['routeshift version', String(m.routeshift ?? 'unknown')],
    ['Scenario', `${scenario.id ?? summary.scenario}${scenario.files ? ` (${scenario.files.join(' → ')})` : ''}`],
    ['Scenario hash (SHA-256)', scenario.hash ?? 'unknown'],
    ['Seed', String(summary.seed)],
    ['Runs', String(summary.runs)],
  ];
  const details = (m.details ?? {}) as Record<string, unknown>;
  const threads = details.threads ?? m.threads;
  if (threads !== undefined) rows.push(['Threads', String(threads)]);
  if (Array.isArray(m.command)) rows.push(['Command', (m.command as string[]).join(' ')]);
  const timingText = Object.entries(timings).map(([k, v]) => `${k} ${fmt(v)} ms`).join(', ');
  if (timingText) rows.push(['Timings', timingText]);
  if (typeof m.agentSteps === 'number') rows.push(['Agent-days simulated', fmt(m.agentSteps)]);
  if (typeof m.agentStepsPerSecond === 'number') rows.push(['Speed', `${fmt(m.agentStepsPerSecond)} agent-days per second`]);
  const shown = new Set(['routeshift', 'scenario', 'seed', 'runs', 'threads', 'command', 'timingsMs', 'agentSteps', 'agentStepsPerSecond', 'details']);
  const text = (v: unknown) => (typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v));
  for (const [k, v] of Object.entries(details)) if (k !== 'threads') rows.push([k, text(v)]);
  for (const [k, v] of Object.entries(m)) if (!shown.has(k)) rows.push([k, text(v)]);
  const scenarioWarnings = Array.isArray(scenario.warnings) ? scenario.warnings.map((w) => `Scenario warning: ${String(w)}`) : [];
  const warn = [...notes, ...scenarioWarnings].map((n) => `<p class="warning">${escapeHtml(n)}</p>`).join('\n');
  return `${warn}\n${definitionList(rows)}`;
}

function definitionList(rows: readonly (readonly [string, string] | string[])[]): string {
  return `<dl class="facts">\n${rows.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('\n')}\n</dl>`;
}
