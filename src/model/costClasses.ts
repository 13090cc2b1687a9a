// Cost classes of the engine's route tables: cohorts that price every edge alike share one set of
// tables. A cohort enters the edge costs (edgeCost.ts, smugglerCosts.ts) only through its risk
// aversion, so cohorts with equal risk aversion get bit-identical costs, cost-to-go tables, hop
// weights and candidates; building them once per risk aversion instead of once per cohort changes
// no result. Each class builds only the tables of destinations one of its cohorts heads for. A
// cohort parameter that ever enters the edge costs must join the key (test/model/costClasses.test.ts
// compares every cohort's tables with a per-cohort build).
// Why: western-balkans has 12 cohorts with 7 distinct risk aversions and 3 destinations, 20 tables
// instead of 36 on each of the ~1,400 days a ramp or the market changes enforcement costs; route
// tables were ~40% of a replicate (CPU profile, bench/DECLARATION.md).

import type { CompiledScenario } from './compiled.js';

export interface CostClasses {
  count: number;
  /** Per cohort: its class. */
  ofCohort: Int32Array;
  /** Per class: the first cohort in it (whose parameters price the class's edges). */
  cohort: Int32Array;
  /** Per class: the destination indices (into compiled.destinations) its cohorts head for, ascending. */
  destinations: Int32Array[];
}

export function costClassesOf(compiled: CompiledScenario): CostClasses {
  const { riskAversion, destNodes } = compiled.cohorts;
  const K = riskAversion.length;
  const byRisk = new Map<number, number>();
  const ofCohort = new Int32Array(K);
  const first: number[] = [];
  const dests: Set<number>[] = [];
  for (let k = 0; k < K; k++) {
    let c = byRisk.get(riskAversion[k]);
    if (c === undefined) {
      c = first.length;
      byRisk.set(riskAversion[k], c);
      first.push(k);
      dests.push(new Set());
    }
    ofCohort[k] = c;
    for (const d of destNodes[k]) dests[c].add(d);
  }
  return {
    count: first.length,
    ofCohort,
    cohort: Int32Array.from(first),
    destinations: dests.map((s) => Int32Array.from([...s].sort((a, b) => a - b))),
  };
}
