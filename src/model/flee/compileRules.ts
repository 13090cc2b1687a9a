// Compiles a scenario's Flee `rules` block onto the compiled network: per node Flee's location
// type, population and capacity (in agents), per edge its speed, walk probability and forced
// redirection, closures resolved to edge lists, conflicts to the dated changes Flee enacts, and the
// observed series to a number of agents to spawn per day. Pure, like src/scenarios/compile.ts,
// which calls it; problems the schema cannot see (unknown ids, dates outside the period) are
// reported by fleeRulesProblems with JSON paths, and thrown as a ScenarioError when compiling.

import type { CompiledScenario } from '../compiled.js';
import { NODE_KINDS } from '../compiled.js';
import { dayIndex, isRealDate } from '../../scenarios/dates.js';
import { ScenarioError, pointer } from '../../scenarios/errors.js';
import type { Scenario } from '../../scenarios/types.js';
import { dailySpawns, interpolateFlee, toDayPoints } from './series.js';
import { resolveFleeSettings, type FleeSettings } from './settings.js';
import { FLEE_LOCATION_TYPES, type FleeClosureType, type FleeLocationType, type FleeRulesSpec } from './spec.js';

/** Location types as stored per node (indices of FLEE_LOCATION_TYPES). */
export const TOWN = FLEE_LOCATION_TYPES.indexOf('town');
export const CONFLICT_ZONE = FLEE_LOCATION_TYPES.indexOf('conflict_zone');
export const CAMP = FLEE_LOCATION_TYPES.indexOf('camp');
export const IDPCAMP = FLEE_LOCATION_TYPES.indexOf('idpcamp');
export const MARKER = FLEE_LOCATION_TYPES.indexOf('marker');
export const FORWARDING_HUB = FLEE_LOCATION_TYPES.indexOf('forwarding_hub');

const TYPE_OF_KIND: Record<(typeof NODE_KINDS)[number], FleeLocationType> = {
  entry: 'conflict_zone',
  hub: 'town',
  camp: 'camp',
  'border-area': 'town',
  destination: 'camp',
};

/** A conflict starting (intensity > 0) or ending (0) at a node on a day, as Flee enacts it. */
export interface ConflictChange {
  day: number;
  node: number;
  intensity: number;
}

export interface CompiledClosure {
  type: FleeClosureType;
  /** Day it is enacted and day it is lifted (-1: never). */
  start: number;
  end: number;
  /** Edges closed (country, location, link) or whose forced redirection is removed. */
  edges: Int32Array;
  /** The node of a camp or idpcamp closure, else -1. */
  node: number;
}

export interface CompiledFlee {
  mode: 'flee';
  settings: FleeSettings;
  /** Location type per node at the start (FLEE_LOCATION_TYPES index). */
  locationType: Uint8Array;
  /** Residents per node, in agents (spawn weights, movechance population scaling). */
  population: Float64Array;
  /** Camp capacity per node, in agents; 0 for no capacity effect. */
  capacity: Float64Array;
  /** 1 for a node outside the home country. */
  foreign: Uint8Array;
  /** Today's travel speed on each edge before walking rules, km per day. */
  edgeSpeedKm: Float64Array;
  edgeWalkProbability: Float64Array;
  /** 1 when the edge is a forced redirection at the start. */
  edgeForced: Uint8Array;
  /** Sorted by day, then node. */
  conflictChanges: ConflictChange[];
  /** In the order of the scenario (Flee enacts them in file order each day). */
  closures: CompiledClosure[];
  /** Agents spawned at conflict zones on each day. */
  spawnPerDay: Int32Array;
  /** Agents placed in each node on day 0 (insert_day0: the camps' day-0 counts). */
  initialAgents: Float64Array;
  /** Also return every node's end-of-day count as ReplicateResult.nodeDaily: set by benchmark
   * scoring of Flee camp series (src/benchmarks/arms.ts), off otherwise (it costs nodes × days). */
  recordLocations?: boolean;
}

export type FleeCompiledScenario = CompiledScenario & { rules: CompiledFlee };

/** True when the compiled scenario runs under Flee's rules. */
export function isFleeCompiled(compiled: CompiledScenario): compiled is FleeCompiledScenario {
  return (compiled as { rules?: { mode?: string } }).rules?.mode === 'flee';
}

type PathProblem = { path: string; message: string };

/** Problems of a scenario's rules block that the schema cannot express, with JSON paths. */
export function fleeRulesProblems(s: Scenario): PathProblem[] {
  const rules = s.rules;
  if (rules === undefined) return [];
  const out: PathProblem[] = [];
  const add = (message: string, ...segments: (string | number)[]) => out.push({ path: pointer('rules', ...segments), message });
  const nodeIds = new Set(s.nodes.map((n) => n.id));
  const edgeIds = new Map<string, (typeof s.edges)[number]>();
  for (const e of s.edges) if (e.id !== undefined) edgeIds.set(e.id, e);
  const { start, end } = s.period;
  const inPeriod = (date: string) => date >= start && date <= end;
  const checkDate = (date: string, ...segments: (string | number)[]) => {
    if (!isRealDate(date)) add('is not a calendar date', ...segments);
  };

  if (rules.homeCountry !== undefined && !(rules.homeCountry in s.countries)) add(`unknown country "${rules.homeCountry}" (not in /countries)`, 'homeCountry');
  for (const id of Object.keys(rules.locations ?? {})) if (!nodeIds.has(id)) add(`unknown node "${id}"`, 'locations', id);
  for (const [id, link] of Object.entries(rules.links ?? {})) {
    const edge = edgeIds.get(id);
    if (edge === undefined) add(`unknown edge "${id}" (no edge has this id)`, 'links', id);
    else if (link.forced_redirection === 2 && edge.bidirectional === false) add('the edge has no reverse to force (it is not bidirectional)', 'links', id, 'forced_redirection');
  }
  const linked = (a: string, b: string) => s.edges.some((e) => (e.from === a && e.to === b) || (e.bidirectional !== false && e.from === b && e.to === a));
  (rules.closures ?? []).forEach((c, i) => {
    checkDate(c.start, 'closures', i, 'start');
    if (isRealDate(c.start) && !inPeriod(c.start)) add(`${c.start} is outside the period ${start} to ${end}`, 'closures', i, 'start');
    if (c.end !== undefined) {
      checkDate(c.end, 'closures', i, 'end');
      if (c.end < c.start) add(`is before the start ${c.start}`, 'closures', i, 'end');
    }
    const pair = c.type === 'country' || c.type === 'link' || c.type === 'remove_forced_redirection';
    if (pair && c.to === undefined) add(`a "${c.type}" closure needs "to"`, 'closures', i);
    if (!pair && c.to !== undefined) add(`a "${c.type}" closure takes no "to"`, 'closures', i, 'to');
    const ends = pair && c.to !== undefined ? (['from', 'to'] as const) : (['from'] as const);
    for (const key of ends) {
      const value = c[key] as string;
      if (c.type === 'country') {
        if (!(value in s.countries)) add(`unknown country "${value}" (not in /countries)`, 'closures', i, key);
      } else if (!nodeIds.has(value)) {
        add(`unknown node "${value}"`, 'closures', i, key);
      }
    }
    if ((c.type === 'link' || c.type === 'remove_forced_redirection') && c.to !== undefined && nodeIds.has(c.from) && nodeIds.has(c.to)) {
      if (!linked(c.from, c.to)) add(`no edge leads from "${c.from}" to "${c.to}"`, 'closures', i);
    }
  });
  for (const [id, dated] of Object.entries(rules.conflicts ?? {})) {
    if (!nodeIds.has(id)) add(`unknown node "${id}"`, 'conflicts', id);
    for (const date of Object.keys(dated)) checkDate(date, 'conflicts', id, date);
  }
  for (const date of Object.keys(rules.refugees.total ?? {})) checkDate(date, 'refugees', 'total', date);
  for (const [id, dated] of Object.entries(rules.refugees.camps ?? {})) {
    if (!nodeIds.has(id)) add(`unknown node "${id}"`, 'refugees', 'camps', id);
    for (const date of Object.keys(dated)) checkDate(date, 'refugees', 'camps', id, date);
  }
  const sumFromCamps = rules.sum_from_camps ?? true;
  if (sumFromCamps && rules.refugees.total !== undefined && rules.refugees.camps === undefined) {
    add('sum_from_camps is true (Flee\'s default), so spawning follows the camps, but only "total" is given: add "camps" or set "sum_from_camps": false', 'refugees');
  }
  if (!sumFromCamps && rules.refugees.total === undefined && rules.refugees.camps !== undefined) {
    add('sum_from_camps is false, so spawning follows "total", which is missing', 'refugees');
  }
  return out;
}

/** Attach the compiled Flee rules to a compiled scenario. Throws a ScenarioError on problems. */
export function compileFleeRules(scenario: Scenario, compiled: CompiledScenario): FleeCompiledScenario {
  const rules = scenario.rules as FleeRulesSpec;
  const problems = fleeRulesProblems(scenario);
  if (problems.length > 0) throw new ScenarioError(problems.map((p) => ({ file: '(scenario)', ...p })));
  const settings = resolveFleeSettings(rules);
  const net = compiled.network;
  const nodes = net.nodeIds.length;
  const ppa = compiled.peoplePerAgent;
  const nodeIndex = new Map(net.nodeIds.map((id, i) => [id, i]));
  const start = compiled.startDate;

  const locationType = new Uint8Array(nodes);
  const population = new Float64Array(nodes);
  const capacity = new Float64Array(nodes);
  scenario.nodes.forEach((node, n) => {
    const spec = rules.locations?.[node.id] ?? {};
    let type = spec.type ?? TYPE_OF_KIND[node.kind];
    // Flee turns any location people leave less than 0.5% of days into a camp (flee.py Location).
    const chance = type === 'town' ? settings.default_movechance : type === 'conflict_zone' ? settings.conflict_movechance : 1;
    if (chance < 0.005) type = 'camp';
    locationType[n] = FLEE_LOCATION_TYPES.indexOf(type);
    population[n] = Math.floor((spec.population ?? 0) / ppa);
    capacity[n] = type === 'camp' || type === 'idpcamp' ? Math.floor(node.shelterCapacity / ppa) : 0;
  });
  const home = net.countryIds.indexOf(rules.homeCountry ?? scenario.nodes[0].country);
  const foreign = Uint8Array.from(net.nodeCountry, (c) => (c === home ? 0 : 1));

  const edges = net.edgeIds.length;
  const edgeSpeedKm = new Float64Array(edges);
  const edgeWalkProbability = new Float64Array(edges);
  const edgeForced = new Uint8Array(edges);
  const specIdOf = (edgeId: string) => (edgeId.endsWith(':reverse') ? edgeId.slice(0, -':reverse'.length) : edgeId);
  for (let e = 0; e < edges; e++) {
    const mode = net.edgeMode[e];
    edgeSpeedKm[e] = mode === 0 ? settings.max_walk_speed : mode === 2 ? settings.max_crossing_speed : settings.max_move_speed;
    const link = rules.links?.[specIdOf(net.edgeIds[e])];
    if (link === undefined) continue;
    if (link.max_move_speed !== undefined) edgeSpeedKm[e] = link.max_move_speed;
    edgeWalkProbability[e] = link.walk_probability ?? 0;
    const reverse = net.edgeIds[e].endsWith(':reverse');
    if ((link.forced_redirection === 1 && !reverse) || (link.forced_redirection === 2 && reverse)) edgeForced[e] = 1;
  }

  const days = compiled.days;
  const conflictChanges: ConflictChange[] = [];
  for (let n = 0; n < nodes; n++) {
    const dated = rules.conflicts?.[net.nodeIds[n]];
    if (dated === undefined) {
      if (locationType[n] === CONFLICT_ZONE) conflictChanges.push({ day: 0, node: n, intensity: 1 });
      continue;
    }
    const schedule = Object.entries(dated)
      .map(([date, value]) => [dayIndex(start, date), value] as const)
      .sort((a, b) => a[0] - b[0]);
    let k = 0;
    let previous = 0;
    let current = 0;
    for (let t = 0; t < days; t++) {
      while (k < schedule.length && schedule[k][0] <= t) current = schedule[k++][1];
      // Flee's AddNewConflictZones: a conflict begins when the intensity rises above zero, and
      // ends only when it falls to zero from exactly 1 (other intensities persist).
      if (current > 1e-6 && (t === 0 || previous < 1e-6)) conflictChanges.push({ day: t, node: n, intensity: current });
      else if (current < 1e-6 && t > 0 && previous === 1) conflictChanges.push({ day: t, node: n, intensity: 0 });
      previous = current;
    }
  }
  conflictChanges.sort((a, b) => a.day - b.day || a.node - b.node);

  const closures: CompiledClosure[] = (rules.closures ?? []).map((c) => {
    const a = c.type === 'country' ? net.countryIds.indexOf(c.from) : (nodeIndex.get(c.from) ?? -1);
    const b = c.to === undefined ? -1 : c.type === 'country' ? net.countryIds.indexOf(c.to) : (nodeIndex.get(c.to) ?? -1);
    const list: number[] = [];
    for (let e = 0; e < edges; e++) {
      const from = net.edgeFrom[e];
      const to = net.edgeTo[e];
      const hit =
        c.type === 'country'
          ? (net.nodeCountry[from] === a && net.nodeCountry[to] === b) || (net.nodeCountry[from] === b && net.nodeCountry[to] === a)
          : c.type === 'location'
            ? from === a || to === a
            : c.type === 'link'
              ? (from === a && to === b) || (from === b && to === a)
              : c.type === 'remove_forced_redirection' && from === a && to === b;
      if (hit) list.push(e);
    }
    return {
      type: c.type,
      start: dayIndex(start, c.start),
      end: c.end === undefined ? -1 : dayIndex(start, c.end),
      edges: Int32Array.from(list),
      node: c.type === 'camp' || c.type === 'idpcamp' ? a : -1,
    };
  });

  const camps = rules.refugees.camps ?? {};
  const campPoints = Object.entries(camps).map(([id, dated]) => [nodeIndex.get(id) as number, toDayPoints(dated, start, ppa)] as const);
  const driving = settings.sum_from_camps
    ? campPoints.map(([, p]) => p)
    : rules.refugees.total === undefined
      ? []
      : [toDayPoints(rules.refugees.total, start, ppa)];
  const initialAgents = new Float64Array(nodes);
  if (settings.insert_day0) {
    for (const [n, points] of campPoints) if (locationType[n] === CAMP || locationType[n] === IDPCAMP) initialAgents[n] = interpolateFlee(points, 0);
  }

  return {
    ...compiled,
    rules: {
      mode: 'flee',
      settings,
      locationType,
      population,
      capacity,
      foreign,
      edgeSpeedKm,
      edgeWalkProbability,
      edgeForced,
      conflictChanges,
      closures,
      spawnPerDay: dailySpawns(driving, days, settings.insert_day0),
      initialAgents,
    },
  };
}
