// What a benchmark quantity's metric and entity mean, and whether they fit together:
//   a border id ("RS-HU")    a metric of BORDER_METRICS at that border;
//   a route (["RS-HU", …])   a BORDER_METRICS flow summed over the borders;
//   a country ("BA")         a metric of COUNTRY_METRICS;
//   "total"                  a metric of TOTAL_METRICS, or a BORDER_METRICS flow summed over every
//                            border (for `crossings`, `attempts`, … which have no total series).
// Levels (prices, chances, networks: LEVEL_METRICS) are averaged over the days they are defined,
// so they only make sense for one border or country; a share (`shareOf`) divides a border flow by
// the same flow over a set of borders.

import { BORDER_METRICS, COUNTRY_METRICS, LEVEL_METRICS, TOTAL_METRICS } from '../model/result.js';
import type { Quantity } from './types.js';

export type EntityKind = 'border' | 'route' | 'country' | 'total' | 'all-borders';

const has = (list: readonly string[], metric: string) => list.includes(metric);

/** How the quantity reads the run, or a problem message when metric and entity do not fit. */
export function entityKind(q: Quantity): EntityKind | string {
  const level = LEVEL_METRICS.has(q.metric);
  let kind: EntityKind;
  if (Array.isArray(q.entity)) kind = 'route';
  else if (q.entity === 'total') kind = has(TOTAL_METRICS, q.metric) ? 'total' : 'all-borders';
  else if (q.entity.includes('-')) kind = 'border';
  else kind = 'country';
  const borderish = kind === 'border' || kind === 'route' || kind === 'all-borders';
  if (borderish && !has(BORDER_METRICS, q.metric)) {
    const list = kind === 'all-borders' ? 'a total or border metric' : 'a border metric';
    return `"${q.metric}" is not ${list} (${kind === 'all-borders' ? [...TOTAL_METRICS, ...BORDER_METRICS].join(', ') : BORDER_METRICS.join(', ')})`;
  }
  if (kind === 'country' && !has(COUNTRY_METRICS, q.metric)) return `"${q.metric}" is not a country metric (${COUNTRY_METRICS.join(', ')})`;
  if (level && (kind === 'route' || kind === 'all-borders')) return `"${q.metric}" is a level (averaged, not summed): give one border, not a route or "total"`;
  if (q.shareOf !== undefined) {
    if (kind !== 'border' && kind !== 'route') return 'a share (shareOf) needs a border or a route as entity';
    if (level) return `"${q.metric}" is a level: a share of it means nothing`;
  }
  return kind;
}

/** The border ids a quantity reads (entity and shareOf). */
export function quantityBorders(q: Quantity): string[] {
  const out = Array.isArray(q.entity) ? [...q.entity] : q.entity.includes('-') ? [q.entity] : [];
  return [...out, ...(q.shareOf ?? [])];
}

/** A short text: "crossings RS-HR share of RS-HU+RS-HR", "priceEur RS-HU". */
export function describeQuantity(q: Quantity): string {
  const entity = Array.isArray(q.entity) ? q.entity.join('+') : q.entity;
  return q.shareOf ? `${q.metric} ${entity} share of ${q.shareOf.join('+')}` : `${q.metric} ${entity}`;
}
