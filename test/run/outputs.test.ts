// summary.json and series.csv built from three hand-made replicate results over a minimal
// scenario (3 days from 2015-12-30, so dates cross a year end; borders GR-MK inside the region and
// two exits RS-HU and RS-HR), with every expected number worked out by hand.
import { describe, expect, it } from 'vitest';
import type { CompiledScenario } from '../../src/model/compiled.js';
import {
  BORDER_METRICS,
  COUNTRY_METRICS,
  RUN_SCALARS,
  TOTAL_METRICS,
  type ReplicateResult,
} from '../../src/model/result.js';
import { buildSeriesCsv, formatNumber, SERIES_HEADER, SeriesAccumulator } from '../../src/run/series.js';
import { buildSummary } from '../../src/run/summary.js';

const DAYS = 3;
const borderIds = ['GR-MK', 'RS-HU', 'RS-HR'];
const countryIds = ['GR', 'MK', 'RS'];
const compiled = {
  id: 'fake',
  startDate: '2015-12-30',
  days: DAYS,
  peoplePerAgent: 10,
  network: { borderIds, borderIsExit: new Uint8Array([0, 1, 1]), countryIds },
} as unknown as CompiledScenario;

type Daily = Record<string, Record<string, number[]>>;

/** A result from daily values given as {metric: {entity: [day0, day1, day2]}}; the rest is 0. */
function fake(replicate: number, border: Daily, country: Daily, total: Record<string, number[]>, scalars: Record<string, number>): ReplicateResult {
  const fill = (metrics: readonly string[], ids: readonly string[], data: Daily): Float64Array => {
    const out = new Float64Array(metrics.length * ids.length * DAYS);
    metrics.forEach((m, mi) => ids.forEach((id, e) => data[m]?.[id]?.forEach((v, d) => (out[(mi * ids.length + e) * DAYS + d] = v))));
    return out;
  };
  return {
    replicate,
    days: DAYS,
    borders: borderIds.length,
    countries: countryIds.length,
    borderDaily: fill(BORDER_METRICS, borderIds, border),
    countryDaily: fill(COUNTRY_METRICS, countryIds, country),
    totalDaily: fill(TOTAL_METRICS, ['total'], Object.fromEntries(Object.entries(total).map(([m, v]) => [m, { total: v }]))),
    scalars: Float64Array.from(RUN_SCALARS, (k) => scalars[k] ?? 0),
  };
}

// Period totals per run: RS-HU crossings 6, 2, 0; RS-HR crossings 2, 6, 0 → exit shares
// (0.75, 0.25), (0.25, 0.75) and undefined in run 2 (no exit crossings at all).
const results = [
  fake(
    0,
    {
      attempts: { 'GR-MK': [5, 6, 7], 'RS-HU': [4, 4, 4], 'RS-HR': [1, 1, 2] },
      crossings: { 'GR-MK': [5, 5, 5], 'RS-HU': [1, 2, 3], 'RS-HR': [0, 1, 1] },
      detectionsRecorded: { 'RS-HU': [0.5, 0.5, 0.5] },
    },
    { present: { GR: [1, 2, 100] }, stranded: { RS: [99, 99, 10] } },
    { entered: [7, 8, 9] },
    { entered: 1234567, meanTransitDays: 20, agentSteps: 1e6 },
  ),
  fake(
    1,
    {
      attempts: { 'RS-HU': [3, 3, 3], 'RS-HR': [2, 2, 2] },
      crossings: { 'GR-MK': [5, 5, 5], 'RS-HU': [0, 0, 2], 'RS-HR': [2, 2, 2] },
    },
    { present: { GR: [1, 2, 200] }, stranded: { RS: [99, 99, 20] } },
    { entered: [1, 2, 3] },
    { entered: 1234567, meanTransitDays: 30, agentSteps: 2e6 },
  ),
  fake(
    2,
    { attempts: { 'RS-HU': [1, 0, 0] }, crossings: { 'GR-MK': [5, 5, 5] } },
    { present: { GR: [1, 2, 300] }, stranded: { RS: [99, 99, 40] } },
    {},
    { entered: 1234567, meanTransitDays: NaN, agentSteps: 3e6 },
  ),
];

const summary = buildSummary(compiled, results, { seed: 7, runs: 3 });
const zero = { mean: 0, ciLow: 0, ciHigh: 0, sd: 0, p05: 0, p50: 0, p95: 0 };

describe('buildSummary', () => {
  it('heads the summary with scenario, period (end = start + days − 1, across a year end) and run facts', () => {
    expect(Object.keys(summary)).toEqual(['scenario', 'period', 'seed', 'runs', 'peoplePerAgent', 'totals', 'borders', 'countries']);
    expect(summary.scenario).toBe('fake');
    expect(summary.period).toEqual({ start: '2015-12-30', end: '2016-01-01' });
    expect([summary.seed, summary.runs, summary.peoplePerAgent]).toEqual([7, 3, 10]);
  });

  it('totals: every run scalar but agentSteps, rounded to 6 significant digits, NaN runs left out', () => {
    expect(Object.keys(summary.totals)).toEqual(RUN_SCALARS.filter((k) => k !== 'agentSteps'));
    expect(summary.totals.entered).toEqual({ mean: 1234570, ciLow: 1234570, ciHigh: 1234570, sd: 0, p05: 1234570, p50: 1234570, p95: 1234570 });
    expect(summary.totals.meanTransitDays).toEqual({ mean: 25, ciLow: -38.531, ciHigh: 88.531, sd: 7.07107, p05: 20.5, p50: 25, p95: 29.5 });
    expect(summary.totals.deaths).toEqual(zero);
  });

  it('an exit border: period totals, attempts per crossing and exit share', () => {
    expect(summary.borders['RS-HU']).toMatchObject({
      attempts: { mean: 7.33333, ciLow: -6.79207, ciHigh: 21.4587, sd: 5.68624, p05: 1.8, p50: 9, p95: 11.7 }, // 12, 9, 1
      crossings: { mean: 2.66667, ciLow: -4.9225, ciHigh: 10.2558, sd: 3.05505, p05: 0.2, p50: 2, p95: 5.6 }, // 6, 2, 0
      detections: zero,
      detectionsRecorded: { mean: 0.5, ciLow: -1.65133, ciHigh: 2.65133, sd: 0.866025, p05: 0, p50: 0, p95: 1.35 }, // 1.5, 0, 0
      pushbacks: zero,
      injuries: zero,
      deaths: zero,
      attemptsPerCrossing: { mean: 3.25, ciLow: -12.6328, ciHigh: 19.1328, sd: 1.76777, p05: 2.125, p50: 3.25, p95: 4.375 }, // 2, 4.5, —
      exitShare: { mean: 0.5, ciLow: -2.67655, ciHigh: 3.67655, sd: 0.353553, p05: 0.275, p50: 0.5, p95: 0.725 }, // 0.75, 0.25, —
    });
    expect(summary.borders['RS-HU'].smuggledShare).toEqual(zero);
    expect(summary.borders['RS-HU'].meanPriceEur.mean).toBeNull();
    expect(summary.borders['RS-HR'].exitShare).toEqual(summary.borders['RS-HU'].exitShare);
    expect(summary.borders['RS-HR'].attemptsPerCrossing).toEqual({ mean: 1.5, ciLow: -4.8531, ciHigh: 7.8531, sd: 0.707107, p05: 1.05, p50: 1.5, p95: 1.95 }); // 2, 1, —
  });

  it('a border inside the region has no exitShare; borders keep compiled order', () => {
    expect(Object.keys(summary.borders)).toEqual(borderIds);
    expect(summary.borders['GR-MK'].crossings).toEqual({ mean: 15, ciLow: 15, ciHigh: 15, sd: 0, p05: 15, p50: 15, p95: 15 });
    expect(summary.borders['GR-MK'].attemptsPerCrossing).toEqual({ mean: 0.4, ciLow: -1.32106, ciHigh: 2.12106, sd: 0.69282, p05: 0, p50: 0, p95: 1.08 }); // 1.2, 0, 0
    expect('exitShare' in summary.borders['GR-MK']).toBe(false);
    expect(Object.keys(summary.borders['GR-MK'])).toEqual([...BORDER_METRICS, 'attemptsPerCrossing', 'smuggledShare', 'meanPriceEur']);
  });

  it('countries: the last day of the stocks', () => {
    expect(Object.keys(summary.countries)).toEqual(countryIds);
    expect(summary.countries.GR.presentEnd).toEqual({ mean: 200, ciLow: -48.4138, ciHigh: 448.414, sd: 100, p05: 110, p50: 200, p95: 290 });
    expect(summary.countries.RS.strandedEnd).toEqual({ mean: 23.3333, ciLow: -14.6125, ciHigh: 61.2792, sd: 15.2753, p05: 11, p50: 20, p95: 38 });
    expect(summary.countries.MK).toEqual({ strandedEnd: zero, presentEnd: zero });
  });

  it('gives nulls for a share no run defines', () => {
    const s = buildSummary(compiled, [results[2]], { seed: 7, runs: 1 });
    expect(s.borders['RS-HU'].exitShare).toEqual({ mean: null, ciLow: null, ciHigh: null, sd: null, p05: null, p50: null, p95: null });
  });

  it('identical inputs give identical JSON bytes', () => {
    const copies = results.map((r) => ({
      ...r,
      borderDaily: r.borderDaily.slice(),
      countryDaily: r.countryDaily.slice(),
      totalDaily: r.totalDaily.slice(),
      scalars: r.scalars.slice(),
    }));
    const again = JSON.stringify(buildSummary(compiled, copies, { seed: 7, runs: 3 }), null, 2);
    expect(again).toBe(JSON.stringify(summary, null, 2));
  });

  it('rejects results that do not fit the scenario', () => {
    expect(() => buildSummary(compiled, results, { seed: 7, runs: 2 })).toThrow(/runs is 2/);
    const wrong = { ...results[0], days: 2 };
    expect(() => buildSummary(compiled, [wrong], { seed: 7, runs: 1 })).toThrow(/replicate 0/);
  });
});

describe('buildSeriesCsv', () => {
  const csv = buildSeriesCsv(compiled, results);
  const lines = csv.split('\n');

  it('has the header, one row per metric × entity × day and a trailing newline', () => {
    expect(lines[0]).toBe(SERIES_HEADER);
    expect(lines[0]).toBe('metric,entity,date,mean,p05,p50,p95');
    const rows = (BORDER_METRICS.length * 3 + COUNTRY_METRICS.length * 3 + TOTAL_METRICS.length) * DAYS;
    expect(lines).toHaveLength(1 + rows + 1);
    expect(lines.at(-1)).toBe('');
    expect(lines[1]).toBe('attempts,GR-MK,2015-12-30,1.66667,0,0,4.5'); // 5, 0, 0
    expect(lines.at(-2)).toBe(`${TOTAL_METRICS.at(-1)},total,2016-01-01,0,0,0,0`);
  });

  it('rows hold the stats across runs of that day', () => {
    expect(lines).toContain('crossings,RS-HU,2015-12-30,0.333333,0,0,0.9'); // 1, 0, 0
    expect(lines).toContain('crossings,RS-HU,2016-01-01,1.66667,0.2,2,2.9'); // 3, 2, 0
    expect(lines).toContain('present,GR,2016-01-01,200,110,200,290');
    expect(lines).toContain('entered,total,2015-12-31,3.33333,0.2,2,7.4'); // 8, 2, 0
  });

  it('is identical for identical input', () => {
    expect(buildSeriesCsv(compiled, results)).toBe(csv);
  });

  it('as bytes has every row, also when long numbers outgrow the first buffer', () => {
    // Every cell 1234.56789 (or NaN: missing) in two runs: rows far longer than "0,0,0,0".
    const long = (replicate: number) => {
      const r = fake(replicate, {}, {}, {}, {});
      for (const a of [r.borderDaily, r.countryDaily, r.totalDaily]) a.fill(1234.56789 + replicate);
      r.borderDaily[0] = NaN; // attempts, GR-MK, first day: missing in both runs
      return r;
    };
    const acc = new SeriesAccumulator(compiled);
    acc.add(long(0));
    acc.add(long(1));
    const rows = new TextDecoder().decode(acc.toCsvBytes()).split('\n');
    expect(rows).toHaveLength(lines.length);
    expect(rows.at(-1)).toBe('');
    // Every row, not only the first and last: a byte lost or doubled where the buffer grew shows.
    const expected = lines.slice(1, -1).map((row, i) => `${row.split(',').slice(0, 3).join(',')},${i === 0 ? ',,,' : '1235.07,1234.62,1235.07,1235.52'}`);
    expect(rows.slice(1, -1)).toEqual(expected);
    expect(rows[1]).toBe('attempts,GR-MK,2015-12-30,,,,');
  });
});

describe('formatNumber', () => {
  it(' is compact and blank for null', () => {
    expect(formatNumber(null)).toBe('');
    expect(formatNumber(0.000123456789)).toBe('0.000123457');
    expect(formatNumber(1234567)).toBe('1234570');
    expect(formatNumber(2.5)).toBe('2.5');
  });
});
