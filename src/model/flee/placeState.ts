// Per-location state of one Flee replicate (createFleeModel.ts): location types (closures turn
// camps into towns), residents, conflict intensity and start, agents present, move chance with
// log(1 − movechance) for geometric waiting, the epoch that a change of move chance bumps so that
// waiting agents draw again, and the day's scores. Split out so the state and the one function
// that keeps chance, logStay and epoch consistent live together.

import { MARKER, type CompiledFlee } from './compileRules.js';
import { moveChance } from './rules.js';

export interface PlaceState {
  type: Uint8Array;
  population: Float64Array;
  conflict: Float64Array;
  conflictSince: Int32Array;
  numAgents: Int32Array;
  chance: Float64Array;
  epoch: Int32Array;
  score: Float64Array;
  isMarker: Uint8Array;
  /** log(1 − movechance) per node, for geometric draws. */
  logStay: Float64Array;
  /** Recompute node n's move chance; bumps its epoch when it changed. */
  refreshChance(n: number): void;
}

export function createPlaceState(f: CompiledFlee, nodes: number): PlaceState {
  const s = f.settings;
  const type = Uint8Array.from(f.locationType);
  const population = Float64Array.from(f.population);
  const conflict = new Float64Array(nodes);
  const conflictSince = new Int32Array(nodes);
  const numAgents = new Int32Array(nodes);
  const chance = new Float64Array(nodes);
  const epoch = new Int32Array(nodes);
  const score = new Float64Array(nodes);
  const isMarker = Uint8Array.from(type, (t) => (t === MARKER ? 1 : 0));
  const logStay = new Float64Array(nodes);
  function refreshChance(n: number): void {
    const next = moveChance(s, type[n], conflict[n], population[n], f.capacity[n]);
    if (next !== chance[n]) {
      chance[n] = next;
      logStay[n] = Math.log1p(-Math.min(next, 1));
      epoch[n]++;
    }
  }
  for (let n = 0; n < nodes; n++) {
    chance[n] = moveChance(s, type[n], 0, population[n], f.capacity[n]);
    logStay[n] = Math.log1p(-Math.min(chance[n], 1));
  }
  return { type, population, conflict, conflictSince, numAgents, chance, epoch, score, isMarker, logStay, refreshChance };
}
