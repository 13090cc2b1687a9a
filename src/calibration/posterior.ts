// What a calibration's last population says: per parameter the weighted posterior mean, sd and
// 95% interval (weighted 2.5% and 97.5% quantiles), the best particle, and posterior.csv with every
// generation's particles (so convergence can be seen, not only the end). Numbers are rounded to
// 6 significant digits like summary.json, so the same run serialises to the same bytes.

import { formatNumber } from '../run/series.js';
import { roundSignificant } from '../run/stats.js';
import type { AbcState, GenerationRecord, Particle } from './abcSmc.js';

export interface ParameterPosterior {
  path: string;
  mean: number;
  sd: number;
  q025: number;
  q50: number;
  q975: number;
}

/** Weighted quantile: the smallest value whose cumulative weight reaches p of the total. */
export function weightedQuantile(values: readonly number[], weights: readonly number[], p: number): number {
  const order = values.map((_, i) => i).filter((i) => weights[i] > 0).sort((a, b) => values[a] - values[b] || a - b);
  const total = order.reduce((sum, i) => sum + weights[i], 0);
  let cumulative = 0;
  for (const i of order) {
    cumulative += weights[i];
    if (cumulative >= p * total * (1 - 1e-12)) return values[i];
  }
  return values[order[order.length - 1]];
}

export function lastGeneration(state: AbcState): GenerationRecord {
  return state.generations[state.generations.length - 1];
}

export function summarisePosterior(paths: readonly string[], particles: readonly Particle[]): ParameterPosterior[] {
  const weights = particles.map((p) => p.weight);
  const total = weights.reduce((a, b) => a + b, 0);
  return paths.map((path, j) => {
    const values = particles.map((p) => p.values[j]);
    const mean = values.reduce((sum, v, i) => sum + weights[i] * v, 0) / total;
    const variance = values.reduce((sum, v, i) => sum + weights[i] * (v - mean) ** 2, 0) / total;
    const r = (v: number) => roundSignificant(v);
    return {
      path,
      mean: r(mean),
      sd: r(Math.sqrt(variance)),
      q025: r(weightedQuantile(values, weights, 0.025)),
      q50: r(weightedQuantile(values, weights, 0.5)),
      q975: r(weightedQuantile(values, weights, 0.975)),
    };
  });
}

/** The live particle with the smallest distance (the lowest index among ties). */
export function bestParticle(particles: readonly Particle[]): Particle {
  let best = particles.find((p) => p.weight > 0) ?? particles[0];
  for (const p of particles) if (p.weight > 0 && p.distance < best.distance) best = p;
  return best;
}

function csvField(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** posterior.csv: `generation,particle,<paths…>,weight,distance`, every generation in order. */
export function posteriorCsv(paths: readonly string[], state: AbcState): string {
  const lines = [['generation', 'particle', ...paths, 'weight', 'distance'].map(csvField).join(',')];
  for (const g of state.generations) {
    g.particles.forEach((p, i) => {
      const distance = Number.isFinite(p.distance) ? formatNumber(p.distance) : 'Inf';
      lines.push([String(g.generation), String(i), ...p.values.map((v) => formatNumber(v)), formatNumber(p.weight), distance].join(','));
    });
  }
  lines.push('');
  return lines.join('\n');
}
