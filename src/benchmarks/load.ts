// loadBenchmarks(file, scenario): read a benchmark file and check it completely before anything
// runs — JSON syntax, the JSON Schema benchmarks/schema.json (Ajv 2020, messages as for scenarios),
// then against the scenario it scores (semantic.ts) and every monotone value applied to it
// (arms.ts). All problems are collected into one ScenarioError naming the file and JSON path.
//
// A Flee benchmark file as written by `import-flee` ({ source, scenario, series }: no "items") is
// accepted too, checked by src/flee/benchmark.ts, and becomes one item of kind "flee" scored with
// Flee's averaged relative difference over days and camps.

import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { benchmarkProblems, type Benchmark } from '../flee/benchmark.js';
import { benchmarkScenarioProblems } from '../flee/score.js';
import { packageRoot } from '../scenarios/builtins.js';
import { ScenarioError, type ScenarioProblem } from '../scenarios/errors.js';
import { displayPath } from '../scenarios/load.js';
import { readJson } from '../scenarios/readJson.js';
import type { Scenario } from '../scenarios/types.js';
import { schemaProblems } from '../scenarios/validator.js';
import { armProblems, buildArms } from './arms.js';
import { semanticProblems } from './semantic.js';
import type { BenchmarkItem, Benchmarks, FleeItem } from './types.js';

/** The published JSON Schema of benchmark files. */
export function benchmarkSchemaPath(): string {
  return join(packageRoot(), 'benchmarks', 'schema.json');
}

let validate: ValidateFunction | undefined;

function schemaValidator(): ValidateFunction {
  validate ??= new Ajv2020({ allErrors: true, verbose: true }).compile(JSON.parse(readFileSync(benchmarkSchemaPath(), 'utf8')) as object);
  return validate;
}

export interface LoadBenchmarkOptions {
  /** Directory `file` is relative to and paths are shown from (default process.cwd()). */
  cwd?: string;
}

/** Read, parse and check a benchmark file against `scenario`; throws ScenarioError listing every problem. */
export async function loadBenchmarks(file: string, scenario: Scenario, options: LoadBenchmarkOptions = {}): Promise<Benchmarks> {
  const cwd = options.cwd ?? process.cwd();
  const abs = resolve(cwd, file);
  const shown = displayPath(abs, cwd);
  const data = await readJson(abs, shown);
  return parseBenchmarks(data, scenario, shown);
}

/** The same checks on already parsed JSON (`shown` names it in problems). */
export function parseBenchmarks(data: unknown, scenario: Scenario, shown: string): Benchmarks {
  const isFlee = data !== null && typeof data === 'object' && !Array.isArray(data) && 'series' in data && !('items' in data);
  return isFlee ? parseFlee(data, scenario, shown) : parseRouteshift(data, scenario, shown);
}

function eventDates(s: Scenario): Record<string, string> {
  return Object.fromEntries((s.events ?? []).filter((e) => e.id !== undefined).map((e) => [e.id as string, e.date]));
}

function fail(problems: ScenarioProblem[]): never {
  throw new ScenarioError(problems);
}

function parseRouteshift(data: unknown, scenario: Scenario, shown: string): Benchmarks {
  // An item's kind selects its schema with if/then; Ajv adds "must match "then" schema" on the item
  // to the errors inside it, which say everything.
  const schema = schemaProblems(schemaValidator(), data)
    .filter((p) => !p.message.startsWith('must match "then" schema'))
    .map((p) => ({ file: shown, ...p }));
  if (schema.length > 0) fail(schema);
  const file = data as { id: string; description: string; scenario?: string; items: BenchmarkItem[] };
  const problems = semanticProblems(file.items, scenario, shown);
  if (problems.length > 0) fail(problems);
  const armed = armProblems(file.items, scenario, shown);
  if (armed.length > 0) fail(armed);
  const written = file.scenario === undefined ? {} : { scenario: file.scenario };
  return { file: shown, format: 'routeshift', id: file.id, description: file.description, ...written, period: scenario.period, events: eventDates(scenario), items: file.items, ...buildArms(file.items) };
}

function parseFlee(data: unknown, scenario: Scenario, shown: string): Benchmarks {
  const problems = benchmarkProblems(data, shown);
  if (problems.length > 0) fail(problems);
  const benchmark = data as Benchmark;
  if (scenario.rules?.mode !== 'flee') {
    fail([{ file: shown, path: '', message: `is a Flee benchmark (camp "present" series); scenario "${scenario.id}" does not run under Flee's rules` }]);
  }
  const scenarioProblems = benchmarkScenarioProblems(benchmark, scenario.nodes.map((n) => n.id), shown);
  if (scenarioProblems.length > 0) fail(scenarioProblems);
  const item: FleeItem = {
    kind: 'flee',
    id: 'flee-ard',
    weight: 1,
    source: { document: benchmark.source, where: 'observed "present" series per camp' },
    description: "Camp populations against the observed series, with Flee's averaged relative difference over days and camps",
    camps: benchmark.series.filter((s) => s.metric === 'present').map((s) => ({ node: s.entity, points: s.points })),
  };
  const id = (benchmark.scenario ?? scenario.id).toLowerCase().replace(/[^a-z0-9-]+/g, '-');
  const written = benchmark.scenario === undefined ? {} : { scenario: benchmark.scenario };
  return { file: shown, format: 'flee', id, description: benchmark.source, ...written, period: scenario.period, events: eventDates(scenario), items: [item], arms: [[]], itemArms: [[0]] };
}
