// Loading a scenario: from a built-in name or a file path, through its `extends` chain, to one
// merged and validated Scenario. Every way this can fail (no such file, bad JSON, unknown or
// cyclic `extends`, schema or semantic problems) ends in a ScenarioError that names the file and
// the JSON path (or line and column for JSON syntax), so a scenario returned from here is valid.

import { readFile } from 'node:fs/promises';
import { existsSync, statSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, relative, resolve } from 'node:path';
import { builtinIds, looksLikeBuiltinName, resolveBuiltin } from './builtins.js';
import { ScenarioError, type ScenarioProblem } from './errors.js';
import { isPlainObject, mergeChain, type JsonObject, type SourceFile } from './extends.js';
import { readFailure } from './readFailure.js';
import { didYouMean } from './suggest.js';
import type { Scenario } from './types.js';
import { checkChain } from './validate.js';
import { locatedWarnings } from './warnings.js';

export interface LoadOptions {
  /** Directory that relative paths are resolved against and shown relative to (default: process.cwd()). */
  cwd?: string;
}

export interface LoadedScenario {
  /** The merged scenario, without `extends`. */
  scenario: Scenario;
  /** Absolute paths of the extends chain: the requested file first, then its parent, and so on. */
  files: string[];
  /** What the scenario runs with but is almost always a mistake (warnings.ts), each in the file
   * that supplied the value. */
  warnings: ScenarioProblem[];
}

/** Where a reference was written, for errors about it: the extending file's `/extends`. */
interface Referrer {
  file: string;
  path: string;
}

interface ChainLink {
  abs: string;
  shown: string;
  data: JsonObject;
}

/** Load, merge and validate a scenario given by built-in name or file path. */
export async function loadScenario(ref: string, options: LoadOptions = {}): Promise<LoadedScenario> {
  const cwd = options.cwd ?? process.cwd();
  const show = (abs: string) => displayPath(abs, cwd);
  const chain: ChainLink[] = [];
  let abs = resolveRef(ref, cwd, undefined);
  let referrer: Referrer | undefined;
  for (;;) {
    const cycleStart = chain.findIndex((link) => link.abs === abs);
    if (cycleStart >= 0) {
      const cycle = [...chain.slice(cycleStart).map((l) => l.shown), show(abs)].join(' → ');
      throw new ScenarioError([{ ...(referrer as Referrer), message: `extends cycle: ${cycle}` }]);
    }
    const data = await readJsonFile(abs, show(abs), referrer);
    chain.push({ abs, shown: show(abs), data });
    if (typeof data.extends !== 'string' || data.extends === '') break; // a non-string is a schema problem
    referrer = { file: show(abs), path: '/extends' };
    abs = resolveRef(data.extends, dirname(abs), referrer);
  }
  return { ...mergeAndValidate(chain), files: chain.map((l) => l.abs) };
}

function mergeAndValidate(chain: ChainLink[]): { scenario: Scenario; warnings: ScenarioProblem[] } {
  // A child without an id takes its file's base name; shown as the file's own id, so a problem
  // with that id is attributed to the file it came from.
  const files: SourceFile[] = chain.map((link, i) => {
    const named = i < chain.length - 1 && link.data.id === undefined;
    return { file: link.shown, data: named ? { ...link.data, id: baseName(link.abs) } : link.data };
  });
  const { merged, problems } = checkChain(files, () => mergeChain(chain.map((link) => ({ data: link.data, base: baseName(link.abs) }))));
  if (problems.length > 0 || merged === undefined) throw new ScenarioError(problems);
  const scenario = merged as unknown as Scenario;
  return { scenario, warnings: locatedWarnings(scenario, files) };
}

/**
 * A built-in name (no path separator, no `.json`) or a path relative to `baseDir`. A bare name
 * that is not a built-in may still be a file in `baseDir`; otherwise the error lists the built-ins.
 */
function resolveRef(ref: string, baseDir: string, referrer: Referrer | undefined): string {
  if (!looksLikeBuiltinName(ref)) return resolve(baseDir, ref);
  const builtin = resolveBuiltin(ref);
  if (builtin !== undefined) return builtin;
  const asFile = resolve(baseDir, ref);
  if (existsSync(asFile) && statSync(asFile).isFile()) return asFile;
  const ids = builtinIds();
  const message = `unknown scenario "${ref}"${didYouMean(ref, ids)}: not a file and not a built-in scenario (built-ins: ${ids.join(', ') || 'none'})`;
  throw new ScenarioError([referrer ? { ...referrer, message } : { file: ref, path: '', message }]);
}

/** Read and parse one scenario file; problems name the file (or the `extends` that pointed at it). */
async function readJsonFile(abs: string, shown: string, referrer: Referrer | undefined): Promise<JsonObject> {
  let text: string;
  try {
    text = await readFile(abs, 'utf8');
  } catch (err) {
    const reason = readFailure(err, 'a scenario file');
    const problem: ScenarioProblem = referrer
      ? { ...referrer, message: `cannot read ${shown}: ${reason}` }
      : { file: shown, path: '', message: reason };
    throw new ScenarioError([problem]);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new ScenarioError([{ file: shown, path: '', message: describeSyntaxError(text, (err as Error).message) }]);
  }
  if (!isPlainObject(data)) {
    throw new ScenarioError([{ file: shown, path: '', message: 'must be a JSON object ({ ... }) describing a scenario' }]);
  }
  return data;
}

/** `invalid JSON at line 3, column 12: Expected ',' or '}' after property value`. */
export function describeSyntaxError(text: string, engineMessage: string): string {
  const position = /at position (\d+)/.exec(engineMessage);
  const offset = position ? Number(position[1]) : syntaxErrorOffset(text);
  const reason = engineMessage
    .replace(/\s*\(line \d+ column \d+\)/, '')
    .replace(/ in JSON at position \d+/, '')
    .replace(/, ".*" is not valid JSON$/s, '');
  const before = text.slice(0, Math.max(0, offset));
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `invalid JSON at line ${line}, column ${column}: ${reason}`;
}

const WHITESPACE = /[ \t\n\r]*/y;
// A JSON number, literal or string (strings may not hold raw control characters).
// eslint-disable-next-line no-control-regex
const SCALAR = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null|"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;

/**
 * Offset of the first JSON syntax error, for the engine messages that give no position (Node 20
 * says only "Unexpected token 'x'" for a bad literal). A small recursive-descent pass over the
 * JSON grammar; runs only after JSON.parse has already failed.
 */
function syntaxErrorOffset(text: string): number {
  let i = 0;
  const skipWhitespace = () => {
    WHITESPACE.lastIndex = i;
    WHITESPACE.exec(text);
    i = WHITESPACE.lastIndex;
  };
  // Errors are signalled by throwing the offset where parsing stopped.
  const expect = (char: string) => {
    skipWhitespace();
    if (text[i] !== char) throw i;
    i++;
  };
  const value = (): void => {
    skipWhitespace();
    const open = text[i];
    if (open === '{' || open === '[') {
      const close = open === '{' ? '}' : ']';
      i++;
      skipWhitespace();
      if (text[i] === close) {
        i++;
        return;
      }
      for (;;) {
        if (open === '{') {
          skipWhitespace();
          if (text[i] !== '"') throw i;
          value();
          expect(':');
        }
        value();
        skipWhitespace();
        if (text[i] !== ',' && text[i] !== close) throw i;
        i++;
        if (text[i - 1] === close) return;
      }
    }
    SCALAR.lastIndex = i;
    if (!SCALAR.test(text)) throw i;
    i = SCALAR.lastIndex;
  };
  try {
    value();
    skipWhitespace();
    return i;
  } catch (offset) {
    return typeof offset === 'number' ? offset : 0;
  }
}

/** A path as shown to the user: relative to `cwd` when inside it, absolute otherwise. */
export function displayPath(abs: string, cwd: string): string {
  const rel = relative(cwd, abs);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : abs;
}

function baseName(abs: string): string {
  return basename(abs, extname(abs));
}
