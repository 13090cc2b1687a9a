// Turns a validated scenario into the kernel's input: dense indices, typed arrays, defaults filled
// in, dates turned into day numbers, monthly inflow into expected agents per day. Pure (no fs), so
// the browser demo can compile a dropped file itself. Validation (validate.ts) runs first and
// reports problems with file and JSON path; the checks here only guard the kernel's invariants.

import type {
  CompiledCohorts,
  CompiledEvent,
  CompiledInflow,
  CompiledNetwork,
  CompiledScenario,
  CompiledSmugglers,
  EnforcementColumns,
} from '../model/compiled.js';
import { ENFORCEMENT_FIELDS, NODE_KINDS, TRAVEL_MODES } from '../model/compiled.js';
import { buildAdjacency } from '../model/routing.js';
import { DEFAULT_BEHAVIOUR, DEFAULT_ENFORCEMENT, DEFAULT_PEOPLE_PER_AGENT, DEFAULT_SMUGGLER_MARKET } from './defaults.js';
import { dayIndex, daysInMonth, isoDay } from './dates.js';
import { checkInformationEvents, compileInformation, compileStranding } from './compileInformation.js';
import { compileFleeRules } from '../model/flee/compileRules.js';
import { ScenarioError } from './errors.js';
import type { BehaviourParams, EdgeSpec, EnforcementSpec, EventSpec, Scenario } from './types.js';

interface ExpandedEdge {
  spec: EdgeSpec;
  id: string;
  from: number;
  to: number;
}

function fail(path: string, message: string): never {
  throw new ScenarioError([{ file: '(scenario)', path, message }]);
}

function mergeBehaviour(partial: Partial<BehaviourParams> | undefined): BehaviourParams {
  const b = partial ?? {};
  return {
    ...DEFAULT_BEHAVIOUR,
    ...b,
    speedKmPerDay: { ...DEFAULT_BEHAVIOUR.speedKmPerDay, ...b.speedKmPerDay },
    fareEurPerKm: { ...DEFAULT_BEHAVIOUR.fareEurPerKm, ...b.fareEurPerKm },
  };
}

function expandEdges(scenario: Scenario, nodeIndex: Map<string, number>): ExpandedEdge[] {
  const out: ExpandedEdge[] = [];
  scenario.edges.forEach((spec, i) => {
    const from = nodeIndex.get(spec.from) ?? fail(`/edges/${i}/from`, `unknown node "${spec.from}"`);
    const to = nodeIndex.get(spec.to) ?? fail(`/edges/${i}/to`, `unknown node "${spec.to}"`);
    const id = spec.id ?? `${spec.from}>${spec.to}`;
    out.push({ spec, id, from, to });
    if (spec.bidirectional !== false) out.push({ spec, id: spec.id ? `${spec.id}:reverse` : `${spec.to}>${spec.from}`, from: to, to: from });
  });
  return out;
}

function compileNetwork(scenario: Scenario, behaviour: BehaviourParams): CompiledNetwork {
  const countryIds = Object.keys(scenario.countries);
  const countryIndex = new Map(countryIds.map((c, i) => [c, i]));
  const nodes = scenario.nodes;
  const nodeIndex = new Map(nodes.map((n, i) => [n.id, i]));
  const edges = expandEdges(scenario, nodeIndex);
  const nodeCountry = Int32Array.from(nodes, (n, i) => countryIndex.get(n.country) ?? fail(`/nodes/${i}/country`, `unknown country "${n.country}"`));

  const borderIds: string[] = [];
  const borderIndex = new Map<string, number>();
  const edgeBorder = new Int32Array(edges.length).fill(-1);
  edges.forEach((e, k) => {
    const a = nodeCountry[e.from];
    const b = nodeCountry[e.to];
    if (a === b) return;
    const id = `${countryIds[a]}-${countryIds[b]}`;
    if (!borderIndex.has(id)) {
      borderIndex.set(id, borderIds.length);
      borderIds.push(id);
    }
    edgeBorder[k] = borderIndex.get(id)!;
  });
  const eu = Uint8Array.from(countryIds, (c) => (scenario.countries[c].eu ? 1 : 0));
  // An exit leads from a non-EU country into an EU country where nobody enters the scenario: a
  // border back into Greece or Bulgaria (where people arrive) is not a way out of the region.
  const entryCountries = new Set(scenario.inflow.map((s) => nodes.find((n) => n.id === s.entry)?.country));
  const borderIsExit = Uint8Array.from(borderIds, (id) => {
    const [a, b] = id.split('-');
    return !eu[countryIndex.get(a)!] && eu[countryIndex.get(b)!] && !entryCountries.has(b) ? 1 : 0;
  });

  const edgeFrom = Int32Array.from(edges, (e) => e.from);
  const edgeTo = Int32Array.from(edges, (e) => e.to);
  const edgeMode = Uint8Array.from(edges, (e) => TRAVEL_MODES.indexOf(e.spec.mode));
  const adjacency = buildAdjacency(nodes.length, edgeFrom, edgeTo);
  return {
    nodeIds: nodes.map((n) => n.id),
    nodeNames: nodes.map((n) => n.name),
    nodeCountry,
    nodeKind: Uint8Array.from(nodes, (n) => NODE_KINDS.indexOf(n.kind)),
    nodeLat: Float64Array.from(nodes, (n) => n.lat),
    nodeLon: Float64Array.from(nodes, (n) => n.lon),
    shelterCapacity: Float64Array.from(nodes, (n) => n.shelterCapacity),
    livingCostEurPerDay: Float64Array.from(nodes, (n) => n.livingCostEurPerDay),
    countryIds,
    countryEu: eu,
    reportingRate: Float64Array.from(countryIds, (c) => scenario.countries[c].reportingRate),
    edgeIds: edges.map((e) => e.id),
    edgeFrom,
    edgeTo,
    edgeDistanceKm: Float64Array.from(edges, (e) => e.spec.distanceKm),
    edgeMode,
    edgeTravelDays: Int32Array.from(edges, (e) => Math.max(1, Math.ceil(e.spec.distanceKm / behaviour.speedKmPerDay[e.spec.mode]))),
    edgeFareEur: Float64Array.from(edges, (e) => e.spec.fareEur ?? e.spec.distanceKm * behaviour.fareEurPerKm[e.spec.mode]),
    edgeHazard: Float64Array.from(edges, (e) => e.spec.hazard),
    edgeBorder,
    ...adjacency,
    borderIds,
    borderIsExit,
  };
}

function numeric(value: number | boolean): number {
  return typeof value === 'boolean' ? (value ? 1 : 0) : value;
}

function compileEnforcement(scenario: Scenario, network: CompiledNetwork): EnforcementColumns {
  const edges = network.edgeIds.length;
  const columns = Object.fromEntries(ENFORCEMENT_FIELDS.map((f) => [f, new Float64Array(edges)])) as unknown as EnforcementColumns;
  const base: EnforcementSpec = { ...DEFAULT_ENFORCEMENT, ...scenario.enforcementDefaults };
  for (let e = 0; e < edges; e++) {
    const b = network.edgeBorder[e];
    if (b < 0) continue;
    const spec = { ...base, ...scenario.borders?.[network.borderIds[b]] };
    for (const f of ENFORCEMENT_FIELDS) columns[f][e] = numeric(spec[f]);
  }
  return columns;
}

/** The network alone, as the kernel gets it (validation's warnings read which edges events act on). */
export function compileScenarioNetwork(scenario: Scenario): CompiledNetwork {
  return compileNetwork(scenario, mergeBehaviour(scenario.behaviour));
}

/** The directed edges enforcement event `i` acts on: an `edge` event the edge as written (not its
 * reverse, `<id>:reverse`), a `border` event every edge crossing the border(s) in their direction. */
export function eventEdges(ev: EventSpec, i: number, network: CompiledNetwork): number[] {
  if (ev.edge !== undefined) {
    const edges = network.edgeIds.flatMap((id, e) => (id === ev.edge ? [e] : []));
    return edges.length > 0 ? edges : fail(`/events/${i}/edge`, `unknown edge id "${ev.edge}"`);
  }
  const borders = ev.border === undefined ? [] : Array.isArray(ev.border) ? ev.border : [ev.border];
  const wanted = new Set(borders.map((id) => network.borderIds.indexOf(id)));
  return [...network.edgeBorder.keys()].filter((e) => wanted.has(network.edgeBorder[e]) && network.edgeBorder[e] >= 0);
}

function compileEvents(scenario: Scenario, network: CompiledNetwork): CompiledEvent[] {
  const out: CompiledEvent[] = [];
  (scenario.events ?? []).forEach((ev, i) => {
    if (ev.place !== undefined || ev.dismantle !== undefined || ev.set === undefined) return;
    const set = ev.set;
    const edges = eventEdges(ev, i, network);
    const day = dayIndex(scenario.period.start, ev.date);
    for (const field of ENFORCEMENT_FIELDS) {
      const value = set[field];
      if (value === undefined) continue;
      out.push({ day, rampDays: Math.round(ev.rampDays ?? 0), label: ev.label, edges: Int32Array.from(edges), field, value: numeric(value) });
    }
  });
  return out.sort((a, b) => a.day - b.day);
}

function compileSmugglers(scenario: Scenario, nodeIds: string[]): CompiledSmugglers | null {
  const spec = scenario.smugglers;
  if (spec === undefined) return null;
  const node = (id: string, path: string) => {
    const n = nodeIds.indexOf(id);
    return n >= 0 ? n : fail(path, `unknown node "${id}"`);
  };
  const market = { ...DEFAULT_SMUGGLER_MARKET, ...spec.market };
  const ids = spec.networks.map((n) => n.id);
  const events = scenario.events ?? [];
  const day = (date: string) => dayIndex(scenario.period.start, date);
  return {
    ids,
    names: spec.networks.map((n) => n.name),
    base: Int32Array.from(spec.networks, (n, i) => node(n.base, `/smugglers/networks/${i}/base`)),
    capacityPerDay: Float64Array.from(spec.networks, (n) => n.capacityPerDay),
    skill: Float64Array.from(spec.networks, (n) => n.skill),
    violence: Float64Array.from(spec.networks, (n) => n.violence),
    market,
    bases: Int32Array.from(market.bases, (id, i) => node(id, `/smugglers/market/bases/${i}`)),
    placeEvents: events
      .flatMap((ev, i) =>
        ev.place === undefined
          ? []
          : [{ day: day(ev.date), node: node(ev.place, `/events/${i}/place`), arrestPressure: ev.set?.arrestPressure ?? 0, label: ev.label }],
      )
      .sort((a, b) => a.day - b.day),
    dismantleEvents: events
      .flatMap((ev, i) => {
        if (ev.dismantle === undefined) return [];
        const network = ids.indexOf(ev.dismantle);
        if (network < 0) fail(`/events/${i}/dismantle`, `unknown smuggling network "${ev.dismantle}"`);
        return [{ day: day(ev.date), network, label: ev.label }];
      })
      .sort((a, b) => a.day - b.day),
  };
}

function compileCohorts(scenario: Scenario, nodeIds: string[], destinations: number[]): CompiledCohorts {
  const cohorts = scenario.cohorts;
  return {
    ids: cohorts.map((c) => c.id),
    budgetMeanEur: Float64Array.from(cohorts, (c) => c.budgetEur.mean),
    budgetSdEur: Float64Array.from(cohorts, (c) => c.budgetEur.sd),
    riskAversion: Float64Array.from(cohorts, (c) => c.riskAversion),
    destNodes: cohorts.map((c) => Int32Array.from(Object.keys(c.destinations), (id) => destinations.indexOf(nodeIds.indexOf(id)))),
    destCdf: cohorts.map((c) => {
      const w = Object.values(c.destinations);
      const total = w.reduce((s, x) => s + x, 0);
      let acc = 0;
      return Float64Array.from(w, (x) => (acc += x / total));
    }),
  };
}

function compileInflow(scenario: Scenario, nodeIds: string[], days: number, peoplePerAgent: number): CompiledInflow {
  const cohortIds = scenario.cohorts.map((c) => c.id);
  // The calendar months of the period, each with its days [first, end), once for all streams; a
  // stream's rate is then looked up once per month, not once per day (for western-balkans' 4,383
  // days that took ~20 ms of a ~27 ms compile, which calibrate and sensitivity pay per point).
  const months: { month: string; lengthDays: number; first: number; end: number }[] = [];
  for (let first = 0; first < days; ) {
    const date = isoDay(scenario.period.start, first);
    const month = date.slice(0, 7);
    const lengthDays = daysInMonth(month);
    const end = Math.min(days, first + lengthDays - Number(date.slice(8, 10)) + 1);
    months.push({ month, lengthDays, first, end });
    first = end;
  }
  const agentsPerDay = scenario.inflow.map((stream) => {
    const perDay = new Float64Array(days);
    for (const m of months) perDay.fill((stream.monthly[m.month] ?? 0) / m.lengthDays / peoplePerAgent, m.first, m.end);
    return perDay;
  });
  return {
    entry: Int32Array.from(scenario.inflow, (s, i) => {
      const n = nodeIds.indexOf(s.entry);
      return n >= 0 ? n : fail(`/inflow/${i}/entry`, `unknown node "${s.entry}"`);
    }),
    cohort: Int32Array.from(scenario.inflow, (s, i) => {
      const c = cohortIds.indexOf(s.cohort);
      return c >= 0 ? c : fail(`/inflow/${i}/cohort`, `unknown cohort "${s.cohort}"`);
    }),
    agentsPerDay,
  };
}

/** The kernel's input under routeshift's own rules. */
function compileRouteshift(scenario: Scenario): CompiledScenario {
  const behaviour = mergeBehaviour(scenario.behaviour);
  const peoplePerAgent = scenario.peoplePerAgent ?? DEFAULT_PEOPLE_PER_AGENT;
  const days = dayIndex(scenario.period.start, scenario.period.end) + 1;
  if (!(days >= 1)) fail('/period', 'the period must end on or after its start');
  const network = compileNetwork(scenario, behaviour);
  const destinationIds = [...new Set(scenario.cohorts.flatMap((c) => Object.keys(c.destinations)))];
  const destinations = destinationIds.map((id, i) => {
    const n = network.nodeIds.indexOf(id);
    return n >= 0 ? n : fail(`/cohorts`, `destination "${id}" (number ${i + 1}) is not a node`);
  });
  if (scenario.cohorts.length > 255) fail('/cohorts', 'at most 255 cohorts');
  checkInformationEvents(scenario);
  return {
    id: scenario.id,
    name: scenario.name,
    startDate: scenario.period.start,
    days,
    peoplePerAgent,
    network,
    enforcement: compileEnforcement(scenario, network),
    events: compileEvents(scenario, network),
    cohorts: compileCohorts(scenario, network.nodeIds, destinations),
    inflow: compileInflow(scenario, network.nodeIds, days, peoplePerAgent),
    destinations: Int32Array.from(destinations),
    behaviour,
    smugglers: compileSmugglers(scenario, network.nodeIds),
    information: compileInformation(scenario, network),
    stranding: compileStranding(scenario),
  };
}

/** Compile a validated scenario for the kernel; a `rules` block (Flee's rules) is compiled onto it. */
export function compileScenario(scenario: Scenario): CompiledScenario {
  const compiled = compileRouteshift(scenario);
  return scenario.rules === undefined ? compiled : compileFleeRules(scenario, compiled);
}
