// Information events (src/model/informationEvents.ts) on a hand-set belief state, with numbers
// worked out by hand: a rumour sets beliefs and confidence where it is heard, blackouts (and
// overlapping ones) cut phones until the longest ends, a campaign reaches the people of its
// place's country in proportion to their share at the place, weighted by trust, for its days; and
// each of these marks the route tables of the communities it touches for a rebuild; and how far a
// community's beliefs moved since its tables were built (staleness.ts). Why: the
// behavioural tests in beliefs.test.ts let most wrong versions of these through (docs/testing.md,
// fifth round).

import { describe, expect, it } from 'vitest';
import { createBeliefState, type BeliefState } from '../../src/model/beliefs.js';
import { createInformationEvents, type InformationEvents } from '../../src/model/informationEvents.js';
import { createStaleness } from '../../src/model/staleness.js';
import { compileScenario } from '../../src/scenarios/compile.js';
import type { EventSpec } from '../../src/scenarios/types.js';
import { lineScenario } from '../fixtures/scenarios.js';

// The line scenario: one border XA-XB (b = 0), one cohort; community 0 is the cohort in XA (with
// the node "town"), community 1 the cohort in XB.
const XA = 0;
const XB = 1;

function setUp(events: EventSpec[]): { s: BeliefState; dirty: Uint8Array; ie: InformationEvents; town: number } {
  const scenario = lineScenario();
  scenario.information = { maxConfidence: 1000 };
  scenario.events = events;
  const compiled = compileScenario(scenario);
  const s = createBeliefState(compiled);
  s.chance.fill(0.5);
  s.chanceConf.fill(10);
  s.injuryConf.fill(10);
  const dirty = new Uint8Array(s.groups);
  return { s, dirty, ie: createInformationEvents(compiled.information!, s, dirty, compiled.network.nodeCountry), town: compiled.network.nodeIds.indexOf('town') };
}

describe('a rumour', () => {
  it('sets the chance and confidence of the communities that hear it, on its day, and marks their tables', () => {
    const { s, dirty, ie } = setUp([{ date: '2020-01-03', label: 'rumour', information: { kind: 'rumour', border: 'XA-XB', countries: ['XA'], chance: 0.95, confidence: 25 } }]);
    ie.startDay(1);
    expect([s.chance[XA], [...dirty]]).toEqual([0.5, [0, 0]]);
    ie.startDay(2);
    expect([...s.chance]).toEqual([0.95, 0.5]);
    expect([...s.chanceConf]).toEqual([25, 10]);
    expect([...dirty]).toEqual([1, 0]);
  });
});

describe('a phone blackout', () => {
  it('lasts until the longest of overlapping blackouts ends, and marks tables when it starts and ends', () => {
    const { s, dirty, ie } = setUp([
      { date: '2020-01-02', label: 'long', information: { kind: 'blackout', countries: ['XA'], days: 10 } },
      { date: '2020-01-04', label: 'short', information: { kind: 'blackout', countries: ['XA'], days: 2 } },
    ]);
    const marked: number[] = [];
    // Day 0 marks every community (no blackout "ends" then, but tables are built that day anyway).
    for (let day = 1; day < 14; day++) {
      dirty.fill(0);
      ie.startDay(day);
      if (dirty[XA] === 1) marked.push(day);
      expect(dirty[XB]).toBe(0);
    }
    expect(s.blackoutUntil[XA]).toBe(11);
    expect(marked).toEqual([1, 3, 11]);
  });
});

describe('a campaign', () => {
  function campaigned(message: { chance?: number; injury?: number }, lastDay = 0) {
    const { s, ie, town } = setUp([{ date: '2020-01-01', label: 'campaign', information: { kind: 'campaign', border: 'XA-XB', place: 'town', trust: 0.5, reachPerDay: 40, days: 3, ...message } }]);
    s.trueChance[0] = 0.7;
    s.trueInjury[0] = 0.2;
    s.present[XA] = s.countryPresent[XA] = 10;
    s.nodePresent[town] = 5;
    const confidence: number[] = [];
    for (let day = 0; day <= lastDay; day++) {
      ie.startDay(day);
      ie.campaigns(day);
      confidence.push(s.chanceConf[XA]);
    }
    return { s, confidence };
  }

  it("adds its message with reach × trust × the share of the country's people at the place", () => {
    // m = 40 × 0.5 × 5/10 = 10 people's worth, against a confidence of 10.
    const { s } = campaigned({ chance: 0.1 });
    expect(s.chance[XA]).toBeCloseTo((10 * 0.5 + 10 * 0.1) / 20, 12);
    expect(s.chanceConf[XA]).toBe(20);
    expect(s.injury[XA]).toBeCloseTo((10 * 0 + 10 * 0.2) / 20, 12);
    expect(s.chance[XB]).toBe(0.5);
  });

  it('without a claimed chance, gives the true chance of the day', () => {
    expect(campaigned({}).s.chance[XA]).toBeCloseTo((10 * 0.5 + 10 * 0.7) / 20, 12);
  });

  it('runs for exactly its days', () => {
    expect(campaigned({ chance: 0.1 }, 5).confidence).toEqual([20, 30, 40, 40, 40, 40]);
  });
});

describe('staleness of community route tables', () => {
  // u = s / (s + c): s = 2 days; alone c = (1 − p) / p × (retry 3 + injury × (10 + 4) days);
  // smuggled c = price / 50 EUR per day.
  function setUpStaleness() {
    const scenario = lineScenario();
    scenario.information = {};
    scenario.behaviour = { choiceScaleDays: 2, retryWaitDays: 3, injuryCostDays: 10, injuryRestDays: 4, maxExpectedAttempts: 20, valueOfTimeEurPerDay: 50 };
    const compiled = compileScenario(scenario);
    const s = createBeliefState(compiled);
    s.chance.fill(0.5);
    s.injury.fill(0.5);
    s.priceEur.fill(500);
    return { s, staleness: createStaleness(compiled, s) };
  }

  it('measures how far the attractiveness of getting through alone moved since the build, injuries included', () => {
    const { s, staleness } = setUpStaleness();
    staleness.record(XA, 4);
    expect(staleness.builtDay[XA]).toBe(4);
    expect(staleness.moved(XA)).toBe(0);
    s.injury[XA] = 0;
    expect(staleness.moved(XA)).toBeCloseTo(2 / 5 - 2 / 12, 12);
    expect(staleness.moved(XB)).toBeGreaterThan(0);
  });

  it('and of buying a crossing, from the perceived price', () => {
    const { s, staleness } = setUpStaleness();
    staleness.record(XA, 0);
    s.priceEur[XA] = 1000;
    expect(staleness.moved(XA)).toBeCloseTo(2 / 12 - 2 / 22, 12);
  });
});
