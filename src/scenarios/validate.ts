// Validation of a scenario on the command line: the validator of validator.ts (three passes, each
// problem with the file and JSON path it is in) built once from the published schema on disk,
// scenarios/schema.json, with the schema's validators generated at build time when they match it
// (precompiledValidators.ts). The browser demo builds the same validator from the bundled schema.

import { readFileSync } from 'node:fs';
import { schemaPath } from './builtins.js';
import type { ScenarioProblem } from './errors.js';
import type { JsonObject, SourceFile } from './extends.js';
import { loadPrecompiled } from './precompiledValidators.js';
import { createValidator, type ScenarioValidator } from './validator.js';

export type { SourceFile } from './extends.js';

let validator: ScenarioValidator | undefined;

function getValidator(): ScenarioValidator {
  if (validator === undefined) {
    const text = readFileSync(schemaPath(), 'utf8');
    validator = createValidator(JSON.parse(text) as object, loadPrecompiled(new URL('./', import.meta.url), text));
  }
  return validator;
}

/**
 * Passes 2 and 3: full-schema and semantic problems of a merged scenario. `files` is the extends
 * chain it came from, the requested file first; problems are attributed to the file that supplied
 * the value. Without files, problems are reported against `<scenario>`.
 */
export function validateScenario(merged: unknown, files?: readonly SourceFile[]): ScenarioProblem[] {
  return getValidator().validateScenario(merged, files);
}

/** The three passes over an extends chain, merging it with `merge()` when pass 1 lets later passes
 * run (validator.ts, checkChain). */
export function checkChain(files: readonly SourceFile[], merge: () => JsonObject): { merged: JsonObject | undefined; problems: ScenarioProblem[] } {
  return getValidator().checkChain(files, merge);
}
