// Charts of a paired comparison (comparison.json, written by `routeshift compare`): the map
// coloured by the change in crossings, the paired difference of crossings per border with its
// 95% interval (and, fainter, the unpaired interval it would have without common random
// numbers), the change of each exit's share, and the displacement behind the ratio.

import type { Comparison, PairedStats } from '../run/compare.js';
import type { Scenario } from '../scenarios/types.js';
import type { ChartDef } from './chartModel.js';
import { fmt, fmtCompact, fmtShare } from './format.js';
import { mapSpec } from './mapChart.js';
import { mapNetwork } from './mapFlows.js';
import { mapFrame } from './mapGeography.js';
import { CHANGE } from './theme.js';

/** comparison.json, exactly as `routeshift compare` writes it (src/run/compare.ts). */
export type PairedJson = PairedStats;
export type ComparisonJson = Comparison;

const signed = (v: number | null | undefined) => (v === null || v === undefined ? '–' : `${v > 0 ? '+' : v < 0 ? '−' : ''}${fmt(Math.abs(v))}`);
const interval = (lo: number | null | undefined, hi: number | null | undefined) => (lo === null || lo === undefined || hi === null || hi === undefined ? 'no interval' : `${signed(lo)} to ${signed(hi)}`);

/** "+1,234 (95% CI +1,000 to +1,500)". */
export function fmtDifference(d: PairedJson['difference'] | undefined): string {
  if (!d || d.mean === null) return '–';
  return `${signed(d.mean)} (95% CI ${interval(d.ciLow, d.ciHigh)})`;
}

/** Fewer or more when the 95% interval excludes 0, else "unclear" (drawn grey). */
function direction(mean: number | null, lo: number | null, hi: number | null): string {
  if (mean === null) return 'unclear';
  if (lo !== null && hi !== null && lo <= 0 && hi >= 0) return 'unclear';
  return mean < 0 ? 'fewer' : 'more';
}

const DIRECTION_COLOR = {
  field: 'dir',
  type: 'nominal',
  scale: { domain: ['fewer', 'unclear', 'more'], range: [CHANGE.down, '#8c8c8c', CHANGE.up] },
  legend: { title: null, orient: 'bottom', direction: 'horizontal', labelExpr: "datum.label === 'unclear' ? 'interval includes 0' : datum.label + ' in the variant'" },
};

const crossingsOf = (c: ComparisonJson, arm: 'baseline' | 'variant') => (border: string) => c.borders[border]?.crossings?.[arm].mean ?? 0;

export function changeMap(c: ComparisonJson, scenario: Scenario, widthPx: number): ChartDef {
  const network = mapNetwork(scenario, crossingsOf(c, 'baseline'));
  const frame = mapFrame(scenario, Math.min(820, widthPx - 170));
  const flows = new Map<string, number>();
  const change = new Map<string, number>();
  const labels = new Map<string, string>();
  for (const b of network.borders) {
    const [p, q] = b.pair.split('|');
    const ids = [`${p}-${q}`, `${q}-${p}`];
    const arm = (a: 'baseline' | 'variant') => ids.reduce((s, id) => s + crossingsOf(c, a)(id), 0);
    const d = arm('variant') - arm('baseline');
    flows.set(b.pair, Math.max(arm('baseline'), arm('variant')));
    change.set(b.pair, d);
    labels.set(b.pair, d === 0 ? '±0' : `${d > 0 ? '+' : '−'}${fmtCompact(Math.abs(d))}`);
  }
  const maxSegment = Math.max(1, ...network.borders.map((b) => (flows.get(b.pair) ?? 0) / b.segments.length));
  const ranked = [...change].filter(([, d]) => d !== 0).sort((x, y) => Math.abs(y[1]) - Math.abs(x[1]));
  const labelOf = (pair: string) => network.borders.find((b) => b.pair === pair)?.label ?? pair;
  const top = ranked.slice(0, 5).map(([pair, d]) => `${labelOf(pair)} ${signed(d)}`).join('; ');
  return {
    id: 'map',
    title: 'Where the crossings moved',
    spec: mapSpec({ frame, network, flows, change, maxSegmentFlow: maxSegment, labelValues: labels }),
    alt: {
      title: `Map of the change in crossings per border, ${c.variant.name} compared with ${c.baseline.name}`,
      desc: `Arrows across each used border, as wide as the larger of the two arms' crossings, coloured blue where the variant has fewer crossings and vermillion where it has more. Largest changes (variant − baseline, mean over ${c.runs} paired runs): ${top}.`,
    },
    caption:
      `Arrows are as wide as the larger arm's crossings over the period; colour shows the change, variant − baseline ` +
      `(blue: fewer, vermillion: more; mean over ${c.runs} paired runs, both directions of a border added). Largest changes: ${top}.`,
  };
}

/** Forest plot: paired difference of crossings per border, with paired and unpaired 95% intervals. */
export function bordersForest(c: ComparisonJson, widthPx: number): ChartDef | undefined {
  const rows = Object.entries(c.borders)
    .map(([id, m]) => ({ id, d: m.crossings?.difference }))
    .filter((r) => r.d && r.d.mean !== null && (r.d.mean !== 0 || (r.d.ciLow ?? 0) !== 0 || (r.d.ciHigh ?? 0) !== 0))
    .sort((a, b) => (a.d?.mean ?? 0) - (b.d?.mean ?? 0));
  if (rows.length === 0) return undefined;
  const values = rows.map(({ id, d }) => ({
    border: id,
    mean: d?.mean,
    lo: d?.ciLow ?? d?.mean,
    hi: d?.ciHigh ?? d?.mean,
    ulo: d?.unpairedCiLow ?? null,
    uhi: d?.unpairedCiHigh ?? null,
    dir: direction(d?.mean ?? null, d?.ciLow ?? null, d?.ciHigh ?? null),
  }));
  const y = { field: 'border', type: 'nominal', sort: rows.map((r) => r.id), axis: { title: null, labelFontWeight: 600 } };
  const x = { type: 'quantitative', axis: { title: 'change in crossings, variant − baseline (95% interval)', format: '~s' } };
  const spec = {
    width: widthPx - 220,
    height: { step: 22 },
    data: { values },
    layer: [
      { mark: { type: 'rule', color: '#999', strokeDash: [2, 2] }, encoding: { x: { datum: 0, type: 'quantitative' } } },
      { transform: [{ filter: 'datum.ulo !== null' }], mark: { type: 'rule', color: '#bbbbbb', strokeWidth: 7, opacity: 0.6 }, encoding: { y, x: { field: 'ulo', ...x }, x2: { field: 'uhi' } } },
      { mark: { type: 'rule', strokeWidth: 2.5 }, encoding: { y, x: { field: 'lo', ...x }, x2: { field: 'hi' }, color: DIRECTION_COLOR } },
      { mark: { type: 'point', filled: true, size: 60 }, encoding: { y, x: { field: 'mean', ...x }, color: DIRECTION_COLOR } },
    ],
  };
  const text = rows.map((r) => `${r.id} ${fmtDifference(r.d)}`).join('; ');
  const largest = [...rows].sort((a, b) => Math.abs(b.d?.mean ?? 0) - Math.abs(a.d?.mean ?? 0)).slice(0, 5);
  return {
    id: 'border-differences',
    title: 'Paired differences in crossings per border',
    spec,
    alt: { title: 'Paired difference in crossings per border with 95% intervals', desc: `Dot: mean paired difference; thick line: its 95% interval; grey band: the unpaired interval. ${text}.` },
    caption:
      `Change in crossings over the period per border, variant − baseline, measured run by run on common random numbers: dot ` +
      `the mean difference, coloured line its 95% interval, grey band the interval two independent samples would give ` +
      `(how much pairing sharpens the estimate). Largest: ${largest.map((r) => `${r.id} ${fmtDifference(r.d)}`).join('; ')}. Every border is in the table.`,
    table: {
      columns: ['border', 'baseline mean', 'variant mean', 'difference mean', 'ciLow', 'ciHigh', 'unpairedCiLow', 'unpairedCiHigh'],
      rows: rows.map(({ id, d }) => {
        const m = c.borders[id].crossings;
        const cell = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v));
        return [id, cell(m.baseline.mean), cell(m.variant.mean), cell(d?.mean), cell(d?.ciLow), cell(d?.ciHigh), cell(d?.unpairedCiLow), cell(d?.unpairedCiHigh)];
      }),
      numericFrom: 1,
    },
  };
}

/** Change of each exit border's share of exits, in percentage points, with its 95% interval. */
export function exitShareForest(c: ComparisonJson, widthPx: number): ChartDef | undefined {
  const rows = Object.entries(c.exitShareChange).filter(([, e]) => e.change !== null && ((e.baseline ?? 0) > 0 || (e.variant ?? 0) > 0));
  if (rows.length === 0) return undefined;
  const values = rows.map(([id, e]) => ({ border: id, change: e.change, lo: e.ciLow ?? e.change, hi: e.ciHigh ?? e.change, dir: direction(e.change, e.ciLow, e.ciHigh) }));
  const y = { field: 'border', type: 'nominal', sort: { field: 'change', order: 'ascending' }, axis: { title: null, labelFontWeight: 600 } };
  const x = { type: 'quantitative', axis: { title: 'change in share of exits (percentage points, 95% interval)', format: '+.0%' } };
  const color = DIRECTION_COLOR;
  const spec = {
    width: widthPx - 220,
    height: { step: 26 },
    data: { values },
    layer: [
      { mark: { type: 'rule', color: '#999', strokeDash: [2, 2] }, encoding: { x: { datum: 0, type: 'quantitative' } } },
      { mark: { type: 'rule', strokeWidth: 2.5 }, encoding: { y, x: { field: 'lo', ...x }, x2: { field: 'hi' }, color } },
      { mark: { type: 'point', filled: true, size: 70 }, encoding: { y, x: { field: 'change', ...x }, color } },
    ],
  };
  const text = rows.map(([id, e]) => `${id} ${fmtShare(e.baseline)} → ${fmtShare(e.variant)}`).join('; ');
  return {
    id: 'exit-share-change',
    title: 'Exit shares: baseline and variant',
    spec,
    alt: { title: 'Change in each exit border’s share of exits with 95% intervals', desc: `Share of exits, baseline → variant: ${text}.` },
    caption: `How the people leaving the region split between exit borders, variant compared with baseline: ${text}.`,
    table: {
      columns: ['exit border', 'baseline', 'variant', 'change', 'ciLow', 'ciHigh'],
      rows: rows.map(([id, e]) => [id, ...[e.baseline, e.variant, e.change, e.ciLow, e.ciHigh].map((v) => (v === null ? '' : String(v)))]),
      numericFrom: 1,
    },
  };
}

/** Bars: crossings lost on the target exit and gained on the other exits, with 95% intervals. */
export function displacementChart(c: ComparisonJson, widthPx: number): ChartDef | undefined {
  const d = c.displacement;
  if (!d) return undefined;
  const values = [
    { what: `Lost on ${d.target}`, mean: d.lostOnTarget.mean ?? 0, lo: d.lostOnTarget.ciLow ?? null, hi: d.lostOnTarget.ciHigh ?? null },
    { what: 'Gained on other exits', mean: d.gainedElsewhere.mean ?? 0, lo: d.gainedElsewhere.ciLow ?? null, hi: d.gainedElsewhere.ciHigh ?? null },
  ];
  const y = { field: 'what', type: 'nominal', sort: values.map((v) => v.what), axis: { title: null, labelFontWeight: 600, labelLimit: 220 } };
  const spec = {
    width: widthPx - 300,
    height: { step: 34 },
    data: { values },
    layer: [
      { mark: { type: 'bar', height: 20 }, encoding: { y, x: { field: 'mean', type: 'quantitative', axis: { title: 'crossings over the period (mean of paired runs; 95% interval)', format: '~s' } }, color: { field: 'what', type: 'nominal', scale: { domain: values.map((v) => v.what), range: [CHANGE.down, CHANGE.up] }, legend: null } } },
      { transform: [{ filter: 'datum.lo !== null' }], mark: { type: 'rule', color: '#222' }, encoding: { y, x: { field: 'lo', type: 'quantitative' }, x2: { field: 'hi' } } },
    ],
  };
  const ratio = d.ratio?.estimate ?? null;
  const text =
    ratio === null
      ? `Nothing was lost on ${d.target}, so there is no ratio.`
      : `Displacement ratio ${ratio.toFixed(2)} (95% CI ${d.ratio?.ciLow?.toFixed(2) ?? '–'} to ${d.ratio?.ciHigh?.toFixed(2) ?? '–'}): for every 100 crossings lost on ${d.target}, about ${Math.round(ratio * 100)} crossed another exit.`;
  return {
    id: 'displacement',
    title: 'Displacement',
    spec,
    alt: { title: `Crossings lost on ${d.target} and gained on the other exits`, desc: `Lost on ${d.target}: ${fmt(d.lostOnTarget.mean)}; gained elsewhere: ${fmt(d.gainedElsewhere.mean)}. ${text}` },
    caption: `${text} The target ${d.target} was chosen by ${d.chosenBy}.`,
  };
}
