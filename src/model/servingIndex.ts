// Which smuggling networks serve each border: the active networks based in the border's country of
// origin, per border in ascending network order, kept by the market (smugglers.ts) and refreshed
// whenever a network is dismantled, relocates or enters. Loops over a border's list visit the same
// networks in the same order as a test of every network would, so sums and picks are unchanged.
// Why: served(), pickNetwork(), the weighted skill and violence and the daily prices tested every
// network against every border several times a day: the market took ~11% of a western-balkans
// replicate in a CPU profile without inlining, ~3% with this index (bench/DECLARATION.md).

import type { CompiledScenario } from './compiled.js';
import type { SmugglerState } from './smugglers.js';

export interface ServingIndex {
  /** Networks serving border b: list[b * stride + k] for k < count[b]. */
  readonly list: Int32Array;
  readonly count: Int32Array;
  readonly stride: number;
  /** Recompute every border's list from the networks' state. */
  refresh(): void;
}

export function createServingIndex(compiled: CompiledScenario, s: SmugglerState, borderOrigin: Int32Array, maxNetworks: number): ServingIndex {
  const borders = borderOrigin.length;
  const nodeCountry = compiled.network.nodeCountry;
  const list = new Int32Array(borders * maxNetworks);
  const count = new Int32Array(borders);
  function refresh(): void {
    for (let b = 0; b < borders; b++) {
      let k = 0;
      for (let n = 0; n < s.count; n++) if (s.active[n] === 1 && nodeCountry[s.base[n]] === borderOrigin[b]) list[b * maxNetworks + k++] = n;
      count[b] = k;
    }
  }
  refresh();
  return { list, count, stride: maxNetworks, refresh };
}
