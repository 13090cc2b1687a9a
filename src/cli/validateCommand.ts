// `routeshift validate <file|name>...`: load, validate and compile each scenario exactly as `run`
// would, without running it. Prints `ok <file>` per valid scenario and every problem of the others;
// exit code 1 when any is invalid, so it can gate CI or an editor's save hook.

import { ScenarioError, formatProblems } from '../scenarios/errors.js';
import { displayPath, loadScenario } from '../scenarios/load.js';
import { compileForCli } from './compile.js';
import type { CliIo } from './io.js';

export async function validateCommand(refs: readonly string[], io: CliIo): Promise<number> {
  let exitCode = 0;
  for (const ref of refs) {
    try {
      const { scenario, files } = await loadScenario(ref, { cwd: io.cwd });
      const shown = displayPath(files[0], io.cwd);
      compileForCli(scenario, shown);
      const parents = files.slice(1).map((f) => displayPath(f, io.cwd));
      io.stdout(`ok ${shown}${parents.length > 0 ? ` (extends ${parents.join(' → ')})` : ''}\n`);
    } catch (error) {
      if (!(error instanceof ScenarioError)) throw error;
      io.stderr(formatProblems(error.problems) + '\n');
      exitCode = 1;
    }
  }
  return exitCode;
}
