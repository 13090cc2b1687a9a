// Flee's route choice for the Flee stepper (createFleeModel.ts): the candidate routes of every
// place up to awareness_level hops (routes.ts, rebuilt when a closure changes the open links),
// their weights refreshed once a day from the location scores, the draw of one route for an agent
// leaving a place (moving.selectRoute, with forced redirection and awareness ≤ 0), and the link an
// agent takes next on its route (the first open link to the route's next place).
//
// Why the extra tables (each hop of each agent goes through choose() and nextEdge(), and agents
// often chain several hops a day): a place whose candidate routes all end where there is no
// capacity has the same weights all day, so their sum is taken once a day (in the same order, so
// the same bits); and the first link of each route of the table is found once per table, not per
// hop. With one pass over waiting agents in createFleeModel.ts they cut the CPU time of a replicate
// of the synthetic benchmark by about a fifth, with the same bytes (bench/DECLARATION.md).

import type { CompiledNetwork } from '../compiled.js';
import type { CompiledFlee } from './compileRules.js';
import type { LinkState } from './dayEvents.js';
import { addRoute, buildRouteTable, createRouteStore, type RouteStore, type RouteTable } from './routes.js';
import { capacityMultiplier, routeBaseWeight } from './rules.js';

export interface RouteChoice {
  store: RouteStore;
  /** Rebuild the candidate routes after a change of the open links. */
  rebuild(): void;
  /** The day's route weights from the places' scores. */
  updateWeights(score: Float64Array): void;
  /** Draw a route for an agent leaving node n; -1 when there is none. */
  choose(n: number): number;
  /** The open link from `node` to the `pos`-th place of route r, or -1. */
  nextEdge(r: number, pos: number, node: number): number;
}

export function createRouteChoice(
  net: CompiledNetwork,
  f: CompiledFlee,
  links: LinkState,
  isMarker: Uint8Array,
  numAgents: Int32Array,
  behaviour: () => number,
): RouteChoice {
  const s = f.settings;
  const nodes = net.nodeIds.length;
  const { outOffsets, outEdges, edgeTo, edgeDistanceKm } = net;
  const { open, forced } = links;
  const capacityOf = f.capacity;
  const store = createRouteStore();
  const singleHop = Int32Array.from({ length: net.edgeIds.length }, (_, e) => addRoute(store, [edgeTo[e]], 1, edgeDistanceKm[e]));
  const hasCapacity = Uint8Array.from(capacityOf, (c) => (c * s.capacity_scaling >= 1 ? 1 : 0));
  // Per candidate slot of the table: the route's end and its weight before the end's capacity
  // multiplier, with weight_power applied ((b × cap)^p = b^p × cap^p), refreshed daily.
  let table: RouteTable;
  let slotEnd: Int32Array;
  let slotWeight: Float64Array;
  /** Per node: 1 when no candidate route ends at a place with a capacity; then nodeTotal is the
   * day's sum of its weights. */
  let staticNode: Uint8Array;
  const nodeTotal = new Float64Array(nodes);
  /** First open link of each table route (by route id; -1 for routes outside the table). */
  let routeFirstEdge = new Int32Array(0);
  let scratch = new Float64Array(64);

  /** The first open link from n to m in link order, or -1. */
  function firstOpenLink(n: number, m: number): number {
    for (let k = outOffsets[n]; k < outOffsets[n + 1]; k++) {
      const e = outEdges[k];
      if (open[e] && edgeTo[e] === m) return e;
    }
    return -1;
  }

  function rebuild(): void {
    table = buildRouteTable(net, open, isMarker, s.awareness_level, store);
    slotEnd = Int32Array.from(table.routes, (r) => store.end[r]);
    slotWeight = new Float64Array(table.routes.length);
    staticNode = new Uint8Array(nodes);
    routeFirstEdge = new Int32Array(store.count).fill(-1);
    for (let n = 0; n < nodes; n++) {
      let fixed = 1;
      for (let k = table.start[n]; k < table.start[n + 1]; k++) {
        if (hasCapacity[slotEnd[k]]) fixed = 0;
        const r = table.routes[k];
        routeFirstEdge[r] = firstOpenLink(n, store.nodes[store.offset[r]]);
      }
      staticNode[n] = fixed;
    }
  }
  rebuild();

  function updateWeights(score: Float64Array): void {
    const { routes } = table;
    for (let k = 0; k < routes.length; k++) {
      const w = routeBaseWeight(s, score[slotEnd[k]], store.distanceKm[routes[k]]);
      slotWeight[k] = s.weight_power === 1 ? w : w ** s.weight_power;
    }
    for (let n = 0; n < nodes; n++) {
      if (!staticNode[n]) continue;
      let total = 0;
      for (let k = table.start[n]; k < table.start[n + 1]; k++) total += slotWeight[k];
      nodeTotal[n] = total;
    }
  }

  /** The end's capacity multiplier to weight_power (1 without a capacity). */
  function capFactor(n: number): number {
    if (!hasCapacity[n]) return 1;
    const m = capacityMultiplier(s, capacityOf[n], numAgents[n]);
    return s.weight_power === 1 ? m : m ** s.weight_power;
  }

  function choose(n: number): number {
    if (links.anyForced) {
      for (let k = outOffsets[n]; k < outOffsets[n + 1]; k++) {
        const e = outEdges[k];
        if (open[e] && forced[e] && capacityMultiplier(s, capacityOf[edgeTo[e]], numAgents[edgeTo[e]]) > 1e-6) return singleHop[e];
      }
    }
    if (s.awareness_level <= 0) {
      let options = 0;
      for (let k = outOffsets[n]; k < outOffsets[n + 1]; k++) if (open[outEdges[k]]) options++;
      if (options === 0) return -1;
      let pick = Math.floor(behaviour() * options);
      for (let k = outOffsets[n]; k < outOffsets[n + 1]; k++) if (open[outEdges[k]] && pick-- === 0) return singleHop[outEdges[k]];
      return -1;
    }
    const from = table.start[n];
    const to = table.start[n + 1];
    const m = to - from;
    if (m <= 1) return m === 1 ? table.routes[from] : -1;
    // Weights × capacity factor 1 are the weights themselves: static places read them directly.
    let weights = slotWeight;
    let offset = from;
    let total = 0;
    if (staticNode[n]) total = nodeTotal[n];
    else {
      if (m > scratch.length) scratch = new Float64Array(m * 2);
      for (let k = 0; k < m; k++) {
        const w = slotWeight[from + k] * capFactor(slotEnd[from + k]);
        scratch[k] = w;
        total += w;
      }
      weights = scratch;
      offset = 0;
    }
    // All weights zero: equal weights (moving.normalizeWeights).
    const equal = !(total > 0);
    let u = behaviour() * (equal ? m : total);
    for (let k = 0; k < m - 1; k++) {
      u -= equal ? 1 : weights[offset + k];
      if (u < 0) return table.routes[from + k];
    }
    return table.routes[to - 1];
  }

  return {
    store,
    rebuild,
    updateWeights,
    choose,
    // A route just taken from the table starts on its known first link (the links open today).
    nextEdge: (r, pos, node) => (pos === 0 && r < routeFirstEdge.length && routeFirstEdge[r] >= 0 ? routeFirstEdge[r] : firstOpenLink(node, store.nodes[store.offset[r] + pos])),
  };
}
