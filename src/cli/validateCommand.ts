// `routeshift validate <file|name>...`: load, validate and compile each scenario exactly as `run`
// would, without running it. Prints `ok <file>` per valid scenario, with what it holds once merged
// (places, edges, borders, cohorts, period, events: a quick check that an `extends` chain or a new
// network came out as meant), and every problem of the others; exit code 1 when any is invalid, so
// it can gate CI or an editor's save hook. Warnings (src/scenarios/warnings.ts: a set value a ramp
// overwrites, a place on no edge, …) go to stderr as `warning: file: /path: message`; they do not
// fail validation unless `--strict`, when a scenario with warnings is reported as not ok. `--json`
// prints the same verdicts as one JSON array on stdout instead, for editors and CI tools.

import { ScenarioError, formatProblem, formatProblems, type ScenarioProblem } from '../scenarios/errors.js';
import { displayPath, loadScenario } from '../scenarios/load.js';
import type { CompiledScenario } from '../model/compiled.js';
import type { Scenario } from '../scenarios/types.js';
import { compileForCli } from './compile.js';
import type { CliIo } from './io.js';

export interface ValidateOptions {
  /** Report a scenario with warnings as not ok (exit code 1). */
  strict?: boolean;
  /** Print the verdicts as a JSON array on stdout. */
  json?: boolean;
}

/** What `validate --json` prints per scenario (docs/scenarios.md, Validation and errors). */
export interface ValidateVerdict {
  /** The scenario as given on the command line. */
  scenario: string;
  ok: boolean;
  /** The file it was read from and the files it extends, as shown (absent when it could not be read). */
  file?: string;
  extends?: string[];
  /** What the merged scenario holds (absent when it is invalid). */
  contents?: ScenarioContents;
  problems: ScenarioProblem[];
  warnings: ScenarioProblem[];
}

export interface ScenarioContents {
  places: number;
  edges: number;
  /** Each direction an edge crosses (RS-HU, HU-RS). */
  borders: number;
  cohorts: number;
  start: string;
  end: string;
  days: number;
  events: number;
}

export async function validateCommand(refs: readonly string[], io: CliIo, options: ValidateOptions = {}): Promise<number> {
  const verdicts: ValidateVerdict[] = [];
  for (const ref of refs) {
    const verdict = await check(ref, io.cwd, options.strict === true);
    verdicts.push(verdict);
    if (!options.json) print(verdict, io);
  }
  if (options.json) io.stdout(JSON.stringify(verdicts, null, 2) + '\n');
  return verdicts.every((v) => v.ok) ? 0 : 1;
}

async function check(ref: string, cwd: string, strict: boolean): Promise<ValidateVerdict> {
  try {
    const { scenario, files, warnings } = await loadScenario(ref, { cwd });
    const file = displayPath(files[0], cwd);
    const compiled = compileForCli(scenario, file);
    return {
      scenario: ref,
      ok: !(strict && warnings.length > 0),
      file,
      extends: files.slice(1).map((f) => displayPath(f, cwd)),
      contents: contentsOf(scenario, compiled),
      problems: [],
      warnings,
    };
  } catch (error) {
    if (!(error instanceof ScenarioError)) throw error;
    return { scenario: ref, ok: false, problems: error.problems, warnings: [] };
  }
}

/** The text form: warnings and problems on stderr, `ok <file> …: <contents>` on stdout. */
function print(v: ValidateVerdict, io: CliIo): void {
  for (const w of v.warnings) io.stderr(`warning: ${formatProblem(w)}\n`);
  if (v.problems.length > 0) {
    io.stderr(formatProblems(v.problems) + '\n');
    return;
  }
  const warnings = `${v.warnings.length} warning${v.warnings.length === 1 ? '' : 's'}`;
  if (!v.ok) {
    io.stderr(`not ok ${v.file}: ${warnings} under --strict\n`);
    return;
  }
  const chain = v.extends!.length > 0 ? ` (extends ${v.extends!.join(' → ')})` : '';
  io.stdout(`ok ${v.file}${chain}: ${describeContents(v.contents!)}${v.warnings.length > 0 ? `; ${warnings}` : ''}\n`);
}

function contentsOf(scenario: Scenario, compiled: CompiledScenario): ScenarioContents {
  return {
    places: scenario.nodes.length,
    edges: scenario.edges.length,
    borders: compiled.network.borderIds.length,
    cohorts: scenario.cohorts.length,
    start: scenario.period.start,
    end: scenario.period.end,
    days: compiled.days,
    events: scenario.events?.length ?? 0,
  };
}

/** E.g. "72 places, 102 edges, 40 borders, 12 cohorts, 2015-01-01 to 2026-12-31 (4383 days), 66
 * events". */
function describeContents(c: ScenarioContents): string {
  const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
  return [
    count(c.places, 'place'),
    count(c.edges, 'edge'),
    count(c.borders, 'border'),
    count(c.cohorts, 'cohort'),
    `${c.start} to ${c.end} (${count(c.days, 'day')})`,
    count(c.events, 'event'),
  ].join(', ');
}
