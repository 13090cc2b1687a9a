// A calibration of a scenario against benchmarks: ABC-SMC (abcSmc.ts) whose particles are
// parameter points run on the worker pool (evaluatePoints.ts, one pool call per generation), and
// afterwards the fit of the result: the best particle run `predictiveRuns` times, and a posterior
// predictive ensemble (that many particles resampled from the posterior, one run each), each
// scored with the full scorecard (train and held-out parts with --train-until).
//
// Replicates: particle i of generation t runs replicates (t·N + i)·k … + k − 1 (k runs per
// particle), so no two simulations share random numbers; the fit runs use replicates after all of
// the budget's. Randomness of the algorithm itself: designStream(seed, generation, …).

import type { Override } from '../run/overrides.js';
import type { Scenario } from '../scenarios/types.js';
import type { ReplicatePool } from '../workers/pool.js';
import { runAbcSmc, systematicResample, type AbcHooks, type AbcSettings, type AbcState, type EvaluationItem, type Particle } from './abcSmc.js';
import { evaluatePoints, type PointObjective } from './evaluatePoints.js';
import type { FreeParameter } from './paramsFile.js';
import { compileArmsOf, pointScenario } from './pointScenarios.js';
import { bestParticle, lastGeneration } from './posterior.js';
import { designStream } from './streams.js';

export interface CalibrationContext {
  base: Scenario;
  shownFile: string;
  paramsFile: string;
  params: readonly FreeParameter[];
  objective: PointObjective<number>;
  /** Master seed of the simulations (and of the algorithm's streams). */
  seed: number;
  runsPerParticle: number;
  threads: number;
  /** One pool for every generation and the fit runs (threads > 1). */
  pool?: ReplicatePool;
  signal?: AbortSignal;
  /** Simulations done so far in the current pool call. */
  onSimulations?: (done: number) => void;
}

function evaluator(ctx: CalibrationContext): (items: readonly EvaluationItem[]) => Promise<number[]> {
  return (items) =>
    evaluatePoints(
      {
        points: items.length,
        runs: ctx.runsPerParticle,
        firstReplicate: (p) => items[p].replicate * ctx.runsPerParticle,
        compile: (p) => compileArmsOf(pointScenario(ctx.base, ctx.params, items[p].values, ctx.paramsFile), ctx.objective.arms, ctx.shownFile),
      },
      ctx.objective,
      { seed: ctx.seed, threads: ctx.threads, pool: ctx.pool, signal: ctx.signal, onComplete: ctx.onSimulations },
    );
}

/** Simulations per particle and generation: arms × runs per particle. */
export function simulationsPerParticle(ctx: { objective: { arms: readonly (readonly Override[])[] }; runsPerParticle: number }): number {
  return ctx.objective.arms.length * ctx.runsPerParticle;
}

/** Run (or continue) ABC-SMC. `settings.budget` counts simulations; a particle costs arms × runs. */
export async function calibrate(settings: AbcSettings, ctx: CalibrationContext, hooks: AbcHooks, from?: AbcState): Promise<AbcState> {
  const per = simulationsPerParticle(ctx);
  const evaluate = evaluator(ctx);
  // The ABC core counts particles evaluated; the budget is in simulations.
  const abcSettings = { ...settings, budget: Math.floor(settings.budget / per) };
  const resumed = from && { ...from, simulations: from.simulations / per, finished: from.simulations / per + settings.particles > abcSettings.budget };
  const toSimulations = (s: AbcState): AbcState => ({ ...s, simulations: s.simulations * per });
  const state = await runAbcSmc(abcSettings, evaluate, { ...hooks, onGeneration: hooks.onGeneration && ((s) => hooks.onGeneration?.(toSimulations(s))) }, resumed);
  return toSimulations(state);
}

export interface FitRuns {
  best: Particle;
  /** Observations of the best particle's runs, [arm][replicate]. */
  bestRuns: Float64Array[][];
  /** Posterior predictive ensemble: one run per resampled particle, pooled, [arm][replicate]. */
  predictiveRuns: Float64Array[][];
  predictiveParticles: number[][];
}

/** Run the best particle `runs` times and `runs` posterior particles once each (see header). */
export async function fitRuns(state: AbcState, ctx: CalibrationContext, runs: number): Promise<FitRuns> {
  const population = lastGeneration(state).particles;
  const best = bestParticle(population);
  const firstFree = state.generations.length * population.length * ctx.runsPerParticle;
  const keep = <T>(objective: PointObjective<T>): PointObjective<Float64Array[][]> => ({ arms: objective.arms, observe: objective.observe, reduce: (r) => r });
  const bestRuns = (
    await evaluatePoints(
      {
        points: 1,
        runs,
        firstReplicate: () => firstFree,
        compile: () => compileArmsOf(pointScenario(ctx.base, ctx.params, best.values, ctx.paramsFile), ctx.objective.arms, ctx.shownFile),
      },
      keep(ctx.objective),
      { seed: ctx.seed, threads: ctx.threads, pool: ctx.pool, signal: ctx.signal, onComplete: ctx.onSimulations },
    )
  )[0];
  const rng = designStream(ctx.seed, state.generations.length, 'predictive');
  const draws = systematicResample(population, rng).slice(0, runs);
  while (draws.length < runs) draws.push(...systematicResample(population, rng).slice(0, runs - draws.length));
  const perParticle = await evaluatePoints(
    {
      points: draws.length,
      runs: 1,
      firstReplicate: (p) => firstFree + runs + p,
      compile: (p) => compileArmsOf(pointScenario(ctx.base, ctx.params, draws[p].values, ctx.paramsFile), ctx.objective.arms, ctx.shownFile),
    },
    keep(ctx.objective),
    { seed: ctx.seed, threads: ctx.threads, pool: ctx.pool, signal: ctx.signal, onComplete: ctx.onSimulations },
  );
  const predictiveRuns = ctx.objective.arms.map((_, arm) => perParticle.map((r) => r[arm][0]));
  return { best, bestRuns, predictiveRuns, predictiveParticles: draws.map((d) => d.values) };
}
