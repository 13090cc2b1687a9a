// Metamorphic checks: raising enforcement on one exit never raises its expected crossings and
// raises the alternatives'. Averaged over replicates with common random numbers (same seeds).

import { describe, expect, it } from 'vitest';
import { runReplicate } from '../../src/model/runReplicate.js';
import { BORDER_METRICS, type ReplicateResult } from '../../src/model/result.js';
import { compileScenario } from '../../src/scenarios/compile.js';
import type { Scenario } from '../../src/scenarios/types.js';
import { threeExitsScenario } from '../fixtures/scenarios.js';

const EXITS = ['XN-XB', 'XM-XB', 'XS-XB'];

/** The three-exit network without terrain hazard, so that each exit carries a sizeable flow. */
function scenario(): Scenario {
  const s = threeExitsScenario();
  for (const e of s.edges) e.hazard = 0;
  return s;
}

function meanExitCrossings(s: Scenario, runs = 6): Record<string, number> {
  const compiled = compileScenario(s);
  const crossings = BORDER_METRICS.indexOf('crossings');
  const out: Record<string, number> = Object.fromEntries(EXITS.map((b) => [b, 0]));
  for (let k = 0; k < runs; k++) {
    const r: ReplicateResult = runReplicate(compiled, 11, k);
    for (const id of EXITS) {
      const b = compiled.network.borderIds.indexOf(id);
      const from = (crossings * r.borders + b) * r.days;
      out[id] += r.borderDaily.subarray(from, from + r.days).reduce((a, x) => a + x, 0) / runs;
    }
  }
  return out;
}

describe('metamorphic: enforcement displaces flows', () => {
  const base = meanExitCrossings(scenario());

  for (const target of EXITS) {
    it(`raising detection and pushback on ${target} lowers its crossings and raises the others'`, () => {
      const s = scenario();
      s.borders = { [target]: { detection: 0.9, pushback: 0.95 } };
      const after = meanExitCrossings(s);
      expect(after[target]).toBeLessThan(base[target]);
      for (const other of EXITS.filter((b) => b !== target)) expect(after[other]).toBeGreaterThan(base[other]);
    });
  }

  it('a fence dated mid-period shifts crossings after that date only', () => {
    const s = threeExitsScenario();
    s.events = [{ date: '2020-02-15', label: 'fence', border: 'XM-XB', set: { fence: 0.95 } }];
    const compiled = compileScenario(s);
    const r = runReplicate(compiled, 5, 0);
    const b = compiled.network.borderIds.indexOf('XM-XB');
    const from = (BORDER_METRICS.indexOf('crossings') * r.borders + b) * r.days;
    const daily = Array.from(r.borderDaily.subarray(from, from + r.days));
    const fenceDay = 45;
    const before = daily.slice(fenceDay - 14, fenceDay).reduce((a, x) => a + x, 0);
    const afterWeek = daily.slice(fenceDay + 7, fenceDay + 21).reduce((a, x) => a + x, 0);
    expect(afterWeek).toBeLessThan(before * 0.3);
  });
});
