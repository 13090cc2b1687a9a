// best.json: the best-fitting particle as a small scenario file that `extends` the calibrated one
// and states only the calibrated values, following the merge rules of src/scenarios/extends.ts
// (objects merge key by key; top-level lists merge item by item, so a value inside a list item is
// written as that item's key — its id, an edge's from/to, an inflow's entry/cohort — plus the value;
// a value inside an ordinary list carries the whole list). The file is checked the way a user's
// file would be: on its own against the schema, and merged onto its parent, where it must give
// exactly the scenario the calibration ran (anything else is a bug: an internal error).

import { isDeepStrictEqual } from 'node:util';
import { KEYED_LISTS, isPlainObject, mergeScenarios, type JsonObject } from '../scenarios/extends.js';
import type { Scenario } from '../scenarios/types.js';
import { ScenarioError } from '../scenarios/errors.js';
import { checkChain } from '../scenarios/validate.js';
import type { FreeParameter } from './paramsFile.js';
import { pointScenario } from './pointScenarios.js';

function itemKey(list: string, item: JsonObject): JsonObject {
  if (list === 'edges' && item.id === undefined) return { from: item.from, to: item.to };
  if (list === 'inflow') return { entry: item.entry, cohort: item.cohort };
  return { id: item.id };
}

function resolveIndex(list: unknown[], segment: string): number {
  return /^\d+$/.test(segment) ? Number(segment) : list.findIndex((x) => isPlainObject(x) && x.id === segment);
}

/** Add the value at `segments` of `modified` to `delta` (both objects at the same depth). */
function addPath(delta: JsonObject, modified: JsonObject, segments: readonly string[], topLevel: boolean): void {
  const [head, ...rest] = segments;
  const value = modified[head];
  if (rest.length === 0) {
    delta[head] = structuredClone(value);
    return;
  }
  if (Array.isArray(value)) {
    const index = resolveIndex(value, rest[0]);
    const item = value[index];
    if (!(topLevel && head in KEYED_LISTS) || !isPlainObject(item)) {
      delta[head] = structuredClone(value);
      return;
    }
    const key = itemKey(head, item);
    const items = (delta[head] ??= []) as JsonObject[];
    let child = items.find((c) => isDeepStrictEqual(itemKey(head, c), key));
    if (child === undefined) items.push((child = { ...key }));
    if (rest.length > 1) addPath(child, item, rest.slice(1), false);
    else items[items.indexOf(child)] = structuredClone(item);
    return;
  }
  if (!isPlainObject(value)) throw new Error(`best.json: ${segments.join('.')} does not lead through objects`);
  addPath((delta[head] ??= {}) as JsonObject, value, rest, false);
}

export interface BestScenarioInput {
  base: Scenario;
  /** What `extends` says: the built-in name, or the scenario file relative to the output directory. */
  extendsRef: string;
  params: readonly FreeParameter[];
  values: readonly number[];
  paramsFile: string;
  description: string;
}

export function bestScenarioFile(input: BestScenarioInput): JsonObject {
  const modified = pointScenario(input.base, input.params, input.values, input.paramsFile) as unknown as JsonObject;
  const delta: JsonObject = {};
  for (const p of input.params) addPath(delta, modified, p.path.split('.'), true);
  const file: JsonObject = {
    extends: input.extendsRef,
    id: `${input.base.id}-calibrated`,
    name: `${input.base.name} (calibrated)`,
    description: input.description,
    ...delta,
  };
  const shown = 'best.json';
  const { merged, problems } = checkChain([{ file: shown, data: file }], () => mergeScenarios(input.base as unknown as JsonObject, file));
  if (problems.length > 0 || merged === undefined) throw new ScenarioError(problems);
  const expected = { ...modified, id: file.id, name: file.name, description: file.description };
  if (!isDeepStrictEqual(merged, expected)) throw new Error('best.json does not merge back into the calibrated scenario');
  return file;
}
