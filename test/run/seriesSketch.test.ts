// The speed-ups of the series aggregation must not change a bit: the faster addP2 and the packed,
// constant-aware sketches of seriesSketch.ts against the P² update as first written
// (test/fixtures/p2Reference.ts), on tied, skewed and NaN-laden inputs like the daily series.
import { describe, expect, it } from 'vitest';
import { addP2, createP2Cells, initP2Cell, p2Quantile, P2_P05, P2_P50, P2_P95 } from '../../src/run/p2Quantiles.js';
import { SeriesSketch } from '../../src/run/seriesSketch.js';
import * as reference from '../fixtures/p2Reference.js';

/** A deterministic pseudo-random sequence in [0, 1) (LCG). */
function uniform(seed: number): () => number {
  let x = seed;
  return () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
}

/** A daily-series-like value: mostly 0 or one level, sometimes counts, sometimes undefined. */
function dailyValue(u: () => number, cell: number): number {
  const kind = cell % 5;
  if (kind === 0) return 0;
  if (kind === 1) return u() < 0.9 ? 40 : 60;
  if (kind === 2) return u() < 0.02 ? NaN : Math.floor(-Math.log(1 - u()) * 3) * 20;
  if (kind === 3) return u() < 0.5 ? 0 : u() * 1000;
  return u() < 0.7 ? -0 : 0;
}

describe('addP2', () => {
  it('gives the heights, positions and counts of the original P² update', () => {
    const cells = 400;
    const fast = createP2Cells(cells);
    const slow = reference.createP2Cells(cells);
    const u = uniform(11);
    for (let run = 0; run < 300; run++) {
      for (let c = 0; c < cells; c++) {
        const v = dailyValue(u, c + run * (c % 7 === 0 ? 1 : 0));
        addP2(fast, c, v);
        reference.addP2(slow, c, v);
      }
    }
    expect(fast.counts).toEqual(slow.counts);
    expect(fast.positions).toEqual(slow.positions);
    expect(Array.from(fast.heights, (h, i) => Object.is(h, slow.heights[i]) || h === slow.heights[i])).not.toContain(false);
  });
});

describe('SeriesSketch', () => {
  it('matches one reference sketch per cell, started from the same kept runs', () => {
    const sections = [300, 120, 30];
    const cells = sections.reduce((a, b) => a + b);
    const u = uniform(5);
    const run = () => sections.map((length, s) => Float64Array.from({ length }, (_, i) => dailyValue(u, i + s)));
    const kept = Array.from({ length: 11 }, run);
    const sketch = new SeriesSketch(kept, cells);
    const ref = reference.createP2Cells(cells);
    const sums = new Float64Array(cells);
    let cell = 0;
    for (let s = 0; s < sections.length; s++) {
      for (let i = 0; i < sections[s]; i++, cell++) {
        const values = kept.map((r) => r[s][i]).filter((v) => !Number.isNaN(v));
        for (const v of values) sums[cell] += v;
        reference.initP2Cell(ref, cell, Float64Array.from(values).sort());
      }
    }
    for (let r = 0; r < 200; r++) {
      const next = run();
      sketch.add(next);
      let c = 0;
      for (const array of next) for (const v of array) {
        if (!Number.isNaN(v)) sums[c] += v;
        reference.addP2(ref, c++, v);
      }
    }
    for (let c = 0; c < cells; c++) {
      expect(sketch.count(c)).toBe(ref.counts[c]);
      expect(sketch.sums[c]).toBe(sums[c]);
      for (const marker of [P2_P05, P2_P50, P2_P95]) {
        // The reference's estimate: its heights once it has 9 values (every cell here has).
        expect(sketch.quantile(c, marker) === ref.heights[c * 9 + marker], `cell ${c} marker ${marker}`).toBe(true);
      }
    }
  });

  it('keeps cells that never change constant and reads their value back', () => {
    const kept = Array.from({ length: 10 }, () => [new Float64Array([0, 7, 1]), new Float64Array([NaN])]);
    kept[3][0][2] = 2;
    const sketch = new SeriesSketch(kept, 4);
    sketch.add([new Float64Array([0, 7, 1]), new Float64Array([NaN])]);
    expect([sketch.count(0), sketch.quantile(0, P2_P50), sketch.count(1), sketch.quantile(1, P2_P95), sketch.count(3)]).toEqual([11, 0, 11, 7, 0]);
    const single = createP2Cells(1);
    initP2Cell(single, 0, [1, 1, 1, 1, 1, 1, 1, 1, 1, 2]);
    addP2(single, 0, 1);
    expect(sketch.quantile(2, P2_P50)).toBe(p2Quantile(single, 0, P2_P50));
  });

  it('seeds and adds in steps of a few cells, across section ends, to the same bits as in one go', () => {
    const sections = [50, 23, 9];
    const cells = sections.reduce((a, b) => a + b);
    const u = uniform(9);
    const run = () => sections.map((length, s) => Float64Array.from({ length }, (_, i) => dailyValue(u, i + s)));
    const kept = Array.from({ length: 11 }, run);
    const later = Array.from({ length: 30 }, run);
    const whole = new SeriesSketch(kept, cells);
    const stepped = new SeriesSketch(kept, cells, true);
    expect(() => stepped.addSteps(later[0], 7).next()).toThrow(/before every cell is seeded/);
    expect([...stepped.seedSteps(7)].length).toBe(Math.ceil(cells / 7) - 1);
    for (const next of later) {
      whole.add(next);
      for (const step of stepped.addSteps(next, 13)) void step;
    }
    const state = (s: SeriesSketch) =>
      Array.from({ length: cells }, (_, c) => [s.count(c), s.sums[c], s.quantile(c, P2_P05), s.quantile(c, P2_P50), s.quantile(c, P2_P95)]);
    expect(state(stepped)).toEqual(state(whole));
  });
});

