// ABC-SMC core on a model with a known posterior: x ~ Normal(θ, 1) observed at 2 under a flat
// prior on [-10, 10]; as the tolerance shrinks the ABC posterior approaches Normal(2, 1).

import { describe, expect, test } from 'vitest';
import seedrandom from 'seedrandom';
import { normal } from '../../src/model/distributions.js';
import { chooseTolerance, effectiveSampleSize, runAbcSmc, systematicResample, type AbcSettings, type Evaluate } from '../../src/calibration/abcSmc.js';
import { lastGeneration, summarisePosterior } from '../../src/calibration/posterior.js';

const observed = 2;
const gaussian: Evaluate = async (items) =>
  items.map((item) => Math.abs(item.values[0] + normal(seedrandom.alea(`toy:${item.replicate}`)) - observed));

const settings: AbcSettings = { priors: [{ uniform: { min: -10, max: 10 } }], particles: 200, budget: 3000, seed: 5 };

describe('ABC-SMC (Del Moral et al. 2012)', () => {
  test('recovers the posterior of a normal mean', async () => {
    const state = await runAbcSmc(settings, gaussian);
    expect(state.simulations).toBeLessThanOrEqual(settings.budget);
    const [post] = summarisePosterior(['theta'], lastGeneration(state).particles);
    expect(post.mean).toBeGreaterThan(1.6);
    expect(post.mean).toBeLessThan(2.4);
    expect(post.q025).toBeLessThan(observed);
    expect(post.q975).toBeGreaterThan(observed);
    // Normal(2, 1) with a small tolerance: sd close to 1, far from the prior's 5.8.
    expect(post.sd).toBeGreaterThan(0.6);
    expect(post.sd).toBeLessThan(1.6);
    const tolerances = state.generations.slice(1).map((g) => g.epsilon as number);
    for (let k = 1; k < tolerances.length; k++) expect(tolerances[k]).toBeLessThanOrEqual(tolerances[k - 1]);
  });

  test('a run stopped after two generations and continued equals an uninterrupted one', async () => {
    const whole = await runAbcSmc({ ...settings, budget: 1200 }, gaussian);
    const part = await runAbcSmc({ ...settings, budget: 1200 }, gaussian, { stopAfter: 2 });
    expect(part.generations).toHaveLength(2);
    const resumed = await runAbcSmc({ ...settings, budget: 1200 }, gaussian, {}, JSON.parse(JSON.stringify(part)));
    expect(JSON.stringify(resumed)).toBe(JSON.stringify(whole));
  });

  test('the tolerance keeps the asked share of the effective sample size', () => {
    const particles = [5, 1, 4, 2, 3, 6].map((distance) => ({ values: [0], distance, weight: 1 / 6 }));
    expect(chooseTolerance(particles, 0.5)).toBe(3);
    expect(effectiveSampleSize(particles)).toBeCloseTo(6, 12);
  });

  test('systematic resampling never picks a particle of weight 0', () => {
    const particles = [0, 0.5, 0, 0.5, 0].map((weight, i) => ({ values: [i], distance: 0, weight }));
    const out = systematicResample(particles, seedrandom.alea('r'));
    expect(out).toHaveLength(5);
    expect(out.every((p) => p.values[0] === 1 || p.values[0] === 3)).toBe(true);
    // Half the weight each: two or three copies of each of the two.
    expect(out.filter((p) => p.values[0] === 1).length).toBeGreaterThanOrEqual(2);
    expect(out.filter((p) => p.values[0] === 3).length).toBeGreaterThanOrEqual(2);
    expect(out.every((p) => p.weight === 1 / 5)).toBe(true);
  });
});
