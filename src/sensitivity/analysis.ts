// A sensitivity analysis of a scenario: a Morris or Saltelli design over the free parameters of a
// params file (unit cube → prior quantiles), each point run `runsPerPoint` times on the worker pool
// with replicates 0 … runsPerPoint − 1 (common random numbers across points, so differences between
// points are the parameters' doing, not luck), reduced to output values, then Morris effects or
// Sobol' indices per output. All design and bootstrap randomness comes from designStream(seed, …).

import type { FreeParameter } from '../calibration/paramsFile.js';
import { evaluatePoints, type PointObjective } from '../calibration/evaluatePoints.js';
import { compileArmsOf, pointScenario } from '../calibration/pointScenarios.js';
import { priorQuantile, type Prior } from '../calibration/priors.js';
import { designStream } from '../calibration/streams.js';
import type { Scenario } from '../scenarios/types.js';
import type { ReplicatePool } from '../workers/pool.js';
import type { Interval } from './bootstrap.js';
import { morrisDesign, morrisEffects } from './morris.js';
import { saltelliDesign, sobolIndices } from './sobol.js';

export type SensitivityMethod = 'morris' | 'sobol';

export interface SensitivitySettings {
  method: SensitivityMethod;
  /** Morris: trajectories r (default 10). */
  trajectories: number;
  /** Morris: grid levels (default 4). */
  levels: number;
  /** Sobol: base samples n (default 64). */
  samples: number;
  runsPerPoint: number;
  seed: number;
  bootstrap: number;
}

export interface FactorIndices {
  path: string;
  /** Morris: mu, muStar, sigma; Sobol: first, total. */
  values: Record<string, number>;
  intervals: Record<string, Interval>;
}

export interface OutputIndices {
  output: string;
  factors: FactorIndices[];
}

export interface SensitivityResult {
  points: number;
  simulations: number;
  outputs: OutputIndices[];
}

export interface RunContext {
  base: Scenario;
  shownFile: string;
  paramsFile: string;
  params: readonly FreeParameter[];
  threads: number;
  pool?: ReplicatePool;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

/** Points evaluated per pool call: bounds the compiled scenarios held at once. */
const CHUNK_POINTS = 48;

/** A unit-cube coordinate as a parameter value. An unbounded normal prior is read between its
 * 0.135% and 99.865% quantiles (±3 sd), so the Morris grid's 0 and 1 stay finite. */
export function unitToValue(prior: Prior, u: number): number {
  if ('normal' in prior && prior.normal.min === undefined && prior.normal.max === undefined) return priorQuantile(prior, 0.00135 + u * 0.9973);
  return priorQuantile(prior, u);
}

export function designPoints(settings: SensitivitySettings, factors: number): number[][] {
  if (settings.method === 'sobol') return saltelliDesign(factors, settings.samples, designStream(settings.seed, 0, 'sobol'));
  const design = morrisDesign({ factors, trajectories: settings.trajectories, levels: settings.levels }, designStream(settings.seed, 0, 'morris'));
  return design.flatMap((t) => t.points);
}

export async function runSensitivity(
  settings: SensitivitySettings,
  objective: PointObjective<number[]>,
  outputNames: readonly string[],
  ctx: RunContext,
): Promise<SensitivityResult> {
  const k = ctx.params.length;
  const units = designPoints(settings, k);
  const values = units.map((u) =>
    u.map((x, j) => {
      const v = unitToValue(ctx.params[j].prior, x);
      return ctx.params[j].integer ? Math.round(v) : v;
    }),
  );
  const perPoint = objective.arms.length * settings.runsPerPoint;
  const total = values.length * perPoint;
  const y: number[][] = [];
  for (let start = 0; start < values.length; start += CHUNK_POINTS) {
    const chunk = values.slice(start, start + CHUNK_POINTS);
    const done = start * perPoint;
    const results = await evaluatePoints(
      {
        points: chunk.length,
        runs: settings.runsPerPoint,
        firstReplicate: () => 0,
        compile: (p) => compileArmsOf(pointScenario(ctx.base, ctx.params, chunk[p], ctx.paramsFile), objective.arms, ctx.shownFile),
      },
      objective,
      { seed: settings.seed, threads: ctx.threads, pool: ctx.pool, signal: ctx.signal, onComplete: (n) => ctx.onProgress?.(done + n, total) },
    );
    y.push(...results);
  }
  const outputs = outputNames.map((output, m) => ({ output, factors: indicesOf(settings, ctx.params, y.map((row) => row[m]), m) }));
  return { points: values.length, simulations: total, outputs };
}

function indicesOf(settings: SensitivitySettings, params: readonly FreeParameter[], y: number[], m: number): FactorIndices[] {
  const k = params.length;
  const rng = designStream(settings.seed, m, 'bootstrap');
  if (settings.method === 'sobol') {
    return sobolIndices(k, settings.samples, y, rng, settings.bootstrap).map((s, j) => ({
      path: params[j].path,
      values: { first: s.first, total: s.total },
      intervals: { first: s.firstCi, total: s.totalCi },
    }));
  }
  const design = morrisDesign({ factors: k, trajectories: settings.trajectories, levels: settings.levels }, designStream(settings.seed, 0, 'morris'));
  const perTrajectory = design.map((_, t) => y.slice(t * (k + 1), (t + 1) * (k + 1)));
  return morrisEffects(design, perTrajectory, rng, settings.bootstrap).map((e, j) => ({
    path: params[j].path,
    values: { mu: e.mu, muStar: e.muStar, sigma: e.sigma },
    intervals: { muStar: e.muStarCi, sigma: e.sigmaCi },
  }));
}
