// Validation of the smuggler block and of police events against smugglers.

import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../src/scenarios/validate.js';
import { smugglerScenario } from '../fixtures/scenarios.js';

const messages = (s: unknown) => validateScenario(s).map((p) => `${p.path}: ${p.message}`);

describe('smuggler validation', () => {
  it('accepts the smuggler fixture with place and dismantle events', () => {
    const s = smugglerScenario();
    s.events = [
      { date: '2020-02-01', label: 'crackdown', place: 'hub-s', set: { arrestPressure: 0.05 } },
      { date: '2020-03-01', label: 'operation', dismantle: 'ring-o' },
    ];
    expect(messages(s)).toEqual([]);
  });

  it('names unknown bases, networks and nodes, and misplaced fields, with their JSON paths', () => {
    const s = smugglerScenario();
    s.smugglers!.networks[1].base = 'nowhere';
    s.smugglers!.market = { bases: ['hub-s', 'atlantis'] };
    s.events = [
      { date: '2020-02-01', label: 'crackdown', place: 'elsewhere', set: { arrestPressure: 0.05, detection: 1 } },
      { date: '2020-03-01', label: 'operation', dismantle: 'ring-x' },
      { date: '2020-03-02', label: 'both', border: 'XS-XB', dismantle: 'ring-s' },
    ];
    expect(messages(s)).toEqual(
      expect.arrayContaining([
        '/smugglers/networks/1/base: unknown node "nowhere"',
        '/smugglers/market/bases/1: unknown node "atlantis"',
        '/events/0/place: unknown node "elsewhere"',
        '/events/0/set/detection: a "place" event sets only arrestPressure',
        '/events/1/dismantle: unknown smuggling network "ring-x" (did you mean "ring-s"?)',
        '/events/2: must give exactly one of "border", "edge", "place" and "dismantle"',
      ]),
    );
  });

  it('rejects a probability out of range in the market block', () => {
    const s = smugglerScenario();
    s.smugglers!.market = { bases: [], covertHazard: 2 };
    expect(messages(s)).toContain('/smugglers/market/covertHazard: must be <= 1, got 2');
  });
});
