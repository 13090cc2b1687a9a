// Scenarios in the browser: the built-in files bundled into the worker, and a file the user drops
// on the page, resolved through their `extends` chain, merged and validated exactly as the command
// line does (load.ts), but from an in-memory library instead of the file system. A dropped file may
// extend a built-in by name (`"extends": "western-balkans"`) or by a path relative to the
// built-in scenarios folder (`"networks/western-balkans.json"`).

import { ScenarioError, formatProblem, type ScenarioProblem } from '../scenarios/errors.js';
import { isPlainObject, mergeChain, type JsonObject, type SourceFile } from '../scenarios/extends.js';
import { didYouMean } from '../scenarios/suggest.js';
import type { Scenario } from '../scenarios/types.js';
import type { ScenarioValidator } from '../scenarios/validator.js';
import { locatedWarnings } from '../scenarios/warnings.js';
import type { ScenarioSource } from './protocol.js';

export interface ScenarioLibrary {
  /** Parsed JSON of the built-in files by path relative to the scenarios folder
   * (`western-balkans.json`, `networks/western-balkans.json`); schema.json may be among them. */
  files: ReadonlyMap<string, unknown>;
  validator: ScenarioValidator;
}

const SCHEMA = 'schema.json';

/** Built-ins that can be chosen: the top-level files except the schema, sorted by id. */
export function listBuiltins(lib: ScenarioLibrary): { id: string; name: string; description: string; seed?: number }[] {
  return [...lib.files.keys()]
    .filter((path) => !path.includes('/') && path.endsWith('.json') && path !== SCHEMA)
    .map((path) => {
      const data = lib.files.get(path);
      const id = path.slice(0, -'.json'.length);
      const o = isPlainObject(data) ? data : {};
      const entry = { id, name: typeof o.name === 'string' ? o.name : id, description: typeof o.description === 'string' ? o.description : '' };
      const seed = inheritedSeed(lib, path);
      return seed === undefined ? entry : { ...entry, seed };
    })
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The seed a built-in gives, itself or through its `extends` chain (the command line's default). */
function inheritedSeed(lib: ScenarioLibrary, path: string): number | undefined {
  const seen = new Set<string>();
  for (let at: string | undefined = path; at !== undefined && !seen.has(at); ) {
    seen.add(at);
    const data = lib.files.get(at);
    if (!isPlainObject(data)) return undefined;
    if (typeof data.seed === 'number') return data.seed;
    at = typeof data.extends === 'string' ? resolveRef(data.extends, at) : undefined;
  }
  return undefined;
}

interface Link {
  /** Path in the library, or undefined for the dropped file itself. */
  path: string | undefined;
  shown: string;
  base: string;
  data: JsonObject;
}

/** A valid scenario and its warnings (src/scenarios/warnings.ts), each as `file: /path: message`. */
export interface ResolvedScenario {
  scenario: Scenario;
  warnings: string[];
}

/** Load, merge and validate a scenario; a ScenarioError names the file and JSON path of each problem. */
export function resolveScenario(lib: ScenarioLibrary, source: ScenarioSource): ResolvedScenario {
  const chain: Link[] = [];
  let link = source.kind === 'builtin' ? builtinLink(lib, `${source.id}.json`, undefined) : droppedLink(source.name, source.text);
  for (;;) {
    if (chain.some((l) => l.path !== undefined && l.path === link.path)) {
      throw new ScenarioError([{ file: link.shown, path: '/extends', message: `extends cycle: ${[...chain, link].map((l) => l.shown).join(' → ')}` }]);
    }
    chain.push(link);
    const ref = link.data.extends;
    if (typeof ref !== 'string' || ref === '') break;
    link = builtinLink(lib, resolveRef(ref, link.path), { file: link.shown, path: '/extends' });
  }
  const files: SourceFile[] = chain.map((l, i) => ({
    file: l.shown,
    data: i < chain.length - 1 && l.data.id === undefined ? { ...l.data, id: l.base } : l.data,
  }));
  const { merged, problems } = lib.validator.checkChain(files, () => mergeChain(chain));
  if (problems.length > 0 || merged === undefined) throw new ScenarioError(problems);
  const scenario = merged as unknown as Scenario;
  return { scenario, warnings: locatedWarnings(scenario, files).map(formatProblem) };
}

/** A library path for `extends`: a bare name is a built-in; a path is relative to the extending file's folder. */
function resolveRef(ref: string, from: string | undefined): string {
  if (!/[/\\]/.test(ref) && !ref.toLowerCase().endsWith('.json')) return `${ref}.json`;
  const dir = from?.includes('/') ? from.slice(0, from.lastIndexOf('/') + 1) : '';
  const parts: string[] = [];
  for (const part of (dir + ref.replace(/\\/g, '/')).split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(part);
  }
  return parts.join('/');
}

function builtinLink(lib: ScenarioLibrary, path: string, referrer: Omit<ScenarioProblem, 'message'> | undefined): Link {
  const data = lib.files.get(path);
  const shown = `scenarios/${path}`;
  if (data === undefined || path === SCHEMA) {
    const ids = listBuiltins(lib).map((b) => b.id);
    const near = didYouMean(path.replace(/\.json$/, ''), ids);
    const message = `unknown scenario "${path}"${near}: not a built-in scenario (built-ins: ${ids.join(', ')})`;
    throw new ScenarioError([referrer ? { ...referrer, message } : { file: shown, path: '', message }]);
  }
  if (!isPlainObject(data)) throw new ScenarioError([{ file: shown, path: '', message: 'must be a JSON object ({ ... }) describing a scenario' }]);
  return { path, shown, base: baseName(path), data };
}

function droppedLink(name: string, text: string): Link {
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (err) {
    throw new ScenarioError([{ file: name, path: '', message: `invalid JSON: ${(err as Error).message}` }]);
  }
  if (!isPlainObject(data)) throw new ScenarioError([{ file: name, path: '', message: 'must be a JSON object ({ ... }) describing a scenario' }]);
  return { path: undefined, shown: name, base: baseName(name), data };
}

function baseName(path: string): string {
  const file = path.slice(path.lastIndexOf('/') + 1);
  return file.toLowerCase().endsWith('.json') ? file.slice(0, -'.json'.length) : file;
}
