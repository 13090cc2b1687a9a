// What a person does at a node: choose the next hop by the logit weights of their cost class's
// tables (a cohort, or their information community: communityRoutes.ts) and take it, attempting the
// crossing at a border (alone, border.ts, or with a smuggler, smuggledCrossing.ts); at the end of
// an edge, the terrain hazard, then arrival, rest or the next decision. "The game" and stranding
// (with a `stranding` block): every attempt is counted; people retry, wait for money, reroute, or
// give up after `giveUpAfterFailures` failed attempts or `giveUpAfterDays` days without money and
// without crossing a border. Giving up means staying in the country they are in (seed 000:
// transit "has become a more stable condition"; seed 004 L37, people "effectively stuck"); they
// leave the route, are counted in `gaveUp` there, and their slot is reused.

import { DETAINED, MOVING, WAITING, release, type AgentTable, type FreeList } from './agents.js';
import { observeAttempt, observeSmuggled, type BeliefState } from './beliefs.js';
import { INJURED, type BorderResolver } from './border.js';
import type { Routes } from './communityRoutes.js';
import type { CompiledScenario } from './compiled.js';
import { failureFactors } from './hopWeights.js';
import { createSlowDecision } from './slowDecision.js';
import { COUNTRY, TOTAL, countryAt, totalAt, type Recorder } from './recorder.js';
import type { Rng } from './rng.js';
import type { Shelter } from './shelter.js';
import { ALONE, DIED, NO_CAPACITY, WAIT_FOR_MONEY, type SmuggledCrossing } from './smuggledCrossing.js';
import type { SmugglerMarket } from './smugglers.js';

export interface DecisionContext {
  compiled: CompiledScenario;
  agents: AgentTable;
  free: FreeList;
  rec: Recorder;
  routes: Routes;
  shelter: Shelter;
  border: BorderResolver;
  smuggled: SmuggledCrossing | null;
  market: SmugglerMarket | null;
  beliefs: BeliefState | null;
  behaviourRng: Rng;
  /** The day being simulated (set by the stepper). */
  clock: { day: number };
}

export interface Decisions {
  decide(i: number): void;
  arrive(i: number): void;
  startTravel(i: number, e: number): void;
}

export function createDecisions(ctx: DecisionContext): Decisions {
  const { compiled, agents, free, rec, routes, shelter, border, smuggled, market, beliefs, behaviourRng: rng, clock } = ctx;
  const net = compiled.network;
  const b = compiled.behaviour;
  const K = compiled.cohorts.ids.length;
  const { classes, classBase, classOf, dirty, candidates } = routes;
  const nodeCount = net.nodeIds.length;
  const giveUpAfterFailures = compiled.stranding?.giveUpAfterFailures ?? 0;
  const giveUpAfterDays = compiled.stranding?.giveUpAfterDays ?? 0;
  const destinationNodes = compiled.destinations;
  const { edgeFareEur, edgeBorder, edgeTo } = net;

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

  function giveUp(i: number): void {
    const day = clock.day;
    rec.totalDaily[totalAt(rec, TOTAL.gaveUp, day)]++;
    rec.countryDaily[countryAt(rec, COUNTRY.gaveUp, net.nodeCountry[agents.node[i]], day)]++;
    shelter.leave(i);
    release(agents, free, i);
  }

  /** Choose the next hop by the logit weights and take it (or attempt it, at a border). */
  function decide(i: number): void {
    const node = agents.node[i];
    if (giveUpAfterDays > 0 && agents.brokeDays[i] >= giveUpAfterDays && clock.day - agents.lastCrossDay[i] >= giveUpAfterDays) {
      giveUp(i);
      return;
    }
    const g = classOf[agents.cohort[i] + classBase[node]];
    if (dirty[g] === 1) routes.build(g);
    const table = agents.dest[i] * classes + g;
    const slot = table * nodeCount + node;
    const count = candidates.count[slot];
    if (agents.failures[i] === 0 && count > 0 && agents.moneyEur[i] >= candidates.maxFareEur[slot]) {
      // Fast path: the precomputed efficient hops. Under efficient links the node one came from is
      // not a candidate unless enforcement changed since, when turning back is what a person would do.
      const base = slot * candidates.stride;
      let k = base;
      if (count > 1) {
        const u = rng() * candidates.cumulativeWeight[base + count - 1];
        while (k < base + count - 1 && candidates.cumulativeWeight[k] <= u) k++;
      }
      take(i, candidates.edge[k]);
      return;
    }
    decideSlowly(i, node, table);
  }

  const decideSlowly = createSlowDecision({ compiled, agents, routes, rng, failFactor: failureFactors(compiled), wait, take });

  /** Pay the fare and take the hop: travel, or an attempt at a border crossing. */
  function take(i: number, chosen: number): void {
    agents.moneyEur[i] -= edgeFareEur[chosen];
    const bd = edgeBorder[chosen];
    if (bd < 0) {
      startTravel(i, chosen);
      return;
    }
    const day = clock.day;
    if (market) market.state.potentialToday[bd]++;
    const how = smuggled ? smuggled.cross(i, chosen, day) : ALONE;
    const outcome = how === ALONE ? border.attempt(chosen, day) : how;
    if (outcome === NO_CAPACITY) {
      wait(i, 1);
      return;
    }
    if (outcome === WAIT_FOR_MONEY) {
      wait(i, b.retryWaitDays);
      return;
    }
    if (agents.attempts[i] < 0xffff) agents.attempts[i]++;
    if (beliefs !== null) {
      const c = net.nodeCountry[agents.node[i]];
      if (how === ALONE) observeAttempt(beliefs, c, bd, outcome);
      else observeSmuggled(beliefs, c, bd, market!.state.price[bd] + smuggled!.lastExtortionEur);
    }
    if (outcome === DIED) {
      shelter.leave(i);
      release(agents, free, i);
      return;
    }
    if (outcome >= 0) {
      agents.lastCrossDay[i] = day;
      if (outcome > 0) {
        agents.status[i] = DETAINED;
        agents.edge[i] = chosen;
        agents.daysLeft[i] = outcome;
      } else startTravel(i, chosen);
      return;
    }
    if (agents.failures[i] < 255) agents.failures[i]++;
    if (agents.failedAttempts[i] < 0xffff) agents.failedAttempts[i]++;
    if (outcome === INJURED) rec.totalDaily[totalAt(rec, TOTAL.injuries, day)]++;
    if (giveUpAfterFailures > 0 && agents.failedAttempts[i] >= giveUpAfterFailures) {
      giveUp(i);
      return;
    }
    wait(i, b.retryWaitDays + (outcome === INJURED ? b.injuryRestDays : 0));
  }

  /** Newcomers bring their beliefs to the community of the country they entered (beliefs.ts). */
  function moved(i: number, e: number): void {
    if (beliefs !== null && edgeBorder[e] >= 0) beliefs.movers[edgeBorder[e] * K + agents.cohort[i]]++;
  }

  /** End of an edge: terrain hazard, then arrival, rest or the next decision. */
  function arrive(i: number): void {
    const e = agents.edge[i];
    const to = edgeTo[e];
    const day = clock.day;
    agents.prevNode[i] = net.edgeFrom[e];
    agents.node[i] = to;
    agents.failures[i] = 0;
    // No draw on hazard-free edges: most edges are safe, and an RNG call is a third of a step.
    if (net.edgeHazard[e] > 0 && rng() < net.edgeHazard[e]) {
      if (rng() < b.hazardDeathShare) {
        border.recordHarm(e, day, true);
        rec.totalDaily[totalAt(rec, TOTAL.deaths, day)]++;
        release(agents, free, i);
        return;
      }
      border.recordHarm(e, day, false);
      rec.totalDaily[totalAt(rec, TOTAL.injuries, day)]++;
      if (to !== destinationNodes[agents.dest[i]]) {
        moved(i, e);
        wait(i, b.injuryRestDays);
        return;
      }
    }
    if (to === destinationNodes[agents.dest[i]]) {
      rec.totalDaily[totalAt(rec, TOTAL.arrivals, day)]++;
      rec.transitDaysSum += day - agents.entryDay[i];
      rec.arrivalAttemptsSum += agents.attempts[i];
      release(agents, free, i);
      return;
    }
    moved(i, e);
    decide(i);
  }

  return { decide, arrive, startTravel };
}
