// --until-ci beyond `run`: compare stops at the first pair count (≥ runs) whose paired difference
// intervals are narrow enough, sweep at each point's own first run count, both decided in
// replicate order (same result for 1 and 2 threads); and the bootstrap interval of the
// adaptation lag, deterministic and exact when every run is the same.
import { describe, expect, it } from 'vitest';
import { adaptationLag } from '../../src/run/adaptationLag.js';
import { adaptationLagInterval, ExitCrossings } from '../../src/run/adaptationLagInterval.js';
import { runComparison } from '../../src/run/compare.js';
import { executeReplicates, type ReplicateJob } from '../../src/run/executor.js';
import { applyOverride, parseAxis } from '../../src/run/overrides.js';
import { buildSweepCsv, gridPoints, runSweep } from '../../src/run/sweep.js';
import { parseCiTarget } from '../../src/run/untilCi.js';
import { compileScenario } from '../../src/scenarios/compile.js';
import type { ReplicateResult } from '../../src/model/result.js';
import { threeExitsScenario } from '../fixtures/scenarios.js';

const base = threeExitsScenario();
const baseline = compileScenario(base);
const variant = compileScenario({
  ...base,
  id: 'crackdown',
  events: [{ id: 'middle-crackdown', date: '2020-02-01', label: 'crackdown', border: 'XM-XB', set: { detection: 0.9, pushback: 0.95 } }],
});
const width = (s: { ciLow: number | null; ciHigh: number | null }) => (s.ciHigh as number) - (s.ciLow as number);

describe('compare --until-ci', () => {
  it('stops at the first pair count whose paired interval is narrow enough, for any thread count', async () => {
    const untilCi = [parseCiTarget('borders.XN-XB.crossings=4%')];
    const options = { runs: 3, seed: 5, untilCi, maxRuns: 60 };
    const one = await runComparison(baseline, variant, { ...options, threads: 1 });
    const two = await runComparison(baseline, variant, { ...options, threads: 2 });
    expect(one.stoppedBy).toBe('until-ci');
    expect(JSON.stringify(two.comparison)).toBe(JSON.stringify(one.comparison));
    const n = one.comparison.runs;
    expect(n).toBeGreaterThan(3);
    const met = (c: typeof one.comparison) => {
      const d = c.borders['XN-XB'].crossings.difference;
      return width(d) <= 0.04 * Math.abs(d.mean as number);
    };
    expect(met(one.comparison)).toBe(true);
    // One pair fewer, as a fixed batch, was not narrow enough (rounding aside: 6 significant digits).
    const fewer = await runComparison(baseline, variant, { runs: n - 1, seed: 5, threads: 1 });
    expect(met(fewer.comparison)).toBe(false);
    // The same pairs as a fixed batch give the same comparison.
    const fixed = await runComparison(baseline, variant, { runs: n, seed: 5, threads: 2 });
    expect(JSON.stringify(fixed.comparison)).toBe(JSON.stringify(one.comparison));
  });

  it('ends at maxRuns when the target is out of reach, and refuses metrics comparison.json does not have', async () => {
    const untilCi = [parseCiTarget('borders.XN-XB.crossings=0.0001')];
    const out = await runComparison(baseline, variant, { runs: 2, seed: 1, threads: 2, untilCi, maxRuns: 4 });
    expect([out.stoppedBy, out.comparison.runs]).toEqual(['max-runs', 4]);
    const countries = [parseCiTarget('countries.XB.presentEnd=10')];
    await expect(runComparison(baseline, variant, { runs: 2, seed: 1, untilCi: countries })).rejects.toThrow(/no metric "countries.XB.presentEnd" in comparison.json/);
  });
});

describe('sweep --until-ci', () => {
  const grid = gridPoints([parseAxis('borders.XM-XB.detection=0.1,0.9')]);
  const points = grid.map((point) => compileScenario(point.reduce((s, o) => applyOverride(s, o), base)));
  const untilCi = [parseCiTarget('borders.XM-XB.crossings=20%')];

  it('runs each point until its own interval is narrow enough, the same for 1 and 2 threads', async () => {
    const one = await runSweep(points, { runs: 3, seed: 2, threads: 1, untilCi, maxRuns: 80 });
    const two = await runSweep(points, { runs: 3, seed: 2, threads: 2, untilCi, maxRuns: 80 });
    const csv = (result: typeof one) => buildSweepCsv(['borders.XM-XB.detection'], grid, result);
    expect(csv(two)).toBe(csv(one));
    expect(one.stoppedBy).toEqual(['until-ci', 'until-ci']);
    for (const [p, acc] of one.entries()) {
      const stats = acc.statsAt(acc.layout.index.get('borders.XM-XB.crossings') as number);
      expect(width(stats), `point ${p}`).toBeLessThanOrEqual(0.2 * (stats.mean as number));
      if (acc.runs === 3) continue;
      // A fixed batch of one run fewer misses the target.
      const fewer = (await runSweep([points[p]], { runs: acc.runs - 1, seed: 2 }))[0];
      const f = fewer.statsAt(fewer.layout.index.get('borders.XM-XB.crossings') as number);
      expect(width(f)).toBeGreaterThan(0.2 * (f.mean as number));
    }
    // The hard-guarded point has fewer, noisier crossings on the middle exit: it needs more runs.
    expect(one[1].runs).toBeGreaterThan(one[0].runs);
  });
});

describe('adaptation lag interval', () => {
  // Two exits over 20 days; the variant's target share falls from 0.5 to 0.1 over days 5–9.
  const days = 20;
  const compiledLike = { days, network: { borderIds: ['A', 'B'], borderIsExit: Uint8Array.of(1, 1) } } as never;
  const result = (share: (d: number) => number): ReplicateResult => {
    const borderDaily = new Float64Array(14 * 2 * days);
    const offset = 1 * 2 * days; // crossings are BORDER_METRICS[1]
    for (let d = 0; d < days; d++) {
      borderDaily[offset + d] = 100 * share(d);
      borderDaily[offset + days + d] = 100 * (1 - share(d));
    }
    return { replicate: 0, days, borders: 2, countries: 0, borderDaily, countryDaily: new Float64Array(0), totalDaily: new Float64Array(0), scalars: new Float64Array(0) };
  };
  const input = { days, borderIsExit: Uint8Array.of(1, 1), target: 0, startDay: 5 };
  const falling = (from: number) => (d: number) => (d < from ? 0.5 : d >= from + 4 ? 0.1 : 0.5 - 0.1 * (d - from + 1));

  it('is a single day when every run is the same, and spreads when runs differ; the same again for the same seed', () => {
    const same = new ExitCrossings(compiledLike);
    for (let r = 0; r < 6; r++) {
      same.add(0, result(() => 0.5));
      same.add(1, result(falling(5)));
    }
    const tight = adaptationLagInterval(same, input, 1);
    expect(tight.ciLow).toBe(tight.ciHigh);
    expect([tight.samples, tight.notReached]).toEqual([200, 0]);

    const mixed = new ExitCrossings(compiledLike);
    for (let r = 0; r < 6; r++) {
      mixed.add(0, result(() => 0.5));
      mixed.add(1, result(falling(5 + 2 * (r % 3))));
    }
    const wide = adaptationLagInterval(mixed, input, 1);
    expect(wide.ciHigh as number).toBeGreaterThan(wide.ciLow as number);
    expect(adaptationLagInterval(mixed, input, 1)).toEqual(wide);
  });

  it('recomputes the lag exactly as on the full arrays (one run: every resample is that run)', () => {
    for (const from of [5, 9, 12]) {
      const one = new ExitCrossings(compiledLike);
      one.add(0, result(() => 0.5));
      one.add(1, result(falling(from)));
      const late = { ...input, startDay: from };
      const full = adaptationLag({ ...late, baseline: result(() => 0.5).borderDaily.subarray(2 * days, 4 * days), variant: result(falling(from)).borderDaily.subarray(2 * days, 4 * days) });
      const interval = adaptationLagInterval(one, late, 3, 20);
      expect(full.lagDays).not.toBeNull();
      expect([interval.ciLow, interval.ciHigh]).toEqual([full.lagDays, full.lagDays]);
    }
  });

  it('is in comparison.json beside the lag', async () => {
    const { comparison } = await runComparison(baseline, variant, { runs: 6, seed: 5, threads: 1 });
    const lag = comparison.adaptationLag;
    expect(lag?.lagDays).not.toBeNull();
    const interval = lag?.lagDaysInterval;
    expect(interval?.samples).toBe(200);
    expect(interval?.ciLow as number).toBeLessThanOrEqual(interval?.ciHigh ?? Infinity);
    expect(interval?.ciLow as number).toBeLessThanOrEqual((lag?.lagDays as number) + 7);
  });
});

describe('executeReplicates with `wanted`', () => {
  const FAILING = new URL('../fixtures/workers/failing.mjs', import.meta.url);
  const jobs = function* (): Generator<ReplicateJob> {
    for (let replicate = 0; replicate < 6; replicate++) yield { scenario: 0, replicate };
  };

  it('drops the jobs no longer wanted, even when they fail, and goes on with the rest', async () => {
    // Replicates 2 and 3 throw in this worker; unwanted, their failures must not stop the batch.
    const seen: number[] = [];
    await executeReplicates([baseline], jobs(), (job) => void seen.push(job.replicate), {
      seed: 5,
      threads: 2,
      workerUrl: FAILING,
      wanted: (job) => job.replicate !== 2 && job.replicate !== 3,
    });
    expect(seen).toEqual([0, 1, 4, 5]);
    const wanted = executeReplicates([baseline], jobs(), () => undefined, { seed: 5, threads: 2, workerUrl: FAILING });
    await expect(wanted).rejects.toMatchObject({ replicate: 2 });
  });

  it('in-process, does not run them', async () => {
    const seen: number[] = [];
    await executeReplicates([baseline], jobs(), (job) => void seen.push(job.replicate), { seed: 5, wanted: (job) => job.replicate % 2 === 0 });
    expect(seen).toEqual([0, 2, 4]);
  });
});
