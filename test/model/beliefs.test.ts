// What people know (issue "What people know"): with perfect information the results are the
// engine's, bit for bit; slower learning gives a longer adaptation lag after a crackdown; a rumour
// that a closed border opened sends people there until experience corrects it; blackouts and
// campaigns act on beliefs as documented.

import { describe, expect, it } from 'vitest';
import { createModel } from '../../src/model/createModel.js';
import { BORDER_METRICS, type ReplicateResult } from '../../src/model/result.js';
import { runReplicate } from '../../src/model/runReplicate.js';
import { adaptationLag } from '../../src/run/adaptationLag.js';
import { compileScenario } from '../../src/scenarios/compile.js';
import type { Scenario } from '../../src/scenarios/types.js';
import { crackdownScenario, lineScenario, smugglerScenario, threeExitsScenario } from '../fixtures/scenarios.js';

const bytes = (r: ReplicateResult) => [r.borderDaily, r.countryDaily, r.totalDaily, r.scalars].map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength));

function borderSeries(r: ReplicateResult, metric: (typeof BORDER_METRICS)[number], b: number): number[] {
  const from = (BORDER_METRICS.indexOf(metric) * r.borders + b) * r.days;
  return Array.from(r.borderDaily.subarray(from, from + r.days));
}

const sum = (a: number[], from: number, to: number) => a.slice(from, to).reduce((s, x) => s + x, 0);

describe('perfect information', () => {
  const sealedLine = (): Scenario => {
    const s = lineScenario();
    s.borders = { 'XA-XB': { detection: 1, pushback: 1, injury: 0.2 } };
    return s;
  };
  it.each([
    ['three exits with a crackdown', () => crackdownScenario(undefined)],
    ['a smuggling market', smugglerScenario],
    ['a sealed border', sealedLine],
  ])('gives exactly the engine’s results on %s', (_, make) => {
    const engine = make();
    delete engine.information;
    const perfect = make();
    perfect.information = { perfect: true, noiseSd: 0.3 };
    expect(bytes(runReplicate(compileScenario(perfect), 5, 1))).toEqual(bytes(runReplicate(compileScenario(engine), 5, 1)));
  });
});

describe('learning', () => {
  // A crackdown by violence: pushbacks at the middle exit turn violent (injury 0.1 → 0.9). How many
  // get through does not change at once, so the exit shares move only as people learn of it.
  function lag(information: Scenario['information']): number {
    const arms = [false, true].map((on) => {
      const s = crackdownScenario(information, on);
      s.period.end = '2020-09-30';
      for (const m of ['07', '08', '09']) s.inflow[0].monthly[`2020-${m}`] = 3000;
      if (on) s.events![0].set = { injury: 0.9 };
      if (information === undefined) delete s.information;
      return compileScenario(s);
    });
    const crossings = BORDER_METRICS.indexOf('crossings');
    const [baseline, variant] = arms.map((compiled) => {
      const total = new Float64Array(compiled.network.borderIds.length * compiled.days);
      for (let r = 0; r < 4; r++) {
        const res = runReplicate(compiled, 11, r);
        total.forEach((_, i) => (total[i] += res.borderDaily[crossings * total.length + i]));
      }
      return total;
    });
    const net = arms[1].network;
    const result = adaptationLag({ baseline, variant, days: arms[1].days, borderIsExit: net.borderIsExit, target: net.borderIds.indexOf('XM-XB'), startDay: 60 });
    expect(result.finalShift).toBeLessThan(-0.05);
    return result.lagDays!;
  }

  it('slower learning gives a longer adaptation lag after a crackdown (4 replicates per arm)', () => {
    const truth = lag(undefined);
    const usual = lag({});
    const slow = lag({ experienceWeight: 0.2, phoneSharingPerDay: 0.02 });
    expect(truth).toBeLessThan(usual);
    expect(usual).toBeLessThan(slow);
  });

  it('a rumour that a sealed border opened raises attempts there until experience corrects it', () => {
    const s = threeExitsScenario();
    s.period.end = '2020-06-30';
    s.inflow[0].monthly = { '2020-01': 3000, '2020-02': 3000, '2020-03': 3000, '2020-04': 3000, '2020-05': 3000, '2020-06': 3000 };
    s.borders = { 'XM-XB': { detection: 1, pushback: 1, injury: 0.1 } };
    s.information = {};
    s.events = [{ date: '2020-03-01', label: 'Rumour: the middle exit is open', information: { kind: 'rumour', border: 'XM-XB' } }];
    const compiled = compileScenario(s);
    const middle = compiled.network.borderIds.indexOf('XM-XB');
    const r = runReplicate(compiled, 3, 0);
    const attempts = borderSeries(r, 'attempts', middle);
    const perceived = borderSeries(r, 'perceivedChance', middle);
    expect(sum(attempts, 0, 60)).toBe(0);
    expect(perceived[59]).toBeLessThan(0.05);
    expect(perceived[60]).toBeGreaterThan(0.8);
    const firstWeeks = sum(attempts, 60, 81);
    expect(firstWeeks).toBeGreaterThan(100);
    expect(sum(attempts, 81, 102)).toBeLessThan(firstWeeks / 3);
    expect(sum(attempts, 150, 181)).toBeLessThan(firstWeeks / 20);
    expect(perceived[120]).toBeLessThan(perceived[61] / 2);
    expect(borderSeries(r, 'trueChance', middle).every((p) => p === 0)).toBe(true);
  });
});

describe('information events', () => {
  /** Beliefs about the middle exit of the community of cohort 0 in `country` after each day. */
  function beliefsAbout(s: Scenario, country: string): number[] {
    const compiled = compileScenario(s);
    const model = createModel(compiled, 1, 0);
    const B = compiled.network.borderIds.length;
    const at = compiled.network.countryIds.indexOf(country) * compiled.cohorts.ids.length * B + compiled.network.borderIds.indexOf('XM-XB');
    const out: number[] = [];
    while (model.day < compiled.days) {
      model.step();
      out.push(model.beliefs!.chance[at]);
    }
    return out;
  }

  it('a phone blackout at the hub keeps the news of a crackdown from reaching it', () => {
    const normal = beliefsAbout(crackdownScenario({}), 'XA');
    const s = crackdownScenario({});
    s.events!.push({ date: '2020-03-01', label: 'Phones cut at the hub', information: { kind: 'blackout', countries: ['XA'], days: 40 } });
    const cut = beliefsAbout(s, 'XA');
    // Day 80 (20 March): the hub has heard of the crackdown by phone, unless phones are cut.
    expect(normal[80]).toBeLessThan(cut[80] - 0.1);
    expect(cut[80]).toBeGreaterThan(cut[59] - 0.1);
  });

  it('a campaign at the hub moves its beliefs towards the message, weighted by trust', () => {
    const campaign = (trust: number) => {
      const s = crackdownScenario({}, false);
      s.events = [{ date: '2020-02-01', label: 'Campaign', information: { kind: 'campaign', border: 'XM-XB', place: 'hub', chance: 0.1, trust, days: 20 } }];
      return beliefsAbout(s, 'XA');
    };
    const none = campaign(0);
    const weak = campaign(0.1);
    const strong = campaign(0.9);
    expect(weak[50]).toBeLessThan(none[50]);
    expect(strong[50]).toBeLessThan(weak[50] - 0.05);
  });
});
