// Multinomial-logit weights of every next hop, per routing table (destination × cost class: a
// cohort, or a cohort's information community, communityRoutes.ts):
//   w[t][e] = exp(-(cost_k(e) + V_t(to) - V_t(from)) / choiceScaleDays)
// where V_t is the cost-to-go. Subtracting V_t(from) makes the best hop's weight exactly 1 and
// keeps every exp in range. Computed once per table rebuild, so a person deciding at a node only
// adds a few precomputed weights: no exp and no search per agent per step (anchors-perf-aesthetics
// §A3.2: Gumbel draws cost ~150 ns per agent-step, a table lookup ~3 ns).

import type { CompiledScenario } from './compiled.js';

/** The weights of one table t from its cost-to-go v and the edge costs of its cost class. */
export function tableHopWeights(compiled: CompiledScenario, v: Float64Array, cost: Float64Array, w: Float64Array): void {
  for (let e = 0; e < w.length; e++) edgeHopWeight(compiled, v, cost, w, e);
}

function edgeHopWeight(compiled: CompiledScenario, v: Float64Array, cost: Float64Array, w: Float64Array, e: number): void {
  w[e] = hopWeight(cost[e], v[compiled.network.edgeTo[e]], v[compiled.network.edgeFrom[e]], compiled.behaviour.choiceScaleDays);
}

/** The weight of a hop of cost `cost` from a node with cost-to-go `here` to one with `toGo`. */
function hopWeight(cost: number, toGo: number, here: number, scaleDays: number): number {
  return toGo === Infinity || here === Infinity || cost === Infinity ? 0 : Math.exp(-(cost + toGo - here) / scaleDays);
}

/** Weights and candidates of table t for the hops out of `nodes` only: an information community's
 * members are all in one country, so its tables are read only at that country's nodes (about a
 * fifteenth of the exps of a whole table on the default scenario). */
export function nodesHopWeightsAndCandidates(
  compiled: CompiledScenario,
  t: number,
  v: Float64Array,
  cost: Float64Array,
  w: Float64Array,
  out: HopCandidates,
  nodes: Int32Array,
): void {
  const { outOffsets, outEdges } = compiled.network;
  for (const n of nodes) {
    for (let k = outOffsets[n]; k < outOffsets[n + 1]; k++) edgeHopWeight(compiled, v, cost, w, outEdges[k]);
    nodeHopCandidates(compiled, t, v, w, out, n);
  }
}

/** failureFactor[n] = exp(-n · failurePenaltyDays / choiceScaleDays): the weight of trying again a
 * border where one has failed n times (until beliefs exist, a person's own memory of "the game"). */
export function failureFactors(compiled: CompiledScenario): Float64Array {
  const b = compiled.behaviour;
  return Float64Array.from({ length: 256 }, (_, n) => Math.exp((-n * b.failurePenaltyDays) / b.choiceScaleDays));
}

/** Per (table, node): the efficient next hops (those with V(to) < V(node) and a non-zero weight),
 * their cumulative weights and the dearest fare among them, in a fixed stride of `stride` slots.
 * A person with no failure at the node and money for every candidate decides from this list with
 * one draw and a short scan: the common case, and the hot path of the kernel (a decision happens
 * on most agent-steps, since most edges take one day). */
export interface HopCandidates {
  stride: number;
  count: Int32Array;
  edge: Int32Array;
  cumulativeWeight: Float64Array;
  maxFareEur: Float64Array;
}

export function createHopCandidates(compiled: CompiledScenario, tableCount: number): HopCandidates {
  const { outOffsets } = compiled.network;
  const nodes = outOffsets.length - 1;
  let stride = 1;
  for (let n = 0; n < nodes; n++) stride = Math.max(stride, outOffsets[n + 1] - outOffsets[n]);
  return {
    stride,
    count: new Int32Array(tableCount * nodes),
    edge: new Int32Array(tableCount * nodes * stride),
    cumulativeWeight: new Float64Array(tableCount * nodes * stride),
    maxFareEur: new Float64Array(tableCount * nodes),
  };
}

/** The candidates of one table t. */
export function tableHopCandidates(compiled: CompiledScenario, t: number, v: Float64Array, w: Float64Array, out: HopCandidates): void {
  const nodes = compiled.network.outOffsets.length - 1;
  for (let n = 0; n < nodes; n++) nodeHopCandidates(compiled, t, v, w, out, n);
}

function nodeHopCandidates(compiled: CompiledScenario, t: number, v: Float64Array, w: Float64Array, out: HopCandidates, n: number): void {
  const { outOffsets, outEdges, edgeTo, edgeFareEur } = compiled.network;
  const slot = t * (outOffsets.length - 1) + n;
  const base = slot * out.stride;
  let count = 0;
  let total = 0;
  let maxFare = 0;
  for (let k = outOffsets[n]; k < outOffsets[n + 1]; k++) {
    const e = outEdges[k];
    if (w[e] === 0 || v[edgeTo[e]] >= v[n]) continue;
    total += w[e];
    out.edge[base + count] = e;
    out.cumulativeWeight[base + count] = total;
    if (edgeFareEur[e] > maxFare) maxFare = edgeFareEur[e];
    count++;
  }
  out.count[slot] = count;
  out.maxFareEur[slot] = maxFare;
}

/** Weights and candidates of table t after a rebuild, recomputed only at the nodes where an input
 * moved since the previous call: the cost-to-go at the node or at the head of an out-edge (`prevV`
 * holds the previous table) or the cost of an out-edge (`prevCost`, the previous costs of the
 * class); NaN in either forces the node. The result is exactly tableHopWeights followed by
 * tableHopCandidates, since a node's weights and candidates depend on nothing else. */
export function updateTableHopWeights(
  compiled: CompiledScenario,
  t: number,
  v: Float64Array,
  prevV: Float64Array,
  cost: Float64Array,
  prevCost: Float64Array,
  w: Float64Array,
  out: HopCandidates,
): void {
  // The loops of edgeHopWeight and nodeHopCandidates written out with the network's columns in
  // locals, and an exp only for a hop whose inputs moved: this runs for 20 tables on each of 1,440
  // rebuild days of a western-balkans replicate. Measured (6 replicates under --cpu-prof
  // --no-turbo-inlining): 1,860 ms in the helpers before, 1,280 ms with the locals; skipping the
  // unmoved hops then took the exps from 3.34 to 2.96 million per replicate (5.9 million if every
  // weight of every rebuilt table were recomputed).
  const { outOffsets, outEdges, edgeTo, edgeFareEur } = compiled.network;
  const scaleDays = compiled.behaviour.choiceScaleDays;
  const nodes = outOffsets.length - 1;
  const { stride, edge: outEdge, cumulativeWeight } = out;
  for (let n = 0; n < nodes; n++) {
    const start = outOffsets[n];
    const end = outOffsets[n + 1];
    const here = v[n];
    const hereMoved = !(here === prevV[n]);
    let moved = hereMoved;
    for (let k = start; k < end && !moved; k++) {
      const e = outEdges[k];
      moved = !(cost[e] === prevCost[e] && v[edgeTo[e]] === prevV[edgeTo[e]]);
    }
    if (!moved) continue;
    const slot = t * nodes + n;
    const base = slot * stride;
    let count = 0;
    let total = 0;
    let maxFare = 0;
    for (let k = start; k < end; k++) {
      const e = outEdges[k];
      const toGo = v[edgeTo[e]];
      let we = w[e];
      if (hereMoved || !(cost[e] === prevCost[e] && toGo === prevV[edgeTo[e]])) w[e] = we = hopWeight(cost[e], toGo, here, scaleDays);
      if (we === 0 || toGo >= here) continue;
      total += we;
      outEdge[base + count] = e;
      cumulativeWeight[base + count] = total;
      if (edgeFareEur[e] > maxFare) maxFare = edgeFareEur[e];
      count++;
    }
    out.count[slot] = count;
    out.maxFareEur[slot] = maxFare;
  }
}
