// The options added for issue 3's open parts, end to end in-process: `run --series-resolution`
// (weekly series.csv and a report that reads it), `compare --until-ci` (pairs added until the paired
// interval is narrow, the lag's bootstrap interval in the table) and `sweep --until-ci` (per point).
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/program.js';

const TINY = resolve('test/fixtures/tiny.json');
const root = mkdtempSync(join(tmpdir(), 'routeshift-new-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let cwd = root;
let n = 0;
beforeEach(() => {
  cwd = join(root, `case-${n++}`);
  mkdirSync(cwd);
});

async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), cwd, env: {} });
  return { code, stdout, stderr };
}
const read = (...path: string[]) => readFileSync(join(cwd, ...path), 'utf8');

describe('run --series-resolution', () => {
  it('writes one row per calendar week, the same summary.json, the same bytes for 1 and 2 threads, and a report that reads it', async () => {
    expect((await cli(['run', TINY, '--runs', '2', '--threads', '1', '--out', 'daily', '--no-report'])).code).toBe(0);
    const { code, stderr } = await cli(['run', TINY, '--runs', '2', '--threads', '2', '--out', 'weekly', '--series-resolution', 'week']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(read('weekly', 'summary.json')).toBe(read('daily', 'summary.json'));
    // Reduced to weeks in the workers or in this thread: the same bytes.
    expect((await cli(['run', TINY, '--runs', '2', '--threads', '1', '--out', 'weekly1', '--series-resolution', 'week', '--no-report'])).code).toBe(0);
    expect(read('weekly1', 'series.csv')).toBe(read('weekly', 'series.csv'));
    const dates = [...new Set(read('weekly', 'series.csv').trimEnd().split('\n').slice(1).map((l) => l.split(',')[2]))];
    // 2015-06-01 (a Monday) … 2015-10-31: 22 weeks, the last one of 6 days.
    expect(dates).toHaveLength(22);
    expect(dates.slice(0, 3)).toEqual(['2015-06-01', '2015-06-08', '2015-06-15']);
    expect(JSON.parse(read('weekly', 'manifest.json')).details).toMatchObject({ seriesResolution: 'week' });
    const html = read('weekly', 'report.html');
    expect(html).toContain('--series-resolution week');
    expect(html).toContain('id="crossings"');
  });

  it('monthly, and refuses an unknown resolution', async () => {
    expect((await cli(['run', TINY, '--runs', '1', '--series-resolution', 'month', '--out', 'm'])).code).toBe(0);
    const dates = [...new Set(read('m', 'series.csv').trimEnd().split('\n').slice(1).map((l) => l.split(',')[2]))];
    expect(dates).toEqual(['2015-06-01', '2015-07-01', '2015-08-01', '2015-09-01', '2015-10-01']);
    const bad = await cli(['run', TINY, '--series-resolution', 'year']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/Allowed choices are day, week, month/);
  });
});

describe('compare --until-ci', () => {
  it('adds pairs until the paired interval is narrow enough, and records why it stopped', async () => {
    writeFileSync(
      join(cwd, 'no-fence.json'),
      JSON.stringify({ extends: TINY, id: 'no-fence', events: [{ id: 'hu-fence', label: 'no fence', set: { fence: 0, detection: 0.3 } }] }),
    );
    const args = ['compare', 'no-fence.json', TINY, '--runs', '2', '--until-ci', 'borders.RS-HU.crossings=20%', '--max-runs', '40', '--out', 'cmp', '--no-report'];
    const { code, stdout } = await cli(args);
    expect(code).toBe(0);
    const c = JSON.parse(read('cmp', 'comparison.json'));
    const d = c.borders['RS-HU'].crossings.difference;
    expect(d.ciHigh - d.ciLow).toBeLessThanOrEqual(0.2 * Math.abs(d.mean) * 1.0001);
    expect(stdout).toContain(`--until-ci borders.RS-HU.crossings=20%: reached after ${c.runs} pairs`);
    expect(JSON.parse(read('cmp', 'manifest.json'))).toMatchObject({ runs: c.runs, details: { untilCi: ['borders.RS-HU.crossings=20%'], maxRuns: 40, stoppedBy: 'until-ci' } });
    expect(c.adaptationLag.lagDaysInterval).toMatchObject({ samples: 200 });
    expect(stdout).toMatch(/95% CI [\d.]+–([\d.]+|beyond the period) days \(bootstrap, 200 resamples of the pairs/);
  });

  it('refuses --max-runs alone, metrics not in comparison.json, and writes nothing', async () => {
    const alone = await cli(['compare', TINY, TINY, '--max-runs', '5']);
    expect([alone.code, alone.stderr]).toEqual([1, 'routeshift: --max-runs bounds --until-ci; give --until-ci too\n']);
    const countries = await cli(['compare', TINY, TINY, '--until-ci', 'countries.RS.presentEnd=5']);
    expect(countries.code).toBe(1);
    expect(countries.stderr).toMatch(/no metric "countries.RS.presentEnd" in comparison.json/);
    expect(readdirSync(cwd)).toEqual([]);
  });
});

describe('sweep --until-ci', () => {
  it('runs each point until its own interval is narrow enough; runs per point in sweep.csv and the manifest', async () => {
    const args = ['sweep', TINY, '--set', 'borders.RS-HU.detection=0.2,0.8', '--runs', '2', '--until-ci', 'totals.arrivals=10%', '--max-runs', '30'];
    const { code, stdout } = await cli([...args, '--threads', '2']);
    expect(code).toBe(0);
    const rows = read('out', 'sweep-tiny', 'sweep.csv').trimEnd().split('\n').slice(1).map((l) => l.split(','));
    const arrivals = rows.filter((r) => r[2] === 'arrivals' && r[3] === 'total');
    expect(arrivals).toHaveLength(2);
    for (const r of arrivals) {
      const [mean, ciLow, ciHigh] = r.slice(5, 8).map(Number);
      expect(ciHigh - ciLow).toBeLessThanOrEqual(0.1 * mean * 1.0001);
    }
    expect(stdout).toContain(`2 points × ${arrivals.map((r) => r[4]).join('/')} runs (until CI)`);
    expect(JSON.parse(read('out', 'sweep-tiny', 'manifest.json')).details).toMatchObject({ untilCi: ['totals.arrivals=10%'], maxRuns: 30, stoppedBy: ['until-ci', 'until-ci'] });
  });
});
