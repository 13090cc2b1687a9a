// Compile a loaded scenario for the kernel, with any problem the compiler finds attributed to the
// scenario file. Validation (src/scenarios/validate.ts) catches nearly everything first; the
// compiler does not know file names, so its rare ScenarioErrors are rewritten to name the file the
// user asked for, keeping the one error format of docs/scenarios.md.

import type { CompiledScenario } from '../model/compiled.js';
import { compileScenario } from '../scenarios/compile.js';
import { ScenarioError } from '../scenarios/errors.js';
import type { Scenario } from '../scenarios/types.js';

export function compileForCli(scenario: Scenario, shownFile: string): CompiledScenario {
  try {
    return compileScenario(scenario);
  } catch (error) {
    if (!(error instanceof ScenarioError)) throw error;
    throw new ScenarioError(error.problems.map((p) => ({ ...p, file: shownFile })));
  }
}
