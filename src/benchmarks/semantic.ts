// Checks of a schema-valid benchmark file against the scenario it scores, which the schema cannot
// express: unique item ids; borders that some edge of the scenario crosses, countries it has;
// metrics that fit their entity (entities.ts); event ids of the scenario; series periods of the
// declared window, in increasing order; every window inside the scenario's period; monotone values
// in increasing order. Each problem carries the JSON path of the value in the benchmark file.

import { isRealDate } from '../scenarios/dates.js';
import { pointer, type ScenarioProblem } from '../scenarios/errors.js';
import type { Scenario } from '../scenarios/types.js';
import { entityKind, quantityBorders } from './entities.js';
import type { BenchmarkItem, DateWindow, Quantity } from './types.js';
import { directionalWindows, insidePeriod, periodWindow } from './windows.js';

/** Borders ("RS-HU", in the direction of travel) that an edge of the scenario crosses. */
export function crossedBorders(s: Scenario): Set<string> {
  const country = new Map(s.nodes.map((n) => [n.id, n.country]));
  const out = new Set<string>();
  for (const e of s.edges) {
    const a = country.get(e.from);
    const b = country.get(e.to);
    if (a === undefined || b === undefined || a === b) continue;
    out.add(`${a}-${b}`);
    if (e.bidirectional !== false) out.add(`${b}-${a}`);
  }
  return out;
}

export function semanticProblems(items: readonly BenchmarkItem[], s: Scenario, file: string): ScenarioProblem[] {
  const out: ScenarioProblem[] = [];
  const add = (message: string, ...segments: (string | number)[]) => out.push({ file, path: pointer(...segments), message });
  const borders = crossedBorders(s);
  const events = new Map((s.events ?? []).filter((e) => e.id !== undefined).map((e) => [e.id as string, e.date]));
  const { start, end } = s.period;
  const period = `the scenario's period ${start} to ${end}`;

  const checkQuantity = (q: Quantity, ...at: (string | number)[]) => {
    const kind = entityKind(q);
    if (!['border', 'route', 'country', 'total', 'all-borders'].includes(kind)) add(kind, ...at, 'metric');
    if (kind === 'country' && !(String(q.entity) in s.countries)) add(`unknown country "${String(q.entity)}" (not in the scenario's countries)`, ...at, 'entity');
    const entityBorders = Array.isArray(q.entity) ? q.entity : typeof q.entity === 'string' && q.entity.includes('-') ? [q.entity] : [];
    quantityBorders(q).forEach((b, k) => {
      if (borders.has(b)) return;
      const where = k < entityBorders.length ? (Array.isArray(q.entity) ? ['entity', k] : ['entity']) : ['shareOf', k - entityBorders.length];
      add(`unknown border "${b}" (no edge of the scenario crosses from ${b.slice(0, 2)} into ${b.slice(3)})`, ...at, ...where);
    });
  };
  const checkWindow = (w: DateWindow, ...at: (string | number)[]) => {
    const bad = (['from', 'to'] as const).filter((k) => !isRealDate(w[k]));
    for (const k of bad) add('is not a calendar date', ...at, k);
    if (bad.length > 0) return;
    if (w.from > w.to) add(`is before "from" ${w.from}`, ...at, 'to');
    else if (!insidePeriod(w, s.period)) add(`${w.from} to ${w.to} is not inside ${period}`, ...at);
  };

  const ids = new Map<string, number>();
  items.forEach((item, i) => {
    const first = ids.get(item.id);
    if (first !== undefined) add(`duplicate item id "${item.id}" (first: /items/${first})`, 'items', i, 'id');
    else ids.set(item.id, i);
    switch (item.kind) {
      case 'series': {
        checkQuantity(item, 'items', i);
        let previous = '';
        item.points.forEach((p, j) => {
          const w = periodWindow(p.period, item.window);
          if (w === undefined) return add(`must be ${item.window === 'yearly' ? 'a year YYYY' : 'a month YYYY-MM'} (the window is ${item.window})`, 'items', i, 'points', j, 'period');
          if (p.period <= previous) add(`periods must increase (${p.period} after ${previous})`, 'items', i, 'points', j, 'period');
          previous = p.period;
          if (!insidePeriod(w, s.period)) add(`${w.from} to ${w.to} is not inside ${period}`, 'items', i, 'points', j, 'period');
        });
        break;
      }
      case 'directional': {
        checkQuantity(item, 'items', i);
        const date = events.get(item.event);
        if (date === undefined) {
          add(`unknown event "${item.event}" (no event of the scenario has this id)`, 'items', i, 'event');
          break;
        }
        const { before, after } = directionalWindows(item, date);
        if (!insidePeriod(before, s.period)) add(`the ${item.beforeDays ?? item.withinDays} days before ${item.event} (${date}) start before ${start}`, 'items', i, item.beforeDays ? 'beforeDays' : 'withinDays');
        if (!insidePeriod(after, s.period)) add(`the ${item.withinDays} days from ${item.event} (${date}) end after ${end}`, 'items', i, 'withinDays');
        break;
      }
      case 'comparative':
        checkQuantity(item.a, 'items', i, 'a');
        checkQuantity(item.b, 'items', i, 'b');
        checkWindow(item.before, 'items', i, 'before');
        checkWindow(item.after, 'items', i, 'after');
        break;
      case 'monotone':
        checkQuantity(item, 'items', i);
        checkWindow(item.window, 'items', i, 'window');
        item.values.forEach((v, j) => {
          if (j > 0 && !(v > item.values[j - 1])) add(`values must increase (${v} after ${item.values[j - 1]})`, 'items', i, 'values', j);
        });
        break;
      case 'flee':
        break;
    }
  });
  return out;
}
