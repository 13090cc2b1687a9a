// Flee's rules on tiny networks whose outcome is exact by construction (move chances 0 or 1, one
// route to choose), as in Flee's own tests: the closure fixture bounces agents back, traps the
// next ones and lets everyone through after reopening; multi-hop days, walking, crossing speeds,
// full camps, markers, conflict timing; conservation; determinism for seeds and threads.

import { describe, expect, it } from 'vitest';
import { runFleeReplicate } from '../../src/model/flee/runFleeReplicate.js';
import { BORDER_METRICS, COUNTRY_METRICS, RUN_SCALARS, TOTAL_METRICS, type ReplicateResult } from '../../src/model/result.js';
import { runReplicate } from '../../src/model/runReplicate.js';
import { aggregateMonteCarlo } from '../../src/run/monteCarlo.js';
import type { FleeRulesSpec } from '../../src/model/flee/spec.js';
import { compileFlee, exactClosureScenario, placeCounts, tinyFleeScenario } from './helpers.js';

const total = (r: ReplicateResult, name: (typeof TOTAL_METRICS)[number]) =>
  Array.from(r.totalDaily.subarray(TOTAL_METRICS.indexOf(name) * r.days, (TOTAL_METRICS.indexOf(name) + 1) * r.days));
const border = (r: ReplicateResult, name: (typeof BORDER_METRICS)[number], b = 0) => {
  const from = (BORDER_METRICS.indexOf(name) * r.borders + b) * r.days;
  return Array.from(r.borderDaily.subarray(from, from + r.days));
};
const scalar = (r: ReplicateResult, name: (typeof RUN_SCALARS)[number]) => r.scalars[RUN_SCALARS.indexOf(name)];

/** Spawn `n` agents on day 0 at the conflict zone, from a total series (no day-0 camp insertion). */
const spawnOnDay0 = (n: number) => ({ refugees: { total: { '2020-01-01': n } }, sum_from_camps: false, insert_day0: false });
// Leave towns and conflict zones at once, never leave camps, never go back towards a conflict
// zone (its score is conflict_weight^1 = 0): one possible history.
const exact = { camp_movechance: 0, default_movechance: 1, conflict_movechance: 1, conflict_weight: 0 };

describe('the closure fixture (exact by construction)', () => {
  // A (conflict zone) —350 km— B (camp), 200 km a day: 3 agents leave on day 0; the link closes
  // on day 1, when they reach its end, so they are bounced back to A (Flee's finish_travel), and
  // the 97 spawned on day 1 find no route; it reopens on day 3 and all 100 arrive on day 4.
  it('bounces agents back, traps the next ones, then lets everyone through', async () => {
    expect(placeCounts(await exactClosureScenario())).toEqual({
      a: [0, 100, 100, 0, 0, 0, 0, 0],
      b: [0, 0, 0, 0, 100, 100, 100, 100],
    });
  });

  it('records the bounce as attempts and pushbacks at the border, and the crossings', async () => {
    const r = runFleeReplicate(compileFlee(await exactClosureScenario()), 1, 0);
    expect(border(r, 'attempts')).toEqual([0, 3, 0, 0, 100, 0, 0, 0]);
    expect(border(r, 'pushbacks')).toEqual([0, 3, 0, 0, 0, 0, 0, 0]);
    expect(border(r, 'crossings')).toEqual([0, 0, 0, 0, 100, 0, 0, 0]);
    expect(total(r, 'entered')).toEqual([3, 97, 0, 0, 0, 0, 0, 0]);
    expect(total(r, 'moving')).toEqual([3, 0, 0, 100, 0, 0, 0, 0]);
    expect(total(r, 'arrivals')).toEqual([0, 0, 0, 0, 100, 0, 0, 0]);
    expect(scalar(r, 'meanTransitDays')).toBeCloseTo((3 * 4 + 97 * 3) / 100, 12);
  });

  it('gives the same outcome when the closure is of the location or of the country border', async () => {
    for (const closure of [
      { type: 'location' as const, from: 'b', start: '2021-06-02', end: '2021-06-04' },
      { type: 'country' as const, from: 'QN', to: 'QM', start: '2021-06-02', end: '2021-06-04' },
    ]) {
      const s = await exactClosureScenario();
      s.rules!.closures = [closure];
      expect(placeCounts(s).b).toEqual([0, 0, 0, 0, 100, 100, 100, 100]);
    }
  });

  it('never lifted: the agents stay where the closure found them', async () => {
    const s = await exactClosureScenario();
    delete s.rules!.closures![0].end;
    expect(placeCounts(s)).toEqual({ a: Array(8).fill(100).fill(0, 0, 1), b: Array(8).fill(0) });
  });
});

describe('travel', () => {
  const line = (speed: number, extra = {}) =>
    tinyFleeScenario(
      [{ id: 'a', kind: 'entry' }, { id: 'b' }, { id: 'c', kind: 'camp' }],
      [
        ['a', 'b', 50],
        ['b', 'c', 100],
      ],
      { ...spawnOnDay0(10), ...exact, max_move_speed: speed, ...extra },
      4,
    );

  it('chains hops within a day while less than a day\'s distance has been moved', () => {
    // 200 km a day: A→B (50 km) leaves 150 km, and B→C (100 km) is reached the same day.
    expect(placeCounts(line(200)).c).toEqual([10, 10, 10, 10]);
  });

  it('arrives only when the distance is exceeded, as in Flee', () => {
    // 100 km a day: A→B on day 0; on B→C 100 km is not more than 100 km, so C on day 1.
    const counts = placeCounts(line(100));
    expect(counts.c).toEqual([0, 10, 10, 10]);
    expect(counts.b).toEqual([0, 0, 0, 0]);
  });

  it('walks the first link with start_on_foot', () => {
    // 35 km a day on foot: A→B (50 km) takes until day 1, then B→C by vehicle the same day.
    const counts = placeCounts(line(200, { start_on_foot: true }));
    expect(counts.c).toEqual([0, 10, 10, 10]);
  });

  it('uses the walking speed on foot links and the crossing speed on boat links', () => {
    const s = (mode: 'foot' | 'boat') =>
      tinyFleeScenario([{ id: 'a', kind: 'entry' }, { id: 'c', kind: 'camp' }], [['a', 'c', 50, mode]], { ...spawnOnDay0(5), ...exact, max_crossing_speed: 20 }, 4);
    expect(placeCounts(s('foot')).c).toEqual([0, 5, 5, 5]); // 35, 70 > 50
    expect(placeCounts(s('boat')).c).toEqual([0, 0, 5, 5]); // 20, 40, 60 > 50
  });

  it('takes a link\'s max_move_speed over the default', () => {
    const s = tinyFleeScenario([{ id: 'a', kind: 'entry' }, { id: 'c', kind: 'camp' }], [['a', 'c', 300]], { ...spawnOnDay0(5), ...exact }, 3);
    s.edges[0].id = 'slow';
    s.rules!.links = { slow: { max_move_speed: 100 } };
    expect(placeCounts(s).c).toEqual([0, 0, 0]);
    s.rules!.links.slow.max_move_speed = 301;
    expect(placeCounts(s).c).toEqual([5, 5, 5]);
  });
});

describe('choice', () => {
  it('avoids a full camp: its capacity multiplier is 0', () => {
    // Camp C1 starts with 10 people (insert_day0) and holds 10: everyone goes to C2.
    const s = tinyFleeScenario(
      [{ id: 'a', kind: 'entry' }, { id: 'c1', kind: 'camp', capacity: 10 }, { id: 'c2', kind: 'camp' }],
      [
        ['a', 'c1', 50],
        ['a', 'c2', 50],
      ],
      { ...exact, refugees: { camps: { c1: { '2020-01-01': 10, '2020-01-02': 40 } } } },
      3,
    );
    const counts = placeCounts(s);
    expect(counts.c1).toEqual([10, 10, 10]);
    expect(counts.c2).toEqual([0, 30, 30]);
  });

  it('routes through a marker to the place behind it (awareness 1 does not count the marker)', () => {
    const s = tinyFleeScenario(
      [{ id: 'a', kind: 'entry' }, { id: 'm' }, { id: 'c', kind: 'camp' }],
      [
        ['a', 'm', 30],
        ['m', 'c', 30],
      ],
      { ...spawnOnDay0(7), ...exact, locations: { m: { type: 'marker' } } },
      2,
    );
    expect(placeCounts(s)).toEqual({ a: [0, 0], m: [0, 0], c: [7, 7] });
  });

  it('follows a planned route without a new move test at each stop (awareness 2)', () => {
    // default_movechance 0: nobody decides to leave B (Flee even makes it a camp, as it does with
    // any place left less than 0.5% of days), but a route planned at A through B goes on.
    const s = tinyFleeScenario(
      [{ id: 'a', kind: 'entry' }, { id: 'b' }, { id: 'c', kind: 'camp' }],
      [
        ['a', 'b', 150],
        ['b', 'c', 150],
      ],
      { ...spawnOnDay0(40), camp_movechance: 0, default_movechance: 0, awareness_level: 2, weight_power: 0, max_move_speed: 200 },
      3,
    );
    // weight_power 0 makes both routes from A (to B; to C through B) equally likely. Those bound
    // for C pass B on day 0 and arrive the same day; the others stay at B.
    const counts = placeCounts(s);
    for (let d = 0; d < 3; d++) expect(counts.b[d] + counts.c[d]).toBe(40);
    expect(counts.c[0]).toBeGreaterThan(5);
    expect(counts.b[0]).toBeGreaterThan(5);
  });
});

describe('conflicts and spawning', () => {
  it('spawns the day-on-day increase of the total at conflict zones once their conflict begins', () => {
    const s = tinyFleeScenario([{ id: 'a', kind: 'entry' }, { id: 'b', kind: 'camp' }], [['a', 'b', 5000]], {
      insert_day0: false,
      sum_from_camps: false,
      refugees: { total: { '2020-01-01': 0, '2020-01-11': 100 } },
      conflicts: { a: { '2020-01-04': 1 } },
    });
    const r = runFleeReplicate(compileFlee(s), 1, 0);
    // 10 a day from day 1; nobody is spawned before A's conflict begins on day 3.
    expect(total(r, 'entered')).toEqual([0, 0, 0, 10, 10, 10, 10, 10, 10, 10]);
  });

  it('spawns at conflict zones in proportion to population × intensity, equally without populations', () => {
    const zones = (locations: FleeRulesSpec['locations'], conflicts?: FleeRulesSpec['conflicts']) =>
      placeCounts(
        tinyFleeScenario([{ id: 'a', kind: 'entry' }, { id: 'b', kind: 'entry' }, { id: 'c', kind: 'camp' }], [['a', 'c', 5000], ['b', 'c', 5000]], {
          ...spawnOnDay0(8000),
          conflict_movechance: 0.5,
          locations,
          conflicts,
        }, 1),
      );
    // Half of them set off on day 0 (conflict_movechance 0.5); those still at the zones show the split.
    const share = (c: Record<string, number[]>) => c.a[0] / (c.a[0] + c.b[0]);
    expect(share(zones({ a: { population: 1000 }, b: { population: 3000 } }))).toBeCloseTo(0.25, 1);
    expect(share(zones({ a: { population: 1000 }, b: { population: 1000 } }, { a: { '2020-01-01': 0.5 }, b: { '2020-01-01': 1 } }))).toBeCloseTo(1 / 3, 1);
    expect(share(zones({}))).toBeCloseTo(0.5, 1);
  });

  it('conserves people: every spawned agent is at a place or on a link every day', async () => {
    const { importFixture } = await import('./helpers.js');
    const { scenario } = await importFixture('tiny');
    const compiled = compileFlee(scenario);
    const r = runFleeReplicate(compiled, 3, 0);
    const entered = total(r, 'entered');
    const moving = total(r, 'moving');
    const waiting = total(r, 'waiting');
    const present = (day: number) =>
      compiled.network.countryIds.reduce((s, _, c) => s + r.countryDaily[(COUNTRY_METRICS.indexOf('present') * r.countries + c) * r.days + day], 0);
    let cumulative = 0;
    for (let d = 0; d < r.days; d++) {
      cumulative += entered[d];
      expect(moving[d] + waiting[d]).toBe(cumulative);
      expect(present(d)).toBe(cumulative);
    }
  });
});

describe('determinism', () => {
  it('same seed, same bytes; another seed, another history', async () => {
    const { importFixture } = await import('./helpers.js');
    const compiled = compileFlee((await importFixture('tiny')).scenario);
    const a = runFleeReplicate(compiled, 5, 2);
    const b = runFleeReplicate(compiled, 5, 2);
    const c = runFleeReplicate(compiled, 6, 2);
    expect(b.countryDaily).toEqual(a.countryDaily);
    expect(b.borderDaily).toEqual(a.borderDaily);
    expect(b.scalars).toEqual(a.scalars);
    expect(c.countryDaily).not.toEqual(a.countryDaily);
  });

  it('runReplicate dispatches to the Flee stepper', async () => {
    const compiled = compileFlee(await exactClosureScenario());
    expect(runReplicate(compiled, 1, 0)).toEqual(runFleeReplicate(compiled, 1, 0));
  });

  it('gives the same summary and series on 1 and 2 worker threads', async () => {
    const { importFixture } = await import('./helpers.js');
    const compiled = compileFlee((await importFixture('tiny')).scenario);
    const outputs = async (threads: number) => {
      const batch = await aggregateMonteCarlo(compiled, { runs: 4, seed: 9, threads });
      return [JSON.stringify(batch.summary.summary({ seed: 9, runs: batch.runs })), batch.series!.toCsv()];
    };
    expect(await outputs(2)).toEqual(await outputs(1));
  });
});
