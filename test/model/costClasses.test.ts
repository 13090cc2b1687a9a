// The engine's route tables shared by cost class and updated only where their inputs moved
// (costClasses.ts, communityRoutes.ts, updateTableHopWeights) must be exactly the tables the
// kernel built before, one full set per cohort: every cost-to-go, next edge, hop weight and
// fast-path candidate a person of each cohort reads, day after day through ramps and market moves.

import { describe, expect, it } from 'vitest';
import { createRoutes } from '../../src/model/communityRoutes.js';
import { costClassesOf } from '../../src/model/costClasses.js';
import { createAttemptCosts, edgeCostsForCohort } from '../../src/model/edgeCost.js';
import { createEnforcement } from '../../src/model/enforcement.js';
import { createHopCandidates, tableHopCandidates, tableHopWeights } from '../../src/model/hopWeights.js';
import { createCostToGoSearch } from '../../src/model/routing.js';
import { createMarketSnapshot, smuggledCostsForCohort, takeMarketSnapshot } from '../../src/model/smugglerCosts.js';
import { createSmugglerMarket } from '../../src/model/smugglers.js';
import type { CompiledScenario } from '../../src/model/compiled.js';
import { compileScenario } from '../../src/scenarios/compile.js';
import { loadScenario } from '../../src/scenarios/load.js';

const westernScenario = (await loadScenario('western-balkans')).scenario;
const western = compileScenario(westernScenario);

describe('cost classes', () => {
  it('group the cohorts of western-balkans by risk aversion, with their destinations', () => {
    const classes = costClassesOf(western);
    const risk = western.cohorts.riskAversion;
    expect(classes.count).toBe(new Set(risk).size);
    expect(classes.count).toBeLessThan(risk.length);
    for (let k = 0; k < risk.length; k++) {
      const c = classes.ofCohort[k];
      expect(risk[classes.cohort[c]]).toBe(risk[k]);
      for (const d of western.cohorts.destNodes[k]) expect(classes.destinations[c]).toContain(d);
    }
  });

  it('give every cohort, every day, the tables of a full per-cohort build', () => {
    expectSameTablesAsPerCohort(western, 900);
  });

  it('also without smugglers', () => {
    expectSameTablesAsPerCohort(compileScenario({ ...westernScenario, smugglers: undefined }), 500);
  });
});

/** Step enforcement and market day by day as the kernel does and, on days the tables are rebuilt,
 * compare what each cohort reads with tables built from scratch for that cohort alone. */
function expectSameTablesAsPerCohort(compiled: CompiledScenario, days: number): void {
  const net = compiled.network;
  const K = compiled.cohorts.ids.length;
  const edges = net.edgeIds.length;
  const nodes = net.nodeIds.length;
  const enforcement = createEnforcement(compiled);
  const market = createSmugglerMarket(compiled, enforcement.columns);
  const routes = createRoutes(compiled, enforcement.columns, market, null, false);
  const search = createCostToGoSearch({ nodeCount: nodes, ...net });
  const snap = createMarketSnapshot(compiled);
  const attempt = createAttemptCosts(1, edges);
  const cost = new Float64Array(edges);
  const v = new Float64Array(nodes);
  const next = new Int32Array(nodes);
  const w = new Float64Array(edges);
  const cand = createHopCandidates(compiled, 1);
  let compared = 0;
  for (let day = 0; day < days; day++) {
    const enforcementChanged = enforcement.apply(day);
    const marketChanged = market !== null && market.startDay(day);
    const changed = enforcementChanged || marketChanged || day === 0;
    routes.startDay(day, changed);
    if (changed && market) takeMarketSnapshot(compiled, enforcement.columns, market, snap);
    if (!changed || (day > 30 && day % 7 !== 0)) continue;
    for (let k = 0; k < K; k++) {
      const g = routes.classOf[k];
      if (market) smuggledCostsForCohort(compiled, enforcement.columns, snap, k, null, 0, attempt.single[0], attempt.guaranteed[0]);
      edgeCostsForCohort(compiled, enforcement.columns, k, cost, attempt.alone[0], attempt.single[0], attempt.guaranteed[0]);
      expect(routes.attempt.alone[g]).toEqual(attempt.alone[0]);
      expect(routes.attempt.single[g]).toEqual(attempt.single[0]);
      for (const d of new Set(compiled.cohorts.destNodes[k])) {
        search.run(compiled.destinations[d], cost, v, next);
        tableHopWeights(compiled, v, cost, w);
        tableHopCandidates(compiled, 0, v, w, cand);
        const t = d * routes.classes + g;
        expect(routes.costToGo[t]).toEqual(v);
        expect(routes.weights[t]).toEqual(w);
        const stride = cand.stride;
        expect(routes.candidates.count.subarray(t * nodes, (t + 1) * nodes)).toEqual(cand.count.subarray(0, nodes));
        expect(routes.candidates.maxFareEur.subarray(t * nodes, (t + 1) * nodes)).toEqual(cand.maxFareEur.subarray(0, nodes));
        for (let n = 0; n < nodes; n++) {
          const count = cand.count[n];
          const ours = (t * nodes + n) * stride;
          expect(routes.candidates.edge.subarray(ours, ours + count)).toEqual(cand.edge.subarray(n * stride, n * stride + count));
          expect(routes.candidates.cumulativeWeight.subarray(ours, ours + count)).toEqual(cand.cumulativeWeight.subarray(n * stride, n * stride + count));
        }
        compared++;
      }
    }
  }
  expect(compared).toBeGreaterThan(100);
}
