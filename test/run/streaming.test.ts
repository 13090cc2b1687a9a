// Streaming aggregation pieces: the Student t quantile behind every 95% interval, the P² quantile
// sketch series.csv switches to beyond its exact bound, and the --until-ci parser.
import { describe, expect, it } from 'vitest';
import { addP2, createP2Cells, initP2Cell, p2Quantile, P2_P05, P2_P50, P2_P95 } from '../../src/run/p2Quantiles.js';
import { SeriesAccumulator } from '../../src/run/series.js';
import { describe as describeValues, quantileSorted } from '../../src/run/stats.js';
import { tCritical95 } from '../../src/run/studentT.js';
import { parseCiTarget } from '../../src/run/untilCi.js';
import { compileScenario } from '../../src/scenarios/compile.js';
import { runMonteCarlo } from '../../src/run/monteCarlo.js';
import { lineScenario } from '../fixtures/scenarios.js';

describe('tCritical95', () => {
  it('matches the t table (two-sided 95%)', () => {
    const table: [number, number][] = [[1, 12.7062], [2, 4.30265], [3, 3.18245], [9, 2.26216], [30, 2.04227], [100, 1.98397], [1000, 1.96234]];
    for (const [df, t] of table) expect(tCritical95(df)).toBeCloseTo(t, 4);
  });

  it('gives mean ± t·sd/√n in describe', () => {
    const s = describeValues([1, 2, 3, 4]);
    const half = (tCritical95(3) * (s.sd as number)) / 2;
    expect([s.ciLow, s.ciHigh]).toEqual([2.5 - half, 2.5 + half]);
  });
});

/** A deterministic pseudo-random sequence (LCG) for sketch tests. */
function sequence(n: number, seed: number, shape: (u: number) => number): number[] {
  let x = seed;
  return Array.from({ length: n }, () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return shape(x / 2147483648);
  });
}

describe('P² sketch', () => {
  it('is exact while it has fewer than 9 values, then tracks the quantiles of a skewed sample', () => {
    const p = createP2Cells(1);
    for (const v of [5, 1, 4]) addP2(p, 0, v);
    expect([p2Quantile(p, 0, P2_P05), p2Quantile(p, 0, P2_P50), p2Quantile(p, 0, P2_P95)]).toEqual([1.3, 4, 4.9]);
    const values = sequence(2000, 7, (u) => -Math.log(1 - u) * 100); // exponential, mean 100
    const q = createP2Cells(1);
    for (const v of values) addP2(q, 0, v);
    const sorted = Float64Array.from(values).sort();
    for (const [marker, prob] of [[P2_P05, 0.05], [P2_P50, 0.5], [P2_P95, 0.95]] as const) {
      expect(Math.abs(p2Quantile(q, 0, marker) - quantileSorted(sorted, prob))).toBeLessThan(0.05 * 100);
    }
  });

  it('can start from a sorted batch and skips NaN', () => {
    const values = sequence(300, 3, (u) => u);
    const p = createP2Cells(2);
    initP2Cell(p, 1, Float64Array.from(values.slice(0, 100)).sort());
    for (const v of values.slice(100)) addP2(p, 1, v);
    addP2(p, 1, NaN);
    expect(p.counts[1]).toBe(300);
    expect(p2Quantile(p, 1, P2_P50)).toBeCloseTo(0.5, 1);
    expect(p2Quantile(p, 0, P2_P50)).toBeNaN();
  });

  it('series.csv: exact means and close quantiles once past the exact bound; the same bytes for the same input', async () => {
    const compiled = compileScenario(lineScenario(600));
    const { results } = await runMonteCarlo(compiled, { runs: 16, seed: 2 });
    const csv = (exactRuns: number) => {
      const acc = new SeriesAccumulator(compiled, { exactRuns });
      results.forEach((r) => acc.add(r));
      return { csv: acc.toCsv(), estimated: acc.estimated };
    };
    const exact = csv(100);
    const sketched = csv(10);
    expect([exact.estimated, sketched.estimated]).toEqual([false, true]);
    expect(csv(10).csv).toBe(sketched.csv);
    const rows = (text: string) => text.trimEnd().split('\n').slice(1).map((l) => l.split(','));
    const a = rows(exact.csv);
    const b = rows(sketched.csv);
    expect(b.map((r) => r.slice(0, 4))).toEqual(a.map((r) => r.slice(0, 4))); // keys and means identical
    // Quantiles stay within the observed range of the exact ones.
    for (let i = 0; i < a.length; i++) {
      if (a[i][4] === '') continue;
      expect(Number(b[i][5]), `${a[i]} / ${b[i]}`).toBeGreaterThanOrEqual(Number(a[i][4]) - 1e-9);
      expect(Number(b[i][5])).toBeLessThanOrEqual(Number(a[i][6]) + 1e-9);
    }
  });
});

describe('parseCiTarget', () => {
  it('reads absolute and relative widths', () => {
    expect(parseCiTarget('totals.arrivals=500')).toMatchObject({ path: 'totals.arrivals', width: 500, relative: false });
    expect(parseCiTarget('borders.RS-HU.crossings=5%')).toMatchObject({ path: 'borders.RS-HU.crossings', width: 0.05, relative: true });
    for (const bad of ['totals.arrivals', '=5', 'totals.arrivals=-1', 'totals.arrivals=x%']) expect(() => parseCiTarget(bad)).toThrow(/metric=width/);
  });
});
