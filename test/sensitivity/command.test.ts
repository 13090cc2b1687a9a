// `routeshift sensitivity` end to end on the toy scenario: the files, the ranking it finds, the
// same bytes for 1 and 2 threads, and bad input refused before anything is written.

import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { main } from '../../src/cli/program.js';

const TOY = resolve('test/fixtures/calibration/toy-small.json');
const PARAMS = resolve('test/fixtures/calibration/toy-params.json');
const root = mkdtempSync(join(tmpdir(), 'routeshift-sens-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), cwd: root, env: {} });
  return { code, stdout, stderr };
}

const OUTPUTS = 'borders.XA-XC.crossings,borders.XA-XB.exitShare';

describe('routeshift sensitivity', () => {
  test('Morris ranks the middle crossing\'s detection first for its crossings; same bytes on 1 and 2 threads', async () => {
    const args = ['sensitivity', TOY, '--params', PARAMS, '--method', 'morris', '--trajectories', '4', '--runs-per-point', '1', '--outputs', OUTPUTS, '--seed', '3'];
    const one = await cli([...args, '--threads', '1', '--out', 'm1']);
    expect(one.stderr).toBe('');
    expect(one.code).toBe(0);
    expect(one.stdout).toMatch(/^borders\.XA-XC\.crossings:\n {2}parameter +μ\*/);
    const json = JSON.parse(readFileSync(join(root, 'm1/sensitivity.json'), 'utf8'));
    expect(json.points).toBe(16);
    const [crossings, share] = json.outputs;
    const top = (o: { parameters: { path: string; muStar: number }[] }) => [...o.parameters].sort((a, b) => b.muStar - a.muStar)[0].path;
    expect(top(crossings)).toBe('borders.XA-XC.detection');
    expect(top(share)).toMatch(/^borders\.XA-X[BC]\.detection$/);
    for (const f of ['sensitivity.csv', 'report.html', 'manifest.json']) expect(existsSync(join(root, 'm1', f))).toBe(true);
    expect(readFileSync(join(root, 'm1/report.html'), 'utf8')).toContain('<svg');
    const two = await cli([...args, '--threads', '2', '--out', 'm2']);
    expect(two.code).toBe(0);
    for (const f of ['sensitivity.json', 'sensitivity.csv']) expect(readFileSync(join(root, 'm2', f), 'utf8')).toBe(readFileSync(join(root, 'm1', f), 'utf8'));
  }, 60_000);

  test('Sobol writes first and total indices with intervals', async () => {
    const { code, stdout } = await cli(['sensitivity', TOY, '--params', PARAMS, '--method', 'sobol', '--samples', '6', '--runs-per-point', '1', '--outputs', 'borders.XA-XC.crossings', '--threads', '1', '--out', 's', '--no-report']);
    expect(code).toBe(0);
    expect(stdout).toContain('S1');
    const csv = readFileSync(join(root, 's/sensitivity.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe('output,parameter,index,value,ciLow,ciHigh');
    expect(csv).toHaveLength(1 + 3 * 2);
    expect(JSON.parse(readFileSync(join(root, 's/sensitivity.json'), 'utf8')).points).toBe(6 * 5);
  }, 60_000);

  test('bad params files and outputs: file and JSON path, exit 1, nothing written', async () => {
    mkdirSync(join(root, 'bad'), { recursive: true });
    const cases: [string, string, RegExp][] = [
      ['unknown-path.json', JSON.stringify({ parameters: [{ path: 'borders.XA-XC.nosuch', prior: { uniform: { min: 0, max: 1 } }, guess: 'x' }] }), /^bad\/unknown-path\.json: \/parameters\/0\/path: .*nosuch/],
      ['min-max.json', JSON.stringify({ parameters: [{ path: 'borders.XA-XC.detection', prior: { uniform: { min: 0.6, max: 0.2 } }, guess: 'x' }] }), /^bad\/min-max\.json: \/parameters\/0\/prior\/uniform\/max: must be greater than min/],
      ['syntax.json', '{ "parameters": [ }', /^bad\/syntax\.json: invalid JSON at line 1, column 19: Unexpected token/],
    ];
    for (const [name, text, message] of cases) {
      writeFileSync(join(root, 'bad', name), text);
      for (const command of [
        ['sensitivity', TOY, '--params', `bad/${name}`, '--method', 'morris', '--out', `out-${name}`],
        ['calibrate', TOY, '--params', `bad/${name}`, '--benchmarks', 'none.json', '--budget', '10', '--out', `cal-${name}`],
      ]) {
        const { code, stderr } = await cli(command);
        expect(stderr).toMatch(message);
        expect(stderr).not.toMatch(/^\s+at /m);
        expect(code).toBe(1);
        expect(existsSync(join(root, `out-${name}`))).toBe(false);
        expect(existsSync(join(root, `cal-${name}`))).toBe(false);
      }
    }
    const odd = await cli(['sensitivity', TOY, '--params', PARAMS, '--method', 'morris', '--levels', '3', '--out', 'x']);
    expect(odd.code).toBe(1);
    expect(odd.stderr).toBe('routeshift: --levels must be an even number of at least 2, got 3\n');
    const mixed = await cli(['sensitivity', TOY, '--params', PARAMS, '--method', 'sobol', '--trajectories', '3', '--out', 'x']);
    expect(mixed.code).toBe(1);
    expect(mixed.stderr).toMatch(/--trajectories and --levels are for --method morris/);
    const { code, stderr } = await cli(['sensitivity', TOY, '--params', PARAMS, '--method', 'morris', '--outputs', 'totals.nosuch', '--out', 'x']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/--outputs: "totals.nosuch" is not a summary.json metric/);
    expect(existsSync(join(root, 'x'))).toBe(false);
  });
});
