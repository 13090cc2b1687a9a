// Sweeps: grid size and order (first --set slowest), one CSV row per point and metric, and the
// `--set path=value` overrides they are built from.
import { describe, expect, it } from 'vitest';
import { applyOverride, parseAxis, parseOverride } from '../../src/run/overrides.js';
import { recordLayout } from '../../src/run/runRecord.js';
import { buildSweepCsv, gridPoints, runSweep } from '../../src/run/sweep.js';
import { compileScenario } from '../../src/scenarios/compile.js';
import { threeExitsScenario } from '../fixtures/scenarios.js';

describe('gridPoints', () => {
  it('is the cartesian product, first axis slowest, values in the order given', () => {
    const grid = gridPoints([parseAxis('borders.XM-XB.detection=0.2,0.4'), parseAxis('behaviour.choiceScaleDays=1,2,3')]);
    expect(grid.map((p) => p.map((o) => o.value))).toEqual([
      [0.2, 1], [0.2, 2], [0.2, 3],
      [0.4, 1], [0.4, 2], [0.4, 3],
    ]);
    expect(gridPoints([])).toEqual([[]]);
  });
});

describe('runSweep and sweep.csv', () => {
  it('has one row per point and metric, points in grid order, each point its own scenario', async () => {
    const base = threeExitsScenario();
    const grid = gridPoints([parseAxis('borders.XM-XB.detection=0.1,0.9'), parseAxis('enforcementDefaults.pushback=0.2,0.8')]);
    const compiled = grid.map((point) => compileScenario(point.reduce((s, o) => applyOverride(s, o), base)));
    const accumulators = await runSweep(compiled, { runs: 2, seed: 3, threads: 2 });
    const csv = buildSweepCsv(['borders.XM-XB.detection', 'enforcementDefaults.pushback'], grid, accumulators);
    const lines = csv.trimEnd().split('\n');
    const keys = recordLayout(compiled[0]).keys;
    expect(lines[0]).toBe('point,borders.XM-XB.detection,enforcementDefaults.pushback,metric,entity,runs,mean,ciLow,ciHigh,sd,p05,p50,p95');
    expect(lines).toHaveLength(1 + 4 * keys.length);
    const rows = lines.slice(1).map((l) => l.split(','));
    expect(rows.map((r) => r.slice(0, 3).join(' ')).filter((_, i) => i % keys.length === 0)).toEqual(['0 0.1 0.2', '1 0.1 0.8', '2 0.9 0.2', '3 0.9 0.8']);
    expect(rows.slice(0, keys.length).map((r) => `${r[3]}/${r[4]}`)).toEqual(keys.map((k) => `${k.metric}/${k.entity ?? 'total'}`));
    expect(rows.every((r) => r[5] === '2')).toBe(true);
    // Harder detection on the middle exit lowers its crossings.
    const middle = (p: number) => Number(rows.find((r) => r[0] === String(p) && r[3] === 'crossings' && r[4] === 'XM-XB')?.[6]);
    expect(middle(2)).toBeLessThan(middle(0));
  });
});

describe('overrides', () => {
  const base = threeExitsScenario();

  it('sets object keys (creating them), list elements by id or index, and parses values as JSON when they are', () => {
    expect(applyOverride(base, parseOverride('borders.XM-XB.detection=0.4')).borders).toEqual({ 'XM-XB': { detection: 0.4 } });
    expect(applyOverride(base, parseOverride('edges.1.hazard=0.5')).edges[1].hazard).toBe(0.5);
    expect(applyOverride(base, parseOverride('cohorts.all.budgetEur.mean=1500')).cohorts[0].budgetEur).toEqual({ mean: 1500, sd: 300 });
    expect(applyOverride(base, parseOverride('period.end=2020-03-31')).period.end).toBe('2020-03-31');
    expect(base.borders).toBeUndefined(); // the input is not modified
  });

  it('splits axis values outside brackets and rejects malformed input with a usable message', () => {
    expect(parseAxis('x.y=[1,2],[3,4]').map((o) => o.value)).toEqual([[1, 2], [3, 4]]);
    expect(() => parseOverride('novalue')).toThrow(/not path=value/);
    expect(() => parseAxis('a.b=1,,2')).toThrow(/empty value/);
    expect(() => applyOverride(base, parseOverride('cohorts.nobody.riskAversion=2'))).toThrow(/cohorts has no element "nobody"/);
    expect(() => applyOverride(base, parseOverride('id.x=1'))).toThrow(/id is "three-exits", not an object or a list/);
  });
});
