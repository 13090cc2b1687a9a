// Tests for the kernel's routing module: exact answers on hand-built graphs, an oracle test against
// ngraph.path on seeded random directed graphs (guarding against its quirks, research §A3.3), and
// the routing tables' layout.

import { aStar, nba } from 'ngraph.path';
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { IndexedMinHeap } from '../../src/model/minHeap.js';
import { buildAdjacency, createCostToGoSearch, createRoutingTables, type RoutingGraph } from '../../src/model/routing.js';
import { geometricGraph, randomDirectedGraph, routingGraph, toNgraph, type FixtureGraph } from '../fixtures/graphs.js';

/** Run one backward search to `dest`; returns fresh output arrays. */
function solve(g: RoutingGraph, cost: number[] | Float64Array, dest: number) {
  const costToGo = new Float64Array(g.nodeCount);
  const nextEdge = new Int32Array(g.nodeCount);
  createCostToGoSearch(g).run(dest, Float64Array.from(cost), costToGo, nextEdge);
  return { costToGo: [...costToGo], nextEdge: [...nextEdge] };
}

const close = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/** Follow nextEdge from `n` to `dest`, checking each edge leaves the current node; returns the summed cost. */
function followCost(g: RoutingGraph, cost: Float64Array, nextEdge: Int32Array, n: number, dest: number): number {
  let total = 0;
  for (let steps = 0; n !== dest; steps++) {
    const e = nextEdge[n];
    if (e < 0 || g.edgeFrom[e] !== n || steps > g.nodeCount) throw new Error(`broken next-edge chain at node ${n}`);
    total += cost[e];
    n = g.edgeTo[e];
  }
  return total;
}

describe('IndexedMinHeap', () => {
  it('pops in (key, id) order with decrease-key, and reset empties it', () => {
    const rng = seedrandom.alea('heap');
    const heap = new IndexedMinHeap(50);
    for (let round = 0; round < 20; round++) {
      heap.reset();
      const best = new Map<number, number>();
      for (let i = 0; i < 120; i++) {
        const id = Math.floor(rng() * 50);
        const key = Math.floor(rng() * 20); // small key range: many equal keys
        heap.push(id, key);
        best.set(id, Math.min(best.get(id) ?? Infinity, key));
      }
      const expected = [...best].sort((a, b) => a[1] - b[1] || a[0] - b[0]).map(([id]) => id);
      const popped: number[] = [];
      for (let id = heap.pop(); id >= 0; id = heap.pop()) popped.push(id);
      expect(popped).toEqual(expected);
      expect(heap.size).toBe(0);
    }
  });
});

describe('buildAdjacency', () => {
  it('groups edges by node in index order', () => {
    const adj = buildAdjacency(3, Int32Array.from([1, 0, 1, 2, 0]), Int32Array.from([0, 2, 2, 0, 1]));
    expect([...adj.outOffsets]).toEqual([0, 2, 4, 5]);
    expect([...adj.outEdges]).toEqual([1, 4, 0, 2, 3]);
    expect([...adj.inOffsets]).toEqual([0, 2, 3, 5]);
    expect([...adj.inEdges]).toEqual([0, 3, 4, 1, 2]);
  });
  it('rejects out-of-range endpoints', () => {
    expect(() => buildAdjacency(2, Int32Array.from([0]), Int32Array.from([2]))).toThrow(/outside/);
  });
});

describe('cost-to-go search on hand-built graphs', () => {
  it('a line: costs accumulate, and nothing reaches the start of a one-way line', () => {
    const g = routingGraph(4, [0, 1, 2], [1, 2, 3]);
    expect(solve(g, [1, 2, 3], 3)).toEqual({ costToGo: [6, 5, 3, 0], nextEdge: [0, 1, 2, -1] });
    expect(solve(g, [1, 2, 3], 0)).toEqual({ costToGo: [0, Infinity, Infinity, Infinity], nextEdge: [-1, -1, -1, -1] });
  });

  it('a diamond: takes the cheaper route even when it uses higher edge indices', () => {
    // e0: 0→2 (1), e1: 2→3 (5), e2: 0→1 (1), e3: 1→3 (1)
    const g = routingGraph(4, [0, 2, 0, 1], [2, 3, 1, 3]);
    expect(solve(g, [1, 5, 1, 1], 3)).toEqual({ costToGo: [2, 1, 5, 0], nextEdge: [2, 3, 1, -1] });
  });

  it('a diamond with equal routes: the lowest edge index wins the tie', () => {
    // Node 1 settles before node 2 (same cost, lower index), so e2 (0→1) is seen first; e0 (0→2) must still win.
    const g = routingGraph(4, [0, 2, 0, 1], [2, 3, 1, 3]);
    expect(solve(g, [1, 1, 1, 1], 3).nextEdge).toEqual([0, 3, 1, -1]);
  });

  it('an unreachable node and an Infinity edge', () => {
    // e0: 0→1 (Infinity), e1: 0→2 (3), e2: 2→1 (3), e3: 3→0 (Infinity); node 4 isolated.
    const g = routingGraph(5, [0, 0, 2, 3], [1, 2, 1, 0]);
    const r = solve(g, [Infinity, 3, 3, Infinity], 1);
    expect(r.costToGo).toEqual([6, 0, 3, Infinity, Infinity]);
    expect(r.nextEdge).toEqual([1, -1, 2, -1, -1]);
  });

  it('parallel edges: the cheaper one is used', () => {
    const g = routingGraph(2, [0, 0, 0], [1, 1, 1]);
    expect(solve(g, [5, 3, Infinity], 1)).toEqual({ costToGo: [3, 0], nextEdge: [1, -1] });
  });

  it('a zero-cost cycle does not make the next-edge chain loop', () => {
    // e0: 0→1 (0), e1: 1→0 (0), e2: 0→2 (1), e3: 1→2 (1)
    const g = routingGraph(3, [0, 1, 0, 1], [1, 0, 2, 2]);
    const cost = Float64Array.from([0, 0, 1, 1]);
    const r = solve(g, cost, 2);
    expect(r.costToGo).toEqual([1, 1, 0]);
    for (const n of [0, 1]) expect(followCost(g, cost, Int32Array.from(r.nextEdge), n, 2)).toBe(1);
  });

  it('a reused search gives the same answers as a fresh one', () => {
    const { graph, cost } = geometricGraph(seedrandom.alea('reuse'), 30, 3);
    const search = createCostToGoSearch(graph);
    const c = new Float64Array(30);
    const nx = new Int32Array(30);
    for (const dest of [0, 7, 29, 7]) {
      search.run(dest, cost, c, nx);
      expect({ costToGo: [...c], nextEdge: [...nx] }).toEqual(solve(graph, cost, dest));
    }
  });

  it('rejects a bad destination or a cost vector of the wrong length', () => {
    const g = routingGraph(2, [0], [1]);
    const s = createCostToGoSearch(g);
    expect(() => s.run(2, new Float64Array(1), new Float64Array(2), new Int32Array(2))).toThrow(/destination/);
    expect(() => s.run(0, new Float64Array(2), new Float64Array(2), new Int32Array(2))).toThrow(/edgeCost/);
  });
});

describe('oracle: agrees with ngraph.path on random directed graphs', () => {
  /** Least-cost path n → dest per ngraph.path, or Infinity when it finds none. */
  function ngraphCosts({ graph, cost }: FixtureGraph) {
    const ng = toNgraph(graph);
    const options = {
      oriented: true,
      distance: (_a: unknown, _b: unknown, link: { data: { edge: number } }) => cost[link.data.edge],
      blocked: (_a: unknown, _b: unknown, link: { data: { edge: number } }) => cost[link.data.edge] === Infinity,
    };
    const finders = { nba: nba(ng, options), aStar: aStar(ng, options) };
    // The cheapest passable edge per ordered pair: ngraph reports nodes, not which parallel link it used.
    const pairCost = new Map<string, number>();
    for (let e = 0; e < cost.length; e++) {
      const key = `${graph.edgeFrom[e]},${graph.edgeTo[e]}`;
      pairCost.set(key, Math.min(pairCost.get(key) ?? Infinity, cost[e]));
    }
    return (finder: keyof typeof finders, source: number, dest: number): number => {
      const path = finders[finder].find(source, dest); // reversed: path[0] is dest
      // aStar quirk: a one-node path when dest is reachable only through blocked links.
      if (path.length < 2) return Infinity;
      expect(path[0].id).toBe(dest);
      expect(path[path.length - 1].id).toBe(source);
      let total = 0;
      for (let i = path.length - 1; i > 0; i--) total += pairCost.get(`${path[i].id},${path[i - 1].id}`) ?? NaN;
      return total;
    };
  }

  it('costToGo matches nba and aStar, and nextEdge chains realise costToGo', () => {
    const rng = seedrandom.alea('routing-oracle');
    let compared = 0;
    let unreachable = 0;
    for (let trial = 0; trial < 300; trial++) {
      const nodes = 2 + Math.floor(rng() * 30);
      const fixture =
        trial % 10 === 9
          ? geometricGraph(rng, nodes, 3)
          : randomDirectedGraph(rng, {
              nodes,
              edges: Math.floor(nodes * (0.5 + rng() * 3)),
              blockedShare: rng() * 0.3,
              zeroShare: trial % 3 === 0 ? 0.1 : 0,
              integerCosts: trial % 2 === 0,
            });
      const { graph, cost } = fixture;
      const pathCost = ngraphCosts(fixture);
      const search = createCostToGoSearch(graph);
      const costToGo = new Float64Array(nodes);
      const nextEdge = new Int32Array(nodes);
      for (let k = 0; k < 3; k++) {
        const dest = Math.floor(rng() * nodes);
        search.run(dest, cost, costToGo, nextEdge);
        expect(costToGo[dest]).toBe(0);
        expect(nextEdge[dest]).toBe(-1);
        for (let n = 0; n < nodes; n++) {
          if (costToGo[n] === Infinity) expect(nextEdge[n]).toBe(-1);
          else if (!close(followCost(graph, cost, nextEdge, n, dest), costToGo[n])) throw new Error(`chain cost at ${n}`);
        }
        for (let s = 0; s < 5; s++) {
          const source = Math.floor(rng() * nodes);
          if (source === dest) continue; // nba returns [] for find(x, x)
          for (const finder of ['nba', 'aStar'] as const) {
            const theirs = pathCost(finder, source, dest);
            const ours = costToGo[source];
            if (!(ours === theirs || close(ours, theirs))) {
              throw new Error(`trial ${trial} ${finder} ${source}→${dest}: ours ${ours}, ngraph ${theirs}`);
            }
            compared++;
            if (ours === Infinity) unreachable++;
          }
        }
      }
    }
    // Make sure the sample exercised both outcomes.
    expect(compared).toBeGreaterThan(5000);
    expect(unreachable).toBeGreaterThan(500);
    expect(compared - unreachable).toBeGreaterThan(2000);
  });
});

describe('routing tables', () => {
  it('2 destinations × 2 cost classes equal individual runs, table t = dest * classes + class', () => {
    const rng = seedrandom.alea('tables');
    const { graph, cost } = geometricGraph(rng, 40, 3);
    const risky = cost.map((c, e) => (e % 5 === 0 ? c * 10 : e % 7 === 0 ? Infinity : c));
    const destinations = Int32Array.from([3, 17]);
    const tables = createRoutingTables(graph, destinations, 2);
    expect(tables.costToGo).toHaveLength(4);
    for (const classes of [[cost, risky], [risky, cost]]) {
      tables.rebuild(classes);
      for (let d = 0; d < 2; d++) {
        for (let c = 0; c < 2; c++) {
          const t = d * 2 + c;
          const single = solve(graph, classes[c], destinations[d]);
          expect({ costToGo: [...tables.costToGo[t]], nextEdge: [...tables.nextEdge[t]] }).toEqual(single);
        }
      }
    }
    expect(tables.costToGo[0]).not.toEqual(tables.costToGo[1]);
    expect(() => tables.rebuild([cost])).toThrow(/2 cost vectors/);
  });
});
