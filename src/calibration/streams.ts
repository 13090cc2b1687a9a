// Random streams of a calibration or sensitivity design, derived from the master seed like the
// kernel's streams (src/model/rng.ts): one alea generator per (seed, step, purpose), so a
// generation's draws depend on nothing but the seed and its own index. That is what makes a resumed
// calibration draw exactly what an uninterrupted one draws, for any thread count.

import seedrandom from 'seedrandom';
import type { Rng } from '../model/rng.js';

export type DesignPurpose = 'prior' | 'resample' | 'move' | 'predictive' | 'morris' | 'sobol' | 'bootstrap';

export function designStream(seed: number, step: number, purpose: DesignPurpose): Rng {
  return seedrandom.alea(`routeshift:design:${seed}:${step}:${purpose}`);
}
