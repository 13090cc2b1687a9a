// Generalised cost of each edge for each cohort, in days: travel days, fare converted at the value
// of time, risk-weighted terrain hazard, and at border crossings the expected cost of getting
// across: alone (waiting between tries, injuries in pushbacks, detention) or, where smugglers
// serve the border, with a single or a guaranteed smuggled crossing (smugglerCosts.ts), whichever
// is cheapest. These feed the cost-to-go tables (routing.ts) and the next-hop logit
// (hopWeights.ts). Graded, never only open/closed enforcement follows seeds-000-002 §4a ("this step
// has been considered illegal, legal, dangerous, or relatively safe").

import type { CompiledScenario, EnforcementColumns } from './compiled.js';

/** Expected cost in days of getting across each border edge, per cohort, by way of crossing.
 * Infinity where a way is not offered (no smuggler serves the border). */
export interface AttemptCosts {
  alone: Float64Array[];
  single: Float64Array[];
  guaranteed: Float64Array[];
}

export function createAttemptCosts(cohorts: number, edges: number): AttemptCosts {
  const make = () => Array.from({ length: cohorts }, () => new Float64Array(edges).fill(Infinity));
  return { alone: make(), single: make(), guaranteed: make() };
}

/** Probability that one attempt without help gets through (possibly after detention). */
export function crossingChance(c: EnforcementColumns, e: number): number {
  if (c.legalCorridor[e] > 0) return 1;
  return (1 - c.fence[e]) * (1 - c.detection[e] * c.pushback[e]);
}

/** Expected days lost per successful crossing with per-attempt fence stop `fence`, detection
 * `detection`, and, once detected, pushback `pushback` (else detention); `risk` weighs injuries. */
export function attemptDays(
  compiled: CompiledScenario,
  c: EnforcementColumns,
  e: number,
  fence: number,
  detection: number,
  pushback: number,
  risk: number,
): { days: number; chance: number } {
  const b = compiled.behaviour;
  const chance = Math.max((1 - fence) * (1 - detection * pushback), 1 / b.maxExpectedAttempts);
  const pushbacksPerSuccess = ((1 - fence) * detection * pushback) / chance;
  const detentionsPerSuccess = ((1 - fence) * detection * (1 - pushback)) / chance;
  const days =
    ((1 - chance) / chance) * b.retryWaitDays +
    pushbacksPerSuccess * c.injury[e] * (risk * b.injuryCostDays + b.injuryRestDays) +
    detentionsPerSuccess * c.detentionDays[e];
  return { days, chance };
}

/** One cost class: the edge costs of cohort k under enforcement columns `c` (the truth, or what an
 * information community believes, perceived.ts) into `out`, and the cost of crossing alone into
 * `alone`; `single` and `guaranteed` hold the smuggled costs of the same class. With `edges`, only
 * those edges are priced: a caller that priced every edge of `out` once passes the border edges,
 * the only ones whose cost depends on enforcement or the market (62 of 204 on western-balkans). */
export function edgeCostsForCohort(
  compiled: CompiledScenario,
  c: EnforcementColumns,
  k: number,
  out: Float64Array,
  alone: Float64Array,
  single: Float64Array,
  guaranteed: Float64Array,
  edges: Int32Array | null = null,
): void {
  const net = compiled.network;
  const b = compiled.behaviour;
  const harmDays = b.hazardDeathShare * b.deathCostDays + (1 - b.hazardDeathShare) * b.injuryCostDays;
  const risk = compiled.cohorts.riskAversion[k];
  const count = edges === null ? out.length : edges.length;
  for (let i = 0; i < count; i++) {
    const e = edges === null ? i : edges[i];
    let cost = net.edgeTravelDays[e] + net.edgeFareEur[e] / b.valueOfTimeEurPerDay + risk * net.edgeHazard[e] * harmDays;
    if (net.edgeBorder[e] >= 0) {
      const days = c.legalCorridor[e] > 0 ? 0 : attemptDays(compiled, c, e, c.fence[e], c.detection[e], c.pushback[e], risk).days;
      alone[e] = days;
      cost += Math.min(days, single[e], guaranteed[e]);
    }
    out[e] = cost;
  }
}
