// Route choice on tiny hand-built networks and hand-set tables, with every number worked out by
// hand: the generalised cost of an edge (edgeCost.ts: travel days, the fare at the value of time,
// the risk-weighted harm of terrain hazards, the expected cost of getting across alone, a legal
// corridor, the cheapest way across); logit hop weights, failure factors and the fast path's
// candidates (hopWeights.ts); cost classes (costClasses.ts); the engine's tables, rebuilt where
// their costs moved, and an information community's, built on first use and marked out of date
// when beliefs, fixed fields or the smuggler market move (communityRoutes.ts); and the decision
// when the fast path does not apply (slowDecision.ts: only hops that bring the destination
// closer, turning away after a failure, going back only when nothing else is possible unless a
// `stranding` block allows it, the draw). Why: the behavioural tests run whole scenarios and let
// most wrong versions of these through (docs/testing.md, seventh round).

import { describe, expect, it } from 'vitest';
import { AT_NODE, createAgentTable } from '../../src/model/agents.js';
import { createBeliefState, initBeliefs } from '../../src/model/beliefs.js';
import { createRoutes, type Routes } from '../../src/model/communityRoutes.js';
import { costClassesOf } from '../../src/model/costClasses.js';
import { crossingChance, edgeCostsForCohort } from '../../src/model/edgeCost.js';
import { createEnforcement } from '../../src/model/enforcement.js';
import {
  createHopCandidates,
  failureFactors,
  nodesHopWeightsAndCandidates,
  tableHopCandidates,
  tableHopWeights,
  updateTableHopWeights,
  type HopCandidates,
} from '../../src/model/hopWeights.js';
import { createRoutingTables } from '../../src/model/routing.js';
import { createSlowDecision } from '../../src/model/slowDecision.js';
import { createSmugglerMarket } from '../../src/model/smugglers.js';
import { compileScenario } from '../../src/scenarios/compile.js';
import type { Scenario } from '../../src/scenarios/types.js';
import { routingGraph } from '../fixtures/graphs.js';
import { lineScenario } from '../fixtures/scenarios.js';

type Border = NonNullable<Scenario['borders']>[string];

const place = (id: string, country: string, kind: Scenario['nodes'][number]['kind']) => ({
  id, name: id, country, lat: 0, lon: 0, kind, shelterCapacity: 0, livingCostEurPerDay: 0,
});

/** The fork: entry (XE) —in— town (XA); from town back to entry on foot (back) or by bus for
 * 10 EUR (bus-back), across XA-XB to goal (cross: 50 km on foot, 2 days, a 5 EUR fare), or
 * round by bend (detour, XA) and across from there (side). Every edge one day but cross. */
function forkScenario(): Scenario {
  const foot = (id: string, from: string, to: string, extra: Partial<Scenario['edges'][number]> = {}) => ({
    id, from, to, distanceKm: 25, mode: 'foot' as const, hazard: 0, bidirectional: false, ...extra,
  });
  return {
    id: 'fork',
    name: 'Fork',
    description: 'A border town with two ways back, a crossing and a detour.',
    period: { start: '2020-01-01', end: '2020-01-31' },
    countries: {
      XE: { name: 'E', eu: false, reportingRate: 1 },
      XA: { name: 'A', eu: false, reportingRate: 1 },
      XB: { name: 'B', eu: true, reportingRate: 1 },
    },
    nodes: [place('entry', 'XE', 'entry'), place('town', 'XA', 'border-area'), place('bend', 'XA', 'hub'), place('goal', 'XB', 'destination')],
    edges: [
      foot('in', 'entry', 'town'),
      foot('back', 'town', 'entry'),
      foot('bus-back', 'town', 'entry', { mode: 'vehicle', fareEur: 10 }),
      foot('cross', 'town', 'goal', { distanceKm: 50, fareEur: 5 }),
      foot('detour', 'town', 'bend'),
      foot('side', 'bend', 'goal'),
    ],
    cohorts: [{ id: 'all', name: 'All', budgetEur: { mean: 1000, sd: 0 }, riskAversion: 1, destinations: { goal: 1 } }],
    inflow: [{ entry: 'entry', cohort: 'all', monthly: { '2020-01': 310 } }],
  };
}
const [ENTRY, TOWN, BEND, GOAL] = [0, 1, 2, 3];
const [IN, BACK, BUS_BACK, CROSS, DETOUR, SIDE] = [0, 1, 2, 3, 4, 5];
// Countries (and, with one cohort, information communities) of the fork; its borders.
const [XE, XA] = [0, 1];
const [, XA_XE, XA_XB] = [0, 1, 2];

describe('the fork', () => {
  it('compiles to the node, edge and border indices the tests below use', () => {
    const net = compileScenario(forkScenario()).network;
    expect(net.nodeIds).toEqual(['entry', 'town', 'bend', 'goal']);
    expect(net.edgeIds).toEqual(['in', 'back', 'bus-back', 'cross', 'detour', 'side']);
    expect(net.borderIds).toEqual(['XE-XA', 'XA-XE', 'XA-XB']);
    expect([...net.edgeBorder]).toEqual([0, XA_XE, XA_XE, XA_XB, -1, XA_XB]);
    expect([...net.outEdges.subarray(net.outOffsets[TOWN], net.outOffsets[TOWN + 1])]).toEqual([BACK, BUS_BACK, CROSS, DETOUR]);
    expect([...net.edgeTravelDays]).toEqual([1, 1, 1, 2, 1, 1]);
    expect([...net.edgeFareEur]).toEqual([0, 0, 10, 5, 0, 0]);
  });
});

describe('the generalised cost of an edge', () => {
  // The line: entry —50 km on foot, 2 days— town —25 km on foot, 1 day, border XA-XB— goal, with a
  // 50 EUR fare and a terrain hazard of 0.01 on the first edge; cohort 0 has risk aversion 2,
  // cohort 1 risk aversion 0.5. Defaults: value of time 100 EUR a day, retry wait 3 days, injury
  // rest 7, injury 30 days, death 3650 days, a tenth of incidents fatal, at most 30 tries.
  // The harm of an incident: 0.1 × 3650 + 0.9 × 30 = 392 days.
  function line(border: Border = { fence: 0.2, detection: 0.5, pushback: 0.6, injury: 0.25, detentionDays: 4 }) {
    const s = lineScenario();
    s.edges[0].fareEur = 50;
    s.edges[0].hazard = 0.01;
    s.cohorts = [
      { ...s.cohorts[0], id: 'careful', riskAversion: 2 },
      { ...s.cohorts[0], id: 'bold', riskAversion: 0.5 },
    ];
    s.inflow[0].cohort = 'careful';
    s.borders = { 'XA-XB': border };
    const compiled = compileScenario(s);
    return { compiled, c: createEnforcement(compiled).columns };
  }
  function costs(border?: Border, k = 0, single = Infinity, guaranteed = Infinity) {
    const { compiled, c } = line(border);
    const out = new Float64Array(2);
    const alone = new Float64Array(2).fill(Infinity);
    edgeCostsForCohort(compiled, c, k, out, alone, Float64Array.of(Infinity, single), Float64Array.of(Infinity, guaranteed));
    return { out, alone };
  }

  it('adds travel days, the fare at the value of time and the harm of the hazard weighted by risk aversion', () => {
    // 2 + 50 / 100 + 2 × 0.01 × 392 = 10.34; with risk aversion 0.5: 2 + 0.5 + 0.5 × 0.01 × 392 = 4.46.
    expect(costs(undefined, 0).out[0]).toBeCloseTo(10.34, 12);
    expect(costs(undefined, 1).out[0]).toBeCloseTo(4.46, 12);
  });

  it('prices getting across alone: waits between tries, injuries in pushbacks by risk aversion, detention', () => {
    // One try gets through with p = (1 − 0.2)(1 − 0.5 × 0.6) = 0.56. Per crossing: 0.44 / 0.56 failed
    // tries of 3 days = 66/28; 0.8 × 0.5 × 0.6 / 0.56 = 3/7 pushbacks, each injuring 0.25, an injury
    // worth 2 × 30 + 7 = 67 days: 201/28; 0.8 × 0.5 × 0.4 / 0.56 = 2/7 detentions of 4 days: 32/28.
    const careful = costs(undefined, 0);
    expect(careful.alone[1]).toBeCloseTo(299 / 28, 12);
    expect(careful.out[1]).toBeCloseTo(1 + 299 / 28, 12);
    // Risk aversion 0.5: an injury is worth 0.5 × 30 + 7 = 22 days, 3/7 × 0.25 × 22 = 66/28.
    expect(costs(undefined, 1).alone[1]).toBeCloseTo((66 + 66 + 32) / 28, 12);
  });

  it('gives a sealed border maxExpectedAttempts tries and a legal corridor no cost', () => {
    // A fence that stops everyone: p is floored at 1/30, 29 failed tries of 3 days.
    const sealed = costs({ fence: 1 });
    expect(sealed.alone[1]).toBeCloseTo(87, 12);
    expect(sealed.out[1]).toBeCloseTo(88, 12);
    const corridor = costs({ fence: 0.2, detection: 0.5, pushback: 0.6, injury: 0.25, detentionDays: 4, legalCorridor: true });
    expect(corridor.alone[1]).toBe(0);
    expect(corridor.out[1]).toBe(1);
  });

  it('takes the cheapest of alone, a single smuggled attempt and a guaranteed package', () => {
    expect(costs(undefined, 0, 12, 5).out[1]).toBeCloseTo(1 + 5, 12);
    expect(costs(undefined, 0, 4, 5).out[1]).toBeCloseTo(1 + 4, 12);
    expect(costs(undefined, 0, 12, 11).out[1]).toBeCloseTo(1 + 299 / 28, 12);
    expect(costs(undefined, 0, 4, 5).alone[1]).toBeCloseTo(299 / 28, 12);
  });

  it('gives the chance of one try alone: fence, then detection followed by a pushback', () => {
    const { c } = line();
    expect(crossingChance(c, 1)).toBeCloseTo(0.56, 12);
    c.legalCorridor[1] = 1;
    expect(crossingChance(c, 1)).toBe(1);
    const detained = line({ detection: 1, pushback: 0 }).c;
    expect(crossingChance(detained, 1)).toBe(1);
  });
});

describe('routing tables', () => {
  it('table t = destination × classes + class is searched towards its own destination', () => {
    // A line 0 → 1 → 2 → 3 of edges costing 1, 2, 4, and back 3 → 2 → 1 → 0 costing 8, 16, 32;
    // destinations 3 and 0, three cost classes (here alike).
    const g = routingGraph(4, [0, 1, 2, 3, 2, 1], [1, 2, 3, 2, 1, 0]);
    const tables = createRoutingTables(g, Int32Array.of(3, 0), 3);
    const cost = Float64Array.of(1, 2, 4, 8, 16, 32);
    for (let t = 0; t < 6; t++) tables.rebuildTable(t, cost);
    for (const t of [0, 1, 2]) expect([...tables.costToGo[t]]).toEqual([7, 6, 4, 0]);
    for (const t of [3, 4, 5]) expect([...tables.costToGo[t]]).toEqual([0, 32, 48, 56]);
  });
});

describe('hop weights and the fast path’s candidates', () => {
  // The fork with choiceScaleDays 4 and hand-set tables: cost-to-go (entry 3, town 2, bend 1,
  // goal 0), edge costs (in 1, back 1, bus-back 1.1, cross 3, detour 1, side 1). The weight of a
  // hop is exp(−(cost + V(to) − V(from)) / 4).
  function setUp() {
    const s = forkScenario();
    s.behaviour = { choiceScaleDays: 4 };
    const compiled = compileScenario(s);
    return {
      compiled,
      v: Float64Array.of(3, 2, 1, 0),
      cost: Float64Array.of(1, 1, 1.1, 3, 1, 1),
      w: new Float64Array(6),
      cand: createHopCandidates(compiled, 1),
    };
  }
  const WEIGHTS = [1, Math.exp(-0.5), Math.exp(-0.525), Math.exp(-0.25), 1, 1];
  function candidatesAt(cand: HopCandidates, node: number, t = 0) {
    const slot = t * 4 + node;
    const count = cand.count[slot];
    const base = slot * cand.stride;
    return {
      edges: [...cand.edge.subarray(base, base + count)],
      cumulative: [...cand.cumulativeWeight.subarray(base, base + count)],
      maxFareEur: cand.maxFareEur[slot],
    };
  }
  const expectWeights = (w: Float64Array, expected: number[]) => expected.forEach((x, e) => expect(w[e]).toBeCloseTo(x, 12));

  it('are exp(−(cost + V(to) − V(from)) / choiceScaleDays), the best hop 1, impassable hops 0', () => {
    const { compiled, v, cost, w } = setUp();
    // in: (1 + 2 − 3) / 4 = 0; back: (1 + 3 − 2) / 4 = 0.5; bus-back 0.525; cross (3 + 0 − 2) / 4 = 0.25.
    tableHopWeights(compiled, v, cost, w);
    expectWeights(w, WEIGHTS);
    cost[CROSS] = Infinity;
    v[ENTRY] = Infinity;
    tableHopWeights(compiled, v, cost, w);
    expect([w[IN], w[BACK], w[BUS_BACK], w[CROSS]]).toEqual([0, 0, 0, 0]);
  });

  it('candidates are the hops to a node nearer the destination, with cumulative weights and the dearest fare', () => {
    const { compiled, v, cost, w, cand } = setUp();
    tableHopWeights(compiled, v, cost, w);
    tableHopCandidates(compiled, 0, v, w, cand);
    // Town: cross (to V 0) and detour (to V 1), not the ways back (V 3); the dearest fare is cross's 5.
    const town = candidatesAt(cand, TOWN);
    expect(town.edges).toEqual([CROSS, DETOUR]);
    expect(town.cumulative[0]).toBeCloseTo(Math.exp(-0.25), 12);
    expect(town.cumulative[1]).toBeCloseTo(Math.exp(-0.25) + 1, 12);
    expect(town.maxFareEur).toBe(5);
    expect(candidatesAt(cand, ENTRY)).toEqual({ edges: [IN], cumulative: [1], maxFareEur: 0 });
    expect(candidatesAt(cand, GOAL).edges).toEqual([]);
    // A hop to a node exactly as far from the destination brings it no closer: bend at V 2.
    v[BEND] = 2;
    tableHopWeights(compiled, v, cost, w);
    tableHopCandidates(compiled, 0, v, w, cand);
    expect(candidatesAt(cand, TOWN).edges).toEqual([CROSS]);
  });

  it('a community’s weights and candidates come from the same build, at its nodes only', () => {
    const { compiled, v, cost, w, cand } = setUp();
    nodesHopWeightsAndCandidates(compiled, 0, v, cost, w, cand, Int32Array.of(TOWN));
    expectWeights(w, [0, WEIGHTS[1], WEIGHTS[2], WEIGHTS[3], WEIGHTS[4], 0]);
    const town = candidatesAt(cand, TOWN);
    expect(town.edges).toEqual([CROSS, DETOUR]);
    expect(town.cumulative[1]).toBeCloseTo(Math.exp(-0.25) + 1, 12);
  });

  it('an update recomputes a node whose out-edge leads to a node whose cost-to-go moved', () => {
    const { compiled, v, cost, w, cand } = setUp();
    const never = new Float64Array(6).fill(NaN);
    updateTableHopWeights(compiled, 0, v, never.subarray(0, 4), cost, never, w, cand);
    expectWeights(w, WEIGHTS);
    // Bend moves from 1 to 1.5; town's cost-to-go and all edge costs stay.
    const moved = Float64Array.of(3, 2, 1.5, 0);
    updateTableHopWeights(compiled, 0, moved, v, cost, Float64Array.from(cost), w, cand);
    expect(w[DETOUR]).toBeCloseTo(Math.exp(-0.125), 12); // (1 + 1.5 − 2) / 4
    expect(w[SIDE]).toBeCloseTo(Math.exp(0.125), 12); // (1 + 0 − 1.5) / 4
    expect(candidatesAt(cand, TOWN).cumulative[1]).toBeCloseTo(Math.exp(-0.25) + Math.exp(-0.125), 12);
  });

  it('failure factors are exp(−n × failurePenaltyDays / choiceScaleDays)', () => {
    const s = forkScenario();
    s.behaviour = { failurePenaltyDays: 3, choiceScaleDays: 4 };
    const f = failureFactors(compileScenario(s));
    expect(f.length).toBe(256);
    expect(f[0]).toBe(1);
    expect(f[1]).toBeCloseTo(Math.exp(-0.75), 12);
    expect(f[2]).toBeCloseTo(Math.exp(-1.5), 12);
  });
});

describe('cost classes', () => {
  // The line with a second destination (goal2, 25 km from town) and three cohorts: a (risk 1,
  // goal), b (risk 1, goal2), c (risk 2, goal). Destinations in order: goal 0, goal2 1.
  function threeCohorts(): Scenario {
    const s = lineScenario();
    s.nodes.push(place('goal2', 'XB', 'destination'));
    s.edges.push({ from: 'town', to: 'goal2', distanceKm: 25, mode: 'foot', hazard: 0, bidirectional: false });
    const base = s.cohorts[0];
    s.cohorts = [
      { ...base, id: 'a', riskAversion: 1, destinations: { goal: 1 } },
      { ...base, id: 'b', riskAversion: 1, destinations: { goal2: 1 } },
      { ...base, id: 'c', riskAversion: 2, destinations: { goal: 1 } },
    ];
    s.inflow[0].cohort = 'a';
    return s;
  }

  it('share a class per risk aversion and build the destinations of every cohort in it', () => {
    const compiled = compileScenario(threeCohorts());
    const classes = costClassesOf(compiled);
    expect(classes.count).toBe(2);
    expect([...classes.ofCohort]).toEqual([0, 0, 1]);
    expect([...classes.cohort]).toEqual([0, 2]);
    expect(classes.destinations.map((d) => [...d])).toEqual([[0, 1], [0]]);
    // The engine's table for goal2 (t = 1 × 2 + 0): town is one open day from it, entry three.
    const routes = createRoutes(compiled, createEnforcement(compiled).columns, null, null, false);
    routes.startDay(0, true);
    expect([...routes.costToGo[2]].slice(0, 2)).toEqual([3, 1]);
  });
});

describe('the engine’s tables', () => {
  it('are rebuilt when any edge’s cost moved, the last one too, and only then', () => {
    const compiled = compileScenario(forkScenario());
    const truth = createEnforcement(compiled).columns;
    const routes = createRoutes(compiled, truth, null, null, false);
    routes.startDay(0, true);
    // Open borders: in 1, back 1, bus-back 1.1, cross 2.05, detour 1, side 1; town goes round by bend.
    expect([...routes.costToGo[0]]).toEqual([3, 2, 1, 0]);
    expect(routes.builds).toBe(1);
    // Side, the last edge, sealed: 1 + 29 × 3 = 88 days; town now crosses directly (2.05).
    truth.detection[SIDE] = 1;
    truth.pushback[SIDE] = 1;
    routes.startDay(1, true);
    expect(routes.costToGo[0][BEND]).toBe(88);
    expect(routes.costToGo[0][TOWN]).toBeCloseTo(2.05, 12);
    expect(routes.costToGo[0][ENTRY]).toBeCloseTo(3.05, 12);
    const slot = TOWN; // table 0: slot 0 × 4 + town
    expect(routes.candidates.count[slot]).toBe(1);
    expect(routes.candidates.edge[slot * routes.candidates.stride]).toBe(CROSS);
    expect(routes.builds).toBe(2);
    routes.startDay(2, true);
    expect(routes.builds).toBe(2);
  });
});

describe('an information community’s tables', () => {
  // The fork with an information block; with one cohort, community g is country g: XE 0, XA 1,
  // XB 2, and table t = destination × 3 + g. With `smugglers`, a network at town serves the borders
  // out of XA (skill 0.5, no violence, no covert hazard), the quote is the base price 300 EUR, and
  // XA-XB is guarded (detection 0.5, every detected person pushed back).
  function setUp(options: { smugglers?: boolean; cohorts?: number } = {}) {
    const s = forkScenario();
    s.information = { rebuildThreshold: 0.05, beliefRebuildDays: 30 };
    if (options.cohorts === 2) s.cohorts.push({ ...s.cohorts[0], id: 'second' });
    if (options.smugglers) {
      s.borders = { 'XA-XB': { detection: 0.5, pushback: 1 } };
      s.smugglers = {
        networks: [{ id: 'ring', name: 'Ring', base: 'town', capacityPerDay: 50, skill: 0.5, violence: 0 }],
        market: { bases: ['town'], covertHazard: 0 },
      };
    }
    const compiled = compileScenario(s);
    const truth = createEnforcement(compiled).columns;
    const market = createSmugglerMarket(compiled, truth);
    const beliefs = createBeliefState(compiled);
    initBeliefs(beliefs, compiled.information!, compiled, truth, market === null ? null : market.state.price);
    const routes = createRoutes(compiled, truth, market, beliefs, true);
    return { compiled, truth, market, beliefs, routes };
  }

  it('are built for the community’s country, settling the nodes its hops lead to in other countries', () => {
    const { routes } = setUp();
    routes.startDay(0, true);
    expect([...routes.dirty]).toEqual([1, 1, 1]);
    routes.build(XA);
    expect([...routes.dirty]).toEqual([1, 0, 1]);
    // Beliefs are the truth (open borders): costs as in the engine, town round by bend.
    const t = XA;
    expect([...routes.costToGo[t]]).toEqual([3, 2, 1, 0]);
    // Weights at XA's nodes only: back exp(−(1 + 3 − 2)/2), bus-back exp(−(1.1 + 1)/2),
    // cross exp(−(2.05 − 2)/2), detour and side 1; `in` leaves XE and is not computed.
    const w = routes.weights[t];
    expect(w[IN]).toBe(0);
    expect(w[BACK]).toBeCloseTo(Math.exp(-1), 12);
    expect(w[BUS_BACK]).toBeCloseTo(Math.exp(-1.05), 12);
    expect(w[CROSS]).toBeCloseTo(Math.exp(-0.025), 12);
    expect([w[DETOUR], w[SIDE]]).toEqual([1, 1]);
    const slot = t * 4 + TOWN;
    const base = slot * routes.candidates.stride;
    expect(routes.candidates.count[slot]).toBe(2);
    expect([...routes.candidates.edge.subarray(base, base + 2)]).toEqual([CROSS, DETOUR]);
    expect(routes.candidates.cumulativeWeight[base + 1]).toBeCloseTo(Math.exp(-0.025) + 1, 12);
    expect(routes.candidates.maxFareEur[slot]).toBe(5);
  });

  it('are the community of the person’s cohort in the country of the node', () => {
    const { routes } = setUp({ cohorts: 2 });
    expect(routes.classes).toBe(6);
    expect([...routes.classBase]).toEqual([0, 2, 2, 4]);
    // Cohort 1 at town (XA): community XA × 2 + 1.
    expect(routes.classOf[1 + routes.classBase[TOWN]]).toBe(3);
    expect(routes.classOf[0 + routes.classBase[GOAL]]).toBe(4);
    expect(routes.classOf[1 + routes.classBase[ENTRY]]).toBe(XE * 2 + 1);
  });

  it('price smuggling at the community’s believed price, with advertising while its phones work', () => {
    // Beliefs are the truth: chance alone 0.5. A smuggled group faces detection 0.5 × (1 − 0.5) =
    // 0.25, 0.175 once advertising talks away 0.3 of it. One smuggled attempt with phones on:
    // 0.175 / 0.825 × 3 = 7/11 days of waiting, plus 300 EUR / 0.825 / 100 = 40/11: 47/11; with
    // phones cut, 0.25 / 0.75 × 3 = 1 day plus 300 / 0.75 / 100 = 4: 5.
    const single = (blackoutUntil: number, today: number, priceEur = 300) => {
      const { routes, beliefs } = setUp({ smugglers: true });
      routes.startDay(0, true);
      routes.startDay(today, false);
      beliefs.blackoutUntil[XA] = blackoutUntil;
      beliefs.priceEur[XA * 3 + XA_XB] = priceEur;
      routes.build(XA);
      return { single: routes.attempt.single[XA][CROSS], guaranteed: routes.attempt.guaranteed[XA][CROSS], alone: routes.attempt.alone[XA][CROSS] };
    };
    expect(single(0, 4).single).toBeCloseTo(47 / 11, 12);
    expect(single(5, 4).single).toBeCloseTo(5, 12);
    // Phones work again on the day the blackout ends.
    expect(single(5, 5).single).toBeCloseTo(47 / 11, 12);
    // The community believes 600 EUR, twice the quote: 7/11 + 600 / 0.825 / 100 = 87/11, and a
    // guaranteed package 7/11 + 2 × 300 × 1.3 / 0.75 / 100 = 7/11 + 10.4. Alone: 1/0.5 − 1 = 1
    // failed try of 3 days.
    const dear = single(0, 4, 600);
    expect(dear.single).toBeCloseTo(87 / 11, 12);
    expect(dear.guaranteed).toBeCloseTo(7 / 11 + 10.4, 12);
    expect(dear.alone).toBeCloseTo(3, 12);
  });

  it('go out of date when the smuggler market or a field people do not learn about moves enough', () => {
    const { routes, market, truth } = setUp({ smugglers: true });
    routes.startDay(0, true);
    routes.build(XA);
    const dirtyAfter = (day: number) => {
      routes.startDay(day, true);
      const d = routes.dirty[XA];
      if (d === 1) routes.build(XA);
      return d;
    };
    // Nothing moved.
    expect(dirtyAfter(1)).toBe(0);
    // Skill 0.5 → 0.51: by 0.01, not more than 0.05 of 0.51; → 0.9: by 0.4, more than 0.05 of 0.9.
    market!.state.skill[0] = 0.51;
    expect(dirtyAfter(2)).toBe(0);
    market!.state.skill[0] = 0.9;
    expect(dirtyAfter(3)).toBe(1);
    // Detention at cross 0 → 1 day: within the tolerance of a day; → 2.5: beyond it, and then
    // remembered, so the next day with nothing new marks nothing.
    truth.detentionDays[CROSS] = 1;
    expect(dirtyAfter(4)).toBe(0);
    truth.detentionDays[CROSS] = 2.5;
    expect(dirtyAfter(5)).toBe(1);
    expect(dirtyAfter(6)).toBe(0);
    // A legal corridor marks at any change.
    truth.legalCorridor[SIDE] = 1;
    expect(dirtyAfter(7)).toBe(1);
  });

  it('go out of date when beliefs moved by rebuildThreshold, or by half of it after beliefRebuildDays', () => {
    const { routes, beliefs } = setUp();
    routes.startDay(0, true);
    routes.build(XA);
    beliefs.presentList[0] = XA;
    beliefs.presentCount = 1;
    // XA-XB was believed free (chance 1: attractiveness 2 / (2 + 0) = 1). At 36/37 one crossing
    // costs 1/36 failed tries of 3 days, 1/12 day: attractiveness 2 / (2 + 1/12) = 0.96, moved 0.04,
    // between 0.025 and 0.05: out of date once 30 days have passed since the build on day 0, i.e.
    // after the learning of day 29.
    beliefs.chance[XA * 3 + XA_XB] = 36 / 37;
    routes.checkBeliefs(28);
    expect(routes.dirty[XA]).toBe(0);
    routes.checkBeliefs(29);
    expect(routes.dirty[XA]).toBe(1);
    // Rebuilt on day 30 with 36/37; at once when it moves by more than 0.05: chance 0.9 costs
    // 1/9 × 3 = 1/3 day, attractiveness 6/7, moved 0.96 − 6/7 = 0.103.
    routes.startDay(30, false);
    routes.build(XA);
    expect(routes.dirty[XA]).toBe(0);
    beliefs.chance[XA * 3 + XA_XB] = 0.9;
    routes.checkBeliefs(30);
    expect(routes.dirty[XA]).toBe(1);
  });
});

describe('the slow decision', () => {
  // A person at town on the fork, who came from entry, with 1000 EUR; table 0 hand-set: cost-to-go
  // (entry 3, town 2, bend 1, goal 0) and weights back 1, bus-back 1, cross 1, detour 1. Default
  // behaviour: a failure weighs border hops by exp(−2 / 2) = e^−1 = 0.367879.
  function setUp(blocks: { stranding?: boolean; perfect?: boolean } = {}) {
    const s = forkScenario();
    if (blocks.stranding) s.stranding = {};
    if (blocks.perfect !== undefined) s.information = { perfect: blocks.perfect };
    const compiled = compileScenario(s);
    const agents = createAgentTable(1);
    agents.highWater = 1;
    agents.status[0] = AT_NODE;
    agents.node[0] = TOWN;
    agents.prevNode[0] = ENTRY;
    agents.moneyEur[0] = 1000;
    const v = Float64Array.of(3, 2, 1, 0);
    const w = Float64Array.of(0, 1, 1, 1, 1, 0);
    const seen = { took: -1, waited: -1, draws: 0, u: 0.5 };
    const decide = createSlowDecision({
      compiled,
      agents,
      routes: { weights: [w], costToGo: [v] } as unknown as Routes,
      rng: () => {
        seen.draws++;
        return seen.u;
      },
      failFactor: failureFactors(compiled),
      wait: (_, days) => (seen.waited = days),
      take: (_, e) => (seen.took = e),
    });
    const decideWith = (u: number) => {
      Object.assign(seen, { took: -1, waited: -1, draws: 0, u });
      decide(0, TOWN, 0);
      return { took: seen.took, waited: seen.waited, draws: seen.draws };
    };
    return { agents, v, w, decideWith };
  }

  it('without a failure, takes only hops that bring the destination closer, with no draw for one', () => {
    const { v, decideWith } = setUp();
    // Bend as far as town (V 2): only cross brings goal closer; the ways back lead to V 3.
    v[BEND] = 2;
    for (const u of [0.01, 0.99]) expect(decideWith(u)).toEqual({ took: CROSS, waited: -1, draws: 0 });
  });

  it('after a failure, may turn away, weighing the failed border down; never straight back in the engine', () => {
    const { agents, v, w, decideWith } = setUp();
    agents.failures[0] = 1;
    // Detour now leads away (bend at V 5), weight 0.25; cross 1 × e^−1. Forward candidates: cross
    // 0.367879 and detour 0.25, total 0.617879: cross below 0.367879 / 0.617879 = 0.595392.
    v[BEND] = 5;
    w[DETOUR] = 0.25;
    expect(decideWith(0.58)).toEqual({ took: CROSS, waited: -1, draws: 1 });
    expect(decideWith(0.61)).toEqual({ took: DETOUR, waited: -1, draws: 1 });
    expect(decideWith(0.999)).toEqual({ took: DETOUR, waited: -1, draws: 1 });
  });

  it('with a stranding block, may go back after a failure, by the same weights', () => {
    const { agents, v, w, decideWith } = setUp({ stranding: true });
    agents.failures[0] = 1;
    v[BEND] = 5;
    w[DETOUR] = 0.25;
    // back, bus-back and cross are border hops: 0.367879 each, detour 0.25; total 1.353638.
    // u = 0.2 × 1.353638 = 0.270728 < 0.367879: back; u = 0.4 × … = 0.541455: bus-back.
    expect(decideWith(0.2).took).toBe(BACK);
    expect(decideWith(0.4).took).toBe(BUS_BACK);
    expect(decideWith(0.9).took).toBe(DETOUR);
    // Without money for the bus: back, cross, detour, total 0.985758; u = 0.394303: cross.
    agents.moneyEur[0] = 5;
    expect(decideWith(0.4).took).toBe(CROSS);
    // Perfect information keeps the engine's rule: not back while cross or detour exists.
    const perfect = setUp({ perfect: true });
    perfect.agents.failures[0] = 1;
    perfect.v[BEND] = 5;
    perfect.w[DETOUR] = 0.25;
    expect(perfect.decideWith(0.2).took).toBe(CROSS);
    const learning = setUp({ perfect: false });
    learning.agents.failures[0] = 1;
    learning.v[BEND] = 5;
    learning.w[DETOUR] = 0.25;
    expect(learning.decideWith(0.2).took).toBe(BACK);
  });

  it('goes back when nothing else is possible, drawing among the ways back by their weights', () => {
    const { v, w, decideWith } = setUp();
    // Cross and detour impassable; entry now nearer the destination than town (V 1 < 2), by foot
    // (weight 1) or bus (weight 3): the bus below u = 0.75.
    w[CROSS] = 0;
    w[DETOUR] = 0;
    v[ENTRY] = 1;
    w[BUS_BACK] = 3;
    expect(decideWith(0.7).took).toBe(BUS_BACK);
    expect(decideWith(0.8).took).toBe(BACK);
  });

  it('waits retryWaitDays when no hop is possible', () => {
    const { w, decideWith } = setUp();
    w.fill(0);
    expect(decideWith(0.5)).toEqual({ took: -1, waited: 3, draws: 0 });
  });
});
