// One replicate of the simulation as a stepper: createModel(compiled, seed, replicate) → step()
// advances one day. The same object drives batch runs (runReplicate.ts) and, later, the browser
// demo. Each day, in a fixed order: (1) enforcement events, and route tables rebuilt if anything
// changed; (2) arrivals at entries (Poisson per day from the monthly inflow); (3) every agent slot
// in index order: travel, wait, detention, or a decision at a node (multinomial logit over next
// hops); (4) end-of-day stocks per country. Border attempts are resolved in border.ts.

import { AT_NODE, DETAINED, MOVING, WAITING, allocate, createAgentTable, createFreeList, release, type AgentTable } from './agents.js';
import { INJURED, createBorderResolver } from './border.js';
import type { CompiledScenario, EnforcementColumns } from './compiled.js';
import type { EnforcementField } from '../scenarios/types.js';
import { logNormal, pickFromCdf, poisson } from './distributions.js';
import { computeEdgeCosts, createAttemptCosts } from './edgeCost.js';
import { createEnforcement } from './enforcement.js';
import { computeHopCandidates, computeHopWeights, createHopCandidates, failureFactors } from './hopWeights.js';
import { BORDER, COUNTRY, TOTAL, borderAt, countryAt, createRecorder, finishRecorder, totalAt, type Recorder } from './recorder.js';
import type { ReplicateResult } from './result.js';
import { createStreams } from './rng.js';
import { createRoutingTables } from './routing.js';
import { createShelter } from './shelter.js';
import { ALONE, DIED, NO_CAPACITY, createSmuggledCrossing } from './smuggledCrossing.js';
import { computeSmuggledCosts } from './smugglerCosts.js';
import { createSmugglerMarket, type SmugglerState } from './smugglers.js';

export interface Model {
  /** Next day to simulate (0-based); equals compiled.days when finished. */
  readonly day: number;
  step(): void;
  /** Scale counters to people and return them; call once, after the last step. */
  finish(): ReplicateResult;
  /** Live views for an interactive front end (the browser demo): the agent columns (slots below
   * `agents.highWater` with a non-zero status are people in the system), the daily counters in
   * agents (not yet scaled to people), the current enforcement per edge, and the smuggler market's
   * state (null without smugglers). Read only; they change with every step. */
  readonly agents: AgentTable;
  readonly counters: Recorder;
  readonly enforcement: EnforcementColumns;
  readonly market: SmugglerState | null;
  /** Set one enforcement field on every edge of a border from the next step on (a slider, a
   * ready-made event), as a dated event would. */
  setEnforcement(border: number, field: EnforcementField, value: number): void;
}

export function createModel(compiled: CompiledScenario, seed: number, replicate: number): Model {
  const net = compiled.network;
  const b = compiled.behaviour;
  const cohorts = compiled.cohorts.ids.length;
  const rng = createStreams(seed, replicate);
  const agents = createAgentTable(1024);
  const free = createFreeList(1024);
  const rec = createRecorder(compiled);
  const enforcement = createEnforcement(compiled);
  const edges = net.edgeIds.length;
  const costDays = Array.from({ length: cohorts }, () => new Float64Array(edges));
  const tables = createRoutingTables({ nodeCount: net.nodeIds.length, ...net }, compiled.destinations, cohorts);
  const weights = tables.costToGo.map(() => new Float64Array(edges));
  const candidates = createHopCandidates(compiled, weights.length);
  const nodeCount = net.nodeIds.length;
  const failFactor = failureFactors(compiled);
  const shelter = createShelter(compiled, agents);
  const border = createBorderResolver(compiled, enforcement.columns, rec, rng.enforcement);
  const attemptCosts = createAttemptCosts(cohorts, edges);
  const market = createSmugglerMarket(compiled, enforcement.columns);
  const smuggled =
    market && createSmuggledCrossing(compiled, enforcement.columns, market, attemptCosts, agents, rec, rng.behaviour, rng.enforcement);
  const destinationNodes = compiled.destinations;
  let day = 0;
  let overridden = false;

  function rebuildRoutes(): void {
    if (market) {
      computeSmuggledCosts(compiled, enforcement.columns, market, attemptCosts);
      market.markRebuilt();
    }
    computeEdgeCosts(compiled, enforcement.columns, costDays, attemptCosts);
    tables.rebuild(costDays);
    computeHopWeights(compiled, tables.costToGo, costDays, weights);
    computeHopCandidates(compiled, tables.costToGo, weights, candidates);
  }

  function wait(i: number, days: number): void {
    agents.status[i] = WAITING;
    agents.daysLeft[i] = days;
    shelter.enter(i);
  }

  function startTravel(i: number, e: number): void {
    agents.status[i] = MOVING;
    agents.edge[i] = e;
    agents.daysLeft[i] = net.edgeTravelDays[e];
  }

  function detain(i: number, e: number, days: number): void {
    agents.status[i] = DETAINED;
    agents.edge[i] = e;
    agents.daysLeft[i] = days;
  }

  // Scratch for the slow decision path: the candidate hops and their weights. Hops back to the
  // previous node fill the array from the top, so one pass collects both groups. The fast path
  // (precomputed candidates, hopWeights.ts) took a western-balkans replicate from 114 to 87 ms.
  let maxOutDegree = 1;
  for (let n = 0; n < net.nodeIds.length; n++) maxOutDegree = Math.max(maxOutDegree, net.outOffsets[n + 1] - net.outOffsets[n]);
  const candidateEdge = new Int32Array(maxOutDegree);
  const candidateWeight = new Float64Array(maxOutDegree);

  const { edgeFareEur, edgeBorder, edgeTo, outEdges, outOffsets } = net;

  /** Choose the next hop by the logit weights and take it (or attempt it, at a border). */
  function decide(i: number): void {
    const node = agents.node[i];
    const table = agents.dest[i] * cohorts + agents.cohort[i];
    const slot = table * nodeCount + node;
    const count = candidates.count[slot];
    if (agents.failures[i] === 0 && count > 0 && agents.moneyEur[i] >= candidates.maxFareEur[slot]) {
      // Fast path: the precomputed efficient hops. Under efficient links the node one came from is
      // not a candidate unless enforcement changed since, when turning back is what a person would do.
      const base = slot * candidates.stride;
      let k = base;
      if (count > 1) {
        const u = rng.behaviour() * candidates.cumulativeWeight[base + count - 1];
        while (k < base + count - 1 && candidates.cumulativeWeight[k] <= u) k++;
      }
      take(i, candidates.edge[k]);
      return;
    }
    decideSlowly(i, node, table);
  }

  /** The general decision: a person who failed here, cannot pay every fare, or has no efficient hop. */
  function decideSlowly(i: number, node: number, table: number): void {
    const w = weights[table];
    const toGo = tables.costToGo[table];
    const here = toGo[node];
    const money = agents.moneyEur[i];
    const back = agents.prevNode[i];
    const failures = agents.failures[i];
    const retryFactor = failFactor[failures];
    let forward = 0;
    let backward = maxOutDegree;
    let forwardTotal = 0;
    let backwardTotal = 0;
    for (let k = outOffsets[node], end = outOffsets[node + 1]; k < end; k++) {
      const e = outEdges[k];
      let we = w[e];
      // Only hops that bring the destination closer (Dial's efficient links), so nobody wanders
      // in circles; after failing here a person may also turn away.
      if (we === 0 || edgeFareEur[e] > money || (failures === 0 && toGo[edgeTo[e]] >= here)) continue;
      if (edgeBorder[e] >= 0) we *= retryFactor;
      if (edgeTo[e] === back) {
        candidateEdge[--backward] = e;
        candidateWeight[backward] = we;
        backwardTotal += we;
      } else {
        candidateEdge[forward] = e;
        candidateWeight[forward++] = we;
        forwardTotal += we;
      }
    }
    // Going straight back is allowed only when nothing else is possible (no ping-pong).
    let from = 0;
    let to = forward;
    let total = forwardTotal;
    if (forward === 0) {
      from = backward;
      to = maxOutDegree;
      total = backwardTotal;
    }
    if (from === to) {
      wait(i, b.retryWaitDays);
      return;
    }
    // A single candidate needs no draw (most nodes on a corridor have one efficient hop).
    let chosen = candidateEdge[to - 1];
    let u = to - from > 1 ? rng.behaviour() * total : 0;
    for (let k = from; k < to - 1; k++) {
      u -= candidateWeight[k];
      if (u < 0) {
        chosen = candidateEdge[k];
        break;
      }
    }
    take(i, chosen);
  }

  /** Pay the fare and take the hop: travel, or an attempt at a border crossing. */
  function take(i: number, chosen: number): void {
    agents.moneyEur[i] -= net.edgeFareEur[chosen];
    if (net.edgeBorder[chosen] < 0) {
      startTravel(i, chosen);
      return;
    }
    if (market) market.state.potentialToday[net.edgeBorder[chosen]]++;
    let outcome = smuggled ? smuggled.cross(i, chosen, day) : ALONE;
    if (outcome === ALONE) outcome = border.attempt(chosen, day);
    if (outcome === NO_CAPACITY) {
      wait(i, 1);
      return;
    }
    if (outcome === DIED) {
      shelter.leave(i);
      release(agents, free, i);
      return;
    }
    if (outcome >= 0) {
      agents.lastCrossDay[i] = day;
      if (outcome > 0) detain(i, chosen, outcome);
      else startTravel(i, chosen);
    } else {
      if (agents.failures[i] < 255) agents.failures[i]++;
      if (outcome === INJURED) rec.totalDaily[totalAt(rec, TOTAL.injuries, day)]++;
      wait(i, b.retryWaitDays + (outcome === INJURED ? b.injuryRestDays : 0));
    }
  }

  /** End of an edge: terrain hazard, then arrival, rest or the next decision. */
  function arrive(i: number): void {
    const e = agents.edge[i];
    const to = net.edgeTo[e];
    agents.prevNode[i] = net.edgeFrom[e];
    agents.node[i] = to;
    agents.failures[i] = 0;
    // No draw on hazard-free edges: most edges are safe, and an RNG call is a third of a step.
    if (net.edgeHazard[e] > 0 && rng.behaviour() < net.edgeHazard[e]) {
      if (rng.behaviour() < b.hazardDeathShare) {
        border.recordHarm(e, day, true);
        rec.totalDaily[totalAt(rec, TOTAL.deaths, day)]++;
        release(agents, free, i);
        return;
      }
      border.recordHarm(e, day, false);
      rec.totalDaily[totalAt(rec, TOTAL.injuries, day)]++;
      if (to !== destinationNodes[agents.dest[i]]) {
        wait(i, b.injuryRestDays);
        return;
      }
    }
    if (to === destinationNodes[agents.dest[i]]) {
      rec.totalDaily[totalAt(rec, TOTAL.arrivals, day)]++;
      rec.transitDaysSum += day - agents.entryDay[i];
      release(agents, free, i);
      return;
    }
    decide(i);
  }

  function spawn(): void {
    const inflow = compiled.inflow;
    const c = compiled.cohorts;
    for (let s = 0; s < inflow.entry.length; s++) {
      const n = poisson(rng.inflow, inflow.agentsPerDay[s][day]);
      const k = inflow.cohort[s];
      for (let j = 0; j < n; j++) {
        const i = allocate(agents, free);
        agents.status[i] = AT_NODE;
        agents.cohort[i] = k;
        agents.node[i] = inflow.entry[s];
        agents.prevNode[i] = -1;
        agents.failures[i] = 0;
        agents.sheltered[i] = 0;
        agents.dest[i] = c.destNodes[k][pickFromCdf(rng.inflow, c.destCdf[k])];
        agents.moneyEur[i] = logNormal(rng.inflow, c.budgetMeanEur[k], c.budgetSdEur[k]);
        agents.entryDay[i] = day;
        agents.lastCrossDay[i] = day;
        agents.paidBorder[i] = 0;
      }
      rec.totalDaily[totalAt(rec, TOTAL.entered, day)] += n;
    }
  }

  // End-of-day stocks are counted into small scratch arrays and flushed once per day, so the
  // per-agent loop does a few increments instead of 2-D index arithmetic into the recorder.
  const countries = net.countryIds.length;
  const present = new Float64Array(countries);
  const inCamp = new Float64Array(countries);
  const rough = new Float64Array(countries);
  const stranded = new Float64Array(countries);
  const stocks = new Float64Array(DETAINED + 1);

  function flushStocks(): void {
    for (let c = 0; c < countries; c++) {
      rec.countryDaily[countryAt(rec, COUNTRY.present, c, day)] = present[c];
      rec.countryDaily[countryAt(rec, COUNTRY.inCamp, c, day)] = inCamp[c];
      rec.countryDaily[countryAt(rec, COUNTRY.sleepingRough, c, day)] = rough[c];
      rec.countryDaily[countryAt(rec, COUNTRY.stranded, c, day)] = stranded[c];
    }
    rec.totalDaily[totalAt(rec, TOTAL.moving, day)] = stocks[MOVING];
    rec.totalDaily[totalAt(rec, TOTAL.waiting, day)] = stocks[WAITING];
    rec.totalDaily[totalAt(rec, TOTAL.detained, day)] = stocks[DETAINED];
  }

  /** The market's end-of-day levels: price quotes, where networks are based, arrests. */
  function recordMarket(): void {
    if (!market) return;
    const s = market.state;
    for (let n = 0; n < s.count; n++) {
      if (s.active[n] === 0) continue;
      rec.countryDaily[countryAt(rec, COUNTRY.networksBased, net.nodeCountry[s.base[n]], day)]++;
      rec.totalDaily[totalAt(rec, TOTAL.networksActive, day)]++;
    }
    for (let bd = 0; bd < net.borderIds.length; bd++) {
      if (market.served(bd)) rec.borderDaily[borderAt(rec, BORDER.priceEur, bd, day)] = s.price[bd];
    }
    rec.totalDaily[totalAt(rec, TOTAL.arrests, day)] = s.arrestsToday;
  }

  function step(): void {
    const enforcementChanged = enforcement.apply(day) || overridden;
    overridden = false;
    const marketChanged = market !== null && market.startDay(day);
    if (enforcementChanged || marketChanged || day === 0) rebuildRoutes();
    spawn();
    // Columns are hoisted after spawn(): only spawn() can grow (and so replace) them.
    const { status, daysLeft, node, sheltered, lastCrossDay, moneyEur } = agents;
    const livingCost = net.livingCostEurPerDay;
    const nodeCountry = net.nodeCountry;
    const campShare = b.campCostShare;
    const strandedIfCrossedBy = day - b.strandedAfterDays;
    for (const a of [present, inCamp, rough, stranded, stocks]) a.fill(0);
    let steps = 0;
    for (let i = 0; i < agents.highWater; i++) {
      const s = status[i];
      if (s === 0) continue;
      steps++;
      const money = moneyEur[i] - livingCost[node[i]] * (sheltered[i] ? campShare : 1);
      moneyEur[i] = money > 0 ? money : 0;
      if (s === MOVING) {
        if (--daysLeft[i] === 0) arrive(i);
      } else if (s === WAITING) {
        if (--daysLeft[i] === 0) {
          shelter.leave(i);
          decide(i);
        }
      } else if (s === DETAINED) {
        if (--daysLeft[i] === 0) startTravel(i, agents.edge[i]);
      } else {
        decide(i);
      }
      const after = status[i];
      if (after === 0) continue;
      const c = nodeCountry[node[i]];
      present[c]++;
      if (after === WAITING) (sheltered[i] ? inCamp : rough)[c]++;
      if (lastCrossDay[i] <= strandedIfCrossedBy) stranded[c]++;
      stocks[after]++;
    }
    rec.agentSteps += steps;
    flushStocks();
    recordMarket();
    day++;
  }

  return {
    get day() {
      return day;
    },
    step,
    finish: () => finishRecorder(rec, replicate, compiled.peoplePerAgent),
    agents,
    counters: rec,
    enforcement: enforcement.columns,
    market: market?.state ?? null,
    setEnforcement(borderIndex, field, value) {
      const column = enforcement.columns[field];
      for (let e = 0; e < edges; e++) if (net.edgeBorder[e] === borderIndex) column[e] = value;
      overridden = true;
    },
  };
}
