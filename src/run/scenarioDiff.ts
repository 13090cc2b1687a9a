// The first simulated day on which two compiled scenarios differ: the start of a policy difference
// between the arms of a comparison, from which the adaptation lag is counted (adaptationLag.ts).
//
// Generic over the compiled structure, so new kernel inputs (the smuggler layer) count without a
// change here: dated lists — arrays of objects with a numeric `day`, such as enforcement events,
// smuggler place and dismantle events — differ from the first day whose entries differ (labels
// ignored: a renamed event is the same policy); daily rates (`agentsPerDay`) from the first day
// whose rate differs; any other difference (initial enforcement, network, behaviour) from day 0.
// Top-level `id` and `name` are names, not inputs, and are ignored.

import type { CompiledScenario } from '../model/compiled.js';

const IGNORED_TOP = new Set(['id', 'name']);
const IGNORED_IN_EVENTS = new Set(['label']);

/** Day index of the first difference, or null when the scenarios simulate the same thing. */
export function firstDifferenceDay(a: CompiledScenario, b: CompiledScenario): number | null {
  let first: number | null = null;
  const note = (day: number) => {
    if (first === null || day < first) first = day;
  };
  walk(a, b, '', true, note);
  return first;
}

function isDatedList(x: unknown): x is { day: number }[] {
  return Array.isArray(x) && x.length > 0 && x.every((e) => typeof e === 'object' && e !== null && typeof (e as { day?: unknown }).day === 'number');
}

function walk(x: unknown, y: unknown, key: string, top: boolean, note: (day: number) => void): void {
  if (key === 'agentsPerDay' && Array.isArray(x) && Array.isArray(y) && x.length === y.length) {
    x.forEach((series, s) => {
      const other = y[s] as ArrayLike<number>;
      const rates = series as ArrayLike<number>;
      if (rates.length !== other.length) return note(0);
      for (let d = 0; d < rates.length; d++) if (!same(rates[d], other[d])) return note(d);
    });
    return;
  }
  if ((isDatedList(x) || isDatedList(y)) && Array.isArray(x) && Array.isArray(y)) {
    const byDay = (list: { day: number }[]) => {
      const out = new Map<number, string[]>();
      for (const e of list) out.set(e.day, [...(out.get(e.day) ?? []), canonical(e, IGNORED_IN_EVENTS)]);
      return out;
    };
    const dx = byDay(x as { day: number }[]);
    const dy = byDay(y as { day: number }[]);
    const days = [...new Set([...dx.keys(), ...dy.keys()])].sort((p, q) => p - q);
    for (const d of days) {
      if ((dx.get(d) ?? []).join('\n') !== (dy.get(d) ?? []).join('\n')) return note(d);
    }
    return;
  }
  if (ArrayBuffer.isView(x) || ArrayBuffer.isView(y) || Array.isArray(x) || Array.isArray(y)) {
    const xs = x as ArrayLike<unknown> | undefined;
    const ys = y as ArrayLike<unknown> | undefined;
    if (xs === undefined || ys === undefined || xs === null || ys === null || xs.length !== ys.length) return note(0);
    for (let i = 0; i < xs.length; i++) walk(xs[i], ys[i], '', false, note);
    return;
  }
  if (typeof x === 'object' && x !== null && typeof y === 'object' && y !== null) {
    const keys = new Set([...Object.keys(x), ...Object.keys(y)]);
    for (const k of keys) {
      if (top && IGNORED_TOP.has(k)) continue;
      walk((x as Record<string, unknown>)[k], (y as Record<string, unknown>)[k], k, false, note);
    }
    return;
  }
  if (!same(x, y)) note(0);
}

function same(p: unknown, q: unknown): boolean {
  return p === q || (Number.isNaN(p) && Number.isNaN(q));
}

/** JSON with sorted keys and typed arrays as lists, leaving out `ignored` keys. */
function canonical(value: unknown, ignored: ReadonlySet<string>): string {
  return JSON.stringify(value, function (this: unknown, k: string, v: unknown) {
    if (ignored.has(k)) return undefined;
    if (ArrayBuffer.isView(v)) return Array.from(v as unknown as ArrayLike<number>);
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
      return Object.fromEntries(Object.keys(v).sort().map((key) => [key, (v as Record<string, unknown>)[key]]));
    }
    return v;
  });
}
