// How the page writes dates, numbers and names: the date as a person reads it, whole numbers with
// thousands separators, shares in whole percent, borders by their countries' names.

import { isoDay } from '../../scenarios/dates.js';
import type { ScenarioMeta } from '../protocol.js';

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const shortDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const whole = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

/** The calendar date of day `day` of the scenario (day 0 is its start). */
export function dayDate(meta: ScenarioMeta, day: number): Date {
  return new Date(`${isoDay(meta.startDate, day)}T00:00:00Z`);
}

export function longDate(meta: ScenarioMeta, day: number): string {
  return dateFormat.format(dayDate(meta, day));
}

export function shortDateOf(meta: ScenarioMeta, day: number): string {
  return shortDate.format(dayDate(meta, day));
}

export function people(n: number): string {
  return whole.format(Math.round(n));
}

export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

export function countryName(meta: ScenarioMeta, code: string): string {
  return meta.countries.find((c) => c.code === code)?.name ?? code;
}

/** "Serbia → Hungary" for RS-HU. */
export function borderName(meta: ScenarioMeta, border: string): string {
  return `${countryName(meta, border.slice(0, 2))} → ${countryName(meta, border.slice(3))}`;
}

/** A place's name without the explanation in brackets: "Istanbul (where people gather …)" → "Istanbul". */
export function shortPlace(name: string): string {
  return name.replace(/\s*\(.*$/, '').split(' / ')[0];
}
