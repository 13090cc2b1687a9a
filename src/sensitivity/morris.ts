// Morris elementary-effects screening (Morris 1991) with Campolongo, Cariboni & Saltelli's (2007)
// μ* (mean absolute effect, robust to effects of opposite signs) and their trajectory selection:
// from `candidates` random one-at-a-time trajectories on a p-level grid, keep the r that are most
// spread out (largest sum of squared distances between trajectories; chosen greedily, as Ruano et
// al. 2012 do to avoid Campolongo's combinatorial search). Each trajectory has k + 1 points and
// moves every factor once by Δ = p / (2(p − 1)), up or down. Points are in the unit cube; the
// caller maps them to parameter values.
//
// Per factor: μ (mean effect), μ* and σ (sd of the effects: non-linearity or interactions), with
// bootstrap 95% intervals over trajectories. Effects are in output units per unit of the factor's
// prior range (the unit cube), so μ* compares factors on their whole plausible range.

import type { Rng } from '../model/rng.js';
import { bootstrapIntervals, type Interval } from './bootstrap.js';

export interface Trajectory {
  /** k + 1 points in [0, 1]^k. */
  points: number[][];
  /** factor[s] is the factor moved from point s to s + 1. */
  factor: number[];
  /** The signed step of that move, ±Δ. */
  step: number[];
}

export interface MorrisDesignOptions {
  factors: number;
  trajectories: number;
  /** Grid levels p (even; default 4). */
  levels?: number;
  /** Random trajectories to choose from (default 10 × trajectories). */
  candidates?: number;
}

export function morrisDesign(options: MorrisDesignOptions, rng: Rng): Trajectory[] {
  const { factors: k, trajectories: r } = options;
  const p = options.levels ?? 4;
  if (p < 2 || p % 2 !== 0) throw new RangeError(`Morris levels must be an even number of at least 2, got ${p}`);
  const delta = p / (2 * (p - 1));
  const pool = Array.from({ length: Math.max(options.candidates ?? 10 * r, r) }, () => randomTrajectory(k, p, delta, rng));
  return selectSpread(pool, r);
}

function randomTrajectory(k: number, p: number, delta: number, rng: Rng): Trajectory {
  // Levels l / (p − 1); a factor going up starts on one of the lower p/2 levels, going down on
  // one of the upper p/2, so every point stays on the grid.
  const up = Array.from({ length: k }, () => rng() < 0.5);
  const start = up.map((u) => {
    const level = Math.floor(rng() * (p / 2));
    return (u ? level : level + p / 2) / (p - 1);
  });
  const order = Array.from({ length: k }, (_, i) => i);
  for (let i = k - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const points = [start];
  const step: number[] = [];
  for (const f of order) {
    const next = [...points[points.length - 1]];
    const s = up[f] ? delta : -delta;
    next[f] += s;
    points.push(next);
    step.push(s);
  }
  return { points, factor: order, step };
}

function trajectoryDistance(a: Trajectory, b: Trajectory): number {
  let sum = 0;
  for (const x of a.points) {
    for (const y of b.points) sum += Math.sqrt(x.reduce((s, v, i) => s + (v - y[i]) ** 2, 0));
  }
  return sum;
}

/** Greedy Campolongo selection: start from the farthest pair, add the trajectory that adds most spread. */
function selectSpread(pool: Trajectory[], r: number): Trajectory[] {
  if (pool.length <= r) return pool;
  const m = pool.length;
  const d = pool.map((a) => pool.map((b) => trajectoryDistance(a, b) ** 2));
  let first = [0, 1];
  for (let i = 0; i < m; i++) for (let j = i + 1; j < m; j++) if (d[i][j] > d[first[0]][first[1]]) first = [i, j];
  const chosen = r >= 2 ? first : [first[0]];
  while (chosen.length < r) {
    let best = -1;
    let bestSpread = -Infinity;
    for (let i = 0; i < m; i++) {
      if (chosen.includes(i)) continue;
      const spread = chosen.reduce((s, c) => s + d[i][c], 0);
      if (spread > bestSpread) [best, bestSpread] = [i, spread];
    }
    chosen.push(best);
  }
  return chosen.map((i) => pool[i]);
}

export interface MorrisFactor {
  mu: number;
  muStar: number;
  sigma: number;
  muStarCi: Interval;
  sigmaCi: Interval;
}

/** Elementary effects of one output: `y[t][s]` is the output at point s of trajectory t. */
export function morrisEffects(design: readonly Trajectory[], y: readonly (readonly number[])[], rng: Rng, resamples = 1000): MorrisFactor[] {
  const k = design[0].factor.length;
  // effects[t][f]: the effect of factor f on trajectory t.
  const effects = design.map((traj, t) => {
    const e = new Array<number>(k).fill(NaN);
    traj.factor.forEach((f, s) => (e[f] = (y[t][s + 1] - y[t][s]) / traj.step[s]));
    return e;
  });
  const stats = (rows: ArrayLike<number>): number[] => {
    const out: number[] = [];
    for (let f = 0; f < k; f++) {
      const values = Array.from(rows, (t) => effects[t][f]).filter((v) => !Number.isNaN(v));
      const n = values.length;
      const mu = values.reduce((a, b) => a + b, 0) / n;
      const muStar = values.reduce((a, b) => a + Math.abs(b), 0) / n;
      const sigma = n > 1 ? Math.sqrt(values.reduce((a, b) => a + (b - mu) ** 2, 0) / (n - 1)) : 0;
      out.push(mu, muStar, sigma);
    }
    return out;
  };
  const all = stats(design.map((_, t) => t));
  const intervals = bootstrapIntervals(design.length, resamples, rng, stats);
  return Array.from({ length: k }, (_, f) => ({
    mu: all[3 * f],
    muStar: all[3 * f + 1],
    sigma: all[3 * f + 2],
    muStarCi: intervals[3 * f + 1],
    sigmaCi: intervals[3 * f + 2],
  }));
}
