// Multinomial-logit weights of every next hop, per routing table (destination × cohort):
//   w[t][e] = exp(-(cost_k(e) + V_t(to) - V_t(from)) / choiceScaleDays)
// where V_t is the cost-to-go. Subtracting V_t(from) makes the best hop's weight exactly 1 and
// keeps every exp in range. Computed once per table rebuild, so a person deciding at a node only
// adds a few precomputed weights: no exp and no search per agent per step (anchors-perf-aesthetics
// §A3.2: Gumbel draws cost ~150 ns per agent-step, a table lookup ~3 ns).

import type { CompiledScenario } from './compiled.js';

export function computeHopWeights(
  compiled: CompiledScenario,
  costToGo: Float64Array[],
  costDays: Float64Array[],
  weights: Float64Array[],
): void {
  const { edgeFrom, edgeTo } = compiled.network;
  const cohorts = costDays.length;
  const scale = compiled.behaviour.choiceScaleDays;
  for (let t = 0; t < weights.length; t++) {
    const v = costToGo[t];
    const cost = costDays[t % cohorts];
    const w = weights[t];
    for (let e = 0; e < w.length; e++) {
      const toGo = v[edgeTo[e]];
      const here = v[edgeFrom[e]];
      w[e] = toGo === Infinity || here === Infinity || cost[e] === Infinity ? 0 : Math.exp(-(cost[e] + toGo - here) / scale);
    }
  }
}

/** failureFactor[n] = exp(-n · failurePenaltyDays / choiceScaleDays): the weight of trying again a
 * border where one has failed n times (until beliefs exist, a person's own memory of "the game"). */
export function failureFactors(compiled: CompiledScenario): Float64Array {
  const b = compiled.behaviour;
  return Float64Array.from({ length: 256 }, (_, n) => Math.exp((-n * b.failurePenaltyDays) / b.choiceScaleDays));
}
