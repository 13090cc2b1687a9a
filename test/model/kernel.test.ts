// Exact outcomes of the kernel on tiny networks, conservation of people, and determinism; and one
// check per mechanism that a slip would break unnoticed otherwise (fares paid on every hop, injury
// rest, the death share of terrain incidents, fences that detect nobody, camp places taken and
// freed, the penalty after a failure, Poisson arrivals, budgets and destinations drawn as given,
// the wait when no fare can be paid, no going straight back).

import { describe, expect, it } from 'vitest';
import { WAITING } from '../../src/model/agents.js';
import { createModel } from '../../src/model/createModel.js';
import { TOTAL, totalAt } from '../../src/model/recorder.js';
import { runReplicate } from '../../src/model/runReplicate.js';
import { BORDER_METRICS, COUNTRY_METRICS, RUN_SCALARS, TOTAL_METRICS, type ReplicateResult } from '../../src/model/result.js';
import { compileScenario } from '../../src/scenarios/compile.js';
import type { Scenario } from '../../src/scenarios/types.js';
import { lineScenario, threeExitsScenario } from '../fixtures/scenarios.js';

const scalar = (r: ReplicateResult, name: (typeof RUN_SCALARS)[number]) => r.scalars[RUN_SCALARS.indexOf(name)];
const totalSeries = (r: ReplicateResult, name: (typeof TOTAL_METRICS)[number]) =>
  Array.from(r.totalDaily.subarray(TOTAL_METRICS.indexOf(name) * r.days, (TOTAL_METRICS.indexOf(name) + 1) * r.days));
/** Attempts on the line when every try fails: a person entering on day d tries on day d + 2 and
 * then every `everyDays` days until day 90 (the last day). */
const triesUntilDay90 = (entered: readonly number[], everyDays: number) =>
  entered.reduce((sum, n, d) => sum + n * (Math.floor((90 - (d + 2)) / everyDays) + 1), 0);
const borderTotal = (r: ReplicateResult, name: (typeof BORDER_METRICS)[number], border: number) => {
  const from = (BORDER_METRICS.indexOf(name) * r.borders + border) * r.days;
  return r.borderDaily.subarray(from, from + r.days).reduce((s, x) => s + x, 0);
};

function run(s: Scenario, seed = 1, replicate = 0): ReplicateResult {
  return runReplicate(compileScenario(s), seed, replicate);
}

describe('kernel on a line with one border', () => {
  it('an open border lets everyone through in exactly the travel time', () => {
    const r = run(lineScenario());
    const entered = scalar(r, 'entered');
    expect(entered).toBeGreaterThan(2800);
    expect(scalar(r, 'arrivals')).toBe(entered);
    expect(scalar(r, 'attempts')).toBe(entered);
    expect(scalar(r, 'crossings')).toBe(entered);
    expect(scalar(r, 'detectionsRecorded')).toBe(0);
    expect(scalar(r, 'meanTransitDays')).toBe(3);
    expect(scalar(r, 'strandedEnd')).toBe(0);
  });

  it('detection without pushback detains everyone, then lets them through; statistics record half', () => {
    const s = lineScenario();
    s.borders = { 'XA-XB': { detection: 1, pushback: 0, detentionDays: 5 } };
    const r = run(s);
    const entered = scalar(r, 'entered');
    expect(scalar(r, 'arrivals')).toBe(entered);
    expect(borderTotal(r, 'detections', 0)).toBe(entered);
    expect(scalar(r, 'detectionsRecorded')).toBe(entered * 0.5);
    expect(scalar(r, 'meanTransitDays')).toBe(8);
  });

  it('a sealed border with no alternative: nobody crosses, everyone retries every retryWaitDays', () => {
    const s = lineScenario();
    s.borders = { 'XA-XB': { detection: 1, pushback: 1, injury: 0 } };
    const r = run(s);
    // A person entering on day d first tries on day d + 2, then every 3 days until day 90.
    const expected = triesUntilDay90(totalSeries(r, 'entered'), 3);
    expect(scalar(r, 'crossings')).toBe(0);
    expect(scalar(r, 'attempts')).toBe(expected);
    expect(scalar(r, 'pushbacks')).toBe(expected);
    expect(scalar(r, 'strandedEnd')).toBe(scalar(r, 'entered'));
  });

  it('a legal corridor registers everyone: detections equal crossings', () => {
    const s = lineScenario();
    s.borders = { 'XA-XB': { detection: 0.2, pushback: 1, fence: 0.9, legalCorridor: true } };
    const r = run(s);
    expect(scalar(r, 'crossings')).toBe(scalar(r, 'entered'));
    expect(borderTotal(r, 'detections', 0)).toBe(scalar(r, 'entered'));
    expect(scalar(r, 'pushbacks')).toBe(0);
  });

  it('peoplePerAgent scales counts but not durations', () => {
    const s = lineScenario(3100);
    const a = run(s);
    s.peoplePerAgent = 10;
    s.inflow[0].monthly['2020-01'] = 31000;
    const b = run(s);
    expect(scalar(b, 'entered')).toBe(10 * scalar(a, 'entered'));
    expect(scalar(b, 'meanTransitDays')).toBe(3);
  });
});

describe('conservation and determinism', () => {
  it('every person is in exactly one state every day', () => {
    const r = run(threeExitsScenario(), 3);
    const entered = totalSeries(r, 'entered');
    const arrivals = totalSeries(r, 'arrivals');
    const deaths = totalSeries(r, 'deaths');
    const gaveUp = totalSeries(r, 'gaveUp');
    const stocks = ['moving', 'waiting', 'detained'].map((m) => totalSeries(r, m as (typeof TOTAL_METRICS)[number]));
    let cumIn = 0;
    let cumOut = 0;
    for (let d = 0; d < r.days; d++) {
      cumIn += entered[d];
      cumOut += arrivals[d] + deaths[d] + gaveUp[d];
      expect(stocks[0][d] + stocks[1][d] + stocks[2][d]).toBe(cumIn - cumOut);
    }
    expect(scalar(r, 'deaths')).toBeGreaterThan(0);
  });

  it('the same seed and replicate give identical results; another replicate differs', () => {
    const compiled = compileScenario(threeExitsScenario());
    const a = runReplicate(compiled, 7, 2);
    const b = runReplicate(compiled, 7, 2);
    const c = runReplicate(compiled, 7, 3);
    expect(Buffer.from(b.borderDaily.buffer)).toEqual(Buffer.from(a.borderDaily.buffer));
    expect(Buffer.from(b.countryDaily.buffer)).toEqual(Buffer.from(a.countryDaily.buffer));
    expect(Array.from(b.scalars)).toEqual(Array.from(a.scalars));
    expect(Array.from(c.scalars)).not.toEqual(Array.from(a.scalars));
  });
});

describe('harm accounting', () => {
  it('total injuries include pushback injuries and equal the borders’ plus inland injuries', () => {
    const s = lineScenario();
    s.borders = { 'XA-XB': { detection: 0.8, pushback: 1, injury: 0.5 } };
    const r = run(s);
    const pushbackInjuries = borderTotal(r, 'injuries', 0);
    expect(pushbackInjuries).toBeGreaterThan(0);
    expect(scalar(r, 'injuries')).toBe(pushbackInjuries);
  });
});

describe('live control (the demo API)', () => {
  it('setEnforcement seals a border from the next step on and exposes the agents', async () => {
    const { createModel } = await import('../../src/model/createModel.js');
    const compiled = compileScenario(lineScenario());
    const model = createModel(compiled, 1, 0);
    for (let d = 0; d < 10; d++) model.step();
    expect(model.agents.highWater).toBeGreaterThan(0);
    model.setEnforcement(0, 'detection', 1);
    model.setEnforcement(0, 'pushback', 1);
    while (model.day < compiled.days) model.step();
    const r = model.finish();
    const from = (BORDER_METRICS.indexOf('crossings') * r.borders + 0) * r.days;
    const daily = Array.from(r.borderDaily.subarray(from, from + r.days));
    expect(daily.slice(0, 10).reduce((a, x) => a + x, 0)).toBeGreaterThan(0);
    expect(daily.slice(10).reduce((a, x) => a + x, 0)).toBe(0);
  });
});

describe('kernel mechanisms on the line: fares, injury rest, terrain deaths, fences, camps, failure penalties', () => {
  it('every hop’s fare is paid: money for one fare but not two gets nobody to the goal', () => {
    const make = (budget: number) => {
      const s = lineScenario();
      for (const e of s.edges) e.fareEur = 60;
      s.cohorts[0].budgetEur = { mean: budget, sd: 0 };
      return run(s);
    };
    const poor = make(100);
    expect(scalar(poor, 'entered')).toBeGreaterThan(2800);
    expect(scalar(poor, 'attempts')).toBe(0);
    expect(scalar(poor, 'arrivals')).toBe(0);
    const rich = make(130);
    expect(scalar(rich, 'arrivals')).toBe(scalar(rich, 'entered'));
  });

  it('an injured person rests injuryRestDays on top of retryWaitDays before trying again', () => {
    const s = lineScenario();
    s.borders = { 'XA-XB': { detection: 1, pushback: 1, injury: 1 } };
    const r = run(s);
    // First try on day d + 2, then every 3 + 7 days until day 90.
    const expected = triesUntilDay90(totalSeries(r, 'entered'), 10);
    expect(scalar(r, 'attempts')).toBe(expected);
    expect(scalar(r, 'injuries')).toBe(expected);
  });

  it('a hazardDeathShare (0.1) of terrain incidents are deaths, the rest injuries', () => {
    const s = lineScenario();
    s.edges[0].hazard = 0.5;
    const r = run(s);
    const deaths = scalar(r, 'deaths');
    const injuries = scalar(r, 'injuries');
    // About 1,550 incidents: some 155 deaths and 1,395 injuries.
    expect(deaths + injuries).toBeGreaterThan(1300);
    expect(deaths / (deaths + injuries)).toBeGreaterThan(0.06);
    expect(deaths / (deaths + injuries)).toBeLessThan(0.14);
  });

  it('only people pushed back are injured: detection without pushback injures nobody', () => {
    const s = lineScenario();
    s.borders = { 'XA-XB': { detection: 1, pushback: 0, injury: 1, detentionDays: 0 } };
    const r = run(s);
    expect(scalar(r, 'injuries')).toBe(0);
    expect(scalar(r, 'arrivals')).toBe(scalar(r, 'entered'));
    expect(scalar(r, 'meanTransitDays')).toBe(3);
  });

  it('people stopped by a fence are not detected: no detection is recorded', () => {
    const s = lineScenario();
    s.borders = { 'XA-XB': { fence: 0.5, detection: 0 } };
    const r = run(s);
    expect(scalar(r, 'attempts')).toBeGreaterThan(scalar(r, 'crossings') + 1000);
    expect(borderTotal(r, 'detections', 0)).toBe(0);
    expect(scalar(r, 'detectionsRecorded')).toBe(0);
  });

  it('a camp takes exactly shelterCapacity people and frees a place when its occupant moves on; the others sleep rough', () => {
    const s = lineScenario();
    s.nodes[1].shelterCapacity = 10;
    s.borders = { 'XA-XB': { detection: 1, pushback: 1, injury: 0 } };
    const compiled = compileScenario(s);
    const r = runReplicate(compiled, 1, 0);
    const xa = compiled.network.countryIds.indexOf('XA');
    const series = (m: (typeof COUNTRY_METRICS)[number]) => {
      const from = (COUNTRY_METRICS.indexOf(m) * r.countries + xa) * r.days;
      return Array.from(r.countryDaily.subarray(from, from + r.days));
    };
    const inCamp = series('inCamp');
    expect(Math.max(...inCamp)).toBe(10);
    // Everyone who entered waits at the town between attempts from day 2 on: thousands for ten
    // places, which stay full only if each is freed when its occupant moves on.
    expect(inCamp.slice(10)).toEqual(new Array(r.days - 10).fill(10));
    expect(Math.max(...series('sleepingRough'))).toBeGreaterThan(1000);
  });

  it('a failure makes the failed crossing less attractive: with a large failurePenaltyDays people go round', () => {
    const attemptsDirect = (failurePenaltyDays: number) => {
      const s = lineScenario();
      s.countries = { ...s.countries, XC: { name: 'Fictional C', eu: false, reportingRate: 1 } };
      // town —guarded XA-XB— goal, or town — bend (XA) —open XA-XC— side (XC) —open XC-XB— goal.
      const place = (id: string, country: string) => ({ id, name: id, country, lat: 1, lon: 1, kind: 'hub' as const, shelterCapacity: 0, livingCostEurPerDay: 0 });
      s.nodes.push(place('bend', 'XA'), place('side', 'XC'));
      s.edges.push(
        { from: 'town', to: 'bend', distanceKm: 25, mode: 'foot', hazard: 0, bidirectional: false },
        { from: 'bend', to: 'side', distanceKm: 25, mode: 'foot', hazard: 0, bidirectional: false },
        { from: 'side', to: 'goal', distanceKm: 25, mode: 'foot', hazard: 0, bidirectional: false },
      );
      s.borders = { 'XA-XB': { detection: 0.4, pushback: 1, injury: 0 } };
      s.behaviour = { failurePenaltyDays };
      const compiled = compileScenario(s);
      return borderTotal(runReplicate(compiled, 1, 0), 'attempts', compiled.network.borderIds.indexOf('XA-XB'));
    };
    const none = attemptsDirect(0); // 2,088 with seed 1
    const large = attemptsDirect(20); // 1,639
    expect(large).toBeGreaterThan(500);
    expect(large).toBeLessThan(0.95 * none);
  });
});

describe('arrivals and the slow decision path', () => {
  it('strandedEnd is the stranded count on the last day, over all countries', () => {
    const s = lineScenario();
    s.borders = { 'XA-XB': { detection: 1, pushback: 1, injury: 0 } };
    s.behaviour = { strandedAfterDays: 60 };
    const r = runReplicate(compileScenario(s), 1, 0);
    const onDay = (day: number) => {
      let sum = 0;
      for (let c = 0; c < r.countries; c++) sum += r.countryDaily[(COUNTRY_METRICS.indexOf('stranded') * r.countries + c) * r.days + day];
      return sum;
    };
    // Each day, those who entered 60 days before become stranded: the last day differs from the one before.
    expect(onDay(r.days - 1)).toBeGreaterThan(onDay(r.days - 2));
    expect(scalar(r, 'strandedEnd')).toBe(onDay(r.days - 1));
  });

  it('daily arrivals are Poisson with the inflow mean (100,000 a day: 4.7 sd margin)', () => {
    const model = createModel(compileScenario(lineScenario(3_100_000)), 1, 0);
    model.step();
    const entered = model.counters.totalDaily[totalAt(model.counters, TOTAL.entered, 0)];
    expect(Math.abs(entered - 100_000)).toBeLessThan(1500);
  });

  it('budgets are drawn with the cohort sd, destinations by the cohort shares', () => {
    const s = lineScenario(31_000);
    s.nodes.push({ id: 'goal2', name: 'Goal 2', country: 'XB', lat: 1, lon: 2, kind: 'destination', shelterCapacity: 0, livingCostEurPerDay: 0 });
    s.edges.push({ from: 'town', to: 'goal2', distanceKm: 25, mode: 'foot', hazard: 0, bidirectional: false });
    s.cohorts[0].budgetEur = { mean: 1000, sd: 500 };
    s.cohorts[0].destinations = { goal: 0.5, goal2: 0.5 };
    const model = createModel(compileScenario(s), 1, 0);
    model.step();
    const a = model.agents;
    const money: number[] = [];
    const perDest = [0, 0];
    for (let i = 0; i < a.highWater; i++) {
      if (a.status[i] === 0) continue;
      money.push(a.moneyEur[i]);
      perDest[a.dest[i]]++;
    }
    const n = money.length;
    expect(n).toBeGreaterThan(900);
    const mean = money.reduce((x, y) => x + y, 0) / n;
    const sd = Math.sqrt(money.reduce((x, y) => x + (y - mean) ** 2, 0) / (n - 1));
    expect(mean).toBeGreaterThan(900);
    expect(mean).toBeLessThan(1100);
    expect(sd).toBeGreaterThan(350);
    expect(sd).toBeLessThan(650);
    // About 500 each (binomial sd 16).
    expect(Math.min(...perDest)).toBeGreaterThan(400);
  });

  it('someone who cannot pay any fare waits exactly retryWaitDays before deciding again', () => {
    const s = lineScenario();
    s.edges[1].fareEur = 2000; // more than anyone's budget (1,000, sd 0)
    const model = createModel(compileScenario(s), 1, 0);
    let maxWait = 0;
    let waiting = 0;
    for (let d = 0; d < 20; d++) {
      model.step();
      const a = model.agents;
      for (let i = 0; i < a.highWater; i++) {
        if (a.status[i] !== WAITING) continue;
        waiting++;
        maxWait = Math.max(maxWait, a.daysLeft[i]);
      }
    }
    expect(waiting).toBeGreaterThan(0);
    expect(maxWait).toBe(3);
  });

  it('after a failure, nobody goes straight back while another hop exists (no ping-pong)', () => {
    const s = lineScenario();
    s.countries = { ...s.countries, XE: { name: 'Fictional E', eu: false, reportingRate: 1 } };
    s.nodes[0].country = 'XE';
    s.edges[0].bidirectional = true; // town → entry exists, but only as a way back
    s.borders = { 'XA-XB': { detection: 1, pushback: 1, injury: 0 } };
    const compiled = compileScenario(s);
    const r = runReplicate(compiled, 1, 0);
    // Borders are directed: XE-XA is the way in, XA-XE the way back.
    const { borderIds } = compiled.network;
    expect(borderTotal(r, 'attempts', borderIds.indexOf('XE-XA'))).toBe(scalar(r, 'entered'));
    expect(borderTotal(r, 'attempts', borderIds.indexOf('XA-XE'))).toBe(0);
    expect(scalar(r, 'pushbacks')).toBeGreaterThan(0);
  });
});
