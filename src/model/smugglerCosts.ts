// The expected cost, in days, of crossing a border with a smuggler, per cohort and edge, for the
// route tables: a single attempt bought each time, or a guaranteed package paid once (DESIGN §3;
// seed 003 L1468–1470: prices rise "especially for packages that guarantee success, reflecting
// increased risk, cost of repeated attempts, and bribes"). Smuggled groups avoid a share `skill` of
// fence and detection (seed 003 L978–980: "They know where thermal and visual cameras are"), which
// anti-smuggling cooperation cancels in part; a detected group gets through on a bribe with the
// border's `corruption` (seed 003 L919–924, L1211–1218); covert routes add hazard in proportion to
// detection (seed 001 L83–85); violence and extortion rise with the pressure networks feel
// (seed 003 L1184–1193, L1225–1227).

import type { CompiledScenario, EnforcementColumns } from './compiled.js';
import { attemptDays } from './edgeCost.js';
import type { SmugglerMarket } from './smugglers.js';

export interface SmuggledOdds {
  fence: number;
  detection: number;
  /** Pushback once detected, net of bribes. */
  pushback: number;
}

/** Fence, detection and pushback a smuggled group of a network with `skill` faces at edge e. */
export function smuggledOdds(c: EnforcementColumns, e: number, skill: number, out: SmuggledOdds): SmuggledOdds {
  const effective = skill * (1 - c.antiSmuggling[e]);
  out.fence = c.fence[e] * (1 - effective);
  out.detection = c.detection[e] * (1 - effective);
  out.pushback = c.pushback[e] * (1 - c.corruption[e]);
  return out;
}

/** What the route costs read from the smuggler market, taken when route tables are rebuilt so that
 * tables built later (an information community's, on first use) see the same market. */
export interface MarketSnapshot {
  /** Per border: 1 when an active network serves it; their capacity-weighted skill and violence;
   * the single-attempt price quote. */
  served: Uint8Array;
  skill: Float64Array;
  violence: Float64Array;
  price: Float64Array;
  /** Per edge: the guaranteed package's price from the true odds at that crossing. */
  guaranteedPrice: Float64Array;
}

export function createMarketSnapshot(compiled: CompiledScenario): MarketSnapshot {
  const borders = compiled.network.borderIds.length;
  return {
    served: new Uint8Array(borders),
    skill: new Float64Array(borders),
    violence: new Float64Array(borders),
    price: new Float64Array(borders),
    guaranteedPrice: new Float64Array(compiled.network.edgeIds.length),
  };
}

/** Take the snapshot under the true enforcement `c`, and set the market's guaranteed prices. */
export function takeMarketSnapshot(compiled: CompiledScenario, c: EnforcementColumns, market: SmugglerMarket, snap: MarketSnapshot): void {
  const net = compiled.network;
  const m = compiled.smugglers!.market;
  const s = market.state;
  const odds: SmuggledOdds = { fence: 0, detection: 0, pushback: 0 };
  for (let border = 0; border < net.borderIds.length; border++) {
    const served = market.served(border);
    snap.served[border] = served ? 1 : 0;
    snap.skill[border] = served ? market.servedSkill(border) : 0;
    snap.violence[border] = served ? market.servedViolence(border) : 0;
    snap.price[border] = s.price[border];
  }
  for (let e = 0; e < net.edgeIds.length; e++) {
    const border = net.edgeBorder[e];
    if (border < 0 || c.legalCorridor[e] > 0 || snap.served[border] === 0) continue;
    smuggledOdds(c, e, snap.skill[border], odds);
    snap.guaranteedPrice[e] = (snap.price[border] * m.guaranteeMarkup) / attemptDays(compiled, c, e, odds.fence, odds.detection, odds.pushback, 1).chance;
    s.guaranteedPrice[border] = snap.guaranteedPrice[e];
  }
}

/** One cost class: the smuggled costs of cohort k under enforcement columns `c` (the truth, or an
 * information community's beliefs). `priceFactor` scales each border's prices (perceived price /
 * quote; null: the quote); advertising claims away a share `adBoost` of the fence and detection a
 * smuggled group faces (0: none). With `edges`, only those edges are priced (edgeCostsForCohort). */
export function smuggledCostsForCohort(
  compiled: CompiledScenario,
  c: EnforcementColumns,
  snap: MarketSnapshot,
  k: number,
  priceFactor: Float64Array | null,
  adBoost: number,
  single: Float64Array,
  guaranteed: Float64Array,
  edges: Int32Array | null = null,
): void {
  const net = compiled.network;
  const b = compiled.behaviour;
  const m = compiled.smugglers!.market;
  const harmDays = b.hazardDeathShare * b.deathCostDays + (1 - b.hazardDeathShare) * b.injuryCostDays;
  const risk = compiled.cohorts.riskAversion[k];
  const odds: SmuggledOdds = { fence: 0, detection: 0, pushback: 0 };
  const count = edges === null ? net.edgeIds.length : edges.length;
  for (let i = 0; i < count; i++) {
    const e = edges === null ? i : edges[i];
    const border = net.edgeBorder[e];
    if (border < 0 || c.legalCorridor[e] > 0 || snap.served[border] === 0) {
      single[e] = guaranteed[e] = Infinity;
      continue;
    }
    smuggledOdds(c, e, snap.skill[border], odds);
    if (adBoost > 0) {
      odds.fence *= 1 - adBoost;
      odds.detection *= 1 - adBoost;
    }
    const pressure = m.detectionPressureWeight * c.detection[e] + c.arrestPressure[e];
    const violence = Math.min(1, snap.violence[border] * (1 + m.violencePressureGain * pressure));
    const factor = priceFactor === null ? 1 : priceFactor[border];
    const { days, chance } = attemptDays(compiled, c, e, odds.fence, odds.detection, odds.pushback, risk);
    const harm = (violence / chance) * m.extortionInjuryShare * risk * b.injuryCostDays + m.covertHazard * c.detection[e] * risk * harmDays;
    single[e] = days + harm + (snap.price[border] * factor) / chance / b.valueOfTimeEurPerDay;
    guaranteed[e] = days + harm + (snap.guaranteedPrice[e] * factor) / b.valueOfTimeEurPerDay;
  }
}
