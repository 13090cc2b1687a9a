// One replicate under Flee's rules as a stepper with the kernel's Model shape: createFleeModel
// (compiled, seed, replicate) → step() advances one day, finish() returns a ReplicateResult in the
// kernel's layout, so Monte Carlo, summaries and reports work unchanged. Each day, in Flee's order
// (runscripts/run.py, flee.py Ecosystem.evolve): conflicts begin or end; new agents are spawned at
// conflict zones; closures are enacted or lifted; location scores are updated; every agent
// decides (evolve), then every agent travels (finish_travel), chaining further hops the same day
// while it has moved less than a day's distance. Agents on a link that was closed after they
// entered it are bounced back to its start, as in Flee. Route choice (candidate routes, weights,
// the draw) is in routeChoice.ts.
//
// Why geometric waiting: Flee draws a uniform for every agent every day to decide whether it
// leaves, and most agents sit in camps with a movechance of 0.001. Drawing once, when an agent is
// first tested at a place, the number of daily tests that will fail (geometric: the same
// distribution, by the memoryless property) gives the day it will leave, so a waiting agent costs
// two reads a day and no draw. On a Mali-sized synthetic (175,000 agents, 300 days, 34 M agent-
// steps) that took a run from 1.9–2.4 s to 1.5–1.9 s on a loaded 2-core machine. A place whose
// movechance changes (conflict, camp closure) bumps an epoch that makes its agents draw again.

import { BORDER, COUNTRY, TOTAL, borderAt, countryAt, createRecorder, finishRecorder, totalAt } from '../recorder.js';
import { createStreams } from '../rng.js';
import { createAgentColumns, growAgentColumns } from './agentColumns.js';
import { CAMP, CONFLICT_ZONE, IDPCAMP, TOWN, type FleeCompiledScenario } from './compileRules.js';
import { applyClosures, spawn, type LinkState } from './dayEvents.js';
import type { FleeModel, FleeModelOptions } from './fleeModelTypes.js';
import { createPlaceState } from './placeState.js';
import { createRouteChoice } from './routeChoice.js';
import { capacityMultiplier, locationScore } from './rules.js';

export type { FleeModel, FleeModelOptions } from './fleeModelTypes.js';

const NEVER = 0x7fffffff;

export function createFleeModel(compiled: FleeCompiledScenario, seed: number, replicate: number, options: FleeModelOptions = {}): FleeModel {
  const net = compiled.network;
  const f = compiled.rules;
  const s = f.settings;
  const days = compiled.days;
  const nodes = net.nodeIds.length;
  const edges = net.edgeIds.length;
  const rng = createStreams(seed, replicate);
  const rec = createRecorder(compiled, options.reuse);
  const strandedAfterDays = compiled.behaviour.strandedAfterDays;
  const { edgeTo, edgeFrom, edgeDistanceKm, edgeBorder, nodeCountry } = net;

  // ---- location state ---------------------------------------------------------------------------
  const place = createPlaceState(f, nodes);
  const { type, conflict, conflictSince, numAgents, chance, epoch, score, isMarker, logStay, refreshChance } = place;
  const locationDaily = options.recordLocations ? new Float64Array(nodes * days) : null;

  // 1 for camps and IDP camps, refreshed when closures change location types (camp → town).
  const campNode = new Uint8Array(nodes);
  const refreshCamps = () => {
    for (let n = 0; n < nodes; n++) campNode[n] = type[n] === CAMP || type[n] === IDPCAMP ? 1 : 0;
  };
  refreshCamps();
  const isCamp = (n: number) => campNode[n] === 1;
  const isTown = (n: number) => conflict[n] <= 0 && (type[n] === TOWN || type[n] === CONFLICT_ZONE);
  const capMultiplier = (n: number) => capacityMultiplier(s, f.capacity[n], numAgents[n]);

  // ---- links and routes ------------------------------------------------------------------------
  const open = new Uint8Array(edges).fill(1);
  const lastClosedDay = new Int32Array(edges).fill(-1);
  const forced = Uint8Array.from(f.edgeForced);
  const links: LinkState = { open, lastClosedDay, forced, anyForced: forced.includes(1) };
  const routes = createRouteChoice(net, f, links, isMarker, numAgents, rng.behaviour);
  const { store } = routes;

  // ---- agents (struct of arrays; nobody leaves the simulation) --------------------------------
  // Columns live on one object whose fields growAgentColumns() replaces; hot loops copy them into locals.
  const a = createAgentColumns();

  let day = 0;

  function addAgent(n: number, inCamp: boolean): void {
    if (a.count === a.capacity) growAgentColumns(a);
    const i = a.count++;
    a.node[i] = n;
    a.edge[i] = -1;
    a.onLinkKm[i] = 0;
    a.movedKm[i] = 0;
    a.recent[i] = 0;
    a.route[i] = -1;
    a.routePos[i] = 0;
    a.waitEpoch[i] = -1;
    a.entryDay[i] = day;
    a.lastCrossDay[i] = day;
    a.travelled[i] = 0;
    a.arrived[i] = inCamp ? 1 : 0;
    numAgents[n]++;
  }

  for (let n = 0; n < nodes; n++) for (let k = 0; k < f.initialAgents[n]; k++) addAgent(n, true);
  let initialEntered = a.count;

  // ---- the day's events ------------------------------------------------------------------------
  let conflictIndex = 0;
  function applyConflicts(t: number): boolean {
    let changed = false;
    while (conflictIndex < f.conflictChanges.length && f.conflictChanges[conflictIndex].day === t) {
      const c = f.conflictChanges[conflictIndex++];
      conflict[c.node] = c.intensity;
      if (c.intensity > 0) conflictSince[c.node] = t;
      refreshChance(c.node);
      changed = true;
    }
    return changed;
  }

  const spawnWeight = new Float64Array(nodes);
  function updateScores(t: number): void {
    for (let n = 0; n < nodes; n++) score[n] = locationScore(s, type[n], f.foreign[n] === 1, conflict[n], t - conflictSince[n]);
    routes.updateWeights(score);
  }

  // ---- agent decisions -------------------------------------------------------------------------
  const behaviour = rng.behaviour;

  /** Failing daily tests before the first success at node n (geometric, ≥ 0). */
  function geometric(n: number): number {
    const p = chance[n];
    if (p >= 1) return 0;
    if (p <= 0) return NEVER;
    const g = Math.floor(Math.log(1 - behaviour()) / logStay[n]);
    return g < NEVER ? g : NEVER;
  }

  /** Flee's take_next_step: the open link to the route's next node, or -1 (route dropped). */
  function nextLink(i: number): number {
    const r = a.route[i];
    const pos = a.routePos[i];
    // A route just taken from the table starts on its known first link (the links open today).
    const e = routes.nextEdge(r, pos, a.node[i]);
    if (e < 0) {
      a.route[i] = -1;
      return -1;
    }
    const dest = store.end[r];
    // A route to a camp that is (nearly) full is dropped (check_dest_is_full_camp).
    if (isCamp(dest) && capMultiplier(dest) < 0.5) {
      a.route[i] = -1;
      return -1;
    }
    a.routePos[i] = pos + 1;
    if (pos + 1 === store.length[r]) a.route[i] = -1;
    return e;
  }

  /** Flee's Person.evolve for agent i (not on a link). */
  function evolve(i: number, forceTown: boolean): void {
    const n = a.node[i];
    // With a route, or forced on from a town (avoid_short_stints), the move chance is 1.
    if (a.route[i] < 0) {
      if (!(forceTown && isTown(n))) {
        if (a.waitEpoch[i] !== epoch[n]) {
          a.waitEpoch[i] = epoch[n];
          a.wakeDay[i] = Math.min(day + geometric(n), NEVER);
        }
        if (day < a.wakeDay[i]) return;
        a.waitEpoch[i] = -1;
      }
      const r = routes.choose(n);
      a.route[i] = r;
      a.routePos[i] = 0;
      if (r < 0) return;
    }
    const e = nextLink(i);
    if (e < 0) return;
    numAgents[n]--;
    a.edge[i] = e;
    a.onLinkKm[i] = 0;
    a.linkEntryDay[i] = day;
  }

  /** Flee's Person.finish_travel for agent i (on a link), with the same-day hops it chains. */
  function finishTravel(i: number): void {
    for (;;) {
      const e = a.edge[i];
      if (e < 0) return;
      let speed = f.edgeSpeedKm[e];
      if (s.start_on_foot && !a.travelled[i]) speed = s.max_walk_speed;
      const walk = f.edgeWalkProbability[e];
      if (walk > 0 && behaviour() < walk) speed = s.max_walk_speed;
      a.onLinkKm[i] += speed;
      a.movedKm[i] += speed;
      const km = edgeDistanceKm[e];
      if (a.onLinkKm[i] <= km) return;
      a.travelled[i] = 1;
      a.movedKm[i] += km - a.onLinkKm[i];
      a.edge[i] = -1;
      a.onLinkKm[i] = 0;
      const b = edgeBorder[e];
      if (b >= 0) rec.borderDaily[borderAt(rec, BORDER.attempts, b, day)]++;
      if (lastClosedDay[e] > a.linkEntryDay[i]) {
        // The link closed while the agent was on it: back to where it started (finish_travel).
        numAgents[edgeFrom[e]]++;
        if (b >= 0) {
          rec.borderDaily[borderAt(rec, BORDER.detections, b, day)]++;
          rec.borderDaily[borderAt(rec, BORDER.detectionsRecorded, b, day)] += net.reportingRate[nodeCountry[edgeTo[e]]];
          rec.borderDaily[borderAt(rec, BORDER.pushbacks, b, day)]++;
        }
        return;
      }
      const to = edgeTo[e];
      a.node[i] = to;
      numAgents[to]++;
      a.waitEpoch[i] = -1;
      if (b >= 0) {
        rec.borderDaily[borderAt(rec, BORDER.crossings, b, day)]++;
        a.lastCrossDay[i] = day;
      }
      if (!a.arrived[i] && isCamp(to)) {
        a.arrived[i] = 1;
        rec.totalDaily[totalAt(rec, TOTAL.arrivals, day)]++;
        rec.transitDaysSum += day - a.entryDay[i];
      }
      // Less than a day's distance moved: decide again at the new location, the same day.
      if (a.movedKm[i] >= speed) return;
      const forceTown = s.avoid_short_stints && (a.recent[i] + a.movedKm[i] / s.max_move_speed) / 2 < 0.5;
      evolve(i, forceTown);
    }
  }

  // ---- end-of-day records ----------------------------------------------------------------------
  const countries = net.countryIds.length;
  const present = new Float64Array(countries);
  const stranded = new Float64Array(countries);
  const inCamp = new Float64Array(countries);
  /** Agents on a link after the day's decisions, in agent order. */
  let movers = new Int32Array(1024);

  function step(): void {
    const t = day;
    const conflictsChanged = applyConflicts(t);
    // Flee spawns with the weights of its last refresh: today's after a conflict change, else
    // yesterday's (Ecosystem.evolve refreshes them at its start).
    const entered = spawn(f, place, spawnWeight, rng, addAgent, t, conflictsChanged || t === 0 ? t : t - 1) + (t === 0 ? initialEntered : 0);
    initialEntered = 0;
    rec.totalDaily[totalAt(rec, TOTAL.entered, t)] += entered;
    if (applyClosures(f, place, links, t)) {
      refreshCamps();
      routes.rebuild();
    }
    updateScores(t);

    // Columns are hoisted after spawn(), the only place that can grow (and so replace) them.
    const { count, node, edge, route, waitEpoch, wakeDay, movedKm, recent, lastCrossDay } = a;
    present.fill(0);
    stranded.fill(0);
    inCamp.fill(0);
    const strandedIfCrossedBy = t - strandedAfterDays;
    const tracksRecent = s.avoid_short_stints;
    if (movers.length < count) movers = new Int32Array(a.capacity);
    let moverCount = 0;
    // Decisions (evolve), in agent order. Agents left at a place are done for the day (travel
    // moves only agents on links), so they are counted here; the others travel below, in the same
    // order. Why one list: most agents wait, and a second pass over all of them cost a fifth of a day.
    for (let i = 0; i < count; i++) {
      // Fast path, reads only: on a link, or without a route and not due to leave yet.
      if (edge[i] < 0 && !(route[i] < 0 && t < wakeDay[i] && waitEpoch[i] === epoch[node[i]])) evolve(i, false);
      if (edge[i] >= 0) {
        movers[moverCount++] = i;
        continue;
      }
      // recent_travel_distance halves every day; it matters only to avoid_short_stints.
      if (tracksRecent) recent[i] /= 2;
      const n = node[i];
      if (campNode[n] === 0 && lastCrossDay[i] <= strandedIfCrossedBy) stranded[nodeCountry[n]]++;
    }

    let moving = 0;
    const perMoveSpeed = 1 / s.max_move_speed;
    for (let k = 0; k < moverCount; k++) {
      const i = movers[k];
      finishTravel(i);
      if (tracksRecent) recent[i] = (recent[i] + movedKm[i] * perMoveSpeed) / 2;
      movedKm[i] = 0;
      if (edge[i] >= 0) {
        moving++;
        present[nodeCountry[node[i]]]++;
        continue;
      }
      const n = node[i];
      if (campNode[n] === 0 && lastCrossDay[i] <= strandedIfCrossedBy) stranded[nodeCountry[n]]++;
    }
    // People at places, by country, from the places' counts.
    for (let n = 0; n < nodes; n++) {
      present[nodeCountry[n]] += numAgents[n];
      if (campNode[n]) inCamp[nodeCountry[n]] += numAgents[n];
    }
    for (let c = 0; c < countries; c++) {
      rec.countryDaily[countryAt(rec, COUNTRY.present, c, t)] = present[c];
      rec.countryDaily[countryAt(rec, COUNTRY.inCamp, c, t)] = inCamp[c];
      rec.countryDaily[countryAt(rec, COUNTRY.stranded, c, t)] = stranded[c];
    }
    rec.totalDaily[totalAt(rec, TOTAL.moving, t)] = moving;
    rec.totalDaily[totalAt(rec, TOTAL.waiting, t)] = count - moving;
    if (locationDaily) for (let n = 0; n < nodes; n++) locationDaily[n * days + t] = numAgents[n];
    rec.agentSteps += count;
    day++;
  }

  return {
    get day() {
      return day;
    },
    step,
    finish: () => {
      if (locationDaily) for (let k = 0; k < locationDaily.length; k++) locationDaily[k] *= compiled.peoplePerAgent;
      return finishRecorder(rec, replicate, compiled.peoplePerAgent);
    },
    locationAgents: numAgents,
    locationDaily,
    counters: rec,
  };
}
