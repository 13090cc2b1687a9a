// Paired comparison of two scenarios (a baseline and a policy variant) with common random numbers:
// replicate i of both arms runs with the same (seed, i), hence the same purpose-split random
// streams, so the two arms differ only where the policy makes agents act differently. The
// difference is measured run by run (variant − baseline) and its 95% interval comes from the
// spread of those paired differences, which is far narrower than comparing two independent
// means when the arms are positively correlated (the unpaired Welch interval is reported beside it).
//
// Jobs interleave the arms (A0, B0, A1, B1, …) so both arms progress together and the results
// reach the aggregation in a fixed order for any thread count. Memory: the per-run records of each
// arm, one borders × days array of summed crossings per arm (for the adaptation lag) and each run's
// daily exit crossings (for the lag's bootstrap interval, adaptationLagInterval.ts). With
// --until-ci, pairs are added until the paired intervals are narrow enough (untilCi.ts).

import type { CompiledScenario } from '../model/compiled.js';
import { BORDER_METRICS, type ReplicateResult } from '../model/result.js';
import { isoDay } from '../scenarios/dates.js';
import { ExitCrossings } from './adaptationLagInterval.js';
import { DailyArrayPool } from './dailyArrayPool.js';
import { comparisonLag, type AdaptationLagReport } from './comparisonLag.js';
import { executeReplicates, type ReplicateJob } from './executor.js';
import { DEFAULT_MAX_RUNS, type MonteCarloOptions, type StopReason } from './monteCarlo.js';
import { keyPath, type RecordLayout } from './runRecord.js';
import { describe, roundSignificant, roundStats, type Stats } from './stats.js';
import { tCritical95 } from './studentT.js';
import { SummaryAccumulator } from './summary.js';
import { pairedCiTargetsMet, resolveCiTargets, type CiTarget } from './untilCi.js';

export type { AdaptationLagReport } from './comparisonLag.js';

export interface CompareOptions extends MonteCarloOptions {
  /** Exit border whose lost crossings the displacement ratio refers to; default: the one that lost most. */
  target?: string;
  /** Keep adding pairs beyond `runs` until each paired difference's interval is this narrow. */
  untilCi?: readonly CiTarget[];
  /** Upper bound on pairs with `untilCi` (default 1000). */
  maxRuns?: number;
}

export type Interval = { ciLow: number | null; ciHigh: number | null };

/** A paired difference: stats of variant − baseline per run, and the unpaired (Welch) interval. */
export type DifferenceStats = Stats & { unpairedCiLow: number | null; unpairedCiHigh: number | null };

export interface PairedStats {
  baseline: Stats;
  variant: Stats;
  difference: DifferenceStats;
}

export interface Comparison {
  baseline: { scenario: string; name: string };
  variant: { scenario: string; name: string };
  period: { start: string; end: string };
  seed: number;
  runs: number;
  peoplePerAgent: number;
  totals: Record<string, PairedStats>;
  borders: Record<string, Record<string, PairedStats>>;
  /** Per exit border: mean exit share in each arm and the paired change with its interval. */
  exitShareChange: Record<string, { baseline: number | null; variant: number | null; change: number | null } & Interval>;
  displacement: Displacement | null;
  adaptationLag: AdaptationLagReport | null;
}

export interface Displacement {
  /** The exit border that lost crossings: --target, or the one with the largest mean loss. */
  target: string;
  chosenBy: 'target option' | 'largest loss';
  /** Crossings lost on the target per run (baseline − variant). */
  lostOnTarget: Stats;
  /** Crossings gained by all other exit borders together per run (variant − baseline). */
  gainedElsewhere: Stats;
  /** mean(gainedElsewhere) / mean(lostOnTarget), with a delta-method 95% interval; null when nothing was lost. */
  ratio: ({ estimate: number | null } & Interval) | null;
}

/** Throws unless the arms can be paired day by day and border by border. */
export function checkComparable(a: CompiledScenario, b: CompiledScenario): void {
  const problems: string[] = [];
  if (a.startDate !== b.startDate || a.days !== b.days) problems.push(`periods differ (${a.startDate} + ${a.days} days vs ${b.startDate} + ${b.days} days)`);
  if (a.network.borderIds.join() !== b.network.borderIds.join() || a.network.borderIsExit.join() !== b.network.borderIsExit.join()) {
    problems.push('the scenarios have different borders or exits');
  }
  if (a.network.countryIds.join() !== b.network.countryIds.join()) problems.push('the scenarios have different countries');
  if (a.peoplePerAgent !== b.peoplePerAgent) problems.push(`peoplePerAgent differs (${a.peoplePerAgent} vs ${b.peoplePerAgent})`);
  if (problems.length > 0) throw new Error(`cannot compare ${a.id} with ${b.id}: ${problems.join('; ')}`);
}

/** Run both arms with common random numbers and build comparison.json. */
export async function runComparison(
  baseline: CompiledScenario,
  variant: CompiledScenario,
  options: CompareOptions,
): Promise<{ comparison: Comparison; agentSteps: number; stoppedBy: StopReason }> {
  checkComparable(baseline, variant);
  const { runs, seed, onProgress } = options;
  if (!Number.isInteger(runs) || runs < 1) throw new RangeError(`runs must be a positive integer, got ${runs}`);
  const targets = options.untilCi ?? [];
  const untilCi = targets.length > 0;
  const maxRuns = untilCi ? (options.maxRuns ?? Math.max(DEFAULT_MAX_RUNS, runs)) : runs;
  if (!Number.isInteger(maxRuns) || maxRuns < runs) throw new RangeError(`maxRuns (${maxRuns}) must be a whole number of at least runs (${runs})`);
  const arms = [new SummaryAccumulator(baseline), new SummaryAccumulator(variant)];
  const indices = resolveCiTargets(arms[0].layout, targets, 'comparison.json');
  const perRun = new ExitCrossings(baseline);
  let stoppedBy: StopReason = untilCi ? 'max-runs' : 'runs';
  const { days } = baseline;
  const borders = baseline.network.borderIds.length;
  const crossings = [new Float64Array(borders * days), new Float64Array(borders * days)];
  const crossingsMetric = BORDER_METRICS.indexOf('crossings');
  if (options.target !== undefined) targetIndex(baseline, options.target);

  function* jobs(): Generator<ReplicateJob> {
    for (let replicate = 0; replicate < maxRuns; replicate++) {
      yield { scenario: 0, replicate };
      yield { scenario: 1, replicate };
    }
  }
  const consume = (job: ReplicateJob, result: ReplicateResult) => {
    arms[job.scenario].add(result);
    const sums = crossings[job.scenario];
    const offset = crossingsMetric * borders * days;
    for (let i = 0; i < sums.length; i++) sums[i] += result.borderDaily[offset + i];
    perRun.add(job.scenario === 0 ? 0 : 1, result);
    // Nothing above keeps the daily arrays (the lag copies its exits' crossings).
    arrays.release(result);
    if (untilCi && job.scenario === 1 && arms[1].runs >= runs && pairedCiTargetsMet(arms[0], arms[1], targets, indices)) {
      stoppedBy = 'until-ci';
      return false;
    }
    return true;
  };
  const arrays = new DailyArrayPool(2 * (options.threads ?? 1) + 2);
  await executeReplicates([baseline, variant], jobs(), consume, {
    ...options,
    arrays,
    onComplete: onProgress && ((done) => onProgress(Math.min(Math.floor(done / 2), maxRuns), maxRuns)),
  });
  const meta = { seed, runs: arms[1].runs, target: options.target };
  const comparison = buildComparison(baseline, variant, arms[0], arms[1], crossings, perRun, meta);
  return { comparison, agentSteps: arms[0].agentSteps + arms[1].agentSteps, stoppedBy };
}

function targetIndex(compiled: CompiledScenario, target: string): number {
  const b = compiled.network.borderIds.indexOf(target);
  if (b < 0 || compiled.network.borderIsExit[b] !== 1) {
    const exits = compiled.network.borderIds.filter((_, i) => compiled.network.borderIsExit[i] === 1);
    throw new Error(`--target ${target} is not an exit border of ${compiled.id} (exits: ${exits.join(', ')})`);
  }
  return b;
}

/** Per-run values of record entry k in each arm, and their paired differences. */
function column(acc: SummaryAccumulator, k: number): Float64Array {
  return Float64Array.from(acc.records, (r) => r[k]);
}

function differences(a: Float64Array, b: Float64Array): Float64Array {
  return a.map((x, i) => (Number.isNaN(x) || Number.isNaN(b[i]) ? NaN : b[i] - x));
}

/** Welch's interval of mean(b) − mean(a) for independent samples (df rounded down: conservative). */
function welchInterval(a: Stats, b: Stats, na: number, nb: number): Interval {
  if (a.mean === null || b.mean === null || a.sd === null || b.sd === null || na < 2 || nb < 2) return { ciLow: null, ciHigh: null };
  const va = (a.sd * a.sd) / na;
  const vb = (b.sd * b.sd) / nb;
  const se = Math.sqrt(va + vb);
  const diff = b.mean - a.mean;
  if (se === 0) return { ciLow: diff, ciHigh: diff };
  const df = Math.max(1, Math.floor((va + vb) ** 2 / ((va * va) / (na - 1) + (vb * vb) / (nb - 1))));
  const half = tCritical95(df) * se;
  return { ciLow: diff - half, ciHigh: diff + half };
}

function defined(values: Float64Array): number {
  return values.reduce((n, v) => (Number.isNaN(v) ? n : n + 1), 0);
}

function paired(a: Float64Array, b: Float64Array): PairedStats {
  const sa = describe(a);
  const sb = describe(b);
  const d = roundStats(describe(differences(a, b)));
  const welch = welchInterval(sa, sb, defined(a), defined(b));
  const r = (v: number | null) => (v === null ? null : roundSignificant(v));
  return {
    baseline: roundStats(sa),
    variant: roundStats(sb),
    difference: { ...d, unpairedCiLow: r(welch.ciLow), unpairedCiHigh: r(welch.ciHigh) },
  };
}

/** Delta-method interval of mean(g) / mean(l) from paired per-run values. */
function ratioInterval(g: Float64Array, l: Float64Array): { estimate: number | null } & Interval {
  const n = g.length;
  const mg = g.reduce((s, v) => s + v, 0) / n;
  const ml = l.reduce((s, v) => s + v, 0) / n;
  if (!(ml > 0)) return { estimate: null, ciLow: null, ciHigh: null };
  const ratio = mg / ml;
  if (n < 2) return { estimate: roundSignificant(ratio), ciLow: null, ciHigh: null };
  let vg = 0;
  let vl = 0;
  let cov = 0;
  for (let i = 0; i < n; i++) {
    vg += (g[i] - mg) ** 2;
    vl += (l[i] - ml) ** 2;
    cov += (g[i] - mg) * (l[i] - ml);
  }
  // Variances of the two means (sample variances / n), then Var(R) ≈ (Vg + R²Vl − 2R·Cov) / ml².
  const scale = 1 / ((n - 1) * n);
  const variance = Math.max(0, (vg * scale + ratio * ratio * vl * scale - 2 * ratio * cov * scale) / (ml * ml));
  const half = tCritical95(n - 1) * Math.sqrt(variance);
  return { estimate: roundSignificant(ratio), ciLow: roundSignificant(ratio - half), ciHigh: roundSignificant(ratio + half) };
}

export function buildComparison(
  baseline: CompiledScenario,
  variant: CompiledScenario,
  a: SummaryAccumulator,
  b: SummaryAccumulator,
  crossings: readonly Float64Array[],
  perRun: ExitCrossings,
  meta: { seed: number; runs: number; target?: string },
): Comparison {
  const layout: RecordLayout = a.layout;
  const totals: Comparison['totals'] = {};
  const borders: Comparison['borders'] = {};
  const pairedAt = new Map<string, PairedStats>();
  layout.keys.forEach((key, k) => {
    if (key.section === 'countries') return;
    const stats = paired(column(a, k), column(b, k));
    pairedAt.set(keyPath(key), stats);
    if (key.entity === undefined) totals[key.metric] = stats;
    else (borders[key.entity] ??= {})[key.metric] = stats;
  });

  const { borderIds, borderIsExit } = baseline.network;
  const exits = borderIds.filter((_, i) => borderIsExit[i] === 1);
  const exitShareChange: Comparison['exitShareChange'] = {};
  for (const id of exits) {
    const s = pairedAt.get(`borders.${id}.exitShare`) as PairedStats;
    exitShareChange[id] = { baseline: s.baseline.mean, variant: s.variant.mean, change: s.difference.mean, ciLow: s.difference.ciLow, ciHigh: s.difference.ciHigh };
  }

  const crossingIndex = (id: string) => layout.index.get(`borders.${id}.crossings`) as number;
  let displacement: Displacement | null = null;
  let target = meta.target;
  if (target === undefined && exits.length > 1) {
    const losses = exits.map((id) => ({ id, change: differences(column(a, crossingIndex(id)), column(b, crossingIndex(id))) }));
    const mean = (v: Float64Array) => v.reduce((s, x) => s + x, 0) / v.length;
    const worst = losses.reduce((p, q) => (mean(q.change) < mean(p.change) ? q : p));
    if (mean(worst.change) < 0) target = worst.id;
  }
  if (target !== undefined) {
    targetIndex(baseline, target);
    const lost = differences(column(b, crossingIndex(target)), column(a, crossingIndex(target)));
    const gained = new Float64Array(meta.runs);
    for (const id of exits) {
      if (id === target) continue;
      const d = differences(column(a, crossingIndex(id)), column(b, crossingIndex(id)));
      for (let i = 0; i < gained.length; i++) gained[i] += d[i];
    }
    displacement = {
      target,
      chosenBy: meta.target === undefined ? 'largest loss' : 'target option',
      lostOnTarget: roundStats(describe(lost)),
      gainedElsewhere: roundStats(describe(gained)),
      ratio: ratioInterval(gained, lost),
    };
  }

  const lag = target === undefined ? null : comparisonLag(baseline, variant, target, crossings, perRun, meta.seed);

  return {
    baseline: { scenario: baseline.id, name: baseline.name },
    variant: { scenario: variant.id, name: variant.name },
    period: { start: baseline.startDate, end: isoDay(baseline.startDate, baseline.days - 1) },
    seed: meta.seed,
    runs: meta.runs,
    peoplePerAgent: baseline.peoplePerAgent,
    totals,
    borders,
    exitShareChange,
    displacement,
    adaptationLag: lag,
  };
}
