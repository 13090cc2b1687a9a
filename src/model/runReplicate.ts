// Runs one replicate from start to end. The serial Monte Carlo loop and the worker threads call
// this same function, so 1 thread and N threads give the same bytes.

import type { CompiledScenario } from './compiled.js';
import { createModel } from './createModel.js';
import { isFleeCompiled } from './flee/compileRules.js';
import { runFleeReplicate } from './flee/runFleeReplicate.js';
import type { ReplicateResult } from './result.js';

export function runReplicate(compiled: CompiledScenario, seed: number, replicate: number): ReplicateResult {
  if (isFleeCompiled(compiled)) return runFleeReplicate(compiled, seed, replicate);
  const model = createModel(compiled, seed, replicate);
  while (model.day < compiled.days) model.step();
  return model.finish();
}
