// The report's building blocks on small hand-made inputs: reading series.csv back, numbering and
// clustering events, choosing the key event, placing labels without overlap, thinning paths and
// making inlined SVG ids unique and reproducible.
import { describe, expect, it } from 'vitest';
import { clusterEvents, reportEvents } from '../../src/report/events.js';
import { keyEvents } from '../../src/report/keyEvents.js';
import { labelSize, placeLabels } from '../../src/report/labelPlacement.js';
import { binStats, parseSeriesCsv, rollingSums, SeriesCsvError, sumMeans } from '../../src/report/seriesTable.js';
import { hasSmugglers, smugglerCharts } from '../../src/report/smugglerCharts.js';
import { renderSvg, thinPath, tidySvg } from '../../src/report/vegaSvg.js';
import type { Scenario } from '../../src/scenarios/types.js';

const CSV = [
  'metric,entity,date,mean,p05,p50,p95',
  'crossings,A-B,2020-01-01,10,8,10,12',
  'crossings,A-B,2020-01-02,20,18,20,22',
  'crossings,A-B,2020-01-03,30,,30,33',
  'crossings,B-C,2020-01-01,0,0,0,0',
  'crossings,B-C,2020-01-02,5,4,5,6',
  'crossings,B-C,2020-01-03,40,35,40,45',
  'stranded,B,2020-01-01,1,1,1,1',
  'stranded,B,2020-01-02,2,2,2,2',
  'stranded,B,2020-01-03,3,3,3,3',
  '',
].join('\n');

describe('parseSeriesCsv', () => {
  it('reads blocks of days per metric and entity, keeping the text rows', () => {
    const t = parseSeriesCsv(CSV);
    expect(t.dates).toEqual(['2020-01-01', '2020-01-02', '2020-01-03']);
    expect(t.metrics).toEqual(['crossings', 'stranded']);
    expect(t.entities('crossings')).toEqual(['A-B', 'B-C']);
    const ab = t.get('crossings', 'A-B')!;
    expect([...ab.mean]).toEqual([10, 20, 30]);
    expect(Number.isNaN(ab.p05[2])).toBe(true);
    expect(sumMeans(ab)).toBe(60);
    expect(sumMeans(ab, 1, 3)).toBe(50);
    expect(t.rows('stranded', 'B')).toEqual(CSV.split('\n').slice(7, 10));
    expect(t.get('crossings', 'X-Y')).toBeUndefined();
  });

  it('rejects a file that is not in the documented shape', () => {
    expect(() => parseSeriesCsv('a,b\n')).toThrow(/expected the header/);
    expect(() => parseSeriesCsv(CSV.replace('crossings,B-C,2020-01-03,40,35,40,45\n', ''))).toThrow(/not whole blocks|does not have/);
    expect(() => parseSeriesCsv(CSV.replace('B-C,2020-01-02', 'B-C,2020-01-09')).get('crossings', 'B-C')).toThrow(/line 6/);
    // Too few or too many fields, a date cut short, and a row whose line break is CRLF (accepted).
    const row = 'crossings,B-C,2020-01-02,5,4,5,6\n';
    for (const broken of ['crossings,B-C,2020-01-02,5,4,5\n', 'crossings,B-C,2020-01-02,5,4,5,6,7\n', 'crossings,B-C,2020-01-0,5,4,5,6\n']) {
      expect(() => parseSeriesCsv(CSV.replace(row, broken)).get('crossings', 'B-C'), broken).toThrow(/line 6: expected 7 fields dated 2020-01-02/);
    }
    expect([...parseSeriesCsv(CSV.replace(row, row.replace('\n', '\r\n'))).get('crossings', 'B-C')!.p95]).toEqual([0, 6, 45]);
  });

  it('says where a file cut short inside its first block ends, as a problem with the file', () => {
    const cut = CSV.slice(0, CSV.indexOf('crossings,A-B,2020-01-03') + 20);
    expect(() => parseSeriesCsv(cut)).toThrow(SeriesCsvError);
    expect(() => parseSeriesCsv(cut)).toThrow('series.csv line 4: expected 7 fields (metric,entity,date,mean,p05,p50,p95) with an ISO date');
  });

  it('bins long series and sums moving windows', () => {
    const t = parseSeriesCsv(CSV);
    const binned = binStats(t.get('crossings', 'A-B')!, 2);
    expect(binned.starts).toEqual([0, 2]);
    expect([...binned.stats.mean]).toEqual([15, 30]);
    expect([...binned.stats.p05]).toEqual([13, NaN]);
    expect([...rollingSums(t.get('crossings', 'B-C'), 3, 2)]).toEqual([0, 5, 45]);
  });
});

const scenario = {
  period: { start: '2020-01-01', end: '2020-12-31' },
  events: [
    { date: '2020-03-05', label: 'third', border: 'A-B', set: {} },
    { date: '2019-12-01', label: 'before the period', border: 'A-B', set: {} },
    { date: '2020-03-01', label: 'first', border: ['A-B', 'B-C'], set: {} },
    { date: '2020-03-01', label: 'second', edge: 'e1', set: {} },
    { date: '2020-09-01', label: 'late', border: 'B-C', set: {} },
  ],
} as unknown as Scenario;

describe('events', () => {
  it('keeps the events of the run period, numbered in date order (file order within a day)', () => {
    const events = reportEvents(scenario, scenario.period);
    expect(events.map((e) => [e.n, e.label, e.day])).toEqual([
      [1, 'first', 60],
      [2, 'second', 60],
      [3, 'third', 64],
      [4, 'late', 244],
    ]);
    expect(events[0].targets).toEqual(['A-B', 'B-C']);
    expect(events[1].targets).toEqual(['edge e1']);
  });

  it('clusters events close to the first of a cluster under one label', () => {
    const clusters = clusterEvents(reportEvents(scenario, scenario.period), 10);
    expect(clusters.map((c) => [c.date, c.text])).toEqual([
      ['2020-03-01', '1–3'],
      ['2020-09-01', '4'],
    ]);
  });
});

describe('keyEvents', () => {
  it('picks the event after which crossings moved most between borders', () => {
    // 60 days: A-B carries 10 a day until day 30, then B-C does; a minor event at day 10.
    const days = Array.from({ length: 60 }, (_, d) => `2020-01-${String(d + 1).padStart(2, '0')}`);
    const dates = days.map((_, d) => new Date(Date.UTC(2020, 0, 1 + d)).toISOString().slice(0, 10));
    const rows = ['metric,entity,date,mean,p05,p50,p95'];
    for (const [border, on] of [['A-B', (d: number) => d < 30], ['B-C', (d: number) => d >= 30]] as const) {
      dates.forEach((date, d) => rows.push(`crossings,${border},${date},${on(d) ? 10 : 0},0,0,0`));
    }
    const series = parseSeriesCsv(rows.join('\n') + '\n');
    const mk = (day: number, n: number) => ({ events: [], date: dates[day], day, text: String(n) });
    const keys = keyEvents([mk(10, 1), mk(30, 2)], series, { windowDays: 20, count: 2 });
    expect(keys.map((k) => k.cluster.text)).toEqual(['2']);
    expect(keys[0].before).toEqual([10, 30]);
    expect(keys[0].after).toEqual([30, 50]);
    expect(keys[0].shift).toBe(20);
  });
});

describe('placeLabels', () => {
  it('places labels inside the frame, off obstacles and off each other, or leaves them out', () => {
    const point = (x: number, y: number) => ({ x0: x, y0: y, x1: x, y1: y });
    const requests = Array.from({ length: 30 }, (_, i) => ({ anchor: point(100 + (i % 5) * 4, 100 + i), text: `L${i}\n123K`, fontSize: 12, gapPx: 2 }));
    const obstacle = { x0: 60, y0: 0, x1: 80, y1: 300 };
    const placed = placeLabels(requests, [obstacle], 300, 300);
    expect(placed.length).toBeGreaterThan(1);
    expect(placed.length).toBeLessThan(30);
    const boxes = placed.map((p) => {
      const { w, h } = labelSize(p.request);
      return { x0: p.cx - w / 2, y0: p.cy - h / 2, x1: p.cx + w / 2, y1: p.cy + h / 2 };
    });
    const overlap = (a: typeof obstacle, b: typeof obstacle) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
    boxes.forEach((b, i) => {
      expect(overlap(b, obstacle)).toBe(false);
      expect(b.x0 >= 0 && b.y0 >= 0 && b.x1 <= 300 && b.y1 <= 300).toBe(true);
      boxes.slice(i + 1).forEach((c) => expect(overlap(b, c)).toBe(false));
    });
  });
});

describe('SVG post-processing', () => {
  it('thins M/L/Z paths below a pixel, keeping ring ends, and leaves other paths alone', () => {
    expect(thinPath('M0,0L0.2,0L0.4,0L5,0L5,5Z', 1)).toBe('M0,0L5,0L5,5Z');
    expect(thinPath('M0,0L0.1,0.1Z', 1)).toBe('M0,0L0.1,0.1Z');
    expect(thinPath('M0,0C1,1,2,2,3,3', 1)).toBe('M0,0C1,1,2,2,3,3');
  });

  it('renumbers ids per chart, rounds paths and adds the accessible name and description', () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" width="10"><g clip-path="url(#clip7)"><path d="M1.23456,2.5L3.04,4"/>' +
      '<text font-family="A, B" opacity="0">hidden</text><text font-family="A, B">shown &amp; kept</text></g>' +
      '<defs><clipPath id="clip7"><rect/></clipPath></defs></svg>';
    const out = tidySvg(svg, 'c', { title: 'T <1>', desc: 'D' });
    expect(out).toContain('clip-path="url(#c-1)"');
    expect(out).toContain('<clipPath id="c-1">');
    expect(out).toContain('d="M1.2,2.5L3,4"');
    expect(out).not.toContain('hidden');
    expect(out).toMatch(/^<svg role="img" aria-labelledby="c-title c-desc" [^>]*font-family="A, B"/);
    expect(out).toContain('<title id="c-title">T &lt;1&gt;</title><desc id="c-desc">D</desc>');
    expect(out.match(/font-family/g)).toHaveLength(1);
  });
});

describe('smuggler charts', () => {
  const rows = ['metric,entity,date,mean,p05,p50,p95'];
  const dates = ['2020-01-01', '2020-01-02', '2020-01-03', '2020-01-04', '2020-01-05', '2020-01-06', '2020-01-07', '2020-01-08'];
  const block = (metric: string, entity: string, value: (d: number) => number) =>
    dates.forEach((date, d) => rows.push(`${metric},${entity},${date},${value(d)},${value(d)},${value(d)},${value(d)}`));
  block('crossings', 'A-B', () => 10);
  block('smuggledCrossings', 'A-B', (d) => (d < 4 ? 2 : 6));
  block('priceEur', 'A-B', (d) => (d === 3 ? 0 : 500 + d));
  block('networksBased', 'A', () => 2);
  const series = parseSeriesCsv(rows.join('\n') + '\n');
  const stats = (mean: number) => ({ mean, sd: 0, p05: mean, p50: mean, p95: mean });
  const context = (smuggled: number) => ({
    scenario: { countries: {} } as unknown as Scenario,
    summary: {
      scenario: 's', period: { start: dates[0], end: dates[7] }, seed: 1, runs: 2, peoplePerAgent: 1,
      totals: { smuggledCrossings: stats(smuggled * 8) },
      borders: { 'A-B': { crossings: stats(80), smuggledCrossings: stats(smuggled * 8), priceEur: stats(smuggled > 0 ? 503 : 0), smuggledShare: stats(0.4) } },
      countries: {},
    },
    series,
    events: [],
    clusters: [],
    widthPx: 1000,
    binDays: 1,
  });

  it('appear only when the outputs hold smuggling, and render without warnings', async () => {
    expect(hasSmugglers(context(0))).toBe(false);
    expect(smugglerCharts(context(0))).toEqual([]);
    const charts = smugglerCharts(context(4));
    expect(charts.map((c) => c.id)).toEqual(['smuggler-prices', 'smuggled-share', 'smuggler-networks']);
    const sink = { warnings: [] as string[] };
    for (const c of charts) expect(await renderSvg(c.spec, c.id, c.alt, sink)).toMatch(/^<svg role="img"/);
    expect(sink.warnings).toEqual([]);
  });
});
