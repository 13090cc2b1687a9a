// manifest.json: how a run's results were made, kept apart from summary.json because it holds what
// depends on the host and the moment (timings, speed, Node version, date) while summary.json must
// be byte-identical for the same scenario, seed and runs.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../scenarios/builtins.js';

/** The scenario of a manifest: its id, content hash, the files of its extends chain as shown, and
 * the warnings validation printed for them (src/scenarios/warnings.ts), when there were any. */
export interface ManifestScenario {
  id: string;
  hash: string;
  files: string[];
  warnings?: string[];
}

export interface RunManifest {
  routeshift: string;
  scenario: ManifestScenario;
  seed: number;
  runs: number;
  /** The command line as typed after `node`, with the executable shown as `routeshift`. */
  command: string[];
  timingsMs: { load: number; compile: number; run: number; write: number };
  agentSteps: number;
  agentStepsPerSecond: number;
  /** Command-specific facts: threads, stopping rule, overrides, how series quantiles were computed. */
  details?: Record<string, unknown>;
  node: string;
  platform: string;
  createdAt: string;
}

export interface ManifestInput {
  scenario: ManifestScenario;
  seed: number;
  runs: number;
  argv: readonly string[];
  timingsMs: RunManifest['timingsMs'];
  agentSteps: number;
  details?: Record<string, unknown>;
}

let cachedVersion: string | undefined;

/** The installed routeshift version, from its package.json. */
export function routeshiftVersion(): string {
  cachedVersion ??= (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
  return cachedVersion;
}

export function buildManifest(input: ManifestInput): RunManifest {
  const runSeconds = input.timingsMs.run / 1000;
  return {
    routeshift: routeshiftVersion(),
    scenario: input.scenario,
    seed: input.seed,
    runs: input.runs,
    command: ['routeshift', ...input.argv],
    timingsMs: roundValues(input.timingsMs),
    agentSteps: input.agentSteps,
    agentStepsPerSecond: runSeconds > 0 ? Math.round(input.agentSteps / runSeconds) : 0,
    ...(input.details === undefined ? {} : { details: input.details }),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    createdAt: new Date().toISOString(),
  };
}

function roundValues<T extends Record<string, number>>(timings: T): T {
  const out = { ...timings };
  for (const key of Object.keys(out) as (keyof T)[]) out[key] = (Math.round(out[key] * 10) / 10) as T[keyof T];
  return out;
}
