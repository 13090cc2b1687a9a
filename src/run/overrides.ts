// `--set path=value`: change one value of a loaded (merged) scenario before it is validated again
// and compiled. Used by `sweep` for its grid and by `run` to reproduce one sweep point.
//
// A path is dot-separated, addressing the scenario JSON as written (docs/scenarios.md):
//   borders.RS-HU.detection        an object key (created if missing: validation then judges it)
//   behaviour.choiceScaleDays
//   events.hungary-fence.set.fence an element of a list by its `id` …
//   edges.3.hazard                 … or by its index
// A value is read as JSON when it parses (0.4, true, "text", [1,2]), else taken as a string, so
// `cohorts.syrian.budgetEur.mean=1500` sets a number and `events.x.date=2015-09-15` a string.

import { isPlainObject, type JsonObject } from '../scenarios/extends.js';

export interface Override {
  path: string;
  segments: string[];
  value: unknown;
  /** As written: `path=value`. */
  text: string;
}

/** Parse `path=value`; throws an Error with a usable message. */
export function parseOverride(text: string): Override {
  const eq = text.indexOf('=');
  const path = eq > 0 ? text.slice(0, eq).trim() : '';
  if (path === '' || eq === text.length - 1) throw new Error(`"${text}" is not path=value (e.g. borders.RS-HU.detection=0.4)`);
  const segments = path.split('.');
  if (segments.some((s) => s === '')) throw new Error(`"${path}" has an empty path segment`);
  return { path, segments, value: parseValue(text.slice(eq + 1)), text };
}

/** Parse `path=v1,v2,…` (a sweep axis) into one override per value, in the order given. */
export function parseAxis(text: string): Override[] {
  const eq = text.indexOf('=');
  if (eq <= 0) throw new Error(`"${text}" is not path=v1,v2,… (e.g. borders.RS-HU.detection=0.2,0.4)`);
  const values = splitValues(text.slice(eq + 1));
  if (values.length === 0 || values.some((v) => v.trim() === '')) throw new Error(`"${text}" has an empty value`);
  return values.map((v) => parseOverride(`${text.slice(0, eq)}=${v.trim()}`));
}

/** Split on commas outside brackets and quotes, so `[1,2],[3,4]` gives two values. */
function splitValues(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"' && text[i - 1] !== '\\') quoted = !quoted;
    else if (!quoted && (c === '[' || c === '{')) depth++;
    else if (!quoted && (c === ']' || c === '}')) depth--;
    else if (!quoted && depth === 0 && c === ',') {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out;
}

function parseValue(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

/** A copy of `scenario` with the override applied; throws an Error naming the path when it cannot be. */
export function applyOverride<T extends object>(scenario: T, override: Override): T {
  const copy = structuredClone(scenario) as unknown as JsonObject;
  let node: unknown = copy;
  const { segments } = override;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    const last = i === segments.length - 1;
    const where = segments.slice(0, i).join('.') || '(the scenario)';
    if (Array.isArray(node)) {
      const index = /^\d+$/.test(segment) ? Number(segment) : node.findIndex((item) => isPlainObject(item) && item.id === segment);
      if (index < 0 || index >= node.length) {
        throw new Error(`--set ${override.path}: ${where} has no element "${segment}" (give an id or an index below ${node.length})`);
      }
      if (last) node[index] = override.value;
      else node = node[index];
    } else if (isPlainObject(node)) {
      if (last) node[segment] = override.value;
      else node = node[segment] ??= {};
    } else {
      throw new Error(`--set ${override.path}: ${where} is ${JSON.stringify(node)}, not an object or a list`);
    }
  }
  return copy as unknown as T;
}

export function applyOverrides<T extends object>(scenario: T, overrides: readonly Override[]): T {
  return overrides.reduce((s, o) => applyOverride(s, o), scenario);
}
