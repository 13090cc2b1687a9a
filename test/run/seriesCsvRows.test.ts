// series.csv is written row by row into one byte buffer sized from a first estimate and grown when
// the numbers are longer (series.ts, toCsvBytes): over tens of thousands of rows no line is lost,
// doubled, split or joined, the rows keep their order, and the text ends with one newline.
import { describe, expect, it } from 'vitest';
import { BORDER_METRICS, COUNTRY_METRICS, TOTAL_METRICS } from '../../src/model/result.js';
import { runMonteCarlo } from '../../src/run/monteCarlo.js';
import { SERIES_HEADER, buildSeriesCsv } from '../../src/run/series.js';
import { compileScenario } from '../../src/scenarios/compile.js';
import { threeExitsScenario } from '../fixtures/scenarios.js';

describe('series.csv rows', () => {
  it('has every row once, in order, in a file that outgrows its first buffer', async () => {
    const compiled = compileScenario(threeExitsScenario());
    const { results } = await runMonteCarlo(compiled, { runs: 2, seed: 3 });
    const csv = buildSeriesCsv(compiled, results);
    const lines = csv.split('\n');
    const { borderIds, countryIds } = compiled.network;
    const rows = (BORDER_METRICS.length * borderIds.length + COUNTRY_METRICS.length * countryIds.length + TOTAL_METRICS.length) * compiled.days;
    expect(rows).toBeGreaterThan(10_000);
    // Rows longer than "0,0,0,0" (the estimate) make the buffer grow.
    expect(lines.filter((l) => l.endsWith(',0,0,0,0')).length).toBeLessThan(rows);
    expect(lines).toHaveLength(1 + rows + 1);
    expect(lines[0]).toBe(SERIES_HEADER);
    expect(lines.at(-1)).toBe('');
    const expected: string[] = [];
    const add = (metrics: readonly string[], ids: readonly string[]) => {
      for (const m of metrics) for (const id of ids) for (let d = 0; d < compiled.days; d++) expected.push(`${m},${id}`);
    };
    add(BORDER_METRICS, borderIds);
    add(COUNTRY_METRICS, countryIds);
    add(TOTAL_METRICS, ['total']);
    const body = lines.slice(1, -1);
    expect(body.map((l) => l.split(',').slice(0, 2).join(','))).toEqual(expected);
    expect(body.every((l) => l.split(',').length === 7)).toBe(true);
  });
});
