// Replicates on worker threads: the same bytes for 1, 2 and 3 threads, results delivered in
// replicate order, the lowest failing replicate reported with its seed, a crashed or unloadable
// worker reported without hanging, an asynchronous consumer awaited before the next result, and
// Ctrl-C (abort) stopping the workers.
//
// These tests start real worker threads running the TypeScript sources (src/workers/pool.ts loads
// them through typescriptHooks.mjs), on the small three-exit fixture so they stay fast on 2 cores.
import { describe, expect, it } from 'vitest';
import type { CompiledScenario } from '../../src/model/compiled.js';
import { executeReplicates, nextMacrotask } from '../../src/run/executor.js';
import { aggregateMonteCarlo, ReplicateError, runMonteCarlo } from '../../src/run/monteCarlo.js';
import { buildSeriesCsv } from '../../src/run/series.js';
import { buildSummary } from '../../src/run/summary.js';
import { parseCiTarget } from '../../src/run/untilCi.js';
import { compileScenario } from '../../src/scenarios/compile.js';
import { threeExitsScenario } from '../fixtures/scenarios.js';

const compiled = compileScenario(threeExitsScenario());
const FAILING = new URL('../fixtures/workers/failing.mjs', import.meta.url);
const BROKEN = new URL('../fixtures/workers/brokenAtStart.mjs', import.meta.url);

async function outputs(threads: number) {
  const batch = await aggregateMonteCarlo(compiled, { runs: 5, seed: 11, threads });
  return { summary: JSON.stringify(batch.summary.summary({ seed: 11, runs: 5 }), null, 2), series: batch.series?.toCsv() };
}

describe('parallel replicates', () => {
  it('summary.json and series.csv are byte-identical for 1, 2 and 3 threads', async () => {
    const one = await outputs(1);
    const two = await outputs(2);
    const three = await outputs(3);
    expect(two.summary).toBe(one.summary);
    expect(three.summary).toBe(one.summary);
    expect(two.series).toBe(one.series);
    expect(three.series).toBe(one.series);
    // …and equal to the batch builders over the kept results.
    const { results } = await runMonteCarlo(compiled, { runs: 5, seed: 11, threads: 2 });
    expect(results.map((r) => r.replicate)).toEqual([0, 1, 2, 3, 4]);
    expect(JSON.stringify(buildSummary(compiled, results, { seed: 11, runs: 5 }), null, 2)).toBe(one.summary);
    expect(buildSeriesCsv(compiled, results)).toBe(one.series);
  });

  it('--until-ci stops at the same run count, with the same bytes, for any thread count', async () => {
    const untilCi = [parseCiTarget('totals.arrivals=25%')];
    const serial = await aggregateMonteCarlo(compiled, { runs: 3, seed: 4, threads: 1, untilCi, maxRuns: 40, series: false });
    const parallel = await aggregateMonteCarlo(compiled, { runs: 3, seed: 4, threads: 2, untilCi, maxRuns: 40, series: false });
    expect(serial.stoppedBy).toBe('until-ci');
    expect(parallel.runs).toBe(serial.runs);
    const meta = { seed: 4, runs: serial.runs };
    expect(JSON.stringify(parallel.summary.summary(meta))).toBe(JSON.stringify(serial.summary.summary(meta)));
    const { ciLow, ciHigh, mean } = serial.summary.summary(meta).totals.arrivals;
    expect((ciHigh as number) - (ciLow as number)).toBeLessThanOrEqual(0.25 * (mean as number) * 1.0001);
  });

  it('stops at --max-runs when the interval never gets that narrow', async () => {
    const untilCi = [parseCiTarget('totals.arrivals=0.000001')];
    const batch = await aggregateMonteCarlo(compiled, { runs: 2, seed: 4, threads: 2, untilCi, maxRuns: 4, series: false });
    expect([batch.runs, batch.stoppedBy]).toEqual([4, 'max-runs']);
  });

  it('a replicate that throws in a worker is reported with its index and seed', async () => {
    // A compiled scenario whose destination is not a node: the kernel throws in every replicate,
    // and the error names the lowest one, whichever thread finished first.
    const broken = { ...compiled, destinations: Int32Array.of(999) } as CompiledScenario;
    const run = runMonteCarlo(broken, { runs: 4, seed: 9, threads: 2 });
    await expect(run).rejects.toBeInstanceOf(ReplicateError);
    await expect(run).rejects.toMatchObject({ replicate: 0, seed: 9, message: expect.stringMatching(/^replicate 0 \(seed 9\) failed: .*999/) });
  });

  it('reports the lowest failing replicate after delivering the ones before it', async () => {
    const delivered: number[] = [];
    const run = runMonteCarlo(compiled, {
      runs: 6,
      seed: 5,
      threads: 2,
      workerUrl: FAILING,
      onProgress: (done) => delivered.push(done),
    });
    await expect(run).rejects.toMatchObject({ replicate: 2, seed: 5, message: 'replicate 2 (seed 5) failed: injected failure in replicate 2' });
    expect(delivered.length).toBeGreaterThanOrEqual(2);
  });

  it('a worker that crashes is reported as the failure of its replicate, and the pool does not hang', async () => {
    const run = runMonteCarlo(compiled, { runs: 2, seed: 13, threads: 2, workerUrl: FAILING });
    await expect(run).rejects.toMatchObject({ replicate: 1, seed: 13, message: expect.stringMatching(/exited with code: 3/) });
  });

  it('a worker that cannot even start fails the batch instead of hanging it', async () => {
    const run = runMonteCarlo(compiled, { runs: 3, seed: 1, threads: 2, workerUrl: BROKEN });
    await expect(run).rejects.toThrow(/cannot start/);
  });

  it('abort stops the workers promptly and rejects with the reason', async () => {
    const controller = new AbortController();
    const reason = new Error('interrupted');
    let abortedAt = 0;
    const run = runMonteCarlo(compiled, {
      runs: 200,
      seed: 2,
      threads: 2,
      signal: controller.signal,
      onProgress: (done) => {
        if (done === 2) {
          abortedAt = performance.now();
          controller.abort(reason);
        }
      },
    });
    await expect(run).rejects.toBe(reason);
    // Workers are terminated, not drained: far less than the ~198 replicates still to run.
    expect(performance.now() - abortedAt).toBeLessThan(2000);
  });

  it('awaits an asynchronous consumer before delivering the next result, and stops when it resolves to false', async () => {
    const events: string[] = [];
    const jobs = Array.from({ length: 8 }, (_, replicate) => ({ scenario: 0, replicate }));
    await executeReplicates([compiled], jobs, async (job) => {
      events.push(`start ${job.replicate}`);
      for (let i = 0; i < 3; i++) await nextMacrotask();
      events.push(`end ${job.replicate}`);
      return job.replicate < 4;
    }, { seed: 3, threads: 2 });
    expect(events).toEqual([0, 1, 2, 3, 4].flatMap((r) => [`start ${r}`, `end ${r}`]));
  });
});
