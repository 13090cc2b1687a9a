// `routeshift validate <file|name>...`: load, validate and compile each scenario exactly as `run`
// would, without running it. Prints `ok <file>` per valid scenario, with what it holds once merged
// (places, edges, borders, cohorts, period, events: a quick check that an `extends` chain or a new
// network came out as meant), and every problem of the others; exit code 1 when any is invalid, so
// it can gate CI or an editor's save hook. Warnings (src/scenarios/warnings.ts: a set value a ramp
// overwrites, a place on no edge, …) go to stderr as `warning: file: /path: message`; they do not
// fail validation unless `--strict`, when a scenario with warnings is reported as not ok.

import { ScenarioError, formatProblem, formatProblems } from '../scenarios/errors.js';
import { displayPath, loadScenario } from '../scenarios/load.js';
import type { CompiledScenario } from '../model/compiled.js';
import type { Scenario } from '../scenarios/types.js';
import { compileForCli } from './compile.js';
import type { CliIo } from './io.js';

export interface ValidateOptions {
  /** Report a scenario with warnings as not ok (exit code 1). */
  strict?: boolean;
}

export async function validateCommand(refs: readonly string[], io: CliIo, options: ValidateOptions = {}): Promise<number> {
  let exitCode = 0;
  for (const ref of refs) {
    try {
      const { scenario, files, warnings } = await loadScenario(ref, { cwd: io.cwd });
      const shown = displayPath(files[0], io.cwd);
      const compiled = compileForCli(scenario, shown);
      for (const w of warnings) io.stderr(`warning: ${formatProblem(w)}\n`);
      const warned = warnings.length === 0 ? '' : `; ${warnings.length} warning${warnings.length === 1 ? '' : 's'}`;
      if (options.strict && warnings.length > 0) {
        io.stderr(`not ok ${shown}: ${warnings.length} warning${warnings.length === 1 ? '' : 's'} under --strict\n`);
        exitCode = 1;
        continue;
      }
      const parents = files.slice(1).map((f) => displayPath(f, io.cwd));
      io.stdout(`ok ${shown}${parents.length > 0 ? ` (extends ${parents.join(' → ')})` : ''}: ${contents(scenario, compiled)}${warned}\n`);
    } catch (error) {
      if (!(error instanceof ScenarioError)) throw error;
      io.stderr(formatProblems(error.problems) + '\n');
      exitCode = 1;
    }
  }
  return exitCode;
}

/** What a valid scenario holds, e.g. "72 places, 102 edges, 40 borders, 12 cohorts, 2015-01-01 to
 * 2026-12-31 (4383 days), 66 events"; a border is one direction (RS-HU, HU-RS) that an edge crosses. */
function contents(scenario: Scenario, compiled: CompiledScenario): string {
  const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
  return [
    count(scenario.nodes.length, 'place'),
    count(scenario.edges.length, 'edge'),
    count(compiled.network.borderIds.length, 'border'),
    count(scenario.cohorts.length, 'cohort'),
    `${scenario.period.start} to ${scenario.period.end} (${count(compiled.days, 'day')})`,
    count(scenario.events?.length ?? 0, 'event'),
  ].join(', ');
}
