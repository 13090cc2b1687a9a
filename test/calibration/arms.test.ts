// Calibration against benchmarks whose monotone pattern needs extra arms (one scenario per
// value): every particle runs every arm with the same replicate, the budget counts arms × runs,
// and the fit runs give scorecards for the best particle and the posterior predictive ensemble.

import { describe, expect, test } from 'vitest';
import { parseBenchmarks } from '../../src/benchmarks/index.js';
import { calibrate, fitRuns, simulationsPerParticle, type CalibrationContext } from '../../src/calibration/calibrate.js';
import { checkParams } from '../../src/calibration/paramsFile.js';
import { objectiveOf } from '../../src/cli/benchmarkObjective.js';
import { toyBenchmarks, toyScenario } from '../fixtures/benchmarks.js';

describe('calibration with benchmark arms', () => {
  test('budget in simulations of all arms; scorecards of the fit', async () => {
    const scenario = toyScenario();
    scenario.inflow[0].monthly = Object.fromEntries(Object.keys(scenario.inflow[0].monthly).map((m) => [m, 300]));
    const b = parseBenchmarks(toyBenchmarks(), scenario, 'toy.json');
    const bench = objectiveOf(b, { trainUntil: '2020-03-31' });
    const params = checkParams({ parameters: [{ path: 'borders.XN-XB.detection', prior: { uniform: { min: 0.1, max: 0.9 } }, guess: 'test' }] }, 'p.json', scenario);
    const ctx: CalibrationContext = { base: scenario, shownFile: 'toy', paramsFile: 'p.json', params: params.parameters, objective: bench.objective, seed: 4, runsPerParticle: 1, threads: 1 };
    expect(bench.objective.arms.length).toBe(4);
    expect(simulationsPerParticle(ctx)).toBe(4);
    let generations = 0;
    const state = await calibrate({ priors: [params.parameters[0].prior], particles: 4, budget: 40, seed: 4 }, ctx, { onGeneration: () => void generations++ });
    // 40 simulations = 10 particle evaluations: generation 0 (4) and at most 4 more per generation.
    expect(state.generations.length).toBe(generations);
    expect(state.generations.length).toBeGreaterThanOrEqual(2);
    expect(state.simulations % 4).toBe(0);
    expect(state.simulations).toBeLessThanOrEqual(40);
    const fit = await fitRuns(state, ctx, 2);
    expect(fit.bestRuns).toHaveLength(4);
    expect(fit.bestRuns.every((arm) => arm.length === 2)).toBe(true);
    expect(fit.predictiveRuns.every((arm) => arm.length === 2)).toBe(true);
    const card = bench.scorecard(fit.predictiveRuns);
    expect(card.items.map((i) => i.id)).toEqual(['middle-share-falls', 'middle-falls-more', 'north-rises-with-detection', 'crossings-monthly']);
    expect(card.train).toBeDefined();
    expect(card.test).toBeDefined();
    expect(Number.isFinite(card.distance)).toBe(true);
  }, 60_000);
});
