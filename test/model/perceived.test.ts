// Perceived enforcement (perceived.ts): the columns derived from a community's beliefs give exactly
// the believed chance of getting through, and, when beliefs equal the truth, the true costs.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ENFORCEMENT_FIELDS, type EnforcementColumns } from '../../src/model/compiled.js';
import { attemptDays, crossingChance } from '../../src/model/edgeCost.js';
import { perceivedColumns, truthPerBorder } from '../../src/model/perceived.js';
import { compileScenario } from '../../src/scenarios/compile.js';
import { lineScenario } from '../fixtures/scenarios.js';

const compiled = compileScenario(lineScenario());
const edge = compiled.network.edgeBorder.indexOf(0);
const columns = () => Object.fromEntries(ENFORCEMENT_FIELDS.map((f) => [f, new Float64Array(compiled.network.edgeIds.length)])) as unknown as EnforcementColumns;

// Probabilities in steps of 0.001, as scenarios give them (far from the denormal corners where
// 1 − detection × pushback rounds to 1).
const probability = (max = 1000) => fc.integer({ min: 0, max }).map((n) => n / 1000);
const enforcement = fc.record({
  detection: probability(),
  pushback: probability(),
  injury: probability(),
  fence: probability(990),
  detentionDays: fc.integer({ min: 0, max: 10 }),
});

function truthOf(e: { detection: number; pushback: number; injury: number; fence: number; detentionDays: number }): EnforcementColumns {
  const c = columns();
  for (const [k, v] of Object.entries(e)) (c as unknown as Record<string, Float64Array>)[k][edge] = v;
  return c;
}

describe('perceived enforcement', () => {
  it('one attempt gets through with exactly the believed chance, whatever the truth', () => {
    fc.assert(
      fc.property(enforcement, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (e, p, v) => {
        const out = columns();
        perceivedColumns(compiled, truthOf(e), Float64Array.of(p), Float64Array.of(v), 0, out);
        expect(crossingChance(out, edge)).toBeCloseTo(p, 12);
        for (const f of ['fence', 'detection', 'injury'] as const) expect(out[f][edge]).toBeGreaterThanOrEqual(0);
        for (const f of ['fence', 'detection', 'injury'] as const) expect(out[f][edge]).toBeLessThanOrEqual(1 + 1e-12);
        expect(out.pushback[edge]).toBe(e.pushback);
        expect(out.detentionDays[edge]).toBe(e.detentionDays);
      }),
    );
  });

  it('beliefs equal to the truth give the true cost of getting across', () => {
    fc.assert(
      fc.property(enforcement, (e) => {
        const truth = truthOf(e);
        const chance = new Float64Array(1);
        const injury = new Float64Array(1);
        truthPerBorder(compiled, truth, chance, injury);
        const out = columns();
        perceivedColumns(compiled, truth, chance, injury, 0, out);
        const cost = (c: EnforcementColumns) => attemptDays(compiled, c, edge, c.fence[edge], c.detection[edge], c.pushback[edge], 1).days;
        expect(cost(out)).toBeCloseTo(cost(truth), 6);
      }),
    );
  });
});
