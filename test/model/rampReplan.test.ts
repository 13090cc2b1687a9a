// Re-planning during enforcement ramps (behaviour.rampReplanDays, enforcement.ts): route tables
// follow a ramp weekly rather than daily, while the enforcement people meet at the border, and the
// true chances recorded from it, still move every day.

import { describe, expect, it } from 'vitest';
import { createModel } from '../../src/model/createModel.js';
import { BORDER, borderAt } from '../../src/model/recorder.js';
import { seriesIndex } from '../../src/model/result.js';
import { compileScenario } from '../../src/scenarios/compile.js';
import { threeExitsScenario } from '../fixtures/scenarios.js';

function rampedRun(rampReplanDays: number) {
  const s = threeExitsScenario();
  s.behaviour = { rampReplanDays };
  s.events = [{ date: '2020-01-20', label: 'north build-up', border: 'XN-XB', set: { detection: 0.95, pushback: 0.9 }, rampDays: 60 }];
  const compiled = compileScenario(s);
  const model = createModel(compiled, 3, 0);
  while (model.day < compiled.days) model.step();
  const north = compiled.network.borderIds.indexOf('XN-XB');
  const trueChance = Array.from({ length: compiled.days }, (_, d) => model.counters.borderDaily[borderAt(model.counters, BORDER.trueChance, north, d)]);
  const exits = ['XN-XB', 'XM-XB', 'XS-XB'].map((id) => compiled.network.borderIds.indexOf(id));
  return { builds: model.routeBuilds, trueChance, exits, result: model.finish() };
}

describe('re-planning during ramps', () => {
  it('rebuilds route tables on a ramp every rampReplanDays days, not daily', () => {
    const daily = rampedRun(1);
    const weekly = rampedRun(7);
    // Day 0, then each of the ramp's 60 days with 1; with 7, its days 0, 7, …, 56 and its last day.
    expect(daily.builds).toBe(61);
    expect(weekly.builds).toBe(1 + 9 + 1);
  });

  it('keeps the daily enforcement: the recorded true chance moves every day of the ramp either way', () => {
    const daily = rampedRun(1);
    const weekly = rampedRun(7);
    expect(weekly.trueChance).toEqual(daily.trueChance);
    const moves = weekly.trueChance.filter((x, d) => d > 0 && x !== weekly.trueChance[d - 1]).length;
    expect(moves).toBe(60);
  });

  it('moves crossings off the ramped exit as re-planning daily does, a few days later at most', () => {
    const northCrossings = (rampReplanDays: number) => {
      const { result, exits } = rampedRun(rampReplanDays);
      const sum = (b: number, from: number, to: number) => {
        let total = 0;
        for (let d = from; d < to; d++) total += result.borderDaily[seriesIndex(BORDER.crossings, b, result.borders, d, result.days)];
        return total;
      };
      const all = (from: number, to: number) => exits.reduce((a, b) => a + sum(b, from, to), 0);
      return { ramp: sum(exits[0], 19, 80), after: sum(exits[0], 80, result.days) / all(80, result.days), before: sum(exits[0], 0, 19) };
    };
    const weekly = northCrossings(7);
    const daily = northCrossings(1);
    expect(weekly.before).toBe(daily.before);
    expect(weekly.after).toBeLessThan(0.01);
    expect(daily.after).toBeLessThan(0.01);
    // Plans lag the ramp by up to six days, so a few more people still cross where it tightens.
    expect(weekly.ramp).toBeGreaterThanOrEqual(daily.ramp);
    expect(weekly.ramp).toBeLessThan(1.25 * daily.ramp);
  });
});
