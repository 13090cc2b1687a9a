// The scenario schema's two Ajv validators as code generated at build time, so that a command does
// not compile them on every start: compiling both took 390 ms of the 1.0 s `routeshift validate`
// took on a 2-core VM (a `--cpu-prof` of `validate western-balkans`, 2026-12-04). `npm run build`
// writes the generated module next to the compiled validate.js (scripts/generate-validators.mjs);
// validate.ts uses it only if it was generated from the very schema file it reads (a SHA-256 of
// the file's text), and compiles at run time otherwise (tests run from the sources, a schema edited
// after the build). Ajv's standalone code (https://ajv.js.org/standalone.html) is a CommonJS
// module that requires Ajv's small runtime helpers, so it is written as .cjs and loaded with require.

import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { Ajv2020 } from 'ajv/dist/2020.js';
import standalone from 'ajv/dist/standalone/index.js';
import { SCHEMA_OPTIONS, withoutRequired, type SchemaValidators } from './validator.js';

/** File name of the generated module, beside validate.js. */
export const GENERATED_FILE = 'schemaValidators.cjs';

function schemaSha256(schemaText: string): string {
  return createHash('sha256').update(schemaText).digest('hex');
}

/** Source of a CommonJS module exporting `full`, `relaxed` and `schemaSha256` for the schema text. */
export function validatorModuleCode(schemaText: string): string {
  const schema = JSON.parse(schemaText) as { $id?: string };
  const relaxed = { ...(withoutRequired(schema) as object), $id: `${(schema.$id ?? 'scenario.json').replace(/\.json$/, '')}-relaxed.json` };
  const ajv = new Ajv2020({ ...SCHEMA_OPTIONS, code: { source: true } });
  ajv.addSchema(schema, 'full');
  ajv.addSchema(relaxed, 'relaxed');
  // A CommonJS module: its function is the default export of module.exports.
  return `${standalone.default(ajv, { full: 'full', relaxed: 'relaxed' })}\nexports.schemaSha256 = ${JSON.stringify(schemaSha256(schemaText))};\n`;
}

interface GeneratedModule extends SchemaValidators {
  schemaSha256: string;
}

/** The generated validators in `dir` if they were generated from `schemaText`, else undefined. */
export function loadPrecompiled(dir: URL, schemaText: string): SchemaValidators | undefined {
  let generated: GeneratedModule;
  try {
    generated = createRequire(dir)(`./${GENERATED_FILE}`) as GeneratedModule;
  } catch {
    return undefined;
  }
  if (generated.schemaSha256 !== schemaSha256(schemaText)) return undefined;
  return { full: generated.full, relaxed: generated.relaxed };
}
