// One day of learning (src/model/learning.ts, the steps listed in beliefs.ts) on a hand-set belief
// state, with numbers worked out by hand: newcomers mixing in, shared evidence (success weight,
// noise, the confidence cap, prices paid), the front line and phones (and blackouts there or
// here), advertising, fading. Why: the behavioural tests in beliefs.test.ts run whole scenarios
// and let many wrong versions of these steps through (docs/testing.md, fourth round).

import { describe, expect, it } from 'vitest';
import { createBeliefState, initBeliefs, meanPerceivedChance, observeAttempt, observeSmuggled, type BeliefState } from '../../src/model/beliefs.js';
import { INJURED } from '../../src/model/border.js';
import type { CompiledInformation } from '../../src/model/compiled.js';
import { normal } from '../../src/model/distributions.js';
import { learnDay } from '../../src/model/learning.js';
import { createStream } from '../../src/model/rng.js';
import { compileScenario } from '../../src/scenarios/compile.js';
import type { InformationSpec } from '../../src/scenarios/types.js';
import { lineScenario } from '../fixtures/scenarios.js';

// The line scenario has one border, XA-XB (b = 0), and one cohort: community 0 is the cohort in
// XA (the country the border leads out of, its front line), community 1 the cohort in XB.
const XA = 0;
const XB = 1;
const QUIET: InformationSpec = { noiseSd: 0, fadePerDay: 0, phoneSharingPerDay: 0, advertisingPerDay: 0, experienceWeight: 1, successWeight: 1, maxConfidence: 1000, priorConfidence: 10 };

function setUp(params: InformationSpec = {}): { s: BeliefState; info: CompiledInformation } {
  const scenario = lineScenario();
  scenario.information = { ...QUIET, ...params };
  const compiled = compileScenario(scenario);
  expect(compiled.network.borderIds).toEqual(['XA-XB']);
  expect(compiled.network.countryIds).toEqual(['XA', 'XB']);
  const s = createBeliefState(compiled);
  s.chanceConf.fill(10);
  s.injuryConf.fill(10);
  s.priceConf.fill(10);
  return { s, info: compiled.information! };
}

/** People of the one cohort present in each country at the end of the day. */
function present(s: BeliefState, inXa: number, inXb: number): void {
  s.present[XA] = s.countryPresent[XA] = inXa;
  s.present[XB] = s.countryPresent[XB] = inXb;
}

function day(s: BeliefState, info: CompiledInformation, options: { quote?: number; day?: number; seed?: number } = {}): void {
  const quote = options.quote === undefined ? null : Float64Array.of(options.quote);
  learnDay(s, info, 1, createStream(options.seed ?? 1, 0, 'information'), quote, quote === null ? null : Uint8Array.of(1), options.day ?? 0, () => {});
}

describe('newcomers', () => {
  it("move the receiving community's beliefs to the mean of residents' and theirs, weighted by numbers", () => {
    const { s, info } = setUp();
    s.chance[XA] = 0.8;
    s.chance[XB] = 0.2;
    s.priceEur[XA] = 1000;
    s.priceEur[XB] = 500;
    present(s, 0, 4);
    s.movers[0] = 1; // one of the four in XB crossed today
    day(s, info);
    expect(s.chance[XB]).toBeCloseTo(0.2 + (1 / 4) * 0.6, 12);
    expect(s.priceEur[XB]).toBeCloseTo(625, 9);
    expect(s.movers[0]).toBe(0);
  });
});

describe("the day's shared evidence", () => {
  function tried(params: InformationSpec, seed = 1): BeliefState {
    const { s, info } = setUp(params);
    s.chance[XA] = 0.2;
    present(s, 10, 0);
    for (const outcome of [0, -1, -1, -1]) observeAttempt(s, XA, 0, outcome);
    day(s, info, { seed });
    return s;
  }

  it('weighs a success successWeight times a failure, and adds the weighted numbers to the confidence', () => {
    // 1 through (weight 3) and 3 failed: shared chance 3/6, evidence 6 against confidence 10.
    const s = tried({ successWeight: 3 });
    expect(s.chance[XA]).toBeCloseTo((10 * 0.2 + 6 * 0.5) / 16, 12);
    expect(s.chanceConf[XA]).toBe(16);
  });

  it('caps the confidence at maxConfidence', () => {
    expect(tried({ successWeight: 3, maxConfidence: 12 }).chanceConf[XA]).toBe(12);
  });

  it("adds noise from the information stream to the day's shared chance", () => {
    const z = normal(createStream(5, 0, 'information'));
    const observed = Math.min(1, Math.max(0, 0.25 + 0.1 * z));
    expect(tried({ noiseSd: 0.1 }, 5).chance[XA]).toBeCloseTo((10 * 0.2 + 4 * observed) / 14, 12);
    expect(observed).not.toBeCloseTo(0.25, 3);
  });

  it('counts a detained person let through as through, and learns injuries per failure and prices paid', () => {
    const { s, info } = setUp();
    s.chance[XA] = 0;
    s.injury[XA] = 0;
    s.priceEur[XA] = 100;
    present(s, 10, 0);
    for (const outcome of [3, INJURED, -1]) observeAttempt(s, XA, 0, outcome);
    observeSmuggled(s, XA, 0, 1000);
    observeSmuggled(s, XA, 0, 1400);
    day(s, info);
    expect(s.chance[XA]).toBeCloseTo(1 / 13, 12);
    expect(s.injury[XA]).toBeCloseTo((2 * 0.5) / 12, 12);
    expect(s.priceEur[XA]).toBeCloseTo((10 * 100 + 2 * 1200) / 12, 9);
  });
});

describe('phones, the front line and blackouts', () => {
  function phoned(blackout: { inXa?: boolean; inXb?: boolean } = {}): BeliefState {
    const { s, info } = setUp({ phoneSharingPerDay: 0.5 });
    s.chance[XA] = 0.8;
    s.chance[XB] = 0.2;
    s.chanceConf[XA] = 40;
    present(s, 10, 5);
    if (blackout.inXa) s.blackoutUntil[XA] = 3;
    if (blackout.inXb) s.blackoutUntil[XB] = 3;
    day(s, info, { day: 2 });
    return s;
  }

  it('pull beliefs a share phoneSharingPerDay towards those of the front line, confidence too', () => {
    const s = phoned();
    expect(s.chance[XB]).toBeCloseTo(0.5, 12);
    expect(s.chanceConf[XB]).toBeCloseTo(25, 12);
    expect(s.chance[XA]).toBeCloseTo(0.8, 12);
  });

  it('carry nothing from a front line whose phones are cut, nor to a community whose phones are', () => {
    expect(phoned({ inXa: true }).chance[XB]).toBe(0.2);
    expect(phoned({ inXb: true }).chance[XB]).toBe(0.2);
  });

  it("carry smugglers' advertising only where phones work", () => {
    const advertised = (blackout: boolean) => {
      const { s, info } = setUp({ advertisingPerDay: 5 });
      s.priceEur[XB] = 600;
      present(s, 0, 5);
      if (blackout) s.blackoutUntil[XB] = 1;
      day(s, info, { quote: 900 });
      return s.priceEur[XB];
    };
    expect(advertised(false)).toBeCloseTo((10 * 600 + 5 * 900) / 15, 9);
    expect(advertised(true)).toBe(600);
  });
});

describe('priors', () => {
  it("start every community at the scenario's prior, else at the truth of the first day, with priorConfidence", () => {
    const beliefsAt = (priors?: InformationSpec['priors']) => {
      const scenario = lineScenario();
      scenario.borders = { 'XA-XB': { detection: 0.5, pushback: 1, fence: 0 } };
      scenario.information = { ...QUIET, priorConfidence: 7, priors };
      const compiled = compileScenario(scenario);
      const s = createBeliefState(compiled);
      initBeliefs(s, compiled.information!, compiled, compiled.enforcement, null);
      return s;
    };
    const truth = beliefsAt();
    expect([...truth.chance]).toEqual([truth.trueChance[0], truth.trueChance[0]]);
    expect(truth.trueChance[0]).toBeGreaterThan(0.3);
    expect(truth.trueChance[0]).toBeLessThan(0.7);
    const given = beliefsAt({ 'XA-XB': { chance: 0.05 } });
    expect([...given.chance]).toEqual([0.05, 0.05]);
    expect([...given.chanceConf]).toEqual([7, 7]);
  });
});

describe('fading and the mean belief', () => {
  it('beliefs and their confidence fade towards the priors at fadePerDay', () => {
    const { s, info } = setUp({ fadePerDay: 0.1 });
    s.priorChance[0] = 0.2;
    s.chance[XA] = 0.8;
    s.chanceConf[XA] = 30;
    s.injuryConf[XA] = 30;
    present(s, 10, 0);
    day(s, info);
    expect(s.chance[XA]).toBeCloseTo(0.74, 12);
    expect(s.chanceConf[XA]).toBeCloseTo(28, 12);
    expect(s.injuryConf[XA]).toBeCloseTo(28, 12);
  });

  it('the perceived chance of a border is the mean over the people present', () => {
    const { s, info } = setUp();
    s.chance[XA] = 0.8;
    s.chance[XB] = 0.2;
    present(s, 30, 10);
    day(s, info);
    expect(meanPerceivedChance(s, 0)).toBeCloseTo((30 * 0.8 + 10 * 0.2) / 40, 12);
  });
});
