// End to end through the real kernel: runMonteCarlo on a tiny three-exit scenario, then
// summary.json and series.csv. Same scenario, seed and runs must give the same bytes; exit shares
// of a run sum to one.
import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/scenarios/compile.js';
import { runMonteCarlo } from '../../src/run/monteCarlo.js';
import { buildSeriesCsv } from '../../src/run/series.js';
import { buildSummary } from '../../src/run/summary.js';
import { threeExitsScenario } from '../fixtures/scenarios.js';

describe('Monte Carlo → summary and series', () => {
  const compiled = compileScenario(threeExitsScenario());

  async function outputs(seed: number): Promise<{ json: string; csv: string; agentSteps: number }> {
    const { results, agentSteps } = await runMonteCarlo(compiled, { runs: 3, seed });
    return {
      json: JSON.stringify(buildSummary(compiled, results, { seed, runs: 3 }), null, 2),
      csv: buildSeriesCsv(compiled, results),
      agentSteps,
    };
  }

  it('same seed → identical bytes; another seed → different numbers', async () => {
    const a = await outputs(7);
    const b = await outputs(7);
    expect(b.json).toBe(a.json);
    expect(b.csv).toBe(a.csv);
    expect(a.agentSteps).toBeGreaterThan(0);
    expect((await outputs(8)).json).not.toBe(a.json);
  });

  it('exit shares over the exit borders have means summing to one', async () => {
    const { results } = await runMonteCarlo(compiled, { runs: 2, seed: 3 });
    const summary = buildSummary(compiled, results, { seed: 3, runs: 2 });
    const exits = compiled.network.borderIds.filter((_, b) => compiled.network.borderIsExit[b] === 1);
    expect(exits.length).toBeGreaterThan(1);
    const total = exits.reduce((s, id) => s + (summary.borders[id].exitShare?.mean ?? 0), 0);
    expect(total).toBeCloseTo(1, 5);
  });
});
