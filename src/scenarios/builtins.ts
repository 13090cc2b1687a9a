// Built-in scenarios: the JSON files shipped in the package's `scenarios/` folder (except the
// schema), addressed by their base name (`western-balkans` → scenarios/western-balkans.json).
//
// The package root is found from this module's own location rather than from the working
// directory, so the lookup works from src/ under vitest, from dist/ after a build, and from an
// installed package in node_modules, wherever the user runs the command.

import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface BuiltinScenario {
  /** The name to pass to `routeshift run` (the file's base name). */
  id: string;
  name: string;
  description: string;
  /** Absolute path of the file. */
  file: string;
}

const SCHEMA_FILE = 'schema.json';

let cachedRoot: string | undefined;

/** The directory holding routeshift's package.json (walks up from this module). */
export function packageRoot(): string {
  if (cachedRoot !== undefined) return cachedRoot;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && readPackageName(manifest) === 'routeshift') {
      cachedRoot = dir;
      return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the routeshift package root above ' + import.meta.url);
    dir = parent;
  }
}

function readPackageName(manifest: string): unknown {
  try {
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name;
  } catch {
    return undefined;
  }
}

/** The folder of built-in scenarios (also holds schema.json). */
export function scenariosDir(): string {
  return join(packageRoot(), 'scenarios');
}

/** The published JSON Schema of the scenario format. */
export function schemaPath(): string {
  return join(scenariosDir(), SCHEMA_FILE);
}

/** True for a name that could be a built-in: no path separator and no `.json` ending. */
export function looksLikeBuiltinName(ref: string): boolean {
  return !/[/\\]/.test(ref) && !ref.toLowerCase().endsWith('.json');
}

/** Absolute path of a built-in scenario, or undefined when there is none by that name. */
export function resolveBuiltin(name: string): string | undefined {
  if (!looksLikeBuiltinName(name) || name === 'schema') return undefined;
  const file = join(scenariosDir(), `${name}.json`);
  return existsSync(file) ? file : undefined;
}

/** Every built-in scenario, sorted by id. Name and description come from the file itself; a file
 * that is not valid JSON is still listed, so `list` points the user at it instead of hiding it. */
export function listBuiltins(): BuiltinScenario[] {
  const dir = scenariosDir();
  const files = existsSync(dir) ? readdirSync(dir) : [];
  return files
    .filter((f) => f.endsWith('.json') && f !== SCHEMA_FILE)
    .map((f) => describe(join(dir, f), f.slice(0, -'.json'.length)))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function describe(file: string, id: string): BuiltinScenario {
  let data: { name?: unknown; description?: unknown } = {};
  try {
    data = JSON.parse(readFileSync(file, 'utf8')) as typeof data;
  } catch {
    return { id, name: id, description: 'Not valid JSON: run `routeshift validate ' + id + '`.', file };
  }
  return {
    id,
    name: typeof data.name === 'string' ? data.name : id,
    description: typeof data.description === 'string' ? data.description : '',
    file,
  };
}

/** The ids of all built-in scenarios, for error messages. */
export function builtinIds(): string[] {
  return listBuiltins().map((b) => b.id);
}
