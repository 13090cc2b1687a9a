// The scorecard section of a report (scorecard.json of `routeshift check`): the overall score and
// distance (and the train/test split), a table of every item with its pass or fail, the tested
// value and its 95% Monte Carlo interval and source, and one chart per observed series — observed
// points over the simulated p05–p95 band and mean. A Flee benchmark's item shows Flee's averaged
// relative difference (raw and rescaled) and its camps' observed points over their bands.

import type { ScorecardItem, ScorePart, Scorecard } from '../benchmarks/types.js';
import type { ChartDef, DataTable } from './chartModel.js';
import { escapeHtml, fmt } from './format.js';
import { FAN, OKABE_ITO } from './theme.js';

const num = (x: number | null | undefined): string => (x === null || x === undefined || !Number.isFinite(x) ? '–' : Math.abs(x) >= 100 ? fmt(x) : x.toPrecision(3));

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
    columns: ['item', 'kind', 'pass', 'expected', 'simulated (95% CI)', 'ARD raw / rescaled', 'CRPS (relative)', 'p05–p95 coverage', 'distance', 'weight', 'source'],
    rows: card.items.map((i) => [
      i.id,
      i.kind,
      i.pass ? 'pass' : 'FAIL',
      i.expected,
      interval(i),
      i.errors ? `${num(i.errors.ardRaw)} / ${num(i.errors.ardRescaled)}` : '',
      i.errors ? `${num(i.errors.crps)} (${num(i.errors.crpsRelative)})` : '',
      i.errors?.coverage !== undefined && i.errors.coverage !== null ? `${Math.round(i.errors.coverage * 100)}%` : '',
      num(i.distance),
      String(i.weight),
      `${i.source.document}, ${i.source.where}`,
    ]),
    numericFrom: 4,
  };
}

/** A chart of a series (or Flee) item: observed points over the simulated band and mean. */
export function seriesChart(item: ScorecardItem, widthPx: number): ChartDef | undefined {
  const points = item.points;
  if (points === undefined || points.length === 0) return undefined;
  const values = points.map((p) => ({ label: p.label, observed: p.observed, mean: p.mean, p05: p.p05, p95: p.p95 }));
  const x = { field: 'label', type: 'ordinal', title: null, sort: null, axis: { labelAngle: points.length > 12 ? -45 : 0 } };
  const y = { type: 'quantitative', title: null, axis: { format: '~s' } };
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
    `Observed (diamonds) against the simulated p05–p95 band (bars) and mean (ticks) per period. ` +
    `${covered} of ${points.length} observed points lie inside the band; ARD raw ${num(e?.ardRaw)}, rescaled ${num(e?.ardRescaled)}; ` +
    `mean CRPS ${num(e?.crps)} (${num(e?.crpsRelative)} relative). Source: ${item.source.document}, ${item.source.where}.`;
  return {
    id: `scorecard-${item.id}`,
    title: `${item.id}${item.description ? `: ${item.description}` : ''}`,
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
