// describe(): mean, sample sd and R-type-7 quantiles against values worked out by hand, including
// NaN handling and the rounding used for the output files; meanAndQuantiles against describe.
import { describe as suite, expect, it } from 'vitest';
import { describe, meanAndQuantiles, quantileSorted, roundSignificant, roundStats } from '../../src/run/stats.js';

suite('describe', () => {
  it('n = 1: sd is 0 and every quantile is the value', () => {
    expect(describe([5])).toEqual({ mean: 5, ciLow: null, ciHigh: null, sd: 0, p05: 5, p50: 5, p95: 5 });
  });

  it('n = 2: interpolates between the two order statistics', () => {
    const s = describe([3, 1]);
    expect(s.mean).toBe(2);
    expect(s.sd).toBeCloseTo(Math.SQRT2, 14);
    expect(s.p05).toBeCloseTo(1.1, 14); // 1 + 0.05 × (3 − 1)
    expect(s.p50).toBe(2);
    expect(s.p95).toBeCloseTo(2.9, 14);
  });

  it('n = 5: h = 4p, so p05 sits 0.2 and p95 0.8 of the way along their gaps', () => {
    const s = describe(new Float64Array([10, 2, 8, 4, 6]));
    expect(s.mean).toBe(6);
    expect(s.sd).toBeCloseTo(Math.sqrt(10), 14); // (16 + 4 + 0 + 4 + 16) / 4
    expect(s.p05).toBeCloseTo(2.4, 14);
    expect(s.p50).toBe(6);
    expect(s.p95).toBeCloseTo(9.6, 14);
  });

  it('ignores NaN; all-NaN and empty give nulls', () => {
    expect(describe([NaN, 3, NaN, 1])).toEqual(describe([1, 3]));
    const none = { mean: null, ciLow: null, ciHigh: null, sd: null, p05: null, p50: null, p95: null };
    expect(describe([NaN, NaN])).toEqual(none);
    expect(describe([])).toEqual(none);
  });

  it('does not reorder its input', () => {
    const values = new Float64Array([3, 1, 2]);
    describe(values);
    expect(Array.from(values)).toEqual([3, 1, 2]);
  });

  it('quantileSorted hits the ends exactly', () => {
    expect(quantileSorted([1, 2, 4], 0)).toBe(1);
    expect(quantileSorted([1, 2, 4], 1)).toBe(4);
    expect(quantileSorted([1, 2, 4], 0.75)).toBe(3);
  });
});

suite('rounding', () => {
  it('keeps at most 6 significant digits and never returns -0', () => {
    expect(roundSignificant(1234567)).toBe(1234570);
    expect(roundSignificant(2 / 3)).toBe(0.666667);
    expect(roundSignificant(0.000123456789)).toBe(0.000123457);
    expect(Object.is(roundSignificant(-0), 0)).toBe(true);
    expect(roundSignificant(42)).toBe(42);
  });

  it('roundStats keeps nulls', () => {
    expect(roundStats({ mean: 1 / 3, ciLow: null, ciHigh: 2 / 3, sd: null, p05: null, p50: null, p95: null })).toEqual({
      mean: 0.333333,
      ciLow: null,
      ciHigh: 0.666667,
      sd: null,
      p05: null,
      p50: null,
      p95: null,
    });
  });
});

suite('meanAndQuantiles', () => {
  it('gives describe()\'s mean and quantiles to the bit: ties, ±0, NaN, small and large samples', () => {
    let x = 7;
    const u = () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pick = () => {
      const r = u();
      return r < 0.1 ? NaN : r < 0.25 ? 0 : r < 0.35 ? -0 : r < 0.6 ? 40 : u() * 1000 - 100;
    };
    const scratch = new Float64Array(100);
    const out = new Float64Array(4);
    for (const length of [1, 2, 5, 10, 11, 32, 33, 100]) {
      for (let trial = 0; trial < 200; trial++) {
        const values = Float64Array.from({ length }, pick);
        const n = meanAndQuantiles(values, scratch, out);
        const d = describe(values);
        if (d.mean === null) {
          expect(n).toBe(0);
          continue;
        }
        expect(n).toBe(values.filter((v) => !Number.isNaN(v)).length);
        expect(Array.from(out)).toEqual([d.mean, d.p05, d.p50, d.p95]);
      }
    }
  });
});
