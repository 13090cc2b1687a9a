// Repeated attempts and stranding (scenario `stranding` block): attempts are counted per person;
// people with no money and repeated failures end up stranded or give up, and nobody is lost; people
// who cannot pay a smuggler but earn a little wait and save rather than try alone; the stranded
// count starts exactly `strandedAfterDays` after a crossing, camps cost `campCostShare`, and failures
// are forgotten once across.

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

describe('stranding details: when people count as stranded, camp living costs, no turning back once across', () => {
  it('people count as stranded from exactly strandedAfterDays after their last crossing (entry counts)', () => {
    const s = lineScenario();
    s.borders = { 'XA-XB': { detection: 1, pushback: 1, injury: 0 } };
    s.behaviour = { strandedAfterDays: 10 };
    const r = run(s);
    const xa = compileScenario(s).network.countryIds.indexOf('XA');
    const stranded = country(r, 'stranded', xa);
    const entered = total(r, 'entered');
    expect(stranded[9]).toBe(0);
    expect(stranded[10]).toBe(entered[0]);
    expect(stranded[20]).toBe(entered.slice(0, 11).reduce((a, x) => a + x, 0));
  });

  it('people in a camp pay campCostShare of the living cost, so their money lasts five times longer', () => {
    const firstGiveUp = (shelterCapacity: number) => {
      const s = lineScenario();
      s.nodes[1].livingCostEurPerDay = 10;
      s.nodes[1].shelterCapacity = shelterCapacity;
      s.cohorts[0].budgetEur = { mean: 100, sd: 0 };
      s.borders = { 'XA-XB': { detection: 1, pushback: 1, injury: 0 } };
      s.stranding = { incomeEurPerDay: 0, giveUpAfterFailures: 0, giveUpAfterDays: 20 };
      return total(run(s), 'gaveUp').findIndex((x) => x > 0);
    };
    const rough = firstGiveUp(0); // 32: broke after 10 days at 10 EUR, then 20 days without money
    expect(rough).toBeGreaterThanOrEqual(31);
    expect(rough).toBeLessThan(40);
    // 100 EUR at 2 EUR a day in the camp: broke after 50 days there, then 20 days without money (71).
    expect(firstGiveUp(100000)).toBeGreaterThanOrEqual(70);
  });

  it('failures are forgotten once across: nobody who got through turns back over the border they crossed', () => {
    const s = lineScenario();
    s.nodes[1].country = 'XB'; // entry (XA) —border XA-XB, both ways— town (XB) — goal (XB)
    s.edges[0].bidirectional = true;
    s.borders = { 'XA-XB': { detection: 0.5, pushback: 1, injury: 0 } };
    s.stranding = { giveUpAfterFailures: 0, giveUpAfterDays: 0 }; // with stranding, people may turn back after a failure
    const compiled = compileScenario(s);
    const r = runReplicate(compiled, 1, 0);
    const borderSum = (m: (typeof BORDER_METRICS)[number], id: string) => {
      const from = (BORDER_METRICS.indexOf(m) * r.borders + compiled.network.borderIds.indexOf(id)) * r.days;
      return r.borderDaily.subarray(from, from + r.days).reduce((a, x) => a + x, 0);
    };
    expect(compiled.network.borderIds).toContain('XB-XA');
    expect(borderSum('pushbacks', 'XA-XB')).toBeGreaterThan(1000);
    expect(borderSum('attempts', 'XB-XA')).toBe(0);
    expect(scalar(r, 'crossings')).toBe(scalar(r, 'entered'));
  });
});
