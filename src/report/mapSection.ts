// The report's maps: the whole period (flow arrows by people crossing each border), and for the
// key policy events (keyEvents.ts) a pair of small multiples, the window before and the window
// after, drawn on one width scale so a reader sees where the flow went.

import { statsTable, type ChartDef, type RunContext } from './chartModel.js';
import { clusterEvents } from './events.js';
import { keyEvents, type KeyEvent } from './keyEvents.js';
import { mapSpec } from './mapChart.js';
import { pairFlow, type MapNetwork } from './mapFlows.js';
import { mapFrame } from './mapGeography.js';
import { fmt, fmtCompact } from './format.js';
import type { SeriesTable } from './seriesTable.js';

/** People crossing per border pair over days [from, to). */
export function flowsOf(network: MapNetwork, series: SeriesTable, from: number, to: number): Map<string, number> {
  return new Map(network.borders.map((b) => [b.pair, pairFlow(series, b.pair, from, to)]));
}

/** Largest flow per crossing point over several windows (the shared width scale). */
export function maxSegmentFlow(network: MapNetwork, ...flows: ReadonlyMap<string, number>[]): number {
  let max = 0;
  for (const f of flows) for (const b of network.borders) max = Math.max(max, (f.get(b.pair) ?? 0) / b.segments.length);
  return max;
}

export function mainMap(ctx: RunContext, network: MapNetwork): ChartDef {
  const { scenario, series, summary } = ctx;
  const frame = mapFrame(scenario, Math.min(820, ctx.widthPx - 150));
  const flows = flowsOf(network, series, 0, series.dates.length);
  const ranked = network.borders.filter((b) => (flows.get(b.pair) ?? 0) > 0).sort((a, b) => (flows.get(b.pair) ?? 0) - (flows.get(a.pair) ?? 0));
  const top = ranked.slice(0, 5).map((b) => `${b.label} ${fmt(flows.get(b.pair))}`).join('; ');
  const directed = Object.keys(summary.borders).filter((b) => (summary.borders[b].crossings?.mean ?? 0) > 0);
  return {
    id: 'map',
    title: 'Where people crossed',
    spec: mapSpec({ frame, network, flows, maxSegmentFlow: maxSegmentFlow(network, flows) }),
    alt: {
      title: `Map of ${scenario.name}: people crossing each border over the whole period`,
      desc: `${scenario.nodes.length} places and their segments on a map of the region; an arrow across each used border, as wide as the number of people crossing (mean over ${summary.runs} runs). Busiest borders: ${top}.`,
    },
    caption:
      `Arrows cross each border in its main direction; width shows the people who crossed over the whole period ` +
      `(mean over runs, both directions added). A border with several crossing points shares its flow between them. ` +
      `Dashed segments are crossings nobody used. Busiest borders: ${top}. The table lists every border with crossings, ` +
      `as in summary.json.`,
    table: statsTable('border', directed, ['crossings', 'attempts'], (b, m) => summary.borders[b][m]),
  };
}

/** Before/after maps for each key event (at most two). */
export function beforeAfterMaps(ctx: RunContext, network: MapNetwork): ChartDef[] {
  // Clusters of their own: events within a week belong together here (the fence of 15 September
  // 2015 and the corridor of the 16th), whatever the label spacing of the time axes.
  const keys = keyEvents(clusterEvents(ctx.events, 7), ctx.series, { count: 2 });
  return keys.map((key, i) => beforeAfter(ctx, network, key, i));
}

function windowText(series: SeriesTable, [from, to]: [number, number]): string {
  return `${series.dates[from]} – ${series.dates[to - 1]}`;
}

function beforeAfter(ctx: RunContext, network: MapNetwork, key: KeyEvent, index: number): ChartDef {
  const { scenario, series } = ctx;
  const panelWidth = Math.floor((ctx.widthPx - 150 - 24) / 2);
  const frame = mapFrame(scenario, panelWidth);
  const before = flowsOf(network, series, ...key.before);
  const after = flowsOf(network, series, ...key.after);
  const max = maxSegmentFlow(network, before, after);
  const minLabel = 0.02 * Math.max(...before.values(), ...after.values());
  const panel = (flows: Map<string, number>, title: string, legend: boolean) => ({
    title: { text: title, fontSize: 13 },
    ...mapSpec({ frame, network, flows, maxSegmentFlow: max, legend, fontSize: 11, arrowPx: 30, maxWidthPx: 12, placeNames: false, labelMinFlow: minLabel }),
  });
  const days = (w: [number, number]) => w[1] - w[0];
  const spec = {
    hconcat: [
      panel(before, `${days(key.before)} days before: ${windowText(series, key.before)}`, false),
      panel(after, `${days(key.after)} days after: ${windowText(series, key.after)}`, true),
    ],
    spacing: 24,
    resolve: { legend: { strokeWidth: 'independent' }, scale: { strokeWidth: 'independent' } },
  };
  const changes = network.borders
    .map((b) => ({ b, d: (after.get(b.pair) ?? 0) - (before.get(b.pair) ?? 0) }))
    .filter((c) => c.d !== 0)
    .sort((p, q) => Math.abs(q.d) - Math.abs(p.d));
  const biggest = changes.slice(0, 4).map(({ b, d }) => `${b.label} ${d > 0 ? '+' : '−'}${fmtCompact(Math.abs(d))}`).join(', ');
  const events = key.cluster.events.map((e) => `${e.n}. ${e.label} (${e.date})`).join('; ');
  const rows = network.borders
    .filter((b) => (before.get(b.pair) ?? 0) > 0 || (after.get(b.pair) ?? 0) > 0)
    .map((b) => {
      const x = before.get(b.pair) ?? 0;
      const y = after.get(b.pair) ?? 0;
      return [b.label, round(x), round(y), round(y - x)];
    });
  return {
    id: `before-after-${index + 1}`,
    title: `Before and after: ${eventTitle(key)}`,
    spec,
    alt: {
      title: `Two maps of border crossings, ${days(key.before)} days before and ${days(key.after)} days after ${key.cluster.date}`,
      desc: `Events: ${events}. Largest changes in people crossing (after minus before): ${biggest}.`,
    },
    caption:
      `People crossing each border in the ${days(key.before)} days before and the ${days(key.after)} days after ` +
      `${key.cluster.date} (sums of daily means; both maps on one width scale). Events: ${events}. ` +
      `Largest changes: ${biggest}. Chosen because flows shifted most around ${key.cluster.events.length > 1 ? 'these events' : 'this event'} ` +
      `(${fmt(key.shift)} people per day moved between borders).`,
    table: { columns: ['border', 'before', 'after', 'change'], rows, numericFrom: 1 },
  };
}

function eventTitle(key: KeyEvent): string {
  const first = key.cluster.events[0];
  const more = key.cluster.events.length - 1;
  return `${first.label} (${first.date})${more > 0 ? ` and ${more} more event${more > 1 ? 's' : ''}` : ''}`;
}

function round(v: number): string {
  return String(Math.round(v));
}

