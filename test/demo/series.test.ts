// The numbers the demo page shows, from the daily rows: exit shares over the last four weeks,
// complete weeks only in the weekly charts, the stranded stock of the last day, totals.

import { describe, expect, it } from 'vitest';
import { rowLayout, type ScenarioMeta } from '../../src/demo/protocol.js';
import { completeWeeks, createRowHistory, exitBeliefs, exitShares, strandedNow, totals, weeklyBeliefs, weeklyExits } from '../../src/demo/app/series.js';

const meta = {
  days: 60,
  borders: ['XA-XB', 'XA-XC', 'XB-XA'],
  exits: [0, 1],
  countries: [
    { code: 'XA', name: 'Alpha', eu: false },
    { code: 'XB', name: 'Beta', eu: true },
  ],
} as unknown as ScenarioMeta;

/** Rows for `days` days: `west` and `east` people cross the two exits each day. */
function rows(days: number, west: (d: number) => number, east: (d: number) => number): Float64Array {
  const L = rowLayout(meta);
  const out = new Float64Array(days * L.length);
  for (let d = 0; d < days; d++) {
    out[d * L.length + L.entered] = 10;
    out[d * L.length + L.deaths] = d === 3 ? 1 : 0;
    out[d * L.length + L.exitCrossings] = west(d);
    out[d * L.length + L.exitCrossings + 1] = east(d);
    out[d * L.length + L.stranded] = d;
  }
  return out;
}

describe('demo page numbers', () => {
  it('exit shares cover the last 28 days', () => {
    const h = createRowHistory(meta);
    h.set(0, rows(40, (d) => (d < 12 ? 9 : 1), () => 1));
    expect(exitShares(h, meta)).toEqual([
      { border: 'XA-XB', crossings: 28, share: 0.5 },
      { border: 'XA-XC', crossings: 28, share: 0.5 },
    ]);
  });

  it('with no crossings every share is 0', () => {
    const h = createRowHistory(meta);
    h.set(0, rows(10, () => 0, () => 0));
    expect(exitShares(h, meta).map((s) => s.share)).toEqual([0, 0]);
  });

  it('weekly charts use complete weeks from day 0; a later frame extends, a replay replaces', () => {
    const h = createRowHistory(meta);
    h.set(0, rows(20, () => 1, () => 3));
    expect(completeWeeks(h)).toBe(2);
    const weeks = weeklyExits(h, meta, 10);
    expect(weeks.map((w) => w.day)).toEqual([6, 6, 13, 13]);
    expect(weeks[2]).toEqual({ day: 13, border: 'XA-XB', crossings: 7, share: 0.25 });
    h.set(20, rows(1, () => 1, () => 1));
    expect(completeWeeks(h)).toBe(3);
    h.set(0, rows(5, () => 1, () => 1));
    expect(h.days).toBe(5);
    expect(completeWeeks(h)).toBe(0);
  });

  it('stranded is the last day’s stock, largest first; totals add up every day', () => {
    const h = createRowHistory(meta);
    h.set(0, rows(30, () => 1, () => 2));
    expect(strandedNow(h, meta)[0]).toEqual({ country: 'XA', name: 'Alpha', people: 29 });
    expect(totals(h)).toMatchObject({ entered: 300, deaths: 1 });
  });

  it('beliefs: the last day’s believed and true chance per exit; weekly means skip days without a belief', () => {
    const h = createRowHistory(meta);
    const L = rowLayout(meta);
    const r = rows(14, () => 1, () => 1);
    for (let d = 0; d < 14; d++) {
      r[d * L.length + L.exitTrueChance] = 0.5;
      r[d * L.length + L.exitTrueChance + 1] = 0.2;
      r[d * L.length + L.exitPerceivedChance] = d < 7 ? NaN : 0.75;
      r[d * L.length + L.exitPerceivedChance + 1] = NaN;
    }
    h.set(0, r);
    expect(exitBeliefs(h, meta)).toEqual([
      { border: 'XA-XB', trueChance: 0.5, perceived: 0.75 },
      { border: 'XA-XC', trueChance: 0.2, perceived: null },
    ]);
    expect(weeklyBeliefs(h, 0, 10)).toEqual([
      { day: 6, kind: 'true', chance: 0.5 },
      { day: 13, kind: 'true', chance: 0.5 },
      { day: 13, kind: 'believed', chance: 0.75 },
    ]);
  });
});
