// One day of learning for the information communities (beliefs.ts), after everyone has moved:
// newcomers' beliefs, the day's shared evidence, campaigns, advertising, phones, fading — the
// steps listed in beliefs.ts. Only communities with people present are updated (beliefs of an
// empty community are replaced by those of the first people to come). Loops run over the list
// of present communities with each community's borders contiguous: on the default scenario about
// 43 of 180 communities have people on a day, and learning costs about 2 µs per community-day.

import { learn, listPresent, type BeliefState } from './beliefs.js';
import type { CompiledInformation } from './compiled.js';
import { normal } from './distributions.js';
import type { Rng } from './rng.js';

/** Step 1: people who crossed into another country today bring their beliefs; the receiving
 * community's become the mean of its residents' and the newcomers', weighted by numbers. */
function mixMovers(s: BeliefState): void {
  const B = s.borders;
  const { chance, chanceConf, injury, injuryConf, priceEur, priceConf } = s;
  for (let b = 0; b < B; b++) {
    for (let k = 0; k < s.cohorts; k++) {
      const n = s.movers[b * s.cohorts + k];
      if (n === 0) continue;
      const from = (s.borderFrom[b] * s.cohorts + k) * B;
      const to = (s.borderTo[b] * s.cohorts + k) * B;
      const residents = Math.max(0, s.present[s.borderTo[b] * s.cohorts + k] - n);
      const share = n / (residents + n);
      for (let x = 0; x < B; x++) {
        chance[to + x] += share * (chance[from + x] - chance[to + x]);
        chanceConf[to + x] += share * (chanceConf[from + x] - chanceConf[to + x]);
        injury[to + x] += share * (injury[from + x] - injury[to + x]);
        injuryConf[to + x] += share * (injuryConf[from + x] - injuryConf[to + x]);
        priceEur[to + x] += share * (priceEur[from + x] - priceEur[to + x]);
        priceConf[to + x] += share * (priceConf[from + x] - priceConf[to + x]);
      }
    }
  }
  s.movers.fill(0);
}

/** Step 2: the day's attempts at each border by everyone in a country, shared by every community
 * there; successes weigh `successWeight`, the shared chance gets noise. */
function shareEvidence(s: BeliefState, info: CompiledInformation, peoplePerAgent: number, rng: Rng): void {
  const p = info.params;
  const B = s.borders;
  const perAgent = p.experienceWeight * peoplePerAgent;
  const max = p.maxConfidence;
  for (let c = 0; c < s.countryPresent.length; c++) {
    if (s.countryPresent[c] === 0) continue;
    for (let b = 0, i = c * B; b < B; b++, i++) {
      const tries = s.tries[i];
      const paid = s.paid[i];
      if (tries === 0 && paid === 0) continue;
      const through = s.through[i] * p.successWeight;
      const failed = tries - s.through[i];
      const observed = tries > 0 ? Math.min(1, Math.max(0, through / (through + failed) + p.noiseSd * normal(rng))) : 0;
      for (let g = c * s.cohorts; g < (c + 1) * s.cohorts; g++) {
        if (s.present[g] === 0) continue;
        const j = g * B + b;
        if (tries > 0) learn(s.chance, s.chanceConf, j, observed, (through + failed) * perAgent, max);
        if (failed > 0) learn(s.injury, s.injuryConf, j, s.injured[i] / failed, failed * perAgent, max);
        if (paid > 0) learn(s.priceEur, s.priceConf, j, s.paidEur[i] / paid, paid * perAgent, max);
      }
    }
  }
  for (const a of [s.tries, s.through, s.injured, s.paid, s.paidEur]) a.fill(0);
}

/** Per border, the people-weighted beliefs of everyone in the country it leads out of. */
function frontLines(s: BeliefState, day: number): void {
  const B = s.borders;
  for (let b = 0; b < B; b++) {
    const front = s.borderFrom[b];
    const people = s.countryPresent[front];
    let chance = 0;
    let injury = 0;
    let price = 0;
    let conf = 0;
    for (let g = front * s.cohorts; people > 0 && g < (front + 1) * s.cohorts; g++) {
      const w = s.present[g] / people;
      if (w === 0) continue;
      chance += w * s.chance[g * B + b];
      injury += w * s.injury[g * B + b];
      price += w * s.priceEur[g * B + b];
      conf += w * s.chanceConf[g * B + b];
    }
    s.frontOn[b] = people > 0 && s.blackoutUntil[front] <= day ? 1 : 0;
    s.frontChance[b] = chance;
    s.frontInjury[b] = injury;
    s.frontPriceEur[b] = price;
    s.frontConf[b] = conf;
  }
}

/** One day of learning (steps 1–6 of beliefs.ts); `campaigns` adds step 3. */
export function learnDay(
  s: BeliefState,
  info: CompiledInformation,
  peoplePerAgent: number,
  rng: Rng,
  quote: Float64Array | null,
  served: Uint8Array | null,
  day: number,
  campaigns: () => void,
): void {
  const p = info.params;
  const B = s.borders;
  listPresent(s);
  mixMovers(s);
  shareEvidence(s, info, peoplePerAgent, rng);
  campaigns();
  frontLines(s, day);
  const { chance, chanceConf, injury, injuryConf, priceEur, priceConf, priorChance, priorInjury, priorPriceEur } = s;
  const { frontOn, frontChance, frontInjury, frontPriceEur, frontConf } = s;
  const fade = p.fadePerDay;
  const prior = p.priorConfidence;
  const ads = quote !== null && served !== null;
  for (let k = 0; k < s.presentCount; k++) {
    const g = s.presentList[k];
    const phones = s.blackoutUntil[Math.floor(g / s.cohorts)] <= day;
    const share = phones ? p.phoneSharingPerDay : 0;
    for (let b = 0, i = g * B; b < B; b++, i++) {
      if (phones && ads && served[b] === 1) learn(priceEur, priceConf, i, quote[b], p.advertisingPerDay, p.maxConfidence);
      // Phones (towards the front line) and fading (towards the prior) in one pass: one load and
      // one store per value, which halved the cost of this loop (the bulk of learning).
      const on = share * frontOn[b];
      const c = chance[i];
      chance[i] = c + on * (frontChance[b] - c) + fade * (priorChance[b] - c);
      const v = injury[i];
      injury[i] = v + on * (frontInjury[b] - v) + fade * (priorInjury[b] - v);
      const pr = priceEur[i];
      priceEur[i] = pr + on * (frontPriceEur[b] - pr) + fade * (priorPriceEur[b] - pr);
      const w = chanceConf[i];
      chanceConf[i] = w + on * (frontConf[b] - w) + fade * (prior - w);
      injuryConf[i] += fade * (prior - injuryConf[i]);
      priceConf[i] += fade * (prior - priceConf[i]);
    }
  }
}
