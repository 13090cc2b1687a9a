// Reusing a finished replicate's daily arrays (src/run/dailyArrayPool.ts): a replicate written
// into dirty arrays gives the same values as one with fresh arrays; arrays of the wrong size,
// detached or beyond the pool's capacity are not reused; and batches that recycle (beyond the
// series' exact window, in-process and on worker threads, daily and weekly) give the same
// summary.json and series.csv bytes as the batch builders over results that were never reused.
import { describe, expect, it } from 'vitest';
import type { ReplicateResult } from '../../src/model/result.js';
import { runReplicate } from '../../src/model/runReplicate.js';
import { DailyArrayPool, isShared } from '../../src/run/dailyArrayPool.js';
import { executeReplicates, type ReplicateJob } from '../../src/run/executor.js';
import { runComparison } from '../../src/run/compare.js';
import { aggregateMonteCarlo, runMonteCarlo } from '../../src/run/monteCarlo.js';
import { runSweep } from '../../src/run/sweep.js';
import { buildSeriesCsv } from '../../src/run/series.js';
import { buildSummary } from '../../src/run/summary.js';
import { compileScenario } from '../../src/scenarios/compile.js';
import { smugglerScenario, threeExitsScenario } from '../fixtures/scenarios.js';

const compiled = compileScenario(threeExitsScenario());

function dirty(length: number): Float64Array {
  return Float64Array.from({ length }, (_, i) => (i % 7) - 3.5);
}

describe('runReplicate with reused daily arrays', () => {
  it('overwrites dirty arrays in place and gives the values of fresh ones', () => {
    const smuggled = compileScenario(smugglerScenario());
    for (const c of [compiled, smuggled]) {
      const fresh = runReplicate(c, 9, 2);
      const reuse = {
        borderDaily: dirty(fresh.borderDaily.length),
        countryDaily: dirty(fresh.countryDaily.length),
        totalDaily: dirty(fresh.totalDaily.length),
      };
      const again = runReplicate(c, 9, 2, reuse);
      expect(again.borderDaily).toBe(reuse.borderDaily);
      expect(again.countryDaily).toBe(reuse.countryDaily);
      expect(again.totalDaily).toBe(reuse.totalDaily);
      expect(again.borderDaily).toEqual(fresh.borderDaily);
      expect(again.countryDaily).toEqual(fresh.countryDaily);
      expect(again.totalDaily).toEqual(fresh.totalDaily);
      expect(again.scalars).toEqual(fresh.scalars);
    }
  });

  it('ignores arrays of another length and views into a larger buffer', () => {
    const fresh = runReplicate(compiled, 9, 0);
    const wrong = new Float64Array(fresh.borderDaily.length + 1);
    const view = new Float64Array(fresh.countryDaily.length + 8).subarray(8);
    const again = runReplicate(compiled, 9, 0, { borderDaily: wrong, countryDaily: view, totalDaily: dirty(fresh.totalDaily.length) });
    expect(again.borderDaily).not.toBe(wrong);
    expect(again.countryDaily).not.toBe(view);
    expect(wrong.every((v) => v === 0)).toBe(true);
    expect(again.borderDaily).toEqual(fresh.borderDaily);
    expect(again.countryDaily).toEqual(fresh.countryDaily);
    expect(again.totalDaily).toEqual(fresh.totalDaily);
  });
});

describe('DailyArrayPool', () => {
  const set = () => ({ borderDaily: new Float64Array(4), countryDaily: new Float64Array(2), totalDaily: new Float64Array(1) });

  it('hands back released sets, at most `capacity` of them', () => {
    const pool = new DailyArrayPool(2);
    const [a, b, c] = [set(), set(), set()];
    pool.release(a);
    pool.release(b);
    pool.release(c);
    expect(pool.size).toBe(2);
    expect(pool.take()?.borderDaily).toBe(b.borderDaily);
    expect(pool.take()?.borderDaily).toBe(a.borderDaily);
    expect(pool.take()).toBeUndefined();
    expect(() => new DailyArrayPool(0)).toThrow(/capacity/);
  });

  it('does not keep arrays whose buffers were transferred away', () => {
    const pool = new DailyArrayPool(2);
    const s = set();
    const buffers = [s.borderDaily.buffer, s.countryDaily.buffer, s.totalDaily.buffer];
    structuredClone(buffers, { transfer: buffers });
    pool.release(s);
    expect(pool.size).toBe(0);
  });
});

describe('batches that recycle daily arrays', () => {
  const runs = 7;
  const seed = 13;
  function* jobs(): Generator<ReplicateJob> {
    for (let replicate = 0; replicate < runs; replicate++) yield { scenario: 0, replicate };
  }

  it('in-process, the next replicate writes into the arrays released by the last', async () => {
    const arrays = new DailyArrayPool(2);
    const seen: Float64Array[] = [];
    await executeReplicates([compiled], jobs(), (_, r) => void (seen.push(r.borderDaily), arrays.release(r)), { seed, arrays });
    expect(new Set(seen).size).toBe(1);
  });

  it('on worker threads, results are shared, not transferred, and released arrays are written again', async () => {
    const arrays = new DailyArrayPool(8);
    const released: { view: Float64Array; copy: Float64Array }[] = [];
    const consume = (_: ReplicateJob, r: ReplicateResult) => {
      expect(r.borderDaily.buffer).toBeInstanceOf(SharedArrayBuffer);
      // The test keeps a view, against the promise made to the pool, to see the memory overwritten.
      released.push({ view: r.borderDaily, copy: r.borderDaily.slice() });
      arrays.release(r);
    };
    await executeReplicates([compiled], jobs(), consume, { seed, threads: 2, arrays });
    const overwritten = released.filter(({ view, copy }) => view.some((v, i) => v !== copy[i]));
    // Results of the last tasks are released after every task has started; the rest are reused.
    expect(overwritten.length).toBeGreaterThanOrEqual(runs - 4);
    expect(isShared({ borderDaily: new Float64Array(1), countryDaily: new Float64Array(1), totalDaily: new Float64Array(1) })).toBe(false);
  });

  it.each([
    ['day', 1],
    ['day', 2],
    ['week', 2],
  ] as const)('give the bytes of never-reused results (%s, %i thread(s))', async (resolution, threads) => {
    const series = { exactRuns: 2, resolution };
    const batch = await aggregateMonteCarlo(compiled, { runs, seed, threads, series });
    const { results } = await runMonteCarlo(compiled, { runs, seed, threads: 1 });
    const meta = { seed, runs };
    expect(JSON.stringify(batch.summary.summary(meta))).toBe(JSON.stringify(buildSummary(compiled, results, meta)));
    expect(batch.series?.toCsv()).toBe(buildSeriesCsv(compiled, results, series));
  });

  it('compare and sweep, which reuse arrays too, give the statistics of never-reused results', async () => {
    const variant = compileScenario({ ...threeExitsScenario(), seed: 1 });
    const { results } = await runMonteCarlo(compiled, { runs, seed, threads: 1 });
    const reference = buildSummary(compiled, results, { seed, runs });
    for (const threads of [1, 2]) {
      const { comparison } = await runComparison(compiled, variant, { runs, seed, threads });
      expect(comparison.totals.crossings.baseline).toEqual(reference.totals.crossings);
      expect(comparison.totals.arrivals.baseline).toEqual(reference.totals.arrivals);
      const [point] = await runSweep([compiled], { runs, seed, threads });
      expect(JSON.stringify(point.summary({ seed, runs }))).toBe(JSON.stringify(reference));
    }
  });
});

