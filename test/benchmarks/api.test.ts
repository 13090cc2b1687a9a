// The benchmark evaluation API (src/benchmarks): CRPS, coverage and ARD on cases worked by hand;
// patterns on a toy crackdown that satisfies them, failing when an override removes the crackdown;
// arms with common random numbers; one replicate still gives a finite distance; the train/test split.
import { describe, expect, it } from 'vitest';
import { benchmarkArms, compileArms, evaluateBenchmarks, observer, parseBenchmarks, scoreRuns } from '../../src/benchmarks/index.js';
import { covered, crpsEnsemble } from '../../src/benchmarks/crps.js';
import { replicateArd, scoreSeries } from '../../src/benchmarks/seriesScore.js';
import { runReplicate } from '../../src/model/runReplicate.js';
import { applyOverrides, parseOverride } from '../../src/run/overrides.js';
import { toyBenchmarks, toyScenario } from '../fixtures/benchmarks.js';

describe('CRPS and coverage', () => {
  it('matches hand-computed values', () => {
    expect(crpsEnsemble([1], 3)).toBe(2);
    // E|X−1| = 1, E|X−X'| = (0 + 2 + 2 + 0)/4 = 1: 1 − 0.5
    expect(crpsEnsemble([0, 2], 1)).toBeCloseTo(0.5, 12);
    // E|X−2| = 2/3, Σ|xi−xj| = 8 over 9 pairs: 2/3 − 4/9
    expect(crpsEnsemble([3, 1, 2], 2)).toBeCloseTo(2 / 9, 12);
    expect(crpsEnsemble([5, 5, 5], 5)).toBe(0);
    expect(crpsEnsemble([NaN, 4], 1)).toBe(3);
    expect(Number.isNaN(crpsEnsemble([NaN], 1))).toBe(true);
  });

  it('covers an observation inside the p05–p95 band only', () => {
    const ensemble = Array.from({ length: 21 }, (_, i) => i); // p05 = 1, p95 = 19
    expect(covered(ensemble, 1)).toBe(true);
    expect(covered(ensemble, 19)).toBe(true);
    expect(covered(ensemble, 0.5)).toBe(false);
    expect(covered(ensemble, 19.5)).toBe(false);
    expect(covered([], 1)).toBe(null);
  });
});

describe('series ARD', () => {
  it('raw and rescaled by hand', () => {
    // Observed 100, 300; replicate 0 simulates 50, 150 (half: raw (0.5 + 0.5)/2, rescaled 0);
    // replicate 1 simulates 200, 200 (raw (1 + 1/3)/2; scale 1: same).
    const points = [
      { label: 'a', end: '2020-01-31', observed: 100, ensemble: [50, 200] },
      { label: 'b', end: '2020-02-29', observed: 300, ensemble: [150, 200] },
    ];
    const ard = replicateArd(points, 2);
    expect(ard.raw[0]).toBeCloseTo(0.5, 12);
    expect(ard.rescaled[0]).toBeCloseTo(0, 12);
    expect(ard.raw[1]).toBeCloseTo(2 / 3, 12);
    expect(ard.rescaled[1]).toBeCloseTo(2 / 3, 12);
    const s = scoreSeries(points);
    expect(s.errors.ardRaw).toBeCloseTo((0.5 + 2 / 3) / 2, 12);
    // CRPS point a: E|X−100| = 75, ½E|X−X'| = ½(150 + 150)/4 = 37.5 → 37.5;
    // point b: E|X−300| = 125, ½E|X−X'| = ½(50 + 50)/4 = 12.5 → 112.5
    expect(s.points.map((p) => p.crps)).toEqual([37.5, 112.5]);
    expect(s.errors.crps).toBe(75);
    expect(s.errors.crpsRelative).toBeCloseTo((37.5 / 100 + 112.5 / 300) / 2, 12);
    expect(s.distance).toBe(s.errors.crpsRelative);
  });
});

describe('patterns on a toy crackdown', () => {
  it('resolves arms: the scenario as given, then one per monotone value', () => {
    const b = parseBenchmarks(toyBenchmarks(), toyScenario(), 'toy.json');
    expect(benchmarkArms(b).map((arm) => arm.map((o) => o.text))).toEqual([
      [],
      ['events.middle-crackdown.set.detection=0.3'],
      ['events.middle-crackdown.set.detection=0.6'],
      ['events.middle-crackdown.set.detection=0.95'],
    ]);
    expect(b.itemArms).toEqual([[0], [0], [1, 2, 3], [0]]);
  });

  it('passes every pattern on the scenario built to satisfy them, with intervals', async () => {
    const scenario = toyScenario();
    const b = parseBenchmarks(toyBenchmarks(), scenario, 'toy.json');
    const card = await evaluateBenchmarks(scenario, b, { runs: 3, seed: 7 });
    const byId = Object.fromEntries(card.items.map((i) => [i.id, i]));
    for (const id of ['middle-share-falls', 'middle-falls-more', 'north-rises-with-detection']) expect(byId[id].pass, id).toBe(true);
    const share = byId['middle-share-falls'];
    expect(share.value.runs).toBe(3);
    expect(share.value.ciLow).not.toBeNull();
    expect(share.value.ciLow!).toBeLessThanOrEqual(share.value.mean!);
    expect(share.distance).toBe(0);
    const means = byId['north-rises-with-detection'].detail!.means as number[];
    expect(means[0]).toBeLessThan(means[2]);
    expect(card.score).toBeGreaterThan(0);
    expect(card.distance).toBeGreaterThanOrEqual(0);
    expect(Number.isFinite(card.distance)).toBe(true);
  });

  it('fails the directional and comparative patterns when an override removes the crackdown', async () => {
    const altered = applyOverrides(toyScenario(), [parseOverride('events.middle-crackdown.set={"detection":0.3}')]);
    const b = parseBenchmarks(toyBenchmarks(), altered, 'toy.json');
    const card = await evaluateBenchmarks(altered, b, { runs: 3, seed: 7 });
    const byId = Object.fromEntries(card.items.map((i) => [i.id, i]));
    expect(byId['middle-share-falls'].pass).toBe(false);
    expect(byId['middle-share-falls'].distance).toBeGreaterThan(0);
    expect(byId['middle-falls-more'].pass).toBe(false);
  });

  it('evaluates replicates from firstReplicate on: the same observables as running them by hand', async () => {
    const scenario = toyScenario();
    const b = parseBenchmarks(toyBenchmarks(), scenario, 'toy.json');
    const compiled = compileArms(scenario, b);
    const card = await evaluateBenchmarks(scenario, b, { runs: 2, seed: 3, firstReplicate: 5 });
    const byHand = compiled.map((c, arm) => [5, 6].map((k) => observer(c, b, arm)(runReplicate(c, 3, k))));
    expect(JSON.stringify(card)).toBe(JSON.stringify(scoreRuns(b, byHand)));
    const other = await evaluateBenchmarks(scenario, b, { runs: 2, seed: 3 });
    expect(JSON.stringify(other)).not.toBe(JSON.stringify(card));
  });

  it('scores a single replicate with a finite distance, and splits train and test by date', () => {
    const scenario = toyScenario();
    const b = parseBenchmarks(toyBenchmarks(), scenario, 'toy.json');
    const compiled = compileArms(scenario, b);
    const runs = compiled.map((c, arm) => [observer(c, b, arm)(runReplicate(c, 3, 0))]);
    const card = scoreRuns(b, runs, { trainUntil: '2020-03-31' });
    expect(Number.isFinite(card.distance)).toBe(true);
    expect(card.items.every((i) => Number.isFinite(i.distance))).toBe(true);
    // Train: the series' January and February points and the directional pattern (ends 30 March);
    // test: the series' May point, the comparative (ends 30 April) and the monotone (30 June).
    expect(card.train!.items).toBe(2);
    expect(card.test!.items).toBe(3);
    const series = card.items.find((i) => i.kind === 'series')!;
    expect(series.points!.map((p) => p.label)).toEqual(['2020-01', '2020-02', '2020-05']);
    expect(series.errors!.crpsRelative).toBeCloseTo(series.distance, 12);
  });
});
