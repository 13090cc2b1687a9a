// The page's memory of the run: every simulated day's row (protocol.ts rowLayout), kept in one
// typed array as frames arrive, and the derived numbers the panels show: exit shares over the last
// four weeks, weekly crossings, the stranded stock by country, cumulative deaths and injuries, the
// smugglers' price. Pure (no DOM), so the numbers in the page are easy to check.

import { rowLayout, type RowLayout, type ScenarioMeta } from '../protocol.js';

/** Days that make one point of the weekly charts and the window of the exit-share numbers. */
export const WEEK = 7;
export const SHARE_WINDOW_DAYS = 28;

export interface RowHistory {
  readonly layout: RowLayout;
  /** Days held: rows for days [0, days). */
  readonly days: number;
  /** Put rows for days [fromDay, fromDay + rows/length); days after them are forgotten. */
  set(fromDay: number, rows: Float64Array): void;
  value(day: number, column: number): number;
  /** Sum of a column over days [from, to). */
  sum(column: number, from: number, to: number): number;
}

export function createRowHistory(meta: ScenarioMeta): RowHistory {
  const layout = rowLayout(meta);
  const data = new Float64Array(meta.days * layout.length);
  let days = 0;
  return {
    layout,
    get days() {
      return days;
    },
    set(fromDay, rows) {
      const n = rows.length / layout.length;
      data.set(rows, fromDay * layout.length);
      days = fromDay + n;
    },
    value: (day, column) => data[day * layout.length + column],
    sum(column, from, to) {
      let s = 0;
      for (let d = Math.max(0, from); d < Math.min(to, days); d++) s += data[d * layout.length + column];
      return s;
    },
  };
}

export interface ExitShare {
  border: string;
  /** People who crossed in the window. */
  crossings: number;
  /** Share of all exit crossings in the window, 0 when nobody crossed. */
  share: number;
}

/** Each exit's share of the crossings out of the region over the last `windowDays` days. */
export function exitShares(h: RowHistory, meta: ScenarioMeta, windowDays = SHARE_WINDOW_DAYS): ExitShare[] {
  const to = h.days;
  const counts = meta.exits.map((_, k) => h.sum(h.layout.exitCrossings + k, to - windowDays, to));
  const total = counts.reduce((a, b) => a + b, 0);
  return meta.exits.map((b, k) => ({ border: meta.borders[b], crossings: counts[k], share: total > 0 ? counts[k] / total : 0 }));
}

/** Complete weeks counted from day 0 (so a week's numbers never change once it is drawn). */
export function completeWeeks(h: RowHistory): number {
  return Math.floor(h.days / WEEK);
}

/** The last `weeks` complete weeks, oldest first, as [from, to) day ranges. */
export function weekRanges(h: RowHistory, weeks: number): [number, number][] {
  const out: [number, number][] = [];
  for (let to = completeWeeks(h) * WEEK; to > 0 && out.length < weeks; to -= WEEK) out.push([to - WEEK, to]);
  return out.reverse();
}

/** Per week and exit: crossings, and each exit's share of the four weeks up to that week's end. */
export function weeklyExits(h: RowHistory, meta: ScenarioMeta, weeks: number): { day: number; border: string; crossings: number; share: number | null }[] {
  const rows: { day: number; border: string; crossings: number; share: number | null }[] = [];
  for (const [from, to] of weekRanges(h, weeks)) {
    const window = meta.exits.map((_, k) => h.sum(h.layout.exitCrossings + k, to - SHARE_WINDOW_DAYS, to));
    const total = window.reduce((a, b) => a + b, 0);
    meta.exits.forEach((b, k) => {
      rows.push({
        day: to - 1,
        border: meta.borders[b],
        crossings: h.sum(h.layout.exitCrossings + k, from, to),
        share: total > 0 ? window[k] / total : null,
      });
    });
  }
  return rows;
}

/** People stranded in each country at the end of the last day held, largest first. */
export function strandedNow(h: RowHistory, meta: ScenarioMeta): { country: string; name: string; people: number }[] {
  if (h.days === 0) return [];
  const last = h.days - 1;
  return meta.countries
    .map((c, k) => ({ country: c.code, name: c.name, people: h.value(last, h.layout.stranded + k) }))
    .sort((a, b) => b.people - a.people);
}

/** Totals since the start. */
export function totals(h: RowHistory): { entered: number; arrivals: number; deaths: number; injuries: number; pushbacks: number; attempts: number } {
  const L = h.layout;
  const all = (c: number) => h.sum(c, 0, h.days);
  return {
    entered: all(L.entered),
    arrivals: all(L.arrivals),
    deaths: all(L.deaths),
    injuries: all(L.injuries),
    pushbacks: all(L.pushbacks),
    attempts: all(L.attempts),
  };
}

/** Exit crossings since the start, all exits together. */
export function exitCrossingsTotal(h: RowHistory, meta: ScenarioMeta): number {
  return meta.exits.reduce((s, _, k) => s + h.sum(h.layout.exitCrossings + k, 0, h.days), 0);
}

/** Weekly deaths and injuries. */
export function weeklyHarm(h: RowHistory, weeks: number): { day: number; kind: string; people: number }[] {
  return weekRanges(h, weeks).flatMap(([from, to]) => [
    { day: to - 1, kind: 'injuries', people: h.sum(h.layout.injuries, from, to) },
    { day: to - 1, kind: 'deaths', people: h.sum(h.layout.deaths, from, to) },
  ]);
}

/** Weekly mean of each exit's smuggling price over the days it was quoted (no row when none was). */
export function weeklyPrice(h: RowHistory, meta: ScenarioMeta, weeks: number): { day: number; border: string; priceEur: number }[] {
  const out: { day: number; border: string; priceEur: number }[] = [];
  for (const [from, to] of weekRanges(h, weeks)) {
    meta.exits.forEach((b, k) => {
      let sum = 0;
      let n = 0;
      for (let d = from; d < to; d++) {
        const v = h.value(d, h.layout.exitPriceEur + k);
        if (v > 0) {
          sum += v;
          n++;
        }
      }
      if (n > 0) out.push({ day: to - 1, border: meta.borders[b], priceEur: sum / n });
    });
  }
  return out;
}

/** The latest quoted price per exit (EUR), or null when the exit has no smuggler. */
export function latestPrice(h: RowHistory, meta: ScenarioMeta): { border: string; priceEur: number | null }[] {
  return meta.exits.map((b, k) => {
    for (let d = h.days - 1; d >= Math.max(0, h.days - WEEK); d--) {
      const v = h.value(d, h.layout.exitPriceEur + k);
      if (v > 0) return { border: meta.borders[b], priceEur: v };
    }
    return { border: meta.borders[b], priceEur: null };
  });
}

/** Chance of getting through alone at each exit on the last day held: the truth, and what the
 * people in the exit's country believe (null without beliefs or without people there). */
export function exitBeliefs(h: RowHistory, meta: ScenarioMeta): { border: string; trueChance: number; perceived: number | null }[] {
  if (h.days === 0) return [];
  const last = h.days - 1;
  return meta.exits.map((b, k) => {
    const perceived = h.value(last, h.layout.exitPerceivedChance + k);
    return { border: meta.borders[b], trueChance: h.value(last, h.layout.exitTrueChance + k), perceived: Number.isNaN(perceived) ? null : perceived };
  });
}

/** Weekly mean of the true and the believed chance at exit k (a row per kind and week that has it). */
export function weeklyBeliefs(h: RowHistory, k: number, weeks: number): { day: number; kind: 'true' | 'believed'; chance: number }[] {
  const out: { day: number; kind: 'true' | 'believed'; chance: number }[] = [];
  for (const [from, to] of weekRanges(h, weeks)) {
    for (const [kind, column] of [['true', h.layout.exitTrueChance + k], ['believed', h.layout.exitPerceivedChance + k]] as const) {
      let sum = 0;
      let n = 0;
      for (let d = from; d < to; d++) {
        const v = h.value(d, column);
        if (!Number.isNaN(v)) {
          sum += v;
          n++;
        }
      }
      if (n > 0) out.push({ day: to - 1, kind, chance: sum / n });
    }
  }
  return out;
}
