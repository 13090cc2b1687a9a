// Serial Monte Carlo orchestration: replicate order, progress, yielding to the event loop,
// cancellation, agent-step totals and error reporting. runReplicate is mocked, so these tests pin
// the orchestration only, not the kernel.
import { describe, expect, it, vi } from 'vitest';
import type { CompiledScenario } from '../../src/model/compiled.js';
import { RUN_SCALARS, type ReplicateResult } from '../../src/model/result.js';

import { ReplicateError, runMonteCarlo, runReplicates } from '../../src/run/monteCarlo.js';

const { runReplicate } = vi.hoisted(() => ({
  runReplicate: vi.fn<(compiled: CompiledScenario, seed: number, replicate: number) => ReplicateResult>(),
}));
vi.mock('../../src/model/runReplicate.js', () => ({ runReplicate }));

function fakeResult(replicate: number, agentSteps: number): ReplicateResult {
  const scalars = new Float64Array(RUN_SCALARS.length);
  scalars[RUN_SCALARS.indexOf('agentSteps')] = agentSteps;
  const empty = new Float64Array(0);
  return { replicate, days: 0, borders: 0, countries: 0, borderDaily: empty, countryDaily: empty, totalDaily: empty, scalars };
}

describe('runReplicates', () => {
  it('keeps replicate order, reports progress and sums agent steps', async () => {
    const progress: [number, number][] = [];
    const out = await runReplicates(3, (i) => fakeResult(i, 100 * (i + 1)), (done, total) => progress.push([done, total]));
    expect(out.results.map((r) => r.replicate)).toEqual([0, 1, 2]);
    expect(out.agentSteps).toBe(600);
    expect(progress).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
  });

  it('yields to the event loop between replicates', async () => {
    let ticked = false;
    const seen: boolean[] = [];
    setImmediate(() => (ticked = true));
    await runReplicates(2, (i) => {
      seen.push(ticked);
      return fakeResult(i, 0);
    });
    expect(seen).toEqual([false, true]);
  });

  it('stops between replicates when the signal aborts', async () => {
    const controller = new AbortController();
    const calls: number[] = [];
    const run = runReplicates(
      5,
      (i) => {
        calls.push(i);
        return fakeResult(i, 0);
      },
      (done) => done === 2 && controller.abort(new Error('stop')),
      controller.signal,
    );
    await expect(run).rejects.toThrow('stop');
    expect(calls).toEqual([0, 1]);
  });

  it('rejects a run count that is not a positive integer', async () => {
    await expect(runReplicates(0, (i) => fakeResult(i, 0))).rejects.toThrow(RangeError);
    await expect(runReplicates(2.5, (i) => fakeResult(i, 0))).rejects.toThrow(RangeError);
  });
});

describe('runMonteCarlo', () => {
  const compiled = { id: 'fake' } as CompiledScenario;

  it('calls runReplicate(compiled, seed, i) for i = 0..runs−1, reusing no arrays (it keeps every result)', async () => {
    runReplicate.mockReset().mockImplementation((_c, _s, i) => fakeResult(i, 10));
    const out = await runMonteCarlo(compiled, { runs: 3, seed: 7 });
    expect(runReplicate.mock.calls).toEqual([
      [compiled, 7, 0, undefined],
      [compiled, 7, 1, undefined],
      [compiled, 7, 2, undefined],
    ]);
    expect(out.agentSteps).toBe(30);
  });

  it('names the replicate and seed of a failure', async () => {
    runReplicate.mockReset().mockImplementation((_c, _s, i) => {
      if (i === 1) throw new Error('boom');
      return fakeResult(i, 0);
    });
    const run = runMonteCarlo(compiled, { runs: 3, seed: 7 });
    await expect(run).rejects.toBeInstanceOf(ReplicateError);
    await expect(run).rejects.toMatchObject({ replicate: 1, seed: 7, message: 'replicate 1 (seed 7) failed: boom' });
  });
});
