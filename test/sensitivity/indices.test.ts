// Sobol' and Morris on test functions with known answers.

import { describe, expect, test } from 'vitest';
import { designStream } from '../../src/calibration/streams.js';
import { morrisDesign, morrisEffects } from '../../src/sensitivity/morris.js';
import { saltelliDesign, sobolIndices } from '../../src/sensitivity/sobol.js';

/** Ishigami function on [-π, π]³ with a = 7, b = 0.1 (Ishigami & Homma 1990). */
function ishigami(u: readonly number[]): number {
  const [x1, x2, x3] = u.map((v) => -Math.PI + 2 * Math.PI * v);
  return Math.sin(x1) + 7 * Math.sin(x2) ** 2 + 0.1 * x3 ** 4 * Math.sin(x1);
}

describe('Sobol indices (Saltelli 2010 / Jansen)', () => {
  test('Ishigami: S1 ≈ 0.314, 0.442, 0; ST ≈ 0.558, 0.442, 0.244', () => {
    const samples = 8192;
    const points = saltelliDesign(3, samples, designStream(1, 0, 'sobol'));
    const y = Float64Array.from(points, ishigami);
    const indices = sobolIndices(3, samples, y, designStream(1, 0, 'bootstrap'), 200);
    const expected = [
      [0.3139, 0.5576],
      [0.4424, 0.4424],
      [0, 0.2437],
    ];
    indices.forEach((s, i) => {
      expect(Math.abs(s.first - expected[i][0])).toBeLessThan(0.04);
      expect(Math.abs(s.total - expected[i][1])).toBeLessThan(0.04);
      expect(s.firstCi.low).toBeLessThan(s.first);
      expect(s.firstCi.high).toBeGreaterThan(s.first);
      expect(s.totalCi.high - s.totalCi.low).toBeLessThan(0.1);
    });
  });
});

describe('Morris elementary effects (Campolongo 2007)', () => {
  // y = 10 x1 + 5 x2² + x3 + 0·x4: x1 linear and strongest, x2 non-linear, x3 weak, x4 inert.
  const f = (x: readonly number[]) => 10 * x[0] + 5 * x[1] ** 2 + x[2];

  test('ranks the factors by μ* and flags the non-linear one by σ', () => {
    const design = morrisDesign({ factors: 4, trajectories: 20 }, designStream(3, 0, 'morris'));
    expect(design).toHaveLength(20);
    for (const t of design) {
      expect(t.points).toHaveLength(5);
      expect([...t.factor].sort()).toEqual([0, 1, 2, 3]);
      for (const p of t.points) for (const v of p) expect(v >= 0 && v <= 1).toBe(true);
    }
    const y = design.map((t) => t.points.map(f));
    const effects = morrisEffects(design, y, designStream(3, 0, 'bootstrap'), 200);
    const ranking = effects.map((e, i) => [e.muStar, i]).sort((a, b) => b[0] - a[0]).map(([, i]) => i);
    expect(ranking).toEqual([0, 1, 2, 3]);
    expect(effects[0].muStar).toBeCloseTo(10, 9);
    expect(effects[0].sigma).toBeCloseTo(0, 9);
    expect(effects[2].muStar).toBeCloseTo(1, 9);
    expect(effects[3].muStar).toBe(0);
    expect(effects[1].sigma).toBeGreaterThan(1);
    expect(effects[1].muStarCi.low).toBeLessThanOrEqual(effects[1].muStar);
    expect(effects[1].muStarCi.high).toBeGreaterThanOrEqual(effects[1].muStar);
  });

  test('the selected trajectories are more spread out than the first ones drawn', () => {
    const chosen = morrisDesign({ factors: 3, trajectories: 4, candidates: 40 }, designStream(9, 0, 'morris'));
    const first = morrisDesign({ factors: 3, trajectories: 4, candidates: 4 }, designStream(9, 0, 'morris'));
    const spread = (ts: typeof chosen) => {
      let s = 0;
      for (const a of ts) for (const b of ts) for (const x of a.points) for (const y of b.points) s += Math.hypot(...x.map((v, i) => v - y[i]));
      return s;
    };
    expect(spread(chosen)).toBeGreaterThan(spread(first));
  });
});
