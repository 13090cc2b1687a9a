// Route tables per information community (communityRoutes.ts): the backward search that stops once
// the needed nodes are settled gives them exactly the full search's values; tables are built only
// for communities where people are, and rebuilt when what they believe moves.

import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { createModel } from '../../src/model/createModel.js';
import { createCostToGoSearch } from '../../src/model/routing.js';
import { compileScenario } from '../../src/scenarios/compile.js';
import { geometricGraph } from '../fixtures/graphs.js';
import { crackdownScenario } from '../fixtures/scenarios.js';

describe('community route tables', () => {
  it('a search that stops at the needed nodes gives them the full search’s cost-to-go and next edge', () => {
    const rng = seedrandom.alea('early-exit');
    for (let round = 0; round < 20; round++) {
      const { graph, cost } = geometricGraph(rng, 60, 3);
      const search = createCostToGoSearch(graph);
      const dest = Math.floor(rng() * 60);
      const full = { v: new Float64Array(60), next: new Int32Array(60) };
      search.run(dest, Float64Array.from(cost), full.v, full.next);
      const needed = Uint8Array.from({ length: 60 }, () => (rng() < 0.15 ? 1 : 0));
      const count = needed.reduce((a, x) => a + x, 0);
      const part = { v: new Float64Array(60), next: new Int32Array(60) };
      search.run(dest, Float64Array.from(cost), part.v, part.next, needed, count);
      for (let n = 0; n < 60; n++) {
        if (needed[n] === 0) continue;
        expect(part.v[n]).toBe(full.v[n]);
        expect(part.next[n]).toBe(full.next[n]);
      }
    }
  });

  it('builds tables only for communities with people, and again when their beliefs move', () => {
    const compiled = compileScenario(crackdownScenario({}));
    const model = createModel(compiled, 1, 0);
    const builds: number[] = [];
    while (model.day < compiled.days) {
      model.step();
      builds.push(model.routeBuilds);
    }
    // Day 0: people only at the entry, so one community of the five (one cohort × five countries)
    // is built. Afterwards communities are rebuilt as their beliefs move — often in the first weeks,
    // while beliefs settle from the priors (confidence 20) onto the evidence, and after the
    // crackdown of 1 March (day 60) — but far less than once per community per day.
    expect(builds[0]).toBe(1);
    expect(builds[compiled.days - 1]).toBeGreaterThan(builds[59]);
    expect(builds[compiled.days - 1]).toBeLessThan(compiled.days);
  });
});
