// The files and the terminal table of `routeshift sensitivity`: sensitivity.json (settings, the
// parameters with their priors, per output per parameter the indices with 95% bootstrap
// intervals), sensitivity.csv (one row per output, parameter and index: tidy for plotting) and a
// plain-text table. Numbers are rounded to 6 significant digits: same seed, same bytes.

import { formatNumber } from '../run/series.js';
import { roundSignificant } from '../run/stats.js';
import type { FreeParameter } from '../calibration/paramsFile.js';
import type { SensitivityResult, SensitivitySettings } from './analysis.js';

export const INDEX_NAMES = { morris: ['muStar', 'sigma', 'mu'], sobol: ['first', 'total'] } as const;

const r = (v: number) => (Number.isFinite(v) ? roundSignificant(v) : null);

export function sensitivityJson(scenario: string, settings: SensitivitySettings, params: readonly FreeParameter[], result: SensitivityResult): string {
  const { method } = settings;
  const design =
    method === 'morris'
      ? { trajectories: settings.trajectories, levels: settings.levels }
      : { samples: settings.samples };
  const body = {
    scenario,
    method,
    seed: settings.seed,
    ...design,
    runsPerPoint: settings.runsPerPoint,
    bootstrapResamples: settings.bootstrap,
    points: result.points,
    simulations: result.simulations,
    parameters: params.map((p) => ({ path: p.path, prior: p.prior })),
    outputs: result.outputs.map((o) => ({
      output: o.output,
      parameters: o.factors.map((f) => ({
        path: f.path,
        ...Object.fromEntries(INDEX_NAMES[method].map((name) => [name, r(f.values[name])])),
        ci: Object.fromEntries(Object.entries(f.intervals).map(([name, ci]) => [name, [r(ci.low), r(ci.high)]])),
      })),
    })),
  };
  return JSON.stringify(body, null, 2) + '\n';
}

function csvField(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** `output,parameter,index,value,ciLow,ciHigh`. */
export function sensitivityCsv(settings: SensitivitySettings, result: SensitivityResult): string {
  const lines = ['output,parameter,index,value,ciLow,ciHigh'];
  for (const o of result.outputs) {
    for (const f of o.factors) {
      for (const name of INDEX_NAMES[settings.method]) {
        const ci = f.intervals[name];
        const num = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? '' : formatNumber(v));
        lines.push([csvField(o.output), csvField(f.path), name, num(f.values[name]), num(ci?.low), num(ci?.high)].join(','));
      }
    }
  }
  lines.push('');
  return lines.join('\n');
}

/** One block per output, parameters ranked by μ* (Morris) or total index (Sobol). */
export function sensitivityTable(settings: SensitivitySettings, result: SensitivityResult): string {
  const key = settings.method === 'morris' ? 'muStar' : 'total';
  const heads = settings.method === 'morris' ? ['μ*', '95% CI', 'σ', 'μ'] : ['S1', '95% CI', 'ST', '95% CI'];
  const fmt = (v: number) => (Number.isFinite(v) ? formatNumber(roundSignificant(v, 3)) : '–');
  const ci = (f: { intervals: Record<string, { low: number; high: number }> }, name: string) =>
    f.intervals[name] ? `${fmt(f.intervals[name].low)} to ${fmt(f.intervals[name].high)}` : '';
  const out: string[] = [];
  for (const o of result.outputs) {
    const rows = [...o.factors]
      .sort((a, b) => (b.values[key] ?? -Infinity) - (a.values[key] ?? -Infinity))
      .map((f) =>
        settings.method === 'morris'
          ? [f.path, fmt(f.values.muStar), ci(f, 'muStar'), fmt(f.values.sigma), fmt(f.values.mu)]
          : [f.path, fmt(f.values.first), ci(f, 'first'), fmt(f.values.total), ci(f, 'total')],
      );
    const table = [['parameter', ...heads], ...rows];
    const widths = table[0].map((_, c) => Math.max(...table.map((row) => row[c].length)));
    out.push(`${o.output}:`);
    for (const row of table) out.push('  ' + row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  '));
  }
  return out.join('\n') + '\n';
}
