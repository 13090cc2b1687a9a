// roundSignificant's fast path (src/run/stats.ts) must give the very double that the toPrecision
// route gives, since summary.json and series.csv bytes are written from it: compared on millions of
// values across magnitudes, near rounding ties, next to powers of ten, negative and integral ones.

import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { roundSignificant } from '../../src/run/stats.js';

/** The definition: the double read back from toPrecision, −0 as 0. */
function reference(value: number, digits = 6): number {
  if (value === 0 || !Number.isFinite(value)) return value === 0 ? 0 : value;
  const rounded = Number(value.toPrecision(digits));
  return rounded === 0 ? 0 : rounded;
}

function mismatches(values: Iterable<number>, digits = 6): number[] {
  const bad: number[] = [];
  for (const v of values) {
    const got = roundSignificant(v, digits);
    if (!Object.is(got, reference(v, digits)) && bad.length < 5) bad.push(v);
  }
  return bad;
}

function* randomValues(rng: () => number, count: number): Generator<number> {
  for (let i = 0; i < count; i++) {
    const exponent = Math.floor(rng() * 36) - 18;
    const sign = rng() < 0.2 ? -1 : 1;
    yield sign * rng() * 10 ** exponent;
  }
}

describe('roundSignificant', () => {
  it('equals the toPrecision route on random values of every magnitude', () => {
    expect(mismatches(randomValues(seedrandom.alea('round-1'), 1_000_000))).toEqual([]);
  });

  it('equals it on ratios of small integers (means and P² heights of counts)', () => {
    const rng = seedrandom.alea('round-2');
    const values = Array.from({ length: 500_000 }, () => Math.floor(rng() * 2e6) / Math.floor(1 + rng() * 500));
    expect(mismatches(values)).toEqual([]);
  });

  it('equals it next to rounding ties and powers of ten, one ulp either side', () => {
    const values: number[] = [];
    const rng = seedrandom.alea('round-3');
    for (let i = 0; i < 100_000; i++) {
      const exponent = Math.floor(rng() * 30) - 15;
      const tie = (Math.floor(rng() * 9e5) + 1e5 + 0.5) * 10 ** (exponent - 5);
      for (const v of [tie, nextUp(tie), nextDown(tie)]) values.push(v, -v);
    }
    for (let e = -16; e <= 16; e++) {
      const p = 10 ** e;
      values.push(p, nextUp(p), nextDown(p), p * 0.9999995, p * 1.0000005, -p);
    }
    expect(mismatches(values)).toEqual([]);
  });

  it('equals it with other digit counts, and keeps integers, infinities and −0 as before', () => {
    expect(mismatches(randomValues(seedrandom.alea('round-4'), 200_000), 3)).toEqual([]);
    expect(mismatches(randomValues(seedrandom.alea('round-5'), 200_000), 10)).toEqual([]);
    expect(roundSignificant(123456789)).toBe(123457000);
    expect(roundSignificant(42)).toBe(42);
    expect(roundSignificant(Infinity)).toBe(Infinity);
    expect(Object.is(roundSignificant(-1e-30 * 1e-300), 0)).toBe(true);
    expect(roundSignificant(0.1 + 0.2)).toBe(0.3);
  });
});

function nextUp(x: number): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  view.setBigUint64(0, x >= 0 ? bits + 1n : bits - 1n);
  return view.getFloat64(0);
}

function nextDown(x: number): number {
  return -nextUp(-x);
}
