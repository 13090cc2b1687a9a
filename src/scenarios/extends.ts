// How a scenario that `extends` another is merged onto it, so that a policy variant only states
// what it changes (a ~20-line file rather than a copy of the whole network).
//
// Rules (documented for users in docs/scenarios.md, "extends"):
// - plain objects merge recursively, key by key (`countries`, `borders`, `behaviour`, `period`, …);
// - scalars and ordinary arrays in the child replace the parent's value;
// - the top-level lists merge item by item, matched by a key: `nodes` and `cohorts` by `id`,
//   `edges` by `id` when the child's item has one and otherwise by `from` + `to`, `inflow` by
//   `entry` + `cohort`, `events` by `id` (an event without id is always appended). A matched item
//   is deep-merged into the parent's item, so a variant can change one field; unmatched items are
//   appended in the child's order;
// - when a child event names a target (`border` or `edge`), it replaces the parent event's target,
//   so retargeting an event from a border to one crossing does not leave both set;
// - a child without `id` takes its file's base name as id; the `extends` key is dropped.
//
// The matching rules are exported because validation uses them too: it maps a problem found in
// the merged scenario back to the file, and the position in that file, that supplied the value.

import { pointer, pointerSegments } from './errors.js';

export type JsonObject = { [key: string]: unknown };

export function isPlainObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Does the child's item override the parent's item? One rule per keyed top-level list. */
export type ItemMatcher = (child: JsonObject, parent: JsonObject) => boolean;

const byId: ItemMatcher = (child, parent) => child.id !== undefined && child.id === parent.id;

export const KEYED_LISTS: Readonly<Record<string, ItemMatcher>> = {
  nodes: byId,
  cohorts: byId,
  edges: (child, parent) =>
    child.id !== undefined ? child.id === parent.id : child.from === parent.from && child.to === parent.to,
  inflow: (child, parent) => child.entry === parent.entry && child.cohort === parent.cohort,
  events: byId,
};

/** Keys of an event that say what it acts on; a child event that gives one replaces both. */
const EVENT_TARGET_KEYS = ['border', 'edge'] as const;

/**
 * Merge a child scenario onto its parent. Neither input is modified; the result shares nothing
 * with them. `childBaseName` (the child file's name without `.json`) becomes the id when the
 * child has none.
 */
export function mergeScenarios(parent: JsonObject, child: JsonObject, childBaseName?: string): JsonObject {
  const base = structuredClone(parent);
  const over = structuredClone(child);
  if (over.id === undefined && childBaseName !== undefined) over.id = childBaseName;
  delete over.extends;
  const merged = mergeObjects(base, over, true);
  delete merged.extends;
  return merged;
}

/** An extends chain merged into one scenario: `chain[0]` is the requested file, each next one the
 * file it extends; `base` is a file's name without `.json` (its id when it gives none). */
export function mergeChain(chain: readonly { data: JsonObject; base: string }[]): JsonObject {
  let merged: JsonObject = structuredClone(chain[chain.length - 1].data);
  delete merged.extends;
  for (let i = chain.length - 2; i >= 0; i--) merged = mergeScenarios(merged, chain[i].data, chain[i].base);
  return merged;
}

function mergeObjects(parent: JsonObject, child: JsonObject, topLevel: boolean): JsonObject {
  const out: JsonObject = { ...parent };
  for (const [key, value] of Object.entries(child)) {
    const current = out[key];
    const matcher = topLevel ? KEYED_LISTS[key] : undefined;
    if (matcher !== undefined && Array.isArray(current) && Array.isArray(value)) {
      out[key] = mergeLists(current, value, matcher, key === 'events');
    } else if (isPlainObject(current) && isPlainObject(value)) {
      out[key] = mergeObjects(current, value, false);
    } else {
      out[key] = value;
    }
  }
  return out;
}

function mergeLists(parent: unknown[], child: unknown[], matches: ItemMatcher, isEvents: boolean): unknown[] {
  const out = parent.slice();
  for (const item of child) {
    // Match only against the parent's items: two new items of the child never merge into each
    // other (a duplicate id within one file is reported by validation instead).
    const index = isPlainObject(item) ? out.findIndex((p, i) => i < parent.length && isPlainObject(p) && matches(item, p)) : -1;
    if (index < 0 || !isPlainObject(item)) {
      out.push(item);
      continue;
    }
    let target = out[index] as JsonObject;
    if (isEvents && EVENT_TARGET_KEYS.some((k) => item[k] !== undefined)) {
      target = { ...target };
      for (const k of EVENT_TARGET_KEYS) delete target[k];
    }
    out[index] = mergeObjects(target, item, false);
  }
  return out;
}

// ---- where a merged value came from --------------------------------------------------------------

/** One parsed file of an extends chain, as shown to the user. */
export interface SourceFile {
  file: string;
  data: unknown;
}

/**
 * The file, and the JSON path within it, that supplied the value at `path` of the merged
 * scenario. `files` is the chain with the requested file first; the first (top-most) file in
 * which the value exists wins, because that file's value is the one the merge kept. Falls back to
 * the top file with the merged path (e.g. for an id that came from the file name).
 */
export function locateInChain(files: readonly SourceFile[], merged: unknown, path: string): { file: string; path: string } {
  const segments = pointerSegments(path);
  for (const { file, data } of files) {
    const translated = translatePath(data, merged, segments);
    if (translated !== undefined) return { file, path: pointer(...translated) };
  }
  return { file: files[0]?.file ?? '<scenario>', path };
}

function translatePath(data: unknown, merged: unknown, segments: string[]): string[] | undefined {
  const out = segments.slice();
  let node = data;
  const list = segments[0] === undefined ? undefined : KEYED_LISTS[segments[0]];
  if (list !== undefined && segments.length >= 2 && isPlainObject(data) && isPlainObject(merged)) {
    const mergedList = merged[segments[0]];
    const at = Number(segments[1]);
    const mergedItem = Array.isArray(mergedList) ? mergedList[at] : undefined;
    const items = data[segments[0]];
    if (!isPlainObject(mergedItem) || !Array.isArray(items)) return undefined;
    const same = (item: unknown) =>
      isPlainObject(item) && (list(item, mergedItem) || JSON.stringify(item) === JSON.stringify(mergedItem));
    // With duplicates (an error validation reports), the n-th duplicate maps to the n-th one.
    const rank = (mergedList as unknown[]).slice(0, at).filter(same).length;
    const candidates = items.flatMap((item, i) => (same(item) ? [i] : []));
    if (candidates.length === 0) return undefined;
    out[1] = String(candidates[Math.min(rank, candidates.length - 1)]);
  }
  for (const segment of out) {
    if (Array.isArray(node)) node = node[Number(segment)];
    else if (isPlainObject(node) && Object.hasOwn(node, segment)) node = node[segment];
    else return undefined;
    if (node === undefined) return undefined;
  }
  return out;
}
