// Runs one replicate from start to end. The serial Monte Carlo loop and the worker threads call
// this same function, so 1 thread and N threads give the same bytes. `reuse` hands in the daily
// arrays of an earlier replicate that nobody reads any more (src/run/dailyArrayPool.ts); they are
// zeroed and written again, which gives the same values as fresh arrays without the page faults.

import type { CompiledScenario } from './compiled.js';
import { createModel } from './createModel.js';
import { isFleeCompiled } from './flee/compileRules.js';
import { runFleeReplicate } from './flee/runFleeReplicate.js';
import type { DailyArrays } from './recorder.js';
import type { ReplicateResult } from './result.js';

export function runReplicate(compiled: CompiledScenario, seed: number, replicate: number, reuse?: DailyArrays): ReplicateResult {
  if (isFleeCompiled(compiled)) return runFleeReplicate(compiled, seed, replicate, reuse);
  const model = createModel(compiled, seed, replicate, reuse);
  while (model.day < compiled.days) model.step();
  return model.finish();
}
