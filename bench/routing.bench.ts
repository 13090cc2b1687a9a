// Benchmark of the kernel's routing: a full rebuild of the cost-to-go tables (6 destinations × 3
// cost classes = 18 backward searches) on k-nearest geometric graphs of 60 nodes (the default
// scenario's size) and 200 nodes, against ngraph.path's nba find() on the same graphs.
// Not like for like: one rebuild answers every source for 18 (dest, class) pairs, one find()
// answers one (source, dest) pair. Each bench call loops so that it does ≥ 0.1 ms of work; the
// loop counts are in the bench names, divide the mean by them for the per-operation cost.

import { nba } from 'ngraph.path';
import seedrandom from 'seedrandom';
import { bench, describe } from 'vitest';
import { createRoutingTables } from '../src/model/routing.js';
import { geometricGraph, toNgraph } from '../test/fixtures/graphs.js';

const DESTINATIONS = 6;
const COST_CLASSES = 3;

function setup(nodes: number) {
  const rng = seedrandom.alea(`routing-bench-${nodes}`);
  const { graph, cost } = geometricGraph(rng, nodes, 3);
  // Three ways of pricing the same edges: plain, risk-averse (some edges 5× dearer), and with
  // 5% of the edges closed (Infinity), as after a border closure.
  const riskAverse = cost.map((c) => (rng() < 0.2 ? c * 5 : c));
  const closed = cost.map((c) => (rng() < 0.05 ? Infinity : c));
  const classes = [cost, riskAverse, closed];
  const destinations = Int32Array.from({ length: DESTINATIONS }, (_, i) => Math.floor((i * nodes) / DESTINATIONS));
  const tables = createRoutingTables(graph, destinations, COST_CLASSES);
  const ng = toNgraph(graph);
  const finder = nba(ng, {
    oriented: true,
    distance: (_a, _b, link) => closed[link.data.edge],
    blocked: (_a, _b, link) => closed[link.data.edge] === Infinity,
  });
  // Sources paired with destinations: 3 sources per destination, 18 finds, as many pairs as tables.
  const pairs: [number, number][] = [];
  for (let d = 0; d < DESTINATIONS; d++) {
    for (let s = 0; s < COST_CLASSES; s++) pairs.push([Math.floor(rng() * nodes), destinations[d]]);
  }
  return { graph, tables, classes, finder, pairs };
}

for (const [nodes, rebuilds, findRounds] of [
  [60, 8, 2],
  [200, 2, 1],
] as const) {
  const s = setup(nodes);
  describe(`${nodes} nodes, ${s.graph.edgeFrom.length} edges`, () => {
    bench(`routing tables: ${rebuilds} full rebuilds (6 dest × 3 classes) per call`, () => {
      for (let r = 0; r < rebuilds; r++) s.tables.rebuild(s.classes);
    });
    bench(`ngraph.path nba: ${findRounds * s.pairs.length} find() per call`, () => {
      for (let r = 0; r < findRounds; r++) {
        for (const [from, to] of s.pairs) s.finder.find(from, to);
      }
    });
  });
}
