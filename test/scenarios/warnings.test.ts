// Warnings about valid scenarios (src/scenarios/warnings.ts): each kind on a hand-built scenario,
// the enforcement behaviour the event warnings describe (so a change to enforcement.ts that makes
// a message untrue fails here), where a warning lands in an extends chain, and that no shipped
// scenario has any.

import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createEnforcement } from '../../src/model/enforcement.js';
import { RUN_SCALARS } from '../../src/model/result.js';
import { runReplicate } from '../../src/model/runReplicate.js';
import { scenariosDir } from '../../src/scenarios/builtins.js';
import { compileScenario } from '../../src/scenarios/compile.js';
import { loadScenario } from '../../src/scenarios/load.js';
import type { EventSpec, Scenario } from '../../src/scenarios/types.js';
import { budgetMedianEur } from '../../src/scenarios/budgetWarning.js';
import { scenarioWarnings } from '../../src/scenarios/warnings.js';
import { lineScenario, threeExitsScenario } from '../fixtures/scenarios.js';

const dir = mkdtempSync(join(tmpdir(), 'routeshift-warnings-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function withEvents(events: EventSpec[], s: Scenario = lineScenario()): Scenario {
  return { ...s, borders: { 'XA-XB': { detection: 0.2 } }, events };
}

/** Detection on the line scenario's crossing for days 0..days-1. */
function detectionByDay(s: Scenario, days: number): number[] {
  const compiled = compileScenario(s);
  const e = compiled.network.edgeBorder.indexOf(0);
  const state = createEnforcement(compiled);
  return Array.from({ length: days }, (_, day) => (state.apply(day), +state.columns.detection[e].toFixed(6)));
}

const ramp: EventSpec = { id: 'ramp', date: '2020-01-01', label: 'ramp', border: 'XA-XB', set: { detection: 0.6 }, rampDays: 4 };

describe('a value set while a ramp moves it', () => {
  const set: EventSpec = { id: 'set', date: '2020-01-03', label: 'set', border: 'XA-XB', set: { detection: 0.9, pushback: 0.5 } };

  it('is overwritten by the ramp every day, as the warning says', () => {
    expect(detectionByDay(withEvents([ramp, set]), 6)).toEqual([0.3, 0.4, 0.5, 0.6, 0.6, 0.6]);
    expect(detectionByDay(withEvents([ramp, { ...set, date: '2020-01-05' }]), 6)).toEqual([0.3, 0.4, 0.5, 0.6, 0.9, 0.9]);
  });

  it('is warned about at its field only, naming the ramp and its last day', () => {
    expect(scenarioWarnings(withEvents([ramp, set]))).toEqual([
      {
        path: '/events/1/set/detection',
        message: 'has no effect: the ramp of "ramp" (/events/0) moves detection on the same crossings every day until 2020-01-04, overwriting this value (date this event after the ramp ends, or end the ramp earlier?)',
      },
    ]);
  });

  it('is not warned about after the ramp, nor on its first day when listed before it (the ramp starts from it)', () => {
    expect(scenarioWarnings(withEvents([ramp, { ...set, date: '2020-01-05' }]))).toEqual([]);
    const before = withEvents([{ ...set, date: '2020-01-01' }, ramp]);
    expect(scenarioWarnings(before)).toEqual([]);
    expect(detectionByDay(before, 5)).toEqual([0.825, 0.75, 0.675, 0.6, 0.6]);
    expect(scenarioWarnings(withEvents([ramp, { ...set, date: '2020-01-01' }]))).toHaveLength(1);
    expect(detectionByDay(withEvents([ramp, { ...set, date: '2020-01-01' }]), 2)).toEqual([0.3, 0.4]);
  });

  it('names the borders it shares when it acts on more crossings than the ramp', () => {
    const s = threeExitsScenario();
    s.edges[1].id = 'north-crossing';
    s.events = [
      { id: 'ramp', date: s.period.start, label: 'ramp', border: ['XA-XN', 'XN-XA'], set: { detection: 0.6 }, rampDays: 10 },
      { id: 'everywhere', date: '2020-01-05', label: 'everywhere', border: ['XA-XN', 'XA-XM'], set: { detection: 0.9 } },
      { id: 'patrol', date: '2020-01-05', label: 'patrol', edge: 'north-crossing', set: { detection: 0.9 } },
    ];
    expect(scenarioWarnings(s).map((w) => w.message.split(': ')[0])).toEqual(['has no effect on 1 of its 2 crossings (XA-XN)', 'has no effect']);
  });

  it('counts crossings, not borders: of two parallel crossings of one border, a ramp on one leaves the other', () => {
    const s = lineScenario();
    s.nodes.push({ ...s.nodes[1], id: 'ford', lat: 0.1 });
    s.edges.push({ from: 'entry', to: 'ford', distanceKm: 50, mode: 'foot', hazard: 0, bidirectional: false }, { id: 'ford-crossing', from: 'ford', to: 'goal', distanceKm: 25, mode: 'foot', hazard: 0, bidirectional: false });
    s.events = [
      { id: 'ramp', date: s.period.start, label: 'ramp', edge: 'ford-crossing', set: { detection: 0.6 }, rampDays: 10 },
      { id: 'border', date: '2020-01-05', label: 'border', border: 'XA-XB', set: { detection: 0.9 } },
    ];
    const [warning] = scenarioWarnings(s);
    expect(warning.message).toMatch(/^has no effect on 1 of its 2 crossings \(XA-XB\): the ramp of "ramp" \(\/events\/0\) moves detection there every day until 2020-01-10/);
  });
});

describe('two ramps on one field at once', () => {
  const second: EventSpec = { id: 'second', date: '2020-01-03', label: 'second', border: 'XA-XB', set: { detection: 0 }, rampDays: 1 };

  it('let the later one win while both run, then the earlier one jumps back to its path', () => {
    expect(detectionByDay(withEvents([ramp, second]), 6)).toEqual([0.3, 0.4, 0, 0.6, 0.6, 0.6]);
  });

  it('are warned about at the later ramp', () => {
    const warnings = scenarioWarnings(withEvents([ramp, second]));
    expect(warnings.map((w) => w.path)).toEqual(['/events/1/set/detection']);
    expect(warnings[0].message).toMatch(/^this ramp runs while the ramp of "ramp" \(\/events\/0\) still moves detection on the same crossings \(until 2020-01-04\): while both run, this one's value wins each day, and "ramp" jumps back/);
  });

  it('are not warned about on different fields or borders, or one after the other', () => {
    expect(scenarioWarnings(withEvents([ramp, { ...second, set: { pushback: 0.4 } }]))).toEqual([]);
    expect(scenarioWarnings(withEvents([ramp, { ...second, border: 'XB-XA' }]))).toEqual([]);
    expect(scenarioWarnings(withEvents([ramp, { ...second, date: '2020-01-05' }]))).toEqual([]);
  });
});

describe('other warnings', () => {
  it('a ramp that ends after the period, with how much of it the run makes', () => {
    const late: EventSpec = { ...ramp, date: '2020-03-22', rampDays: 20 };
    expect(scenarioWarnings(withEvents([late]))).toEqual([
      { path: '/events/0/rampDays', message: 'the ramp ends on 2020-04-10, after the period ends (2020-03-31): the run stops when it has made 50% of its change' },
    ]);
    expect(scenarioWarnings(withEvents([{ ...late, rampDays: 10 }]))).toEqual([]);
  });

  it('a place on no edge and a cohort no inflow brings', () => {
    const s = lineScenario();
    s.nodes.push({ ...s.nodes[1], id: 'island' });
    s.cohorts.push({ ...s.cohorts[0], id: 'nobody' });
    expect(scenarioWarnings(s)).toEqual([
      { path: '/nodes/3', message: 'place "island" is on no edge: nobody can reach or leave it' },
      { path: '/cohorts/1', message: 'no inflow brings people of cohort "nobody": nobody of it ever enters' },
    ]);
  });
});

describe('a cohort that cannot pay its way', () => {
  /** The line scenario (75 km on foot) with fares of 40 + 30 EUR and a budget of this mean and sd. */
  function fares(meanEur: number, sdEur: number): Scenario {
    const s = lineScenario(310);
    s.edges = s.edges.map((e, i) => ({ ...e, fareEur: i === 0 ? 40 : 30 }));
    s.cohorts = [{ ...s.cohorts[0], budgetEur: { mean: meanEur, sd: sdEur } }];
    return s;
  }
  const arrivalShare = (s: Scenario) => {
    const r = runReplicate(compileScenario(s), 1, 0);
    return r.scalars[RUN_SCALARS.indexOf('arrivals')] / r.scalars[RUN_SCALARS.indexOf('entered')];
  };

  it('the median of the log-normal budget, as the model draws it', () => {
    expect(budgetMedianEur(100, 0)).toBe(100);
    expect(budgetMedianEur(100, 100)).toBeCloseTo(100 / Math.SQRT2, 12);
  });

  it('is warned about when the median budget is below the cheapest fares from an entry, naming both', () => {
    expect(scenarioWarnings(fares(60, 0))).toEqual([
      {
        path: '/cohorts/0/budgetEur/mean',
        message: 'more than half of cohort "all" cannot pay its way from "entry": its median budget is €60, the cheapest fares to any of its destinations add up to €70 (living costs and smugglers not counted), and people who cannot pay a fare wait where they are (a budget in the wrong unit, or fares too high?)',
      },
    ]);
    // A mean above the fares whose median (mean / sqrt(1 + cv²)) is below them.
    expect(scenarioWarnings(fares(90, 90))).toHaveLength(1);
    expect(scenarioWarnings(fares(70, 0))).toEqual([]);
    expect(scenarioWarnings(fares(90, 30))).toEqual([]);
  });

  it('says what the model does: nobody arrives with a budget below the fares, most do above', () => {
    expect(arrivalShare(fares(60, 0))).toBe(0);
    expect(arrivalShare(fares(90, 90))).toBeLessThan(0.5);
    expect(arrivalShare(fares(200, 0))).toBeGreaterThan(0.9);
  });

  it('takes the cheapest entry-to-destination fares, not the shortest way, and skips what it cannot judge', () => {
    const s = fares(60, 0);
    s.nodes.push({ ...s.nodes[1], id: 'ferry' });
    s.edges.push({ from: 'entry', to: 'ferry', distanceKm: 500, mode: 'foot', hazard: 0, bidirectional: false, fareEur: 0 });
    s.edges.push({ from: 'ferry', to: 'goal', distanceKm: 500, mode: 'foot', hazard: 0, bidirectional: false, fareEur: 0 });
    expect(scenarioWarnings(s)).toEqual([]);
    expect(scenarioWarnings({ ...fares(60, 0), stranding: {} })).toEqual([]);
    expect(scenarioWarnings({ ...fares(60, 0), stranding: { incomeEurPerDay: 0 } })).toHaveLength(1);
  });
});

describe('warnings of loaded scenarios', () => {
  it('land in the file of the extends chain that holds the value, naming the other event by file', async () => {
    const parent = join(dir, 'parent.json');
    const child = join(dir, 'child.json');
    writeFileSync(parent, JSON.stringify({ extends: 'toy-three-crossings', id: 'parent', events: [{ id: 'west-ramp', date: '2025-02-01', label: 'ramp', border: 'XA-XB', set: { detection: 0.9 }, rampDays: 30 }] }));
    writeFileSync(child, JSON.stringify({ extends: './parent.json', id: 'child', events: [{ id: 'west-set', date: '2025-02-10', label: 'set', border: 'XA-XB', set: { detection: 0.1 } }] }));
    const { warnings } = await loadScenario(child, { cwd: dir });
    expect(warnings).toEqual([
      {
        file: 'child.json',
        path: '/events/0/set/detection',
        message: 'has no effect: the ramp of "west-ramp" (parent.json /events/0) moves detection on the same crossings every day until 2025-03-02, overwriting this value (date this event after the ramp ends, or end the ramp earlier?)',
      },
    ]);
  });

  it('none in any shipped scenario', async () => {
    const files = readdirSync(scenariosDir()).filter((f) => f.endsWith('.json') && f !== 'schema.json');
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) expect({ f, warnings: (await loadScenario(join(scenariosDir(), f))).warnings }).toEqual({ f, warnings: [] });
  });
});
