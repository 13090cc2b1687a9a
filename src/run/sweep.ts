// Parameter sweeps: a grid of scenario variants (one per combination of `--set path=v1,v2,…`
// values), each run for the same replicates 0 … runs − 1 with the same seed (common random numbers
// across points, so neighbouring points differ by the parameter, not by luck), summarised per
// point into a tidy CSV: one row per point and metric.
//
// Grid order: the first axis varies slowest, values in the order given (`--set a=1,2 --set b=x,y`
// gives a=1,b=x; a=1,b=y; a=2,b=x; a=2,b=y). Jobs run point by point on one shared pool; each
// point's compiled scenario reaches a worker once (workers cache by hash), and only per-run
// records are kept. With --until-ci each point runs until its own intervals are narrow enough
// (the `runs` column of sweep.csv then differs between points).

import type { CompiledScenario } from '../model/compiled.js';
import type { ReplicateResult } from '../model/result.js';
import { DailyArrayPool } from './dailyArrayPool.js';
import { executeReplicates, type ReplicateJob } from './executor.js';
import { DEFAULT_MAX_RUNS, type MonteCarloOptions, type StopReason } from './monteCarlo.js';
import type { Override } from './overrides.js';
import { formatNumber } from './series.js';
import { describe } from './stats.js';
import { SummaryAccumulator } from './summary.js';
import { ciTargetsMet, resolveCiTargets, type CiTarget } from './untilCi.js';

/** All combinations of the axes' values, first axis slowest. */
export function gridPoints(axes: readonly (readonly Override[])[]): Override[][] {
  return axes.reduce<Override[][]>((points, axis) => points.flatMap((p) => axis.map((o) => [...p, o])), [[]]);
}

export type SweepOptions = Omit<MonteCarloOptions, 'onProgress'> & {
  /** Replicates done over the whole grid, and the grid total (points × runs, or × maxRuns). */
  onProgress?: (done: number, total: number) => void;
  /** Per point, keep adding runs beyond `runs` until each interval is this narrow (untilCi.ts). */
  untilCi?: readonly CiTarget[];
  /** Upper bound on runs per point with `untilCi` (default 1000). */
  maxRuns?: number;
};

/** Point p's per-run records at [p]; why each point ended in `stoppedBy`. */
export type SweepResult = SummaryAccumulator[] & { stoppedBy: StopReason[] };

/** Run every point's replicates; accumulators[p] holds point p's per-run records. With `untilCi`,
 * a point stops at the first run count (≥ runs) where its targets hold, decided in replicate order,
 * and the next point starts; `stoppedBy[p]` says why each point ended. */
export async function runSweep(points: readonly CompiledScenario[], options: SweepOptions): Promise<SweepResult> {
  const { runs, onProgress } = options;
  if (!Number.isInteger(runs) || runs < 1) throw new RangeError(`runs must be a positive integer, got ${runs}`);
  const targets = options.untilCi ?? [];
  const untilCi = targets.length > 0;
  const maxRuns = untilCi ? (options.maxRuns ?? Math.max(DEFAULT_MAX_RUNS, runs)) : runs;
  if (!Number.isInteger(maxRuns) || maxRuns < runs) throw new RangeError(`maxRuns (${maxRuns}) must be a whole number of at least runs (${runs})`);
  const accumulators: SweepResult = Object.assign(points.map((c) => new SummaryAccumulator(c)), {
    stoppedBy: points.map((): StopReason => (untilCi ? 'max-runs' : 'runs')),
  });
  // Per point: an override may change the network, hence the record layout.
  const indices = accumulators.map((acc) => resolveCiTargets(acc.layout, targets));
  const done = points.map(() => false);
  function* jobs(): Generator<ReplicateJob> {
    for (let scenario = 0; scenario < points.length; scenario++) {
      for (let replicate = 0; replicate < maxRuns && !done[scenario]; replicate++) yield { scenario, replicate };
    }
  }
  const consume = (job: ReplicateJob, result: ReplicateResult) => {
    const acc = accumulators[job.scenario];
    acc.add(result);
    // The accumulator keeps the per-run record only; points of another size ignore reused arrays.
    arrays.release(result);
    if (untilCi && acc.runs >= runs && ciTargetsMet(acc, targets, indices[job.scenario])) {
      done[job.scenario] = true;
      accumulators.stoppedBy[job.scenario] = 'until-ci';
    }
  };
  const total = points.length * maxRuns;
  const arrays = new DailyArrayPool(2 * (options.threads ?? 1) + 2);
  await executeReplicates(points, jobs(), consume, {
    ...options,
    arrays,
    wanted: (job) => !done[job.scenario],
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
