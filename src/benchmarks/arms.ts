// Arms: the scenario variants a benchmark needs. Arm 0 is the scenario as given; each value of a
// monotone item ("price rises with borders.RS-HU.detection over 0.5, 0.8, 0.95") is one more arm,
// the scenario with that `--set` override (src/run/overrides.ts). Equal overrides share an arm.
// Every arm runs the same replicate indices with the same seed (common random numbers), so the
// differences between arms are the parameter's effect, not luck.

import type { CompiledScenario } from '../model/compiled.js';
import { isFleeCompiled } from '../model/flee/compileRules.js';
import { applyOverrides, parseOverride, type Override } from '../run/overrides.js';
import { compileScenario } from '../scenarios/compile.js';
import { formatProblem, pointer, ScenarioError, type ScenarioProblem } from '../scenarios/errors.js';
import type { Scenario } from '../scenarios/types.js';
import { validateScenario } from '../scenarios/validate.js';
import type { BenchmarkItem, Benchmarks } from './types.js';

/** The override for one monotone value, written as `--set` would take it. */
export function monotoneOverride(parameter: string, value: number): Override {
  return parseOverride(`${parameter}=${JSON.stringify(value)}`);
}

/** Arms of a list of items, and the arm of each monotone value (itemArms[i][j]); [0] for others. */
export function buildArms(items: readonly BenchmarkItem[]): { arms: Override[][]; itemArms: number[][] } {
  const arms: Override[][] = [[]];
  const byText = new Map<string, number>();
  const itemArms = items.map((item) => {
    if (item.kind !== 'monotone') return [0];
    return item.values.map((v) => {
      const override = monotoneOverride(item.parameter, v);
      let arm = byText.get(override.text);
      if (arm === undefined) {
        arm = arms.length;
        arms.push([override]);
        byText.set(override.text, arm);
      }
      return arm;
    });
  });
  return { arms, itemArms };
}

/** Arm 0 = [] (the scenario as given), then one arm per distinct monotone value. */
export function benchmarkArms(b: Benchmarks): Override[][] {
  return b.arms;
}

/** Problems of applying each monotone value to the scenario, at /items/i/values/j of the benchmark file. */
export function armProblems(items: readonly BenchmarkItem[], scenario: Scenario, file: string): ScenarioProblem[] {
  const out: ScenarioProblem[] = [];
  items.forEach((item, i) => {
    if (item.kind !== 'monotone') return;
    item.values.forEach((v, j) => {
      const override = monotoneOverride(item.parameter, v);
      const at = pointer('items', i, 'values', j);
      let changed: Scenario;
      try {
        changed = applyOverrides(scenario, [override]);
      } catch (error) {
        out.push({ file, path: pointer('items', i, 'parameter'), message: (error as Error).message.replace(/^--set /, '') });
        return;
      }
      const label = `the scenario with --set ${override.text}`;
      for (const p of validateScenario(changed, [{ file: label, data: changed }])) out.push({ file, path: at, message: formatProblem(p) });
    });
  });
  return out;
}

/** The scenario of each arm. */
export function armScenarios(scenario: Scenario, b: Benchmarks): Scenario[] {
  return b.arms.map((arm) => applyOverrides(scenario, arm));
}

/**
 * Each arm compiled for the kernel, ready for executeReplicates and observer(). A Flee benchmark
 * makes the kernel keep every node's daily count (rules.recordLocations), which its observer reads.
 * A problem the compiler finds is reported against `shownFile`.
 */
export function compileArms(scenario: Scenario, b: Benchmarks, shownFile = '<scenario>'): CompiledScenario[] {
  return armScenarios(scenario, b).map((s) => {
    let compiled: CompiledScenario;
    try {
      compiled = compileScenario(s);
    } catch (error) {
      if (!(error instanceof ScenarioError)) throw error;
      throw new ScenarioError(error.problems.map((p) => ({ ...p, file: shownFile })));
    }
    if (b.format === 'flee' && isFleeCompiled(compiled)) compiled.rules.recordLocations = true;
    return compiled;
  });
}
