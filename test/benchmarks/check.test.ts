// `routeshift check` in-process on the toy crackdown (test/benchmarks/api.test.ts): patterns pass
// on the scenario built for them and fail, with --strict exiting 1, once an override removes the
// crackdown; scorecard.json is byte-identical for 1 and 2 threads; bad benchmark files name the
// file and JSON path, exit 1 and write nothing; a Flee benchmark gives score-flee's ARD.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/program.js';
import { toyBenchmarks, toyScenario } from '../fixtures/benchmarks.js';

const STACK_FRAME = /^\s+at /m;
const root = mkdtempSync(join(tmpdir(), 'routeshift-check-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let cwd = root;
let n = 0;
beforeEach(() => {
  cwd = join(root, `case-${n++}`);
  mkdirSync(cwd);
  writeFileSync(join(cwd, 'toy.json'), JSON.stringify(toyScenario(), null, 2));
  writeFileSync(join(cwd, 'toy.bench.json'), JSON.stringify(toyBenchmarks(), null, 2));
});

async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), cwd, env: {} });
  return { code, stdout, stderr };
}

const CHECK = ['check', 'toy.json', '--benchmarks', 'toy.bench.json', '--runs', '3', '--seed', '7'];
const card = (dir: string) => JSON.parse(readFileSync(join(cwd, dir, 'scorecard.json'), 'utf8'));

describe('routeshift check', () => {
  it('passes the patterns of a scenario built to satisfy them and writes scorecard.json, report.html, manifest.json', async () => {
    const r = await cli([...CHECK, '--threads', '1', '--strict', '--no-report']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^middle-share-falls +directional +.* pass$/m);
    expect(r.stdout).toMatch(/^north-rises-with-detection +monotone +.* pass$/m);
    expect(r.stdout).toContain('wrote out/check-crackdown/ (scorecard.json, manifest.json)');
    const c = card('out/check-crackdown');
    expect(c.arms).toHaveLength(4);
    expect(c.items.filter((i: { kind: string }) => i.kind !== 'series').every((i: { pass: boolean }) => i.pass)).toBe(true);
    const withReport = await cli([...CHECK, '--threads', '1', '--out', 'with-report']);
    expect(withReport.code).toBe(0);
    const html = readFileSync(join(cwd, 'with-report', 'report.html'), 'utf8');
    expect(html).toContain('<section id="scorecard"');
    expect(html).toContain('id="scorecard-crossings-monthly"');
    expect(html).toContain('middle-share-falls');
    // `report` regenerates the same page from the directory.
    const again = await cli(['report', 'with-report', '--out', 'again.html']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toBe('');
    expect(readFileSync(join(cwd, 'again.html'), 'utf8')).toBe(html);
  });

  it('fails them when --set removes the crackdown, and --strict then exits 1 after writing', async () => {
    const r = await cli([...CHECK, '--threads', '1', '--no-report', '--strict', '--set', 'events.middle-crackdown.set={"detection":0.3}']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^routeshift: --strict: \d patterns? failed: .*middle-share-falls/m);
    expect(r.stdout).toMatch(/^middle-share-falls +directional +.* FAIL$/m);
    expect(card('out/check-crackdown').items[0].pass).toBe(false);
    const lenient = await cli([...CHECK, '--threads', '1', '--no-report', '--force', '--set', 'events.middle-crackdown.set={"detection":0.3}']);
    expect(lenient.code).toBe(0);
  });

  it('writes the same scorecard.json bytes for 1 and 2 threads, and --json prints it', async () => {
    const one = await cli([...CHECK, '--threads', '1', '--out', 'one', '--no-report', '--train-until', '2020-03-31']);
    const two = await cli([...CHECK, '--threads', '2', '--out', 'two', '--no-report', '--train-until', '2020-03-31', '--json']);
    expect([one.code, two.code]).toEqual([0, 0]);
    const bytes = readFileSync(join(cwd, 'one', 'scorecard.json'), 'utf8');
    expect(readFileSync(join(cwd, 'two', 'scorecard.json'), 'utf8')).toBe(bytes);
    expect(two.stdout).toBe(bytes);
    expect(JSON.parse(bytes).train.items).toBe(2);
    expect(two.stderr).toContain('split at 2020-03-31: train:');
  });
});

describe('routeshift check with bad benchmark files', () => {
  const items = (toyBenchmarks() as { items: Record<string, unknown>[] }).items;
  const cases: [string, string, string][] = [
    ['bad JSON', '{ "id": "toy", "items": [ }', 'bad.json: '],
    ['unknown event id', JSON.stringify({ id: 'toy', description: '', items: [{ ...items[0], event: 'no-such-event' }] }), 'bad.json: /items/0/event: unknown event "no-such-event"'],
    ['unknown border', JSON.stringify({ id: 'toy', description: '', items: [{ ...items[0], shareOf: ['XN-XB', 'XQ-XB'] }] }), 'bad.json: /items/0/shareOf/1: unknown border "XQ-XB"'],
    ['value out of range', JSON.stringify({ id: 'toy', description: '', items: [{ ...items[3], points: [{ period: '2020-01', value: -5 }] }] }), 'bad.json: /items/0/points/0/value: must be >= 0'],
    ['date outside the period', JSON.stringify({ id: 'toy', description: '', items: [{ ...items[1], after: { from: '2020-06-01', to: '2020-07-31' } }] }), 'bad.json: /items/0/after: 2020-06-01 to 2020-07-31 is not inside the scenario\'s period'],
    ['monotone value the scenario refuses', JSON.stringify({ id: 'toy', description: '', items: [{ ...items[2], values: [0.5, 1.5] }] }), 'bad.json: /items/0/values/1: the scenario with --set events.middle-crackdown.set.detection=1.5: /events/0/set/detection: must be <= 1'],
    ['unknown kind', JSON.stringify({ id: 'toy', description: '', items: [{ ...items[0], kind: 'trend' }] }), 'bad.json: /items/0/kind: must be one of "series", "directional", "comparative", "monotone"'],
  ];
  it('--train-until must be a date', async () => {
    const r = await cli([...CHECK, '--train-until', '2020-02-30', '--out', 'results']);
    expect([r.code, r.stderr]).toEqual([1, 'routeshift: --train-until 2020-02-30: must be an ISO date YYYY-MM-DD\n']);
    expect(existsSync(join(cwd, 'results'))).toBe(false);
  });

  for (const [name, text, message] of cases) {
    it(`${name}: file and JSON path, exit 1, no stack, nothing written`, async () => {
      writeFileSync(join(cwd, 'bad.json'), text);
      const r = await cli(['check', 'toy.json', '--benchmarks', 'bad.json', '--runs', '1', '--out', 'results']);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr.startsWith(message), r.stderr).toBe(true);
      expect(r.stderr).not.toMatch(STACK_FRAME);
      expect(existsSync(join(cwd, 'results'))).toBe(false);
    });
  }
});

describe('routeshift check with a Flee benchmark', () => {
  it("gives the same ARD, raw and rescaled, as score-flee, in the scorecard and the report", async () => {
    expect((await cli(['import-flee', resolve('test/fixtures/flee/tiny'), '--out', 'tiny.json'])).code).toBe(0);
    const flee = await cli(['score-flee', 'tiny.json', 'tiny.benchmark.json', '--runs', '3', '--seed', '5', '--json']);
    expect(flee.code).toBe(0);
    const score = JSON.parse(flee.stdout);
    const r = await cli(['check', 'tiny.json', '--benchmarks', 'tiny.benchmark.json', '--runs', '3', '--seed', '5', '--threads', '1', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const item = JSON.parse(r.stdout).items[0];
    expect(item.kind).toBe('flee');
    expect(item.value.mean).toBe(score.ard.raw.mean);
    expect(item.errors.ardRaw).toBe(score.ard.raw.mean);
    expect(item.errors.ardRescaled).toBe(score.ard.rescaled.mean);
    expect(score.ard.raw.mean).toBeGreaterThan(0);
    const html = readFileSync(join(cwd, 'out', `check-${JSON.parse(r.stdout).scenario.id}`, 'report.html'), 'utf8');
    expect(html).toContain('id="scorecard-flee-ard"');
    // --train-until splits the days: 10 train days and 20 test days average back to the whole ARD
    // (on 2 worker threads, which return every node's daily count with the result).
    const split = await cli(['check', 'tiny.json', '--benchmarks', 'tiny.benchmark.json', '--runs', '3', '--seed', '5', '--threads', '2', '--json', '--out', 'split', '--train-until', '2020-01-10', '--no-report']);
    expect(split.code, split.stderr).toBe(0);
    const parts = JSON.parse(split.stdout);
    expect((10 * parts.train.distance + 20 * parts.test.distance) / 30).toBeCloseTo(score.ard.raw.mean, 12);
    expect(parts.train.distance).not.toBeCloseTo(parts.test.distance, 6);
    expect(html).toContain(`${score.ard.raw.mean.toPrecision(3)} / ${score.ard.rescaled.mean.toPrecision(3)}`);
  });
});
