// Shared by the Flee tests: importing a fixture folder, building tiny Flee-mode scenarios by hand,
// and reading a replicate's per-place daily counts.

import { resolve } from 'node:path';
import { readFleeScenario } from '../../src/flee/readFlee.js';
import { fleeToScenario, type Converted } from '../../src/flee/toScenario.js';
import type { FleeCompiledScenario } from '../../src/model/flee/compileRules.js';
import { runFleeReplicateWithLocations } from '../../src/model/flee/runFleeReplicate.js';
import type { FleeRulesSpec } from '../../src/model/flee/spec.js';
import { compileScenario } from '../../src/scenarios/compile.js';
import type { NodeKind, Scenario } from '../../src/scenarios/types.js';

export const FIXTURES = resolve('test/fixtures/flee');

/** Paths shown relative to the repository, as the CLI shows them relative to its working directory. */
export const show = (abs: string) => abs.replace(resolve('.') + '/', '');

export async function importFixture(name: string): Promise<Converted> {
  const dir = resolve(FIXTURES, name);
  return fleeToScenario(await readFleeScenario(dir, { show }), { dir });
}

/** The closure fixture with settings that make its outcome exact: leave conflict zones at once, never leave camps. */
export async function exactClosureScenario(): Promise<Scenario> {
  const { scenario } = await importFixture('closure');
  Object.assign(scenario.rules!, { camp_movechance: 0, max_move_speed: 200, insert_day0: false, sum_from_camps: false });
  return scenario;
}

export interface TinyNode {
  id: string;
  kind?: NodeKind;
  country?: string;
  capacity?: number;
}

/** A Flee-mode scenario over `days` days from 2020-01-01 on the given places and two-way links. */
export function tinyFleeScenario(
  nodes: TinyNode[],
  links: [string, string, number, ('foot' | 'vehicle' | 'boat')?][],
  rules: Partial<FleeRulesSpec> & Pick<FleeRulesSpec, 'refugees'>,
  days = 10,
): Scenario {
  const countries = [...new Set(nodes.map((n) => n.country ?? 'QM'))];
  return {
    id: 'tiny-flee',
    name: 'Tiny Flee network',
    description: 'A hand-built network for exact tests.',
    period: { start: '2020-01-01', end: `2020-01-${String(days).padStart(2, '0')}` },
    countries: Object.fromEntries(countries.map((c) => [c, { name: c, eu: false, reportingRate: 0.5 }])),
    nodes: nodes.map((n) => ({
      id: n.id,
      name: n.id.toUpperCase(),
      country: n.country ?? 'QM',
      lat: 0,
      lon: 0,
      kind: n.kind ?? 'hub',
      shelterCapacity: n.capacity ?? 0,
      livingCostEurPerDay: 0,
    })),
    edges: links.map(([from, to, distanceKm, mode]) => ({ from, to, distanceKm, mode: mode ?? 'vehicle', hazard: 0 })),
    cohorts: [{ id: 'c', name: 'c', budgetEur: { mean: 1, sd: 0 }, riskAversion: 1, destinations: { [nodes[nodes.length - 1].id]: 1 } }],
    inflow: [],
    rules: { mode: 'flee', ...rules },
  };
}

export function compileFlee(scenario: Scenario): FleeCompiledScenario {
  return compileScenario(scenario) as FleeCompiledScenario;
}

/** People at each node at the end of each day, by node id. */
export function placeCounts(scenario: Scenario, seed = 1, replicate = 0): Record<string, number[]> {
  const compiled = compileFlee(scenario);
  const { locationDaily } = runFleeReplicateWithLocations(compiled, seed, replicate);
  const days = compiled.days;
  return Object.fromEntries(compiled.network.nodeIds.map((id, n) => [id, Array.from(locationDaily.subarray(n * days, (n + 1) * days))]));
}
