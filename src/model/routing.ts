// Routing for the kernel: cost-to-go tables by backward Dijkstra over the CSR network.
//
// Agents never search for a path. For each destination and each cost class (one per way of
// pricing an edge, e.g. by risk aversion), the kernel keeps a table costToGo[node] = least cost from
// node to the destination, plus nextEdge[node] = the first edge of one such least-cost path. An
// agent's step is then a table lookup. Tables are rebuilt only when enforcement changes the edge
// costs (an event, a ramp step), never per agent per step.
//
// Why a hand-rolled typed-array Dijkstra rather than ngraph.path: one ngraph `find()` answers one
// (source, dest) pair in ≈20–27 µs on a 200-node graph and allocates a Map and a heap per call
// (research §A3.3). One backward search here answers every source for one destination and
// allocates nothing. Measured (bench/routing.bench.ts, Node 20.20, 2-core VM): a full 6 dest × 3
// class rebuild takes ≈54 µs at 60 nodes (≈3 µs per search) and ≈140 µs at 200 nodes (≈8 µs),
// while one nba find() on the same graphs takes ≈9–10 µs and ≈31–32 µs.
//
// Pure: no I/O, no clock, no randomness; results depend only on the inputs.

import { IndexedMinHeap } from './minHeap.js';

/** Minimal graph view the searches need (a subset of CompiledNetwork). */
export interface RoutingGraph {
  nodeCount: number;
  edgeFrom: Int32Array;
  edgeTo: Int32Array;
  inOffsets: Int32Array;
  inEdges: Int32Array;
  outOffsets: Int32Array;
  outEdges: Int32Array;
}

/** Build CSR out/in adjacency from edge lists (edges keep their index order within each node). */
export function buildAdjacency(
  nodeCount: number,
  edgeFrom: Int32Array,
  edgeTo: Int32Array,
): { outOffsets: Int32Array; outEdges: Int32Array; inOffsets: Int32Array; inEdges: Int32Array } {
  const edgeCount = edgeFrom.length;
  if (edgeTo.length !== edgeCount) {
    throw new Error(`edgeFrom has ${edgeCount} entries but edgeTo has ${edgeTo.length}`);
  }
  for (let e = 0; e < edgeCount; e++) {
    const a = edgeFrom[e];
    const b = edgeTo[e];
    if (a < 0 || a >= nodeCount || b < 0 || b >= nodeCount) {
      throw new Error(`edge ${e} (${a} -> ${b}) has an endpoint outside 0..${nodeCount - 1}`);
    }
  }
  const [outOffsets, outEdges] = csr(nodeCount, edgeFrom);
  const [inOffsets, inEdges] = csr(nodeCount, edgeTo);
  return { outOffsets, outEdges, inOffsets, inEdges };
}

/** Counting sort of edge indices by `key[e]`; stable, so edges stay in index order per node. */
function csr(nodeCount: number, key: Int32Array): [Int32Array, Int32Array] {
  const offsets = new Int32Array(nodeCount + 1);
  for (let e = 0; e < key.length; e++) offsets[key[e] + 1]++;
  for (let n = 0; n < nodeCount; n++) offsets[n + 1] += offsets[n];
  const fill = offsets.slice(0, nodeCount);
  const edges = new Int32Array(key.length);
  for (let e = 0; e < key.length; e++) edges[fill[key[e]]++] = e;
  return [offsets, edges];
}

/**
 * Reusable backward Dijkstra: fills costToGo[n] = least total cost of a path n → dest using edge
 * costs edgeCost[e] (>= 0, may be Infinity meaning impassable). Unreachable nodes get Infinity.
 * nextEdge[n] = the first edge of one least-cost path (-1 for dest and unreachable nodes); ties
 * broken deterministically (lowest edge index).
 */
export interface CostToGoSearch {
  /** With `needed` (a 0/1 mask of nodes with `neededCount` ones), the search stops once every
   * needed node is settled: their costToGo and nextEdge are then final, other nodes' may be
   * tentative (too high) or Infinity. */
  run(dest: number, edgeCost: Float64Array, costToGo: Float64Array, nextEdge: Int32Array, needed?: Uint8Array, neededCount?: number): void;
}

export function createCostToGoSearch(graph: RoutingGraph): CostToGoSearch {
  const { nodeCount, edgeFrom, inOffsets, inEdges } = graph;
  // All scratch memory is allocated here, once; run() only overwrites it.
  const heap = new IndexedMinHeap(nodeCount);
  const settled = new Uint8Array(nodeCount);

  function run(dest: number, edgeCost: Float64Array, costToGo: Float64Array, nextEdge: Int32Array, needed?: Uint8Array, neededCount = 0): void {
    if (!(dest >= 0 && dest < nodeCount)) throw new Error(`destination ${dest} is not a node index`);
    if (edgeCost.length !== edgeFrom.length) {
      throw new Error(`edgeCost has ${edgeCost.length} entries, the graph has ${edgeFrom.length} edges`);
    }
    if (costToGo.length < nodeCount || nextEdge.length < nodeCount) {
      throw new Error(`output arrays need ${nodeCount} entries`);
    }
    costToGo.fill(Infinity, 0, nodeCount);
    nextEdge.fill(-1, 0, nodeCount);
    settled.fill(0);
    heap.reset();
    costToGo[dest] = 0;
    heap.push(dest, 0);
    let missing = needed === undefined ? -1 : neededCount;
    for (let u = heap.pop(); u >= 0; u = heap.pop()) {
      settled[u] = 1;
      if (missing > 0 && needed![u] === 1 && --missing === 0) return;
      const du = costToGo[u];
      // Relax every edge v → u. Nodes are settled in (cost, index) order and a nextEdge changes
      // only while its node is unsettled, so nextEdge always points at a node settled earlier: the
      // next-edge graph is a tree even with zero-cost cycles. Ties: v's candidate edges arrive from
      // different u in settle order, not index order, hence the explicit `e < nextEdge[v]`; with
      // positive costs the lowest-index least-cost out-edge wins (zero-cost ties: among edges to
      // nodes settled before v).
      for (let i = inOffsets[u], end = inOffsets[u + 1]; i < end; i++) {
        const e = inEdges[i];
        const v = edgeFrom[e];
        if (settled[v] === 1) continue;
        const cand = du + edgeCost[e];
        const dv = costToGo[v];
        if (cand < dv) {
          costToGo[v] = cand;
          nextEdge[v] = e;
          heap.push(v, cand);
        } else if (cand === dv && e < nextEdge[v]) {
          // cand === dv is never true for Infinity here: dv = Infinity has nextEdge -1.
          nextEdge[v] = e;
        }
      }
    }
  }

  return { run };
}

/**
 * Cost-to-go tables for several destinations × several cost vectors: tables.costToGo[t] has
 * nodeCount entries for table t = destIndex * costClasses + costClass. rebuild recomputes all tables.
 */
export interface RoutingTables {
  costToGo: Float64Array[];
  nextEdge: Int32Array[];
  rebuild(edgeCostByClass: Float64Array[]): void;
  /** Recompute table t alone (an information community's tables are built on first use), up to
   * the `needed` nodes if given (see CostToGoSearch). */
  rebuildTable(t: number, edgeCost: Float64Array, needed?: Uint8Array, neededCount?: number): void;
}

export function createRoutingTables(graph: RoutingGraph, destinations: Int32Array, costClasses: number): RoutingTables {
  if (!Number.isInteger(costClasses) || costClasses < 1) {
    throw new Error(`costClasses must be a positive integer, got ${costClasses}`);
  }
  const search = createCostToGoSearch(graph);
  const tableCount = destinations.length * costClasses;
  const costToGo: Float64Array[] = [];
  const nextEdge: Int32Array[] = [];
  for (let t = 0; t < tableCount; t++) {
    costToGo.push(new Float64Array(graph.nodeCount).fill(Infinity));
    nextEdge.push(new Int32Array(graph.nodeCount).fill(-1));
  }

  function rebuild(edgeCostByClass: Float64Array[]): void {
    if (edgeCostByClass.length !== costClasses) {
      throw new Error(`expected ${costClasses} cost vectors, got ${edgeCostByClass.length}`);
    }
    for (let d = 0; d < destinations.length; d++) {
      for (let c = 0; c < costClasses; c++) {
        const t = d * costClasses + c;
        search.run(destinations[d], edgeCostByClass[c], costToGo[t], nextEdge[t]);
      }
    }
  }

  function rebuildTable(t: number, edgeCost: Float64Array, needed?: Uint8Array, neededCount?: number): void {
    search.run(destinations[Math.floor(t / costClasses)], edgeCost, costToGo[t], nextEdge[t], needed, neededCount);
  }

  return { costToGo, nextEdge, rebuild, rebuildTable };
}
