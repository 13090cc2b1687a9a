// `routeshift calibrate` on a synthetic problem with a known answer: the small toy scenario with
// the west crossing's detection set to 0.7, "observed" monthly detections and crossings at that
// border generated from the model itself (other replicates than the calibration's); the posterior
// must cover 0.7. Also: the same bytes for 1 and 2 threads, a resumed calibration equals an
// uninterrupted one, best.json runs, and bad input writes nothing.

import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { evaluateBenchmarks, parseBenchmarks } from '../../src/benchmarks/index.js';
import { main } from '../../src/cli/program.js';
import { applyOverride, parseOverride } from '../../src/run/overrides.js';
import { loadScenario } from '../../src/scenarios/load.js';

const TOY = resolve('test/fixtures/calibration/toy-small.json');
const PARAMS = resolve('test/fixtures/calibration/toy-params.json');
const TRUE_DETECTION = 0.7;
const root = mkdtempSync(join(tmpdir(), 'routeshift-cal-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function cli(args: string[], signal?: AbortSignal) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), cwd: root, env: {}, signal });
  return { code, stdout, stderr };
}

const source = { document: 'synthetic: the model at borders.XA-XB.detection = 0.7', where: 'test/calibration/calibrate.test.ts' };
const months = ['2025-01', '2025-02', '2025-03', '2025-04'];

function benchmarkFile(observed: { detections: number[]; crossings: number[] } | undefined): unknown {
  const series = (metric: string, values: number[] | undefined) => ({
    kind: 'series', id: `west-${metric}`, weight: 1, source, metric, entity: 'XA-XB', window: 'monthly',
    points: months.map((period, k) => ({ period, value: values?.[k] ?? 1 })),
  });
  return { id: 'synthetic', description: 'Monthly detections and crossings at the west crossing', items: [series('detections', observed?.detections), series('crossings', observed?.crossings)] };
}

beforeAll(async () => {
  const { scenario } = await loadScenario(TOY);
  const truth = applyOverride(scenario, parseOverride(`borders.XA-XB.detection=${TRUE_DETECTION}`));
  const template = parseBenchmarks(benchmarkFile(undefined), truth, 'template');
  const card = await evaluateBenchmarks(truth, template, { runs: 20, seed: 1000, threads: 1 });
  const means = card.items.map((it) => (it.points ?? []).map((p) => p.mean as number));
  writeFileSync(join(root, 'observed.json'), JSON.stringify(benchmarkFile({ detections: means[0], crossings: means[1] })));
  writeFileSync(join(root, 'params.json'), JSON.stringify({ parameters: [{ path: 'borders.XA-XB.detection', prior: { uniform: { min: 0.1, max: 0.95 } }, guess: 'test' }] }));
});

const base = (out: string, budget: number, threads: number) => [
  'calibrate', TOY, '--benchmarks', 'observed.json', '--params', 'params.json', '--budget', String(budget), '--particles', '40',
  '--predictive-runs', '4', '--seed', '11', '--threads', String(threads), '--out', out,
];
const read = (dir: string, file: string) => readFileSync(join(root, dir, file), 'utf8');

describe('routeshift calibrate', () => {
  test('recovers a known detection within its posterior 95% interval', async () => {
    const { code, stdout, stderr } = await cli(base('a', 240, 1));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/calibration of toy-small: \d+ generations, \d+ simulations/);
    const json = JSON.parse(read('a', 'calibration.json'));
    const [post] = json.parameters;
    expect(post.path).toBe('borders.XA-XB.detection');
    expect(post.q025).toBeLessThanOrEqual(TRUE_DETECTION);
    expect(post.q975).toBeGreaterThanOrEqual(TRUE_DETECTION);
    // The data inform the parameter: the interval is well inside the prior's 0.1–0.95.
    expect(post.q975 - post.q025).toBeLessThan(0.5);
    // At least budget / particles generations (proposals outside the prior cost no simulation).
    expect(json.generations.length).toBeGreaterThanOrEqual(6);
    expect(json.simulations).toBeLessThanOrEqual(240);
    expect(json.simulations).toBe(json.generations.reduce((sum: number, g: { simulations: number }) => sum + g.simulations, 0));
    const tolerances = json.generations.slice(1).map((g: { epsilon: number }) => g.epsilon);
    expect(tolerances.at(-1)).toBeLessThan(tolerances[0]);
    const csv = read('a', 'posterior.csv').trim().split('\n');
    expect(csv[0]).toBe('generation,particle,borders.XA-XB.detection,weight,distance');
    expect(csv).toHaveLength(1 + json.generations.length * 40);
    expect(read('a', 'report.html')).toContain('posterior predictive');
    const best = JSON.parse(read('a', 'best.json'));
    expect(best.borders['XA-XB'].detection).toBeCloseTo(json.best.values['borders.XA-XB.detection'], 5);
    expect(Object.keys(best)).toEqual(['extends', 'id', 'name', 'description', 'borders']);
    const loaded = await loadScenario(join(root, 'a', 'best.json'));
    expect(loaded.scenario.borders?.['XA-XB'].detection).toBe(best.borders['XA-XB'].detection);
    expect(loaded.scenario.borders?.['XA-XB'].pushback).toBe(0.5);
  }, 120_000);

  test('same seed, same bytes with 2 threads', async () => {
    const { code } = await cli([...base('b', 240, 2), '--no-report']);
    expect(code).toBe(0);
    for (const f of ['posterior.csv', 'calibration.json', 'best.json', 'checkpoint.json']) expect(read('b', f)).toBe(read('a', f));
  }, 120_000);

  test('a calibration stopped after generation 1 and resumed equals an uninterrupted one', async () => {
    expect((await cli([...base('c', 80, 1), '--no-report'])).code).toBe(0);
    expect(JSON.parse(read('c', 'checkpoint.json')).state.generations).toHaveLength(2);
    const refused = await cli([...base('c', 240, 1), '--no-report']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/exists and is not empty; use --force/);
    const other = await cli([...base('c', 240, 1), '--seed', '12', '--resume', '--no-report']);
    expect(other.code).toBe(1);
    expect(other.stderr).toMatch(/--resume: the checkpoint in c was made with other settings \(seed\)/);
    const resumed = await cli([...base('c', 240, 1), '--resume', '--no-report']);
    expect(resumed.stderr).toBe('');
    expect(resumed.code).toBe(0);
    for (const f of ['posterior.csv', 'calibration.json', 'best.json']) expect(read('c', f)).toBe(read('a', f));
  }, 120_000);

  test('interrupted (Ctrl-C) after a checkpoint, then --resume: the same bytes', async () => {
    const stop = new AbortController();
    const checkpoint = join(root, 'i', 'checkpoint.json');
    const watch = setInterval(() => {
      if (existsSync(checkpoint)) stop.abort();
    }, 5);
    const interrupted = await cli([...base('i', 240, 1), '--no-report'], stop.signal);
    clearInterval(watch);
    expect(interrupted.code).toBe(130);
    expect(interrupted.stderr).toMatch(/^routeshift: interrupted; i\/checkpoint\.json holds generation \d+: add --resume to continue\n$/);
    expect(existsSync(join(root, 'i', 'posterior.csv'))).toBe(false);
    const resumed = await cli([...base('i', 240, 1), '--resume', '--no-report']);
    expect(resumed.code).toBe(0);
    for (const f of ['posterior.csv', 'calibration.json', 'best.json']) expect(read('i', f)).toBe(read('a', f));
  }, 60_000);

  test('--train-until fits the early months and reports the held-out ones apart', async () => {
    const { code, stdout } = await cli([...base('t', 80, 1), '--train-until', '2025-02-28', '--no-report']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/best particle: distance [\d.]+, score [\d.]+; train [\d.]+, held-out [\d.]+/);
    const json = JSON.parse(read('t', 'calibration.json'));
    expect(json.settings.trainUntil).toBe('2025-02-28');
    for (const fit of [json.fit.best, json.fit.posteriorPredictive]) {
      expect(fit.train.items).toBe(2);
      expect(fit.test.items).toBe(2);
    }
    const bad = await cli([...base('t2', 80, 1), '--train-until', '2025-02-30']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/--train-until: "2025-02-30" is not a date/);
  }, 60_000);

  test('sensitivity of the scorecard distance ranks the calibrated detection first', async () => {
    const { code, stdout } = await cli(['sensitivity', TOY, '--params', PARAMS, '--method', 'morris', '--trajectories', '4', '--runs-per-point', '1', '--benchmarks', 'observed.json', '--threads', '1', '--out', 's', '--no-report']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^distance:\n {2}parameter +μ\*[^\n]*\n {2}borders\.XA-XB\.detection /);
  }, 60_000);

  test('bad input: exit 1 and nothing written', async () => {
    const small = await cli(base('d', 10, 1));
    expect(small.code).toBe(1);
    expect(small.stderr).toMatch(/--budget 10 does not cover one generation: 40 particles × 1 simulations/);
    const one = await cli([...base('d', 100, 1), '--particles', '1']);
    expect(one.code).toBe(1);
    expect(one.stderr).toMatch(/--particles must be at least 2/);
    writeFileSync(join(root, 'bad-bench.json'), '{"id": "x", "items": [}');
    const bad = await cli(['calibrate', TOY, '--benchmarks', 'bad-bench.json', '--params', 'params.json', '--budget', '100', '--out', 'e']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^bad-bench\.json: invalid JSON at line 1/);
    const noResume = await cli([...base('f', 100, 1), '--resume']);
    expect(noResume.code).toBe(1);
    expect(noResume.stderr).toMatch(/--resume: f\/checkpoint.json does not exist/);
    for (const d of ['d', 'e', 'f']) expect(existsSync(join(root, d))).toBe(false);
  });
});
