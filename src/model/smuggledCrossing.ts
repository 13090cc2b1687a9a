// A person at a border decides how to cross: alone, buying one smuggled attempt, or buying a
// guaranteed package (repeated attempts included, dearer), by a logit on the expected costs
// (smugglerCosts.ts) among what they can pay; people who cannot pay never use a smuggler. When no
// network has capacity left today they wait a day (unmet demand raises prices). The smuggled
// attempt itself: violence or extortion (fees raised en route; those who cannot pay are beaten or
// abandoned: seed 003 L1225–1227), then fence, detection, bribes, pushback or detention, and the
// hazard of a covert route. Sources in docs/model.md.

import type { AgentTable } from './agents.js';
import { FAILED, INJURED } from './border.js';
import type { CompiledScenario, EnforcementColumns } from './compiled.js';
import type { AttemptCosts } from './edgeCost.js';
import { BORDER, TOTAL, borderAt, totalAt, type Recorder } from './recorder.js';
import type { Rng } from './rng.js';
import { smuggledOdds, type SmuggledOdds } from './smugglerCosts.js';
import type { SmugglerMarket } from './smugglers.js';

/** cross() result: the person chose to try alone (resolve with border.ts). */
export const ALONE = -3;
/** cross() result: wanted a smuggler, none had capacity today. */
export const NO_CAPACITY = -4;
/** cross() result: died on a covert route. */
export const DIED = -5;
/** cross() result: a smuggler is worth it but too dear; saving up for one takes less than the
 * perceived extra cost of trying alone (only with a `stranding` block and an income). */
export const WAIT_FOR_MONEY = -6;

export interface SmuggledCrossing {
  /** FAILED, INJURED, ALONE, NO_CAPACITY, DIED, WAIT_FOR_MONEY, or ≥ 0: through after that many days of detention. */
  cross(i: number, e: number, day: number): number;
  /** Extortion paid on the way in the last cross() (for what people learn about prices). */
  lastExtortionEur: number;
}

export function createSmuggledCrossing(
  compiled: CompiledScenario,
  c: EnforcementColumns,
  market: SmugglerMarket,
  attempt: AttemptCosts,
  agents: AgentTable,
  rec: Recorder,
  behaviourRng: Rng,
  enforcementRng: Rng,
  classBase: Int32Array,
  classOf: Int32Array,
): SmuggledCrossing {
  const net = compiled.network;
  const b = compiled.behaviour;
  const m = compiled.smugglers!.market;
  const stranding = compiled.stranding;
  const s = market.state;
  const odds: SmuggledOdds = { fence: 0, detection: 0, pushback: 0 };
  const add = (metric: number, border: number, day: number, value = 1) => {
    rec.borderDaily[borderAt(rec, metric, border, day)] += value;
  };

  /** 0 alone, 1 single, 2 guaranteed, by a logit on expected cost among the ways a person can pay
   * for and that beat trying alone (nobody pays to cross where going alone is cheaper). */
  function chooseMode(i: number, e: number, border: number): number {
    const k = classOf[agents.cohort[i] + classBase[agents.node[i]]];
    const alone = attempt.alone[k][e];
    const single = attempt.single[k][e];
    const guaranteed = attempt.guaranteed[k][e];
    if (!(single < alone) && !(guaranteed < alone)) return 0;
    const money = agents.moneyEur[i];
    const canSingle = single < alone && money >= s.price[border];
    const canGuaranteed = guaranteed < alone && money >= s.guaranteedPrice[border];
    if (!canSingle && !canGuaranteed) return single < alone && worthSaving(i, s.price[border] - money, alone - single) ? 3 : 0;
    const least = Math.min(alone, canSingle ? single : Infinity, canGuaranteed ? guaranteed : Infinity);
    const wAlone = Math.exp(-(alone - least) / b.choiceScaleDays);
    const wSingle = canSingle ? Math.exp(-(single - least) / b.choiceScaleDays) : 0;
    const wGuaranteed = canGuaranteed ? Math.exp(-(guaranteed - least) / b.choiceScaleDays) : 0;
    const u = behaviourRng() * (wAlone + wSingle + wGuaranteed);
    return u < wAlone ? 0 : u < wAlone + wSingle ? 1 : 2;
  }

  /** Saving `missingEur` at today's income less living costs takes fewer days than `gainDays`. */
  function worthSaving(i: number, missingEur: number, gainDays: number): boolean {
    if (stranding === null || stranding.incomeEurPerDay <= 0) return false;
    const n = agents.node[i];
    const living = net.livingCostEurPerDay[n] * (net.shelterCapacity[n] > 0 ? b.campCostShare : 1);
    const saving = stranding.incomeEurPerDay - living;
    return saving > 0 && missingEur / saving < gainDays;
  }

  function buy(i: number, border: number, mode: number, day: number): void {
    const price = mode === 1 ? s.price[border] : s.guaranteedPrice[border];
    agents.moneyEur[i] -= price;
    if (mode === 2) agents.paidBorder[i] = border + 1;
    add(BORDER.purchases, border, day);
    add(BORDER.revenueEur, border, day, price);
    rec.totalDaily[totalAt(rec, TOTAL.smugglerRevenueEur, day)] += price;
  }

  /** Violence or extortion on the way; returns FAILED or INJURED if the person is abandoned. */
  function extortion(i: number, n: number, border: number, day: number): number {
    const violence = Math.min(1, s.violence[n] * (1 + m.violencePressureGain * s.pressure[n]));
    if (enforcementRng() >= violence) return 0;
    add(BORDER.extortionEvents, border, day);
    if (agents.moneyEur[i] >= m.extortionEur) {
      agents.moneyEur[i] -= m.extortionEur;
      self.lastExtortionEur = m.extortionEur;
      add(BORDER.revenueEur, border, day, m.extortionEur);
      rec.totalDaily[totalAt(rec, TOTAL.smugglerRevenueEur, day)] += m.extortionEur;
      return 0;
    }
    if (enforcementRng() < m.extortionInjuryShare) {
      // The total of injuries is counted by the caller for every INJURED outcome.
      rec.totalDaily[totalAt(rec, TOTAL.smugglerViolenceInjuries, day)]++;
      add(BORDER.injuries, border, day);
      return INJURED;
    }
    return FAILED;
  }

  function cross(i: number, e: number, day: number): number {
    self.lastExtortionEur = 0;
    if (c.legalCorridor[e] > 0) return ALONE;
    const border = net.edgeBorder[e];
    const prepaid = agents.paidBorder[i] === border + 1;
    const mode = prepaid ? 2 : chooseMode(i, e, border);
    if (mode === 0) return ALONE;
    if (mode === 3) return WAIT_FOR_MONEY;
    if (!prepaid) s.demandToday[border]++;
    const n = market.pickNetwork(border);
    if (n < 0) {
      s.unmetToday[border]++;
      return NO_CAPACITY;
    }
    s.usedToday[n]++;
    if (!prepaid) buy(i, border, mode, day);
    add(BORDER.attempts, border, day);
    const abandoned = extortion(i, n, border, day);
    if (abandoned !== 0) return abandoned;
    smuggledOdds(c, e, s.skill[n], odds);
    if (enforcementRng() < odds.fence) return FAILED;
    let detention = 0;
    if (enforcementRng() < odds.detection && enforcementRng() >= c.corruption[e]) {
      add(BORDER.detections, border, day);
      add(BORDER.detectionsRecorded, border, day, net.reportingRate[net.nodeCountry[net.edgeTo[e]]]);
      if (enforcementRng() < c.pushback[e]) {
        add(BORDER.pushbacks, border, day);
        if (enforcementRng() < c.injury[e]) {
          add(BORDER.injuries, border, day);
          return INJURED;
        }
        return FAILED;
      }
      detention = Math.max(0, Math.round(c.detentionDays[e]));
    }
    if (enforcementRng() < m.covertHazard * c.detection[e]) {
      if (enforcementRng() < b.hazardDeathShare) {
        add(BORDER.deaths, border, day);
        rec.totalDaily[totalAt(rec, TOTAL.deaths, day)]++;
        return DIED;
      }
      add(BORDER.injuries, border, day);
      rec.totalDaily[totalAt(rec, TOTAL.injuries, day)]++;
    }
    agents.paidBorder[i] = 0;
    add(BORDER.crossings, border, day);
    add(BORDER.smuggledCrossings, border, day);
    return detention;
  }

  const self: SmuggledCrossing = { cross, lastExtortionEur: 0 };
  return self;
}
