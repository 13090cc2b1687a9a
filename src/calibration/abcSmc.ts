// ABC-SMC with an adaptive tolerance (Del Moral, Doucet & Jasra 2012, "An adaptive sequential Monte
// Carlo method for approximate Bayesian computation", Stat. Comput. 22:1009), one simulation per
// particle and generation (their M = 1). Why this one and not Beaumont/Toni population Monte Carlo:
// a generation is exactly one batch of N simulations, so it is one call to the worker pool, the
// budget maps to a known number of generations, and a checkpoint per generation is a fixed-size
// population — PMC instead samples until N proposals are accepted, an open-ended loop whose length
// depends on the acceptance rate (docs/calibration.md).
//
// Generation 0: N particles from the prior, each simulated once. Generation t ≥ 1:
//   1. tolerance ε_t: the smallest distance among live particles such that the effective sample
//      size of the reweighted population keeps a fraction `essKeep` of the previous one;
//   2. reweight W_i ∝ W_i · 1[d_i ≤ ε_t];
//   3. resample (systematic) when the ESS falls below N/2;
//   4. move every live particle once by Metropolis–Hastings: θ* = θ + N(0, 2Σ) in internal
//      coordinates (Σ the weighted covariance of live particles; log scale for log-uniform priors),
//      simulated, accepted with probability min(1, π(θ*)/π(θ)) when d* ≤ ε_t. Proposals outside
//      the prior's support are rejected without a simulation.
// Generations continue while the budget covers a full one (N simulations).
//
// Everything random comes from designStream(seed, generation, purpose), drawn in particle order,
// and a generation depends only on the previous one: a run resumed from any checkpoint makes the
// same draws, the same simulations (replicate = generation × N + particle) and the same bytes.

import type { Rng } from '../model/rng.js';
import { normal } from '../model/distributions.js';
import { choleskyWithJitter, weightedCovariance } from './linearAlgebra.js';
import { fromInternal, inSupport, priorBounds, priorDensity, samplePrior, toInternal, type Prior } from './priors.js';
import { designStream } from './streams.js';

export interface AbcSettings {
  priors: readonly Prior[];
  particles: number;
  /** Simulations allowed in all (a generation uses at most `particles`). */
  budget: number;
  seed: number;
  /** Fraction of the effective sample size kept when the tolerance shrinks (default 0.5). */
  essKeep?: number;
  /** Per parameter: round draws and proposals to whole numbers. */
  integer?: readonly boolean[];
}

function snap(s: AbcSettings, values: number[]): number[] {
  return s.integer ? values.map((v, j) => (s.integer?.[j] ? Math.round(v) : v)) : values;
}

export interface Particle {
  values: number[];
  distance: number;
  weight: number;
}

export interface GenerationRecord {
  generation: number;
  /** Tolerance: null for generation 0 (all prior draws kept). */
  epsilon: number | null;
  /** Effective sample size after reweighting, before resampling. */
  ess: number;
  resampled: boolean;
  /** Share of moves accepted (null for generation 0). */
  acceptanceRate: number | null;
  simulations: number;
  particles: Particle[];
}

export interface AbcState {
  simulations: number;
  generations: GenerationRecord[];
  /** True when the budget cannot cover another generation. */
  finished: boolean;
}

export interface EvaluationItem {
  particle: number;
  /** Replicate index for its simulation: generation × particles + particle. */
  replicate: number;
  values: readonly number[];
}

/** Distances of the items, in their order (NaN counts as never accepted). */
export type Evaluate = (items: readonly EvaluationItem[], generation: number) => Promise<ArrayLike<number>>;

export interface AbcHooks {
  /** After each generation, with the state so far (write a checkpoint here). */
  onGeneration?: (state: AbcState) => Promise<void> | void;
  /** Stop after this many generations have been recorded (tests of resumption). */
  stopAfter?: number;
}

const DEFAULT_ESS_KEEP = 0.5;

export function checkAbcSettings(s: AbcSettings): void {
  if (!Number.isInteger(s.particles) || s.particles < 2) throw new RangeError(`particles must be a whole number of at least 2, got ${s.particles}`);
  if (s.budget < s.particles) throw new RangeError(`a budget of ${s.budget} simulations does not cover one generation of ${s.particles} particles`);
  const keep = s.essKeep ?? DEFAULT_ESS_KEEP;
  if (!(keep > 0 && keep < 1)) throw new RangeError(`essKeep must lie between 0 and 1, got ${keep}`);
}

/** Run (or continue `from`) to the end of the budget; returns the final state. */
export async function runAbcSmc(settings: AbcSettings, evaluate: Evaluate, hooks: AbcHooks = {}, from?: AbcState): Promise<AbcState> {
  checkAbcSettings(settings);
  const state: AbcState = from ? structuredClone(from) : { simulations: 0, generations: [], finished: false };
  while (!state.finished && (hooks.stopAfter === undefined || state.generations.length < hooks.stopAfter)) {
    const t = state.generations.length;
    const record = t === 0 ? await initialGeneration(settings, evaluate) : await nextGeneration(settings, state.generations[t - 1], evaluate);
    state.generations.push(record);
    state.simulations += record.simulations;
    state.finished = state.simulations + settings.particles > settings.budget;
    await hooks.onGeneration?.(state);
  }
  return state;
}

async function initialGeneration(s: AbcSettings, evaluate: Evaluate): Promise<GenerationRecord> {
  const rng = designStream(s.seed, 0, 'prior');
  const items: EvaluationItem[] = [];
  for (let i = 0; i < s.particles; i++) items.push({ particle: i, replicate: i, values: snap(s, s.priors.map((p) => samplePrior(p, rng))) });
  const distances = await evaluate(items, 0);
  const particles = items.map((item, i) => ({ values: [...item.values], distance: cleanDistance(distances[i]), weight: 1 / s.particles }));
  return { generation: 0, epsilon: null, ess: s.particles, resampled: false, acceptanceRate: null, simulations: items.length, particles };
}

async function nextGeneration(s: AbcSettings, previous: GenerationRecord, evaluate: Evaluate): Promise<GenerationRecord> {
  const t = previous.generation + 1;
  const epsilon = chooseTolerance(previous.particles, s.essKeep ?? DEFAULT_ESS_KEEP);
  let particles = previous.particles.map((p) => ({ ...p, values: [...p.values], weight: p.distance <= epsilon ? p.weight : 0 }));
  normalise(particles);
  const ess = effectiveSampleSize(particles);
  const resampled = ess < s.particles / 2;
  if (resampled) particles = systematicResample(particles, designStream(s.seed, t, 'resample'));

  const live = particles.map((p, i) => i).filter((i) => particles[i].weight > 0);
  const kernel = perturbationKernel(s, live.map((i) => particles[i]));
  const rng = designStream(s.seed, t, 'move');
  const proposals = new Map<number, { values: number[]; u: number }>();
  const items: EvaluationItem[] = [];
  for (const i of live) {
    const current = particles[i].values.map((v, j) => toInternal(s.priors[j], v));
    const z = s.priors.map(() => normal(rng));
    const values = snap(s, current.map((c, a) => fromInternal(s.priors[a], c + kernel[a].reduce((sum, l, b) => sum + l * z[b], 0))));
    const u = rng();
    if (!values.every((v, j) => inSupport(s.priors[j], v))) continue;
    proposals.set(i, { values, u });
    items.push({ particle: i, replicate: t * s.particles + i, values });
  }
  const distances = items.length > 0 ? await evaluate(items, t) : [];
  let accepted = 0;
  items.forEach((item, k) => {
    const d = cleanDistance(distances[k]);
    const { values, u } = proposals.get(item.particle) as { values: number[]; u: number };
    const p = particles[item.particle];
    const ratio = densityOf(s.priors, values) / densityOf(s.priors, p.values);
    if (d <= epsilon && u < ratio) {
      p.values = values;
      p.distance = d;
      accepted++;
    }
  });
  return { generation: t, epsilon, ess, resampled, acceptanceRate: live.length > 0 ? accepted / live.length : 0, simulations: items.length, particles };
}

function cleanDistance(d: number): number {
  return Number.isNaN(d) ? Infinity : d;
}

function densityOf(priors: readonly Prior[], values: readonly number[]): number {
  // priorDensity is already the density of the internal coordinate (flat in log for log-uniform).
  return values.reduce((prod, v, j) => prod * priorDensity(priors[j], v), 1);
}

/** Kish's effective sample size (Σw)² / Σw². */
export function effectiveSampleSize(particles: readonly Particle[]): number {
  let sum = 0;
  let squares = 0;
  for (const p of particles) {
    sum += p.weight;
    squares += p.weight * p.weight;
  }
  return squares > 0 ? (sum * sum) / squares : 0;
}

/** The smallest live distance whose reweighted population keeps `keep` of the current ESS. */
export function chooseTolerance(particles: readonly Particle[], keep: number): number {
  const target = keep * effectiveSampleSize(particles);
  const live = particles.filter((p) => p.weight > 0 && Number.isFinite(p.distance)).sort((a, b) => a.distance - b.distance);
  if (live.length === 0) return Infinity;
  let sum = 0;
  let squares = 0;
  for (let k = 0; k < live.length; k++) {
    sum += live[k].weight;
    squares += live[k].weight * live[k].weight;
    const tied = k + 1 < live.length && live[k + 1].distance === live[k].distance;
    if (!tied && (sum * sum) / squares >= target) return live[k].distance;
  }
  return live[live.length - 1].distance;
}

function normalise(particles: Particle[]): void {
  const total = particles.reduce((sum, p) => sum + p.weight, 0);
  for (const p of particles) p.weight = total > 0 ? p.weight / total : 0;
}

/** Systematic resampling: N copies at weight 1/N, drawn with one uniform, in particle order. */
export function systematicResample(particles: readonly Particle[], rng: Rng): Particle[] {
  const n = particles.length;
  const start = rng() / n;
  const out: Particle[] = [];
  let cumulative = 0;
  let k = 0;
  for (let i = 0; i < n; i++) {
    const point = start + i / n;
    // `<=` skips particles of weight 0 even when a point falls exactly on a cumulative sum.
    while (k < n - 1 && cumulative + particles[k].weight <= point) cumulative += particles[k++].weight;
    out.push({ values: [...particles[k].values], distance: particles[k].distance, weight: 1 / n });
  }
  return out;
}

/** Cholesky factor of twice the weighted covariance of the live particles (internal coordinates). */
function perturbationKernel(s: AbcSettings, live: readonly Particle[]): number[][] {
  const { priors } = s;
  const points = live.map((p) => p.values.map((v, j) => toInternal(priors[j], v)));
  const { cov } = weightedCovariance(points, live.map((p) => p.weight));
  // Jitter for a collapsed coordinate: negligible for a continuous one; for a whole-number one a
  // step of about ±0.5, or rounding would undo every move.
  const floor = priors.map((prior, j) => {
    const [lo, hi] = priorBounds(prior).map((b) => toInternal(prior, b));
    const width = Number.isFinite(hi - lo) ? hi - lo : 6 * ('normal' in prior ? prior.normal.sd : 1);
    return s.integer?.[j] ? 0.25 : 1e-8 * width * width;
  });
  return choleskyWithJitter(cov.map((row) => row.map((v) => 2 * v)), floor);
}
