// Flee's averaged relative difference on hand-made series with known answers (raw and rescaled),
// the degenerate days (no data, nobody simulated), and the score of the closure fixture, whose
// observed camp series is the exact outcome: ARD 0.

import { describe, expect, it } from 'vitest';
import { averagedRelativeDifference } from '../../src/flee/ard.js';
import type { Benchmark } from '../../src/flee/benchmark.js';
import { benchmarkScenarioProblems, observedDaily, scoreFlee } from '../../src/flee/score.js';
import { compileFlee, exactClosureScenario, importFixture } from './helpers.js';

describe('averaged relative difference', () => {
  it('raw: Σ|sim − data| / Σ data per day, averaged over days', () => {
    // Day 0: |10 − 5| + |0 − 5| = 10 over 10 → 1. Day 1: |20 − 20| + |10 − 20| = 10 over 40 → 0.25.
    const r = averagedRelativeDifference(
      [
        [10, 20],
        [0, 10],
      ],
      [
        [5, 20],
        [5, 20],
      ],
      2,
    );
    expect(Array.from(r.dailyRaw)).toEqual([1, 0.25]);
    expect(r.raw).toBe(0.625);
    // Rescaled: day 0 sums agree (10 = 10), so 1 again; day 1 the simulation (30) is scaled to 40:
    // 26.67 and 13.33, off by 6.67 each → 13.33 / 40 = 1/3.
    expect(r.dailyRescaled[0]).toBe(1);
    expect(r.dailyRescaled[1]).toBeCloseTo(1 / 3, 15);
    expect(r.rescaled).toBeCloseTo(2 / 3, 15);
  });

  it('rescaling forgives a wrong total but not a wrong distribution', () => {
    const doubled = averagedRelativeDifference([[200], [100]], [[100], [50]], 1);
    expect(doubled.raw).toBe(1);
    expect(doubled.rescaled).toBe(0);
  });

  it('divides by at least 1, and rescales nothing when nobody is in a camp', () => {
    const r = averagedRelativeDifference([[3], [0]], [[0], [0]], 1);
    expect(r.raw).toBe(3); // no data that day: divided by 1
    const empty = averagedRelativeDifference([[0], [0]], [[30], [10]], 1);
    expect(empty.raw).toBe(1);
    expect(empty.rescaled).toBe(1); // scaled simulation stays 0
  });

  it('rejects series that do not pair up', () => {
    expect(() => averagedRelativeDifference([[1]], [[1], [2]], 1)).toThrow(RangeError);
  });
});

describe('scoring a run', () => {
  it('interpolates the observed points per day as Flee does', () => {
    expect(Array.from(observedDaily([{ date: '2021-06-01', value: 0 }, { date: '2021-06-04', value: 10 }], '2021-06-01', 5))).toEqual([0, 3, 6, 10, 10]);
  });

  it('scores the closure fixture at 0: its observed series is the exact outcome', async () => {
    const { benchmark } = await importFixture('closure');
    const score = scoreFlee(compileFlee(await exactClosureScenario()), benchmark, { runs: 3, seed: 4 });
    expect(score.camps).toEqual(['b']);
    expect(score.ard.raw).toEqual({ mean: 0, sd: 0, min: 0, max: 0 });
    expect(score.ard.rescaled.mean).toBe(0);
    expect(score.ensembleMeanArd).toEqual({ raw: 0, rescaled: 0 });
    expect(score.lastDay).toEqual([{ camp: 'b', observed: 100, simulated: 100 }]);
    expect(score.agentSteps).toBe(3 * (3 + 7 * 100));
  });

  it('scores a camp reached a day later than observed', async () => {
    // Observed: everybody in B from day 3; simulated: from day 4 (the fixture's exact outcome).
    const benchmark: Benchmark = {
      source: 'hand-made',
      series: [{ entity: 'b', metric: 'present', points: [{ date: '2021-06-03', value: 0 }, { date: '2021-06-04', value: 100 }] }],
    };
    const score = scoreFlee(compileFlee(await exactClosureScenario()), benchmark, { runs: 1, seed: 1 });
    // Day 3 is off by all 100 of 100 observed → 1; the other 7 days agree → ARD 1/8. Nobody is in
    // a camp in the simulation on day 3, so rescaling has nothing to scale: the same 1/8.
    expect(score.ard.raw.mean).toBe(1 / 8);
    expect(score.ard.rescaled.mean).toBe(1 / 8);
  });

  it('names benchmark entities that are not places of the scenario', async () => {
    const compiled = compileFlee(await exactClosureScenario());
    const benchmark: Benchmark = { source: 'x', series: [{ entity: 'zz', metric: 'present', points: [] }] };
    expect(benchmarkScenarioProblems(benchmark, compiled.network.nodeIds, 'b.json')).toEqual([
      { file: 'b.json', path: '/series/0/entity', message: 'unknown node "zz" (not in the scenario)' },
    ]);
  });
});
