// What people believe about each border, held by information communities: the people of one cohort
// (nationality group) in one country, g = country × cohorts + cohort. Route choice runs on cost-to-go
// tables, which cannot be per person, and exchange at camps, parks and hubs ("stopped to rest and
// gather information", seed 000, Belgrade) amounts at network scale to pooling within the country;
// each person also keeps their own failures at the border in front of them (agents.failures,
// failurePenaltyDays). Per community g and border b: perceived chance of getting through alone,
// perceived injury risk per failed attempt and perceived smuggling price, each a value with a
// confidence in people's worth of evidence (Routes & Rumours' (value, trust) pairs,
// anchors-mission §2.2). Each day, after everyone has moved (learning.ts):
//   1. people who crossed into another country bring their beliefs: the receiving community's
//      beliefs become the mean of its residents' and the newcomers', weighted by numbers;
//   2. the day's attempts at each border by everyone in a country are shared by every community
//      there (at camps, parks and hubs people of all nationalities see who comes back; pooling
//      also keeps the evidence from being split twelve ways): successes weigh `successWeight` times
//      a failure, the day's shared chance gets noise (the `information` random stream), and the
//      evidence is added to the confidence (capped at maxConfidence); injuries per failure and
//      prices paid likewise;
//   3. information campaigns add the authorities' message, weighted by trust;
//   4. smugglers advertise their quote (price evidence) where they serve a border;
//   5. phones and social media pull beliefs a share phoneSharingPerDay towards those of the people
//      in the country the border leads out of (the front line), unless phones are cut there or here;
//   6. beliefs fade towards their priors at fadePerDay.
// Information events that act at once (rumours, blackouts) run at the start of the day
// (informationEvents.ts). Only communities with people present are updated.

import { INJURED } from './border.js';
import type { CompiledInformation, CompiledScenario, EnforcementColumns } from './compiled.js';
import { truthPerBorder } from './perceived.js';

export interface BeliefState {
  groups: number;
  borders: number;
  cohorts: number;
  /** Per (group, border), index g * borders + b. */
  chance: Float64Array;
  chanceConf: Float64Array;
  injury: Float64Array;
  injuryConf: Float64Array;
  priceEur: Float64Array;
  priceConf: Float64Array;
  /** Priors per border. */
  priorChance: Float64Array;
  priorInjury: Float64Array;
  priorPriceEur: Float64Array;
  /** The truth per border (perceived.ts truthPerBorder), refreshed when enforcement changes. */
  trueChance: Float64Array;
  trueInjury: Float64Array;
  /** Today's evidence per (country, border), index c * borders + b, in agents. */
  tries: Float64Array;
  through: Float64Array;
  injured: Float64Array;
  paid: Float64Array;
  paidEur: Float64Array;
  /** People present at the end of the day, in agents: per group, country and node; the groups
   * with people (listPresent). */
  present: Float64Array;
  presentList: Int32Array;
  presentCount: number;
  countryPresent: Float64Array;
  nodePresent: Float64Array;
  /** Agents who crossed border b into its country today, per cohort: index b * cohorts + k. */
  movers: Float64Array;
  /** Per border, the beliefs of the people in the country it leads out of (learning.ts), and 1
   * when they can be reached by phone today. */
  frontOn: Uint8Array;
  frontChance: Float64Array;
  frontInjury: Float64Array;
  frontPriceEur: Float64Array;
  frontConf: Float64Array;
  /** Day on which phones work again in each country (blackouts). */
  blackoutUntil: Int32Array;
  /** Per border: the country it leads out of and into. */
  borderFrom: Int32Array;
  borderTo: Int32Array;
}

export function createBeliefState(compiled: CompiledScenario): BeliefState {
  const net = compiled.network;
  const cohorts = compiled.cohorts.ids.length;
  const borders = net.borderIds.length;
  const groups = cohorts * net.countryIds.length;
  const cells = () => new Float64Array(groups * borders);
  const evidence = () => new Float64Array(net.countryIds.length * borders);
  const perBorder = () => new Float64Array(borders);
  const country = (id: string, at: number) => net.countryIds.indexOf(id.split('-')[at]);
  return {
    groups,
    borders,
    cohorts,
    chance: cells(),
    chanceConf: cells(),
    injury: cells(),
    injuryConf: cells(),
    priceEur: cells(),
    priceConf: cells(),
    priorChance: perBorder(),
    priorInjury: perBorder(),
    priorPriceEur: perBorder(),
    trueChance: perBorder(),
    trueInjury: perBorder(),
    tries: evidence(),
    through: evidence(),
    injured: evidence(),
    paid: evidence(),
    paidEur: evidence(),
    present: new Float64Array(groups),
    presentList: new Int32Array(groups),
    presentCount: 0,
    countryPresent: new Float64Array(net.countryIds.length),
    nodePresent: new Float64Array(net.nodeIds.length),
    movers: new Float64Array(borders * cohorts),
    frontOn: new Uint8Array(borders),
    frontChance: perBorder(),
    frontInjury: perBorder(),
    frontPriceEur: perBorder(),
    frontConf: perBorder(),
    blackoutUntil: new Int32Array(net.countryIds.length),
    borderFrom: Int32Array.from(net.borderIds, (id) => country(id, 0)),
    borderTo: Int32Array.from(net.borderIds, (id) => country(id, 1)),
  };
}

/** Priors from the scenario, else from the truth after day 0's events; every community starts there. */
export function initBeliefs(s: BeliefState, info: CompiledInformation, compiled: CompiledScenario, truth: EnforcementColumns, quote: Float64Array | null): void {
  truthPerBorder(compiled, truth, s.trueChance, s.trueInjury);
  const pick = (given: number, truthValue: number) => (Number.isNaN(given) ? truthValue : given);
  const w = info.params.priorConfidence;
  for (let b = 0; b < s.borders; b++) {
    s.priorChance[b] = pick(info.priorChance[b], s.trueChance[b]);
    s.priorInjury[b] = pick(info.priorInjury[b], s.trueInjury[b]);
    s.priorPriceEur[b] = pick(info.priorPriceEur[b], quote === null ? 0 : quote[b]);
    for (let g = 0; g < s.groups; g++) {
      const i = g * s.borders + b;
      s.chance[i] = s.priorChance[b];
      s.injury[i] = s.priorInjury[b];
      s.priceEur[i] = s.priorPriceEur[b];
      s.chanceConf[i] = s.injuryConf[i] = s.priceConf[i] = w;
    }
  }
}

/** Record one attempt alone at border b by someone in country c (outcome as in border.ts). */
export function observeAttempt(s: BeliefState, c: number, b: number, outcome: number): void {
  const i = c * s.borders + b;
  s.tries[i]++;
  if (outcome >= 0) s.through[i]++;
  else if (outcome === INJURED) s.injured[i]++;
}

/** Record one smuggled attempt at border b by someone in country c that cost them `priceEur` (the
 * quote plus any extortion on the way). */
export function observeSmuggled(s: BeliefState, c: number, b: number, priceEur: number): void {
  const i = c * s.borders + b;
  s.paid[i]++;
  s.paidEur[i] += priceEur;
}

/** Weighted update of value/confidence cell i towards evidence y worth m people. */
export function learn(value: Float64Array, conf: Float64Array, i: number, y: number, m: number, max: number): void {
  const w = conf[i];
  value[i] = (w * value[i] + m * y) / (w + m);
  conf[i] = Math.min(w + m, max);
}

/** List the communities with people present (after the day's agent loop). */
export function listPresent(s: BeliefState): void {
  let n = 0;
  for (let g = 0; g < s.groups; g++) if (s.present[g] > 0) s.presentList[n++] = g;
  s.presentCount = n;
}

/** People-weighted mean perceived chance of border b over the communities present (0 if none). */
export function meanPerceivedChance(s: BeliefState, b: number): number {
  let sum = 0;
  let people = 0;
  for (let k = 0; k < s.presentCount; k++) {
    const g = s.presentList[k];
    const n = s.present[g];
    sum += n * s.chance[g * s.borders + b];
    people += n;
  }
  return people > 0 ? sum / people : 0;
}
