// The game and stranding (scenario `stranding` block): attempts are counted per person; people with
// no money and repeated failures end up stranded or give up, and nobody is lost; people who cannot
// pay a smuggler but earn a little wait and save rather than try alone.

import { describe, expect, it } from 'vitest';
import { BORDER_METRICS, COUNTRY_METRICS, RUN_SCALARS, TOTAL_METRICS, type ReplicateResult } from '../../src/model/result.js';
import { runReplicate } from '../../src/model/runReplicate.js';
import { compileScenario } from '../../src/scenarios/compile.js';
import type { Scenario } from '../../src/scenarios/types.js';
import { lineScenario, smugglerScenario, threeExitsScenario } from '../fixtures/scenarios.js';

const scalar = (r: ReplicateResult, name: (typeof RUN_SCALARS)[number]) => r.scalars[RUN_SCALARS.indexOf(name)];
const total = (r: ReplicateResult, name: (typeof TOTAL_METRICS)[number]) =>
  Array.from(r.totalDaily.subarray(TOTAL_METRICS.indexOf(name) * r.days, (TOTAL_METRICS.indexOf(name) + 1) * r.days));
const country = (r: ReplicateResult, name: (typeof COUNTRY_METRICS)[number], c: number) => {
  const from = (COUNTRY_METRICS.indexOf(name) * r.countries + c) * r.days;
  return Array.from(r.countryDaily.subarray(from, from + r.days));
};
const run = (s: Scenario, seed = 1) => runReplicate(compileScenario(s), seed, 0);

/** Every person entered is, at the end of each day, moving, waiting, detained, arrived, dead or gone home. */
function expectConservation(r: ReplicateResult): void {
  const [entered, arrivals, deaths, gaveUp, moving, waiting, detained] = (
    ['entered', 'arrivals', 'deaths', 'gaveUp', 'moving', 'waiting', 'detained'] as const
  ).map((m) => total(r, m));
  let balance = 0;
  for (let d = 0; d < r.days; d++) {
    balance += entered[d] - arrivals[d] - deaths[d] - gaveUp[d];
    expect(moving[d] + waiting[d] + detained[d]).toBe(balance);
  }
}

describe('the game and stranding', () => {
  it('attempts are counted per person: one per arrival across an open border, more across a guarded one', () => {
    expect(scalar(run(lineScenario()), 'attemptsPerArrival')).toBe(1);
    const s = lineScenario();
    s.borders = { 'XA-XB': { detection: 0.5, pushback: 1 } };
    const r = run(s);
    expect(scalar(r, 'attemptsPerArrival')).toBeGreaterThan(1.5);
    expect(scalar(r, 'attemptsPerArrival')).toBeLessThan(2.5);
  });

  it('people who fail again and again at a sealed border give up, and every one is accounted for every day', () => {
    const s = lineScenario();
    s.borders = { 'XA-XB': { detection: 1, pushback: 1, injury: 0.2 } };
    s.stranding = { giveUpAfterFailures: 5, giveUpAfterDays: 0 };
    const r = run(s);
    expectConservation(r);
    // Entered in January, first attempt two days later, five failures at least 3 days apart.
    expect(scalar(r, 'gaveUp')).toBe(scalar(r, 'entered'));
    const xa = compileScenario(s).network.countryIds.indexOf('XA');
    expect(country(r, 'gaveUp', xa).reduce((a, x) => a + x, 0)).toBe(scalar(r, 'gaveUp'));
    expect(scalar(r, 'attempts')).toBe(5 * scalar(r, 'entered'));
  });

  it('people with no money and repeated failures are stranded, then give up; nobody is lost', () => {
    const s = lineScenario();
    s.nodes[1].livingCostEurPerDay = 10;
    s.cohorts[0].budgetEur = { mean: 100, sd: 0 };
    s.borders = { 'XA-XB': { detection: 1, pushback: 1 } };
    s.behaviour = { strandedAfterDays: 10 };
    s.stranding = { incomeEurPerDay: 0, giveUpAfterFailures: 0, giveUpAfterDays: 20 };
    const r = run(s);
    expectConservation(r);
    const xa = compileScenario(s).network.countryIds.indexOf('XA');
    expect(Math.max(...country(r, 'stranded', xa))).toBeGreaterThan(1000);
    expect(scalar(r, 'gaveUp')).toBe(scalar(r, 'entered'));
    // Broke after 10 days at the border (100 EUR at 10 EUR a day), then 20 days without money.
    const firstGiveUp = total(r, 'gaveUp').findIndex((x) => x > 0);
    expect(firstGiveUp).toBeGreaterThanOrEqual(31);
  });

  it('with learning and stranding on the three-exit network, every person is accounted for every day', () => {
    const s = threeExitsScenario();
    s.enforcementDefaults = { detection: 0.85, pushback: 0.9, injury: 0.1, detentionDays: 2 };
    s.information = {};
    s.stranding = { giveUpAfterFailures: 6 };
    const r = run(s, 4);
    expectConservation(r);
    expect(scalar(r, 'gaveUp')).toBeGreaterThan(0);
    expect(scalar(r, 'arrivals')).toBeGreaterThan(0);
  });

  it('people who cannot pay a smuggler but earn a little in a camp wait and buy later', () => {
    const make = (stranding: boolean) => {
      const s = smugglerScenario();
      s.cohorts[0].budgetEur = { mean: 150, sd: 0 };
      if (stranding) s.stranding = { incomeEurPerDay: 25, giveUpAfterFailures: 0, giveUpAfterDays: 0 };
      return s;
    };
    const purchases = (r: ReplicateResult) => r.borderDaily.subarray(BORDER_METRICS.indexOf('purchases') * r.borders * r.days, (BORDER_METRICS.indexOf('purchases') + 1) * r.borders * r.days).reduce((a, x) => a + x, 0);
    expect(purchases(run(make(false)))).toBe(0);
    const r = run(make(true));
    expectConservation(r);
    expect(purchases(r)).toBeGreaterThan(100);
  });
});
