// Random variates: Poisson and log-normal moments on many draws from a seeded stream.

import { describe, expect, it } from 'vitest';
import { logNormal, pickFromCdf, poisson } from '../../src/model/distributions.js';
import { createStream } from '../../src/model/rng.js';

function moments(draw: () => number, n: number): { mean: number; variance: number } {
  let s = 0;
  let s2 = 0;
  for (let i = 0; i < n; i++) {
    const x = draw();
    s += x;
    s2 += x * x;
  }
  const mean = s / n;
  return { mean, variance: s2 / n - mean * mean };
}

describe('distributions', () => {
  for (const lambda of [0.3, 4, 29.5, 250]) {
    it(`Poisson(${lambda}) has mean and variance lambda`, () => {
      const rng = createStream(1, 0, 'inflow');
      const m = moments(() => poisson(rng, lambda), 40_000);
      expect(m.mean).toBeCloseTo(lambda, lambda < 10 ? 1 : 0);
      expect(Math.abs(m.variance / lambda - 1)).toBeLessThan(0.05);
    });
  }

  it('Poisson of zero or a negative rate is 0', () => {
    const rng = createStream(1, 0, 'inflow');
    expect(poisson(rng, 0)).toBe(0);
    expect(poisson(rng, -1)).toBe(0);
  });

  it('log-normal has the requested mean and standard deviation', () => {
    const rng = createStream(2, 0, 'inflow');
    const m = moments(() => logNormal(rng, 1500, 600), 100_000);
    expect(Math.abs(m.mean / 1500 - 1)).toBeLessThan(0.01);
    expect(Math.abs(Math.sqrt(m.variance) / 600 - 1)).toBeLessThan(0.03);
    expect(logNormal(rng, 800, 0)).toBe(800);
  });

  it('picks from a cumulative distribution in proportion', () => {
    const rng = createStream(3, 0, 'inflow');
    const cdf = Float64Array.from([0.2, 0.7, 1]);
    const counts = [0, 0, 0];
    for (let i = 0; i < 30_000; i++) counts[pickFromCdf(rng, cdf)]++;
    expect(counts[0] / 30_000).toBeCloseTo(0.2, 1);
    expect(counts[1] / 30_000).toBeCloseTo(0.5, 1);
  });

  it('streams differ by seed, replicate and purpose, and repeat exactly', () => {
    const draw = (seed: number, rep: number, p: 'inflow' | 'behaviour') => createStream(seed, rep, p)();
    expect(draw(1, 0, 'inflow')).toBe(draw(1, 0, 'inflow'));
    expect(new Set([draw(1, 0, 'inflow'), draw(2, 0, 'inflow'), draw(1, 1, 'inflow'), draw(1, 0, 'behaviour')]).size).toBe(4);
  });
});
