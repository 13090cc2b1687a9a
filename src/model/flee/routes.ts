// The routes an agent at a location weighs (moving.selectRoute / calculateLinkWeight): every
// path of open links from the location up to `awareness_level` hops, without revisiting a
// location, each prefix being a route of its own. A marker location ends no route and does not
// count as a hop, so routes run through markers to the places behind them.
//
// Why a table: the candidate routes depend only on the open links, which change only when a
// closure is enacted or lifted, while a decision happens for every agent that moves. Routes live
// in an append-only store, so an agent keeps following a route it chose even after the table was
// rebuilt (its next link may since have closed: then it re-plans, as in Flee).

import type { CompiledNetwork } from '../compiled.js';

export interface RouteStore {
  /** Nodes of route r after its origin: nodes[offset[r] .. offset[r] + length[r]). */
  nodes: Int32Array;
  offset: Int32Array;
  length: Int32Array;
  /** Last node and total distance in km. */
  end: Int32Array;
  distanceKm: Float64Array;
  count: number;
  used: number;
}

export function createRouteStore(): RouteStore {
  const n = 256;
  return {
    nodes: new Int32Array(n * 4),
    offset: new Int32Array(n),
    length: new Int32Array(n),
    end: new Int32Array(n),
    distanceKm: new Float64Array(n),
    count: 0,
    used: 0,
  };
}

function grow<T extends Int32Array | Float64Array>(a: T, size: number): T {
  if (size <= a.length) return a;
  const b = new (a.constructor as new (n: number) => T)(Math.max(size, a.length * 2));
  b.set(a);
  return b;
}

/** Append a route (its nodes after the origin) and return its id. */
export function addRoute(store: RouteStore, nodes: ArrayLike<number>, count: number, distanceKm: number): number {
  const r = store.count++;
  store.offset = grow(store.offset, store.count);
  store.length = grow(store.length, store.count);
  store.end = grow(store.end, store.count);
  store.distanceKm = grow(store.distanceKm, store.count);
  store.nodes = grow(store.nodes, store.used + count);
  for (let k = 0; k < count; k++) store.nodes[store.used + k] = nodes[k];
  store.offset[r] = store.used;
  store.length[r] = count;
  store.end[r] = nodes[count - 1];
  store.distanceKm[r] = distanceKm;
  store.used += count;
  return r;
}

/** The candidate routes of every location: routes[start[n] .. start[n + 1]). */
export interface RouteTable {
  start: Int32Array;
  routes: Int32Array;
}

/**
 * Enumerate, for every node, the routes over open edges (`open[e]` = 1) up to `awareness` hops,
 * in Flee's order (depth first, links in their order at each location). `isMarker[n]` = 1 for
 * markers. With awareness ≤ 0 every open link is a one-hop route (chosen uniformly by the caller).
 */
export function buildRouteTable(
  net: Pick<CompiledNetwork, 'outOffsets' | 'outEdges' | 'edgeTo' | 'edgeDistanceKm'>,
  open: Uint8Array,
  isMarker: Uint8Array,
  awareness: number,
  store: RouteStore,
): RouteTable {
  const nodes = net.outOffsets.length - 1;
  const start = new Int32Array(nodes + 1);
  const routes: number[] = [];
  const path: number[] = [];
  const onPath = new Uint8Array(nodes);

  const visit = (from: number, priorKm: number, step: number): void => {
    for (let k = net.outOffsets[from]; k < net.outOffsets[from + 1]; k++) {
      const e = net.outEdges[k];
      const to = net.edgeTo[e];
      if (open[e] === 0 || onPath[to]) continue;
      const km = priorKm + net.edgeDistanceKm[e];
      path.push(to);
      let here = step;
      if (awareness <= 0 || !isMarker[to]) routes.push(addRoute(store, path, path.length, km));
      else here = step - 1;
      if (awareness > here) {
        onPath[to] = 1;
        visit(to, km, here + 1);
        onPath[to] = 0;
      }
      path.pop();
    }
  };

  for (let n = 0; n < nodes; n++) {
    start[n] = routes.length;
    onPath[n] = 1;
    visit(n, 0, 1);
    onPath[n] = 0;
  }
  start[nodes] = routes.length;
  return { start, routes: Int32Array.from(routes) };
}
