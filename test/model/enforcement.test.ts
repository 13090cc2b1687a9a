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

  it('asks for re-planning at a set event, and during a ramp every rampReplanDays and on its last day', () => {
    const s = lineScenario();
    s.borders = { 'XA-XB': { detection: 0.2, pushback: 0 } };
    s.behaviour = { ...s.behaviour, rampReplanDays: 3 };
    s.events = [
      { date: '2020-01-03', label: 'set', border: 'XA-XB', set: { pushback: 0.8 } },
      { date: '2020-01-05', label: 'ramp', border: 'XA-XB', set: { detection: 0.9 }, rampDays: 7 },
      { date: '2020-01-07', label: 'same value', border: 'XA-XB', set: { pushback: 0.8 } },
    ];
    const compiled = compileScenario(s);
    const e = compiled.network.edgeBorder.indexOf(0);
    const state = createEnforcement(compiled);
    const changed: boolean[] = [];
    const replan: boolean[] = [];
    const detection: number[] = [];
    for (let day = 0; day < 13; day++) {
      changed.push(state.apply(day));
      replan.push(state.replan);
      detection.push(+state.columns.detection[e].toFixed(6));
    }
    // The ramp runs on days 4–10 and moves detection every day; plans follow on days 4, 7 and 10.
    expect(detection).toEqual([0.2, 0.2, 0.2, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.9, 0.9]);
    expect(changed).toEqual([false, false, true, false, true, true, true, true, true, true, true, false, false]);
    expect(replan).toEqual([false, false, true, false, true, false, false, true, false, false, true, false, false]);
  });

  it('re-plans every day of a ramp with rampReplanDays 1, as often as values change', () => {
    const s = lineScenario();
    s.behaviour = { ...s.behaviour, rampReplanDays: 1 };
    s.events = [{ date: '2020-01-02', label: 'ramp', border: 'XA-XB', set: { fence: 0.5 }, rampDays: 5 }];
    const state = createEnforcement(compileScenario(s));
    for (let day = 0; day < 9; day++) expect(state.apply(day)).toBe(state.replan);
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
