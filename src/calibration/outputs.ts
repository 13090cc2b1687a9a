// calibration.json: how the calibration was made (settings, method), how it went (per generation
// the tolerance, effective sample size, acceptance rate and simulations), what it found (posterior
// mean, sd, median and 95% interval per parameter; the best particle) and how well that fits
// (scorecard distance and score of the best particle and of the posterior predictive ensemble,
// with train and held-out parts under --train-until). Nothing depends on the host, the time or the
// thread count: the same command gives the same bytes (timings are in manifest.json).

import { roundSignificant } from '../run/stats.js';
import type { Scorecard } from '../benchmarks/index.js';
import type { AbcState } from './abcSmc.js';
import type { FreeParameter } from './paramsFile.js';
import { lastGeneration, summarisePosterior, type ParameterPosterior } from './posterior.js';

export interface CalibrationSettings {
  scenario: string;
  benchmarks: string;
  params: string;
  seed: number;
  particles: number;
  budget: number;
  runsPerParticle: number;
  arms: number;
  essKeep: number;
  predictiveRuns: number;
  trainUntil?: string;
}

export interface FitSummary {
  distance: number;
  score: number;
  runs: number;
  train?: { distance: number; score: number; items: number };
  test?: { distance: number; score: number; items: number };
}

const r = (v: number | null) => (v === null || !Number.isFinite(v) ? null : roundSignificant(v));

export function fitSummary(card: Scorecard): FitSummary {
  const part = (p: Scorecard['train']) => p && { distance: r(p.distance) as number, score: r(p.score) as number, items: p.items };
  return {
    distance: r(card.distance) as number,
    score: r(card.score) as number,
    runs: card.runs,
    ...(card.train ? { train: part(card.train) } : {}),
    ...(card.test ? { test: part(card.test) } : {}),
  };
}

export interface CalibrationJson {
  method: string;
  settings: CalibrationSettings;
  simulations: number;
  generations: { generation: number; epsilon: number | null; ess: number; resampled: boolean; acceptanceRate: number | null; simulations: number }[];
  parameters: (ParameterPosterior & { prior: FreeParameter['prior'] })[];
  best: { values: Record<string, number>; distance: number | null };
  fit: { best: FitSummary; posteriorPredictive: FitSummary };
}

export function calibrationJson(
  settings: CalibrationSettings,
  params: readonly FreeParameter[],
  state: AbcState,
  best: { values: number[]; distance: number },
  fit: { best: Scorecard; predictive: Scorecard },
): CalibrationJson {
  const paths = params.map((p) => p.path);
  return {
    method: 'ABC-SMC with adaptive tolerance (Del Moral, Doucet & Jasra 2012), one simulation per particle and move; docs/calibration.md',
    settings,
    simulations: state.simulations,
    generations: state.generations.map((g) => ({
      generation: g.generation,
      epsilon: r(g.epsilon),
      ess: r(g.ess) as number,
      resampled: g.resampled,
      acceptanceRate: r(g.acceptanceRate),
      simulations: g.simulations * settings.arms * settings.runsPerParticle,
    })),
    parameters: summarisePosterior(paths, lastGeneration(state).particles).map((s, j) => ({ ...s, prior: params[j].prior })),
    best: { values: Object.fromEntries(paths.map((p, j) => [p, roundSignificant(best.values[j])])), distance: r(best.distance) },
    fit: { best: fitSummary(fit.best), posteriorPredictive: fitSummary(fit.predictive) },
  };
}
