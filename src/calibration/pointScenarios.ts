// From a point in parameter space to scenarios the kernel can run: the free parameters' values set
// on the base scenario (as `--set` would), validated again (problems name the params file and the
// values, like `--set`), compiled once per benchmark arm (an arm adds its own overrides, e.g. the
// values of a monotone pattern: src/benchmarks). Shared by calibrate and sensitivity.

import type { CompiledScenario } from '../model/compiled.js';
import { applyOverrides, type Override } from '../run/overrides.js';
import { ScenarioError } from '../scenarios/errors.js';
import type { Scenario } from '../scenarios/types.js';
import { validateScenario } from '../scenarios/validate.js';
import { compileForCli } from '../cli/compile.js';
import type { FreeParameter } from './paramsFile.js';

export function parameterOverrides(params: readonly FreeParameter[], values: readonly number[]): Override[] {
  return params.map((p, j) => ({ path: p.path, segments: p.path.split('.'), value: values[j], text: `${p.path}=${values[j]}` }));
}

/** The base scenario with the parameters at `values`; ScenarioError when that is not a valid scenario. */
export function pointScenario(base: Scenario, params: readonly FreeParameter[], values: readonly number[], paramsFile: string): Scenario {
  const overrides = parameterOverrides(params, values);
  const changed = applyOverrides(base, overrides);
  const label = `${paramsFile} at ${overrides.map((o) => o.text).join(', ')}`;
  const problems = validateScenario(changed, [{ file: label, data: changed }]);
  if (problems.length > 0) throw new ScenarioError(problems);
  return changed;
}

/** One compiled scenario per arm: the point's scenario with the arm's overrides. */
export function compileArmsOf(point: Scenario, arms: readonly (readonly Override[])[], shownFile: string): CompiledScenario[] {
  return arms.map((arm) => compileForCli(arm.length === 0 ? point : applyOverrides(point, arm), shownFile));
}
