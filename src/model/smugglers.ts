// Smuggling networks and their market (DESIGN §3, issue "Smugglers as adaptive agents").
// Networks are few (tens), so they are small typed arrays, updated once a day; people meet them in
// smuggledCrossing.ts when they decide how to cross a border. Each day: police events (pressure on
// a base, a network dismantled), arrests (capacity lost, mostly low level, then rebuilt), the
// pressure each network feels, prices, and every `reviewDays` relocation and entry. Sources:
// seeds-001-003-004.md §4.2–4.3 and §9 facts 4–7 and 12; docs/model.md cites each mechanism.

import type { CompiledScenario, EnforcementColumns } from './compiled.js';
import { createServingIndex } from './servingIndex.js';

export interface SmugglerState {
  count: number;
  base: Int32Array;
  /** Agents per day (people / peoplePerAgent). */
  capacity: Float64Array;
  capacityMax: Float64Array;
  usedToday: Float64Array;
  skill: Float64Array;
  violence: Float64Array;
  active: Uint8Array;
  /** Exponential moving average of the enforcement pressure the network feels. */
  pressure: Float64Array;
  /** Per border: single-attempt price quote (EUR), the guaranteed package's price (set with the
   * route costs, smugglerCosts.ts), demand and unmet demand (agents). */
  price: Float64Array;
  guaranteedPrice: Float64Array;
  demandToday: Float64Array;
  unmetToday: Float64Array;
  demandAverage: Float64Array;
  unmetAverage: Float64Array;
  /** Per border: attempts of any kind today and on average, the market networks could win. */
  potentialToday: Float64Array;
  potentialAverage: Float64Array;
  /** Police pressure on networks based at each node (from `place` events). */
  placePressure: Float64Array;
  /** Arrested members today (smugglers, not people on the move). */
  arrestsToday: number;
}

export interface SmugglerMarket {
  state: SmugglerState;
  /** Per border: origin country, and the border-level enforcement read from its first edge. */
  borderOrigin: Int32Array;
  /** Run the day's police events, arrests, pressure, prices and reviews; true if route costs must
   * be rebuilt (served borders changed, or a price moved by more than `replanPriceChange` since the
   * last rebuild). */
  startDay(day: number): boolean;
  /** Capacity-weighted skill and violence of the active networks serving border b (0 if none). */
  servedSkill(b: number): number;
  servedViolence(b: number): number;
  /** True when an active network serves border b. */
  served(b: number): boolean;
  /** Index of the active network serving b with the most capacity left today, or -1. */
  pickNetwork(b: number): number;
  /** Mark the current prices as the ones the route tables were built with. */
  markRebuilt(): void;
}


export function createSmugglerMarket(compiled: CompiledScenario, enforcement: EnforcementColumns): SmugglerMarket | null {
  const spec = compiled.smugglers;
  if (spec === null) return null;
  const m = spec.market;
  const averageRate = 1 / m.demandAverageDays;
  const pressureRate = 1 / m.pressureAverageDays;
  const net = compiled.network;
  const borders = net.borderIds.length;
  const max = Math.max(spec.ids.length, m.maxNetworks);
  const perAgent = 1 / compiled.peoplePerAgent;
  // The averages are in agents per day; the thresholds are set in people (so they do not depend on
  // the scale). Divided rather than multiplied by perAgent: 0.2 / 20 is exactly the 0.01 it replaced.
  const unmetForEntry = m.entryUnmetPeoplePerDay / compiled.peoplePerAgent;
  const demandForEntry = m.entryDemandPeoplePerDay / compiled.peoplePerAgent;
  const borderOrigin = Int32Array.from(net.borderIds, (id) => net.countryIds.indexOf(id.slice(0, 2)));
  const borderEdge = Int32Array.from({ length: borders }, (_, b) => net.edgeBorder.indexOf(b));
  const s: SmugglerState = {
    count: spec.ids.length,
    base: new Int32Array(max),
    capacity: new Float64Array(max),
    capacityMax: new Float64Array(max),
    usedToday: new Float64Array(max),
    skill: new Float64Array(max),
    violence: new Float64Array(max),
    active: new Uint8Array(max),
    pressure: new Float64Array(max),
    price: new Float64Array(borders).fill(m.basePriceEur),
    guaranteedPrice: new Float64Array(borders).fill(m.basePriceEur * m.guaranteeMarkup),
    demandToday: new Float64Array(borders),
    unmetToday: new Float64Array(borders),
    demandAverage: new Float64Array(borders),
    unmetAverage: new Float64Array(borders),
    potentialToday: new Float64Array(borders),
    potentialAverage: new Float64Array(borders),
    placePressure: new Float64Array(net.nodeIds.length),
    arrestsToday: 0,
  };
  s.base.set(spec.base);
  spec.capacityPerDay.forEach((c, n) => {
    s.capacity[n] = s.capacityMax[n] = c * perAgent;
    s.skill[n] = spec.skill[n];
    s.violence[n] = spec.violence[n];
    s.active[n] = 1;
  });
  const builtPrice = Float64Array.from(s.price);
  const hotDays = new Float64Array(net.nodeIds.length);
  let nextPlace = 0;
  let nextDismantle = 0;
  let servedChanged = true;

  const index = createServingIndex(compiled, s, borderOrigin, max);
  const { list: serving, count: servingCount } = index;
  const refreshServing = index.refresh;
  // Each country's exit borders, ascending (pressureAt sums over them in the order a scan would).
  const exitBorders = net.countryIds.map((_, c) => Int32Array.from(net.borderIds.keys()).filter((b) => borderOrigin[b] === c && net.borderIsExit[b] !== 0));
  const borderPressure = (b: number) => {
    const e = borderEdge[b];
    return e < 0 ? 0 : enforcement.arrestPressure[e] + m.detectionPressureWeight * enforcement.detection[e];
  };
  /** Pressure a network based at node `node` would feel: police at the base and at its borders. */
  function pressureAt(node: number): number {
    const exits = exitBorders[net.nodeCountry[node]];
    let sum = 0;
    for (let k = 0; k < exits.length; k++) sum += borderPressure(exits[k]);
    return s.placePressure[node] + (exits.length > 0 ? sum / exits.length : 0);
  }
  /** What a base is worth to network `self`: attempts × price at the borders it would serve (the
   * market it could win), shared with the other networks there, discounted by the pressure it
   * would feel there. */
  function baseValue(node: number, self: number): number {
    const country = net.nodeCountry[node];
    let value = 0;
    for (let b = 0; b < borders; b++) {
      if (borderOrigin[b] === country) value += s.potentialAverage[b] * s.price[b];
    }
    let rivals = 0;
    for (let n = 0; n < s.count; n++) if (n !== self && s.active[n] === 1 && net.nodeCountry[s.base[n]] === country) rivals++;
    return (value / (1 + rivals)) * 0.5 ** (pressureAt(node) / m.pressureHalfValue);
  }

  function weighted(b: number, of: Float64Array): number {
    let sum = 0;
    let weight = 0;
    for (let k = b * max, end = k + servingCount[b]; k < end; k++) {
      const n = serving[k];
      sum += of[n] * s.capacity[n];
      weight += s.capacity[n];
    }
    return weight > 0 ? sum / weight : 0;
  }

  function capacityServing(b: number): number {
    let c = 0;
    for (let k = b * max, end = k + servingCount[b]; k < end; k++) c += s.capacity[serving[k]];
    return c;
  }

  function policeAndArrests(day: number): void {
    const place = spec!.placeEvents;
    while (nextPlace < place.length && place[nextPlace].day <= day) {
      const ev = place[nextPlace++];
      s.placePressure[ev.node] = ev.arrestPressure;
    }
    const dismantle = spec!.dismantleEvents;
    while (nextDismantle < dismantle.length && dismantle[nextDismantle].day <= day) {
      const n = dismantle[nextDismantle++].network;
      s.arrestsToday += (s.capacity[n] * compiled.peoplePerAgent) / m.capacityPerMember;
      s.active[n] = 0;
      s.capacity[n] = 0;
      servedChanged = true;
      refreshServing();
    }
    for (let n = 0; n < s.count; n++) {
      if (s.active[n] === 0) continue;
      const felt = pressureAt(s.base[n]);
      s.pressure[n] += pressureRate * (felt - s.pressure[n]);
      const arrestShare = Math.min(1, s.placePressure[s.base[n]] + arrestAtBorders(n));
      const lost = s.capacity[n] * arrestShare;
      s.arrestsToday += (lost * compiled.peoplePerAgent) / m.capacityPerMember;
      s.capacity[n] += m.capacityRecoveryPerDay * (s.capacityMax[n] - s.capacity[n]) - lost;
      s.usedToday[n] = 0;
    }
  }

  /** Mean arrest pressure over the exits network n serves. */
  function arrestAtBorders(n: number): number {
    if (s.active[n] !== 1) return 0;
    const exits = exitBorders[net.nodeCountry[s.base[n]]];
    let sum = 0;
    let count = 0;
    for (let k = 0; k < exits.length; k++) {
      const e = borderEdge[exits[k]];
      if (e < 0) continue;
      sum += enforcement.arrestPressure[e];
      count++;
    }
    return count > 0 ? sum / count : 0;
  }

  function updatePrices(): boolean {
    let moved = false;
    for (let b = 0; b < borders; b++) {
      s.demandAverage[b] += averageRate * (s.demandToday[b] - s.demandAverage[b]);
      s.unmetAverage[b] += averageRate * (s.unmetToday[b] - s.unmetAverage[b]);
      s.potentialAverage[b] += averageRate * (s.potentialToday[b] - s.potentialAverage[b]);
      const capacity = capacityServing(b);
      const e = borderEdge[b];
      if (e < 0) continue;
      const skill = weighted(b, s.skill) * (1 - enforcement.antiSmuggling[e]);
      const detection = enforcement.detection[e] * (1 - skill);
      const basis = m.basePriceEur + m.riskPriceEur * detection + m.bribeEur * detection * enforcement.corruption[e] + m.arrestPriceEur * enforcement.arrestPressure[e];
      // Unserved borders keep a quote (what entering networks would charge), without scarcity.
      const scarcity = capacity > 0 ? 1 + m.scarcityElasticity * Math.max(0, s.demandToday[b] / capacity - 1) : 1;
      s.price[b] += m.priceAdjustPerDay * (basis * scarcity - s.price[b]);
      if (Math.abs(s.price[b] - builtPrice[b]) > m.replanPriceChange * builtPrice[b]) moved = true;
    }
    s.demandToday.fill(0);
    s.unmetToday.fill(0);
    s.potentialToday.fill(0);
    return moved;
  }

  function review(): void {
    for (let n = 0; n < s.count; n++) {
      if (s.active[n] === 0) continue;
      const here = baseValue(s.base[n], n);
      let best = s.base[n];
      let bestValue = here;
      for (const candidate of spec!.bases) {
        const v = baseValue(candidate, n);
        if (v > bestValue) {
          best = candidate;
          bestValue = v;
        }
      }
      if (best !== s.base[n] && bestValue > here * (1 + m.relocationHysteresis)) {
        s.base[n] = best;
        servedChanged = true;
        refreshServing();
      }
    }
    for (const candidate of spec!.bases) {
      let hot = false;
      for (let b = 0; b < borders; b++) {
        if (borderOrigin[b] !== net.nodeCountry[candidate] || net.borderIsExit[b] === 0) continue;
        const wanting = s.unmetAverage[b] > unmetForEntry || (capacityServing(b) === 0 && s.potentialAverage[b] > demandForEntry);
        if (wanting && s.price[b] > m.entryPriceEur) hot = true;
      }
      hotDays[candidate] = hot ? hotDays[candidate] + m.reviewDays : 0;
      let activeCount = 0;
      for (let n = 0; n < s.count; n++) activeCount += s.active[n];
      if (hotDays[candidate] >= m.entryLagDays && activeCount < m.maxNetworks && s.count < max) {
        const n = s.count++;
        s.base[n] = candidate;
        s.capacity[n] = s.capacityMax[n] = m.entryCapacityPerDay * perAgent;
        s.skill[n] = m.entrySkill;
        s.violence[n] = m.entryViolence;
        s.active[n] = 1;
        hotDays[candidate] = 0;
        servedChanged = true;
        refreshServing();
      }
    }
  }

  return {
    state: s,
    borderOrigin,
    startDay(day) {
      s.arrestsToday = 0;
      policeAndArrests(day);
      const moved = updatePrices();
      if (day > 0 && day % m.reviewDays === 0) review();
      const rebuild = moved || servedChanged;
      servedChanged = false;
      return rebuild;
    },
    served: (b) => servingCount[b] > 0,
    servedSkill: (b) => weighted(b, s.skill),
    servedViolence: (b) => weighted(b, s.violence),
    pickNetwork(b) {
      let best = -1;
      let room = 0;
      for (let k = b * max, end = k + servingCount[b]; k < end; k++) {
        const n = serving[k];
        const left = s.capacity[n] - s.usedToday[n];
        if (left > 0 && left > room) {
          best = n;
          room = left;
        }
      }
      return best;
    },
    markRebuilt: () => builtPrice.set(s.price),
  };
}
