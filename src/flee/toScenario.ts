// Turns a Flee scenario (readFlee.ts) into a routeshift scenario that runs under Flee's rules, and
// the observed camp series into a benchmark file. Flee locations become nodes (ids are slugs of
// their names, names are kept), routes become two-way edges, countries get ISO codes; everything
// routeshift's format has no field for goes into `rules` (spec.ts). The scenario also gets an
// inflow that spreads the same daily spawns over the conflict zones by population, so that
// removing `rules` runs routeshift's own model on the same input (docs/flee.md).

import { basename } from 'node:path';
import { dailySpawns, toDayPoints } from '../model/flee/series.js';
import type { DatedCounts, FleeClosureSpec, FleeLinkSpec, FleeLocationSpec, FleeRulesSpec } from '../model/flee/spec.js';
import { isoDay } from '../scenarios/dates.js';
import type { EdgeSpec, InflowSpec, NodeKind, NodeSpec, Scenario } from '../scenarios/types.js';
import type { Benchmark, BenchmarkSeries } from './benchmark.js';
import { codeCountries } from './countries.js';
import type { FleeInput, FleeLocation } from './readFlee.js';

export interface ConvertOptions {
  /** Scenario id; default: a slug of the folder name. */
  id?: string;
  /** Folder the scenario came from (for the id, name and sources). */
  dir: string;
  peoplePerAgent?: number;
  /** Flee country name → ISO code, where the automatic match is wrong or missing. */
  countryCodes?: Record<string, string>;
}

export interface Converted {
  scenario: Scenario;
  benchmark: Benchmark;
  /** What was approximated or left out, for the user. */
  notes: string[];
}

/** A lower-case id of letters, digits and hyphens (the scenario id pattern). */
export function slug(name: string): string {
  const s = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s === '' ? 'x' : s;
}

function uniqueIds(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((name) => {
    const base = slug(name);
    let id = base;
    for (let k = 2; used.has(id); k++) id = `${base}-${k}`;
    used.add(id);
    return id;
  });
}

const KIND: Record<FleeLocation['type'], NodeKind> = {
  conflict_zone: 'entry',
  town: 'hub',
  camp: 'camp',
  idpcamp: 'camp',
  marker: 'hub',
  forwarding_hub: 'hub',
};

function dated(points: { date: string; value: number }[]): DatedCounts {
  return Object.fromEntries(points.map((p) => [p.date, p.value]));
}

export function fleeToScenario(input: FleeInput, options: ConvertOptions): Converted {
  const notes = [...input.notes];
  const start = input.startDate;
  const days = input.lengthDays;
  const day = (d: number) => isoDay(start, d);
  const id = options.id ?? slug(basename(options.dir));
  const ids = uniqueIds(input.locations.map((l) => l.name));
  const idOf = new Map(input.locations.map((l, i) => [l.name, ids[i]]));

  const coding = codeCountries(
    input.locations.map((l) => l.country),
    options.countryCodes,
  );
  for (const name of coding.unmatched) notes.push(`country "${name}" has no known ISO code: it is ${coding.codes.get(name)} (set one with --country "${name}=XY")`);
  const countries: Scenario['countries'] = {};
  for (const l of input.locations) {
    const code = coding.codes.get(l.country)!;
    countries[code] ??= { name: coding.names.get(code)!, eu: false, reportingRate: 1 };
  }

  // ---- locations, conflicts ---------------------------------------------------------------------
  const inFile = new Set(input.conflicts?.names ?? []);
  const locations: Record<string, FleeLocationSpec> = {};
  const conflicts: Record<string, DatedCounts> = {};
  const nodes: NodeSpec[] = input.locations.map((l, i) => {
    let type = l.type;
    if (type === 'conflict_zone' && !inFile.has(l.name)) {
      const intensity = l.conflictIntensity ?? 1;
      if (input.conflicts !== undefined && l.conflictDate > 0) {
        // With conflicts.csv, Flee makes a conflict zone with a later conflict_date a town and
        // takes conflicts from the file only (InputGeography.StoreInputGeographyInEcosystem).
        type = 'town';
        notes.push(`${l.name}: conflict_date ${l.conflictDate} with conflicts.csv, which does not list it: a town, as in Flee`);
      } else {
        conflicts[ids[i]] = { [day(Math.max(0, l.conflictDate))]: intensity };
      }
    }
    const camp = type === 'camp' || type === 'idpcamp';
    locations[ids[i]] = camp || l.population === 0 ? { type } : { type, population: l.population };
    return {
      id: ids[i],
      name: l.name,
      country: coding.codes.get(l.country)!,
      lat: l.lat,
      lon: l.lon,
      kind: KIND[type],
      shelterCapacity: camp ? l.population : 0,
      livingCostEurPerDay: 0,
    };
  });
  if (input.conflicts) {
    const { names, rows } = input.conflicts;
    if (rows.length < days) notes.push(`conflicts.csv has ${rows.length} days, the period ${days}: the last day's intensities hold after it`);
    names.forEach((name, k) => {
      const schedule: DatedCounts = {};
      let previous = Number.NaN;
      rows.forEach((row, d) => {
        if (d >= days || row[k] === previous) return;
        schedule[day(d)] = row[k];
        previous = row[k];
      });
      conflicts[idOf.get(name)!] = schedule;
    });
  }

  // ---- routes ------------------------------------------------------------------------------------
  const links: Record<string, FleeLinkSpec> = {};
  const edgeIds = new Set<string>();
  const edges: EdgeSpec[] = input.routes.map((r) => {
    const from = idOf.get(r.name1)!;
    const to = idOf.get(r.name2)!;
    const edge: EdgeSpec = {
      from,
      to,
      distanceKm: r.distanceKm,
      mode: r.linkType === 'walk' ? 'foot' : r.linkType === 'crossing' ? 'boat' : 'vehicle',
      hazard: 0,
      fareEur: 0,
    };
    const link: FleeLinkSpec = {};
    if (r.maxMoveSpeed !== undefined) link.max_move_speed = r.maxMoveSpeed;
    if (r.walkProbability !== undefined) link.walk_probability = r.walkProbability;
    if (r.forcedRedirection !== 0) link.forced_redirection = r.forcedRedirection;
    if (Object.keys(link).length > 0) {
      let edgeId = `${from}--${to}`;
      for (let k = 2; edgeIds.has(edgeId); k++) edgeId = `${from}--${to}-${k}`;
      edgeIds.add(edgeId);
      links[edgeId] = link;
      return { id: edgeId, ...edge };
    }
    return edge;
  });

  // ---- closures ----------------------------------------------------------------------------------
  const closures: FleeClosureSpec[] = [];
  for (const c of input.closures) {
    const what = `closure ${c.type} ${c.name1}${c.name2 ? ` ${c.name2}` : ''}`;
    if (c.start >= days) {
      notes.push(`${what}: starts on day ${c.start}, after the period: left out`);
      continue;
    }
    if (c.end === c.start) {
      notes.push(`${what}: lifted the day it starts, so it has no effect (as in Flee): left out`);
      continue;
    }
    const name = (n: string) => (c.type === 'country' ? coding.codes.get(n)! : idOf.get(n)!);
    const pair = c.type === 'country' || c.type === 'link' || c.type === 'remove_forced_redirection';
    const spec: FleeClosureSpec = { type: c.type, from: name(c.name1), ...(pair ? { to: name(c.name2) } : {}), start: day(c.start) };
    if (c.end >= 0 && c.end < c.start) notes.push(`${what}: closure_end ${c.end} is before closure_start ${c.start}: never lifted, as in Flee`);
    else if (c.end >= 0) spec.end = day(c.end);
    closures.push(spec);
  }

  // ---- observed series ---------------------------------------------------------------------------
  const camps: Record<string, DatedCounts> = {};
  for (const s of input.camps) camps[idOf.get(s.name)!] = dated(s.points);
  const refugees: FleeRulesSpec['refugees'] = {};
  if (input.total) refugees.total = dated(input.total.points);
  if (input.camps.length > 0) refugees.camps = camps;
  if (input.camps.length === 0 && input.total === undefined) notes.push('data_layout.csv lists no series: nobody is spawned');

  // Settings from simsetting.yml first, under Flee's own names; absent ones take Flee's defaults.
  const rules: FleeRulesSpec = { mode: 'flee', homeCountry: coding.codes.get(input.locations[0].country)!, ...input.simsetting?.settings, refugees };
  if (input.simsetting) notes.push(...input.simsetting.notes);
  if (input.camps.length === 0 && input.total !== undefined && rules.sum_from_camps !== false) {
    // Flee's default sum_from_camps needs camp series; with only a total, spawn from the total.
    rules.sum_from_camps = false;
    notes.push('only a total series: sum_from_camps is set to false, so spawning follows the total');
  }
  Object.assign(rules, { locations }, Object.keys(links).length > 0 ? { links } : {}, closures.length > 0 ? { closures } : {});
  Object.assign(rules, Object.keys(conflicts).length > 0 ? { conflicts } : {});
  // Key order of the written file: settings, locations, links, closures, conflicts, then the series.
  delete (rules as Partial<FleeRulesSpec>).refugees;
  rules.refugees = refugees;

  const campIds = nodes.filter((n) => n.kind === 'camp').map((n) => n.id);
  if (campIds.length === 0) notes.push('no camps: the cohort destination of routeshift\'s own rules is the first location');
  const scenario: Scenario = {
    id,
    name: `${basename(options.dir)} (imported from Flee)`,
    description: `Imported from the Flee scenario in ${input.inputDir} with validation data from ${input.validationDir}: ${nodes.length} locations, ${edges.length} routes, ${closures.length} closures. Runs under Flee's movement rules (rules.mode "flee").`,
    period: { start, end: day(days - 1) },
    ...(options.peoplePerAgent !== undefined && options.peoplePerAgent !== 1 ? { peoplePerAgent: options.peoplePerAgent } : {}),
    countries,
    nodes,
    edges,
    cohorts: [
      {
        id: 'displaced',
        name: 'Displaced people (Flee agents)',
        budgetEur: { mean: 1000, sd: 0 },
        riskAversion: 1,
        destinations: Object.fromEntries((campIds.length > 0 ? campIds : [nodes[0].id]).map((c) => [c, 1])),
        source: 'assumption: Flee agents have no budget or destination; used only without rules',
      },
    ],
    inflow: routeshiftInflow(input, rules, nodes, conflicts, days),
    rules,
    sources: { flee: { title: `Flee scenario ${basename(options.dir)}`, ref: input.inputDir } },
  };

  const series: BenchmarkSeries[] = input.camps
    .filter((s) => {
      const t = input.locations.find((l) => l.name === s.name)?.type;
      return t === 'camp' || t === 'idpcamp';
    })
    .map((s) => ({ entity: idOf.get(s.name)!, name: s.name, metric: 'present' as const, points: s.points }));
  if (input.total) series.push({ entity: 'total', name: 'total', metric: 'displacedTotal', points: input.total.points });
  const benchmark: Benchmark = { source: `Flee validation data: ${input.validationDir}/data_layout.csv`, scenario: id, series };
  return { scenario, benchmark, notes };
}

/** Monthly inflow per conflict zone: Flee's daily spawns shared by population × intensity. */
function routeshiftInflow(
  input: FleeInput,
  rules: FleeRulesSpec,
  nodes: NodeSpec[],
  conflicts: Record<string, DatedCounts>,
  days: number,
): InflowSpec[] {
  const start = input.startDate;
  const sumFromCamps = rules.sum_from_camps ?? true;
  const driving = sumFromCamps
    ? Object.values(rules.refugees.camps ?? {}).map((c) => toDayPoints(c, start))
    : rules.refugees.total
      ? [toDayPoints(rules.refugees.total, start)]
      : [];
  const spawns = dailySpawns(driving, days, true);
  const schedules = nodes.map((n) => toDayPoints(conflicts[n.id] ?? {}, start));
  const population = nodes.map((n) => rules.locations?.[n.id]?.population ?? 0);
  const monthly = nodes.map(() => new Map<string, number>());
  const pointer = schedules.map(() => 0);
  const intensity = nodes.map(() => 0);
  for (let t = 0; t < days; t++) {
    let total = 0;
    let active = 0;
    schedules.forEach((s, n) => {
      while (pointer[n] < s.days.length && s.days[pointer[n]] <= t) intensity[n] = s.values[pointer[n]++];
      if (intensity[n] > 0) {
        active++;
        total += population[n] * intensity[n];
      }
    });
    if (spawns[t] === 0 || active === 0) continue;
    const month = isoDay(start, t).slice(0, 7);
    nodes.forEach((_, n) => {
      if (intensity[n] <= 0) return;
      const share = total > 0 ? (population[n] * intensity[n]) / total : 1 / active;
      monthly[n].set(month, (monthly[n].get(month) ?? 0) + spawns[t] * share);
    });
  }
  return nodes.flatMap((n, k) => {
    const months = [...monthly[k]].filter(([, v]) => v > 0);
    if (months.length === 0) return [];
    return [{ entry: n.id, cohort: 'displaced', monthly: Object.fromEntries(months.map(([m, v]) => [m, Math.round(v * 10) / 10])) }];
  });
}
