// Writes the scenario schema's validators as generated code (src/scenarios/precompiledValidators.ts
// says why) beside the compiled validate.js. Run by `npm run build` after tsc.
/* global URL */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { GENERATED_FILE, validatorModuleCode } from '../dist/scenarios/precompiledValidators.js';

const schemaText = readFileSync(new URL('../scenarios/schema.json', import.meta.url), 'utf8');
const target = new URL(`../dist/scenarios/${GENERATED_FILE}`, import.meta.url);
const tmp = new URL(`${target.href}.tmp`);
writeFileSync(tmp, validatorModuleCode(schemaText));
renameSync(tmp, target);
