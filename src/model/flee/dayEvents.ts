// Two of the day's events in a Flee replicate (createFleeModel.ts), in Flee's order after
// conflicts change: spawning new agents at conflict zones (weighted by population × intensity,
// with conflict_spawn_decay) and enacting or lifting closures (camps, forced redirections, links
// and countries). Split out of the stepper so its file keeps to agents' decisions and travel; the
// state they change is passed in, and the random draws come from the same inflow stream.

import type { Streams } from '../rng.js';
import { CAMP, IDPCAMP, TOWN, type CompiledFlee } from './compileRules.js';
import type { PlaceState } from './placeState.js';
import { conflictDecay } from './rules.js';

/** Link state the closures change; anyForced is true while some edge is a forced redirection. */
export interface LinkState {
  open: Uint8Array;
  lastClosedDay: Int32Array;
  forced: Uint8Array;
  anyForced: boolean;
}

/** Spawn day t's new agents at conflict zones, with the weights of weightDay; returns how many. */
export function spawn(
  f: CompiledFlee,
  place: PlaceState,
  spawnWeight: Float64Array,
  rng: Streams,
  addAgent: (n: number, inCamp: boolean) => void,
  t: number,
  weightDay: number,
): number {
  const s = f.settings;
  const nodes = spawnWeight.length;
  const { conflict, conflictSince, population, refreshChance } = place;
  const wanted = f.spawnPerDay[t];
  if (wanted <= 0) return 0;
  let total = 0;
  let conflictZones = 0;
  for (let n = 0; n < nodes; n++) {
    const c = conflict[n];
    const w = c > 0 ? population[n] * c * (s.conflict_spawn_decay.length > 0 ? conflictDecay(s, weightDay - conflictSince[n]) : 1) : 0;
    if (c > 0) conflictZones++;
    total += w;
    spawnWeight[n] = total;
  }
  if (conflictZones === 0) return 0;
  // Flee asserts a positive total; without populations, conflict zones share equally.
  const equal = total <= 0;
  for (let j = 0; j < wanted; j++) {
    let n: number;
    if (equal) {
      let pick = Math.floor(rng.inflow() * conflictZones);
      for (n = 0; n < nodes - 1; n++) if (conflict[n] > 0 && pick-- === 0) break;
    } else {
      const u = rng.inflow() * total;
      let lo = 0;
      let hi = nodes - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (spawnWeight[mid] > u) hi = mid;
        else lo = mid + 1;
      }
      n = lo;
    }
    addAgent(n, false);
    if (s.take_from_population && population[n] > 0) population[n]--;
  }
  if (s.take_from_population && s.movechance_pop_scale_factor !== 0) for (let n = 0; n < nodes; n++) refreshChance(n);
  return wanted;
}

/** Enact or lift day t's closures, in file order; true when links opened or closed. */
export function applyClosures(f: CompiledFlee, place: PlaceState, links: LinkState, t: number): boolean {
  const { type, conflict, refreshChance } = place;
  const { open, lastClosedDay, forced } = links;
  let linksChanged = false;
  for (const c of f.closures) {
    for (const phase of [0, 1] as const) {
      if ((phase === 0 ? c.start : c.end) !== t) continue;
      const closing = phase === 0;
      if (c.type === 'camp' || c.type === 'idpcamp') {
        type[c.node] = closing ? TOWN : c.type === 'camp' ? CAMP : IDPCAMP;
        conflict[c.node] = 0;
        refreshChance(c.node);
      } else if (c.type === 'remove_forced_redirection') {
        for (const e of c.edges) forced[e] = closing ? 0 : 1;
        links.anyForced = forced.includes(1);
      } else {
        for (const e of c.edges) {
          if (closing && open[e]) lastClosedDay[e] = t;
          open[e] = closing ? 0 : 1;
        }
        linksChanged = true;
      }
    }
  }
  return linksChanged;
}
