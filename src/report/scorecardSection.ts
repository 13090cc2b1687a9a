// The scorecard section of a report (scorecard.json of `routeshift check`): the overall score and
// distance (and the train/test split), a table of every item with its pass or fail, the tested
// value and its 95% Monte Carlo interval and source, and one chart per observed series — observed
// points over the simulated p05–p95 band and mean. A Flee benchmark's item shows Flee's averaged
// relative difference (raw and rescaled) and its camps' observed points over their bands.

import type { ScorecardItem, ScorePart, Scorecard } from '../benchmarks/types.js';
import type { ChartDef, DataTable } from './chartModel.js';
import { escapeHtml, fmt } from './format.js';
import { FAN, OKABE_ITO } from './theme.js';

const num = (x: number | null | undefined): string =>
  x === null || x === undefined || !Number.isFinite(x) ? '–' : Number.isInteger(x) || Math.abs(x) >= 100 ? fmt(x) : x.toPrecision(3);

function interval(item: ScorecardItem): string {
  const v = item.value;
  if (v.mean === null) return '–';
  return v.ciLow === null || v.ciHigh === null ? num(v.mean) : `${num(v.mean)} (${num(v.ciLow)} to ${num(v.ciHigh)})`;
}

function part(name: string, p: ScorePart | undefined): [string, string] {
  return [name, p ? `score ${num(p.score)}, distance ${num(p.distance)} (${p.items} items)` : 'no items'];
}

/** Score, distance and split as cards and a line of text. */
export function scorecardSummaryHtml(card: Scorecard): string {
  const passed = card.items.filter((i) => i.pass).length;
  const cards = [
    ['Score', num(card.score), 'weighted share of items passed'],
    ['Distance', num(card.distance), 'weighted mean error, 0 = perfect'],
    ['Items passed', `${passed} of ${card.items.length}`, `${card.runs} run${card.runs === 1 ? '' : 's'} per arm`],
  ];
  const split = card.trainUntil === undefined ? [] : [part(`Train (to ${card.trainUntil})`, card.train), part('Test (after)', card.test)];
  return [
    `<div class="cards">${cards.map(([label, value, range]) => `<div class="card"><div class="value">${escapeHtml(value)}</div><div class="label">${escapeHtml(label)}</div><div class="range">${escapeHtml(range)}</div></div>`).join('')}</div>`,
    ...split.map(([k, v]) => `<p><b>${escapeHtml(k)}</b>: ${escapeHtml(v)}</p>`),
  ].join('\n');
}

/** The table of items: id, kind, expected, simulated with interval, errors, pass, source. */
export function scorecardTable(card: Scorecard): DataTable {
  return {
    columns: ['item', 'kind', 'pass', 'expected', 'source', 'simulated (95% CI)', 'ARD raw / rescaled', 'CRPS (relative)', 'p05–p95 coverage', 'distance', 'weight'],
    rows: card.items.map((i) => [
      i.id,
      i.kind,
      i.pass ? 'pass' : 'FAIL',
      i.expected,
      `${i.source.document}, ${i.source.where}`,
      interval(i),
      i.errors ? `${num(i.errors.ardRaw)} / ${num(i.errors.ardRescaled)}` : '',
      i.errors ? `${num(i.errors.crps)} (${num(i.errors.crpsRelative)})` : '',
      i.errors?.coverage !== undefined && i.errors.coverage !== null ? `${Math.round(i.errors.coverage * 100)}%` : '',
      num(i.distance),
      String(i.weight),
    ]),
    numericFrom: 5,
  };
}

/** The numbers behind a pattern's tested value, as text. */
export function detailText(item: ScorecardItem): string {
  const text = (v: number | null | (number | null)[]): string => (Array.isArray(v) ? v.map(text).join(', ') : num(v));
  return Object.entries(item.detail ?? {}).map(([k, v]) => `${k} ${text(v)}`).join('; ');
}

/** A chart of a series (or Flee) item: observed points over the simulated band and mean. */
export function seriesChart(item: ScorecardItem, widthPx: number): ChartDef | undefined {
  const points = item.points;
  if (points === undefined || points.length === 0) return undefined;
  const values = points.map((p) => ({ label: p.label, observed: p.observed, mean: p.mean, p05: p.p05, p95: p.p95 }));
  const x = { field: 'label', type: 'ordinal', title: null, sort: null, axis: { labelAngle: points.length > 12 ? -45 : 0 } };
  // Observed series can span orders of magnitude (Frontex: 5,869 to 764,000 a year): a log
  // scale then, so that the small years are readable too.
  const positive = values.flatMap((v) => [v.observed, v.p05 ?? 0]).filter((v) => v > 0);
  const logScale = positive.length === values.length * 2 && Math.max(...positive) / Math.min(...positive) > 30;
  const y = { type: 'quantitative', title: null, axis: { format: '~s' }, scale: logScale ? { type: 'log' } : { zero: true } };
  const covered = points.filter((p) => p.covered).length;
  const spec = {
    width: Math.min(widthPx, Math.max(240, points.length * 60)),
    height: 220,
    data: { values },
    layer: [
      { mark: { type: 'bar', color: FAN.band, opacity: FAN.bandOpacity, width: { band: 0.6 } }, encoding: { x, y: { ...y, field: 'p05' }, y2: { field: 'p95' } } },
      { mark: { type: 'tick', color: FAN.line, thickness: 2 }, encoding: { x, y: { ...y, field: 'mean' } } },
      { mark: { type: 'point', filled: true, color: OKABE_ITO.vermillion, size: 60, shape: 'diamond' }, encoding: { x, y: { ...y, field: 'observed' } } },
    ],
  };
  const e = item.errors;
  const caption =
    `Observed (diamonds) against the simulated p05–p95 band (bars) and mean (ticks) per period${logScale ? ', on a log scale' : ''}. ` +
    `${item.description ? `${item.description} ` : ''}` +
    `${covered} of ${points.length} observed points lie inside the band; ARD raw ${num(e?.ardRaw)}, rescaled ${num(e?.ardRescaled)}; ` +
    `mean CRPS ${num(e?.crps)} (${num(e?.crpsRelative)} relative). Source: ${item.source.document}, ${item.source.where}.`;
  return {
    id: `scorecard-${item.id}`,
    title: item.id,
    spec,
    alt: { title: `${item.id}: observed against simulated`, desc: caption },
    caption,
    table: {
      columns: ['period', 'observed', 'mean', 'p05', 'p95', 'CRPS', 'inside band'],
      rows: points.map((p) => [p.label, num(p.observed), num(p.mean), num(p.p05), num(p.p95), num(p.crps), p.covered === null ? '–' : p.covered ? 'yes' : 'no']),
      numericFrom: 1,
    },
  };
}
