// Generalised cost of each edge for each cohort, in days: travel days, fare converted at the value
// of time, risk-weighted terrain hazard, and at border crossings the expected cost of the attempts
// a person needs (waiting between tries, injuries in pushbacks, detention). These feed the
// cost-to-go tables (routing.ts) and the next-hop logit (hopWeights.ts). Mechanism after DESIGN §3;
// the graded, never only open/closed enforcement follows seeds-000-002 §4a ("this step has been
// considered illegal, legal, dangerous, or relatively safe").

import type { CompiledScenario, EnforcementColumns } from './compiled.js';

/** Probability that one attempt without help gets through (possibly after detention). */
export function crossingChance(c: EnforcementColumns, e: number): number {
  if (c.legalCorridor[e] > 0) return 1;
  return (1 - c.fence[e]) * (1 - c.detection[e] * c.pushback[e]);
}

/** Fill costDays[k][e] for every cohort k and edge e under the current enforcement. */
export function computeEdgeCosts(compiled: CompiledScenario, c: EnforcementColumns, costDays: Float64Array[]): void {
  const net = compiled.network;
  const b = compiled.behaviour;
  const harmDays = b.hazardDeathShare * b.deathCostDays + (1 - b.hazardDeathShare) * b.injuryCostDays;
  const minChance = 1 / b.maxExpectedAttempts;
  for (let k = 0; k < costDays.length; k++) {
    const risk = compiled.cohorts.riskAversion[k];
    const out = costDays[k];
    for (let e = 0; e < out.length; e++) {
      let cost = net.edgeTravelDays[e] + net.edgeFareEur[e] / b.valueOfTimeEurPerDay + risk * net.edgeHazard[e] * harmDays;
      if (net.edgeBorder[e] >= 0 && c.legalCorridor[e] === 0) {
        const p = Math.max(crossingChance(c, e), minChance);
        const pushbacksPerSuccess = ((1 - c.fence[e]) * c.detection[e] * c.pushback[e]) / p;
        const detentionsPerSuccess = ((1 - c.fence[e]) * c.detection[e] * (1 - c.pushback[e])) / p;
        const injuriesPerSuccess = pushbacksPerSuccess * c.injury[e];
        cost +=
          ((1 - p) / p) * b.retryWaitDays +
          injuriesPerSuccess * (risk * b.injuryCostDays + b.injuryRestDays) +
          detentionsPerSuccess * c.detentionDays[e];
      }
      out[e] = cost;
    }
  }
}
