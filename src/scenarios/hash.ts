// Content hash of a scenario, recorded in every run's manifest so that results can be traced to
// the exact input that produced them.
//
// The hash is taken over the merged scenario (after `extends`), serialised as canonical JSON:
// object keys sorted, no whitespace. Two files that differ only in key order, formatting, or in
// how they are split across an `extends` chain therefore hash the same, while any change of value
// changes the hash. `$schema` is left out: it is an editor hint whose relative path depends on
// where the file lives, not part of the model input.

import { createHash } from 'node:crypto';

/** Canonical JSON: like JSON.stringify without whitespace, but with object keys in sorted order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    // Top-level or array-item undefined/functions serialise as null, as JSON.stringify does.
    return JSON.stringify(value) ?? 'null';
  }
  if (Array.isArray(value)) return '[' + value.map(canonicalJson).join(',') + ']';
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined && typeof v !== 'function')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return '{' + entries.map(([k, v]) => JSON.stringify(k) + ':' + canonicalJson(v)).join(',') + '}';
}

/** SHA-256 (hex) of the canonical JSON of a merged scenario, without its `$schema` hint. */
export function scenarioHash(scenario: object): string {
  const { $schema: _schema, ...content } = scenario as Record<string, unknown>;
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}
