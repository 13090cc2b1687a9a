// Runs one replicate under Flee's rules from start to end (what runReplicate dispatches to; with
// rules.recordLocations the result carries every node's daily count as nodeDaily), and a
// variant that also returns every node's end-of-day count, which Flee's validation compares with
// the observed camp series (src/flee/score.ts).

import type { DailyArrays } from '../recorder.js';
import type { ReplicateResult } from '../result.js';
import type { FleeCompiledScenario } from './compileRules.js';
import { createFleeModel } from './createFleeModel.js';

export function runFleeReplicate(compiled: FleeCompiledScenario, seed: number, replicate: number, reuse?: DailyArrays): ReplicateResult {
  const recordLocations = compiled.rules.recordLocations === true;
  const model = createFleeModel(compiled, seed, replicate, { recordLocations, reuse });
  while (model.day < compiled.days) model.step();
  const result = model.finish();
  if (recordLocations) result.nodeDaily = model.locationDaily as Float64Array;
  return result;
}

export interface FleeReplicateDetail {
  result: ReplicateResult;
  /** People at each node at the end of each day: locationDaily[node * days + day]. */
  locationDaily: Float64Array;
}

export function runFleeReplicateWithLocations(compiled: FleeCompiledScenario, seed: number, replicate: number): FleeReplicateDetail {
  const model = createFleeModel(compiled, seed, replicate, { recordLocations: true });
  while (model.day < compiled.days) model.step();
  const result = model.finish();
  return { result, locationDaily: model.locationDaily as Float64Array };
}
