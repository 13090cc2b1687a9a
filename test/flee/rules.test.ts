// Flee's formulas against hand-computed values: move chances by location type, location scores,
// conflict decay, the capacity multiplier, route weights; the candidate routes to the awareness
// depth (markers, loops, closed links); Flee's interpolation and daily spawns with refugee debt;
// and the compilation of a rules block (conflict timing, closures, forced links, problems).

import { describe, expect, it } from 'vitest';
import { CAMP, CONFLICT_ZONE, IDPCAMP, MARKER, TOWN, fleeRulesProblems } from '../../src/model/flee/compileRules.js';
import { buildRouteTable, createRouteStore, type RouteStore } from '../../src/model/flee/routes.js';
import { capacityMultiplier, conflictDecay, locationScore, moveChance, routeBaseWeight, routeWeight } from '../../src/model/flee/rules.js';
import { dailySpawns, interpolateFlee, toDayPoints } from '../../src/model/flee/series.js';
import { FLEE_DEFAULTS, resolveFleeSettings } from '../../src/model/flee/settings.js';
import { compileScenario } from '../../src/scenarios/compile.js';
import { compileFlee, tinyFleeScenario } from './helpers.js';

const s = FLEE_DEFAULTS;

describe('move chance (moving.calculateMoveChance)', () => {
  it('is the location type\'s movechance', () => {
    expect(moveChance(s, TOWN, 0, 0, 0)).toBe(0.3);
    expect(moveChance(s, CONFLICT_ZONE, 0, 0, 0)).toBe(0.3); // a conflict zone not (yet) in conflict is a town
    expect(moveChance(s, TOWN, 0.5, 0, 0)).toBe(1); // in conflict: conflict_movechance
    expect(moveChance(s, CAMP, 0, 0, 0)).toBe(0.001);
    expect(moveChance(s, IDPCAMP, 0, 0, 0)).toBe(0.1);
    expect(moveChance(s, MARKER, 0, 0, 0)).toBe(1);
  });

  it('scales with (max(population, capacity) / movechance_pop_base)^movechance_pop_scale_factor', () => {
    const scaled = resolveFleeSettings({ movechance_pop_scale_factor: 0.5 });
    expect(moveChance(scaled, TOWN, 0, 40000, 0)).toBeCloseTo(0.6, 15); // 0.3 × (40000 / 10000)^0.5
    expect(moveChance(scaled, CAMP, 0, 0, 2500)).toBeCloseTo(0.0005, 15); // 0.001 × 0.25^0.5
  });
});

describe('location score (scoring.updateLocationScore)', () => {
  const weights = resolveFleeSettings({ foreign_weight: 2, camp_weight: 3, conflict_weight: 0.25, conflict_spawn_decay: [1, 0.5], conflict_spawn_decay_interval: 30 });

  it('multiplies foreign, camp and conflict weights', () => {
    expect(locationScore(weights, CAMP, true, 0, 0)).toBe(6);
    expect(locationScore(weights, IDPCAMP, false, 0, 0)).toBe(3);
    expect(locationScore(weights, TOWN, false, 0, 0)).toBe(1);
    expect(locationScore(weights, TOWN, true, 0, 0)).toBe(2);
  });

  it('weighs a conflict zone by conflict_weight^(decay × intensity)', () => {
    expect(locationScore(weights, CONFLICT_ZONE, false, 0.8, 10)).toBeCloseTo(0.25 ** 0.8, 15);
    expect(locationScore(weights, CONFLICT_ZONE, false, 0.8, 45)).toBeCloseTo(0.574349177498517, 15); // 0.25^(0.5 × 0.8)
    expect(locationScore(s, CONFLICT_ZONE, false, 1, 0)).toBeCloseTo(0.316227766, 9); // default 1/√10
  });

  it('steps through conflict_spawn_decay every interval, holding the last', () => {
    const decay = resolveFleeSettings({ conflict_spawn_decay: [1, 1, 0.5, 0.1], conflict_spawn_decay_interval: 30 });
    expect([0, 59, 60, 89, 90, 500].map((d) => conflictDecay(decay, d))).toEqual([1, 1, 0.5, 0.5, 0.1, 0.1]);
    expect(conflictDecay(s, 1000)).toBe(1);
  });
});

describe('capacity multiplier (moving.getCapMultiplier)', () => {
  it('is 1 up to 90% of capacity and falls linearly to 0 at capacity', () => {
    expect([0, 900, 901, 950, 999, 1000, 5000].map((n) => capacityMultiplier(s, 1000, n))).toEqual([1, 1, 0.99, 0.5, 0.01, 0, 0].map((x) => expect.closeTo(x, 12)));
  });

  it('has no effect below a capacity of 1, and scales with capacity_scaling and capacity_buffer', () => {
    expect(capacityMultiplier(s, 0, 1e9)).toBe(1);
    expect(capacityMultiplier(s, 0.5, 1e9)).toBe(1);
    expect(capacityMultiplier(resolveFleeSettings({ capacity_scaling: 2 }), 1000, 1900)).toBeCloseTo(0.5, 12);
    expect(capacityMultiplier(resolveFleeSettings({ capacity_buffer: 0.5 }), 1000, 750)).toBeCloseTo(0.5, 12);
  });
});

describe('route weight (moving.calculateLinkWeight)', () => {
  it('is (weight_softening + score) / (softening + distance)^distance_power × capacity, to weight_power', () => {
    expect(routeWeight(s, 1, 90, 1)).toBeCloseTo(0.01, 15);
    const t = resolveFleeSettings({ weight_softening: 0.5, distance_power: 2 });
    expect(routeBaseWeight(t, 2, 40)).toBeCloseTo(0.001, 15); // 2.5 / 50²
    expect(routeWeight(t, 2, 40, 0.5)).toBeCloseTo(0.0005, 15);
    expect(routeWeight(resolveFleeSettings({ weight_softening: 0.5, distance_power: 2, weight_power: 2 }), 2, 40, 0.5)).toBeCloseTo(2.5e-7, 18);
    expect(routeWeight(resolveFleeSettings({ weight_power: 0 }), 7, 3, 0.2)).toBe(1); // a random walk
  });
});

describe('candidate routes (awareness_level)', () => {
  // a–b 10, b–c 20, a–m 5 (m a marker), m–d 7, d–c 30
  const scenario = tinyFleeScenario(
    [{ id: 'a', kind: 'entry' }, { id: 'b' }, { id: 'c', kind: 'camp' }, { id: 'm' }, { id: 'd' }],
    [
      ['a', 'b', 10],
      ['b', 'c', 20],
      ['a', 'm', 5],
      ['m', 'd', 7],
      ['d', 'c', 30],
    ],
    { refugees: {}, locations: { m: { type: 'marker' } } },
  );
  const net = compileScenario(scenario).network;
  const isMarker = Uint8Array.from(net.nodeIds, (id) => (id === 'm' ? 1 : 0));
  const routesFrom = (node: string, awareness: number, open = new Uint8Array(net.edgeIds.length).fill(1)) => {
    const store: RouteStore = createRouteStore();
    const table = buildRouteTable(net, open, isMarker, awareness, store);
    const n = net.nodeIds.indexOf(node);
    return Array.from(table.routes.subarray(table.start[n], table.start[n + 1]), (r) => [
      Array.from(store.nodes.subarray(store.offset[r], store.offset[r] + store.length[r]), (k) => net.nodeIds[k]).join('>'),
      store.distanceKm[r],
    ]);
  };

  it('awareness 1: the neighbours, seen through markers', () => {
    expect(routesFrom('a', 1)).toEqual([
      ['b', 10],
      ['m>d', 12],
    ]);
    expect(routesFrom('m', 1)).toEqual([
      ['a', 5],
      ['d', 7],
    ]);
  });

  it('awareness 2: every path of up to two hops without loops, each prefix a route', () => {
    expect(routesFrom('a', 2)).toEqual([
      ['b', 10],
      ['b>c', 30],
      ['m>d', 12],
      ['m>d>c', 42],
    ]);
  });

  it('awareness 0 or -1: every link, markers included (chosen uniformly)', () => {
    expect(routesFrom('a', 0)).toEqual([
      ['b', 10],
      ['m', 5],
    ]);
  });

  it('leaves out closed links', () => {
    const open = new Uint8Array(net.edgeIds.length).fill(1);
    open[net.edgeIds.indexOf('a>b')] = 0;
    expect(routesFrom('a', 2, open)).toEqual([
      ['m>d', 12],
      ['m>d>c', 42],
    ]);
  });
});

describe('observed series (DataTable)', () => {
  it('interpolates linearly between dates, truncated, constant outside them', () => {
    const p = toDayPoints({ '2020-01-11': 200, '2020-01-01': 100, '2020-01-21': 150 }, '2020-01-01');
    expect([-5, 0, 5, 7, 10, 13, 15, 20, 30].map((d) => interpolateFlee(p, d))).toEqual([100, 100, 150, 170, 200, 185, 175, 150, 150]);
    const q = toDayPoints({ '2020-01-01': 0, '2020-01-04': 10 }, '2020-01-01');
    expect([1, 2].map((d) => interpolateFlee(q, d))).toEqual([3, 6]);
    expect(interpolateFlee(toDayPoints({}, '2020-01-01'), 3)).toBe(0);
  });

  it('divides values by people per agent before truncating', () => {
    const p = toDayPoints({ '2020-01-01': 0, '2020-01-11': 1000 }, '2020-01-01', 30);
    expect(interpolateFlee(p, 5)).toBe(16); // 500 / 30 = 16.67
  });

  const levels = (values: number[]) =>
    toDayPoints(Object.fromEntries(values.map((v, d) => [`2020-01-${String(d + 1).padStart(2, '0')}`, v])), '2020-01-01');

  it('spawns the day-on-day increase, carrying decreases forward as a debt', () => {
    expect(Array.from(dailySpawns([levels([10, 15, 12, 20, 21])], 5, false))).toEqual([10, 5, 0, 5, 1]);
    expect(Array.from(dailySpawns([levels([10, 15, 12, 20, 21])], 5, true))).toEqual([0, 5, 0, 5, 1]);
    expect(Array.from(dailySpawns([levels([10, 5, 3, 4, 10])], 5, false))).toEqual([10, 0, 0, 0, 0]);
    expect(Array.from(dailySpawns([levels([10, 5, 3, 4, 20])], 5, false))).toEqual([10, 0, 0, 0, 10]);
  });

  it('sums several series (sum_from_camps)', () => {
    expect(Array.from(dailySpawns([levels([10, 15, 12, 20, 21]), levels([1, 1, 1, 3, 3])], 5, false))).toEqual([11, 5, 0, 7, 1]);
  });
});

describe('compiling a rules block', () => {
  const base = () =>
    tinyFleeScenario(
      [{ id: 'a', kind: 'entry' }, { id: 'b' }, { id: 'c', kind: 'camp', country: 'QN', capacity: 1000 }],
      [
        ['a', 'b', 100],
        ['b', 'c', 50, 'boat'],
      ],
      { refugees: { camps: { c: { '2020-01-01': 120, '2020-01-10': 500 } } } },
    );

  it('enacts conflicts as Flee does: begin above 0, end only at 0 after exactly 1', () => {
    const sc = base();
    sc.rules!.conflicts = {
      a: { '2020-01-01': 1, '2020-01-04': 0, '2020-01-06': 0.5, '2020-01-08': 0 },
      b: { '2020-01-03': 0.3, '2020-01-05': 0.9 },
    };
    expect(compileFlee(sc).rules.conflictChanges).toEqual([
      { day: 0, node: 0, intensity: 1 },
      { day: 2, node: 1, intensity: 0.3 },
      { day: 3, node: 0, intensity: 0 },
      { day: 5, node: 0, intensity: 0.5 },
    ]);
  });

  it('resolves closures to edges, forced links to directions, speeds to link modes', () => {
    const sc = base();
    sc.edges[0].id = 'ab';
    sc.rules!.links = { ab: { forced_redirection: 2, walk_probability: 0.25 } };
    sc.rules!.closures = [
      { type: 'country', from: 'QM', to: 'QN', start: '2020-01-02' },
      { type: 'location', from: 'b', start: '2020-01-02', end: '2020-01-05' },
      { type: 'link', from: 'c', to: 'b', start: '2020-01-03' },
      { type: 'remove_forced_redirection', from: 'b', to: 'a', start: '2020-01-03' },
      { type: 'camp', from: 'c', start: '2020-01-04' },
    ];
    const f = compileFlee(sc).rules;
    // Edges: 0 a>b, 1 b>a (reverse of "ab"), 2 b>c, 3 c>b.
    expect(f.closures.map((c) => [c.type, c.start, c.end, Array.from(c.edges), c.node])).toEqual([
      ['country', 1, -1, [2, 3], -1],
      ['location', 1, 4, [0, 1, 2, 3], -1],
      ['link', 2, -1, [2, 3], -1],
      ['remove_forced_redirection', 2, -1, [1], -1],
      ['camp', 3, -1, [], 2],
    ]);
    expect(Array.from(f.edgeForced)).toEqual([0, 1, 0, 0]);
    expect(Array.from(f.edgeWalkProbability)).toEqual([0.25, 0.25, 0, 0]);
    expect(Array.from(f.edgeSpeedKm)).toEqual([360, 360, 20, 20]);
  });

  it('puts the camps\' day-0 counts in the camps (insert_day0) and scales people per agent', () => {
    const sc = base();
    sc.peoplePerAgent = 10;
    sc.rules!.locations = { a: { population: 12345 } };
    const f = compileFlee(sc).rules;
    expect(Array.from(f.initialAgents)).toEqual([0, 0, 12]);
    expect(Array.from(f.population)).toEqual([1234, 0, 0]);
    expect(Array.from(f.capacity)).toEqual([0, 0, 100]);
    expect(Array.from(f.locationType)).toEqual([CONFLICT_ZONE, TOWN, CAMP]);
  });

  it('makes a place with a movechance below 0.5% a camp, as Flee does', () => {
    const sc = base();
    sc.rules!.default_movechance = 0.004;
    expect(compileFlee(sc).rules.locationType[1]).toBe(CAMP);
  });

  it('reports references it cannot resolve, with JSON paths', () => {
    const sc = base();
    sc.rules = {
      ...sc.rules!,
      homeCountry: 'ZZ',
      locations: { nope: { type: 'town' } },
      links: { missing: { max_move_speed: 10 } },
      closures: [
        { type: 'country', from: 'QM', start: '2020-01-02' },
        { type: 'link', from: 'a', to: 'c', start: '2019-12-31' },
        { type: 'camp', from: 'x', to: 'c', start: '2020-01-02', end: '2020-01-01' },
      ],
      conflicts: { ghost: { '2020-02-30': 1 } },
      refugees: { total: { '2020-01-01': 1 } },
    };
    expect(fleeRulesProblems(sc)).toEqual([
      { path: '/rules/homeCountry', message: 'unknown country "ZZ" (not in /countries)' },
      { path: '/rules/locations/nope', message: 'unknown node "nope"' },
      { path: '/rules/links/missing', message: 'unknown edge "missing" (no edge has this id)' },
      { path: '/rules/closures/0', message: 'a "country" closure needs "to"' },
      { path: '/rules/closures/1/start', message: '2019-12-31 is outside the period 2020-01-01 to 2020-01-10' },
      { path: '/rules/closures/1', message: 'no edge leads from "a" to "c"' },
      { path: '/rules/closures/2/end', message: 'is before the start 2020-01-02' },
      { path: '/rules/closures/2/to', message: 'a "camp" closure takes no "to"' },
      { path: '/rules/closures/2/from', message: 'unknown node "x"' },
      { path: '/rules/conflicts/ghost', message: 'unknown node "ghost"' },
      { path: '/rules/conflicts/ghost/2020-02-30', message: 'is not a calendar date' },
      {
        path: '/rules/refugees',
        message: 'sum_from_camps is true (Flee\'s default), so spawning follows the camps, but only "total" is given: add "camps" or set "sum_from_camps": false',
      },
    ]);
    expect(() => compileScenario(sc)).toThrow(/\/rules\/homeCountry: unknown country "ZZ"/);
  });
});
