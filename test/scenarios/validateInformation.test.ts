// Validation of the `information` and `stranding` blocks and of information events.

import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/scenarios/compile.js';
import { DEFAULT_INFORMATION, DEFAULT_STRANDING } from '../../src/scenarios/defaults.js';
import { validateScenario } from '../../src/scenarios/validate.js';
import { threeExitsScenario } from '../fixtures/scenarios.js';

const messages = (s: unknown) => validateScenario(s).map((p) => `${p.path}: ${p.message}`);

describe('information validation', () => {
  it('accepts the blocks and the three kinds of information event, and compiles them with defaults', () => {
    const s = threeExitsScenario();
    s.information = { successWeight: 3, priors: { 'XM-XB': { chance: 0.5 } } };
    s.stranding = { incomeEurPerDay: 2 };
    s.events = [
      { date: '2020-02-01', label: 'campaign', information: { kind: 'campaign', border: 'XM-XB', place: 'hub', chance: 0.1, trust: 0.2, days: 10 } },
      { date: '2020-02-02', label: 'rumour', information: { kind: 'rumour', border: 'XN-XB', countries: ['XA'] } },
      { date: '2020-02-03', label: 'blackout', information: { kind: 'blackout', countries: ['XA', 'XN'], days: 5 } },
    ];
    expect(messages(s)).toEqual([]);
    const c = compileScenario(s);
    expect(c.information!.params).toEqual({ ...DEFAULT_INFORMATION, successWeight: 3 });
    expect(c.information!.priorChance[c.network.borderIds.indexOf('XM-XB')]).toBe(0.5);
    expect(Number.isNaN(c.information!.priorChance[c.network.borderIds.indexOf('XN-XB')])).toBe(true);
    expect(c.stranding).toEqual({ ...DEFAULT_STRANDING, incomeEurPerDay: 2 });
    expect(c.information!.events.map((e) => [e.day, e.kind, e.days])).toEqual([
      [31, 0, 10],
      [32, 1, 30],
      [33, 2, 5],
    ]);
    expect(c.events).toEqual([]);
  });

  it('names missing or misplaced targets, unknown places, countries and borders, with their JSON paths', () => {
    const s = threeExitsScenario();
    s.information = { priors: { 'XA-XB': { chance: 0.5 } } };
    s.events = [
      { date: '2020-02-01', label: 'campaign', information: { kind: 'campaign', border: 'XM-XB' } },
      { date: '2020-02-02', label: 'rumour', information: { kind: 'rumour', border: 'XQ-XB', place: 'hub', days: 3 } },
      { date: '2020-02-03', label: 'blackout', information: { kind: 'blackout', countries: ['XZ'] } },
      { date: '2020-02-04', label: 'both', border: 'XM-XB', information: { kind: 'blackout', countries: ['XA'] } },
      { date: '2020-02-05', label: 'set', information: { kind: 'rumour', border: 'XM-XB' }, set: { detection: 1 } },
      { date: '2020-02-06', label: 'nowhere', information: { kind: 'campaign', border: 'XM-XB', place: 'atlantis' } },
    ];
    expect(messages(s)).toEqual([
      '/information/priors/XA-XB: no edge crosses border XA-XB (from XA into XB)',
      '/events/0/information: a campaign needs "place"',
      '/events/1/information: a rumour takes no "place"',
      '/events/1/information: a rumour takes no "days"',
      '/events/1/information/border: unknown country "XQ" (not in /countries)',
      '/events/2/information/countries/0: unknown country "XZ" (not in /countries)',
      '/events/3: must give exactly one of "border", "edge", "place" and "dismantle" (an information event gives only "information")',
      '/events/4/set: an information event takes no "set"',
      '/events/5/information/place: unknown node "atlantis"',
    ]);
  });

  it('needs an information block for information events, and checks ranges in the schema', () => {
    const s = threeExitsScenario();
    s.events = [{ date: '2020-02-01', label: 'rumour', information: { kind: 'rumour', border: 'XM-XB', chance: 1.5 } }];
    s.stranding = { giveUpAfterFailures: -1 };
    expect(messages(s)).toEqual(
      expect.arrayContaining([expect.stringContaining('/events/0/information/chance: must be <= 1'), expect.stringContaining('/stranding/giveUpAfterFailures: must be >= 0')]),
    );
    s.events[0].information!.chance = 0.9;
    s.stranding = {};
    expect(messages(s)).toEqual(['/events/0/information: an information event needs an "information" block in the scenario']);
  });
});
