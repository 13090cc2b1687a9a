// The built-in scenarios and schema read from disk into the in-memory library the demo's worker
// gets from its bundle, so tests drive the same session code as the browser.

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { scenariosDir } from '../../src/scenarios/builtins.js';
import { createValidator } from '../../src/scenarios/validator.js';
import type { ScenarioLibrary } from '../../src/demo/scenarioSource.js';

let cached: ScenarioLibrary | undefined;

export function diskLibrary(): ScenarioLibrary {
  if (cached) return cached;
  const root = scenariosDir();
  const files = new Map<string, unknown>();
  const walk = (dir: string, prefix: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(dir, entry.name), `${prefix}${entry.name}/`);
      else if (entry.name.endsWith('.json')) files.set(prefix + entry.name, JSON.parse(readFileSync(join(dir, entry.name), 'utf8')));
    }
  };
  walk(root, '');
  cached = { files, validator: createValidator(files.get('schema.json') as object) };
  return cached;
}
