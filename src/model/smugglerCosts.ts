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
import { attemptDays, type AttemptCosts } from './edgeCost.js';
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

/** Fill attempt.single and attempt.guaranteed (Infinity where no network serves the border). */
export function computeSmuggledCosts(compiled: CompiledScenario, c: EnforcementColumns, market: SmugglerMarket, attempt: AttemptCosts): void {
  const net = compiled.network;
  const b = compiled.behaviour;
  const m = compiled.smugglers!.market;
  const s = market.state;
  const harmDays = b.hazardDeathShare * b.deathCostDays + (1 - b.hazardDeathShare) * b.injuryCostDays;
  const odds: SmuggledOdds = { fence: 0, detection: 0, pushback: 0 };
  for (let e = 0; e < net.edgeIds.length; e++) {
    const border = net.edgeBorder[e];
    if (border < 0 || c.legalCorridor[e] > 0 || !market.served(border)) {
      for (let k = 0; k < attempt.single.length; k++) attempt.single[k][e] = attempt.guaranteed[k][e] = Infinity;
      continue;
    }
    smuggledOdds(c, e, market.servedSkill(border), odds);
    const pressure = m.detectionPressureWeight * c.detection[e] + c.arrestPressure[e];
    const violence = Math.min(1, market.servedViolence(border) * (1 + m.violencePressureGain * pressure));
    const price = s.price[border];
    s.guaranteedPrice[border] = (price * m.guaranteeMarkup) / attemptDays(compiled, c, e, odds.fence, odds.detection, odds.pushback, 1).chance;
    for (let k = 0; k < attempt.single.length; k++) {
      const risk = compiled.cohorts.riskAversion[k];
      const { days, chance } = attemptDays(compiled, c, e, odds.fence, odds.detection, odds.pushback, risk);
      const harm =
        (violence / chance) * m.extortionInjuryShare * risk * b.injuryCostDays + m.covertHazard * c.detection[e] * risk * harmDays;
      attempt.single[k][e] = days + harm + price / chance / b.valueOfTimeEurPerDay;
      attempt.guaranteed[k][e] = days + harm + s.guaranteedPrice[border] / b.valueOfTimeEurPerDay;
    }
  }
}
