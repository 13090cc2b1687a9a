// The terminal scorecard of `routeshift check`: one row per benchmark item — id, kind, what is
// observed or expected, the simulated value with its 95% Monte Carlo interval, the item's error
// (series: ARD raw / rescaled, CRPS relative, p05–p95 coverage; patterns: distance), pass or fail —
// then the overall score and distance, and the train/test split when asked for.

import type { Estimate, Scorecard, ScorecardItem } from '../benchmarks/types.js';

const num = (x: number | null | undefined, digits = 3): string => {
  if (x === null || x === undefined || !Number.isFinite(x)) return 'n/a';
  const abs = Math.abs(x);
  if (abs >= 1000) return Math.round(x).toLocaleString('en-US');
  return abs >= 100 ? x.toFixed(0) : x.toPrecision(digits).replace(/\.?0+(e|$)/, '$1');
};

export function formatEstimate(e: Estimate): string {
  if (e.mean === null) return 'n/a';
  return e.ciLow === null || e.ciHigh === null ? num(e.mean) : `${num(e.mean)} [${num(e.ciLow)}, ${num(e.ciHigh)}]`;
}

function observed(item: ScorecardItem): string {
  if (item.points === undefined) return item.expected;
  const total = item.points.reduce((s, p) => s + p.observed, 0);
  return `${item.points.length} points, Σ ${num(total)}; ${item.expected}`;
}

function error(item: ScorecardItem): string {
  const e = item.errors;
  if (e === undefined) return `d ${num(item.distance, 2)}`;
  const coverage = e.coverage === null ? 'n/a' : `${Math.round(e.coverage * 100)}%`;
  return `ARD ${num(e.ardRaw, 2)}/${num(e.ardRescaled, 2)} CRPSr ${num(e.crpsRelative, 2)} cov ${coverage}`;
}

function pad(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => r.map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c]))).join('  ').trimEnd()).join('\n');
}

export function formatScorecard(card: Scorecard, header: string): string {
  const rows = [['item', 'kind', 'observed / expected', 'simulated [95% CI]', 'error', 'pass']];
  for (const item of card.items) {
    const shown = item.points !== undefined && item.errors ? `ARD ${formatEstimate(item.value)}` : formatEstimate(item.value);
    rows.push([item.id, item.kind, observed(item), shown, error(item), item.pass ? 'pass' : 'FAIL']);
  }
  const lines = [header, pad(rows), `score ${num(card.score)} (weighted share passed), distance ${num(card.distance)} (0 = perfect); ${card.runs} run${card.runs === 1 ? '' : 's'}`];
  if (card.trainUntil !== undefined) {
    const part = (name: string, p: Scorecard['train']) => (p ? `${name}: score ${num(p.score)}, distance ${num(p.distance)} (${p.items} items)` : `${name}: no items`);
    lines.push(`split at ${card.trainUntil}: ${part('train', card.train)}; ${part('test', card.test)}`);
  }
  return lines.join('\n') + '\n';
}
