// Parameter files (calibration/params.json, schema calibration/schema.json): the free parameters
// of a calibration or sensitivity analysis, each a scenario path as `--set` takes it with a prior
// and the source or guess behind its range. Loading checks, in order, and names the file and the
// JSON path of every problem (ScenarioError, exit 1, before anything is written):
//   1. the file reads and parses as JSON;
//   2. it matches the schema (Ajv 2020, as the scenario schema);
//   3. bounds make sense: min < max, a normal's mean inside its truncation, no path twice;
//   4. each path exists in the scenario: every segment but the last must name an existing object
//      key, list id or index (a missing `behaviour` or `borders` block or border entry excepted: defaults), the value there
//      must be a number or absent, and the scenario with the value set at the prior's extremes must
//      still validate (so `behaviour.noSuchKey` or `borders.RS-HU.detection` with max 2 are refused).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { applyOverride, parseOverride } from '../run/overrides.js';
import { packageRoot } from '../scenarios/builtins.js';
import { ScenarioError, pointer, type ScenarioProblem } from '../scenarios/errors.js';
import { isPlainObject } from '../scenarios/extends.js';
import { readJson } from '../scenarios/readJson.js';
import type { Scenario } from '../scenarios/types.js';
import { validateScenario } from '../scenarios/validate.js';
import { priorBounds, priorProbes, type Prior } from './priors.js';

export interface FreeParameter {
  path: string;
  prior: Prior;
  /** Round values to whole numbers (the scenario schema wants an integer there). */
  integer?: boolean;
  source?: string;
  guess?: string;
}

export interface ParamsFile {
  /** The file as shown to the user. */
  file: string;
  description?: string;
  parameters: FreeParameter[];
}

let compiled: ReturnType<Ajv2020['compile']> | undefined;

function schemaValidator(): ReturnType<Ajv2020['compile']> {
  const schema = JSON.parse(readFileSync(join(packageRoot(), 'calibration', 'schema.json'), 'utf8')) as object;
  compiled ??= new Ajv2020({ allErrors: true }).compile(schema);
  return compiled;
}

/** Read, validate and check `abs` (shown as `shown`) against `scenario`; throws ScenarioError. */
export async function loadParamsFile(abs: string, shown: string, scenario: Scenario): Promise<ParamsFile> {
  const data = await readJson(abs, shown);
  return checkParams(data, shown, scenario);
}

/** Steps 2–4 of the header on parsed JSON. */
export function checkParams(data: unknown, shown: string, scenario: Scenario): ParamsFile {
  const validate = schemaValidator();
  if (!validate(data)) {
    const problems = (validate.errors ?? [])
      // A oneOf's branch errors ("must have required property 'source'", then 'guess') say less
      // than the oneOf itself, which is reported in words below.
      .filter((e) => !e.schemaPath.includes('/oneOf/'))
      .map((e): ScenarioProblem => {
        if (e.keyword === 'additionalProperties') {
          const name = String(e.params.additionalProperty);
          return { file: shown, path: e.instancePath + pointer(name), message: `unknown property "${name}"` };
        }
        if (e.keyword === 'oneOf') return { file: shown, path: e.instancePath, message: 'must have a "source" or a "guess" (one of them)' };
        return { file: shown, path: e.instancePath, message: e.message ?? 'is invalid' };
      });
    throw new ScenarioError(dedupe(problems));
  }
  const params = data as { description?: string; parameters: FreeParameter[] };
  const problems: ScenarioProblem[] = [];
  const seen = new Map<string, number>();
  params.parameters.forEach((p, i) => {
    const at = (...rest: (string | number)[]) => pointer('parameters', i, ...rest);
    const kind = Object.keys(p.prior)[0];
    const [lo, hi] = priorBounds(p.prior);
    if (!(lo < hi)) problems.push({ file: shown, path: at('prior', kind, 'max'), message: `must be greater than min (${lo}), got ${hi}` });
    if ('normal' in p.prior && !(p.prior.normal.mean >= lo && p.prior.normal.mean <= hi)) {
      problems.push({ file: shown, path: at('prior', 'normal', 'mean'), message: `must lie between min and max (${lo} to ${hi})` });
    }
    const first = seen.get(p.path);
    if (first !== undefined) problems.push({ file: shown, path: at('path'), message: `"${p.path}" is already parameter ${first}` });
    seen.set(p.path, i);
    const problem = first === undefined && lo < hi ? pathProblem(scenario, p) : undefined;
    if (problem !== undefined) problems.push({ file: shown, path: at('path'), message: problem });
  });
  if (problems.length > 0) throw new ScenarioError(problems);
  return { file: shown, description: params.description, parameters: params.parameters };
}

function dedupe(problems: ScenarioProblem[]): ScenarioProblem[] {
  const keys = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.path}\0${p.message}`;
    if (keys.has(key)) return false;
    keys.add(key);
    return true;
  });
}

/** Why `p.path` cannot be set in `scenario`, or undefined when it can (step 4 of the header). */
function pathProblem(scenario: Scenario, p: FreeParameter): string | undefined {
  const segments = p.path.split('.');
  let node: unknown = scenario;
  for (let i = 0; i < segments.length - 1; i++) {
    const s = segments[i];
    const next = Array.isArray(node)
      ? /^\d+$/.test(s)
        ? node[Number(s)]
        : node.find((item) => isPlainObject(item) && item.id === s)
      : isPlainObject(node)
        ? node[s]
        : undefined;
    // A scenario without a `behaviour` block runs with DEFAULT_BEHAVIOUR, and a crossed border
    // missing from `borders` (or with no `borders` block) with the enforcement defaults: setting
    // one of their keys creates the block (validation then judges the border). Other optional blocks (information, smugglers)
    // switch a mechanism on when present, so a missing one is an error, never silently created.
    const creatable = (i === 0 && (s === 'behaviour' || s === 'borders')) || (i === 1 && segments[0] === 'borders');
    if (next === undefined && creatable) return probeProblem(scenario, p);
    if (next === undefined) return `no "${s}" in the scenario at ${segments.slice(0, i).join('.') || '(the top level)'}`;
    node = next;
  }
  const last = segments[segments.length - 1];
  const current = isPlainObject(node) ? node[last] : undefined;
  if (current !== undefined && typeof current !== 'number') return `is ${JSON.stringify(current)} in the scenario, not a number`;
  return probeProblem(scenario, p);
}

/** Set the path to the prior's extremes and an interior value (not a whole number, unless the
 * parameter is `integer`) and validate: the first problem, if any. */
function probeProblem(scenario: Scenario, p: FreeParameter): string | undefined {
  const [lo, hi] = priorProbes(p.prior);
  const interior = lo + 0.37 * (hi - lo);
  for (const value of [lo, hi, p.integer === true ? Math.round(interior) : interior]) {
    let changed: Scenario;
    try {
      changed = applyOverride(scenario, parseOverride(`${p.path}=${value}`));
    } catch (error) {
      return (error as Error).message.replace(/^--set [^:]+: /, '');
    }
    const problems = validateScenario(changed);
    if (problems.length > 0) {
      const hint = /must be integer/.test(problems[0].message) ? ' (add "integer": true to the parameter)' : '';
      return `with ${value}: the scenario would be invalid: ${problems[0].path} ${problems[0].message}${hint}`;
    }
  }
  return undefined;
}
