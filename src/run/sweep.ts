// Parameter sweeps: a grid of scenario variants (one per combination of `--set path=v1,v2,…`
// values), each run for the same replicates 0 … runs − 1 with the same seed (common random numbers
// across points, so neighbouring points differ by the parameter, not by luck), summarised per
// point into a tidy CSV: one row per point and metric.
//
// Grid order: the first axis varies slowest, values in the order given (`--set a=1,2 --set b=x,y`
// gives a=1,b=x; a=1,b=y; a=2,b=x; a=2,b=y). Jobs run point by point on one shared pool; each
// point's compiled scenario reaches a worker once (workers cache by hash), and only per-run
// records are kept.

import type { CompiledScenario } from '../model/compiled.js';
import { executeReplicates, type ReplicateJob } from './executor.js';
import type { MonteCarloOptions } from './monteCarlo.js';
import type { Override } from './overrides.js';
import { formatNumber } from './series.js';
import { describe } from './stats.js';
import { SummaryAccumulator } from './summary.js';

/** All combinations of the axes' values, first axis slowest. */
export function gridPoints(axes: readonly (readonly Override[])[]): Override[][] {
  return axes.reduce<Override[][]>((points, axis) => points.flatMap((p) => axis.map((o) => [...p, o])), [[]]);
}

export type SweepOptions = Omit<MonteCarloOptions, 'onProgress'> & {
  /** Replicates done over the whole grid, and the grid total (points × runs). */
  onProgress?: (done: number, total: number) => void;
};

/** Run every point's replicates; accumulators[p] holds point p's per-run records. */
export async function runSweep(points: readonly CompiledScenario[], options: SweepOptions): Promise<SummaryAccumulator[]> {
  const { runs, onProgress } = options;
  if (!Number.isInteger(runs) || runs < 1) throw new RangeError(`runs must be a positive integer, got ${runs}`);
  const accumulators = points.map((c) => new SummaryAccumulator(c));
  function* jobs(): Generator<ReplicateJob> {
    for (let scenario = 0; scenario < points.length; scenario++) {
      for (let replicate = 0; replicate < runs; replicate++) yield { scenario, replicate };
    }
  }
  const total = points.length * runs;
  await executeReplicates(points, jobs(), (job, result) => void accumulators[job.scenario].add(result), {
    ...options,
    onComplete: onProgress && ((done) => onProgress(done, total)),
  });
  return accumulators;
}

export const SWEEP_STATS = ['mean', 'ciLow', 'ciHigh', 'sd', 'p05', 'p50', 'p95'] as const;

function csvField(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function valueText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** sweep.csv: `point,<axis paths…>,metric,entity,runs,mean,ciLow,ciHigh,sd,p05,p50,p95`. */
export function buildSweepCsv(axisPaths: readonly string[], grid: readonly Override[][], accumulators: readonly SummaryAccumulator[]): string {
  const lines = [['point', ...axisPaths, 'metric', 'entity', 'runs', ...SWEEP_STATS].map(csvField).join(',')];
  grid.forEach((point, p) => {
    const acc = accumulators[p];
    const settings = point.map((o) => csvField(valueText(o.value)));
    acc.layout.keys.forEach((key, k) => {
      const stats = describe(acc.records.map((r) => r[k]));
      const entity = key.entity ?? 'total';
      const numbers = SWEEP_STATS.map((s) => formatNumber(stats[s]));
      lines.push([String(p), ...settings, key.metric, csvField(entity), String(acc.runs), ...numbers].join(','));
    });
  });
  lines.push('');
  return lines.join('\n');
}
