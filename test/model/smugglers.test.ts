// The smuggler layer, in expectation over replicates (issue "Smugglers as adaptive agents"):
// prices and reliance rise with enforcement, networks move away from police pressure, the market
// recovers from a dismantled network, people who cannot pay never buy, violence rises with
// pressure, pressure and demand are averaged over their parameters, entry thresholds are in people
// whatever the scale, people re-plan on price moves above `replanPriceChange`, and with no networks
// the engine's results are exactly unchanged; a smuggled attempt is paid for, arrests take capacity
// and count smugglers (unscaled), smuggled detections are recorded at the reporting rate, and a
// bribed guard detects nobody.

import { describe, expect, it } from 'vitest';
import { createModel } from '../../src/model/createModel.js';
import { runReplicate } from '../../src/model/runReplicate.js';
import { BORDER_METRICS, COUNTRY_METRICS, RUN_SCALARS, TOTAL_METRICS, type ReplicateResult } from '../../src/model/result.js';
import { compileScenario } from '../../src/scenarios/compile.js';
import type { Scenario } from '../../src/scenarios/types.js';
import { smugglerScenario } from '../fixtures/scenarios.js';

interface Run {
  result: ReplicateResult;
  border(metric: (typeof BORDER_METRICS)[number], id: string): Float64Array;
  country(metric: (typeof COUNTRY_METRICS)[number], id: string): Float64Array;
  total(metric: (typeof TOTAL_METRICS)[number]): Float64Array;
}

function runs(s: Scenario, count = 4): Run[] {
  const compiled = compileScenario(s);
  const { borderIds, countryIds } = compiled.network;
  return Array.from({ length: count }, (_, k) => {
    const r = runReplicate(compiled, 3, k);
    const slice = (a: Float64Array, index: number) => a.subarray(index * r.days, (index + 1) * r.days);
    return {
      result: r,
      border: (m, id) => slice(r.borderDaily, BORDER_METRICS.indexOf(m) * r.borders + borderIds.indexOf(id)),
      country: (m, id) => slice(r.countryDaily, COUNTRY_METRICS.indexOf(m) * r.countries + countryIds.indexOf(id)),
      total: (m) => slice(r.totalDaily, TOTAL_METRICS.indexOf(m)),
    };
  });
}

const sum = (a: ArrayLike<number>, from = 0, to = a.length) => Array.prototype.slice.call(a, from, to).reduce((s: number, x: number) => s + x, 0);
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
/** Mean over days [from, to) of a level, over the days it is defined (non-zero). */
const level = (a: Float64Array, from = 0, to = a.length) => {
  const defined = Array.from(a.subarray(from, to)).filter((x) => x !== 0);
  return defined.length ? mean(defined) : NaN;
};

describe('smuggling market', () => {
  const base = runs(smugglerScenario());

  it('raising detection at a border raises its price and the share crossing it with a smuggler', () => {
    // Ample capacity and fixed bases, so that neither scarcity nor relocation masks the effect.
    const ample = () => {
      const s = smugglerScenario();
      for (const n of s.smugglers!.networks) n.capacityPerDay = 1000;
      s.smugglers!.market = { bases: [] };
      s.enforcementDefaults = { ...s.enforcementDefaults, detection: 0.75 };
      return s;
    };
    const s = ample();
    s.borders = { ...s.borders, 'XS-XB': { detection: 0.9 } };
    const base = runs(ample());
    const tighter = runs(s);
    const price = (rs: Run[]) => mean(rs.map((r) => level(r.border('priceEur', 'XS-XB'))));
    const share = (rs: Run[]) => mean(rs.map((r) => sum(r.border('smuggledCrossings', 'XS-XB')) / sum(r.border('crossings', 'XS-XB'))));
    expect(price(tighter)).toBeGreaterThan(price(base));
    expect(share(tighter)).toBeGreaterThan(share(base));
    expect(share(base)).toBeGreaterThan(0);
  });

  it('arrest pressure on the Serbia-like hub moves network bases to the Bosnia-like town', () => {
    const s = smugglerScenario();
    s.events = [{ date: '2020-02-01', label: 'crackdown at the hub', place: 'hub-s', set: { arrestPressure: 0.05 } }];
    const crackdown = runs(s);
    const last = (r: Run, id: string) => r.country('networksBased', id)[r.result.days - 1];
    expect(mean(crackdown.map((r) => last(r, 'XO')))).toBeGreaterThan(mean(base.map((r) => last(r, 'XO'))));
    expect(mean(crackdown.map((r) => last(r, 'XS')))).toBe(0);
    expect(mean(crackdown.map((r) => sum(r.total('arrests'))))).toBeGreaterThan(0);
    // Smuggling follows the networks: the Bosnia-like exit's smuggled crossings rise.
    const smuggledO = (rs: Run[]) => mean(rs.map((r) => sum(r.border('smuggledCrossings', 'XO-XB'), 60)));
    expect(smuggledO(crackdown)).toBeGreaterThan(smuggledO(base));
  });

  it('dismantling a network cuts capacity and raises prices; entry then restores the market', () => {
    const s = smugglerScenario();
    s.smugglers!.networks[1].base = 'hub-s';
    s.smugglers!.market = { bases: ['hub-s', 'town-o'], entryLagDays: 42, entryPriceEur: 500, entrySkill: 0.5, entryCapacityPerDay: 40 };
    // Dismantled on day 15; the first review that can admit an entrant is on day 42.
    s.events = [{ date: '2020-01-16', label: 'network dismantled', dismantle: 'ring-o' }];
    const rs = runs(s);
    const priceBefore = mean(rs.map((r) => level(r.border('priceEur', 'XS-XB'), 5, 15)));
    const priceAfter = mean(rs.map((r) => level(r.border('priceEur', 'XS-XB'), 20, 42)));
    expect(priceAfter).toBeGreaterThan(priceBefore);
    expect(mean(rs.map((r) => r.total('networksActive')[14]))).toBe(2);
    expect(mean(rs.map((r) => r.total('networksActive')[16]))).toBe(1);
    expect(mean(rs.map((r) => r.total('networksActive')[r.result.days - 1]))).toBeGreaterThanOrEqual(2);
  });

  it('entry thresholds are in people a day, whatever the scale: the same market enters at 1 and 10 people per agent', () => {
    const entrants = (peoplePerAgent: number, entryUnmetPeoplePerDay: number) => {
      const s = smugglerScenario();
      s.peoplePerAgent = peoplePerAgent;
      s.smugglers!.networks[1].base = 'hub-s';
      s.smugglers!.market = { bases: ['hub-s', 'town-o'], entryLagDays: 42, entryPriceEur: 500, entryUnmetPeoplePerDay, entryDemandPeoplePerDay: 1e9 };
      s.events = [{ date: '2020-01-16', label: 'network dismantled', dismantle: 'ring-o' }];
      const rs = runs(s);
      return mean(rs.map((r) => r.total('networksActive')[r.result.days - 1]));
    };
    // After the dismantling some 40-80 people a day find no capacity: a threshold of 10 people a
    // day admits entrants at both scales (10 agents a day, 100 people at the coarser scale, would
    // not), one of 80 at neither.
    expect(entrants(1, 10)).toBeGreaterThan(1);
    expect(entrants(10, 10)).toBeGreaterThan(1);
    expect(entrants(1, 80)).toBe(1);
    expect(entrants(10, 80)).toBe(1);
  });

  it('people who cannot pay never use a smuggler', () => {
    const s = smugglerScenario();
    s.cohorts[0].budgetEur = { mean: 150, sd: 0 };
    const poor = runs(s, 2);
    for (const r of poor) {
      expect(sum(r.result.borderDaily.subarray(BORDER_METRICS.indexOf('purchases') * r.result.borders * r.result.days, (BORDER_METRICS.indexOf('purchases') + 1) * r.result.borders * r.result.days))).toBe(0);
      expect(sum(r.total('smugglerRevenueEur'))).toBe(0);
    }
  });

  it('violence per smuggled crossing rises with enforcement pressure', () => {
    const s = smugglerScenario();
    s.borders = { ...s.borders, 'XS-XB': { arrestPressure: 0.01 }, 'XO-XB': { arrestPressure: 0.01 } };
    const pressed = runs(s);
    const rate = (rs: Run[]) =>
      sum(rs.map((r) => sum(r.border('extortionEvents', 'XS-XB')) + sum(r.border('extortionEvents', 'XO-XB')))) /
      sum(rs.map((r) => sum(r.border('smuggledCrossings', 'XS-XB')) + sum(r.border('smuggledCrossings', 'XO-XB'))));
    expect(rate(pressed)).toBeGreaterThan(rate(base));
  });

  it('pressure and demand are averaged over pressureAverageDays and demandAverageDays', () => {
    const market = (settings: { pressureAverageDays?: number; demandAverageDays?: number }) => {
      const s = smugglerScenario();
      s.events = [{ date: '2020-02-01', label: 'crackdown at the hub', place: 'hub-s', set: { arrestPressure: 0.05 } }];
      s.smugglers!.market = { ...s.smugglers!.market, ...settings };
      const model = createModel(compileScenario(s), 5, 0);
      while (model.day < 36) model.step(); // five days into the crackdown, before any review
      return { pressure: model.market!.pressure[0], demand: Array.from(model.market!.demandAverage) };
    };
    const standard = market({});
    expect(market({ pressureAverageDays: 30, demandAverageDays: 14 })).toEqual(standard); // the defaults
    const fast = market({ pressureAverageDays: 3 });
    const slow = market({ pressureAverageDays: 60 });
    // After 5 days an exponential average over 3 days is 87% of the way, over 60 days 8%.
    expect(slow.pressure).toBeGreaterThan(0);
    expect(fast.pressure).toBeGreaterThan(5 * slow.pressure);
    expect(market({ demandAverageDays: 2 }).demand).not.toEqual(standard.demand);
  });

  it('people re-plan when a price has moved by more than replanPriceChange: the larger it is, the fewer route builds', () => {
    const builds = (replanPriceChange?: number) => {
      const s = smugglerScenario();
      if (replanPriceChange !== undefined) s.smugglers!.market = { ...s.smugglers!.market, replanPriceChange };
      const compiled = compileScenario(s);
      const model = createModel(compiled, 5, 0);
      while (model.day < compiled.days) model.step();
      return model.routeBuilds;
    };
    const counts = [0, 0.1, 0.5, 1e9].map(builds);
    expect(builds()).toBe(counts[1]); // the default is 0.1
    for (let k = 1; k < counts.length; k++) expect(counts[k], `replanPriceChange index ${k}`).toBeLessThan(counts[k - 1]);
  });

  it('with no networks the results are exactly those of a scenario without smugglers', () => {
    const withBlock = smugglerScenario();
    withBlock.smugglers = { networks: [] };
    const without = smugglerScenario();
    delete without.smugglers;
    const a = runReplicate(compileScenario(withBlock), 9, 0);
    const b = runReplicate(compileScenario(without), 9, 0);
    expect(Array.from(a.borderDaily)).toEqual(Array.from(b.borderDaily));
    expect(Array.from(a.scalars)).toEqual(Array.from(b.scalars));
  });
});

describe('harm accounting with smugglers', () => {
  it('total injuries equal the sum of border injuries on a network without terrain hazard', () => {
    const [r] = runs(smugglerScenario(), 1);
    const res = r.result;
    const borderInjuries = sum(
      res.borderDaily.subarray(BORDER_METRICS.indexOf('injuries') * res.borders * res.days, (BORDER_METRICS.indexOf('injuries') + 1) * res.borders * res.days),
    );
    expect(borderInjuries).toBeGreaterThan(0);
    expect(sum(r.total('injuries'))).toBe(borderInjuries);
  });
});

describe('smuggling mechanisms: price paid, arrests, recorded detections, bribes', () => {
  const EXITS = ['XS-XB', 'XO-XB'];
  const crackdown = (s: Scenario) => {
    s.events = [{ date: '2020-02-01', label: 'crackdown at the hub', place: 'hub-s', set: { arrestPressure: 0.05 } }];
    return s;
  };

  it('a smuggled attempt is paid for: people still on the way hold their budget less what they paid', () => {
    const s = smugglerScenario();
    for (const n of s.nodes) n.livingCostEurPerDay = 0;
    for (const n of s.smugglers!.networks) n.violence = 0; // no extortion
    s.smugglers!.market = { bases: [] };
    s.cohorts[0].budgetEur = { mean: 3000, sd: 0 };
    const model = createModel(compileScenario(s), 3, 0);
    while (model.day < 60) model.step();
    const a = model.agents;
    let spent = 0;
    for (let i = 0; i < a.highWater; i++) if (a.status[i] !== 0) spent += 3000 - a.moneyEur[i];
    const revenue = sum(model.counters.totalDaily.subarray(TOTAL_METRICS.indexOf('smugglerRevenueEur') * model.counters.days).subarray(0, 60));
    expect(spent).toBeGreaterThan(1000);
    expect(spent).toBeLessThanOrEqual(revenue + 1);
  });

  it('arrests take capacity: on the first day of police pressure on its base a network loses that share', () => {
    const s = crackdown(smugglerScenario());
    s.smugglers!.market = { bases: [] }; // networks stay where they are
    const model = createModel(compileScenario(s), 5, 0);
    while (model.day < 31) model.step();
    expect(model.market!.capacity[0]).toBe(60);
    model.step(); // 1 February: 5 % of ring-s's 60 places a day are arrested
    expect(model.market!.capacity[0]).toBeCloseTo(57, 9);
    expect(model.market!.capacity[1]).toBe(40);
  });

  it('arrests count smugglers: the daily series equals the scalar, unscaled by peoplePerAgent', () => {
    const s = crackdown(smugglerScenario());
    s.peoplePerAgent = 10;
    const [r] = runs(s, 1);
    const arrests = r.result.scalars[RUN_SCALARS.indexOf('arrests')];
    expect(arrests).toBeGreaterThan(0);
    expect(sum(r.total('arrests'))).toBeCloseTo(arrests, 6);
  });

  it('recorded detections are detections × the reporting rate of the country entered, smuggled or not', () => {
    const s = smugglerScenario();
    s.countries.XB.reportingRate = 0.5;
    const [r] = runs(s, 1);
    for (const id of EXITS) {
      const detections = sum(r.border('detections', id));
      expect(detections).toBeGreaterThan(0);
      expect(sum(r.border('detectionsRecorded', id))).toBe(0.5 * detections);
    }
    expect(sum(r.border('smuggledCrossings', 'XS-XB'))).toBeGreaterThan(0);
  });

  it('where every guard takes bribes no smuggled attempt is detected: each purchase is one smuggled crossing', () => {
    const s = smugglerScenario();
    s.enforcementDefaults = { ...s.enforcementDefaults, corruption: 1 };
    for (const n of s.smugglers!.networks) n.violence = 0;
    s.smugglers!.market = { bases: [] };
    const [r] = runs(s, 1);
    for (const id of EXITS) {
      const purchases = sum(r.border('purchases', id));
      expect(purchases).toBeGreaterThan(0);
      expect(sum(r.border('smuggledCrossings', id)) + sum(r.border('deaths', id))).toBe(purchases);
    }
  });
});
