// The Monte Carlo commands end to end, in-process with a temporary working directory: run with
// --threads (same bytes), --until-ci, --replicate and --set; compare (files, table, a scenario
// against itself); sweep (grid in the CSV); and Ctrl-C leaving nothing that looks complete.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/program.js';

const TINY = resolve('test/fixtures/tiny.json');
const root = mkdtempSync(join(tmpdir(), 'routeshift-mc-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let cwd = root;
let n = 0;
beforeEach(() => {
  cwd = join(root, `case-${n++}`);
  mkdirSync(cwd);
});

async function cli(args: string[], signal?: AbortSignal) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), cwd, env: {}, signal });
  return { code, stdout, stderr };
}

const read = (...path: string[]) => readFileSync(join(cwd, ...path), 'utf8');

describe('routeshift run on threads', () => {
  it('writes the same summary.json and series.csv with --threads 1 and 2', async () => {
    for (const t of ['1', '2']) expect((await cli(['run', TINY, '--runs', '3', '--threads', t, '--out', `t${t}`])).code).toBe(0);
    expect(read('t2', 'summary.json')).toBe(read('t1', 'summary.json'));
    expect(read('t2', 'series.csv')).toBe(read('t1', 'series.csv'));
    const manifest = JSON.parse(read('t2', 'manifest.json'));
    expect(manifest.details).toMatchObject({ threads: 2, seriesQuantiles: 'exact' });
    const summary = JSON.parse(read('t1', 'summary.json'));
    expect(Object.keys(summary.totals.arrivals)).toEqual(['mean', 'ciLow', 'ciHigh', 'sd', 'p05', 'p50', 'p95']);
  });

  it('--until-ci adds runs until the interval is narrow enough and says so', async () => {
    const { code, stdout } = await cli(['run', TINY, '--runs', '2', '--until-ci', 'totals.arrivals=20%', '--max-runs', '30', '--threads', '2']);
    expect(code).toBe(0);
    const summary = JSON.parse(read('out', 'tiny', 'summary.json'));
    expect(stdout).toContain(`--until-ci totals.arrivals=20%: reached after ${summary.runs} runs`);
    const { mean, ciLow, ciHigh } = summary.totals.arrivals;
    expect(ciHigh - ciLow).toBeLessThanOrEqual(0.2 * mean * 1.0001);
    expect(JSON.parse(read('out', 'tiny', 'manifest.json')).details).toMatchObject({ untilCi: ['totals.arrivals=20%'], maxRuns: 30, stoppedBy: 'until-ci' });
  });

  it('rejects an unknown --until-ci metric and malformed targets as usage errors', async () => {
    const unknown = await cli(['run', TINY, '--until-ci', 'totals.nothing=5']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/no metric "totals.nothing" in summary.json \(for example: totals.entered, /);
    const misspelt = await cli(['run', TINY, '--until-ci', 'totals.arival=5']);
    expect(misspelt.code).toBe(1);
    expect(misspelt.stderr).toMatch(/no metric "totals.arival" in summary.json \(did you mean "totals.arrivals"\?\)/);
    const bad = await cli(['run', TINY, '--until-ci', 'totals.arrivals']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/metric=width/);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('--replicate i runs that replicate alone: its numbers are replicate i of a batch', async () => {
    const value = async (args: string[], out: string) => {
      expect((await cli(['run', TINY, '--seed', '5', '--out', out, ...args])).code).toBe(0);
      return JSON.parse(read(out, 'summary.json'));
    };
    const zero = await value(['--replicate', '0'], 'r0');
    const one = await value(['--replicate', '1'], 'r1');
    const batch = await value(['--runs', '2'], 'batch');
    expect([one.runs, one.replicate]).toEqual([1, 1]);
    const { replicate: _, ...rest } = zero;
    expect(JSON.stringify(rest)).toBe(JSON.stringify(await value(['--runs', '1'], 'first')));
    // Over two runs the mean is (r0 + r1) / 2.
    expect(batch.totals.arrivals.mean).toBeCloseTo((zero.totals.arrivals.mean + one.totals.arrivals.mean) / 2, 6);
    expect(JSON.parse(read('r1', 'manifest.json')).details).toMatchObject({ threads: 1, replicate: 1 });
  });

  it('--set changes the scenario before running and is validated like a file', async () => {
    expect((await cli(['run', TINY, '--runs', '1', '--set', 'borders.RS-HU.fence=1', '--out', 'fenced'])).code).toBe(0);
    expect(JSON.parse(read('fenced', 'manifest.json')).details.set).toEqual(['borders.RS-HU.fence=1']);
    const bad = await cli(['run', TINY, '--set', 'borders.RS-HU.detection=2']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/tiny\.json with --set borders\.RS-HU\.detection=2: \/borders\/RS-HU\/detection: must be/);
  });

  it('Ctrl-C during a threaded run: exit 130, workers stopped, nothing that looks complete', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('interrupted')), 150);
    const started = performance.now();
    const { code, stderr } = await cli(['run', TINY, '--runs', '5000', '--threads', '2', '--out', 'results'], controller.signal);
    expect(code).toBe(130);
    expect(stderr).toBe('routeshift: interrupted; nothing was written\n');
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(existsSync(join(cwd, 'results'))).toBe(false);
    expect(readdirSync(cwd)).toEqual([]);
  });
});

describe('routeshift compare', () => {
  it('writes comparison.json, manifest.json and report.html and prints a table; a scenario against itself differs by 0', async () => {
    const { code, stdout, stderr } = await cli(['compare', TINY, TINY, '--runs', '3', '--threads', '2', '--out', 'cmp']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(readdirSync(join(cwd, 'cmp')).sort()).toEqual(['comparison.json', 'manifest.json', 'report.html']);
    const c = JSON.parse(read('cmp', 'comparison.json'));
    expect(Object.keys(c)).toEqual([
      'baseline', 'variant', 'period', 'seed', 'runs', 'peoplePerAgent', 'totals', 'borders', 'exitShareChange', 'displacement', 'adaptationLag',
    ]);
    expect(c.borders['RS-HU'].crossings.difference).toMatchObject({ mean: 0, ciLow: 0, ciHigh: 0 });
    expect(stdout).toMatch(/^baseline: tiny {3}variant: tiny {3}3 paired runs, seed 3/);
    expect(stdout).toMatch(/RS-HU +[\d,]+ +[\d,]+ +0 +\[0, 0\]/);
    expect(stdout).toContain('displacement: no exit border lost crossings');
  });

  it('against a variant without the fence: displacement onto the other exit, lag from the fence date', async () => {
    writeFileSync(
      join(cwd, 'no-fence.json'),
      JSON.stringify({ extends: TINY, id: 'no-fence', events: [{ id: 'hu-fence', label: 'no fence', set: { fence: 0, detection: 0.3 } }] }),
    );
    // Baseline: the fenced world; variant: without the fence, so RS-HR loses crossings to RS-HU.
    const { code, stdout } = await cli(['compare', 'no-fence.json', TINY, '--runs', '4', '--threads', '2', '--out', 'cmp']);
    expect(code).toBe(0);
    const c = JSON.parse(read('cmp', 'comparison.json'));
    expect(c.displacement.target).toBe('RS-HU');
    expect(c.adaptationLag).toMatchObject({ target: 'RS-HU', differenceFrom: '2015-09-15' });
    expect(c.exitShareChange['RS-HU'].change).toBeLessThan(0);
    expect(stdout).toMatch(/displacement: [\d.]+ \[/);
    expect(stdout).toMatch(/adaptation lag: \d+ days from 2015-09-15/);
  });
});

describe('routeshift sweep', () => {
  it('writes sweep.csv with one row per point and metric, grid in order, and the grid in the manifest', async () => {
    const args = ['sweep', TINY, '--set', 'borders.RS-HU.detection=0.2,0.8', '--set', 'borders.RS-HR.detection=0.1,0.5,0.9', '--runs', '2'];
    const { code, stdout } = await cli([...args, '--threads', '2']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/sweep of tiny: 6 points × 2 runs/);
    const rows = read('out', 'sweep-tiny', 'sweep.csv').trimEnd().split('\n').slice(1).map((l) => l.split(','));
    const points = [...new Set(rows.map((r) => r.slice(0, 3).join(' ')))];
    expect(points).toEqual(['0 0.2 0.1', '1 0.2 0.5', '2 0.2 0.9', '3 0.8 0.1', '4 0.8 0.5', '5 0.8 0.9']);
    expect(rows.length % 6).toBe(0);
    const manifest = JSON.parse(read('out', 'sweep-tiny', 'manifest.json'));
    expect(manifest.details.points).toHaveLength(6);
    expect(manifest.details.points[4].set).toEqual({ 'borders.RS-HU.detection': 0.8, 'borders.RS-HR.detection': 0.5 });
    // The same sweep on one thread: the same bytes.
    expect((await cli([...args, '--threads', '1', '--out', 'serial'])).code).toBe(0);
    expect(read('serial', 'sweep.csv')).toBe(read('out', 'sweep-tiny', 'sweep.csv'));
  });

  it('needs a --set and validates every point', async () => {
    expect((await cli(['sweep', TINY])).stderr).toMatch(/needs at least one --set/);
    const bad = await cli(['sweep', TINY, '--set', 'borders.RS-HU.detection=0.5,7']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/--set borders\.RS-HU\.detection=7: \/borders\/RS-HU\/detection/);
    expect(readdirSync(cwd)).toEqual([]);
  });
});
