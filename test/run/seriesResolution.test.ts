// --series-resolution: calendar weeks and months (partial at the ends), each metric reduced by its
// kind (flows summed, stocks and levels averaged), and series.csv's statistics taken across the
// replicates' own period values; the report reads such a file back as days.
import { describe, expect, it } from 'vitest';
import { BORDER_METRICS, COUNTRY_METRICS, TOTAL_METRICS } from '../../src/model/result.js';
import { runMonteCarlo } from '../../src/run/monteCarlo.js';
import { SeriesAccumulator } from '../../src/run/series.js';
import { metricKind, parseSeriesResolution, periodDates, periodStarts, reduceToPeriods } from '../../src/run/seriesResolution.js';
import { describe as describeValues, roundSignificant } from '../../src/run/stats.js';
import { parseSeriesCsv } from '../../src/report/seriesTable.js';
import { compileScenario } from '../../src/scenarios/compile.js';
import { lineScenario } from '../fixtures/scenarios.js';

describe('periods', () => {
  it('are ISO weeks from Monday and calendar months, partial at both ends', () => {
    // 2020-01-01 is a Wednesday; 40 days run to 2020-02-09 (a Sunday).
    const weeks = periodStarts('2020-01-01', 40, 'week');
    expect([...weeks]).toEqual([0, 5, 12, 19, 26, 33, 40]);
    expect(periodDates('2020-01-01', weeks)).toEqual(['2020-01-01', '2020-01-06', '2020-01-13', '2020-01-20', '2020-01-27', '2020-02-03']);
    const months = periodStarts('2020-01-15', 60, 'month');
    expect([...months]).toEqual([0, 17, 46, 60]);
    expect(periodDates('2020-01-15', months)).toEqual(['2020-01-15', '2020-02-01', '2020-03-01']);
    expect([...periodStarts('2020-01-01', 3, 'day')]).toEqual([0, 1, 2, 3]);
    expect(() => parseSeriesResolution('fortnight')).toThrow(/day, week, month/);
  });

  it('reduce flows to sums, stocks to means, levels to the mean of their non-zero days', () => {
    const starts = Int32Array.of(0, 2, 5);
    const daily = Float64Array.of(1, 2, 3, NaN, 5, /* stock */ 10, 20, 30, 40, 50, /* level */ 0, 0, 7, 0, 9);
    const out = reduceToPeriods(daily, ['flow', 'stock', 'level'], 5, starts);
    expect([...out]).toEqual([3, 8, 15, 40, 0, 8]);
    expect([...reduceToPeriods(Float64Array.of(NaN, NaN, 1), ['flow'], 3, Int32Array.of(0, 2, 3))]).toEqual([NaN, 1]);
  });

  it('has a kind for every series metric, as docs/outputs.md lists them', () => {
    for (const m of [...BORDER_METRICS, ...COUNTRY_METRICS, ...TOTAL_METRICS]) expect(['flow', 'stock', 'level']).toContain(metricKind(m));
    expect(['crossings', 'present', 'moving', 'priceEur', 'networksActive', 'gaveUp'].map(metricKind)).toEqual(['flow', 'stock', 'stock', 'level', 'level', 'flow']);
  });
});

describe('series.csv by week and month', () => {
  const compiled = compileScenario(lineScenario(600));
  const results = runMonteCarlo(compiled, { runs: 12, seed: 4 }).then((r) => r.results);
  const csvOf = async (resolution: 'day' | 'week' | 'month', exactRuns?: number) => {
    const acc = new SeriesAccumulator(compiled, { resolution, exactRuns });
    for (const r of await results) acc.add(r);
    return acc.toCsv();
  };
  const rowsOf = (csv: string) => csv.trimEnd().split('\n').slice(1).map((l) => l.split(','));

  it('has one row per metric, entity and week, with statistics of the runs’ weekly values', async () => {
    const rows = rowsOf(await csvOf('week'));
    // 2020-01-01 … 2020-03-31: 14 periods (a 5-day first week, 12 full weeks, a 2-day last one).
    const periods = periodStarts(compiled.startDate, compiled.days, 'week').length - 1;
    expect(periods).toBe(14);
    const cells = BORDER_METRICS.length + COUNTRY_METRICS.length * 2 + TOTAL_METRICS.length;
    expect(rows).toHaveLength(cells * periods);
    // The weekly arrivals of week 2 (days 5–11), across runs, from the daily arrays.
    const arrivals = TOTAL_METRICS.indexOf('arrivals');
    const weekly = (await results).map((r) => {
      let sum = 0;
      for (let d = 5; d < 12; d++) sum += r.totalDaily[arrivals * compiled.days + d];
      return sum;
    });
    const expected = describeValues(weekly);
    const row = rows.find((r) => r[0] === 'arrivals' && r[2] === '2020-01-06');
    expect(row?.slice(3).map(Number)).toEqual([expected.mean, expected.p05, expected.p50, expected.p95].map((v) => roundSignificant(v as number)));
  });

  it('the report reads weekly and monthly files as days: flows as rates per day, stocks held', async () => {
    const daily = parseSeriesCsv(await csvOf('day'));
    for (const resolution of ['week', 'month'] as const) {
      const table = parseSeriesCsv(await csvOf(resolution), '2020-03-31');
      expect(table.resolution).toBe(resolution);
      expect(table.dates).toEqual(daily.dates);
      // A flow's total over the period is kept (rate × days); a stock holds its period mean.
      const total = (t: typeof table) => t.get('crossings', 'XA-XB')!.mean.reduce((s, v) => s + v, 0);
      expect(total(table)).toBeCloseTo(total(daily), 2); // up to the 6 significant digits of the files
      const present = table.get('present', 'XA')!.mean;
      expect(present[40]).toBe(present[41]);
    }
    expect(parseSeriesCsv(await csvOf('day')).resolution).toBe('day');
  });

  it('switches to P² estimates past the exact bound, weekly as daily', async () => {
    const exact = rowsOf(await csvOf('week'));
    const sketched = rowsOf(await csvOf('week', 10));
    expect(sketched.map((r) => r.slice(0, 4))).toEqual(exact.map((r) => r.slice(0, 4)));
  });
});
