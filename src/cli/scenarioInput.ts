// Loading a scenario for a command: by built-in name or file through its extends chain, with its
// warnings (src/scenarios/warnings.ts) on stderr before anything runs, then any `--set path=value`
// overrides applied to the merged scenario, which is validated again (problems, and warnings the
// overrides add, name the file and the overrides, and the JSON path), then compiled.

import type { CompiledScenario } from '../model/compiled.js';
import { applyOverrides, type Override } from '../run/overrides.js';
import { ScenarioError, formatProblem, type ScenarioProblem } from '../scenarios/errors.js';
import { displayPath, loadScenario } from '../scenarios/load.js';
import type { Scenario } from '../scenarios/types.js';
import { validateScenario } from '../scenarios/validate.js';
import { scenarioWarnings } from '../scenarios/warnings.js';
import { compileForCli } from './compile.js';
import { CliError, type CliIo } from './io.js';

export interface ScenarioInput {
  /** As typed on the command line (for reproduce commands). */
  ref: string;
  scenario: Scenario;
  /** Absolute paths of the extends chain. */
  files: string[];
  /** The same, as shown to the user. */
  shownFiles: string[];
  /** Warnings of the loaded file (before any overrides), already printed. */
  warnings: ScenarioProblem[];
}

/** Load a scenario for a command and print its warnings, one `routeshift: warning: …` line each. */
export async function loadInput(ref: string, io: Pick<CliIo, 'cwd' | 'stderr'>): Promise<ScenarioInput> {
  const { scenario, files, warnings } = await loadScenario(ref, { cwd: io.cwd });
  for (const w of warnings) io.stderr(`routeshift: warning: ${formatProblem(w)}\n`);
  return { ref, scenario, files, shownFiles: files.map((f) => displayPath(f, io.cwd)), warnings };
}

/** The scenario's files as shown, and its warnings (if any) as printed, the file's and those its
 * `--set` overrides add: what manifest.json records about where a scenario came from. */
export function describeInput(input: ScenarioInput, added: readonly ScenarioProblem[] = []): { files: string[]; warnings?: string[] } {
  const warnings = [...input.warnings, ...added].map(formatProblem);
  return { files: input.shownFiles, ...(warnings.length > 0 ? { warnings } : {}) };
}

export interface Overridden {
  scenario: Scenario;
  /** Warnings the overrides add (not the file's own), as printed. */
  warnings: ScenarioProblem[];
}

/** The scenario with overrides applied and validated again; the input itself when there are none.
 * Warnings the overrides add (a `--set` rampDays that now runs past the period, …) are printed
 * like the file's, against the file "with --set …". */
export function withOverrides(input: ScenarioInput, overrides: readonly Override[], io: Pick<CliIo, 'stderr'>): Overridden {
  if (overrides.length === 0) return { scenario: input.scenario, warnings: [] };
  let changed: Scenario;
  try {
    changed = applyOverrides(input.scenario, overrides);
  } catch (error) {
    throw new CliError((error as Error).message);
  }
  const label = `${input.shownFiles[0]} with ${overrides.map((o) => `--set ${o.text}`).join(' ')}`;
  const problems = validateScenario(changed, [{ file: label, data: changed }]);
  if (problems.length > 0) throw new ScenarioError(problems);
  const before = new Set(scenarioWarnings(input.scenario).map((w) => `${w.path}\0${w.message}`));
  const added = scenarioWarnings(changed)
    .filter((w) => !before.has(`${w.path}\0${w.message}`))
    .map((w) => ({ file: label, ...w }));
  for (const w of added) io.stderr(`routeshift: warning: ${formatProblem(w)}\n`);
  return { scenario: changed, warnings: added };
}

export function compileInput(input: ScenarioInput, scenario: Scenario = input.scenario): CompiledScenario {
  return compileForCli(scenario, input.shownFiles[0]);
}

/** `routeshift run <ref> [--set …] --seed S --replicate i`, quoted for a POSIX shell. */
export function reproduceCommand(ref: string, seed: number, replicate: number, overrides: readonly Override[] = []): string {
  const args = ['routeshift', 'run', ref, ...overrides.flatMap((o) => ['--set', o.text]), '--seed', String(seed), '--replicate', String(replicate)];
  return args.map(shellQuote).join(' ');
}

function shellQuote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", `'\\''`)}'`;
}
