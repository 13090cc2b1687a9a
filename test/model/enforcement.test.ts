// Scheduled enforcement events: set at a date, ramp linearly, and report changes so that route
// tables are rebuilt only when needed.

import { describe, expect, it } from 'vitest';
import { createEnforcement } from '../../src/model/enforcement.js';
import { compileScenario } from '../../src/scenarios/compile.js';
import { lineScenario } from '../fixtures/scenarios.js';

describe('enforcement events', () => {
  it('sets a value on its date and ramps another over rampDays', () => {
    const s = lineScenario();
    s.borders = { 'XA-XB': { detection: 0.2, pushback: 0 } };
    s.events = [
      { date: '2020-01-03', label: 'set', border: 'XA-XB', set: { pushback: 0.8 } },
      { date: '2020-01-05', label: 'ramp', border: 'XA-XB', set: { detection: 0.6 }, rampDays: 4 },
    ];
    const compiled = compileScenario(s);
    const e = compiled.network.edgeBorder.indexOf(0);
    const state = createEnforcement(compiled);
    const detection: number[] = [];
    const changed: boolean[] = [];
    for (let day = 0; day < 10; day++) {
      changed.push(state.apply(day));
      detection.push(state.columns.detection[e]);
      if (day === 1) expect(state.columns.pushback[e]).toBe(0);
      if (day === 2) expect(state.columns.pushback[e]).toBe(0.8);
    }
    expect(detection.map((x) => +x.toFixed(6))).toEqual([0.2, 0.2, 0.2, 0.2, 0.3, 0.4, 0.5, 0.6, 0.6, 0.6]);
    expect(changed).toEqual([false, false, true, false, true, true, true, true, false, false]);
  });

  it('does not touch edges inside a country', () => {
    const s = lineScenario();
    s.events = [{ date: '2020-01-02', label: 'all', border: 'XA-XB', set: { detection: 1 } }];
    const compiled = compileScenario(s);
    const state = createEnforcement(compiled);
    state.apply(5);
    const inside = compiled.network.edgeBorder.indexOf(-1);
    expect(state.columns.detection[inside]).toBe(0);
  });
});
